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
import { all, any, argmax, argmin, max, mean, min, nansum, norm, prod, sum } from './reduce_api';
import { cumsum } from './reductions';
import { dot, matmul, outer } from './linalg';
import { allclose, array_equal, broadcast_shapes, isclose } from './compare';
import { nonzero, take } from './indexing';
import { broadcastTo } from './broadcast';
import * as random from './random';
import {
  array2string, array_repr, array_str, format_float_positional, format_float_scientific, get_printoptions,
  printoptions, set_printoptions,
} from './format';
import { nativeBlas } from './native';

// Load the native BLAS addon (when built) with the library, as `import numpy` loads its BLAS, so the
// first product does not pay for it.
nativeBlas();

/** np.squeeze also accepts a plain number (numpy returns the scalar unchanged). */
function squeeze(a: number, axis?: number | number[]): number;
function squeeze(a: ArrayLike, axis?: number | number[]): NDArray;
function squeeze(a: ArrayLike, axis?: number | number[]): NDArray | number {
  if (typeof a === 'number') return a;
  return shape.squeeze(asarray(a), axis);
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
  size: (a: ArrayLike): number => asarray(a).size,
  nonzero: (a: ArrayLike): NDArray[] => nonzero(asarray(a)),
  take: (a: ArrayLike, indices: ArrayLike, axis?: number): NDArray => take(asarray(a), indices, axis),

  abs, absolute, add, clip, divide, equal, exp, greater, greater_equal, isfinite, isinf, isnan, less, less_equal, log,
  logical_and, logical_not, logical_or, logical_xor, maximum, minimum, multiply, negative, not_equal, power, sign, sqrt,
  square, subtract, tanh, true_divide, where,

  all, any, argmax, argmin, max, mean, min, nansum, norm, prod, sum,
  amax: max,
  amin: min,
  cumsum,

  dot, matmul, outer,
  linalg: { norm },

  allclose, isclose, array_equal,

  random,
  array2string, array_repr, array_str, format_float_positional, format_float_scientific, get_printoptions,
  printoptions, set_printoptions,
};

export { NDArray };
export type { ArrayLike };
