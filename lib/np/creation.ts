import { ValueError, ZeroDivisionError, readOptions } from './errors';
import { allocF64 } from './alloc';
import { DType, castValue, checkInt, normalizeDType } from './dtype';
import { ArrayLike, NDArray } from './ndarray';
import { shapeSize } from './layout';
import { asarray } from './asarray';

export type ShapeArg = number | readonly number[];

function toShape(shape: ShapeArg, op: string): number[] {
  const s: unknown[] = Array.isArray(shape) ? shape.slice() : [shape];
  for (const d of s) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      const shown = d === null || d === undefined ? 'None' : typeof d === 'object' ? JSON.stringify(d) : String(d);
      throw new TypeError(`expected a sequence of integers or a single integer, got '${shown}'`);
    }
    if (d < 0) throw new ValueError('negative dimensions are not allowed');
  }
  return s as number[];
}

function filled(shape: ShapeArg, value: number, dtype: DType | string | undefined, op: string, dflt: DType = 'float64'): NDArray {
  const s = toShape(shape, op);
  const t = dtype === undefined ? dflt : normalizeDType(dtype);
  const data = allocF64(shapeSize(s));
  const v = castValue(value, t);
  if (v !== 0) data.fill(v);
  return new NDArray(data, s, t);
}

export const zeros = (shape: ShapeArg, dtype?: DType | string): NDArray => filled(shape, 0, dtype, 'zeros');
export const ones = (shape: ShapeArg, dtype?: DType | string): NDArray => filled(shape, 1, dtype, 'ones');
/** numpy's empty gives arbitrary memory; tsdl's is zero-filled. */
export const empty = (shape: ShapeArg, dtype?: DType | string): NDArray => filled(shape, 0, dtype, 'empty');

export function full(shape: ShapeArg, value: number | boolean, dtype?: DType | string): NDArray {
  const dflt: DType = typeof value === 'boolean' ? 'bool' : Number.isInteger(value) ? 'int64' : 'float64';
  return filled(shape, +value, dtype, 'full', dflt);
}

export const zeros_like = (a: ArrayLike, dtype?: DType | string): NDArray => { const A = asarray(a); return zeros(A.shape, dtype ?? A.dtype); };
export const ones_like = (a: ArrayLike, dtype?: DType | string): NDArray => { const A = asarray(a); return ones(A.shape, dtype ?? A.dtype); };
export const empty_like = (a: ArrayLike, dtype?: DType | string): NDArray => { const A = asarray(a); return empty(A.shape, dtype ?? A.dtype); };
export const full_like = (a: ArrayLike, value: number | boolean, dtype?: DType | string): NDArray => {
  const A = asarray(a); return full(A.shape, value, dtype ?? A.dtype);
};

/** numpy's arange(stop) / arange(start, stop, step): values start + i*step. */
export function arange(start: number, stop?: number, step = 1, dtype?: DType | string): NDArray {
  if (stop === undefined) { stop = start; start = 0; }
  if (step === 0) throw new ZeroDivisionError('division by zero');
  for (const v of [start, stop, step]) if (!Number.isFinite(v)) throw new ValueError('arange: arguments must be finite');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const isInt = Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step);
  const t: DType = dtype === undefined ? (isInt ? 'int64' : 'float64') : normalizeDType(dtype);
  const data = allocF64(n);
  for (let i = 0; i < n; i++) data[i] = castValue(start + i * step, t);
  if (t === 'int64' && n > 0) checkInt(data[n - 1]);
  return new NDArray(data, [n], t);
}

/** numpy's linspace: arange(num) * step + start, with the last value set to stop exactly. */
export function linspace(start: number, stop: number, num = 50, options: { endpoint?: boolean; dtype?: DType | string } = {}): NDArray {
  options = readOptions('linspace', options, ['endpoint', 'dtype']);
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const data = allocF64(num);
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i++) {
    data[i] = div > 0 ? (step === 0 ? (i / div) * delta : i * step) + start : i * delta + start;
  }
  if (endpoint && num > 1) data[num - 1] = stop;
  const out = new NDArray(data, [num], 'float64');
  return options.dtype === undefined ? out : out.astype(options.dtype);
}

export function eye(N: number, M?: number, k = 0, dtype?: DType | string): NDArray {
  const m = M ?? N;
  const out = zeros([N, m], dtype);
  for (let i = 0; i < N; i++) { const j = i + k; if (j >= 0 && j < m) out.data[i * m + j] = 1; }
  return out;
}

export const identity = (n: number, dtype?: DType | string): NDArray => eye(n, n, 0, dtype);

export function copy(a: ArrayLike): NDArray { return asarray(a).copy(); }
