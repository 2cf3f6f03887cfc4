// numpy's statistics: var, std, median, percentile, quantile, average, ptp, and the NaN-ignoring
// reductions, computed in numpy's order of operations so they round as numpy's do.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { ValueError, ZeroDivisionError, normalizeAxes, normalizeAxis, readOptions } from './errors';
import { broadcastTo } from './broadcast';
import { mapLanes } from './along_axis';
import { ArrayLike, Axis, NDArray } from './ndarray';
import { max, mean, min, sum } from './reductions';
import { divide, multiply, sqrt, subtract } from './ufuncs';
import { shapeSize } from './layout';
import { compareValues } from './sorting';

export interface VarOptions { axis?: Axis; ddof?: number; keepdims?: boolean }

function reducedCount(a: NDArray, axis: Axis): number {
  if (axis === undefined || axis === null) return a.size;
  let n = 1;
  for (const ax of normalizeAxes(axis, a.ndim)) n *= a.shape[ax];
  return n;
}

/** numpy's var: mean with keepdims, squared deviations, their sum over max(n - ddof, 0). */
export function variance(x: ArrayLike, options: VarOptions = {}): NDArray | number {
  options = readOptions('var', options, ['axis', 'ddof', 'keepdims']);
  const a0 = asarray(x);
  const a = a0.dtype === 'float64' ? a0 : a0.astype('float64');
  const axis = options.axis ?? null;
  const n = reducedCount(a, axis);
  const s = sum(a, { axis: axis === null ? undefined : axis, keepdims: true }) as NDArray;
  const m = divide(s, n);
  const d = subtract(a, m);
  const sq = multiply(d, d);
  const total = sum(sq, { axis: axis === null ? undefined : axis, keepdims: options.keepdims });
  const div = Math.max(n - (options.ddof ?? 0), 0);
  if (typeof total === 'number') return total / div;
  return divide(total, div);
}

export function std(x: ArrayLike, options: VarOptions = {}): NDArray | number {
  options = readOptions('std', options, ['axis', 'ddof', 'keepdims']);
  const v = variance(x, options);
  return typeof v === 'number' ? Math.sqrt(v) : sqrt(v);
}

/** numpy's ptp: max - min. */
export function ptp(x: ArrayLike, options: { axis?: Axis; keepdims?: boolean } = {}): NDArray | number {
  options = readOptions('ptp', options, ['axis', 'keepdims']);
  const hi = max(x, options), lo = min(x, options);
  if (asarray(x).dtype === 'bool') subtract(asarray(true), asarray(false)); // numpy's TypeError for bool subtract
  if (typeof hi === 'number') return hi - (lo as number);
  return subtract(hi, lo as NDArray);
}

/** numpy's average: mean, or sum(a * w) / sum(w) along the axis. */
export function average(x: ArrayLike, options: { axis?: number | null; weights?: ArrayLike | null; returned?: boolean } = {}): NDArray | number | [NDArray | number, NDArray | number] {
  options = readOptions('average', options, ['axis', 'weights', 'returned', 'keepdims']);
  const a = asarray(x);
  const axis = options.axis ?? null;
  let avg: NDArray | number, scl: NDArray | number;
  if (options.weights === undefined || options.weights === null) {
    avg = mean(a, axis === null ? {} : { axis });
    const n = a.size === 0 ? 0 : reducedCount(a, axis);
    scl = typeof avg === 'number' ? n : new NDArray(allocF64Uninit(avg.size).fill(n), avg.shape, 'float64');
  } else {
    let w = asarray(options.weights);
    if (a.ndim !== w.ndim || a.shape.some((d, k) => d !== w.shape[k])) {
      if (axis === null) throw new TypeError('Axis must be specified when shapes of a and weights differ.');
      if (w.ndim !== 1) throw new TypeError('1D weights expected when shapes of a and weights differ.');
      const ax = normalizeAxis(axis, a.ndim);
      if (w.shape[0] !== a.shape[ax]) throw new ValueError('Length of weights not compatible with specified axis.');
      const shape = a.shape.map((_, k) => (k === ax ? w.shape[0] : 1));
      w = new NDArray(w.values().slice(), shape, w.dtype);
    }
    const o = axis === null ? {} : { axis };
    scl = sum(w.dtype === 'float64' ? w : w.astype('float64'), o);
    const zero = typeof scl === 'number' ? scl === 0 : scl.values().some((v) => v === 0);
    if (zero) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
    const num = sum(multiply(a, w), o);
    avg = typeof num === 'number' ? num / (scl as number) : divide(num, scl);
    if (typeof avg !== 'number' && typeof scl !== 'number' && scl.size !== avg.size) scl = broadcastTo(scl, avg.shape).copy();
  }
  return options.returned ? [avg, scl] : avg;
}

/** The sorted copy of a lane, NaNs last (as numpy's sort). */
function sortedLane(src: Float64Array, start: number, n: number): Float64Array {
  return src.slice(start, start + n).sort(compareValues);
}

function hasNaN(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  return false;
}

/** numpy's median: the middle value of each sorted lane, or the mean of the two middle ones. */
export function median(x: ArrayLike, options: { axis?: number | null; keepdims?: boolean } = {}): NDArray | number {
  options = readOptions('median', options, ['axis', 'keepdims']);
  return quantileImpl(x, 0.5, options.axis ?? null, options.keepdims ?? false, 'median');
}

/** numpy's percentile (method 'linear'): q in [0, 100]. */
export function percentile(x: ArrayLike, q: ArrayLike, options: { axis?: number | null; keepdims?: boolean; method?: string } = {}): NDArray | number {
  options = readOptions('percentile', options, ['axis', 'keepdims', 'method']);
  const Q = asarray(q, 'float64');
  const qs = divide(Q, 100);
  if (qs.values().some((v) => !(v >= 0 && v <= 1))) throw new ValueError('Percentiles must be in the range [0, 100]');
  return quantileOf(x, Q.ndim === 0 ? qs.values()[0] : qs, options);
}

/** numpy's quantile (method 'linear'): q in [0, 1]. */
export function quantile(x: ArrayLike, q: ArrayLike, options: { axis?: number | null; keepdims?: boolean; method?: string } = {}): NDArray | number {
  options = readOptions('quantile', options, ['axis', 'keepdims', 'method']);
  const Q = asarray(q, 'float64');
  if (Q.values().some((v) => !(v >= 0 && v <= 1))) throw new ValueError('Quantiles must be in the range [0, 1]');
  return quantileOf(x, Q.ndim === 0 ? Q.values()[0] : Q, options);
}

function quantileOf(x: ArrayLike, q: number | NDArray, options: { axis?: number | null; keepdims?: boolean; method?: string }): NDArray | number {
  if (options.method !== undefined && options.method !== 'linear') {
    throw new ValueError(`tsdl supports only method='linear' for percentile and quantile, got '${options.method}'`);
  }
  if (typeof q === 'number') return quantileImpl(x, q, options.axis ?? null, options.keepdims ?? false, 'linear');
  // An array of quantiles: its axes lead the result, one result per quantile.
  const parts = Array.from(q.values(), (v) => quantileImpl(x, v, options.axis ?? null, options.keepdims ?? false, 'linear'));
  const first = parts[0];
  const inner = typeof first === 'number' ? [] : first.shape.slice();
  const out = allocF64Uninit(parts.length * shapeSize(inner));
  parts.forEach((p, i) => { if (typeof p === 'number') out[i] = p; else out.set(p.values(), i * p.size); });
  return new NDArray(out, [...q.shape, ...inner], 'float64');
}

/** The linear-interpolation quantile of each lane, as numpy's _quantile computes it. */
function quantileImpl(x: ArrayLike, q: number, axis: number | null, keepdims: boolean, how: 'median' | 'linear'): NDArray | number {
  const a0 = asarray(x);
  const a = axis === null ? new NDArray(a0.values(), [a0.size], a0.dtype) : a0;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  const r = mapLanes(a, ax, 1, 'float64', (src, start, n, dst, at) => {
    if (n === 0) { dst[at] = NaN; return; }
    const v = sortedLane(src, start, n);
    if (hasNaN(v)) { dst[at] = NaN; return; }
    if (how === 'median') {
      const h = n >> 1;
      dst[at] = n % 2 === 1 ? v[h] : (v[h - 1] + v[h]) / 2;
      return;
    }
    // numpy's 'linear' virtual index (n - 1) * q, clamped to the ends, then _lerp.
    const virtual = (n - 1) * q;
    let prev = Math.floor(virtual), next = prev + 1;
    if (virtual >= n - 1) prev = next = n - 1;
    else if (virtual < 0) prev = next = 0;
    const gamma = virtual - prev;
    const lo = v[prev], hi = v[next], diff = hi - lo;
    dst[at] = gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
  });
  let res = new NDArray(r.values(), r.shape.filter((_, k) => k !== ax), 'float64');
  if (keepdims) {
    const shape = axis === null ? a0.shape.map(() => 1) : a0.shape.map((d, k) => (k === ax ? 1 : d));
    return new NDArray(res.values(), shape, 'float64');
  }
  if (res.ndim === 0) return res.values()[0];
  return res;
}

function withoutNaN(x: ArrayLike, fill: number): NDArray {
  const a = asarray(x);
  if (a.dtype !== 'float64') return a;
  const v = a.values(), out = allocF64Uninit(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] !== v[i] ? fill : v[i];
  return new NDArray(out, a.shape, a.dtype);
}

function allNaNToNaN(r: NDArray | number, counts: NDArray | number): NDArray | number {
  if (typeof r === 'number') return counts === 0 ? NaN : r;
  const c = (counts as NDArray).values(), v = r.values().slice();
  for (let i = 0; i < v.length; i++) if (c[i] === 0) v[i] = NaN;
  return new NDArray(v, r.shape, r.dtype);
}

function notNaNCount(x: ArrayLike, options: { axis?: Axis; keepdims?: boolean }): NDArray | number {
  const a = asarray(x);
  const v = a.values(), m = allocF64Uninit(v.length);
  for (let i = 0; i < v.length; i++) m[i] = v[i] === v[i] ? 1 : 0;
  return sum(new NDArray(m, a.shape, 'int64'), options);
}

/** Runs f; an empty reduction's error names numpy's fmax/fmin, the ufuncs nanmax/nanmin reduce with. */
function renamed<T>(f: () => T, from: string, to: string): T {
  try { return f(); } catch (e) {
    if (e instanceof ValueError) e.message = e.message.replace(`operation ${from} `, `operation ${to} `);
    throw e;
  }
}

/** numpy's nanmax / nanmin: NaNs ignored; an all-NaN lane gives NaN. */
export function nanmax(x: ArrayLike, options: { axis?: Axis; keepdims?: boolean } = {}): NDArray | number {
  options = readOptions('nanmax', options, ['axis', 'keepdims']);
  return allNaNToNaN(renamed(() => max(withoutNaN(x, -Infinity), options), 'maximum', 'fmax'), notNaNCount(x, options));
}
export function nanmin(x: ArrayLike, options: { axis?: Axis; keepdims?: boolean } = {}): NDArray | number {
  options = readOptions('nanmin', options, ['axis', 'keepdims']);
  return allNaNToNaN(renamed(() => min(withoutNaN(x, Infinity), options), 'minimum', 'fmin'), notNaNCount(x, options));
}

/** numpy's nanmean: sum of the non-NaN values over their count. */
export function nanmean(x: ArrayLike, options: { axis?: Axis; keepdims?: boolean } = {}): NDArray | number {
  options = readOptions('nanmean', options, ['axis', 'keepdims']);
  const s = sum(withoutNaN(x, 0), options), c = notNaNCount(x, options);
  if (typeof s === 'number') return s / (c as number);
  return divide(s, c);
}

/** numpy's nanvar / nanstd: var and std of the non-NaN values. */
export function nanvar(x: ArrayLike, options: VarOptions = {}): NDArray | number {
  options = readOptions('nanvar', options, ['axis', 'ddof', 'keepdims']);
  const a = asarray(x, 'float64');
  const keep = { axis: options.axis ?? undefined, keepdims: true };
  const cnt = notNaNCount(a, keep) as NDArray;
  const avg = divide(sum(withoutNaN(a, 0), keep), cnt);
  const d = withoutNaN(subtract(a, avg), 0);
  const sq = sum(multiply(d, d), { axis: options.axis ?? undefined, keepdims: options.keepdims });
  const c = notNaNCount(a, { axis: options.axis ?? undefined, keepdims: options.keepdims });
  const ddof = options.ddof ?? 0;
  if (typeof sq === 'number') { const dof = (c as number) - ddof; return dof <= 0 ? NaN : sq / dof; }
  const cv = (c as NDArray).values(), v = sq.values().slice();
  for (let i = 0; i < v.length; i++) { const dof = cv[i] - ddof; v[i] = dof <= 0 ? NaN : v[i] / dof; }
  return new NDArray(v, sq.shape, 'float64');
}
export function nanstd(x: ArrayLike, options: VarOptions = {}): NDArray | number {
  options = readOptions('nanstd', options, ['axis', 'ddof', 'keepdims']);
  const v = nanvar(x, options);
  return typeof v === 'number' ? Math.sqrt(v) : sqrt(v);
}
