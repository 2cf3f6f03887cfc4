// Runs a function over every 1-d lane of an array along one axis: the building block of sort,
// median, percentile, cumsum, diff and the other functions numpy defines lane by lane.
import { allocF64Uninit } from './alloc';
import { DType } from './dtype';
import { NDArray } from './ndarray';
import { normalizeAxis } from './errors';
import { shapeSize } from './layout';
import { transpose } from './shape';

/** The lanes of `a` along `axis` as consecutive runs of one C-ordered buffer. */
export function lanes(a: NDArray, axis: number): { data: Float64Array; n: number; count: number; outer: number[] } {
  const ax = normalizeAxis(axis, a.ndim);
  const perm: number[] = [];
  for (let k = 0; k < a.ndim; k++) if (k !== ax) perm.push(k);
  perm.push(ax);
  const moved = transpose(a, perm);
  const n = a.shape[ax];
  const outer = perm.slice(0, -1).map((k) => a.shape[k]);
  return { data: moved.values(), n, count: shapeSize(outer), outer };
}

/** Puts the last axis of a C-ordered result back at position `axis` (a C-ordered copy). */
function lastAxisTo(data: Float64Array, shapeLast: number[], axis: number, dtype: DType): NDArray {
  const r = new NDArray(data, shapeLast, dtype);
  const nd = shapeLast.length;
  if (axis === nd - 1) return r;
  // axis < nd - 1 here, so the loop places the last axis.
  const perm: number[] = [];
  for (let k = 0; k < nd - 1; k++) { if (k === axis) perm.push(nd - 1); perm.push(k); }
  return transpose(r, perm).copy();
}

/**
 * out[lane] = f(lane) for every lane along axis, where f writes `outLen` values; the result has the
 * lane's axis replaced by one of length outLen, in the same position.
 */
export function mapLanes(a: NDArray, axis: number, outLen: number, dtype: DType,
  f: (src: Float64Array, start: number, n: number, dst: Float64Array, at: number) => void): NDArray {
  const ax = normalizeAxis(axis, a.ndim);
  const { data, n, count, outer } = lanes(a, ax);
  const out = allocF64Uninit(count * outLen);
  for (let r = 0; r < count; r++) f(data, r * n, n, out, r * outLen);
  return lastAxisTo(out, [...outer, outLen], ax, dtype);
}
