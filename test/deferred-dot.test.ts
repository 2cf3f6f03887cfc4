/**
 * Deferred matrix products (lib/np/deferred.ts): a product much larger than its operands is computed
 * when its elements are first read, from copies of the operands, with the bits np.dot gives at once.
 */
import { np } from '../lib';
import { NDArray } from '../lib/np/ndarray';
import { deferOptions, isPending, setDeferOptions } from '../lib/np/deferred';
import { gemmStats, setGemmOptions } from '../lib/np/gemm';
import { RandomState } from '../lib/np/random';
import { createHash } from 'crypto';

const saved = deferOptions();
afterEach(() => { setDeferOptions(saved); setGemmOptions({ native: true }); });

/** Small limits, so that test-sized products are deferred: (600, 6)·(6, 250) = 150000 elements. */
const SMALL = { minElements: 100000, minRatio: 8 };

function bits(x: NDArray): Buffer {
  const v = x.values();
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function operands(seed: number): { W: NDArray; dZ: NDArray } {
  const rs = new RandomState(seed);
  return { W: (rs.randn(6, 600) as NDArray).mul(0.01), dZ: rs.randn(6, 250) as NDArray };
}

/** A short stand-in for a read's result: the bytes of arrays, the JSON of anything else. */
function digest(v: unknown): string {
  const h = createHash('sha1');
  if (v instanceof Float64Array) h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  else h.update(JSON.stringify(v));
  return h.digest('hex');
}

/** np.dot(a, b) computed at once (deferral off). */
function now(a: NDArray, b: NDArray): NDArray {
  const o = deferOptions();
  setDeferOptions({ minElements: Infinity });
  try { return np.dot(a, b); } finally { setDeferOptions(o); }
}

describe.each([['native BLAS', true], ['wasm / TypeScript kernels', false]] as const)('with %s', (_label, native) => {
  beforeEach(() => { setGemmOptions({ native }); setDeferOptions(SMALL); });

  test('Wᵀ·dZ is deferred: shape, dtype and size without computing; the same bits as computed at once', () => {
    const { W, dZ } = operands(1);
    const before = gemmStats();
    const d = np.dot(W.T, dZ);
    expect(isPending(d)).toBe(true);
    expect([d.shape, d.dtype, d.size, d.ndim]).toEqual([[600, 250], 'float64', 150000, 2]);
    const after = gemmStats();
    expect([after.native, after.wasm, after.pure]).toEqual([before.native, before.wasm, before.pure]);
    expect(bits(d).equals(bits(now(W.T, dZ)))).toBe(true);
    expect(isPending(d)).toBe(false);
    expect(d).toBeInstanceOf(NDArray);
  });

  test('writes to the operands after the product do not change it', () => {
    const { W, dZ } = operands(2);
    const want = bits(now(W.T, dZ));
    const d = np.dot(W.T, dZ);
    W.set([0, ':'], 5); // in place, through the array the product read a view of
    dZ.fill(-1);
    W.T.set([':', 3], 0);
    expect(isPending(d)).toBe(true);
    expect(bits(d).equals(want)).toBe(true);
  });

  test('every way of reading it computes it: views, operations, elements, printing, reductions', () => {
    const { W, dZ } = operands(3);
    const ref = now(W.T, dZ);
    const reads: [string, (x: NDArray) => unknown][] = [
      ['T', (x) => x.T.values()], ['slice', (x) => x.slice('10:20', '::3').values()], ['reshape', (x) => x.reshape(-1).values()],
      ['add', (x) => x.add(1).values()], ['multiply by itself', (x) => np.multiply(x, x).values()], ['get', (x) => x.get(599, 249)],
      ['item', (x) => x.item(7)], ['toString', (x) => x.toString()], ['sum', (x) => np.sum(x)], ['copy', (x) => x.copy().values()],
      ['tolist', (x) => (x.tolist() as number[][])[5]], ['dot with another', (x) => np.dot(x.slice(':5'), dZ.T).values()],
      ['relu', (x) => np.maximum(0, x).values()], ['compare', (x) => x.gt(0).values()],
    ];
    for (const [label, read] of reads) {
      const d = np.dot(W.T, dZ);
      expect({ label, pending: isPending(d) }).toEqual({ label, pending: true });
      expect({ label, value: digest(read(d)) }).toEqual({ label, value: digest(read(ref)) });
      expect({ label, pending: isPending(d) }).toEqual({ label, pending: false });
    }
  });

  test('computed once: a second read reuses the elements', () => {
    const { W, dZ } = operands(4);
    const d = np.dot(W.T, dZ);
    const first = d.data;
    expect(d.data).toBe(first);
    expect(d.values()).toBe(first);
  });

  test('C, F-ordered and strided operands keep their layouts (the same BLAS call, the same bits)', () => {
    const rs = new RandomState(5);
    const cases: [string, NDArray, NDArray][] = [
      ['C · C', rs.randn(600, 6) as NDArray, rs.randn(6, 250) as NDArray],
      ['F · F', (rs.randn(6, 600) as NDArray).T, (rs.randn(250, 6) as NDArray).T],
      ['strided · C', (rs.randn(600, 12) as NDArray).slice(':', '::2'), rs.randn(6, 250) as NDArray],
      ['reversed · F', (rs.randn(600, 6) as NDArray).slice('::-1'), (rs.randn(250, 6) as NDArray).T],
      ['a view with an offset', (rs.randn(700, 6) as NDArray).slice('100:'), rs.randn(6, 250) as NDArray],
    ];
    for (const [label, a, b] of cases) {
      const d = np.dot(a, b);
      expect({ label, pending: isPending(d) }).toEqual({ label, pending: true });
      expect({ label, same: bits(d).equals(bits(now(a, b))) }).toEqual({ label, same: true });
    }
  });

  test('not deferred: operands sharing a buffer (numpy\'s A·Aᵀ path), small or operand-sized results, other dtypes', () => {
    const rs = new RandomState(6);
    const A = rs.randn(600, 6) as NDArray;
    const aat = np.dot(A, A.T);
    expect(isPending(aat)).toBe(false);
    expect(bits(aat).equals(bits(now(A, A.T)))).toBe(true);
    const square = rs.randn(400, 400) as NDArray; // 160000 elements from 320000
    expect(isPending(np.dot(square, square.T.copy()))).toBe(false);
    expect(isPending(np.dot(rs.randn(60, 6) as NDArray, rs.randn(6, 25) as NDArray))).toBe(false);
    const ints = np.ones([600, 6], 'int64');
    expect(isPending(np.dot(ints, np.ones([6, 250], 'int64')))).toBe(false);
    expect(isPending(np.dot(rs.randn(600, 6) as NDArray, rs.randn(6) as NDArray))).toBe(false);
  });

  test('shape errors are raised at once, as numpy does, not when the result is read', () => {
    const { W, dZ } = operands(7);
    expect(() => np.dot(W.T, dZ.T)).toThrow('shapes (600,6) and (250,6) not aligned: 6 (dim 1) != 250 (dim 0)');
  });
});

test('the default limits defer the cat classifier\'s first-layer dA_prev (12288, 209) and nothing of the forward pass', () => {
  setDeferOptions(saved);
  const rs = new RandomState(8);
  const W1 = rs.randn(20, 12288) as NDArray, dZ1 = rs.randn(20, 209) as NDArray, X = rs.randn(12288, 209) as NDArray;
  const dA0 = np.dot(W1.T, dZ1);
  expect(isPending(dA0)).toBe(true);
  expect(isPending(np.dot(W1, X))).toBe(false);
  expect(isPending(np.dot(dZ1, X.T))).toBe(false);
  const el = dA0.get(12287, 208);
  let want = 0;
  for (let k = 0; k < 20; k++) want += W1.get(k, 12287) * dZ1.get(k, 208);
  expect(Math.abs(el - want)).toBeLessThan(1e-9);
});
