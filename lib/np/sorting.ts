// numpy's sorting and set functions: sort, argsort, unique, searchsorted, isin.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { ValueError, normalizeAxis, readOptions } from './errors';
import { mapLanes } from './along_axis';
import { ArrayLike, NDArray } from './ndarray';

const KINDS = ['quicksort', 'mergesort', 'heapsort', 'stable'];

/** numpy's order for floats: ascending, NaNs last. */
export function compareValues(p: number, q: number): number {
  if (p !== p) return q !== q ? 0 : 1;
  if (q !== q) return -1;
  return p < q ? -1 : p > q ? 1 : 0;
}

function checkKind(kind: string | undefined): void {
  if (kind !== undefined && kind !== null && !KINDS.includes(kind)) {
    throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${kind}')`);
  }
}

function sortAxis(a: NDArray, axis: number | null | undefined): { arr: NDArray; ax: number } {
  if (axis === null) return { arr: new NDArray(a.values(), [a.size], a.dtype), ax: 0 };
  if (a.ndim === 0) throw new ValueError('Cannot sort a 0-d array') ;
  return { arr: a, ax: normalizeAxis(axis ?? -1, a.ndim) };
}

/** numpy's sort: a sorted copy along axis (default the last; null flattens). */
export function sort(x: ArrayLike, options: { axis?: number | null; kind?: string } = {}): NDArray {
  options = readOptions('sort', options, ['axis', 'kind', 'order']);
  checkKind(options.kind);
  const { arr, ax } = sortAxis(asarray(x), options.axis);
  return mapLanes(arr, ax, arr.shape[ax], arr.dtype, (src, start, n, dst, at) => {
    const v = src.slice(start, start + n).sort(compareValues);
    dst.set(v, at);
  });
}

/**
 * numpy's argsort. Equal elements keep their order (numpy's 'stable'); numpy's default quicksort
 * may order equal elements differently for lanes longer than 16.
 */
export function argsort(x: ArrayLike, options: { axis?: number | null; kind?: string } = {}): NDArray {
  options = readOptions('argsort', options, ['axis', 'kind', 'order']);
  checkKind(options.kind);
  const { arr, ax } = sortAxis(asarray(x), options.axis);
  return mapLanes(arr, ax, arr.shape[ax], 'int64', (src, start, n, dst, at) => {
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((i, j) => compareValues(src[start + i], src[start + j]) || i - j);
    for (let i = 0; i < n; i++) dst[at + i] = idx[i];
  });
}

export interface UniqueOptions { return_index?: boolean; return_inverse?: boolean; return_counts?: boolean; axis?: number | null; equal_nan?: boolean }

/** numpy's unique for the flattened array: sorted distinct values, and optionally index, inverse, counts. */
export function unique(x: ArrayLike, options: UniqueOptions = {}): NDArray | NDArray[] {
  options = readOptions('unique', options, ['return_index', 'return_inverse', 'return_counts', 'axis', 'equal_nan']);
  const a = asarray(x);
  if (options.axis !== undefined && options.axis !== null) {
    normalizeAxis(options.axis, a.ndim);
    if (a.ndim > 1) throw new ValueError('tsdl: unique with an axis is supported for 1-d arrays only');
  }
  const v = a.values();
  const n = v.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => compareValues(v[i], v[j]) || i - j);
  const equalNaN = options.equal_nan ?? true;
  const vals: number[] = [], first: number[] = [], counts: number[] = [];
  const inverse = allocF64Uninit(n);
  for (let k = 0; k < n; k++) {
    const i = order[k], x = v[i];
    const last = vals.length - 1;
    const same = last >= 0 && (vals[last] === x || (equalNaN && x !== x && vals[last] !== vals[last]));
    if (!same) { vals.push(x); first.push(i); counts.push(0); }
    counts[counts.length - 1]++;
    inverse[i] = vals.length - 1;
  }
  const u = new NDArray(Float64Array.from(vals), [vals.length], a.dtype);
  if (!options.return_index && !options.return_inverse && !options.return_counts) return u;
  const out = [u];
  if (options.return_index) out.push(new NDArray(Float64Array.from(first), [first.length], 'int64'));
  if (options.return_inverse) out.push(new NDArray(inverse, [n], 'int64'));
  if (options.return_counts) out.push(new NDArray(Float64Array.from(counts), [counts.length], 'int64'));
  return out;
}

/** numpy's searchsorted: insertion points into the sorted 1-d a that keep it sorted. */
export function searchsorted(sorted: ArrayLike, v: ArrayLike, options: { side?: string; sorter?: ArrayLike } = {}): NDArray | number {
  options = readOptions('searchsorted', options, ['side', 'sorter']);
  const side = options.side ?? 'left';
  if (side !== 'left' && side !== 'right') throw new ValueError(`search side must be 'left' or 'right' (got '${side}')`);
  let a = asarray(sorted).values();
  if (options.sorter !== undefined) {
    const s = asarray(options.sorter).values();
    a = Float64Array.from(s, (i) => a[i]);
  }
  const V = asarray(v);
  const q = V.values(), out = allocF64Uninit(q.length);
  for (let k = 0; k < q.length; k++) {
    let lo = 0, hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareValues(a[mid], q[k]);
      if (side === 'left' ? c < 0 : c <= 0) lo = mid + 1; else hi = mid;
    }
    out[k] = lo;
  }
  if (typeof v === 'number') return out[0];
  return new NDArray(out, V.shape, 'int64');
}

/** numpy's isin: whether each element of `element` is in test_elements (the shape of element). */
export function isin(element: ArrayLike, testElements: ArrayLike, options: { invert?: boolean; assume_unique?: boolean } = {}): NDArray {
  options = readOptions('isin', options, ['invert', 'assume_unique', 'kind']);
  const E = asarray(element);
  const set = new Set(asarray(testElements).values());
  const e = E.values(), out = allocF64Uninit(e.length);
  const inv = options.invert ?? false;
  for (let i = 0; i < e.length; i++) out[i] = +((e[i] === e[i] && set.has(e[i])) !== inv);
  return new NDArray(out, E.shape, 'bool');
}
