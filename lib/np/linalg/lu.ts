// LU factorization with partial pivoting (LAPACK's dgetrf, row by row), and what numpy builds on it:
// det, slogdet, inv, solve.
import { allocF64 } from '../alloc';
import { asarray } from '../asarray';
import { ValueError } from '../errors';
import { ArrayLike, NDArray } from '../ndarray';
import { LinAlgError, fromStack, toStack } from './stack';

/** Factors the n × n row-major a in place as P·L·U; returns the pivot rows and the permutation's sign. */
export function luInPlace(a: Float64Array, n: number): { piv: Int32Array; sign: number; singular: boolean } {
  const piv = new Int32Array(n);
  let sign = 1, singular = false;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) { const v = Math.abs(a[i * n + k]); if (v > best) { best = v; p = i; } }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) { const t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t; }
    }
    const d = a[k * n + k];
    if (d === 0) { singular = true; continue; }
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] /= d);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
    }
  }
  return { piv, sign, singular };
}

function scalarOrArray(batch: number[], vals: number[]): NDArray | number {
  if (batch.length === 0) return vals[0];
  return new NDArray(Float64Array.from(vals), batch, 'float64');
}

/** numpy.linalg.det. */
export function det(x: ArrayLike): NDArray | number {
  const s = toStack(x);
  if (s.m !== s.n) throw new LinAlgError('Last 2 dimensions of the array must be square');
  const vals = s.mats.map((a) => {
    const { sign } = luInPlace(a, s.n);
    let d = sign;
    for (let k = 0; k < s.n; k++) d *= a[k * s.n + k];
    return d;
  });
  return scalarOrArray(s.batch, vals);
}

/** numpy.linalg.slogdet: [sign, log|det|]. */
export function slogdet(x: ArrayLike): [NDArray | number, NDArray | number] {
  const s = toStack(x);
  if (s.m !== s.n) throw new LinAlgError('Last 2 dimensions of the array must be square');
  const signs: number[] = [], logs: number[] = [];
  for (const a of s.mats) {
    const { sign } = luInPlace(a, s.n);
    let sg = sign, l = 0;
    for (let k = 0; k < s.n; k++) { const d = a[k * s.n + k]; if (d < 0) sg = -sg; l += Math.log(Math.abs(d)); }
    if (l === -Infinity) sg = 0;
    signs.push(sg); logs.push(l);
  }
  return [scalarOrArray(s.batch, signs), scalarOrArray(s.batch, logs)];
}

/** Solves a·X = B (a n × n factored, B n × k row-major) in place into B. */
function luSolve(a: Float64Array, piv: Int32Array, n: number, b: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) {
    const p = piv[i];
    if (p !== i) for (let j = 0; j < k; j++) { const t = b[i * k + j]; b[i * k + j] = b[p * k + j]; b[p * k + j] = t; }
  }
  for (let i = 0; i < n; i++) for (let r = 0; r < i; r++) {
    const f = a[i * n + r];
    if (f !== 0) for (let j = 0; j < k; j++) b[i * k + j] -= f * b[r * k + j];
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let r = i + 1; r < n; r++) {
      const f = a[i * n + r];
      if (f !== 0) for (let j = 0; j < k; j++) b[i * k + j] -= f * b[r * k + j];
    }
    const d = a[i * n + i];
    for (let j = 0; j < k; j++) b[i * k + j] /= d;
  }
}

/** numpy.linalg.inv. */
export function inv(x: ArrayLike): NDArray {
  const s = toStack(x);
  if (s.m !== s.n) throw new LinAlgError('Last 2 dimensions of the array must be square');
  const n = s.n;
  const outs = s.mats.map((a) => {
    const { piv, singular } = luInPlace(a, n);
    if (singular) throw new LinAlgError('Singular matrix');
    const e = allocF64(n * n);
    for (let i = 0; i < n; i++) e[i * n + i] = 1;
    luSolve(a, piv, n, e, n);
    return e;
  });
  return fromStack(s.batch, n, n, outs);
}

/** numpy.linalg.solve: a·x = b for square a; b a vector (..., M) or matrices (..., M, K). */
export function solve(aIn: ArrayLike, bIn: ArrayLike): NDArray {
  const s = toStack(aIn);
  if (s.m !== s.n) throw new LinAlgError('Last 2 dimensions of the array must be square');
  let b = asarray(bIn);
  if (b.dtype !== 'float64') b = b.astype('float64');
  const n = s.n;
  const vector = b.ndim === 1 || (b.ndim === s.batch.length + 1 && s.batch.length > 0 && b.ndim < 2 + s.batch.length);
  const k = vector ? 1 : b.shape[b.ndim - 1];
  const rows = vector ? b.shape[b.ndim - 1] : b.shape[b.ndim - 2];
  if (rows !== n) {
    throw new ValueError(vector
      ? `solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size ${rows} is different from ${n})`
      : `solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size ${rows} is different from ${n})`);
  }
  const bv = b.values();
  const per = n * k;
  const count = Math.max(s.mats.length, bv.length / per);
  const outs: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const a = s.mats[s.mats.length === 1 ? 0 : i].slice();
    const { piv, singular } = luInPlace(a, n);
    if (singular) throw new LinAlgError('Singular matrix');
    const rhs = bv.slice((bv.length === per ? 0 : i) * per, ((bv.length === per ? 0 : i) + 1) * per);
    luSolve(a, piv, n, rhs, k);
    outs.push(rhs);
  }
  const batch = s.batch.length ? s.batch : b.shape.slice(0, vector ? -1 : -2);
  const out = fromStack(batch, n, k, outs);
  return vector ? new NDArray(out.values(), [...batch, n], 'float64') : out;
}
