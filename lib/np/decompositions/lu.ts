// LU factorization with partial pivoting (LAPACK's dgetrf, row by row), and what numpy builds on it:
// det, slogdet, inv, solve.
import { allocF64 } from '../alloc';
import { asarray } from '../asarray';
import { ValueError } from '../errors';
import { ArrayLike, NDArray } from '../ndarray';
import { LinAlgError, fromStack, squareStack } from './stack';
import { lapack, toColumnMajor, toRowMajor } from './lapack';
import { exp, log } from '../libm';

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

/**
 * sign and log|det| of the row-major n × n a as numpy's umath_linalg computes them: LU (LAPACK's
 * dgetrf when the addon is loaded), the pivots' parity, then the sum of log|u_ii| with glibc's log.
 */
function signLogdet(a: Float64Array, n: number): [number, number] {
  const lp = lapack();
  let diag: Float64Array, sign: number;
  if (lp) {
    const f = toColumnMajor(a, n, n), ipiv = new Int32Array(n);
    if (lp.dgetrf(n, f, ipiv) !== 0) return [0, -Infinity];
    let swaps = 0;
    for (let i = 0; i < n; i++) if (ipiv[i] !== i + 1) swaps++;
    sign = swaps % 2 ? -1 : 1;
    diag = Float64Array.from({ length: n }, (_, i) => f[i * n + i]);
  } else {
    const r = luInPlace(a, n);
    if (r.singular) return [0, -Infinity];
    sign = r.sign;
    diag = Float64Array.from({ length: n }, (_, i) => a[i * n + i]);
  }
  let logdet = 0;
  for (let i = 0; i < n; i++) {
    let d = diag[i];
    if (d < 0) { sign = -sign; d = -d; }
    logdet += log(d);
  }
  return [sign, logdet];
}

/** numpy.linalg.det: sign · exp(log|det|), as numpy computes it. */
export function det(x: ArrayLike): NDArray | number {
  const s = squareStack(x);
  return scalarOrArray(s.batch, s.mats.map((a) => { const [sg, l] = signLogdet(a, s.n); return sg * exp(l); }));
}

/** numpy.linalg.slogdet: [sign, log|det|]. */
export function slogdet(x: ArrayLike): [NDArray | number, NDArray | number] {
  const s = squareStack(x);
  const parts = s.mats.map((a) => signLogdet(a, s.n));
  return [scalarOrArray(s.batch, parts.map((p) => p[0])), scalarOrArray(s.batch, parts.map((p) => p[1]))];
}

/** X with a·X = B for the row-major n × n a and n × k b (LAPACK's dgesv when loaded); throws when a is singular. */
function solveMatrix(a: Float64Array, n: number, b: Float64Array, k: number): Float64Array {
  const lp = lapack();
  if (lp) {
    const f = toColumnMajor(a, n, n), fb = toColumnMajor(b, n, k);
    if (lp.dgesv(n, k, f, new Int32Array(n), fb) > 0) throw new LinAlgError('Singular matrix');
    return toRowMajor(fb, n, k);
  }
  const lu = a.slice();
  const { piv, singular } = luInPlace(lu, n);
  if (singular) throw new LinAlgError('Singular matrix');
  const out = b.slice();
  luSolve(lu, piv, n, out, k);
  return out;
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

/** numpy.linalg.inv: a·X = I through the same solver as numpy (dgesv). */
export function inv(x: ArrayLike): NDArray {
  const s = squareStack(x);
  const n = s.n;
  const outs = s.mats.map((a) => {
    const e = allocF64(n * n);
    for (let i = 0; i < n; i++) e[i * n + i] = 1;
    return solveMatrix(a, n, e, n);
  });
  return fromStack(s.batch, n, n, outs);
}

/** numpy.linalg.solve: a·x = b for square a; b a vector (..., M) or matrices (..., M, K). */
export function solve(aIn: ArrayLike, bIn: ArrayLike): NDArray {
  const s = squareStack(aIn);
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
    const j = bv.length === per ? 0 : i;
    outs.push(solveMatrix(s.mats[s.mats.length === 1 ? 0 : i], n, bv.slice(j * per, (j + 1) * per), k));
  }
  const batch = s.batch.length ? s.batch : b.shape.slice(0, vector ? -1 : -2);
  const out = fromStack(batch, n, k, outs);
  return vector ? new NDArray(out.values(), [...batch, n], 'float64') : out;
}
