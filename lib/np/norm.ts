// numpy.linalg.norm: vector norms of every order, matrix norms 1, -1, inf, -inf, 'fro', and through
// the singular values 2, -2 and 'nuc'.
import { asarray } from './asarray';
import { ValueError, normalizeAxis } from './errors';
import { ArrayLike, NDArray } from './ndarray';
import { sumOfSquares } from './linalg';
import { sum, max, min } from './reductions';
import { abs, multiply, not_equal, power, sqrt } from './ufuncs';
import { singularValues } from './decompositions/svd';
import { moveaxisView } from './decompositions/stack';

export type NormOrder = number | 'fro' | 'f' | 'nuc' | null;
export interface NormOptions { ord?: NormOrder; axis?: number | readonly number[] | null; keepdims?: boolean }

function keep(r: NDArray | number, a: NDArray, axes: number[], keepdims: boolean | undefined): NDArray | number {
  if (!keepdims) return r;
  const shape = a.shape.map((d, k) => (axes.includes(k) ? 1 : d));
  return new NDArray(typeof r === 'number' ? new Float64Array([r]) : r.values().slice(), shape, 'float64');
}

/** numpy.linalg.norm(x, ord, axis, keepdims); the options may also come as an object in place of ord. */
export function norm(x: ArrayLike, ord?: NormOrder | (NormOptions & { axis?: null; keepdims?: false })): number;
export function norm(x: ArrayLike, ordOrOptions?: NormOrder | NormOptions, axis?: number | readonly number[] | null, keepdims?: boolean): NDArray | number;
export function norm(x: ArrayLike, ordOrOptions?: NormOrder | NormOptions, axisArg?: number | readonly number[] | null, keepdimsArg?: boolean): NDArray | number {
  const o: NormOptions = ordOrOptions !== null && typeof ordOrOptions === 'object'
    ? ordOrOptions : { ord: ordOrOptions ?? null, axis: axisArg ?? null, keepdims: keepdimsArg };
  let a = asarray(x);
  if (a.dtype !== 'float64') a = a.astype('float64');
  const ord = o.ord ?? null;
  const axis = o.axis ?? null;
  if (axis === null && (ord === null || ((ord === 'fro' || ord === 'f') && a.ndim === 2) || (ord === 2 && a.ndim === 1))) {
    return keep(Math.sqrt(sumOfSquares(a)), a, [...a.shape.keys()], o.keepdims);
  }
  const axes = (axis === null ? [...a.shape.keys()] : typeof axis === 'number' ? [axis] : axis.slice());
  if (axes.length === 1) {
    const ax = normalizeAxis(axes[0], a.ndim);
    const opt = { axis: ax, keepdims: o.keepdims };
    if (ord === Infinity) return max(abs(a), opt);
    if (ord === -Infinity) return min(abs(a), opt);
    if (ord === 0) return sum(not_equal(a, 0).astype('float64'), opt);
    if (ord === 1) return sum(abs(a), opt);
    if (ord === null || ord === 2) { const s = sum(multiply(a, a), opt); return typeof s === 'number' ? Math.sqrt(s) : sqrt(s); }
    if (typeof ord === 'string') throw new ValueError(`Invalid norm order '${ord}' for vectors`);
    const s = sum(power(abs(a), ord), opt);
    return typeof s === 'number' ? s ** (1 / ord) : power(s, 1 / ord);
  }
  if (axes.length === 2) {
    let row = normalizeAxis(axes[0], a.ndim), col = normalizeAxis(axes[1], a.ndim);
    if (row === col) throw new ValueError('Duplicate axes given.');
    const both = [row, col];
    let r: NDArray | number;
    if (ord === 2 || ord === -2 || ord === 'nuc') {
      const sv = singularValues(moveaxisView(a, row, col));
      r = ord === 2 ? max(sv, { axis: -1 }) : ord === -2 ? min(sv, { axis: -1 }) : sum(sv, { axis: -1 });
    } else if (ord === 1 || ord === -1) {
      if (col > row) col -= 1;
      const s = sum(abs(a), { axis: row }) as NDArray;
      r = ord === 1 ? max(s, { axis: col }) : min(s, { axis: col });
    } else if (ord === Infinity || ord === -Infinity) {
      if (row > col) row -= 1;
      const s = sum(abs(a), { axis: col }) as NDArray;
      r = ord === Infinity ? max(s, { axis: row }) : min(s, { axis: row });
    } else if (ord === null || ord === 'fro' || ord === 'f') {
      const s = sum(multiply(a, a), { axis: both });
      r = typeof s === 'number' ? Math.sqrt(s) : sqrt(s);
    } else throw new ValueError('Invalid norm order for matrices.');
    if (r instanceof NDArray && r.ndim === 0 && !o.keepdims) r = r.values()[0];
    return keep(r, a, both, o.keepdims);
  }
  throw new ValueError('Improper number of dimensions to norm.');
}
