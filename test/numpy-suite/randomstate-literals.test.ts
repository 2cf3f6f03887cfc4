/**
 * numpy 1.24's random/tests/test_randomstate.py for the legacy distributions tsdl has, translated with
 * numpy's literal expected values and numpy's own assertions (assert_array_almost_equal's decimals).
 */
import { np, NDArray } from '../../lib/np';

const random = np.random as unknown as Record<string, (...args: unknown[]) => NDArray | number>;

/** numpy's assert_array_almost_equal: |actual - desired| < 1.5 * 10**-decimal, shapes equal. */
function almostEqual(actual: NDArray | number, desired: number[][] | number[] | number, decimal: number): void {
  const want = np.array(desired as number[]);
  const got = actual instanceof NDArray ? actual : np.array(actual);
  expect(got.shape).toEqual(want.shape);
  const g = got.values(), w = want.values();
  w.forEach((x, i) => expect(Math.abs(g[i] - x)).toBeLessThan(1.5 * 10 ** -decimal));
}

function arrayEqual(actual: NDArray | number, desired: number[][] | number[] | number): void {
  const got = actual instanceof NDArray ? actual : np.array(actual);
  expect(got.tolist()).toEqual(np.array(desired as number[]).tolist());
}

describe('TestRandomDist (seed 1234567890)', () => {
  const seed = (): void => { np.random.seed(1234567890); };

  test('test_beta', () => {
    seed();
    almostEqual(random.beta(0.1, 0.9, { size: [3, 2] }), [[1.45341850513746058e-02, 5.31297615662868145e-04],
      [1.85366619058432324e-06, 4.19214516800110563e-03], [1.58405155108498093e-04, 1.26252891949397652e-04]], 15);
  });
  test('test_binomial', () => {
    seed();
    arrayEqual(random.binomial(100.123, 0.456, { size: [3, 2] }), [[37, 43], [42, 48], [46, 45]]);
    seed();
    arrayEqual(random.binomial(100.123, 0.456), 37);
  });
  test('test_exponential', () => {
    seed();
    almostEqual(random.exponential(1.1234, { size: [3, 2] }), [[1.08342649775011624, 1.00607889924557314],
      [2.46628830085216721, 2.49668106809923884], [0.68717433461363442, 1.69175666993575979]], 15);
  });
  test('test_exponential_0', () => {
    expect(random.exponential({ scale: 0 })).toBe(0);
    expect(() => random.exponential({ scale: -0 })).toThrow(np.ValueError);
  });
  test('test_gamma', () => {
    seed();
    almostEqual(random.gamma(5, 3, { size: [3, 2] }), [[24.60509188649287182, 28.54993563207210627],
      [26.13476110204064184, 12.56988482927716078], [31.71863275789960568, 33.30143302795922011]], 14);
  });
  test('test_gamma_0', () => {
    expect(random.gamma({ shape: 0, scale: 0 })).toBe(0);
    expect(() => random.gamma({ shape: -0, scale: -0 })).toThrow(np.ValueError);
  });
  test('test_normal', () => {
    seed();
    almostEqual(random.normal({ loc: 0.123456789, scale: 2.0, size: [3, 2] }), [[2.80378370443726244, 3.59863924443872163],
      [3.121433477601256, -0.33382987590723379], [4.18552478636557357, 4.46410668111310471]], 15);
  });
  test('test_normal_0', () => {
    expect(random.normal({ scale: 0 })).toBe(0);
    expect(() => random.normal({ scale: -0 })).toThrow(np.ValueError);
  });
  test('test_poisson', () => {
    seed();
    arrayEqual(random.poisson({ lam: 0.123456789, size: [3, 2] }), [[0, 0], [1, 0], [0, 0]]);
  });
  test('test_poisson_exceptions', () => {
    const lambig = 2 ** 63 - 1;
    expect(() => random.poisson(-1)).toThrow(np.ValueError);
    expect(() => random.poisson(new Array(10).fill(-1))).toThrow(np.ValueError);
    expect(() => random.poisson(lambig)).toThrow(np.ValueError);
    expect(() => random.poisson(new Array(10).fill(lambig))).toThrow(np.ValueError);
  });
  test('test_standard_exponential', () => {
    seed();
    almostEqual(random.standard_exponential({ size: [3, 2] }), [[0.96441739162374596, 0.89556604882105506],
      [2.1953785836319808, 2.22243285392490542], [0.6116915921431676, 1.50592546727413201]], 15);
  });
  test('test_standard_gamma', () => {
    seed();
    almostEqual(random.standard_gamma({ shape: 3, size: [3, 2] }), [[5.50841531318455058, 6.62953470301903103],
      [5.93988484943779227, 2.31044849402133989], [7.54838614231317084, 8.012756093271868]], 14);
  });
  test('test_standard_gamma_0', () => {
    expect(random.standard_gamma({ shape: 0 })).toBe(0);
    expect(() => random.standard_gamma({ shape: -0 })).toThrow(np.ValueError);
  });
  test('test_uniform', () => {
    seed();
    almostEqual(random.uniform({ low: 1.23, high: 10.54, size: [3, 2] }), [[6.99097932346268003, 6.73801597444323974],
      [9.50364421400426274, 9.53130618907631089], [5.48995325769805476, 8.47493103280052118]], 15);
  });
});

describe('TestBroadcast (seed 123456789)', () => {
  const seed = (): void => { np.random.seed(123456789); };

  test('test_uniform', () => {
    const desired = [0.53283302478975902, 0.53413660089041659, 0.50955303552646702];
    seed(); almostEqual(random.uniform([0, 0, 0], [1]), desired, 14);
    seed(); almostEqual(random.uniform([0], [1, 1, 1]), desired, 14);
  });
  test('test_normal', () => {
    const desired = [2.2129019979039612, 2.1283977976520019, 1.8417114045748335];
    seed(); almostEqual(random.normal([0, 0, 0], [1]), desired, 14);
    expect(() => random.normal([0, 0, 0], [-1])).toThrow(np.ValueError);
    seed(); almostEqual(random.normal([0], [1, 1, 1]), desired, 14);
    expect(() => random.normal([0], [-1, -1, -1])).toThrow(np.ValueError);
  });
  test('test_beta', () => {
    const desired = [0.19843558305989056, 0.075230336409423643, 0.24976865978980844];
    seed(); almostEqual(random.beta([1, 1, 1], [2]), desired, 14);
    expect(() => random.beta([-1, -1, -1], [2])).toThrow(np.ValueError);
    expect(() => random.beta([1, 1, 1], [-2])).toThrow(np.ValueError);
    seed(); almostEqual(random.beta([1], [2, 2, 2]), desired, 14);
  });
  test('test_exponential', () => {
    seed(); almostEqual(random.exponential([1, 1, 1]), [0.76106853658845242, 0.76386282278691653, 0.71243813125891797], 14);
    expect(() => random.exponential([-1, -1, -1])).toThrow(np.ValueError);
  });
  test('test_standard_gamma', () => {
    seed(); almostEqual(random.standard_gamma([1, 1, 1]), [0.76106853658845242, 0.76386282278691653, 0.71243813125891797], 14);
    expect(() => random.standard_gamma([-1, -1, -1])).toThrow(np.ValueError);
  });
  test('test_gamma', () => {
    const desired = [1.5221370731769048, 1.5277256455738331, 1.4248762625178359];
    seed(); almostEqual(random.gamma([1, 1, 1], [2]), desired, 14);
    expect(() => random.gamma([-1, -1, -1], [2])).toThrow(np.ValueError);
    expect(() => random.gamma([1, 1, 1], [-2])).toThrow(np.ValueError);
    seed(); almostEqual(random.gamma([1], [2, 2, 2]), desired, 14);
  });
  test('test_binomial', () => {
    seed(); arrayEqual(random.binomial([1, 1, 1], [0.5]), [1, 1, 1]);
    expect(() => random.binomial([-1, -1, -1], [0.5])).toThrow(np.ValueError);
    expect(() => random.binomial([1, 1, 1], [-1])).toThrow(np.ValueError);
    expect(() => random.binomial([1, 1, 1], [1.5])).toThrow(np.ValueError);
    seed(); arrayEqual(random.binomial([1], [0.5, 0.5, 0.5]), [1, 1, 1]);
  });
  test('test_poisson', () => {
    seed(); arrayEqual(random.poisson([1, 1, 1]), [1, 1, 0]);
    expect(() => random.poisson([-1, -1, -1])).toThrow(np.ValueError);
    expect(() => random.poisson(new Array(3).fill(9.223372006484771e18 * 2))).toThrow(np.ValueError);
  });
});
