// numpy's rounding, remainder, trigonometric, hyperbolic and other logarithmic ufuncs. They compute
// with V8's Math functions, which may differ from the C library numpy calls in the last bit.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { ArrayLike, NDArray } from './ndarray';
import { binaryUfunc, unaryUfunc } from './ufuncs';

export const floor = unaryUfunc('Math.floor(x)', 'float64');
export const ceil = unaryUfunc('Math.ceil(x)', 'float64');
export const trunc = unaryUfunc('Math.trunc(x)', 'float64');
export const sin = unaryUfunc('Math.sin(x)', 'float64');
export const cos = unaryUfunc('Math.cos(x)', 'float64');
export const tan = unaryUfunc('Math.tan(x)', 'float64');
export const arcsin = unaryUfunc('Math.asin(x)', 'float64');
export const arccos = unaryUfunc('Math.acos(x)', 'float64');
export const arctan = unaryUfunc('Math.atan(x)', 'float64');
export const sinh = unaryUfunc('Math.sinh(x)', 'float64');
export const cosh = unaryUfunc('Math.cosh(x)', 'float64');
export const arcsinh = unaryUfunc('Math.asinh(x)', 'float64');
export const arccosh = unaryUfunc('Math.acosh(x)', 'float64');
export const arctanh = unaryUfunc('Math.atanh(x)', 'float64');
export const log2 = unaryUfunc('Math.log2(x)', 'float64');
export const log10 = unaryUfunc('Math.log10(x)', 'float64');
export const log1p = unaryUfunc('Math.log1p(x)', 'float64');
export const expm1 = unaryUfunc('Math.expm1(x)', 'float64');
export const exp2 = unaryUfunc('Math.pow(2, x)', 'float64');
export const cbrt = unaryUfunc('Math.cbrt(x)', 'float64');
export const deg2rad = unaryUfunc('x * (Math.PI / 180)', 'float64');
export const rad2deg = unaryUfunc('x * (180 / Math.PI)', 'float64');
export const radians = deg2rad;
export const degrees = rad2deg;
export const signbit = unaryUfunc('+(x < 0 || Object.is(x, -0))', 'bool');
export const arctan2 = binaryUfunc('arctan2', 'Math.atan2(x, y)');
export const hypot = binaryUfunc('hypot', 'Math.hypot(x, y)');

// Python's remainder: the sign of the divisor (numpy's npy_divmod); an integer divided by 0 gives 0.
export const mod = binaryUfunc('remainder',
  '(x % y !== 0 && (y < 0) !== (x % y < 0)) ? x % y + y : (x % y === 0 && y !== 0 ? (y < 0 ? -0 : 0) : x % y)',
  'y === 0 ? 0 : (x % y !== 0 && (y < 0) !== (x % y < 0)) ? x % y + y : x % y');
export const remainder = mod;
export const fmod = binaryUfunc('fmod', 'x % y', 'y === 0 ? 0 : x % y');

/** Round half to even, as C's rint (and numpy's round). */
function rintValue(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy's round (around): half to even, at `decimals` places (negative: left of the point). */
export function round(x: ArrayLike, decimals = 0): NDArray {
  if (!Number.isInteger(decimals)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const a = asarray(x);
  const v = a.values(), out = allocF64Uninit(v.length);
  if (a.dtype !== 'float64') {
    if (decimals >= 0) return a.copy();
    const f = 10 ** -decimals;
    for (let i = 0; i < v.length; i++) { const r = rintValue(v[i] / f) * f; out[i] = r === 0 ? 0 : r; }
    return new NDArray(out, a.shape, a.dtype);
  }
  if (decimals === 0) for (let i = 0; i < v.length; i++) out[i] = rintValue(v[i]);
  else if (decimals > 0) {
    const f = 10 ** decimals;
    for (let i = 0; i < v.length; i++) out[i] = rintValue(v[i] * f) / f;
  } else {
    const f = 10 ** -decimals;
    for (let i = 0; i < v.length; i++) out[i] = rintValue(v[i] / f) * f;
  }
  return new NDArray(out, a.shape, 'float64');
}
export const around = round;
export const rint = unaryUfunc('Math.round(x) - x === 0.5 && Math.round(x) % 2 !== 0 ? Math.round(x) - 1 : Math.round(x)', 'float64');
