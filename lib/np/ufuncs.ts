import { UFuncTypeError, ValueError } from './errors';
import { DType, checkInt, clearNegativeZero, promoteTypes, promoteWithScalar } from './dtype';
import { allocF64Uninit, sharesElements } from './alloc';
import { expInto, logInto } from './exp_log';
import { ArrayLike, NDArray } from './ndarray';
import { cStrides, sameShape, shapeSize } from './layout';
import { asarray } from './asarray';
import { broadcastShapes, broadcastStrides, forEachRow } from './broadcast';
import { activeNative } from './native';
import { NATIVE_MIN, nativeBinary, nativeBinaryCode } from './native_ufunc';
import { nonzero } from './indexing';

type Scalar = number | boolean;
type Strided = (out: Float64Array, a: Float64Array, b: Float64Array, n: number,
  ao: number, as: number, bo: number, bs: number, oo: number) => void;
/** One operation's loops: any strides, both operands contiguous, or one of them a single value. */
interface RowKernel {
  /** The operation's code in native/ufunc.c (-1: no native loop). */
  code: number;
  strided: Strided;
  both: (out: Float64Array, a: Float64Array, b: Float64Array, n: number, ao: number, bo: number) => void;
  scalarB: (out: Float64Array, a: Float64Array, y: number, n: number, ao: number, oo: number) => void;
  scalarA: (out: Float64Array, x: number, b: Float64Array, n: number, bo: number, oo: number) => void;
}
type MapKernel = (out: Float64Array, a: Float64Array, n: number) => void;
interface UnarySpec { result: (t: DType) => DType; kernel: MapKernel; code: number }

const NATIVE_UNARY_OPS = ['x * x', '-x', 'Math.abs(x)', 'Math.sqrt(x)'];
// One generated loop per operation keeps every call site monomorphic, so V8 inlines the
// arithmetic instead of calling a closure per element. Boolean results are written as +(cond):
// the same 1/0 as `cond ? 1 : 0`, but without a branch that mispredicts on random data.
// Each loop is compiled on its first call and then replaces its stub: compiling all ~60 when the
// module loads cost about 2 ms of every notebook's start, and most are never called.
function rowKernel(expr: string): RowKernel {
  const k: RowKernel = {
    code: nativeBinaryCode(expr),
    strided: (out, a, b, n, ao, as, bo, bs, oo) => {
      k.strided = new Function('out', 'a', 'b', 'n', 'ao', 'as', 'bo', 'bs', 'oo',
        `for (let i = 0; i < n; i++, ao += as, bo += bs) { const x = a[ao], y = b[bo]; out[oo + i] = ${expr}; }`) as Strided;
      k.strided(out, a, b, n, ao, as, bo, bs, oo);
    },
    both: (out, a, b, n, ao, bo) => {
      k.both = new Function('out', 'a', 'b', 'n', 'ao', 'bo',
        `for (let i = 0; i < n; i++) { const x = a[ao + i], y = b[bo + i]; out[i] = ${expr}; }`) as RowKernel['both'];
      k.both(out, a, b, n, ao, bo);
    },
    scalarB: (out, a, y, n, ao, oo) => {
      k.scalarB = new Function('out', 'a', 'y', 'n', 'ao', 'oo',
        `for (let i = 0; i < n; i++) { const x = a[ao + i]; out[oo + i] = ${expr}; }`) as RowKernel['scalarB'];
      k.scalarB(out, a, y, n, ao, oo);
    },
    scalarA: (out, x, b, n, bo, oo) => {
      k.scalarA = new Function('out', 'x', 'b', 'n', 'bo', 'oo',
        `for (let i = 0; i < n; i++) { const y = b[bo + i]; out[oo + i] = ${expr}; }`) as RowKernel['scalarA'];
      k.scalarA(out, x, b, n, bo, oo);
    },
  };
  return k;
}
function unarySpec(result: (t: DType) => DType, expr: string): UnarySpec {
  const spec: UnarySpec = {
    result,
    code: NATIVE_UNARY_OPS.indexOf(expr),
    kernel: (out, a, n) => {
      spec.kernel = new Function('out', 'a', 'n', `for (let i = 0; i < n; i++) { const x = a[i]; out[i] = ${expr}; }`) as MapKernel;
      spec.kernel(out, a, n);
    },
  };
  return spec;
}

interface BinarySpec {
  name: string;
  /** Result dtype from the promoted operand dtype; throw for unsupported combinations. */
  result: (t: DType) => DType;
  kernel: (t: DType) => RowKernel;
  /** Checks an integer result for overflow of the exact range. */
  intCheck?: boolean;
}

function isScalar(x: ArrayLike): x is Scalar {
  return typeof x === 'number' || typeof x === 'boolean';
}

function binary(spec: BinarySpec, a: ArrayLike, b: ArrayLike): NDArray {
  if (a instanceof NDArray && isScalar(b)) return withScalar(spec, a, b, false);
  if (b instanceof NDArray && isScalar(a)) return withScalar(spec, b, a, true);
  const A = asarray(a), B = asarray(b);
  let t: DType;
  // numpy 1.24 value-based casting: a Python scalar does not widen an array of the same kind.
  if (isScalar(b) && !isScalar(a)) t = promoteWithScalar(A.dtype, b);
  else if (isScalar(a) && !isScalar(b)) t = promoteWithScalar(B.dtype, a);
  else t = promoteTypes(A.dtype, B.dtype);
  const rt = spec.result(t);
  const k = spec.kernel(t);
  // A 0-d operand (e.g. np.subtract(1, np.power(beta1, t))) broadcasts to the other's shape.
  const shape = sameShape(A.shape, B.shape) || B.ndim === 0 ? A.shape : A.ndim === 0 ? B.shape : broadcast2(A.shape, B.shape);
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  const out = allocF64Uninit(n);
  const aWhole = A.size === n && A.isCContiguous, bWhole = B.size === n && B.isCContiguous;
  // Contiguous operands (or one single value) take one pass without index arithmetic.
  if (aWhole && bWhole) {
    if (!nativeBinary(k.code, out, A.data, A.offset, 0, 1, B.data, B.offset, 0, 1, 1, n)) k.both(out, A.data, B.data, n, A.offset, B.offset);
  } else if (aWhole && B.size === 1) {
    if (!nativeBinary(k.code, out, A.data, A.offset, 0, 1, B.data, B.offset, 0, 0, 1, n)) k.scalarB(out, A.data, B.data[B.offset], n, A.offset, 0);
  } else if (bWhole && A.size === 1) {
    if (!nativeBinary(k.code, out, A.data, A.offset, 0, 0, B.data, B.offset, 0, 1, 1, n)) k.scalarA(out, A.data[A.offset], B.data, n, B.offset, 0);
  } else if (shape.length <= 2) rows2d(k, out, A, B, shape);
  else {
    const ostr = cStrides(shape);
    forEachRow(shape, [broadcastStrides(A, shape), broadcastStrides(B, shape), ostr], [A.offset, B.offset, 0], (offs, len, inner) => {
      k.strided(out, A.data, B.data, len, offs[0], inner[0], offs[1], inner[1], offs[2]);
    });
  }
  if (rt === 'int64' && spec.intCheck) checkIntResult(out);
  return new NDArray(out, shape, rt);
}

/** broadcastShapes of two shapes of at most 2 axes without its rest array; it still reports errors. */
function broadcast2(as: readonly number[], bs: readonly number[]): number[] {
  const an = as.length, bn = bs.length;
  if (an <= 2 && bn <= 2) {
    const a1 = an > 0 ? as[an - 1] : 1, b1 = bn > 0 ? bs[bn - 1] : 1;
    const a0 = an === 2 ? as[0] : 1, b0 = bn === 2 ? bs[0] : 1;
    const c = a1 === 1 ? b1 : b1 === 1 || b1 === a1 ? a1 : -1;
    const r = a0 === 1 ? b0 : b0 === 1 || b0 === a0 ? a0 : -1;
    if (c >= 0 && r >= 0) return an === 2 || bn === 2 ? [r, c] : an === 1 || bn === 1 ? [c] : [];
  }
  return broadcastShapes(as, bs);
}

const SCALAR_BOX = new Float64Array(1);

/** An array with a JS number or boolean (numpy's Python scalar): no 0-d array, no broadcasting. */
function withScalar(spec: BinarySpec, A: NDArray, s: Scalar, scalarFirst: boolean): NDArray {
  const t = promoteWithScalar(A.dtype, s);
  const rt = spec.result(t), k = spec.kernel(t);
  const y = +s, n = A.size;
  const out = allocF64Uninit(n);
  if (A.ndim <= 2 && n >= NATIVE_MIN && k.code >= 0) {
    SCALAR_BOX[0] = y;
    const nd = A.ndim, ad = A.data, box = SCALAR_BOX;
    const c = nd === 0 ? 1 : A.shape[nd - 1], r = nd === 2 ? A.shape[0] : 1;
    const cs = A.isCContiguous ? 1 : A.strides[nd - 1], rs = A.isCContiguous ? c : nd === 2 ? A.strides[0] : 0;
    const done = scalarFirst ? nativeBinary(k.code, out, box, 0, 0, 0, ad, A.offset, rs, cs, r, c)
      : nativeBinary(k.code, out, ad, A.offset, rs, cs, box, 0, 0, 0, r, c);
    if (done) {
      if (rt === 'int64' && spec.intCheck) checkIntResult(out);
      return new NDArray(out, A.shape, rt);
    }
  }
  if (A.isCContiguous) {
    if (scalarFirst) k.scalarA(out, y, A.data, n, A.offset, 0);
    else k.scalarB(out, A.data, y, n, A.offset, 0);
  } else if (A.ndim <= 2) {
    SCALAR_BOX[0] = y;
    const box = SCALAR_BOX, ad = A.data, nd = A.ndim;
    const c = A.shape[nd - 1], cs = A.strides[nd - 1], r = nd === 2 ? A.shape[0] : 1, rs = nd === 2 ? A.strides[0] : 0;
    for (let i = 0, ao = A.offset, oo = 0; i < r; i++, ao += rs, oo += c) {
      if (scalarFirst) k.strided(out, box, ad, c, 0, 0, ao, cs, oo);
      else k.strided(out, ad, box, c, ao, cs, 0, 0, oo);
    }
  } else {
    SCALAR_BOX[0] = y;
    const box = SCALAR_BOX, ad = A.data;
    forEachRow(A.shape, [A.strides, cStrides(A.shape)], [A.offset, 0], (offs, len, inner) => {
      if (scalarFirst) k.strided(out, box, ad, len, 0, 0, offs[0], inner[0], offs[1]);
      else k.strided(out, ad, box, len, offs[0], inner[0], 0, 0, offs[1]);
    });
  }
  if (rt === 'int64' && spec.intCheck) checkIntResult(out);
  return new NDArray(out, A.shape, rt);
}

/**
 * Any 1-d or 2-d broadcast, row by row with per-operand strides (0 along a broadcast axis), without
 * forEachRow's closure and stride arrays: (r, c) with (r, 1), (1, c) with (c,), (c,) with (r, 1), views.
 */
function rows2d(k: RowKernel, out: Float64Array, A: NDArray, B: NDArray, shape: readonly number[]): void {
  const nd = shape.length;
  const c = nd === 0 ? 1 : shape[nd - 1], r = nd === 2 ? shape[0] : 1;
  const an = A.ndim, bn = B.ndim, ash = A.shape, bsh = B.shape;
  const acs = an > 0 && ash[an - 1] !== 1 ? A.strides[an - 1] : 0, ars = an === 2 && ash[0] !== 1 ? A.strides[0] : 0;
  const bcs = bn > 0 && bsh[bn - 1] !== 1 ? B.strides[bn - 1] : 0, brs = bn === 2 && bsh[0] !== 1 ? B.strides[0] : 0;
  const ad = A.data, bd = B.data;
  if (nativeBinary(k.code, out, ad, A.offset, ars, acs, bd, B.offset, brs, bcs, r, c)) return;
  for (let i = 0, ao = A.offset, bo = B.offset, oo = 0; i < r; i++, ao += ars, bo += brs, oo += c) {
    if (bcs === 0 && acs === 1) k.scalarB(out, ad, bd[bo], c, ao, oo);
    else if (acs === 0 && bcs === 1) k.scalarA(out, ad[ao], bd, c, bo, oo);
    else k.strided(out, ad, bd, c, ao, acs, bo, bcs, oo);
  }
}


/** An int64 result must stay exactly representable, and has no -0. */
function checkIntResult(v: Float64Array): void {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x === 0) v[i] = 0;
    else if (!(x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER)) checkInt(x);
  }
}


function sameKernel(expr: string): (t: DType) => RowKernel {
  const k = rowKernel(expr);
  return () => k;
}

const addK = rowKernel('x + y'), orK = rowKernel('+(x !== 0 || y !== 0)');
const mulK = rowKernel('x * y'), andK = rowKernel('+(x !== 0 && y !== 0)');
// C's pow, unlike Math.pow, gives 1 for 1 ** y and (-1) ** ±inf, whatever y is (NaN included).
const powF = rowKernel('y === 2 ? x * x : y === 0.5 ? Math.sqrt(x) : (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) ? 1 : Math.pow(x, y)');
const powI = rowKernel('Math.pow(x, y)');

const noBool = (name: string, hint: string) => (t: DType): DType => {
  if (t === 'bool') throw new TypeError(`numpy boolean ${name} is not supported, use ${hint} instead.`);
  return t;
};

const SPECS = {
  add: { name: 'add', result: (t: DType) => t, kernel: (t: DType) => (t === 'bool' ? orK : addK), intCheck: true },
  subtract: {
    name: 'subtract', result: noBool('subtract, the `-` operator,', 'the bitwise_xor, the `^` operator, or the logical_xor function'),
    kernel: sameKernel('x - y'), intCheck: true,
  },
  multiply: { name: 'multiply', result: (t: DType) => t, kernel: (t: DType) => (t === 'bool' ? andK : mulK), intCheck: true },
  divide: { name: 'divide', result: () => 'float64' as DType, kernel: sameKernel('x / y') },
  power: {
    name: 'power', result: (t: DType) => (t === 'bool' ? 'int64' : t),
    kernel: (t: DType) => (t === 'float64' ? powF : powI), intCheck: true,
  },
  maximum: { name: 'maximum', result: (t: DType) => t, kernel: sameKernel('(x > y || x !== x) ? x : y') },
  minimum: { name: 'minimum', result: (t: DType) => t, kernel: sameKernel('(x < y || x !== x) ? x : y') },
  greater: { name: 'greater', result: () => 'bool' as DType, kernel: sameKernel('+(x > y)') },
  greater_equal: { name: 'greater_equal', result: () => 'bool' as DType, kernel: sameKernel('+(x >= y)') },
  less: { name: 'less', result: () => 'bool' as DType, kernel: sameKernel('+(x < y)') },
  less_equal: { name: 'less_equal', result: () => 'bool' as DType, kernel: sameKernel('+(x <= y)') },
  equal: { name: 'equal', result: () => 'bool' as DType, kernel: sameKernel('+(x === y)') },
  not_equal: { name: 'not_equal', result: () => 'bool' as DType, kernel: sameKernel('+(x !== y)') },
  logical_and: { name: 'logical_and', result: () => 'bool' as DType, kernel: () => andK },
  logical_or: { name: 'logical_or', result: () => 'bool' as DType, kernel: () => orK },
  clipLow: { name: 'clip', result: (t: DType) => t, kernel: sameKernel('(x < y) ? y : x') },
  clipHigh: { name: 'clip', result: (t: DType) => t, kernel: sameKernel('(x > y) ? y : x') },
  logical_xor: { name: 'logical_xor', result: () => 'bool' as DType, kernel: sameKernel('+((x !== 0) !== (y !== 0))') },
} satisfies Record<string, BinarySpec>;

export const add = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.add, a, b);
export const subtract = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.subtract, a, b);
export const multiply = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.multiply, a, b);
export const divide = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.divide, a, b);
export const true_divide = divide;
export const maximum = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.maximum, a, b);
export const minimum = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.minimum, a, b);
export const greater = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.greater, a, b);
export const greater_equal = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.greater_equal, a, b);
export const less = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.less, a, b);
export const less_equal = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.less_equal, a, b);
export const equal = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.equal, a, b);
export const not_equal = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.not_equal, a, b);
export const logical_and = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.logical_and, a, b);
export const logical_or = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.logical_or, a, b);
export const logical_xor = (a: ArrayLike, b: ArrayLike): NDArray => binary(SPECS.logical_xor, a, b);

/** The dtype of an operand without converting it (nested JS arrays are converted). */
function dtypeOf(x: ArrayLike): DType {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === 'number') return Number.isInteger(x) ? 'int64' : 'float64';
  if (typeof x === 'boolean') return 'bool';
  return asarray(x).dtype;
}

export function power(a: ArrayLike, b: ArrayLike): NDArray {
  if (dtypeOf(a) !== 'float64' && dtypeOf(b) !== 'float64') {
    const negative = typeof b === 'number' ? b < 0 : typeof b === 'boolean' ? false : asarray(b).values().some((y) => y < 0);
    if (negative) throw new ValueError('Integers to negative integer powers are not allowed.');
  }
  return binary(SPECS.power, a, b);
}


function unary(spec: UnarySpec, a: ArrayLike): NDArray {
  const A = asarray(a);
  const rt = spec.result(A.dtype);
  const src = A.values();
  const n = src.length, out = allocF64Uninit(n);
  const nat = spec.code >= 0 && n >= NATIVE_MIN ? activeNative() : null;
  if (nat !== null && nat.ufuncUnary !== undefined && !sharesElements(out, src)) nat.ufuncUnary(spec.code, out, src, 0, n);
  else spec.kernel(out, src, n);
  if (rt === 'int64') clearNegativeZero(out);
  return new NDArray(out, A.shape, rt);
}

const toFloat = (): DType => 'float64';
const keep = (t: DType): DType => t;
const U = {
  sqrt: unarySpec(toFloat, 'Math.sqrt(x)'),
  // glibc's functions through the native addon when it is loaded (exp_log.ts), as numpy calls them.
  exp: { result: toFloat, code: -1, kernel: (out: Float64Array, a: Float64Array, n: number) => expInto(a, 0, n, out, 0) },
  log: { result: toFloat, code: -1, kernel: (out: Float64Array, a: Float64Array, n: number) => logInto(a, 0, n, out, 0) },
  tanh: unarySpec(toFloat, 'Math.tanh(x)'),
  abs: unarySpec(keep, 'Math.abs(x)'),
  square: unarySpec(keep, 'x * x'),
  negative: unarySpec((t: DType): DType => {
    if (t === 'bool') {
      throw new TypeError('The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.');
    }
    return t;
  }, '-x'),
  logical_not: unarySpec((): DType => 'bool', '+(x === 0)'),
  sign: unarySpec((t: DType): DType => {
    if (t === 'bool') throw new UFuncTypeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None");
    return t;
  }, 'x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x'),
  isnan: unarySpec((): DType => 'bool', '+(x !== x)'),
  isfinite: unarySpec((): DType => 'bool', '+Number.isFinite(x)'),
  isinf: unarySpec((): DType => 'bool', '+(x === Infinity || x === -Infinity)'),
} satisfies Record<string, UnarySpec>;

export const sqrt = (a: ArrayLike): NDArray => unary(U.sqrt, a);
export const exp = (a: ArrayLike): NDArray => unary(U.exp, a);
export const log = (a: ArrayLike): NDArray => unary(U.log, a);
export const tanh = (a: ArrayLike): NDArray => unary(U.tanh, a);
export const abs = (a: ArrayLike): NDArray => unary(U.abs, a);
export const absolute = abs;
export const square = (a: ArrayLike): NDArray => unary(U.square, a);
export const negative = (a: ArrayLike): NDArray => unary(U.negative, a);
export const logical_not = (a: ArrayLike): NDArray => unary(U.logical_not, a);
export const sign = (a: ArrayLike): NDArray => unary(U.sign, a);
export const isnan = (a: ArrayLike): NDArray => unary(U.isnan, a);
export const isfinite = (a: ArrayLike): NDArray => unary(U.isfinite, a);
export const isinf = (a: ArrayLike): NDArray => unary(U.isinf, a);

/** numpy's where(condition, x, y), broadcasting all three; where(condition) is nonzero(condition). */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, x?: ArrayLike, y?: ArrayLike): NDArray | NDArray[] {
  if (x === undefined && y === undefined) return nonzero(asarray(condition));
  if (x === undefined || y === undefined) throw new ValueError('either both or neither of x and y should be given');
  const C = asarray(condition), X = asarray(x), Y = asarray(y);
  let t: DType;
  if (isScalar(x) && !isScalar(y)) t = promoteWithScalar(Y.dtype, x);
  else if (isScalar(y) && !isScalar(x)) t = promoteWithScalar(X.dtype, y);
  else t = promoteTypes(X.dtype, Y.dtype);
  const shape = broadcastShapes(C.shape, X.shape, Y.shape);
  const out = allocF64Uninit(shapeSize(shape));
  const cd = C.data, xd = X.data, yd = Y.data;
  forEachRow(shape, [broadcastStrides(C, shape), broadcastStrides(X, shape), broadcastStrides(Y, shape), cStrides(shape)],
    [C.offset, X.offset, Y.offset, 0], (o, n, s) => {
      for (let i = 0, c = o[0], p = o[1], q = o[2], r = o[3]; i < n; i++, c += s[0], p += s[1], q += s[2], r++) {
        out[r] = cd[c] !== 0 ? xd[p] : yd[q];
      }
    });
  return new NDArray(out, shape, t);
}

/** numpy's clip: minimum(maximum(a, a_min), a_max); either bound may be null. */
export function clip(a: ArrayLike, aMin: ArrayLike | null, aMax: ArrayLike | null): NDArray {
  if (aMin === null && aMax === null) throw new ValueError('One of max or min must be given');
  let r = asarray(a);
  // A NaN bound leaves the element as it is; a NaN element stays NaN.
  if (aMin !== null) r = binary(SPECS.clipLow, isScalar(a) ? a : r, aMin);
  if (aMax !== null) r = binary(SPECS.clipHigh, r, aMax);
  return r;
}

/**
 * An element-wise function of one operand from its per-element JS expression in x: 'float64' results
 * for any input (numpy's float loops), or the input's dtype ('same'), or bool.
 */
export function unaryUfunc(expr: string, result: 'float64' | 'same' | 'bool'): (a: ArrayLike) => NDArray {
  const spec = unarySpec(result === 'float64' ? toFloat : result === 'bool' ? (): DType => 'bool' : keep, expr);
  return (a: ArrayLike): NDArray => unary(spec, a);
}

/**
 * An element-wise function of two broadcast operands from its per-element JS expression in x and y,
 * per result dtype: `float` for float64 results, `int` (optional) when both operands are integral.
 */
export function binaryUfunc(name: string, float: string, int?: string): (a: ArrayLike, b: ArrayLike) => NDArray {
  const fk = rowKernel(float), ik = int === undefined ? null : rowKernel(int);
  const spec: BinarySpec = {
    name,
    result: (t: DType) => (ik === null || t === 'float64' ? 'float64' : 'int64'),
    kernel: (t: DType) => (ik === null || t === 'float64' ? fk : ik),
    intCheck: ik !== null,
  };
  return (a: ArrayLike, b: ArrayLike): NDArray => binary(spec, a, b);
}
