// numpy's joining, splitting and repeating: stack, column_stack, split, array_split, tile, repeat.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { ValueError, ZeroDivisionError, integerArgument, normalizeAxis, readOptions } from './errors';
import { ArrayLike, NDArray } from './ndarray';
import { concatenate, expand_dims, reshape, sequenceItems } from './shape';
import { getIndex } from './indexing';
import { shapeSize, sameShape } from './layout';

/** numpy's stack: joins arrays of one shape along a new axis. */
export function stack(arrays: readonly ArrayLike[] | NDArray, options: { axis?: number } = {}): NDArray {
  options = readOptions('stack', options, ['axis', 'out', 'dtype', 'casting']);
  const As = sequenceItems(arrays, 'stack').map((x) => asarray(x));
  if (As.length === 0) throw new ValueError('need at least one array to stack');
  for (const x of As) if (!sameShape(x.shape, As[0].shape)) throw new ValueError('all input arrays must have the same shape');
  const ax = normalizeAxis(options.axis ?? 0, As[0].ndim + 1);
  return concatenate(As.map((x) => expand_dims(x, ax)), { axis: ax });
}

/** numpy's column_stack: 1-d arrays become columns, 2-d ones are joined along axis 1. */
export function column_stack(arrays: readonly ArrayLike[]): NDArray {
  const As = sequenceItems(arrays, 'column_stack').map((x) => {
    const a = asarray(x);
    return a.ndim < 2 ? reshape(a.copy(), [a.size, 1]) : a;
  });
  return concatenate(As, { axis: 1 });
}

function sectionBounds(n: number, sections: number | readonly number[], exact: boolean): number[] {
  if (typeof sections !== 'number' && !Array.isArray(sections)) integerArgument(sections);
  if (typeof sections === 'number') {
    if (sections === 0 && exact) throw new ZeroDivisionError('integer modulo by zero');
    if (!Number.isInteger(sections) || sections <= 0) throw new ValueError('number sections must be larger than 0.');
    if (exact && n % sections !== 0) throw new ValueError('array split does not result in an equal division');
    const each = Math.floor(n / sections), extra = n % sections;
    const bounds = [0];
    for (let i = 0; i < sections; i++) bounds.push(bounds[i] + each + (i < extra ? 1 : 0));
    return bounds;
  }
  return [0, ...sections, n];
}

/** numpy's array_split: sections of (nearly) equal size, or cut at the given indices. */
export function array_split(x: ArrayLike, sections: number | readonly number[], options: { axis?: number } | number = {}): NDArray[] {
  return splitImpl(x, sections, typeof options === 'number' ? options : options?.axis ?? 0, false);
}

/** numpy's split: like array_split, but a number of sections must divide the axis exactly. */
export function split(x: ArrayLike, sections: number | readonly number[], options: { axis?: number } | number = {}): NDArray[] {
  return splitImpl(x, sections, typeof options === 'number' ? options : options?.axis ?? 0, true);
}

function splitImpl(x: ArrayLike, sections: number | readonly number[], axis: number, exact: boolean): NDArray[] {
  const a = asarray(x);
  const ax = normalizeAxis(axis, a.ndim);
  const n = a.shape[ax];
  const b = sectionBounds(n, sections, exact);
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < b.length; i++) {
    const lo = Math.min(Math.max(b[i] < 0 ? b[i] + n : b[i], 0), n);
    const hi = Math.min(Math.max(b[i + 1] < 0 ? b[i + 1] + n : b[i + 1], 0), n);
    const items: string[] = [];
    for (let k = 0; k < ax; k++) items.push(':');
    items.push(`${lo}:${Math.max(lo, hi)}`);
    out.push(getIndex(a, items));
  }
  return out;
}

export const hsplit = (x: ArrayLike, sections: number | readonly number[]): NDArray[] => {
  const a = asarray(x);
  if (a.ndim === 0) throw new ValueError('hsplit only works on arrays of 1 or more dimensions');
  return split(a, sections, a.ndim > 1 ? 1 : 0);
};
export const vsplit = (x: ArrayLike, sections: number | readonly number[]): NDArray[] => {
  const a = asarray(x);
  if (a.ndim < 2) throw new ValueError('vsplit only works on arrays of 2 or more dimensions');
  return split(a, sections, 0);
};

/** numpy's tile: the array repeated reps times along each axis. */
export function tile(x: ArrayLike, reps: number | readonly number[]): NDArray {
  let a = asarray(x);
  const r = Array.isArray(reps) ? reps.map(integerArgument) : [integerArgument(reps)];
  for (const d of r) if (d < 0) throw new ValueError('negative dimensions are not allowed');
  const nd = Math.max(a.ndim, r.length);
  while (r.length < nd) r.unshift(1);
  if (a.ndim < nd) a = reshape(a, [...Array(nd - a.ndim).fill(1), ...a.shape]);
  const shape = a.shape.map((d, k) => d * r[k]);
  const src = a.values(), out = allocF64Uninit(shapeSize(shape));
  const idx = new Array<number>(nd).fill(0);
  for (let o = 0; o < out.length; o++) {
    let s = 0;
    for (let k = 0; k < nd; k++) s = s * a.shape[k] + (idx[k] % a.shape[k]);
    out[o] = src[s];
    for (let k = nd - 1; k >= 0; k--) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
  }
  return new NDArray(out, shape, a.dtype);
}

/** numpy's repeat: each element repeated, along axis (flattened when no axis is given). */
export function repeat(x: ArrayLike, repeats: number | readonly number[] | NDArray, options: { axis?: number | null } | number = {}): NDArray {
  let a = asarray(x);
  const axis = typeof options === 'number' ? options : options?.axis ?? null;
  if (axis === null) a = new NDArray(a.values(), [a.size], a.dtype);
  const ax = normalizeAxis(axis ?? 0, a.ndim);
  const n = a.shape[ax];
  const R = asarray(repeats as ArrayLike).values();
  for (const r of R) integerArgument(r);
  if (R.length !== 1 && R.length !== n) {
    throw new ValueError(`operands could not be broadcast together with shape (${n},) (${R.length},)`);
  }
  const counts = Array.from({ length: n }, (_, i) => (R.length === 1 ? R[0] : R[i]));
  for (const c of counts) if (c < 0) throw new ValueError('negative dimensions are not allowed');
  const total = counts.reduce((p, c) => p + c, 0);
  const outer = shapeSize(a.shape.slice(0, ax)), inner = shapeSize(a.shape.slice(ax + 1));
  const src = a.values(), out = allocF64Uninit(outer * total * inner);
  let o = 0;
  for (let p = 0; p < outer; p++) {
    for (let i = 0; i < n; i++) {
      const base = (p * n + i) * inner;
      for (let c = 0; c < counts[i]; c++) { out.set(src.subarray(base, base + inner), o); o += inner; }
    }
  }
  const shape = a.shape.slice();
  shape[ax] = total;
  return new NDArray(out, shape, a.dtype);
}
