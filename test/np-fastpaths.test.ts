// The speed paths of lib/np (slab-allocated small and medium arrays, per-row broadcasting, contiguous
// sums, block-wise random draws, 0-d and transpose shortcuts) must give exactly
// what the general strided path gives. The general path is reached by handing the same values in as
// non-contiguous views (a transposed copy transposed back), which no fast path accepts.
import { np, NDArray } from '../lib';
import { allocF64, allocF64Uninit } from '../lib/np/alloc';

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

describe('uninitialized and slab storage', () => {
  test('allocF64 is zero-filled even where dirty memory was handed out before', () => {
    for (const n of [1, 7, 1024, 1025, 4220, 8192, 8193, 20_000]) {
      for (let k = 0; k < 20; k++) allocF64Uninit(n).fill(NaN);
      const z = allocF64(n);
      expect(z.length).toBe(n);
      expect(z.every((x) => Object.is(x, 0))).toBe(true);
    }
  });

  test('medium arrays (up to 8192 elements) do not overlap their neighbours', () => {
    const sizes = [1500, 4220, 633, 8192, 1025, 6330, 3000];
    const arrays = Array.from({ length: 60 }, (_, i) => (i % 2 ? allocF64(sizes[i % sizes.length]) : allocF64Uninit(sizes[i % sizes.length])));
    arrays.forEach((a, i) => a.fill(i + 1));
    arrays.forEach((a, i) => {
      expect(a.length).toBe(sizes[i % sizes.length]);
      expect(a.every((x) => x === i + 1)).toBe(true);
    });
  });

  test('large uninitialized arrays get their own buffer', () => {
    const big = allocF64Uninit(100_000);
    expect(big.length).toBe(100_000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(800_000);
  });

  test('every element of an op result is written (no stale values leak through)', () => {
    for (const n of [2000, 9000]) {
      for (let k = 0; k < 10; k++) allocF64Uninit(n).fill(12345);
      const a = np.arange(n).reshape(n / 1000, 1000).astype('float64');
      const results = [a.add(1), a.mul(a), a.gt(5), np.negative(a), a.T.copy(), a.astype('int64'), np.sqrt(a),
        a.add(np.ones([n / 1000, 1])), np.where(a.gt(3), a, 0), np.sum(a, { axis: -1, keepdims: true })];
      for (const r of results) expect(r.values().some((x) => x === 12345)).toBe(false);
    }
  });
});

describe('comparisons and logical ops write 1/0 exactly as the ternary did', () => {
  const specials = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 2, 1e-300];
  const xs = specials.flatMap((x) => specials.map(() => x));
  const ys = specials.flatMap(() => specials);
  const ref: Record<string, (x: number, y: number) => boolean> = {
    greater: (x, y) => x > y, greater_equal: (x, y) => x >= y, less: (x, y) => x < y, less_equal: (x, y) => x <= y,
    equal: (x, y) => x === y, not_equal: (x, y) => x !== y,
    logical_and: (x, y) => x !== 0 && y !== 0, logical_or: (x, y) => x !== 0 || y !== 0,
    logical_xor: (x, y) => (x !== 0) !== (y !== 0),
  };
  for (const [op, f] of Object.entries(ref)) {
    test(op, () => {
      const A = np.array(xs).reshape(10, 10), B = np.array(ys).reshape(10, 10);
      const fn = (np as unknown as Record<string, (a: unknown, b: unknown) => NDArray>)[op];
      for (const r of [fn(A, B), fn(strided(A), strided(B))]) {
        expect(r.dtype).toBe('bool');
        const v = r.values();
        xs.forEach((x, i) => expect(Object.is(v[i], f(x, ys[i]) ? 1 : 0)).toBe(true));
      }
      for (const s of specials) {
        const v = fn(A, s).values();
        xs.forEach((x, i) => expect(Object.is(v[i], f(x, s) ? 1 : 0)).toBe(true));
      }
    });
  }

  test('unary predicates and astype(bool)', () => {
    const A = np.array(specials);
    const check = (r: NDArray, f: (x: number) => boolean) => r.values().forEach((v, i) => expect(Object.is(v, f(specials[i]) ? 1 : 0)).toBe(true));
    check(np.logical_not(A), (x) => x === 0);
    check(np.isnan(A), (x) => x !== x);
    check(np.isfinite(A), (x) => Number.isFinite(x));
    check(np.isinf(A), (x) => x === Infinity || x === -Infinity);
    check(A.astype('bool'), (x) => x !== 0);
  });
});

describe('sum and mean of contiguous arrays (no fold bookkeeping)', () => {
  // strided() hands fold a non-contiguous view, which it copies and reduces the general way.
  const shapes = [[20, 211], [3, 1], [1, 64], [5, 0], [0, 5], [2, 3, 4], [8200], [2, 9000], [17], [1, 1]];
  const options: (undefined | { axis?: number | null; keepdims?: boolean })[] = [
    undefined, {}, { axis: null }, { axis: -1 }, { axis: -1, keepdims: true }, { keepdims: true }, { axis: 0 },
  ];
  const same = (x: NDArray | number, y: NDArray | number, what: string) => {
    if (typeof x === 'number' || typeof y === 'number') {
      if (!Object.is(x, y)) throw new Error(`${what}: ${x} vs ${y}`);
      return;
    }
    sameBits(x, y);
  };
  for (const fn of ['sum', 'mean'] as const) {
    test(fn, () => {
      shapes.forEach((shape, i) => {
        const a = shape.includes(0) ? np.zeros(shape) : specialValues(shape, 40 + i).mul(1e3);
        for (const o of options) {
          const opts = o && o.axis === -1 ? { ...o, axis: shape.length - 1 } : o;
          for (const oo of [o, opts]) {
            const f = np[fn] as (x: NDArray, o?: object) => NDArray | number;
            same(f(a, oo), f(strided(a), oo), `${fn} ${shape} ${JSON.stringify(oo)}`);
          }
        }
      });
    });
  }

  test('int64 and bool arrays, contiguous views with an offset', () => {
    const I = np.arange(-50, 50).reshape(4, 25), B = I.gt(0);
    for (const x of [I, B]) {
      same(np.mean(x), np.mean(strided(x)), 'mean');
      same(np.mean(x, { axis: 1, keepdims: true }), np.mean(strided(x), { axis: 1, keepdims: true }), 'mean axis');
      same(np.sum(x, { axis: 1 }), np.sum(strided(x), { axis: 1 }), 'sum axis');
      expect(np.sum(x, { axis: 1 }).dtype).toBe('int64');
    }
    const row = specialValues([1, 300], 5).mul(7);
    const view = row.slice(':', '64:128');
    expect(view.isCContiguous).toBe(true);
    expect(view.offset).toBe(64);
    same(np.sum(view), np.sum(strided(view)), 'view sum');
    same(np.sum(view, { axis: 1, keepdims: true }), np.sum(strided(view), { axis: 1, keepdims: true }), 'view row sum');
    same(np.mean(view), np.mean(strided(view)), 'view mean');
  });

  test('209 copies of 1/209 still sum to 0.9999999999999998; bad axes still throw', () => {
    expect(np.sum(np.full([1, 209], 1 / 209))).toBe(0.9999999999999998);
    expect(np.mean(np.full([209], 1))).toBe(1);
    expect(() => np.sum(np.zeros([2, 3]), { axis: 2 })).toThrow(/axis 2 is out of bounds/);
    expect(() => np.sum(np.zeros([2, 3]), { axis: -3 })).toThrow(/out of bounds/);
    expect(() => np.mean(np.zeros([2, 3]), { axis: 1.5 })).toThrow();
  });
});

describe('small-operand shortcuts', () => {
  test('a.T of a 2-d array is the same view np.transpose gives', () => {
    const base = np.arange(24).reshape(4, 6).astype('float64');
    for (const a of [base, base.slice('1:3', '::2'), base.T, np.ones([1, 5])]) {
      const t = a.T, r = np.transpose(a);
      expect(t.shape).toEqual(r.shape);
      expect(t.strides).toEqual(r.strides);
      expect(t.offset).toBe(r.offset);
      expect(t.base).toBe(r.base);
      expect(t.isCContiguous).toBe(r.isCContiguous);
      expect(t.data).toBe(a.data);
      sameBits(t.copy(), r.copy());
    }
    expect(np.arange(3).T.shape).toEqual([3]);
    expect(np.arange(8).reshape(2, 2, 2).T.strides).toEqual([1, 2, 4]);
  });

  test('0-d operands broadcast to the other shape as the general path does', () => {
    const A = specialValues([6, 5], 9);
    for (const s of [0.9, -0, NaN, 3]) {
      const z = np.asarray(s);
      for (const op of BINARY) {
        const fn = np[op] as (a: unknown, b: unknown) => NDArray;
        sameBits(fn(A, z), fn(strided(A), z));
        sameBits(fn(z, A), fn(z, strided(A)));
        sameBits(fn(z, z), fn(np.asarray([s]), np.asarray([s])).reshape([]));
      }
    }
    expect(np.subtract(1, np.power(0.9, 7)).shape).toEqual([]);
    expect(np.add(np.asarray(1), np.asarray(2)).dtype).toBe('int64');
  });

  test('power keeps its dtypes and its negative-integer-exponent error', () => {
    expect(np.power(0.9, 7).item()).toBe(Math.pow(0.9, 7));
    expect(np.power(0.9, 7).dtype).toBe('float64');
    expect(np.power(2, 10).dtype).toBe('int64');
    expect(np.power(2, 10).item()).toBe(1024);
    expect(np.power(true, true).dtype).toBe('int64');
    expect(() => np.power(2, -1)).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => np.power(np.arange(3), -2)).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => np.power(np.arange(3), [1, -1, 2])).toThrow('Integers to negative integer powers are not allowed.');
    expect(() => np.power([1, 2], np.array([-1]))).toThrow('Integers to negative integer powers are not allowed.');
    expect(np.power(2.0 + 0.5, -1).item()).toBe(0.4);
    expect(np.power(np.arange(3), 0.5).dtype).toBe('float64');
    expect(np.power(np.arange(3), -0).values()).toEqual(Float64Array.from([1, 1, 1]));
  });
});

describe('random draws filled a state block at a time', () => {
  test('rand(n) equals n single draws across twists, from odd and even positions', () => {
    for (const n of [1, 311, 312, 313, 624, 4220, 5000]) {
      for (const lead of [0, 1, 3]) {
        np.random.seed(n + lead);
        for (let k = 0; k < lead; k++) np.random.randint(0, 10);
        const block = np.random.rand(n).values();
        np.random.seed(n + lead);
        for (let k = 0; k < lead; k++) np.random.randint(0, 10);
        for (let i = 0; i < n; i++) {
          const x = np.random.rand();
          if (!Object.is(x, block[i])) throw new Error(`n=${n} lead=${lead} draw ${i}: ${block[i]} vs ${x}`);
        }
        // Both leave the generator in the same place.
        expect(np.random.rand()).toBe((() => { np.random.seed(n + lead); for (let k = 0; k < lead; k++) np.random.randint(0, 10); np.random.rand(n); return np.random.rand(); })());
      }
    }
  });
});
