import { ArrayLike, NDArray } from './ndarray';
import { asarray } from './asarray';
import { broadcastShapesPublic } from './broadcast';
import * as u from './ufuncs';
import { readOptions } from './errors';

/** numpy's isclose: |a - b| <= atol + rtol * |b| (NaNs equal only with equal_nan). */
export function isclose(a: ArrayLike, b: ArrayLike, options: { rtol?: number; atol?: number; equal_nan?: boolean } = {}): NDArray {
  options = readOptions('isclose', options, ['rtol', 'atol', 'equal_nan']);
  const rtol = options.rtol ?? 1e-5, atol = options.atol ?? 1e-8;
  const A = asarray(a, 'float64'), B = asarray(b, 'float64');
  const diff = u.abs(u.subtract(A, B));
  const close = u.less_equal(diff, u.add(atol, u.multiply(rtol, u.abs(B))));
  // inf == inf counts as close, as in numpy.
  const r = u.logical_or(close, u.logical_and(u.equal(A, B), u.logical_not(u.isnan(A))));
  if (!options.equal_nan) return r;
  return u.logical_or(r, u.logical_and(u.isnan(A), u.isnan(B)));
}

export function allclose(a: ArrayLike, b: ArrayLike, options: { rtol?: number; atol?: number; equal_nan?: boolean } = {}): boolean {
  options = readOptions('allclose', options, ['rtol', 'atol', 'equal_nan']);
  return isclose(a, b, options).values().every((v) => v !== 0);
}

export function array_equal(a: ArrayLike, b: ArrayLike): boolean {
  const A = asarray(a), B = asarray(b);
  if (A.ndim !== B.ndim || A.shape.some((d, k) => d !== B.shape[k])) return false;
  const x = A.values(), y = B.values();
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export function broadcast_shapes(...shapes: (number | readonly number[])[]): number[] { return broadcastShapesPublic(...shapes); }
