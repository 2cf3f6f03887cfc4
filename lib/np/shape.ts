import { allocF64 } from './alloc';
import { ArrayLike, Axis, NDArray } from './ndarray';
import { cStrides, shapeSize } from './layout';
import { asarray } from './asarray';
import { ValueError, formatShape, integerArgument, normalizeAxis, readOptions } from './errors';
import { promoteTypes } from './dtype';

// numpy names the unknown dimension 'newaxis' in this message.
const reshapeTarget = (shape: readonly number[]): string => formatShape(shape).replace(/-1/g, 'newaxis');

/** Resolves one -1 and checks the total size, as numpy's reshape. */
function resolveShape(size: number, shape: readonly number[]): number[] {
  const out = shape.slice();
  let unknown = -1, known = 1;
  out.forEach((d, k) => {
    if (!Number.isInteger(d)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (d === -1) {
      if (unknown >= 0) throw new ValueError('can only specify one unknown dimension');
      unknown = k;
    } else if (d < 0) throw new ValueError('negative dimensions not allowed');
    else known *= d;
  });
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ValueError(`cannot reshape array of size ${size} into shape ${reshapeTarget(shape)}`);
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw new ValueError(`cannot reshape array of size ${size} into shape ${reshapeTarget(shape)}`);
  }
  return out;
}

/** numpy's reshape: a view whenever the strides allow it (C order), otherwise a copy. */
export function reshape(a: NDArray, shape: readonly number[] | number): NDArray {
  const dims = Array.isArray(shape) ? shape as readonly number[] : [integerArgument(shape)];
  if (a.isCContiguous) {
    const v = contiguousReshape(a, dims);
    if (v) return v;
  }
  const newShape = resolveShape(a.size, dims);
  const strides = a.isCContiguous ? cStrides(newShape) : noCopyStrides(a, newShape);
  if (strides) return new NDArray(a.data, newShape, a.dtype, strides, a.offset, a.base ?? a);
  return new NDArray(Float64Array.from(a.values()), newShape, a.dtype);
}

/**
 * The view for a C-contiguous array when dims are valid (at most one -1, the rest non-negative
 * integers, the right size); null otherwise, for resolveShape to resolve or to throw numpy's error.
 */
function contiguousReshape(a: NDArray, dims: readonly number[]): NDArray | null {
  let known = 1, unknown = -1;
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k];
    if (d >= 0 && Number.isInteger(d)) known *= d;
    else if (d === -1 && unknown < 0) unknown = k;
    else return null;
  }
  let shape = dims;
  if (unknown >= 0) {
    if (known === 0 || a.size % known !== 0) return null;
    const s = dims.slice();
    s[unknown] = a.size / known;
    shape = s;
  } else if (known !== a.size) return null;
  // No strides given: the constructor lays the shape out in C order, as cStrides would.
  return new NDArray(a.data, shape, a.dtype, undefined, a.offset, a.base ?? a);
}

/** Strides that reinterpret `a` with `newShape` without copying, or null (numpy's nocopy reshape). */
function noCopyStrides(a: NDArray, newShape: readonly number[]): number[] | null {
  if (a.size === 0) return cStrides(newShape);
  const od: number[] = [], os: number[] = [];
  a.shape.forEach((d, k) => { if (d !== 1) { od.push(d); os.push(a.strides[k]); } });
  const ns = new Array<number>(newShape.length).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newShape.length && oi < od.length) {
    let np = newShape[ni], op = od[oi];
    while (np !== op) {
      if (np < op) np *= newShape[nj++];
      else op *= od[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) if (os[ok] !== od[ok + 1] * os[ok + 1]) return null;
    ns[nj - 1] = os[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk] * newShape[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? ns[ni - 1] : 1;
  for (let nk = ni; nk < newShape.length; nk++) ns[nk] = last;
  return ns;
}

export function transpose(a: NDArray, axes?: readonly number[]): NDArray {
  const nd = a.ndim, shape: number[] = [], strides: number[] = [];
  if (axes) {
    const perm: number[] = [];
    for (let k = 0; k < axes.length; k++) perm.push(normalizeAxis(axes[k], nd));
    if (perm.length !== nd) throw new ValueError('axes don\'t match array');
    for (let k = 0; k < nd; k++) {
      for (let j = 0; j < k; j++) if (perm[j] === perm[k]) throw new ValueError('repeated axis in transpose');
      shape.push(a.shape[perm[k]]); strides.push(a.strides[perm[k]]);
    }
  } else {
    for (let k = nd - 1; k >= 0; k--) { shape.push(a.shape[k]); strides.push(a.strides[k]); }
  }
  return new NDArray(a.data, shape, a.dtype, strides, a.offset, a.base ?? a);
}

export function swapaxes(a: NDArray, axis1: number, axis2: number): NDArray {
  const perm = [...Array(a.ndim).keys()];
  const named = (ax: number, name: string): number => {
    try { return normalizeAxis(ax, a.ndim); } catch (e) { (e as Error).message = `${name}: ${(e as Error).message}`; throw e; }
  };
  const i = named(axis1, 'axis1'), j = named(axis2, 'axis2');
  [perm[i], perm[j]] = [perm[j], perm[i]];
  return transpose(a, perm);
}

/** A view when the array is C-contiguous, otherwise a C-order copy (numpy's ravel). */
export function ravel(a: NDArray): NDArray { return reshape(a, [-1]); }

export function squeeze(a: NDArray, axis?: Axis): NDArray {
  const nd = a.ndim, shape: number[] = [], strides: number[] = [];
  if (axis === undefined || axis === null) {
    for (let k = 0; k < nd; k++) if (a.shape[k] !== 1) { shape.push(a.shape[k]); strides.push(a.strides[k]); }
  } else {
    const drop: boolean[] = [];
    for (let k = 0; k < nd; k++) drop.push(false);
    const axes = typeof axis === 'number' ? [axis] : axis;
    for (let j = 0; j < axes.length; j++) drop[normalizeAxis(axes[j], nd)] = true;
    for (let k = 0; k < nd; k++) {
      if (!drop[k]) { shape.push(a.shape[k]); strides.push(a.strides[k]); }
      else if (a.shape[k] !== 1) throw new ValueError('cannot select an axis to squeeze out which has size not equal to one');
    }
  }
  return new NDArray(a.data, shape, a.dtype, strides, a.offset, a.base ?? a);
}

export function expand_dims(a: ArrayLike, axis: number | readonly number[]): NDArray {
  const A = asarray(a);
  const axes = Array.isArray(axis) ? axis.map(integerArgument) : [integerArgument(axis)];
  const nd = A.ndim + axes.length;
  const at = new Set(axes.map((ax) => normalizeAxis(ax, nd)));
  if (at.size !== axes.length) throw new ValueError('repeated axis');
  const shape: number[] = [], strides: number[] = [];
  let src = 0;
  for (let k = 0; k < nd; k++) {
    if (at.has(k)) { shape.push(1); strides.push(0); } else { shape.push(A.shape[src]); strides.push(A.strides[src]); src++; }
  }
  return new NDArray(A.data, shape, A.dtype, strides, A.offset, A.base ?? A);
}

/** The items of a sequence argument: a JS array's entries, or an NDArray's sub-arrays along axis 0. */
export function sequenceItems(arrays: unknown, fn: string): ArrayLike[] {
  if (Array.isArray(arrays)) return arrays as ArrayLike[];
  if (arrays instanceof NDArray) {
    if (arrays.ndim === 0) throw new TypeError('iteration over a 0-d array');
    const out: NDArray[] = [];
    const sh = arrays.shape.slice(1), st = arrays.strides.slice(1);
    for (let i = 0; i < arrays.shape[0]; i++) {
      out.push(new NDArray(arrays.data, sh, arrays.dtype, st, arrays.offset + i * arrays.strides[0], arrays.base ?? arrays));
    }
    return out;
  }
  throw new TypeError(`${fn}: the first input argument needs to be a sequence (a JS array or an NDArray), got ${arrays === null ? 'null' : typeof arrays}`);
}

export type AxisOption = { axis?: number | null } | number | null;

/** numpy's concatenate; the axis may be given as an options object or positionally (null flattens). */
export function concatenate(arrayList: readonly ArrayLike[] | NDArray, options: AxisOption = {}): NDArray {
  const arrays = sequenceItems(arrayList, 'concatenate');
  if (arrays.length === 0) throw new ValueError('need at least one array to concatenate');
  let As = arrays.map((x) => asarray(x));
  const opt = readOptions('concatenate', options === null || typeof options === 'number' ? { axis: options } : options, ['axis']);
  let axis = opt.axis === undefined ? 0 : opt.axis;
  if (axis === null) { As = As.map((x) => ravel(x)); axis = 0; }
  const nd = As[0].ndim;
  if (nd === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
  const ax = normalizeAxis(axis, nd);
  As.forEach((x, i) => {
    if (x.ndim !== nd) {
      throw new ValueError(`all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`);
    }
    for (let k = 0; k < nd; k++) {
      if (k !== ax && x.shape[k] !== As[0].shape[k]) {
        throw new ValueError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${As[0].shape[k]} and the array at index ${i} has size ${x.shape[k]}`);
      }
    }
  });
  const shape = As[0].shape.slice();
  shape[ax] = As.reduce((s, x) => s + x.shape[ax], 0);
  const dtype = As.reduce((t, x) => promoteTypes(t, x.dtype), As[0].dtype);
  const out = allocF64(shapeSize(shape));
  const outer = shapeSize(shape.slice(0, ax));
  const innerOut = shapeSize(shape.slice(ax));
  let start = 0;
  for (const x of As) {
    const v = x.values();
    const chunk = shapeSize(x.shape.slice(ax));
    for (let o = 0; o < outer; o++) out.set(v.subarray(o * chunk, (o + 1) * chunk), o * innerOut + start);
    start += chunk;
  }
  return new NDArray(out, shape, dtype);
}

/** numpy's atleast_1d for one array: a 0-d array becomes shape (1,). */
export function atleast_1d(x: ArrayLike): NDArray {
  const a = asarray(x);
  return a.ndim === 0 ? reshape(a, [1]) : a;
}

/** numpy's atleast_2d for one array: (1, 1) from 0-d, (1, n) from 1-d. */
export function atleast_2d(x: ArrayLike): NDArray {
  const a = asarray(x);
  return a.ndim === 0 ? reshape(a, [1, 1]) : a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a;
}

export function vstack(arrays: readonly ArrayLike[]): NDArray {
  return concatenate(sequenceItems(arrays, 'vstack').map(atleast_2d), { axis: 0 });
}

export function hstack(arrays: readonly ArrayLike[]): NDArray {
  const As = sequenceItems(arrays, 'hstack').map(atleast_1d);
  return concatenate(As, { axis: As[0] && As[0].ndim === 1 ? 0 : 1 });
}

/** numpy's append: flattens both when no axis is given. */
export function append(arr: ArrayLike, values: ArrayLike, options: { axis?: number } = {}): NDArray {
  if (options.axis === undefined) return concatenate([ravel(asarray(arr)), ravel(asarray(values))], { axis: 0 });
  return concatenate([arr, values], { axis: options.axis });
}

export function shapeOf(a: ArrayLike): number[] { return asarray(a).shape.slice(); }
