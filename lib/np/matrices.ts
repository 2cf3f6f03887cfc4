// numpy's matrix helpers: tril, triu, diag, diagonal, trace, meshgrid, logspace.
import { allocF64 } from './alloc';
import { asarray } from './asarray';
import { DType, normalizeDType } from './dtype';
import { ValueError, integerArgument, normalizeAxis, readOptions } from './errors';
import { ArrayLike, NDArray } from './ndarray';
import { linspace } from './creation';
import { pow } from './libm';
import { sum } from './reductions';
import { broadcastTo } from './broadcast';
import { reshape } from './shape';

function triangle(x: ArrayLike, k: number, lower: boolean): NDArray {
  let a = asarray(x);
  if (a.ndim === 0) throw new ValueError('tril/triu need an array of at least one dimension');
  if (a.ndim === 1) a = broadcastTo(a, [a.shape[0], a.shape[0]]);
  const out = a.copy();
  const r = a.shape[a.ndim - 2], c = a.shape[a.ndim - 1], d = out.data;
  for (let base = 0; base < out.size; base += r * c) {
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
      const keep = lower ? j - i <= k : j - i >= k;
      if (!keep) d[base + i * c + j] = 0;
    }
  }
  return out;
}
export const tril = (x: ArrayLike, k = 0): NDArray => triangle(x, k, true);
export const triu = (x: ArrayLike, k = 0): NDArray => triangle(x, k, false);

/** numpy's diagonal: the k-th diagonal of the 2-d array spanned by axis1 and axis2, along a new last axis. */
export function diagonal(x: ArrayLike, opts: { offset?: number; axis1?: number; axis2?: number } = {}): NDArray {
  const options = readOptions('diagonal', opts, ['offset', 'axis1', 'axis2']);
  const a = asarray(x);
  if (a.ndim < 2) throw new ValueError('diag requires an array of at least two dimensions');
  const k = options.offset ?? 0;
  const a1 = normalizeAxis(options.axis1 ?? 0, a.ndim), a2 = normalizeAxis(options.axis2 ?? 1, a.ndim);
  if (a1 === a2) throw new ValueError('axis1 and axis2 cannot be the same');
  const n1 = a.shape[a1], n2 = a.shape[a2];
  const len = Math.max(0, k >= 0 ? Math.min(n1, n2 - k) : Math.min(n1 + k, n2));
  let offset = a.offset;
  if (len > 0) offset += k >= 0 ? k * a.strides[a2] : -k * a.strides[a1];
  const shape: number[] = [], strides: number[] = [];
  for (let d = 0; d < a.ndim; d++) if (d !== a1 && d !== a2) { shape.push(a.shape[d]); strides.push(a.strides[d]); }
  shape.push(len); strides.push(a.strides[a1] + a.strides[a2]);
  return new NDArray(a.data, shape, a.dtype, strides, offset, a.base ?? a);
}

/** numpy's diag: the k-th diagonal of a 2-d array (a view), or a 2-d array with a 1-d one on it. */
export function diag(x: ArrayLike, kArg = 0): NDArray {
  const k = integerArgument(kArg);
  const a = asarray(x);
  if (a.ndim === 1) {
    const n = a.shape[0] + Math.abs(k);
    const out = allocF64(n * n), v = a.values();
    for (let i = 0; i < v.length; i++) {
      const r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i;
      out[r * n + c] = v[i];
    }
    return new NDArray(out, [n, n], a.dtype);
  }
  if (a.ndim === 2) return diagonal(a, { offset: k });
  throw new ValueError('Input must be 1- or 2-d.');
}

/** numpy's trace: the sum along a diagonal. */
export function trace(x: ArrayLike, options: { offset?: number; axis1?: number; axis2?: number } = {}): NDArray | number {
  options = readOptions('trace', options, ['offset', 'axis1', 'axis2', 'dtype']);
  const d = diagonal(x, options);
  const s = sum(d, { axis: -1 });
  return (s as NDArray).ndim === 0 ? (s as NDArray).values()[0] : s;
}

/** numpy's meshgrid: coordinate matrices ('xy' indexing swaps the first two axes, as numpy's default). */
export function meshgrid(...args: (ArrayLike | { indexing?: string; sparse?: boolean; copy?: boolean })[]): NDArray[] {
  let opts: { indexing?: string; sparse?: boolean; copy?: boolean } = {};
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object' && !Array.isArray(last) && !(last instanceof NDArray)) {
    opts = last as typeof opts;
    args = args.slice(0, -1);
  }
  opts = readOptions('meshgrid', opts, ['indexing', 'sparse', 'copy']);
  const indexing = opts.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij') throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const xs = args.map((x) => reshape(asarray(x as ArrayLike), [-1]));
  const nd = xs.length;
  const shapes = xs.map((x, i) => {
    const s = new Array<number>(nd).fill(1);
    s[i] = x.size;
    if (indexing === 'xy' && nd > 1) { if (i === 0) { s[0] = 1; s[1] = x.size; } else if (i === 1) { s[1] = 1; s[0] = x.size; } }
    return s;
  });
  const views = xs.map((x, i) => reshape(x, shapes[i]));
  if (opts.sparse) return views.map((v) => v.copy());
  const full = xs.map((x) => x.size);
  if (indexing === 'xy' && nd > 1) [full[0], full[1]] = [full[1], full[0]];
  return views.map((v) => broadcastTo(v, full).copy());
}

/** numpy's logspace: base ** linspace(start, stop, num). */
export function logspace(start: number, stop: number, num = 50, options: { endpoint?: boolean; base?: number; dtype?: DType | string } = {}): NDArray {
  options = readOptions('logspace', options, ['endpoint', 'base', 'dtype', 'axis']);
  const y = linspace(start, stop, num, { endpoint: options.endpoint ?? true });
  const base = options.base ?? 10;
  // glibc's pow, the one numpy's float power loop calls.
  const r = new NDArray(y.values().map((v) => pow(base, v)), y.shape, 'float64');
  return options.dtype === undefined ? r : r.astype(normalizeDType(options.dtype));
}

