/**
 * The addon's element-wise loops (native/ufunc.c) against the TypeScript loops of lib/np/ufuncs.ts:
 * every operation, over the layouts the library hands them (contiguous, a JS number on either side,
 * row and column broadcasts, transposed and reversed views), on values that tell the operations'
 * edge cases apart (NaN, ±Infinity, ±0). And the addon's own checks: a bad argument is a clear
 * error, with nothing written.
 */
import { np } from '../lib';
import { NDArray } from '../lib/np/ndarray';
import * as native from '../lib/np/native';
import { nativeBlas, nativeBlasError, setNativeEnabled } from '../lib/np/native';
import { nativeBinary } from '../lib/np/native_ufunc';
import { NATIVE_RELU_BACK, NATIVE_RELU_GRAD } from '../lib/course/common/fused';
import { addRun, sumOfRun, sumRows } from '../lib/np/pairwise';

// activeNative() hands the library a wrapper that counts the element-wise calls, so the tests can
// tell that the native loops really ran (test/helpers/native-calls.ts).
jest.mock('../lib/np/native', () => jest.requireActual('./helpers/native-calls').countingNative(['ufuncBinary', 'ufuncUnary', 'sumRows']));
const { nativeCalls } = native as unknown as { nativeCalls: { ufuncBinary: number; ufuncUnary: number; sumRows: number } };

const nat = nativeBlas();
const why = nat ? '' : ` (skipped: native addon unavailable: ${nativeBlasError()})`;
const run = nat ? test : test.skip;
if (!nat) console.warn(`native-ufunc.test.ts: skipped: ${nativeBlasError()}`);
afterEach(() => setNativeEnabled(true));

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, 2, 1e-300, -3.25, 7];

/** A (rows, cols) float array of varied values, specials every few elements. */
function values(rows: number, cols: number, seed: number): NDArray {
  const v: number[] = [];
  for (let i = 0; i < rows * cols; i++) {
    v.push(i % 5 === 0 ? SPECIAL[(i / 5 + seed) % SPECIAL.length] : Math.sin(i * 12.9898 + seed * 78.233) * 4);
  }
  return np.array(v).reshape(rows, cols);
}

/** Bytes equal: the same bits, signs of zeros and NaN payloads included. */
function expectSameArray(a: NDArray, b: NDArray, what: string): void {
  expect({ what, shape: a.shape, dtype: a.dtype }).toEqual({ what, shape: b.shape, dtype: b.dtype });
  const x = a.values(), y = b.values();
  const bx = new Uint8Array(x.buffer, x.byteOffset, x.byteLength), by = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
  if (!Buffer.from(bx).equals(Buffer.from(by))) {
    const i = x.findIndex((v, k) => !Object.is(v, y[k]));
    throw new Error(`${what}: element ${i} differs: native ${x[i]}, TypeScript ${y[i]}`);
  }
}

/** f with the addon on (counting its element-wise calls) and off. */
function bothWays(f: () => NDArray): { on: NDArray; off: NDArray; calls: number } {
  const before = nativeCalls.ufuncBinary + nativeCalls.ufuncUnary;
  const on = f();
  const calls = nativeCalls.ufuncBinary + nativeCalls.ufuncUnary - before;
  setNativeEnabled(false);
  const off = f();
  setNativeEnabled(true);
  return { on, off, calls };
}

const BINARY = ['add', 'subtract', 'multiply', 'divide', 'maximum', 'minimum', 'greater', 'greater_equal', 'less',
  'less_equal', 'equal', 'not_equal', 'logical_and', 'logical_or', 'logical_xor'] as const;
type BinaryName = typeof BINARY[number];
const op = (name: BinaryName) => np[name] as (a: unknown, b: unknown) => NDArray;

const A = values(20, 31, 1); // 620 elements: above the addon's threshold
const B = values(20, 31, 4);
const INTS = np.array(Array.from({ length: 620 }, (_, i) => ((i * 7) % 23) - 11)).reshape(20, 31);
const LAYOUTS: [string, () => [unknown, unknown]][] = [
  ['contiguous (20,31) with (20,31)', () => [A, B]],
  ['(20,31) with a JS number', () => [A, 0.5]],
  ['a JS number with (20,31)', () => [-0, B]],
  ['(20,31) with NaN', () => [A, NaN]],
  ['(20,31) with (20,1)', () => [A, B.slice(':', '3:4')]],
  ['(20,1) with (20,31)', () => [B.slice(':', '0:1'), A]],
  ['(20,31) with (31,)', () => [A, B.slice(5)]],
  ['(31,) with (20,1)', () => [A.slice(2), B.slice(':', '7:8')]],
  ['transposed (31,20) with contiguous (31,20)', () => [A.T, values(31, 20, 9)]],
  ['reversed rows and columns with contiguous', () => [A.slice('::-1', '::-1'), B]],
  ['every other column (20,16) with a JS number', () => [A.slice(':', '::2'), 3]],
  ['a JS number with a transposed view', () => [2, B.T]],
  ['a 0-d array with (20,31)', () => [np.array(1.5), B]],
  ['(20,31) with a 1-element (1,1) array', () => [A, np.array([[-0]])]],
  ['1-d contiguous (620,)', () => [A.reshape(-1), B.reshape(-1)]],
];

describe('native element-wise loops (native/ufunc.c) give the TypeScript loops\' bits', () => {
  run(`the addon has the element-wise entry points (a stale build lacks them)${why}`, () => {
    expect(typeof nat!.ufuncBinary).toBe('function');
    expect(typeof nat!.ufuncUnary).toBe('function');
  });

  for (const name of BINARY) {
    run(`np.${name} over ${LAYOUTS.length} layouts, specials included${why}`, () => {
      for (const [label, operands] of LAYOUTS) {
        const [a, b] = operands();
        const { on, off, calls } = bothWays(() => op(name)(a, b));
        expect({ label, calls }).toEqual({ label, calls: 1 });
        expectSameArray(on, off, `${name}: ${label}`);
      }
    });
  }

  run(`boolean operands (add is or, multiply is and) and integer results keep numpy's dtypes${why}`, () => {
    const P = A.gt(0), Q = B.lt(0.5), I = INTS;
    for (const [label, f] of [
      ['bool + bool', () => np.add(P, Q)], ['bool * bool', () => np.multiply(P, Q)],
      ['int64 - int64', () => np.subtract(I.astype('int64'), Q.astype('int64'))],
      ['int64 * -1 (no -0 in integers)', () => np.multiply(I.astype('int64'), -1)],
      ['bool > float', () => np.greater(P, B)],
    ] as [string, () => NDArray][]) {
      const { on, off, calls } = bothWays(f);
      expect({ label, calls }).toEqual({ label, calls: 1 });
      expectSameArray(on, off, label);
    }
    expect(np.multiply(I.astype('int64'), -1).values().some((v) => Object.is(v, -0))).toBe(false);
  });

  run(`np.square, negative, abs, sqrt; small arrays stay on the TypeScript loops${why}`, () => {
    for (const name of ['square', 'negative', 'abs', 'sqrt'] as const) {
      for (const [label, x] of [['contiguous', A], ['transposed', A.T], ['int64', INTS]] as const) {
        const { on, off, calls } = bothWays(() => np[name](x));
        expect({ name, label, calls }).toEqual({ name, label, calls: 1 });
        expectSameArray(on, off, `${name} ${label}`);
      }
    }
    const small = values(3, 5, 2);
    expect(bothWays(() => small.mul(small)).calls).toBe(0);
    expect(bothWays(() => np.square(small)).calls).toBe(0);
  });

  run(`the course's relu gradients (lib/course/common/fused.ts) compute their TypeScript expressions, in place too${why}`, () => {
    const x = values(20, 31, 3).values(), y = values(20, 31, 6).values(), n = x.length;
    for (const [expr, code, f] of [['x * +(y > 0)', NATIVE_RELU_GRAD, (u: number, v: number) => u * +(v > 0)],
      ['y <= 0 ? 0 : x', NATIVE_RELU_BACK, (u: number, v: number) => (v <= 0 ? 0 : u)]] as const) {
      const want = x.map((u, i) => f(u, y[i]));
      const out = new Float64Array(n);
      expect(nativeBinary(code, out, x, 0, n, 1, y, 0, n, 1, 1, n)).toBe(true);
      expectSameArray(np.array(Array.from(out)), np.array(Array.from(want)), expr);
      const inPlace = Float64Array.from(x); // out is a itself: each element read before it is written
      expect(nativeBinary(code, inPlace, inPlace, 0, 31, 1, y, 0, 31, 1, 20, 31)).toBe(true);
      expectSameArray(np.array(Array.from(inPlace)), np.array(Array.from(want)), `${expr} in place`);
      // A shifted view of out is not the same place: refused here, so the caller's TypeScript loop runs.
      expect(nativeBinary(code, inPlace.subarray(0, n - 1), inPlace, 1, n, 1, y, 0, n, 1, 1, n - 1)).toBe(false);
    }
  });

  run(`documented numpy behaviour on specials: NaN propagates through maximum/minimum from either side, -0 equals 0${why}`, () => {
    const x = np.array(Array.from({ length: 300 }, (_, i) => [NaN, 1, -0, 0][i % 4]));
    const y = np.array(Array.from({ length: 300 }, (_, i) => [2, NaN, 0, -0][i % 4]));
    const mx = np.maximum(x, y).values(), mn = np.minimum(x, y).values();
    expect([mx[0], mx[1], mn[0], mn[1]].every(Number.isNaN)).toBe(true);
    expect(np.equal(x, y).values().slice(0, 4)).toEqual(new Float64Array([0, 0, 1, 1]));
  });
});

describe('native sums (numpy\'s pairwise order, ported to C) give the TypeScript sums\' bits', () => {
  // Lengths around the 8-element, 128-element and 8192-element (numpy's buffer) boundaries.
  const RUNS = [0, 1, 7, 8, 9, 127, 128, 129, 136, 211, 255, 256, 257, 300, 1000, 8191, 8192, 8193, 16391, 20000];

  function data(n: number, seed: number): Float64Array {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = i % 97 === 3 ? SPECIAL[(i + seed) % SPECIAL.length] : Math.sin(i * 1.37 + seed) * 10 ** ((i % 7) - 3);
    return v;
  }

  run(`sumRows over ${RUNS.length} run lengths, several rows and offsets, NaN/±Inf/±0 inside${why}`, () => {
    for (const run of RUNS) {
      for (const rows of [1, 3, 20]) {
        const offset = (run + rows) % 5;
        const a = data(offset + run * rows + 2, run + rows);
        const got = new Float64Array(rows), want = new Float64Array(rows);
        const before = nativeCalls.sumRows;
        sumRows(got, a, offset, run, rows);
        expect({ run, rows, native: nativeCalls.sumRows - before }).toEqual({ run, rows, native: run * rows >= 256 ? 1 : 0 });
        for (let r = 0; r < rows; r++) want[r] = addRun(0, a, offset + r * run, run, 1);
        // Object.is: the same values, -0 and NaN included (a NaN's sign bit is not numpy-visible, and V8's
        // own arithmetic may clear it where the C code keeps the CPU's).
        expect({ run, rows, sums: Array.from(got) }).toEqual({ run, rows, sums: Array.from(want) });
        expect(Array.from(got).every((v, r) => Object.is(v, want[r]))).toBe(true);
      }
    }
  });

  run(`sumOfRun and np.sum (full, axis 1, mean) give the same bits with the addon on and off${why}`, () => {
    const x = np.array(Array.from(data(9000 * 3, 5))).reshape(3, 9000);
    const { on, off, calls } = bothWays(() => np.array([np.sum(x) as number, np.mean(x) as number, sumOfRun(x.values(), 0, 9000), ...np.sum(x, { axis: 1 }).values()]));
    expect(calls).toBe(0); // sumRows is counted apart from the element-wise calls
    expect(Array.from(on.values()).every((v, i) => Object.is(v, off.values()[i]))).toBe(true);
    const before = nativeCalls.sumRows;
    np.sum(x, { axis: 1, keepdims: true });
    expect(nativeCalls.sumRows - before).toBe(1);
  });
});

describe('the addon refuses bad arguments with a clear error and writes nothing', () => {
  const P = (ao: number, ars: number, acs: number, bo: number, brs: number, bcs: number, rows: number, cols: number) =>
    new Float64Array([ao, ars, acs, bo, brs, bcs, rows, cols]);
  const a = new Float64Array(12).fill(2), b = new Float64Array(12).fill(3);
  const shared = new Float64Array(24);
  const cases: [string, () => [Float64Array, () => void], string, string][] = [
    ['unknown operation', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(17, o, a, b, P(0, 4, 1, 0, 4, 1, 3, 4))]; },
      'RangeError', 'tsdl native ufunc: op must be an integer in [0, 16]'],
    ['out too short', () => { const o = new Float64Array(11); return [o, () => nat!.ufuncBinary!(0, o, a, b, P(0, 4, 1, 0, 4, 1, 3, 4))]; },
      'RangeError', 'tsdl native ufunc: out is shorter than rows * cols'],
    ['a read past its end', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(0, o, a, b, P(1, 4, 1, 0, 4, 1, 3, 4))]; },
      'RangeError', "tsdl native ufunc: a's offset and strides reach outside a"],
    ['b read before its start (negative stride)', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(0, o, a, b, P(0, 4, 1, 2, -4, 1, 3, 4))]; },
      'RangeError', "tsdl native ufunc: b's offset and strides reach outside b"],
    ['out overlapping a', () => {
      const o = shared.subarray(4, 16);
      return [o, () => nat!.ufuncBinary!(0, o, shared.subarray(0, 12), b, P(0, 4, 1, 0, 4, 1, 3, 4))];
    }, 'RangeError', 'tsdl native ufunc: out overlaps a or b'],
    ['p of the wrong length', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(0, o, a, b, new Float64Array(7))]; },
      'RangeError', 'tsdl native ufunc: p must hold 8 numbers (ao, ars, acs, bo, brs, bcs, rows, cols)'],
    ['a fractional stride', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(0, o, a, b, P(0, 4, 1.5, 0, 4, 1, 3, 4))]; },
      'RangeError', 'tsdl native ufunc: p must hold integers'],
    ['negative rows', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(0, o, a, b, P(0, 4, 1, 0, 4, 1, -3, 4))]; },
      'RangeError', 'tsdl native ufunc: rows and cols must not be negative'],
    ['a plain array for a', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncBinary!(0, o, [1, 2] as unknown as Float64Array, b, P(0, 1, 1, 0, 1, 1, 1, 2))]; },
      'TypeError', 'tsdl native ufunc: a must be a Float64Array'],
    ['four arguments', () => { const o = new Float64Array(12); return [o, () => (nat!.ufuncBinary as unknown as (...x: unknown[]) => void)(0, o, a, b)]; },
      'TypeError', 'tsdl native ufunc: binary takes 5 arguments'],
    ['unary: n past a\'s end', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncUnary!(0, o, a, 4, 9)]; },
      'RangeError', 'tsdl native ufunc: a offset + n reaches outside a'],
    ['unary: unknown operation', () => { const o = new Float64Array(12); return [o, () => nat!.ufuncUnary!(4, o, a, 0, 3)]; },
      'RangeError', 'tsdl native ufunc: op must be an integer in [0, 3]'],
    ['unary: out overlapping a', () => [shared, () => nat!.ufuncUnary!(0, shared.subarray(2, 10), shared, 0, 8)],
      'RangeError', 'tsdl native ufunc: out overlaps a'],
    ['sums: rows past a\'s end', () => { const o = new Float64Array(4); return [o, () => nat!.sumRows!(o, a, 1, 4, 3)]; },
      'RangeError', 'tsdl native ufunc: a offset + run * rows reaches outside a'],
    ['sums: out shorter than rows', () => { const o = new Float64Array(2); return [o, () => nat!.sumRows!(o, a, 0, 4, 3)]; },
      'RangeError', 'tsdl native ufunc: out is shorter than rows'],
    ['sums: a negative run', () => { const o = new Float64Array(3); return [o, () => nat!.sumRows!(o, a, 0, -4, 3)]; },
      'RangeError', 'tsdl native ufunc: run must be an integer in [0, 9007199254740991]'],
  ];
  run.each(cases)(`%s${why}`, (_label, setup, name, message) => {
    const [out, call] = setup();
    out.fill(-7);
    const before = Float64Array.from(out);
    let caught: unknown;
    try { call(); } catch (e) { caught = e; }
    // Errors from the addon come from Node's realm, not jest's: checked by tag, not instanceof.
    expect(Object.prototype.toString.call(caught)).toBe('[object Error]');
    expect((caught as Error).name).toBe(name);
    expect((caught as Error).message).toBe(message);
    expect(out).toEqual(before);
  });

  run(`a valid call with strides and a broadcast side writes exactly rows * cols elements${why}`, () => {
    const o = new Float64Array(14).fill(-7);
    const x = Float64Array.from({ length: 12 }, (_, i) => i), y = new Float64Array([10, 20, 30]);
    nat!.ufuncBinary!(0, o, x, y, P(11, -4, -1, 0, 1, 0, 3, 4)); // x reversed, plus y[row]
    expect(Array.from(o)).toEqual([21, 20, 19, 18, 27, 26, 25, 24, 33, 32, 31, 30, -7, -7]);
  });
});
