import * as util from 'util';
import { DType, castValue, checkCasting, normalizeDType } from './dtype';
import { IndexError, ValueError, formatShape, readOptions } from './errors';
import { allocF64Uninit } from './alloc';
import { arrayRepr, arrayStr } from './format/array2string';
import { cStrides, isCOrder, shapeSize } from './layout';

/** What may stand for an array: an NDArray, a JS number/boolean, or nested JS arrays of them. */
export type ArrayLike = NDArray | number | boolean | NestedArray;
export interface NestedArray extends ReadonlyArray<number | boolean | NestedArray> {}

/** One entry of an index tuple; see lib/np/indexing.ts for the mapping from Python syntax. */
export type IndexItem = number | string | null | NDArray | readonly number[] | readonly boolean[];

export type Axis = number | readonly number[] | null | undefined;
export interface ReduceOptions { axis?: Axis; keepdims?: boolean }
export interface AstypeOptions {
  copy?: boolean;
  casting?: 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';
  order?: 'C' | 'K' | 'A';
  subok?: boolean;
}

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
        throw new ValueError('can only convert an array of size 1 to a Python scalar');
      }
      return this.data[this.offset];
    }
    if (index.length === 1 && this.ndim !== 1) {
      const n = this.size;
      let i = index[0];
      if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for size ${n}`);
      if (i < 0) i += n;
      return this.values()[i];
    }
    return this.get(...index);
  }

  flatOffset(index: readonly number[], op: string): number {
    if (index.length !== this.ndim) {
      throw new IndexError(`${op}: expected ${this.ndim} indices for an array of shape ${formatShape(this.shape)}, got ${index.length}`);
    }
    let off = this.offset;
    for (let k = 0; k < index.length; k++) {
      let i = index[k];
      const n = this.shape[k];
      if (!Number.isInteger(i)) throw new TypeError(`${op}: index ${i} is not an integer`);
      if (i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for axis ${k} with size ${n}`);
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
  astype(dtype: DType | string, options: AstypeOptions = {}): NDArray {
    options = readOptions('astype', options, ['copy', 'casting', 'order', 'subok']);
    const to = normalizeDType(dtype);
    checkCasting(this.dtype, to, options.casting ?? 'unsafe');
    if (to === this.dtype && options.copy === false) return this;
    const src = this.values();
    const out = allocF64Uninit(src.length);
    if (to === 'bool' && this.dtype !== 'bool') for (let i = 0; i < src.length; i++) out[i] = +(src[i] !== 0);
    else if (to === 'int64' && this.dtype === 'float64') for (let i = 0; i < src.length; i++) out[i] = castValue(src[i], to);
    else out.set(src);
    return new NDArray(out, this.shape, to);
  }
  get T(): NDArray {
    // The 2-d case (dZ·Aᵀ in every backward pass) without building index lists.
    if (this.ndim === 2) {
      return new NDArray(this.data, [this.shape[1], this.shape[0]], this.dtype, [this.strides[1], this.strides[0]], this.offset, this.base ?? this);
    }
    return new NDArray(this.data, this.shape.slice().reverse(), this.dtype, this.strides.slice().reverse(), this.offset, this.base ?? this);
  }

  // ---- printing: String(a) is numpy's str(a), util.inspect(a) is repr(a) ------------------------
  toString(): string { return arrayStr(this); }
  [util.inspect.custom](): string { return arrayRepr(this); }
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
}

export { cStrides, isCOrder, sameShape, shapeSize } from './layout';

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
