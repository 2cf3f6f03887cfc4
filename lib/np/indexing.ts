/**
 * numpy indexing. An index is a list of items, one per Python subscript entry:
 *
 *   Python            tsdl
 *   a[1, 2]           a.get(1, 2)                  (a JS number)
 *   a[0]              a.slice(0)                   (view, drops axis 0)
 *   a[:, 0:64]        a.slice(':', '0:64')         (view)
 *   a[::-1, 1:]       a.slice('::-1', '1:')
 *   a[..., 0]         a.slice('...', 0)
 *   a[:, None]        a.slice(':', null)           (np.newaxis is null)
 *   a[:, p]           a.slice(':', p)              (p an int NDArray or number[]: copy)
 *   a[mask]           a.slice(mask)                (bool NDArray or boolean[]: copy)
 *   a[idx] = v        a.set([idx...], v)           (same items; v broadcasts)
 */
import { allocF64 } from './alloc';
import { castValue } from './dtype';
import { ArrayLike, IndexItem, NDArray, shapeSize } from './ndarray';
import { asarray } from './asarray';
import { broadcastShapes, broadcastStrides, forEachRow } from './broadcast';
import { formatShape } from './errors';

type Basic = { kind: 'int'; i: number } | { kind: 'slice'; start?: number; stop?: number; step?: number }
  | { kind: 'newaxis' } | { kind: 'ellipsis' } | { kind: 'array'; a: NDArray };

function parseSlice(s: string): Basic {
  const t = s.trim();
  if (t === '...') return { kind: 'ellipsis' };
  const parts = t.split(':');
  if (parts.length === 1) {
    const i = Number(t);
    if (t === '' || !Number.isInteger(i)) throw new SyntaxError(`invalid index '${s}': use 'start:stop:step', ':', '...' or an integer`);
    return { kind: 'int', i };
  }
  if (parts.length > 3) throw new SyntaxError(`invalid slice '${s}': at most two ':'`);
  const num = (p: string | undefined): number | undefined => {
    if (p === undefined || p.trim() === '') return undefined;
    const v = Number(p);
    if (!Number.isInteger(v)) throw new SyntaxError(`invalid slice '${s}': '${p}' is not an integer`);
    return v;
  };
  const step = num(parts[2]);
  if (step === 0) throw new Error('slice step cannot be zero');
  return { kind: 'slice', start: num(parts[0]), stop: num(parts[1]), step };
}

function parseItem(x: IndexItem): Basic {
  if (x === null) return { kind: 'newaxis' };
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new TypeError(`only integers, slices ('a:b:c'), ellipsis ('...'), null (newaxis) and integer or boolean arrays are valid indices; got ${x}`);
    return { kind: 'int', i: x };
  }
  if (typeof x === 'string') return parseSlice(x);
  if (x instanceof NDArray || Array.isArray(x)) {
    const a = asarray(x as ArrayLike);
    if (a.dtype === 'float64' && a.size > 0) throw new TypeError('arrays used as indices must be of integer (or boolean) type');
    return { kind: 'array', a: a.size === 0 && a.dtype === 'float64' ? a.astype('int64') : a };
  }
  throw new TypeError(`invalid index ${String(x)}`);
}

/** numpy's slice.indices: resolved start, step and length for an axis of size n. */
function sliceRange(s: { start?: number; stop?: number; step?: number }, n: number): [number, number, number] {
  const step = s.step ?? 1;
  let start: number, stop: number;
  if (step > 0) {
    start = s.start === undefined ? 0 : s.start < 0 ? Math.max(0, s.start + n) : Math.min(s.start, n);
    stop = s.stop === undefined ? n : s.stop < 0 ? Math.max(0, s.stop + n) : Math.min(s.stop, n);
  } else {
    start = s.start === undefined ? n - 1 : s.start < 0 ? Math.max(-1, s.start + n) : Math.min(s.start, n - 1);
    stop = s.stop === undefined ? -1 : s.stop < 0 ? Math.max(-1, s.stop + n) : Math.min(s.stop, n - 1);
  }
  const len = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return [start, step, len];
}

interface Plan {
  /** View after all basic items; advanced axes kept whole. */
  view: NDArray;
  /** Positions in `view` indexed by arrays, and those arrays (already bounds-checked, non-negative). */
  advAxes: number[];
  advArrays: NDArray[];
}

function expandItems(a: NDArray, items: readonly IndexItem[]): Basic[] {
  let parsed = items.map(parseItem);
  const hasArray = parsed.some((p) => p.kind === 'array');
  // Boolean arrays stand for their nonzero() coordinates, one int array per axis they cover.
  const out: Basic[] = [];
  for (const p of parsed) {
    if (p.kind === 'array' && p.a.dtype === 'bool') {
      for (const coords of nonzero(p.a)) out.push({ kind: 'array', a: coords });
    } else if (hasArray && p.kind === 'int') {
      // Next to an array index, numpy treats an integer as a 0-d array index (placement rules).
      out.push({ kind: 'array', a: new NDArray(new Float64Array([p.i]), [], 'int64') });
    } else out.push(p);
  }
  parsed = out;
  const consumed = parsed.filter((p) => p.kind !== 'newaxis' && p.kind !== 'ellipsis').length;
  const ell = parsed.filter((p) => p.kind === 'ellipsis').length;
  if (ell > 1) throw new IndexError('an index can only have a single ellipsis (\'...\')');
  if (consumed > a.ndim) {
    throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const fill: Basic[] = Array.from({ length: a.ndim - consumed }, () => ({ kind: 'slice' }));
  const at = parsed.findIndex((p) => p.kind === 'ellipsis');
  return at >= 0 ? [...parsed.slice(0, at), ...fill, ...parsed.slice(at + 1)] : [...parsed, ...fill];
}

export class IndexError extends RangeError {
  constructor(message: string) { super(message); this.name = 'IndexError'; }
}

function plan(a: NDArray, items: readonly IndexItem[]): Plan {
  const parsed = expandItems(a, items);
  const shape: number[] = [], strides: number[] = [];
  const advAxes: number[] = [], advArrays: NDArray[] = [];
  let offset = a.offset, axis = 0;
  for (const p of parsed) {
    if (p.kind === 'newaxis') { shape.push(1); strides.push(0); continue; }
    const n = a.shape[axis], st = a.strides[axis];
    if (p.kind === 'int') {
      if (p.i < -n || p.i >= n) throw new IndexError(`index ${p.i} is out of bounds for axis ${axis} with size ${n}`);
      offset += (p.i < 0 ? p.i + n : p.i) * st;
    } else if (p.kind === 'slice') {
      const [start, step, len] = sliceRange(p, n);
      if (len > 0) offset += start * st;
      shape.push(len); strides.push(st * step);
    } else if (p.kind === 'array') {
      const v = p.a.values();
      const fixed = allocF64(v.length);
      for (let i = 0; i < v.length; i++) {
        const j = v[i];
        if (j < -n || j >= n) throw new IndexError(`index ${j} is out of bounds for axis ${axis} with size ${n}`);
        fixed[i] = j < 0 ? j + n : j;
      }
      advAxes.push(shape.length); advArrays.push(new NDArray(fixed, p.a.shape, 'int64'));
      shape.push(n); strides.push(st);
    }
    axis++;
  }
  return { view: new NDArray(a.data, shape, a.dtype, strides, offset, a.base ?? a), advAxes, advArrays };
}

/**
 * Element offsets (into the base buffer) selected by an advanced index, in the result's C order,
 * together with the result shape.
 */
function gatherOffsets(p: Plan): { shape: number[]; offsets: Float64Array } {
  const { view, advAxes, advArrays } = p;
  let bshape: number[];
  try {
    bshape = broadcastShapes(...advArrays.map((x) => x.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${advArrays.map((x) => formatShape(x.shape)).join(' ')}`);
  }
  const bsize = shapeSize(bshape);
  // Offset contributed by the advanced axes, per position of the broadcast index shape.
  const table = allocF64(bsize);
  const outStr = bshape.map((_, k) => shapeSize(bshape.slice(k + 1)));
  advArrays.forEach((arr, j) => {
    const st = view.strides[advAxes[j]];
    forEachRow(bshape, [broadcastStrides(arr, bshape), outStr], [arr.offset, 0], (o, n, s) => {
      for (let i = 0, q = o[0], r = o[1]; i < n; i++, q += s[0], r++) table[r] += arr.data[q] * st;
    });
  });
  const consecutive = advAxes.every((ax, j) => j === 0 || ax === advAxes[j - 1] + 1);
  const rest = [...Array(view.ndim).keys()].filter((k) => !advAxes.includes(k));
  const insertAt = consecutive ? advAxes[0] : 0;
  // Axes of the result: the plain axes of the view, with the index block inserted once.
  type Ax = { n: number; stride: number } | 'table';
  const axes: Ax[] = rest.map((k) => ({ n: view.shape[k], stride: view.strides[k] }));
  const before = rest.filter((k) => k < insertAt).length;
  axes.splice(consecutive ? before : 0, 0, 'table');
  const shape = axes.flatMap((ax) => (ax === 'table' ? bshape : [ax.n]));
  const offsets = allocF64(shapeSize(shape));
  let pos = 0;
  const walk = (d: number, base: number): void => {
    if (d === axes.length) { offsets[pos++] = base; return; }
    const ax = axes[d];
    if (ax === 'table') for (let i = 0; i < bsize; i++) walk(d + 1, base + table[i]);
    else for (let i = 0; i < ax.n; i++) walk(d + 1, base + i * ax.stride);
  };
  if (offsets.length > 0) walk(0, view.offset);
  return { shape, offsets };
}

/** a[items]: a view for basic indices, a copy when any array index is present. */
export function getIndex(a: NDArray, items: readonly IndexItem[]): NDArray {
  const p = plan(a, items);
  if (p.advArrays.length === 0) return p.view;
  const { shape, offsets } = gatherOffsets(p);
  const out = allocF64(offsets.length);
  const d = a.data;
  for (let i = 0; i < offsets.length; i++) out[i] = d[offsets[i]];
  return new NDArray(out, shape, a.dtype);
}

/** a[items] = value, with value broadcast to the selection and cast to a's dtype. */
export function setIndex(a: NDArray, items: readonly IndexItem[], value: ArrayLike): void {
  const p = plan(a, items);
  const V = asarray(value);
  if (p.advArrays.length === 0) {
    const t = p.view;
    checkAssignShape(V, t.shape);
    forEachRow(t.shape, [t.strides, broadcastStrides(V, t.shape)], [t.offset, V.offset], (o, n, s) => {
      for (let i = 0, q = o[0], r = o[1]; i < n; i++, q += s[0], r += s[1]) a.data[q] = castValue(V.data[r], a.dtype);
    });
    return;
  }
  const { shape, offsets } = gatherOffsets(p);
  checkAssignShape(V, shape);
  const vals = allocF64(offsets.length);
  forEachRow(shape, [broadcastStrides(V, shape), shape.map((_, k) => shapeSize(shape.slice(k + 1)))], [V.offset, 0], (o, n, s) => {
    for (let i = 0, q = o[0], r = o[1]; i < n; i++, q += s[0], r++) vals[r] = V.data[q];
  });
  for (let i = 0; i < offsets.length; i++) a.data[offsets[i]] = castValue(vals[i], a.dtype);
}

function checkAssignShape(v: NDArray, target: readonly number[]): void {
  try {
    const b = broadcastShapes(v.shape, target);
    if (b.length !== target.length || b.some((d, k) => d !== target[k])) throw new Error();
  } catch {
    throw new Error(`could not broadcast input array from shape ${formatShape(v.shape)} into shape ${formatShape(target)}`);
  }
}

/** numpy's nonzero: one int64 array of coordinates per axis. */
export function nonzero(a: NDArray): NDArray[] {
  const v = a.values();
  const nd = Math.max(a.ndim, 1);
  const hits: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) hits.push(i);
  const shape = a.ndim === 0 ? [1] : a.shape;
  return Array.from({ length: nd }, (_, k) => {
    const inner = shapeSize(shape.slice(k + 1));
    const out = allocF64(hits.length);
    hits.forEach((h, i) => { out[i] = Math.floor(h / inner) % shape[k]; });
    return new NDArray(out, [hits.length], 'int64');
  });
}

/** numpy's take along one axis (a[:, idx] for axis 1); copies. */
export function take(a: NDArray, indices: ArrayLike, axis?: number): NDArray {
  if (axis === undefined) return getIndex(a.reshape(-1), [asarray(indices) as NDArray]);
  const items: IndexItem[] = Array.from({ length: a.ndim }, () => ':');
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (ax < 0 || ax >= a.ndim) throw new RangeError(`axis ${axis} is out of bounds for array of dimension ${a.ndim}`);
  items[ax] = asarray(indices);
  return getIndex(a, items);
}
