// The `np` namespace: numpy 1.24 names and semantics (see README "The numpy contract").
import { NDArray, ArrayLike } from './ndarray';
import { asarray, array } from './asarray';
import * as creation from './creation';
import * as shape from './shape';
import * as u from './ufuncs';
import * as reduce from './reduce_api';
import { cumsum } from './reductions';
import * as linalg from './linalg';
import * as compare from './compare';
import { nonzero, take } from './indexing';
import { broadcastTo } from './broadcast';
import * as random from './random';
import * as printing from './format';
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
  ...creation,
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
  broadcast_shapes: compare.broadcast_shapes,
  shape: (a: ArrayLike): number[] => asarray(a).shape.slice(),
  ndim: (a: ArrayLike): number => asarray(a).ndim,
  size: (a: ArrayLike): number => asarray(a).size,
  nonzero: (a: ArrayLike): NDArray[] => nonzero(asarray(a)),
  take: (a: ArrayLike, indices: ArrayLike, axis?: number): NDArray => take(asarray(a), indices, axis),

  ...u,
  ...reduce,
  amax: reduce.max,
  amin: reduce.min,
  cumsum,

  dot: linalg.dot,
  matmul: linalg.matmul,
  outer: linalg.outer,
  linalg: { norm: reduce.norm },

  allclose: compare.allclose,
  isclose: compare.isclose,
  array_equal: compare.array_equal,

  random,
  ...printing,
};

export { NDArray };
export type { ArrayLike };
