// The speed paths of lib/np (slab-allocated small arrays, per-row broadcasting) must give exactly
// what the general strided path gives. The general path is reached by handing the same values in as
// non-contiguous views (a transposed copy transposed back), which no fast path accepts.
import { np, NDArray } from '../lib';
import { allocF64 } from '../lib/np/alloc';

const BINARY = ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'greater', 'less_equal', 'equal', 'power'] as const;

/** Same values and shape, every other element of a wider array (forces the general path). */
function strided(a: NDArray): NDArray {
  const shape = a.shape.slice();
  const last = shape.length - 1;
  const wide = np.zeros([...shape.slice(0, last), 2 * shape[last]], a.dtype);
  const every2 = [...shape.slice(0, last).map(() => ':'), '::2'];
  wide.set(every2, a);
  const v = wide.slice(...every2);
  expect(v.base).not.toBeNull();
  return v;
}

function sameBits(x: NDArray, y: NDArray): void {
  expect(x.shape).toEqual(y.shape);
  expect(x.dtype).toBe(y.dtype);
  const a = x.values(), b = y.values();
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) throw new Error(`element ${i}: ${a[i]} vs ${b[i]}`);
  }
}

function specialValues(shape: number[], seed: number): NDArray {
  np.random.seed(seed);
  const v = np.random.randn(...shape);
  const d = v.data;
  const specials = [0, -0, NaN, Infinity, -Infinity, 1, -1, 2];
  for (let i = 0; i < d.length; i += 7) d[v.offset + i] = specials[(i / 7) % specials.length];
  return v;
}

describe('per-row broadcasting of (r, c) with (r, 1) and (1, c)', () => {
  const shapes: [number[], number[]][] = [
    [[10, 300], [10, 1]], [[10, 300], [1, 300]], [[5, 64], [5, 1]], [[1, 7], [1, 1]], [[3, 1], [3, 1]],
    [[4, 5], [1, 5]], [[7, 2], [7, 1]], [[2, 3], [1, 3]],
  ];
  for (const op of BINARY) {
    test(op, () => {
      shapes.forEach(([sa, sb], i) => {
        const A = specialValues(sa, 10 + i), B = specialValues(sb, 20 + i);
        const fn = np[op] as (a: NDArray, b: NDArray) => NDArray;
        sameBits(fn(A, B), fn(strided(A), strided(B)));
        sameBits(fn(B, A), fn(strided(B), strided(A)));
      });
    });
  }

  test('int64 and bool operands keep their promotion and overflow checks', () => {
    const I = np.arange(12).reshape(3, 4), col = np.array([[1], [2], [3]]), row = np.array([[true, false, true, false]]);
    sameBits(np.add(I, col), np.add(strided(I), strided(col)));
    sameBits(np.multiply(I, row), np.multiply(strided(I), strided(row)));
    expect(np.add(I, row).dtype).toBe('int64');
    const big = np.array([[2 ** 52, 2 ** 52]]).astype('int64');
    expect(() => np.add(big.reshape(2, 1).mul(np.ones([2, 3], 'int64')), np.array([[2 ** 52], [2 ** 52]]).astype('int64'))).toThrow(/int64|overflow|range/i);
  });

  test('a broadcast that is not per-row still works (3-d, column vs row)', () => {
    const a = specialValues([2, 3, 4], 3), b = specialValues([3, 1], 4);
    sameBits(np.add(a, b), np.add(strided(a.reshape(6, 4)).reshape(2, 3, 4), b));
    const c = np.add(np.arange(3).reshape(3, 1), np.arange(4).reshape(1, 4));
    expect(c.tolist()).toEqual([[0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5]]);
  });

  test('shape errors are unchanged', () => {
    expect(() => np.add(np.zeros([10, 300]), np.zeros([5, 1]))).toThrow('operands could not be broadcast together with shapes (10,300) (5,1)');
    expect(() => np.add(np.zeros([10, 300]), np.zeros([1, 299]))).toThrow('operands could not be broadcast together with shapes (10,300) (1,299)');
  });
});

describe('an array with a JS number or boolean', () => {
  const scalars = [0, -0, 2, 0.5, -3, 1e-8, NaN, Infinity, true, false];
  for (const op of BINARY) {
    test(op, () => {
      const fn = np[op] as (a: unknown, b: unknown) => NDArray;
      const A = specialValues([6, 5], 7);
      for (const s of scalars) {
        if (op === 'power' && typeof s === 'boolean') continue;
        sameBits(fn(A, s), fn(strided(A), s));
        sameBits(fn(s, A), fn(s, strided(A)));
        sameBits(fn(A, s), fn(A, np.asarray(s)));
        sameBits(fn(s, A), fn(np.asarray(s), A));
      }
    });
  }

  test('value-based casting and int64 checks stay numpy\'s', () => {
    const I = np.arange(6).reshape(2, 3);
    expect(np.add(I, 2).dtype).toBe('int64');
    expect(np.add(I, 2.5).dtype).toBe('float64');
    expect(np.multiply(true, I).dtype).toBe('int64');
    expect(np.greater(I, 1).dtype).toBe('bool');
    expect(np.multiply(strided(I), -1).values()[0]).toBe(0);
    expect(Object.is(np.multiply(I, -1).values()[0], 0)).toBe(true);
    expect(() => np.multiply(np.array([2 ** 52]).astype('int64'), 4)).toThrow();
  });
});

describe('slab-allocated small arrays', () => {
  test('are zero-filled and independent of their neighbours', () => {
    const arrays = Array.from({ length: 400 }, (_, i) => allocF64(1 + (i % 37)));
    arrays.forEach((a) => expect(a.every((x) => x === 0)).toBe(true));
    arrays.forEach((a, i) => a.fill(i + 1));
    arrays.forEach((a, i) => expect(a.every((x) => x === i + 1)).toBe(true));
  });

  test('arrays made by np operations do not share storage unless they are views', () => {
    const a = np.zeros([3, 4]), b = np.ones([3, 4]), c = a.add(b);
    c.set([0, 0], 42);
    expect(a.get(0, 0)).toBe(0);
    expect(b.get(0, 0)).toBe(1);
    expect(c.base).toBeNull();
    const v = c.slice(0);
    v.set([1], 7);
    expect(c.get(0, 1)).toBe(7);
  });

  test('large arrays get their own buffer', () => {
    const big = allocF64(100_000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(800_000);
  });
});
