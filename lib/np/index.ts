// The `np` namespace: numpy 1.24 names and semantics (see README "The numpy contract"), listed one by one.
import { NDArray, ArrayLike } from './ndarray';
import './methods';
import { asarray, array } from './asarray';
import {
  arange, copy, empty, empty_like, eye, full, full_like, identity, linspace, ones, ones_like, zeros, zeros_like,
} from './creation';
import * as shape from './shape';
import {
  abs, absolute, add, clip, divide, equal, exp, greater, greater_equal, isfinite, isinf, isnan, less, less_equal, log,
  logical_and, logical_not, logical_or, logical_xor, maximum, minimum, multiply, negative, not_equal, power, sign, sqrt,
  square, subtract, tanh, true_divide, where,
} from './ufuncs';
import { all, any, argmax, argmin, max, mean, min, nansum, prod, sum } from './reduce_api';
import { cumprod, cumsum, diff } from './accumulate';
import {
  average, median, nanmax, nanmean, nanmin, nanstd, nanvar, percentile, ptp, quantile, std, variance,
} from './statistics';
import { argsort, isin, searchsorted, sort, unique } from './sorting';
import { array_split, column_stack, hsplit, repeat, split, stack, tile, vsplit } from './joining';
import { atleast_1d, atleast_2d, atleast_3d, broadcast_arrays, flip, fliplr, flipud, moveaxis, roll } from './rearrange';
import { diag, diagonal, logspace, meshgrid, trace, tril, triu } from './matrices';
import {
  arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, around, cbrt, ceil, cos, cosh, deg2rad, degrees, exp2,
  expm1, floor, fmod, hypot, log10, log1p, log2, mod, rad2deg, radians, remainder, rint, round, signbit, sin, sinh, tan,
  trunc,
} from './math';
import { argwhere, count_nonzero, flatnonzero } from './searching';
import { pad } from './pad';
import { finfo } from './finfo';
import { einsum, inner, tensordot } from './contractions';
import { ValueError, IndexError, AxisError, ZeroDivisionError, OverflowError, normalizeAxis } from './errors';
import { norm } from './norm';
import { det, inv, slogdet, solve } from './decompositions/lu';
import { lstsq, matrix_rank, pinv, svd } from './decompositions/svd';
import { cholesky, eigh, eigvalsh, qr } from './decompositions/factor';
import { LinAlgError } from './decompositions/stack';
import { dot, matmul, outer } from './linalg';
import { allclose, array_equal, broadcast_shapes, isclose } from './compare';
import { nonzero, take } from './indexing';
import { broadcastTo } from './broadcast';
import * as random from './random';
import {
  array2string, array_repr, array_str, format_float_positional, format_float_scientific, get_printoptions,
  printoptions, set_printoptions,
} from './format';
import type { Array2StringOptions, ArrayStrOptions } from './format';
import { nativeBlas } from './native';

// Load the native BLAS addon (when built) with the library, as `import numpy` loads its BLAS, so the
// first product does not pay for it.
nativeBlas();

/** np.squeeze also accepts a plain number (numpy returns the scalar unchanged). */
type SqueezeAxis = number | number[] | null | { axis?: number | number[] | null };
function squeeze(a: number, axis?: SqueezeAxis): number;
function squeeze(a: ArrayLike, axis?: SqueezeAxis): NDArray;
function squeeze(a: ArrayLike, axis?: SqueezeAxis): NDArray | number {
  if (typeof a === 'number') return a;
  const ax = axis !== null && typeof axis === 'object' && !Array.isArray(axis) ? axis.axis : axis;
  return shape.squeeze(asarray(a), ax ?? undefined);
}

export const np = {
  ndarray: NDArray,
  float64: 'float64' as const,
  int64: 'int64' as const,
  bool_: 'bool' as const,
  newaxis: null,
  pi: Math.PI,
  e: Math.E,
  inf: Infinity,
  nan: NaN,

  array, asarray,
  arange, copy, empty, empty_like, eye, full, full_like, identity, linspace, ones, ones_like, zeros, zeros_like,
  reshape: (a: ArrayLike, newShape: number | readonly number[]): NDArray => shape.reshape(asarray(a), newShape),
  transpose: (a: ArrayLike, axes?: readonly number[]): NDArray => shape.transpose(asarray(a), axes),
  swapaxes: (a: ArrayLike, axis1: number, axis2: number): NDArray => shape.swapaxes(asarray(a), axis1, axis2),
  ravel: (a: ArrayLike): NDArray => shape.ravel(asarray(a)),
  squeeze,
  expand_dims: shape.expand_dims,
  concatenate: shape.concatenate,
  vstack: shape.vstack,
  hstack: shape.hstack,
  append: shape.append,
  broadcast_to: (a: ArrayLike, s: readonly number[]): NDArray => broadcastTo(asarray(a), s),
  broadcast_shapes,
  shape: (a: ArrayLike): number[] => asarray(a).shape.slice(),
  ndim: (a: ArrayLike): number => asarray(a).ndim,
  size: (a: ArrayLike, axis?: number): number => {
    const A = asarray(a);
    if (axis === undefined || axis === null) return A.size;
    if (axis >= A.ndim || axis < -A.ndim) throw new IndexError('tuple index out of range');
    return A.shape[normalizeAxis(axis, A.ndim)];
  },
  nonzero: (a: ArrayLike): NDArray[] => nonzero(asarray(a)),
  take: (a: ArrayLike, indices: ArrayLike, axis?: number | { axis?: number }): NDArray =>
    take(asarray(a), indices, typeof axis === 'object' && axis !== null ? axis.axis : axis),

  abs, absolute, add, clip, divide, equal, exp, greater, greater_equal, isfinite, isinf, isnan, less, less_equal, log,
  logical_and, logical_not, logical_or, logical_xor, maximum, minimum, multiply, negative, not_equal, power, sign, sqrt,
  square, subtract, tanh, true_divide, where,

  all, any, argmax, argmin, max, mean, min, nansum, norm, prod, sum,
  amax: max,
  amin: min,
  cumsum, cumprod, diff,
  std, var: variance, median, percentile, quantile, average, ptp, nanmax, nanmin, nanmean, nanstd, nanvar,
  count_nonzero, argwhere, flatnonzero,
  sort, argsort, unique, searchsorted, isin,
  stack, column_stack, split, array_split, hsplit, vsplit, tile, repeat,
  flip, fliplr, flipud, roll, moveaxis, atleast_1d, atleast_2d, atleast_3d, broadcast_arrays,
  tril, triu, diag, diagonal, trace, meshgrid, logspace, pad, finfo,
  floor, ceil, trunc, rint, round, around, mod, remainder, fmod, sin, cos, tan, arcsin, arccos, arctan, arctan2, sinh,
  cosh, arcsinh, arccosh, arctanh, log2, log10, log1p, expm1, exp2, cbrt, deg2rad, rad2deg, radians, degrees, hypot,
  signbit,
  einsum, tensordot, inner,
  ValueError, IndexError, AxisError, ZeroDivisionError, OverflowError,

  dot, matmul, outer,
  linalg: { norm, det, slogdet, inv, solve, svd, pinv, lstsq, matrix_rank, cholesky, qr, eigh, eigvalsh, LinAlgError },

  allclose, isclose, array_equal,

  random,
  array2string: (a: ArrayLike, options?: Array2StringOptions): string => array2string(asarray(a), options ?? {}),
  array_repr: (a: ArrayLike, options?: ArrayStrOptions): string => array_repr(asarray(a), options ?? {}),
  array_str: (a: ArrayLike, options?: ArrayStrOptions): string => array_str(asarray(a), options ?? {}),
  format_float_positional, format_float_scientific, get_printoptions, printoptions, set_printoptions,
};

export { NDArray };
export type { ArrayLike };
