/**
 * The addon's two-operand element-wise loops (native/ufunc.c) for np's ufuncs and the course's fused
 * loops. Internal to the library: not part of `np`.
 */
import { sharesElements } from './alloc';
import { activeNative } from './native';

// The addon's element-wise loops (native/ufunc.c), listed by the TypeScript expression each one
// computes, in the order of its operation codes.
const NATIVE_BINARY_OPS = ['x + y', 'x - y', 'x * y', 'x / y', '(x > y || x !== x) ? x : y', '(x < y || x !== x) ? x : y',
  '+(x > y)', '+(x >= y)', '+(x < y)', '+(x <= y)', '+(x === y)', '+(x !== y)', '+(x !== 0 && y !== 0)',
  '+(x !== 0 || y !== 0)', '+((x !== 0) !== (y !== 0))'];
/** Arrays of at least this many elements go to the addon's loops when it is loaded (a call costs ~0.5 µs). */
export const NATIVE_MIN = 256;
const NATIVE_P = new Float64Array(8);

/** An operand the addon may not read while writing out: overlapping, and not exactly out's elements in out's order. */
function clashes(out: Float64Array, x: Float64Array, xo: number, rs: number, cs: number, rows: number, cols: number): boolean {
  return sharesElements(out, x) && !(out === x && xo === 0 && cs === 1 && (rows === 1 || rs === cols));
}

/** The addon's code for the element-wise operation the TypeScript expression computes, or -1. */
export function nativeBinaryCode(expr: string): number { return NATIVE_BINARY_OPS.indexOf(expr); }

/**
 * out (rows × cols, C order) from a and b through the addon, with per-operand row and column strides
 * (0 along a broadcast axis); op is a nativeBinaryCode. out may be a itself (or b) with the same
 * layout. False when the addon or this operation's loop is not there, or the array is too small to be
 * worth a call: the caller then runs its TypeScript loop.
 */
export function nativeBinary(code: number, out: Float64Array, ad: Float64Array, ao: number, ars: number, acs: number,
  bd: Float64Array, bo: number, brs: number, bcs: number, rows: number, cols: number): boolean {
  if (code < 0 || rows * cols < NATIVE_MIN) return false;
  const nat = activeNative();
  if (nat === null || nat.ufuncBinary === undefined || clashes(out, ad, ao, ars, acs, rows, cols) ||
    clashes(out, bd, bo, brs, bcs, rows, cols)) return false;
  const p = NATIVE_P;
  p[0] = ao; p[1] = ars; p[2] = acs; p[3] = bo; p[4] = brs; p[5] = bcs; p[6] = rows; p[7] = cols;
  nat.ufuncBinary(code, out, ad, bd, p);
  return true;
}
