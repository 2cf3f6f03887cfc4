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
import { DType, castValue } from './dtype';
import { ArrayLike, IndexItem, NDArray } from './ndarray';
import { shapeSize } from './layout';
import { asarray } from './asarray';
import { broadcastShapes, broadcastStrides, forEachRow } from './broadcast';
import { AxisError, IndexError, ValueError, formatShape } from './errors';
import { reshape } from './shape';

type Basic = { kind: 'int'; i: number } | { kind: 'slice'; start?: number; stop?: number; step?: number }
  | { kind: 'newaxis' } | { kind: 'ellipsis' } | { kind: 'array'; a: NDArray };

// ---- basic indices in one pass ------------------------------------------------------------------
// Integers, slice strings, null and '...' are laid out straight into a shape, strides and offset,
// without parse objects. Anything else, and anything that would raise, returns false: the general
// path below then produces the result or numpy's error, so the two cannot disagree.

const BAIL = 0, INT = 1, SLICE = 2;
// Index tuples longer than this take the general path.
const MAX_ITEMS = 8;
// What scanIndexString read for item k: the integer, or start, stop and step, at 3k..3k+2 (NaN: left out).
const SCANNED = new Float64Array(3 * MAX_ITEMS);
const KINDS = new Uint8Array(MAX_ITEMS);

/**
 * Reads '-3', '20:25', '::-1', ':' (digits, '-' and ':' only). Other spellings Number() accepts
 * (' 1', '+1', '1.0', '1e1') and every error are BAIL, left to parseSlice.
 */
function scanIndexString(s: string, at: number): number {
  const len = s.length;
  let field = 0, v = 0, digits = 0, neg = false;
  SCANNED[at] = SCANNED[at + 1] = SCANNED[at + 2] = NaN;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? s.charCodeAt(i) : 58;
    if (c >= 48 && c <= 57) {
      if (++digits > 15) return BAIL;
      v = v * 10 + (c - 48);
    } else if (c === 58) {
      if (digits > 0) {
        if (field > 2) return BAIL;
        SCANNED[at + field] = neg ? -v : v;
      } else if (neg || field > 2) return BAIL;
      field++; v = 0; digits = 0; neg = false;
    } else if (c === 45 && digits === 0 && !neg) neg = true;
    else return BAIL;
  }
  if (field === 1) return SCANNED[at] === SCANNED[at] ? INT : BAIL;
  return SCANNED[at + 2] === 0 ? BAIL : SLICE;
}

// resolveSlice's start.
let sliceStart = 0;

/** numpy's slice.indices for an axis of size n (NaN: field left out); returns the length, start in sliceStart. */
function resolveSlice(start: number, stop: number, step: number, n: number): number {
  let b: number, e: number;
  if (step > 0) {
    b = start !== start ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    e = stop !== stop ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
  } else {
    b = start !== start ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
    e = stop !== stop ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
  }
  sliceStart = b;
  return step > 0 ? Math.max(0, Math.ceil((e - b) / step)) : Math.max(0, Math.ceil((b - e) / -step));
}

// basicPlan's result. fullInt: one integer per axis and nothing else (numpy's scalar assignment).
let planShape: number[] = [], planStrides: number[] = [], planOffset = 0, planFullInt = false;
// The constructor copies shape and strides, so a plan is written into these, one pair per length
// (getIndex replaces a pair the constructor kept, should it ever keep one).
const SHAPES: number[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];
const STRIDES: number[][] = [[], [0], [0, 0], [0, 0, 0], [0, 0, 0, 0]];

/** Lays out a[items] into planShape, planStrides and planOffset; false: take the general path. */
function basicPlan(a: NDArray, items: readonly IndexItem[]): boolean {
  const ni = items.length, ash = a.shape, ast = a.strides, nd = ash.length;
  if (ni > MAX_ITEMS) return false;
  let consumed = 0, dropped = 0, added = 0, ell = false;
  for (let k = 0; k < ni; k++) {
    const x = items[k];
    if (typeof x === 'number') { consumed++; dropped++; }
    else if (x === '...') {
      if (ell) return false;
      ell = true;
    } else if (typeof x === 'string') {
      const kind = scanIndexString(x, 3 * k);
      if (kind === BAIL) return false;
      KINDS[k] = kind;
      consumed++;
      if (kind === INT) dropped++;
    } else if (x === null) added++;
    else return false;
  }
  if (consumed > nd) return false;
  const ndOut = nd - dropped + added;
  const shape = ndOut < SHAPES.length ? SHAPES[ndOut] : new Array<number>(ndOut).fill(0);
  const strides = ndOut < STRIDES.length ? STRIDES[ndOut] : new Array<number>(ndOut).fill(0);
  let off = a.offset, axis = 0, j = 0;
  for (let k = 0; k < ni; k++) {
    const x = items[k];
    let i: number;
    if (typeof x === 'number') i = x;
    else if (x === null) { shape[j] = 1; strides[j++] = 0; continue; }
    else if (x === '...') {
      for (let f = nd - consumed; f > 0; f--, axis++) { shape[j] = ash[axis]; strides[j++] = ast[axis]; }
      continue;
    } else if (KINDS[k] === SLICE) {
      const step = SCANNED[3 * k + 2], st = ast[axis];
      const by = step !== step ? 1 : step;
      const len = resolveSlice(SCANNED[3 * k], SCANNED[3 * k + 1], by, ash[axis]);
      if (len > 0) off += sliceStart * st;
      shape[j] = len; strides[j++] = st * by;
      axis++;
      continue;
    } else i = SCANNED[3 * k];
    const n = ash[axis];
    if (!(i >= -n && i < n) || !Number.isInteger(i)) return false;
    off += (i < 0 ? i + n : i) * ast[axis];
    axis++;
  }
  for (; axis < nd; axis++) { shape[j] = ash[axis]; strides[j++] = ast[axis]; }
  planShape = shape; planStrides = strides; planOffset = off;
  planFullInt = dropped === nd && ni === nd;
  return true;
}

// ---- the general path: every index numpy accepts, and numpy's errors ----------------------------

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
  const step = sliceField(s, parts[2]);
  if (step === 0) throw new ValueError('slice step cannot be zero');
  return { kind: 'slice', start: sliceField(s, parts[0]), stop: sliceField(s, parts[1]), step };
}

function sliceField(s: string, p: string | undefined): number | undefined {
  if (p === undefined || p.trim() === '') return undefined;
  const v = Number(p);
  if (!Number.isInteger(v)) throw new SyntaxError(`invalid slice '${s}': '${p}' is not an integer`);
  return v;
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
    // An empty JS list is an empty integer index (numpy's a[[]]); a float array never is.
    if (a.dtype === 'float64' && (x instanceof NDArray || a.size > 0)) {
      throw new IndexError('arrays used as indices must be of integer (or boolean) type');
    }
    return { kind: 'array', a: a.size === 0 && a.dtype === 'float64' ? a.astype('int64') : a };
  }
  throw new TypeError(`invalid index ${String(x)}`);
}

interface Plan {
  /** View after all basic items; advanced axes kept whole. */
  view: NDArray;
  /** Positions in `view` indexed by arrays, and those arrays (already bounds-checked, non-negative). */
  advAxes: number[];
  advArrays: NDArray[];
  /** One integer per axis and nothing else. */
  fullInt: boolean;
}

function expandItems(a: NDArray, items: readonly IndexItem[]): Basic[] {
  const parsed: Basic[] = [];
  let hasArray = false;
  for (let k = 0; k < items.length; k++) {
    const p = parseItem(items[k]);
    if (p.kind === 'array') hasArray = true;
    parsed.push(p);
  }
  // Boolean arrays stand for their nonzero() coordinates, one int array per axis they cover.
  const out: Basic[] = [];
  let consumed = 0, ell = -1, ells = 0;
  for (const p of parsed) {
    if (p.kind === 'array' && p.a.dtype === 'bool') {
      // The mask covers the next p.a.ndim axes (counted from the end after an ellipsis).
      const first = ell < 0 ? consumed : a.ndim - (parsed.length - parsed.indexOf(p)) + 1;
      for (let j = 0; j < p.a.ndim; j++) {
        const n = a.shape[first + j], m = p.a.shape[j];
        if (n !== undefined && n !== m) {
          throw new IndexError(`boolean index did not match indexed array along dimension ${first + j}; dimension is ${n} but corresponding boolean dimension is ${m}`);
        }
      }
      for (const coords of nonzero(p.a)) { out.push({ kind: 'array', a: coords }); consumed++; }
      continue;
    }
    if (hasArray && p.kind === 'int') {
      // Next to an array index, numpy treats an integer as a 0-d array index (placement rules).
      const v = allocF64(1);
      v[0] = p.i;
      out.push({ kind: 'array', a: new NDArray(v, [], 'int64') });
    } else out.push(p);
    if (p.kind === 'ellipsis') { ells++; if (ell < 0) ell = out.length - 1; } else if (p.kind !== 'newaxis') consumed++;
  }
  if (ells > 1) throw new IndexError('an index can only have a single ellipsis (\'...\')');
  if (consumed > a.ndim) {
    throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const fill: Basic[] = [];
  for (let k = consumed; k < a.ndim; k++) fill.push({ kind: 'slice' });
  if (ell < 0) return fill.length ? out.concat(fill) : out;
  return out.slice(0, ell).concat(fill, out.slice(ell + 1));
}

export { IndexError };

function plan(a: NDArray, items: readonly IndexItem[]): Plan {
  const parsed = expandItems(a, items);
  const shape: number[] = [], strides: number[] = [];
  const advAxes: number[] = [], advArrays: NDArray[] = [];
  let offset = a.offset, axis = 0, ints = 0;
  for (const p of parsed) {
    if (p.kind === 'newaxis') { shape.push(1); strides.push(0); continue; }
    const n = a.shape[axis], st = a.strides[axis];
    if (p.kind === 'int') {
      if (p.i < -n || p.i >= n) throw new IndexError(`index ${p.i} is out of bounds for axis ${axis} with size ${n}`);
      offset += (p.i < 0 ? p.i + n : p.i) * st;
      ints++;
    } else if (p.kind === 'slice') {
      const step = p.step ?? 1;
      const len = resolveSlice(p.start ?? NaN, p.stop ?? NaN, step, n);
      if (len > 0) offset += sliceStart * st;
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
  const fullInt = ints === a.ndim && items.length === a.ndim;
  return { view: new NDArray(a.data, shape, a.dtype, strides, offset, a.base ?? a), advAxes, advArrays, fullInt };
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
  if (basicPlan(a, items)) {
    const v = new NDArray(a.data, planShape, a.dtype, planStrides, planOffset, a.base ?? a);
    if ((v.shape === planShape || v.strides === planStrides) && planShape.length < SHAPES.length) {
      SHAPES[planShape.length] = planShape.slice();
      STRIDES[planShape.length] = planStrides.slice();
    }
    return v;
  }
  return getIndexGeneral(a, items);
}

/**
 * A 0-d boolean index adds an axis of length 1 (true) or 0 (false), as numpy's a[True] / a[False]:
 * here a new axis, sliced empty for false. Returns null when there is none.
 */
function zeroDimBool(items: readonly IndexItem[]): { items: IndexItem[]; empty: number } | null {
  let k = -1;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x instanceof NDArray && x.ndim === 0 && x.dtype === 'bool') { k = i; break; }
  }
  if (k < 0) return null;
  const mask = items[k] as NDArray;
  const rest = items.slice();
  rest[k] = null;
  // The new axis sits where the newaxis lands: after the axes the items before it produce.
  let before = 0;
  for (let i = 0; i < k; i++) if (typeof items[i] !== 'number') before++;
  return { items: rest, empty: mask.data[mask.offset] !== 0 ? -1 : before };
}

/** getIndex without the one-pass layout of basic indices (exported for tests). */
export function getIndexGeneral(a: NDArray, items: readonly IndexItem[]): NDArray {
  const z = zeroDimBool(items);
  if (z !== null) {
    const r = getIndexGeneral(a, z.items);
    if (z.empty < 0) return r;
    const cut: IndexItem[] = [];
    for (let i = 0; i < z.empty; i++) cut.push(':');
    cut.push('0:0');
    return getIndexGeneral(r, cut);
  }
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
  if (basicPlan(a, items)) assignBasic(a, planShape, planStrides, planOffset, planFullInt, value);
  else setIndexGeneral(a, items, value);
}

/** setIndex without the one-pass layout of basic indices (exported for tests). */
export function setIndexGeneral(a: NDArray, items: readonly IndexItem[], value: ArrayLike): void {
  const z = zeroDimBool(items);
  if (z !== null) {
    if (z.empty < 0) setIndexGeneral(a, z.items, value);
    return;
  }
  const p = plan(a, items);
  if (p.advArrays.length === 0) {
    const t = p.view;
    assignBasic(a, t.shape, t.strides, t.offset, p.fullInt, value);
    return;
  }
  const { shape, offsets } = gatherOffsets(p);
  const dtype = a.dtype, d = a.data;
  if (typeof value === 'number' || typeof value === 'boolean') {
    const x = castValue(+value, dtype);
    for (let i = 0; i < offsets.length; i++) d[offsets[i]] = x;
    return;
  }
  const V = asarray(value);
  const vs = valueStrides(V, shape);
  if (vs === null) {
    throw new ValueError(`shape mismatch: value array of shape ${formatShape(V.shape)} could not be broadcast to indexing result of shape ${formatShape(shape)}`);
  }
  // Gathered first: the value may be a view of a.
  const vals = allocF64(offsets.length);
  forEachRow(shape, [vs, shape.map((_, k) => shapeSize(shape.slice(k + 1)))], [V.offset, 0], (o, n, s) => {
    for (let i = 0, q = o[0], r = o[1]; i < n; i++, q += s[0], r++) vals[r] = V.data[q];
  });
  for (let i = 0; i < offsets.length; i++) d[offsets[i]] = castValue(vals[i], dtype);
}

/**
 * Strides reading V as the target shape under numpy's assignment rules (leading length-1 axes of
 * V beyond the target's dimensions dropped, then broadcasting), or null when it does not fit.
 */
function valueStrides(V: NDArray, target: readonly number[]): number[] | null {
  const vsh = V.shape, vst = V.strides, nt = target.length, extra = vsh.length - nt;
  for (let k = 0; k < extra; k++) if (vsh[k] !== 1) return null;
  const out: number[] = [];
  for (let k = 0; k < nt; k++) {
    const j = k + extra;
    if (j < 0) { out.push(0); continue; }
    const d = vsh[j];
    if (d === target[k]) out.push(d === 1 ? 0 : vst[j]);
    else if (d === 1) out.push(0);
    else return null;
  }
  return out;
}

/** Writes value into the basic selection (shape, strides, offset) of a. */
function assignBasic(a: NDArray, shape: readonly number[], strides: readonly number[], offset: number,
  fullInt: boolean, value: ArrayLike): void {
  const dtype = a.dtype, d = a.data;
  if (typeof value === 'number' || typeof value === 'boolean') {
    fillStrided(d, offset, shape, strides, castValue(+value, dtype));
    return;
  }
  let V = asarray(value);
  if (V.size === 1) {
    // Fits any selection; read once, so it may be an element of a itself.
    for (let k = 0; k < shape.length; k++) if (shape[k] === 0) return;
    fillStrided(d, offset, shape, strides, castValue(V.data[V.offset], dtype));
    return;
  }
  if (fullInt) throw new ValueError('setting an array element with a sequence.');
  let vs = valueStrides(V, shape);
  if (vs === null) {
    let lead = 0;
    while (lead < V.ndim - shape.length && V.shape[lead] === 1) lead++;
    throw new ValueError(`could not broadcast input array from shape ${formatShape(V.shape.slice(lead))} into shape ${formatShape(shape)}`);
  }
  // numpy reads the whole value before writing: a view of a (a[1:] = a[:-1]) is copied first.
  if (V.data === d) { V = V.copy(); vs = valueStrides(V, shape) as number[]; }
  copyStrided(d, offset, shape, strides, V.data, V.offset, vs, dtype);
}

function fillStrided(d: Float64Array, offset: number, shape: readonly number[], strides: readonly number[], x: number): void {
  const nd = shape.length;
  if (nd === 0) { d[offset] = x; return; }
  if (nd === 1) {
    for (let i = 0, n = shape[0], s = strides[0], p = offset; i < n; i++, p += s) d[p] = x;
    return;
  }
  forEachRow(shape, [strides], [offset], (o, n, s) => {
    for (let i = 0, p = o[0], st = s[0]; i < n; i++, p += st) d[p] = x;
  });
}

function copyStrided(d: Float64Array, offset: number, shape: readonly number[], strides: readonly number[],
  v: Float64Array, voffset: number, vstrides: readonly number[], dtype: DType): void {
  const nd = shape.length;
  if (nd === 0) { d[offset] = castValue(v[voffset], dtype); return; }
  if (nd === 1) {
    const n = shape[0], s = strides[0], vs = vstrides[0];
    if (dtype === 'float64') for (let i = 0, p = offset, q = voffset; i < n; i++, p += s, q += vs) d[p] = v[q];
    else for (let i = 0, p = offset, q = voffset; i < n; i++, p += s, q += vs) d[p] = castValue(v[q], dtype);
    return;
  }
  forEachRow(shape, [strides, vstrides], [offset, voffset], (o, n, s) => {
    for (let i = 0, p = o[0], q = o[1]; i < n; i++, p += s[0], q += s[1]) d[p] = castValue(v[q], dtype);
  });
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
  if (axis === undefined) return getIndex(reshape(a, [-1]), [asarray(indices) as NDArray]);
  const items: IndexItem[] = Array.from({ length: a.ndim }, () => ':');
  const ax = axis < 0 ? axis + a.ndim : axis;
  if (ax < 0 || ax >= a.ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${a.ndim}`);
  items[ax] = asarray(indices);
  return getIndex(a, items);
}
