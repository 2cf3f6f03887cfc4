// numpy's searching and counting: argwhere, flatnonzero, count_nonzero.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { readOptions } from './errors';
import { ArrayLike, Axis, NDArray } from './ndarray';
import { nonzero } from './indexing';
import { sum } from './reductions';

/** numpy's argwhere: the indices of the nonzero elements, one row per element. */
export function argwhere(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim === 0) {
    const hit = a.values()[0] !== 0;
    return new NDArray(allocF64Uninit(0), [hit ? 1 : 0, 0], 'int64');
  }
  const coords = nonzero(a);
  const n = coords[0].size, nd = coords.length;
  const out = allocF64Uninit(n * nd);
  coords.forEach((c, k) => { const v = c.values(); for (let i = 0; i < n; i++) out[i * nd + k] = v[i]; });
  return new NDArray(out, [n, nd], 'int64');
}

export function flatnonzero(x: ArrayLike): NDArray {
  const a = asarray(x);
  return nonzero(new NDArray(a.values(), [a.size], a.dtype))[0];
}

/** numpy's count_nonzero: a number, or an int64 array with an axis. */
export function count_nonzero(x: ArrayLike, options: { axis?: Axis; keepdims?: boolean } = {}): NDArray | number {
  options = readOptions('count_nonzero', options, ['axis', 'keepdims']);
  const a = asarray(x);
  const v = a.values(), m = allocF64Uninit(v.length);
  for (let i = 0; i < v.length; i++) m[i] = v[i] !== 0 ? 1 : 0;
  return sum(new NDArray(m, a.shape, 'int64'), options);
}
