import { allocF64Uninit } from './alloc';
import { DType, clearNegativeZero } from './dtype';
import { ArrayLike, Axis, NDArray, ReduceOptions } from './ndarray';
import { shapeSize } from './layout';
import { asarray } from './asarray';
import { reshape, transpose } from './shape';
import { ValueError, checkOptionKeys, normalizeAxes, normalizeAxis } from './errors';
import { addRun, sumOfRun, sumRows } from './pairwise';

function reduceAxes(axis: Axis, ndim: number): number[] {
  if (axis === undefined || axis === null) return [...Array(ndim).keys()];
  // numpy lets a 0-d array be reduced along axis 0 (or -1): there is nothing to reduce.
  if (ndim === 0 && (axis === 0 || axis === -1)) return [];
  const axes = normalizeAxes(axis, ndim);
  if (new Set(axes).size !== axes.length) throw new ValueError('duplicate value in \'axis\'');
  return axes;
}

/**
 * The array laid out in memory order (numpy's K order) as a C-contiguous view when its strides
 * allow, else a C-order copy; plus the permutation of axes applied.
 */
function memoryOrder(a: NDArray): { arr: NDArray; perm: number[] } {
  if (a.isCContiguous) return { arr: a, perm: [...Array(a.ndim).keys()] };
  const perm = [...Array(a.ndim).keys()].sort((i, j) => Math.abs(a.strides[j]) - Math.abs(a.strides[i]) || i - j);
  const t = transpose(a, perm);
  if (t.isCContiguous && perm.every((k) => a.strides[k] >= 0)) return { arr: t, perm };
  return { arr: a.copy(), perm: [...Array(a.ndim).keys()] };
}

interface Folded { outShape: number[]; keptShape: number[]; out: Float64Array }

/**
 * Runs a reduction in numpy's iteration order. `inner(start, n)` reduces a contiguous run of
 * trailing reduced elements into one number; `combine(acc, x)` folds such partial results (or single
 * elements, when the innermost axis is kept) into the accumulator, starting from `init`.
 */
function fold(a: NDArray, axes: number[], init: number,
  inner: (data: Float64Array, start: number, n: number, acc: number) => number): Folded {
  const { arr, perm } = memoryOrder(a);
  const red = new Set(axes.map((ax) => perm.indexOf(ax)));
  const shape = arr.shape;
  const nd = shape.length;
  // Trailing reduced axes coalesce into one contiguous run per step.
  let t = nd;
  while (t > 0 && red.has(t - 1)) t--;
  const run = shapeSize(shape.slice(t));
  const outer = shape.slice(0, t);
  const keptAxes = outer.map((_, k) => k).filter((k) => !red.has(k));
  const keptShape = keptAxes.map((k) => shape[k]);
  const out = allocF64Uninit(shapeSize(keptShape)).fill(init);
  // Output stride (in out) of each outer axis: 0 for reduced axes.
  const outStr = new Array<number>(t).fill(0);
  let acc = 1;
  for (let j = keptAxes.length - 1; j >= 0; j--) { outStr[keptAxes[j]] = acc; acc *= keptShape[j]; }
  const data = arr.data;
  const total = shapeSize(shape);
  if (total > 0) {
    const idx = new Array<number>(t).fill(0);
    let src = arr.offset, o = 0;
    for (;;) {
      out[o] = inner(data, src, run, out[o]);
      src += run;
      let k = t - 1;
      for (; k >= 0; k--) {
        idx[k]++; o += outStr[k];
        if (idx[k] < outer[k]) break;
        o -= outStr[k] * outer[k]; idx[k] = 0;
      }
      if (k < 0) break;
    }
  }
  // Output axes back in the caller's axis order.
  const origKept = keptAxes.map((k) => perm[k]);
  const order = origKept.map((_, i) => i).sort((i, j) => origKept[i] - origKept[j]);
  let res = new NDArray(out, keptShape, 'float64');
  if (order.some((v, i) => v !== i)) res = transpose(res, order).copy();
  const outShape = a.shape.filter((_, k) => !axes.includes(k));
  return { outShape, keptShape: res.shape.slice(), out: res.values() };
}

/**
 * With no axis the result is a JS number, as numpy returns a scalar. With an explicit axis the result
 * is an NDArray, 0-d when every axis was reduced (it prints and converts like numpy's scalar).
 */
function finish(a: NDArray, axes: number[], options: ReduceOptions | undefined, f: Folded, dtype: DType): NDArray | number {
  if (dtype !== 'float64') clearNegativeZero(f.out);
  const full = options?.axis === undefined || options.axis === null;
  if (full && !options?.keepdims) return f.out[0];
  const shape = options?.keepdims ? a.shape.map((d, k) => (axes.includes(k) ? 1 : d)) : f.outShape;
  return new NDArray(f.out, shape, dtype);
}

const sumRun = (d: Float64Array, s: number, n: number, acc: number): number => addRun(acc, d, s, n, 1);

/**
 * sum (or mean, `divide`) of a C-contiguous array over all axes (no keepdims) or over its last axis:
 * what fold does for that layout (one addRun from 0 per output element, over consecutive runs)
 * without its general bookkeeping. undefined for every other case, which then takes fold.
 */
function contiguousSum(a: NDArray, options: ReduceOptions | undefined, divide: boolean): NDArray | number | undefined {
  if (!a.isCContiguous) return undefined;
  const axis = options?.axis;
  const keepdims = options?.keepdims === true;
  const data = a.data, o = a.offset, nd = a.ndim;
  if (axis === undefined || axis === null) {
    if (keepdims) return undefined;
    const n = a.size;
    const s = sumOfRun(data, o, n);
    return divide ? s / n : s;
  }
  if (typeof axis !== 'number' || nd === 0 || (axis !== nd - 1 && axis !== -1)) return undefined;
  const run = a.shape[nd - 1];
  const rows = run === 0 ? shapeSize(a.shape.slice(0, -1)) : a.size / run;
  const out = allocF64Uninit(rows);
  sumRows(out, data, o, run, rows);
  if (divide) for (let r = 0; r < rows; r++) out[r] /= run;
  let shape: number[];
  if (nd === 2) shape = keepdims ? [rows, 1] : [rows];
  else { shape = a.shape.slice(0, -1); if (keepdims) shape.push(1); }
  return new NDArray(out, shape, 'float64');
}

const REDUCE_KEYS = ['axis', 'keepdims'];

export function sum(x: ArrayLike, options?: ReduceOptions): NDArray | number {
  if (options !== undefined) checkOptionKeys('sum', options, REDUCE_KEYS);
  const a = asarray(x);
  if (a.dtype === 'float64') {
    const r = contiguousSum(a, options, false);
    if (r !== undefined) return r;
  }
  const axes = reduceAxes(options?.axis, a.ndim);
  const f = fold(a, axes, 0, sumRun);
  return finish(a, axes, options, f, a.dtype === 'float64' ? 'float64' : 'int64');
}

/** numpy's nansum: NaNs count as zero; otherwise the same summation order as sum. */
export function nansum(x: ArrayLike, options?: ReduceOptions): NDArray | number {
  if (options !== undefined) checkOptionKeys('nansum', options, REDUCE_KEYS);
  const a = asarray(x);
  const v = a.values();
  const clean = allocF64Uninit(v.length);
  for (let i = 0; i < v.length; i++) clean[i] = v[i] !== v[i] ? 0 : v[i];
  return sum(new NDArray(clean, a.shape, a.dtype), options);
}

export function mean(x: ArrayLike, options?: ReduceOptions): NDArray | number {
  if (options !== undefined) checkOptionKeys('mean', options, REDUCE_KEYS);
  const a = asarray(x);
  // Unlike sum, numpy's mean counts the reduced items with an axis check that a 0-d array fails.
  const ax = options?.axis;
  if (a.ndim === 0 && ax !== undefined && ax !== null) normalizeAxes(ax, 0);
  // Any dtype: mean adds the stored doubles and gives float64 either way.
  const r = contiguousSum(a, options, true);
  if (r !== undefined) return r;
  const axes = reduceAxes(options?.axis, a.ndim);
  const count = axes.reduce((p, k) => p * a.shape[k], 1);
  const f = fold(a, axes, 0, sumRun);
  for (let i = 0; i < f.out.length; i++) f.out[i] /= count;
  return finish(a, axes, options, f, 'float64');
}

const prodRun = (d: Float64Array, s: number, n: number, acc: number): number => {
  for (let i = 0; i < n; i++) acc *= d[s + i];
  return acc;
};

export function prod(x: ArrayLike, options?: ReduceOptions): NDArray | number {
  if (options !== undefined) checkOptionKeys('prod', options, REDUCE_KEYS);
  const a = asarray(x);
  const axes = reduceAxes(options?.axis, a.ndim);
  const f = fold(a, axes, 1, prodRun);
  return finish(a, axes, options, f, a.dtype === 'float64' ? 'float64' : 'int64');
}

// NaN propagates through max/min, as in numpy.
const maxRun = (d: Float64Array, s: number, n: number, acc: number): number => {
  for (let i = 0; i < n; i++) { const v = d[s + i]; if (!(acc >= v) && acc === acc) acc = v; }
  return acc;
};
const minRun = (d: Float64Array, s: number, n: number, acc: number): number => {
  for (let i = 0; i < n; i++) { const v = d[s + i]; if (!(acc <= v) && acc === acc) acc = v; }
  return acc;
};

function extremum(name: string, x: ArrayLike, options: ReduceOptions | undefined, init: number, run: typeof maxRun): NDArray | number {
  if (options !== undefined) checkOptionKeys(name === 'maximum' ? 'amax' : 'amin', options, REDUCE_KEYS);
  const a = asarray(x);
  const axes = reduceAxes(options?.axis, a.ndim);
  if (axes.some((k) => a.shape[k] === 0)) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  const f = fold(a, axes, init, run);
  return finish(a, axes, options, f, a.dtype);
}

export const max = (x: ArrayLike, options?: ReduceOptions): NDArray | number => extremum('maximum', x, options, -Infinity, maxRun);
export const min = (x: ArrayLike, options?: ReduceOptions): NDArray | number => extremum('minimum', x, options, Infinity, minRun);
export const amax = max;
export const amin = min;

function boolReduce(x: ArrayLike, options: ReduceOptions | undefined, isAll: boolean): NDArray | boolean {
  if (options !== undefined) checkOptionKeys(isAll ? 'all' : 'any', options, REDUCE_KEYS);
  const a = asarray(x);
  const axes = reduceAxes(options?.axis, a.ndim);
  const run = isAll
    ? (d: Float64Array, s: number, n: number, acc: number): number => { for (let i = 0; i < n && acc; i++) if (d[s + i] === 0) acc = 0; return acc; }
    : (d: Float64Array, s: number, n: number, acc: number): number => { for (let i = 0; i < n && !acc; i++) if (d[s + i] !== 0) acc = 1; return acc; };
  const f = fold(a, axes, isAll ? 1 : 0, run);
  const r = finish(a, axes, options, f, 'bool');
  return typeof r === 'number' ? r !== 0 : r;
}

export const all = (x: ArrayLike, options?: ReduceOptions): NDArray | boolean => boolReduce(x, options, true);
export const any = (x: ArrayLike, options?: ReduceOptions): NDArray | boolean => boolReduce(x, options, false);

function argExtremum(name: string, x: ArrayLike, options: { axis?: number | null; keepdims?: boolean } | undefined, better: (v: number, best: number) => boolean): NDArray | number {
  if (options !== undefined) checkOptionKeys(name, options, REDUCE_KEYS);
  const a = asarray(x);
  if (options?.axis === undefined || options.axis === null) {
    const v = a.values();
    if (v.length === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
    let best = 0;
    for (let i = 1; i < v.length; i++) {
      if (v[best] !== v[best]) break; // first NaN wins
      if (better(v[i], v[best]) || v[i] !== v[i]) best = i;
    }
    if (options?.keepdims) return new NDArray(new Float64Array([best]), a.shape.map(() => 1), 'int64');
    return best;
  }
  const ax = normalizeAxis(options.axis, a.ndim);
  const moved = transpose(a, [...[...Array(a.ndim).keys()].filter((k) => k !== ax), ax]);
  const v = moved.values();
  const n = a.shape[ax];
  if (n === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const outShape = a.shape.filter((_, k) => k !== ax);
  const out = allocF64Uninit(shapeSize(outShape));
  for (let r = 0; r < out.length; r++) {
    let best = 0;
    const base = r * n;
    for (let i = 1; i < n; i++) {
      if (v[base + best] !== v[base + best]) break;
      if (better(v[base + i], v[base + best]) || v[base + i] !== v[base + i]) best = i;
    }
    out[r] = best;
  }
  const shape = options.keepdims ? a.shape.map((d, k) => (k === ax ? 1 : d)) : outShape;
  return new NDArray(out, shape, 'int64');
}

export const argmax = (x: ArrayLike, options?: { axis?: number | null; keepdims?: boolean }): NDArray | number =>
  argExtremum('argmax', x, options, (v, b) => v > b);
export const argmin = (x: ArrayLike, options?: { axis?: number | null; keepdims?: boolean }): NDArray | number =>
  argExtremum('argmin', x, options, (v, b) => v < b);
