// The speed paths of lib/np (slab-allocated small and medium arrays, per-row broadcasting, contiguous
// sums, block-wise random draws, 0-d and transpose shortcuts, one-pass basic indexing, reshape of
// contiguous arrays) must give exactly what the general path gives. The general path is reached by
// handing the same values in as non-contiguous views (a transposed copy transposed back), which no
// fast path accepts, or for indexing by calling it directly.
import { np, NDArray } from '../lib';
import { allocF64, allocF64Uninit } from '../lib/np/alloc';
import { ArrayLike, IndexItem, cStrides, isCOrder } from '../lib/np/ndarray';
import { getIndex, getIndexGeneral, setIndex, setIndexGeneral } from '../lib/np/indexing';
import { broadcastShapes, broadcastStrides, forEachRow } from '../lib/np/broadcast';

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

describe('basic indexing laid out in one pass', () => {
  // getIndexGeneral / setIndexGeneral are the parse-then-plan path every index used to take.
  const outcome = (f: () => NDArray): NDArray | string => {
    try { return f(); } catch (e) { return `${(e as Error).name}: ${(e as Error).message}`; }
  };
  const sameView = (x: NDArray | string, y: NDArray | string, what: string): void => {
    if (typeof x === 'string' || typeof y === 'string') {
      if (x !== y) throw new Error(`${what}: ${typeof x === 'string' ? x : 'an array'} vs ${typeof y === 'string' ? y : 'an array'}`);
      return;
    }
    const fields = (v: NDArray) => [v.shape, v.strides, v.offset, v.dtype, v.isCContiguous, v.size];
    try {
      expect(fields(x)).toEqual(fields(y));
      expect(x.base).toBe(y.base);
      expect(x.data).toBe(y.data);
      sameBits(x.copy(), y.copy());
    } catch (e) {
      throw new Error(`${what}: ${(e as Error).message}`);
    }
  };

  const I = np.arange(24).reshape(2, 3, 4);
  const arrays: [string, NDArray][] = [
    ['column (47, 1)', np.arange(47).reshape(47, 1).astype('float64')],
    ['1-d', np.arange(7).astype('float64')],
    ['(2, 3, 4) int64', I],
    ['strided (3, 4)', strided(specialValues([3, 4], 1))],
    ['transposed', specialValues([4, 3], 2).T],
    ['offset view', np.arange(60).reshape(6, 10).astype('float64').slice('2:5', '3:')],
    ['bool', I.gt(10)],
    ['empty (0, 3)', np.zeros([0, 3])],
    ['0-d', np.asarray(2.5)],
  ];
  const singles: IndexItem[] = [0, 1, -1, 2, -3, 5, 46, 47, -47, -48, 1.5, NaN, Infinity, -0, null, '...',
    ':', '::', '20:25', '1:', ':-1', '-3:', '::2', '::-1', '5:1', '5:1:-2', '-1::-1', '100:', '-100:', '0:0', '1:3:',
    '3', '-2', '0', '-0', '46', '99', '', ' ', ' 1', '1 ', '+1', '1.0', '1e1', '0x2', '-', '--1', '1-', ':-', '-:',
    '::0', '1:2:3:4', 'a', '1:b', '...', ' ... ', '99999999999999999999', '9007199254740993:', `${'9'.repeat(400)}:`, '0000000000000000000003'];
  const tuples: IndexItem[][] = [[]];
  for (const s of singles) tuples.push([s]);
  const few: IndexItem[] = [0, -1, 3, ':', '1:', '::-1', '0:2', null, '...', '1', 'x', 2.5];
  for (const s of few) for (const t of few) tuples.push([s, t]);
  for (const s of [0, ':', null, '...', '-1']) for (const t of [1, '::2', null]) for (const u of [-1, ':', '...', null]) tuples.push([s, t, u]);
  tuples.push([0, 0, 0, 0], [0, ':', ':', ':', null], ['...', '...'], [null, null, null, 0, 0, 0]);

  test('views: same shape, strides, offset, base and values, or the same error', () => {
    let views = 0;
    for (const [name, a] of arrays) {
      for (const t of tuples) {
        const fast = outcome(() => getIndex(a, t)), general = outcome(() => getIndexGeneral(a, t));
        sameView(fast, general, `${name}[${t.map((x) => JSON.stringify(x)).join(', ')}]`);
        if (typeof fast !== 'string') views++;
      }
    }
    expect(views).toBeGreaterThan(500);
  });

  test('the NDArray methods take the same path', () => {
    const a = np.arange(47).reshape(47, 1).astype('float64');
    sameView(a.slice(5), getIndexGeneral(a, [5]), 'slice(5)');
    sameView(a.slice('20:25'), getIndexGeneral(a, ['20:25']), "slice('20:25')");
    sameView(a.slice('20:25').reshape(5, 1), getIndexGeneral(a, ['20:25']), 'reshape of a slice');
    expect(() => a.slice(47)).toThrow('index 47 is out of bounds for axis 0 with size 47');
    expect(() => a.slice(-48, 0)).toThrow('index -48 is out of bounds for axis 0 with size 47');
    expect(() => a.slice(0, 1)).toThrow('index 1 is out of bounds for axis 1 with size 1');
    expect(() => a.slice(0, 0, 0)).toThrow('too many indices for array: array is 2-dimensional, but 3 were indexed');
    expect(() => a.slice('::0')).toThrow('slice step cannot be zero');
    expect(() => a.slice('1:2:3:4')).toThrow("invalid slice '1:2:3:4': at most two ':'");
    expect(() => a.slice('...', '...')).toThrow("an index can only have a single ellipsis ('...')");
    expect(() => a.slice(1.5)).toThrow(/only integers, slices/);
    // Spellings Number() accepts still work (they are left to the general parser).
    sameView(a.slice(' 20 : 25 '), a.slice('20:25'), 'spaces');
    sameView(a.slice('+1'), a.slice(1), "'+1'");
    // A view of a view keeps the owner as base.
    const v = a.slice('10:30').slice('::-2');
    expect(v.base).toBe(a);
    expect(v.offset).toBe(29);
    expect(v.strides).toEqual([-2, 1]);
  });

  test('a[idx] = value: the same array afterwards, or the same error', () => {
    const values: [string, () => ArrayLike][] = [
      ['number', () => 7.25], ['negative int', () => -3], ['true', () => true], ['NaN', () => NaN], ['Infinity', () => Infinity],
      ['0-d', () => np.asarray(4)], ['(1,)', () => np.array([9.5])], ['(1, 1, 1)', () => np.ones([1, 1, 1])],
      ['(4,)', () => np.arange(4).astype('float64').add(0.5)], ['(3,)', () => np.array([1, 2, 3])],
      ['(1, 4)', () => np.arange(4).reshape(1, 4)], ['(2, 1)', () => np.array([[10], [20]])],
      ['(1, 1, 4)', () => np.ones([1, 1, 4])], ['(2, 1, 2)', () => np.ones([2, 1, 2])], ['[]', () => []],
      ['nested list', () => [[1, 2, 3, 4]]], ['bool array', () => np.array([true, false, true, false])],
      ['(0,)', () => np.zeros([0])],
    ];
    const targets: [string, () => NDArray][] = [
      ['(3, 4) float64', () => np.arange(12).reshape(3, 4).astype('float64')],
      ['(3, 4) int64', () => np.arange(12).reshape(3, 4)],
      ['(3, 4) bool', () => np.arange(12).reshape(3, 4).gt(5)],
      ['strided (3, 4)', () => strided(np.arange(12).reshape(3, 4).astype('float64'))],
      ['(47, 1)', () => np.arange(47).reshape(47, 1).astype('float64')],
      ['0-d', () => np.asarray(1.5)],
    ];
    const idx: IndexItem[][] = [[], [0], [-1], [5], [0, 0], [1, -1], [2, 4], [0, 0, 0], [':'], ['1:'], ['0:0'], [':', 1], [1, ':'],
      [':', '::-1'], ['::2', '1:3'], [null], ['...'], ['...', 0], [0, null, ':'], [0, null], ['1', '2'], [' 1 '], ['a'], [1.5]];
    let writes = 0;
    for (const [tn, make] of targets) {
      for (const t of idx) {
        for (const [vn, v] of values) {
          const a = make(), b = make();
          const fast = outcome(() => { setIndex(a, t, v()); return a; });
          const general = outcome(() => { setIndexGeneral(b, t, v()); return b; });
          const what = `${tn}[${t.map((x) => JSON.stringify(x)).join(', ')}] = ${vn}`;
          if (typeof fast === 'string' || typeof general === 'string') sameView(fast, general, what);
          else { sameBits(fast.copy(), general.copy()); writes++; }
        }
      }
    }
    expect(writes).toBeGreaterThan(300);
  });

  test('assignment follows numpy 1.24 (values and messages checked against it)', () => {
    const shift = np.arange(5).astype('float64');
    shift.set(['1:'], shift.slice(':-1'));
    expect(shift.toArray()).toEqual([0, 0, 1, 2, 3]);
    const back = np.arange(5).astype('float64');
    back.set([':-1'], back.slice('1:'));
    expect(back.toArray()).toEqual([1, 2, 3, 4, 4]);
    const rev = np.arange(4).astype('float64');
    rev.set([':'], rev.slice('::-1'));
    expect(rev.toArray()).toEqual([3, 2, 1, 0]);
    expect(np.zeros([3]).set(['0:1'], np.ones([1, 1])).toArray()).toEqual([1, 0, 0]);
    expect(np.zeros([3]).set([0], np.ones([1, 1, 1])).toArray()).toEqual([1, 0, 0]);
    expect(np.zeros([2, 3]).set([0, 1], np.ones([1, 1])).toArray()).toEqual([0, 1, 0, 0, 0, 0]);
    expect(() => np.zeros([3]).set(['0:2'], np.ones([1, 3]))).toThrow('could not broadcast input array from shape (3,) into shape (2,)');
    expect(() => np.zeros([3]).set(['0:2'], np.ones([2, 2]))).toThrow('could not broadcast input array from shape (2,2) into shape (2,)');
    expect(() => np.zeros([3, 2]).set([0], np.ones([2, 1, 2]))).toThrow('could not broadcast input array from shape (2,1,2) into shape (2,)');
    expect(() => np.zeros([2, 3]).set([0, null, '0:2'], np.ones([2, 1, 2]))).toThrow('could not broadcast input array from shape (2,1,2) into shape (1,2)');
    expect(() => np.zeros([2, 3]).set([0, '0:0'], np.ones([2]))).toThrow('could not broadcast input array from shape (2,) into shape (0,)');
    expect(() => np.zeros([3]).set([0], np.ones([2]))).toThrow('setting an array element with a sequence.');
    expect(() => np.zeros([2, 3]).set([0, 1], [])).toThrow('setting an array element with a sequence.');
    expect(() => np.zeros([]).set(['...'], np.ones([2]))).toThrow('could not broadcast input array from shape (2,) into shape ()');
    expect(() => np.zeros([3, 2]).set([np.array([0, 1])], np.ones([3, 2])))
      .toThrow('shape mismatch: value array of shape (3,2) could not be broadcast to indexing result of shape (2,2)');
    expect(() => np.zeros([3, 2]).set([np.array([0, 1])], np.ones([1, 3, 2])))
      .toThrow('shape mismatch: value array of shape (1,3,2) could not be broadcast to indexing result of shape (2,2)');
    expect(np.zeros([3, 2]).set([np.array([0, 1])], np.ones([1, 2, 2])).toArray()).toEqual([1, 1, 1, 1, 0, 0]);
    // numpy casts a Python scalar before looking at the selection.
    expect(() => np.zeros([3], 'int64').set(['0:0'], NaN)).toThrow(/cannot convert float NaN/);
    expect(np.zeros([3], 'int64').set(['0:0'], np.array([NaN])).toArray()).toEqual([0, 0, 0]);
  });
});

describe('reshape of a C-contiguous array without resolveShape', () => {
  const sources: [string, NDArray][] = [
    ['(47, 1)', np.arange(47).reshape(47, 1).astype('float64')],
    ['offset view', np.arange(47).astype('float64').slice('20:32')],
    ['0-d', np.asarray(3)],
    ['(1, 1)', np.ones([1, 1])],
    ['empty', np.zeros([0, 4])],
    ['bool', np.arange(12).gt(4)],
  ];
  const shapes: number[][] = [[-1], [-1, 1], [1, -1], [2, -1], [-1, 3], [3, 4], [12], [4, 3, 1], [1, 1, 12], [2, 2, 3],
    [47], [47, 1], [1, 47], [0], [0, 4], [4, 0], [0, -1], [-1, 0], [], [1], [1, 1], [2, 3], [-1, -1], [-2, 6], [5],
    [1.5, 8], [NaN], [Infinity], [24], [6, -1]];

  test('the same view as C strides over the resolved shape, or the same error as the copying path', () => {
    for (const [name, a] of sources) {
      for (const s of shapes) {
        let fast: NDArray | string, general: NDArray | string;
        try { fast = a.reshape(s); } catch (e) { fast = (e as Error).message; }
        // A non-contiguous array with the same elements never takes the fast path.
        const other = a.ndim === 2 && a.size > 1 ? a.T.copy().T : null;
        if (typeof fast === 'string') {
          if (other) expect(() => other.reshape(s)).toThrow(fast);
          expect(() => np.reshape(a, s)).toThrow(fast);
          continue;
        }
        const shape = fast.shape;
        general = new NDArray(a.data, shape, a.dtype, cStrides(shape), a.offset, a.base ?? a);
        expect([name, s, fast.shape, fast.strides, fast.offset, fast.dtype, fast.isCContiguous])
          .toEqual([name, s, general.shape, general.strides, general.offset, general.dtype, general.isCContiguous]);
        expect(fast.base).toBe(a.base ?? a);
        expect(fast.data).toBe(a.data);
        sameBits(fast.copy(), general.copy());
        if (other) sameBits(other.reshape(s), fast);
        // reshape(...dims) and reshape([dims]) agree.
        sameBits(a.reshape(...s), fast);
      }
    }
  });

  test('messages', () => {
    const a = np.arange(12);
    expect(() => a.reshape(5)).toThrow('cannot reshape array of size 12 into shape (5,)');
    expect(() => a.reshape(5, -1)).toThrow('cannot reshape array of size 12 into shape (5,newaxis)');
    expect(() => a.reshape(-1, -1)).toThrow('can only specify one unknown dimension');
    expect(() => a.reshape(-2, -6)).toThrow('negative dimensions not allowed');
    expect(() => a.reshape(1.5, 8)).toThrow("'float' object cannot be interpreted as an integer");
    expect(a.reshape([3, 4]).shape).toEqual([3, 4]);
  });
});

describe('forEachRow, broadcastShapes and broadcastStrides without closures', () => {
  test('forEachRow visits every element once, in C order, with the right offsets', () => {
    np.random.seed(5);
    for (let trial = 0; trial < 300; trial++) {
      const nd = trial % 5;
      const shape = Array.from({ length: nd }, () => [0, 1, 1, 2, 3, 4][np.random.randint(0, 6) as number] as number);
      if (trial % 37 === 0) shape.fill(1);
      const nops = 1 + (trial % 3);
      const strides = Array.from({ length: nops }, (_, i) => {
        // C strides, or C strides of a wider array, reversed or broadcast (0) now and then.
        const st = cStrides(shape).map((x) => x * (i + 1));
        return st.map((x) => (np.random.randint(0, 5) === 0 ? 0 : np.random.randint(0, 7) === 0 ? -x : x));
      });
      const offsets = strides.map((_, i) => 100 * i + 50);
      const got: number[][] = [];
      forEachRow(shape, strides, offsets, (offs, len, inner) => {
        for (let j = 0; j < len; j++) got.push(offs.map((o, i) => o + j * inner[i]));
      });
      const want: number[][] = [];
      const size = shape.reduce((p, d) => p * d, 1);
      for (let flat = 0; flat < size; flat++) {
        let rem = flat;
        const idx = shape.map(() => 0);
        for (let k = nd - 1; k >= 0; k--) { idx[k] = rem % shape[k]; rem = Math.floor(rem / shape[k]); }
        want.push(strides.map((st, i) => idx.reduce((o, x, k) => o + x * st[k], offsets[i])));
      }
      expect([shape, strides, got]).toEqual([shape, strides, want]);
    }
  });

  test('broadcastShapes and broadcastStrides as numpy', () => {
    const ref = (shapes: number[][]): number[] | string => {
      const nd = Math.max(0, ...shapes.map((s) => s.length));
      const out: number[] = [];
      for (let k = 0; k < nd; k++) {
        const ds = shapes.map((s) => s[s.length - nd + k] ?? 1).filter((d) => d !== 1);
        if (new Set(ds).size > 1) return `operands could not be broadcast together with shapes ${shapes.map((s) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`)).join(' ')} `; // numpy's message ends in a space
        out.push(ds.length ? ds[0] : 1);
      }
      return out;
    };
    const pool = [[], [1], [3], [0], [1, 3], [3, 1], [2, 3], [4, 1, 3], [2, 1], [1, 1, 1], [5, 0], [2, 0, 3]];
    for (const a of pool) for (const b of pool) for (const c of [null, [1], [3, 3]]) {
      const shapes = c ? [a, b, c] : [a, b];
      let got: number[] | string;
      try { got = broadcastShapes(...shapes); } catch (e) { got = (e as Error).message; }
      expect([shapes, got]).toEqual([shapes, ref(shapes)]);
      if (typeof got !== 'string') {
        for (const s of shapes) {
          const x = np.zeros(s);
          const st = broadcastStrides(x, got);
          expect(st).toEqual(got.map((d, k) => {
            const j = k - (got.length - s.length);
            return j < 0 || (s[j] === 1 && d !== 1) ? 0 : x.strides[j];
          }));
        }
      }
    }
    expect(np.broadcast_shapes()).toEqual([]);
  });
});

describe('copy and asarray of a number', () => {
  test('copy gives an owner with the same elements for every layout', () => {
    const base = specialValues([6, 5], 12);
    for (const a of [base, base.slice('1:4'), base.slice(':', '1:3'), base.T, strided(base), base.slice(2, 3), np.zeros([0, 3]), np.arange(6).reshape(2, 3).gt(2)]) {
      const c = a.copy();
      expect(c.base).toBeNull();
      expect(c.shape).toEqual(a.shape);
      expect(c.dtype).toBe(a.dtype);
      expect(c.isCContiguous).toBe(true);
      sameBits(c, a);
      if (c.size) {
        c.data[c.offset] = 12345;
        expect(a.values()[0]).not.toBe(12345);
      }
    }
  });

  test('asarray(x) for a JS number or boolean is a 0-d array of its own', () => {
    const cases: [number | boolean, string][] = [[2, 'int64'], [-0, 'int64'], [2.5, 'float64'], [NaN, 'float64'], [true, 'bool'], [false, 'bool']];
    const made = cases.map(([x]) => np.asarray(x));
    cases.forEach(([x, dtype], i) => {
      expect(made[i].shape).toEqual([]);
      expect(made[i].dtype).toBe(dtype);
      expect(Object.is(made[i].item(), +x)).toBe(true);
    });
    made[0].data[made[0].offset] = 99;
    expect(made[1].item()).toBe(-0);
    expect(np.asarray(3, 'float64').dtype).toBe('float64');
  });
});

describe('transpose and squeeze with loops instead of Sets', () => {
  // The Set-based versions these replaced, as the reference.
  const normalize = (ax: number, nd: number): number => {
    if (!Number.isInteger(ax)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (ax < -nd || ax >= nd) throw new RangeError(`axis ${ax} is out of bounds for array of dimension ${nd}`);
    return ax < 0 ? ax + nd : ax;
  };
  const refTranspose = (a: NDArray, axes?: number[]): NDArray => {
    const nd = a.ndim;
    const perm = axes ? axes.map((ax) => normalize(ax, nd)) : [...Array(nd).keys()].reverse();
    if (perm.length !== nd) throw new Error('axes don\'t match array');
    if (new Set(perm).size !== nd) throw new Error('repeated axis in transpose');
    return new NDArray(a.data, perm.map((p) => a.shape[p]), a.dtype, perm.map((p) => a.strides[p]), a.offset, a.base ?? a);
  };
  const refSqueeze = (a: NDArray, axis?: number | number[] | null): NDArray => {
    let drop: Set<number>;
    if (axis === undefined || axis === null) drop = new Set(a.shape.flatMap((d, k) => (d === 1 ? [k] : [])));
    else {
      drop = new Set((typeof axis === 'number' ? [axis] : axis).map((ax) => normalize(ax, a.ndim)));
      for (const k of drop) if (a.shape[k] !== 1) throw new Error('cannot select an axis to squeeze out which has size not equal to one');
    }
    const keep = [...Array(a.ndim).keys()].filter((k) => !drop.has(k));
    return new NDArray(a.data, keep.map((k) => a.shape[k]), a.dtype, keep.map((k) => a.strides[k]), a.offset, a.base ?? a);
  };
  const run = (a: NDArray, f: () => NDArray): unknown[] => {
    try {
      const v = f();
      return [v.shape, v.strides, v.offset, v.dtype, v.isCContiguous, v.base === (a.base ?? a), v.data === a.data];
    } catch (e) { return [(e as Error).message]; }
  };
  const arrays = [np.asarray(1), np.arange(3), np.zeros([1, 4]), np.arange(6).reshape(2, 1, 3).slice(':', ':', '::-1'),
    np.zeros([1, 1, 2, 1]), strided(np.ones([2, 3]))];
  const axisLists: (number[] | undefined)[] = [undefined, [], [0], [-1], [0, 1], [1, 0], [0, 0], [0, 5], [0, 1.5], [2, 1, 0],
    [0, 2, 1], [-1, -2, -3], [1, 1, 0], [3, 2, 1, 0], [0, 1, 2, 3], [0, 0, 5], [5, 0, 0]];
  test('transpose', () => {
    for (const a of arrays) for (const ax of axisLists) {
      expect([a.shape, ax, run(a, () => np.transpose(a, ax))]).toEqual([a.shape, ax, run(a, () => refTranspose(a, ax))]);
    }
  });
  test('squeeze', () => {
    for (const a of arrays) for (const ax of [null, 0, 1, -1, 3, 7, 1.5, ...axisLists]) {
      expect([a.shape, ax, run(a, () => np.squeeze(a, ax as number))]).toEqual([a.shape, ax, run(a, () => refSqueeze(a, ax))]);
    }
  });
});

describe('NDArray constructor with given strides, 2-d/1-d broadcasts without forEachRow', () => {
  const dims = [0, 1, 2, 3, 5];
  const strideVals = [0, 1, -1, 2, 3, 5, -5, 15];

  test('shape, strides, size, contiguity and field order as the general path', () => {
    const data = new Float64Array(64);
    const keys = Object.keys(new NDArray(data, [2, 2, 2], 'float64', [4, 2, 1], 3));
    const check = (shape: number[], strides: number[] | undefined): void => {
      const a = new NDArray(data, shape, 'int64', strides, 7, null);
      const st = strides ?? cStrides(shape);
      expect(a.shape).toEqual(shape);
      expect(a.strides).toEqual(st);
      expect(a.shape).not.toBe(shape);
      if (strides) expect(a.strides).not.toBe(strides);
      expect(a.size).toBe(shape.reduce((p, d) => p * d, 1));
      expect(a.isCContiguous).toBe(isCOrder(shape, st)); // the general constructor path's check
      // the same layout one axis deeper takes the general loop
      const g = new NDArray(data, [1, ...shape], 'int64', [9, ...st], 7, null);
      expect(a.isCContiguous).toBe(g.isCContiguous);
      expect(Object.keys(a)).toEqual(keys);
      expect(a.offset).toBe(7);
      expect(a.dtype).toBe('int64');
    };
    check([], undefined);
    check([], []);
    for (const n of dims) {
      check([n], undefined);
      for (const s of strideVals) check([n], [s]);
      for (const m of dims) {
        check([n, m], undefined);
        for (const s0 of strideVals) for (const s1 of strideVals) check([n, m], [s0, s1]);
      }
    }
    // the caller's arrays stay the caller's
    const shape = [2, 3], strides = [3, 1];
    const a = new NDArray(data, shape, 'float64', strides);
    shape[0] = 9; strides[0] = 9;
    expect(a.shape).toEqual([2, 3]);
    expect(a.strides).toEqual([3, 1]);
  });

  // Values of `shape` in several layouts: contiguous, every other element, transposed, reversed.
  function layouts(shape: number[], seed: number, dtype: string): NDArray[] {
    let v = shape.length ? specialValues(shape, seed) : np.asarray([-0, 2.5, NaN, -3][seed % 4]);
    if (dtype === 'int64') v = np.arange(v.size).reshape(shape).mul(3).sub(7);
    if (dtype === 'bool') v = v.gt(0);
    const out = [v];
    if (shape.length > 0 && shape[shape.length - 1] > 0) out.push(strided(v));
    if (shape.length === 2) out.push(v.T.copy().T);
    if (shape.length >= 1) {
      const rev = shape.map(() => '::-1');
      out.push(v.slice(...rev).copy().slice(...rev));
    }
    for (const x of out) sameBits(x, v);
    return out;
  }
  const general = (fn: (a: NDArray, b: NDArray) => NDArray, A: NDArray, B: NDArray): NDArray => {
    // one more leading axis: the n-d forEachRow loop
    const r = fn(A.reshape([1, ...A.shape]), B.reshape([1, ...B.shape]));
    return r.reshape(r.shape.slice(1));
  };
  const shapes = [[], [1], [3], [0], [1, 1], [1, 3], [3, 1], [5, 3], [5, 1], [1, 0], [0, 3], [2, 0], [4, 3]];

  for (const op of BINARY) {
    test(`${op}: every pair of 0-, 1- and 2-d operands and layouts, or the same error`, () => {
      const fn = np[op] as (a: NDArray, b: NDArray) => NDArray;
      let seed = 100, compared = 0;
      for (const sa of shapes) for (const sb of shapes) {
        const dta = seed % 5 === 0 ? 'int64' : seed % 7 === 0 ? 'bool' : 'float64';
        for (const A of layouts(sa, seed++, op === 'power' ? 'float64' : dta)) for (const B of layouts(sb, seed++, 'float64')) {
          let want: NDArray | Error, got: NDArray | Error;
          try { want = general(fn, A, B); } catch (e) { want = e as Error; }
          try { got = fn(A, B); } catch (e) { got = e as Error; }
          if (want instanceof Error) {
            expect(got).toBeInstanceOf(Error);
            let msg = '';
            try { broadcastShapes(A.shape, B.shape); } catch (e) { msg = (e as Error).message; }
            expect(msg).toMatch(/^operands could not be broadcast together with shapes/);
            expect((got as Error).message).toBe(msg);
          } else {
            sameBits(got as NDArray, want);
            expect((got as NDArray).isCContiguous).toBe(true);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(300);
    });
  }

  test('result shape of a 1-/2-d pair is broadcastShapes\' (with its error message)', () => {
    const ds = [0, 1, 2, 3];
    const all: number[][] = [[]];
    for (const a of ds) { all.push([a]); for (const b of ds) all.push([a, b]); }
    for (const sa of all) for (const sb of all) {
      let want: number[] | string;
      try { want = broadcastShapes(sa, sb); } catch (e) { want = (e as Error).message; }
      let got: number[] | string;
      try { got = np.add(np.zeros(sa), np.zeros(sb)).shape.slice(); } catch (e) { got = (e as Error).message; }
      expect(got).toEqual(want);
    }
  });

  test('an array view with a JS number: 1-d and 2-d views of every layout', () => {
    const scalars = [0, -0, 2, 0.5, NaN, -Infinity, true];
    for (const op of BINARY) {
      const fn = np[op] as (a: unknown, b: unknown) => NDArray;
      let seed = 300;
      for (const sh of [[7], [0], [1], [4, 3], [1, 5], [5, 1], [0, 2], [2, 0]]) {
        for (const A of layouts(sh, seed++, 'float64')) for (const s of scalars) {
          if (op === 'power' && typeof s === 'boolean') continue;
          sameBits(fn(A, s), fn(A.copy(), s));
          sameBits(fn(s, A), fn(s, A.copy()));
          sameBits(fn(A, s), general(fn as (a: NDArray, b: NDArray) => NDArray, A, np.asarray(s)));
        }
      }
    }
    const I = np.arange(12).reshape(3, 4).T;
    expect(np.multiply(I, -1).dtype).toBe('int64');
    expect(Object.is(np.multiply(I, -1).values()[0], 0)).toBe(true);
    expect(() => np.multiply(np.array([[2 ** 52, 1]]).astype('int64').T, 4)).toThrow();
    expect(() => np.subtract(np.array([[true, false]]).T, true)).toThrow(/numpy boolean subtract/);
  });

  test('sum over the last axis of a 2-d array: shape with and without keepdims', () => {
    for (const sh of [[5, 4], [1, 3], [3, 1], [0, 3], [3, 0], [20, 211]]) {
      const A = specialValues(sh, 7);
      for (const keepdims of [true, false]) {
        for (const axis of [1, -1]) {
          const r = np.sum(A, { axis, keepdims }) as NDArray;
          expect(r.shape).toEqual(keepdims ? [sh[0], 1] : [sh[0]]);
          // the fold path: a non-contiguous 3-d view of the same values
          const g = np.sum(np.expand_dims(A.T.copy().T, 0).transpose(0, 1, 2), { axis: 2, keepdims }) as NDArray;
          expect(A.T.copy().T.isCContiguous).toBe(sh[0] <= 1 || sh[1] <= 1);
          sameBits(r, g.reshape(r.shape));
        }
      }
    }
  });
});
