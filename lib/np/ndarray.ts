import * as util from 'util';
import { DType, castValue, normalizeDType } from './dtype';
import { formatShape } from './errors';
import { allocF64Uninit } from './alloc';
import * as ops from './ops';

/** What may stand for an array: an NDArray, a JS number/boolean, or nested JS arrays of them. */
export type ArrayLike = NDArray | number | boolean | NestedArray;
export interface NestedArray extends ReadonlyArray<number | boolean | NestedArray> {}

/** One entry of an index tuple; see lib/np/indexing.ts for the mapping from Python syntax. */
export type IndexItem = number | string | null | NDArray | readonly number[] | readonly boolean[];

export type Axis = number | readonly number[] | null | undefined;
export interface ReduceOptions { axis?: Axis; keepdims?: boolean }

/**
 * An n-dimensional array with numpy's layout model: a flat Float64Array buffer, a shape,
 * strides counted in elements, and an offset. Views share `data` with their base.
 */
export class NDArray {
  readonly data: Float64Array;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly dtype: DType;
  /** The array whose buffer this view shares, as numpy's `.base` (null for an owner). */
  readonly base: NDArray | null;
  /** Number of elements (product of the shape). */
  readonly size: number;
  /** True when elements sit in C (row-major) order from `offset` on. */
  readonly isCContiguous: boolean;

  constructor(data: Float64Array, shape: readonly number[], dtype: DType = 'float64',
    strides?: readonly number[], offset = 0, base: NDArray | null = null) {
    // Every array is built here, so the common cases (a new 1-d or 2-d array in C order) skip the
    // general loops; the fields are assigned in one order on every path (one hidden class).
    let sh: number[], st: number[], size: number, cOrder = true;
    const nd = shape.length;
    if (nd === 2) {
      const r = shape[0], c = shape[1];
      sh = [r, c]; size = r * c;
      if (strides) {
        const s0 = strides[0], s1 = strides[1];
        st = [s0, s1];
        // isCOrder unrolled for two axes
        cOrder = c === 0 || ((c === 1 || s1 === 1) && (r <= 1 || s0 === c));
      } else st = [c > 1 ? c : 1, 1];
    } else if (nd === 1) {
      const n = shape[0];
      sh = [n]; size = n;
      if (strides) { const s0 = strides[0]; st = [s0]; cOrder = n <= 1 || s0 === 1; } else st = [1];
    } else {
      sh = shape.slice(); size = shapeSize(sh);
      if (strides) { st = strides.slice(); cOrder = isCOrder(sh, st); } else st = cStrides(shape);
    }
    this.data = data;
    this.shape = sh;
    this.strides = st;
    this.offset = offset;
    this.dtype = dtype;
    this.base = base;
    this.size = size;
    this.isCContiguous = cOrder;
  }

  get ndim(): number { return this.shape.length; }


  /** The elements in C order: the buffer itself when it already is exactly that, else a copy. */
  values(): Float64Array {
    const n = this.size;
    if (this.isCContiguous) {
      if (this.offset === 0 && this.data.length === n) return this.data;
      return this.data.subarray(this.offset, this.offset + n);
    }
    const out = allocF64Uninit(n);
    copyStridedInto(this, out);
    return out;
  }

  /** A plain JS copy of the elements in C order (numbers; booleans for bool arrays). */
  toArray(): (number | boolean)[] {
    const v = Array.from(this.values());
    return this.dtype === 'bool' ? v.map((x) => x !== 0) : v;
  }

  /** Nested JS arrays, as numpy's tolist(); a 0-d array gives its scalar. */
  tolist(): unknown {
    const flat = this.toArray();
    if (this.ndim === 0) return flat[0];
    let pos = 0;
    const build = (d: number): unknown[] => {
      const out: unknown[] = [];
      for (let i = 0; i < this.shape[d]; i++) out.push(d === this.ndim - 1 ? flat[pos++] : build(d + 1));
      return out;
    };
    return build(0);
  }

  /** The element at integer indices (negative count from the end); all axes must be given. */
  get(...index: number[]): number {
    return this.data[this.flatOffset(index, 'get')];
  }

  /** numpy's item(): with no argument the array must have one element. Returns a JS number. */
  item(...index: number[]): number {
    if (index.length === 0) {
      if (this.size !== 1) {
        throw new Error('can only convert an array of size 1 to a Python scalar');
      }
      return this.data[this.offset];
    }
    if (index.length === 1 && this.ndim !== 1) {
      const n = this.size;
      let i = index[0];
      if (i < -n || i >= n) throw new RangeError(`index ${i} is out of bounds for size ${n}`);
      if (i < 0) i += n;
      return this.values()[i];
    }
    return this.get(...index);
  }

  flatOffset(index: readonly number[], op: string): number {
    if (index.length !== this.ndim) {
      throw new RangeError(`${op}: expected ${this.ndim} indices for an array of shape ${formatShape(this.shape)}, got ${index.length}`);
    }
    let off = this.offset;
    for (let k = 0; k < index.length; k++) {
      let i = index[k];
      const n = this.shape[k];
      if (!Number.isInteger(i)) throw new TypeError(`${op}: index ${i} is not an integer`);
      if (i < -n || i >= n) throw new RangeError(`index ${i} is out of bounds for axis ${k} with size ${n}`);
      if (i < 0) i += n;
      off += i * this.strides[k];
    }
    return off;
  }

  // ---- views and copies -------------------------------------------------------------------
  copy(): NDArray {
    const n = this.size, out = allocF64Uninit(n);
    if (!this.isCContiguous) copyStridedInto(this, out);
    else if (this.offset === 0 && this.data.length === n) out.set(this.data);
    else out.set(this.data.subarray(this.offset, this.offset + n));
    return new NDArray(out, this.shape, this.dtype);
  }
  astype(dtype: DType | string, options: { copy?: boolean } = {}): NDArray {
    const to = normalizeDType(dtype);
    if (to === this.dtype && options.copy === false) return this;
    const src = this.values();
    const out = allocF64Uninit(src.length);
    if (to === 'bool' && this.dtype !== 'bool') for (let i = 0; i < src.length; i++) out[i] = +(src[i] !== 0);
    else if (to === 'int64' && this.dtype === 'float64') for (let i = 0; i < src.length; i++) out[i] = castValue(src[i], to);
    else out.set(src);
    return new NDArray(out, this.shape, to);
  }
  reshape(...shape: (number | readonly number[])[]): NDArray {
    // ops.reshape neither keeps nor changes the list, so no copy of it is needed.
    const one = shape.length === 1 ? shape[0] : null;
    return ops.reshape(this, (Array.isArray(one) ? one : shape) as readonly number[]);
  }
  get T(): NDArray {
    // The 2-d case (dZ·Aᵀ in every backward pass) without transpose's general axis handling.
    if (this.ndim === 2) {
      return new NDArray(this.data, [this.shape[1], this.shape[0]], this.dtype, [this.strides[1], this.strides[0]], this.offset, this.base ?? this);
    }
    return ops.transpose(this);
  }
  transpose(...axes: (number | readonly number[])[]): NDArray {
    return ops.transpose(this, axes.length ? flattenShapeArgs(axes) : undefined);
  }
  ravel(): NDArray { return ops.ravel(this); }
  flatten(): NDArray { return this.copy().reshape(-1); }
  squeeze(axis?: Axis): NDArray { return ops.squeeze(this, axis); }
  slice(...index: IndexItem[]): NDArray { return ops.getIndex(this, index); }
  set(index: IndexItem | readonly IndexItem[], value: ArrayLike): this {
    ops.setIndex(this, Array.isArray(index) ? index as IndexItem[] : [index as IndexItem], value);
    return this;
  }
  fill(value: number | boolean): this { ops.setIndex(this, [], value); return this; }

  // ---- ufunc methods (numpy: a + b is np.add(a, b)) -------------------------------------------
  add(b: ArrayLike): NDArray { return ops.add(this, b); }
  subtract(b: ArrayLike): NDArray { return ops.subtract(this, b); }
  sub(b: ArrayLike): NDArray { return ops.subtract(this, b); }
  multiply(b: ArrayLike): NDArray { return ops.multiply(this, b); }
  mul(b: ArrayLike): NDArray { return ops.multiply(this, b); }
  divide(b: ArrayLike): NDArray { return ops.divide(this, b); }
  div(b: ArrayLike): NDArray { return ops.divide(this, b); }
  power(b: ArrayLike): NDArray { return ops.power(this, b); }
  pow(b: ArrayLike): NDArray { return ops.power(this, b); }
  maximum(b: ArrayLike): NDArray { return ops.maximum(this, b); }
  minimum(b: ArrayLike): NDArray { return ops.minimum(this, b); }
  greater(b: ArrayLike): NDArray { return ops.greater(this, b); }
  gt(b: ArrayLike): NDArray { return ops.greater(this, b); }
  greater_equal(b: ArrayLike): NDArray { return ops.greater_equal(this, b); }
  ge(b: ArrayLike): NDArray { return ops.greater_equal(this, b); }
  less(b: ArrayLike): NDArray { return ops.less(this, b); }
  lt(b: ArrayLike): NDArray { return ops.less(this, b); }
  less_equal(b: ArrayLike): NDArray { return ops.less_equal(this, b); }
  le(b: ArrayLike): NDArray { return ops.less_equal(this, b); }
  equal(b: ArrayLike): NDArray { return ops.equal(this, b); }
  eq(b: ArrayLike): NDArray { return ops.equal(this, b); }
  not_equal(b: ArrayLike): NDArray { return ops.not_equal(this, b); }
  ne(b: ArrayLike): NDArray { return ops.not_equal(this, b); }
  logical_and(b: ArrayLike): NDArray { return ops.logical_and(this, b); }
  logical_or(b: ArrayLike): NDArray { return ops.logical_or(this, b); }
  logical_not(): NDArray { return ops.logical_not(this); }
  neg(): NDArray { return ops.negative(this); }
  negative(): NDArray { return ops.negative(this); }
  abs(): NDArray { return ops.abs(this); }
  sqrt(): NDArray { return ops.sqrt(this); }
  square(): NDArray { return ops.square(this); }
  exp(): NDArray { return ops.exp(this); }
  log(): NDArray { return ops.log(this); }
  tanh(): NDArray { return ops.tanh(this); }
  clip(min: number | null, max: number | null): NDArray { return ops.clip(this, min, max); }

  // ---- reductions ---------------------------------------------------------------------------
  sum(options?: ReduceOptions & { axis?: null }): number;
  sum(options: ReduceOptions): NDArray;
  sum(options?: ReduceOptions): number | NDArray { return ops.sum(this, options as ReduceOptions); }
  mean(options?: ReduceOptions & { axis?: null }): number;
  mean(options: ReduceOptions): NDArray;
  mean(options?: ReduceOptions): number | NDArray { return ops.mean(this, options as ReduceOptions); }
  max(options?: ReduceOptions & { axis?: null }): number;
  max(options: ReduceOptions): NDArray;
  max(options?: ReduceOptions): number | NDArray { return ops.max(this, options as ReduceOptions); }
  min(options?: ReduceOptions & { axis?: null }): number;
  min(options: ReduceOptions): NDArray;
  min(options?: ReduceOptions): number | NDArray { return ops.min(this, options as ReduceOptions); }
  prod(options?: ReduceOptions & { axis?: null }): number;
  prod(options: ReduceOptions): NDArray;
  prod(options?: ReduceOptions): number | NDArray { return ops.prod(this, options as ReduceOptions); }
  argmax(options?: { axis?: null }): number;
  argmax(options: { axis: number; keepdims?: boolean }): NDArray;
  argmax(options?: { axis?: number | null; keepdims?: boolean }): number | NDArray { return ops.argmax(this, options as { axis: number }); }
  argmin(options?: { axis?: null }): number;
  argmin(options: { axis: number; keepdims?: boolean }): NDArray;
  argmin(options?: { axis?: number | null; keepdims?: boolean }): number | NDArray { return ops.argmin(this, options as { axis: number }); }
  all(options?: ReduceOptions & { axis?: null }): boolean;
  all(options: ReduceOptions): NDArray;
  all(options?: ReduceOptions): boolean | NDArray { return ops.all(this, options as ReduceOptions); }
  any(options?: ReduceOptions & { axis?: null }): boolean;
  any(options: ReduceOptions): NDArray;
  any(options?: ReduceOptions): boolean | NDArray { return ops.any(this, options as ReduceOptions); }

  dot(b: ArrayLike): NDArray { return ops.dot(this, b) as NDArray; }
  matmul(b: ArrayLike): NDArray { return ops.matmul(this, b); }

  // ---- printing: String(a) is numpy's str(a), util.inspect(a) is repr(a) ------------------------
  toString(): string { return ops.array_str(this); }
  [util.inspect.custom](): string { return ops.array_repr(this); }
  toJSON(): unknown { return this.tolist(); }
  /**
   * `'W1 = ' + a` and template literals give numpy's str(a); a numeric context (`+a`, Number(a))
   * needs a size-1 array and gives its value, as numpy's float(a).
   */
  [Symbol.toPrimitive](hint: string): string | number {
    if (hint !== 'number') return this.toString();
    if (this.size !== 1) {
      throw new TypeError(`only size-1 arrays can be converted to a number (shape ${formatShape(this.shape)})`);
    }
    return this.data[this.offset];
  }
  *[Symbol.iterator](): Iterator<NDArray | number> {
    if (this.ndim === 0) throw new TypeError('iteration over a 0-d array');
    for (let i = 0; i < this.shape[0]; i++) yield this.ndim === 1 ? this.get(i) : this.slice(i);
  }
}

export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) { strides[k] = s; s *= Math.max(shape[k], 1); }
  return strides;
}

/** Whether strides lay out `shape` in C order (size-1 axes and empty arrays count as contiguous). */
export function isCOrder(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    const n = shape[k];
    if (n === 0) return true;
    if (n !== 1 && strides[k] !== expected) return false;
    expected *= n;
  }
  return true;
}

/** Whether two shapes are the same, axis by axis. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Copies a strided array's elements, in C order, into `out` (which must hold `a.size`). */
export function copyStridedInto(a: NDArray, out: Float64Array, outStart = 0): void {
  const nd = a.ndim;
  const n = a.size;
  if (n === 0) return;
  if (nd === 0) { out[outStart] = a.data[a.offset]; return; }
  const shape = a.shape, strides = a.strides, data = a.data;
  const last = nd - 1, len = shape[last], st = strides[last];
  const idx = new Array<number>(nd).fill(0);
  let base = a.offset, o = outStart;
  for (;;) {
    for (let i = 0, p = base; i < len; i++, p += st) out[o++] = data[p];
    let k = last - 1;
    for (; k >= 0; k--) {
      idx[k]++;
      base += strides[k];
      if (idx[k] < shape[k]) break;
      base -= strides[k] * shape[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

function flattenShapeArgs(args: (number | readonly number[])[]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return (args[0] as number[]).slice();
  return args as number[];
}
