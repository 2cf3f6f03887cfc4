// Cholesky, QR (Householder reflections with LAPACK's sign convention) and the symmetric eigenproblem
// (cyclic Jacobi rotations), as numpy.linalg's cholesky, qr, eigh and eigvalsh.
import { allocF64 } from '../alloc';
import { ValueError } from '../errors';
import { ArrayLike, NDArray } from '../ndarray';
import { LinAlgError, fromStack, fromVectors, squareStack, toStack } from './stack';
import { lapack, toColumnMajor, toRowMajor } from './lapack';

/** numpy.linalg.cholesky: the lower-triangular L with a = L·Lᵀ (the lower triangle of a is read). */
export function cholesky(x: ArrayLike): NDArray {
  const st = squareStack(x);
  const n = st.n, lp = lapack();
  const outs = st.mats.map((a) => {
    if (lp !== null) {
      const f = toColumnMajor(a, n, n);
      if (lp.dpotrf(n, f) !== 0) throw new LinAlgError('Matrix is not positive definite');
      const l = allocF64(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) l[i * n + j] = f[j * n + i];
      return l;
    }
    const l = allocF64(n * n);
    for (let j = 0; j < n; j++) {
      let d = a[j * n + j];
      for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
      if (!(d > 0)) throw new LinAlgError('Matrix is not positive definite');
      const ljj = Math.sqrt(d);
      l[j * n + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        let s = a[i * n + j];
        for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
        l[i * n + j] = s / ljj;
      }
    }
    return l;
  });
  return fromStack(st.batch, n, n, outs);
}

/** numpy.linalg.qr: modes 'reduced' (default) and 'complete' give [q, r]; 'r' gives r. */
export function qr(x: ArrayLike, modeArg: 'reduced' | 'complete' | 'r' | { mode?: 'reduced' | 'complete' | 'r' } = 'reduced'): NDArray | [NDArray, NDArray] {
  const mode = typeof modeArg === 'object' && modeArg !== null ? modeArg.mode ?? 'reduced' : modeArg;
  if (mode !== 'reduced' && mode !== 'complete' && mode !== 'r') throw new ValueError(`Unrecognized mode '${mode}'`);
  const st = toStack(x);
  const { m, n } = st, k = Math.min(m, n);
  // R has `rows` rows and Q as many columns: m in 'complete' mode, k otherwise.
  const rows = mode === 'complete' ? m : k;
  const lp = lapack();
  const parts = st.mats.map((a0) => (lp !== null ? lapackQr(lp, a0, m, n, rows, mode !== 'r') : householderQr(a0, m, n, rows)));
  const R = fromStack(st.batch, rows, n, parts.map((p) => p.r));
  if (mode === 'r') return R;
  return [fromStack(st.batch, m, rows, parts.map((p) => p.q as Float64Array)), R];
}

/** numpy's order: dgeqrf on the column-major matrix, R from its upper triangle, Q (when wanted) by dorgqr. */
function lapackQr(lp: NonNullable<ReturnType<typeof lapack>>, a0: Float64Array, m: number, n: number, rows: number,
  wantQ: boolean): { q: Float64Array | null; r: Float64Array } {
  const k = Math.min(m, n);
  const f = toColumnMajor(a0, m, n), tau = new Float64Array(k);
  lp.dgeqrf(m, n, f, tau);
  const r = allocF64(rows * n);
  for (let i = 0; i < rows; i++) for (let c = i; c < n; c++) r[i * n + c] = f[c * m + i];
  if (!wantQ) return { q: null, r };
  const q = new Float64Array(m * rows);
  q.set(f.subarray(0, m * Math.min(n, rows)));
  lp.dorgqr(m, rows, k, q, tau);
  return { q: toRowMajor(q, m, rows), r };
}

/** Householder QR with LAPACK's reflector convention (dlarfg), for when the addon is not loaded. */
function householderQr(a0: Float64Array, m: number, n: number, rows: number): { q: Float64Array; r: Float64Array } {
  const k = Math.min(m, n), qCols = rows;
  const a = a0.slice();
  const vs: Float64Array[] = [], taus: number[] = [];
  for (let j = 0; j < k; j++) {
    // LAPACK's dlarfg: beta = -sign(alpha) * ||x||, v = x / (alpha - beta), tau = (beta - alpha) / beta.
    const alpha = a[j * n + j];
    let xnorm = 0;
    for (let i = j + 1; i < m; i++) xnorm = Math.hypot(xnorm, a[i * n + j]);
    const v = new Float64Array(m);
    v[j] = 1;
    if (xnorm === 0) { vs.push(v); taus.push(0); continue; }
    const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xnorm);
    const tau = (beta - alpha) / beta, scale = 1 / (alpha - beta);
    for (let i = j + 1; i < m; i++) v[i] = a[i * n + j] * scale;
    for (let c = j; c < n; c++) {
      let d = 0;
      for (let i = j; i < m; i++) d += v[i] * a[i * n + c];
      d *= tau;
      for (let i = j; i < m; i++) a[i * n + c] -= d * v[i];
    }
    a[j * n + j] = beta;
    for (let i = j + 1; i < m; i++) a[i * n + j] = 0;
    vs.push(v); taus.push(tau);
  }
  const r = allocF64(rows * n);
  for (let i = 0; i < rows; i++) for (let c = i; c < n; c++) r[i * n + c] = a[i * n + c];
  const q = allocF64(m * qCols);
  for (let i = 0; i < Math.min(m, qCols); i++) q[i * qCols + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const v = vs[j], tau = taus[j];
    if (tau === 0) continue;
    for (let c = 0; c < qCols; c++) {
      let d = 0;
      for (let i = j; i < m; i++) d += v[i] * q[i * qCols + c];
      d *= tau;
      for (let i = j; i < m; i++) q[i * qCols + c] -= d * v[i];
    }
  }
  return { q, r };
}

/** Eigenvalues (ascending) and eigenvectors (columns) of the symmetric n × n matrix given by its lower (or upper) triangle. */
function jacobiEigen(a0: Float64Array, n: number, lower: boolean): { w: Float64Array; v: Float64Array } {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    a[i * n + j] = lower ? (i >= j ? a0[i * n + j] : a0[j * n + i]) : (i <= j ? a0[i * n + j] : a0[j * n + i]);
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0, diag = 0;
    for (let i = 0; i < n; i++) { diag += a[i * n + i] * a[i * n + i]; for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j]; }
    if (off <= 1e-34 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) {
      const apq = a[p * n + q];
      if (apq === 0) continue;
      const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
      const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < n; k++) {
        const akp = a[k * n + p], akq = a[k * n + q];
        a[k * n + p] = c * akp - s * akq; a[k * n + q] = s * akp + c * akq;
      }
      for (let k = 0; k < n; k++) {
        const apk = a[p * n + k], aqk = a[q * n + k];
        a[p * n + k] = c * apk - s * aqk; a[q * n + k] = s * apk + c * aqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = v[k * n + p], vkq = v[k * n + q];
        v[k * n + p] = c * vkp - s * vkq; v[k * n + q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [...Array(n).keys()].sort((i, j) => a[i * n + i] - a[j * n + j]);
  const w = Float64Array.from(order, (i) => a[i * n + i]);
  const vs = new Float64Array(n * n);
  order.forEach((src, dst) => { for (let k = 0; k < n; k++) vs[k * n + dst] = v[k * n + src]; });
  return { w, v: vs };
}

/** numpy.linalg.eigh: [w, v], eigenvalues ascending, eigenvectors as columns (UPLO 'L' or 'U'). */
export function eigh(x: ArrayLike, uplo: 'L' | 'U' | { UPLO?: 'L' | 'U' } = 'L'): [NDArray, NDArray] {
  const UPLO = typeof uplo === 'object' && uplo !== null ? uplo.UPLO ?? 'L' : uplo;
  if (UPLO !== 'L' && UPLO !== 'U') throw new ValueError("UPLO argument must be 'L' or 'U'");
  const st = squareStack(x);
  const lp = lapack(), n = st.n;
  const parts = st.mats.map((a) => {
    if (lp === null) return jacobiEigen(a, n, UPLO === 'L');
    // numpy hands dsyevd the matrix in column-major order; the eigenvectors come back in its columns.
    const f = toColumnMajor(a, n, n), w = new Float64Array(n);
    if (lp.dsyevd(n, f, w, UPLO === 'U' ? 1 : 0) !== 0) throw new LinAlgError('Eigenvalues did not converge');
    return { w, v: toRowMajor(f, n, n) };
  });
  return [fromVectors(st.batch, st.n, parts.map((p) => p.w)), fromStack(st.batch, st.n, st.n, parts.map((p) => p.v))];
}

export function eigvalsh(x: ArrayLike, UPLO: 'L' | 'U' | { UPLO?: 'L' | 'U' } = 'L'): NDArray { return eigh(x, UPLO)[0]; }
