// Singular value decomposition by one-sided Jacobi rotations (Hestenes), accurate to a few ulps of
// the largest singular value, and what numpy builds on it: svd, pinv, lstsq, matrix_rank.
import { allocF64 } from '../alloc';
import { asarray } from '../asarray';
import { ArrayLike, NDArray } from '../ndarray';
import { LinAlgError, fromStack, fromVectors, toStack } from './stack';
import { readOptions } from '../errors';
import { lapack, toColumnMajor, toRowMajor } from './lapack';
import { matmul } from '../linalg';
import { multiply } from '../ufuncs';
import { transpose } from '../shape';

interface Svd { u: Float64Array[]; s: Float64Array; v: Float64Array[] }

/** The SVD of the m × n row-major a with m >= n: n columns of U, n singular values (descending), n columns of V. */
function jacobiSvdTall(a: Float64Array, m: number, n: number): Svd {
  const u: Float64Array[] = [], v: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = a[i * n + j];
    u.push(col);
    const e = new Float64Array(n);
    e[j] = 1;
    v.push(e);
  }
  const eps = 2 ** -52;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) {
      const up = u[p], uq = u[q];
      let alpha = 0, beta = 0, gamma = 0;
      for (let i = 0; i < m; i++) { alpha += up[i] * up[i]; beta += uq[i] * uq[i]; gamma += up[i] * uq[i]; }
      if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
      rotated = true;
      const zeta = (beta - alpha) / (2 * gamma);
      const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
      const c = 1 / Math.sqrt(1 + t * t), s = c * t;
      for (let i = 0; i < m; i++) { const x = up[i], y = uq[i]; up[i] = c * x - s * y; uq[i] = s * x + c * y; }
      const vp = v[p], vq = v[q];
      for (let i = 0; i < n; i++) { const x = vp[i], y = vq[i]; vp[i] = c * x - s * y; vq[i] = s * x + c * y; }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let nrm = 0;
    for (let i = 0; i < m; i++) nrm += u[j][i] * u[j][i];
    sv[j] = Math.sqrt(nrm);
  }
  const order = [...sv.keys()].sort((i, j) => sv[j] - sv[i]);
  const U = order.map((j) => u[j]), V = order.map((j) => v[j]), S = Float64Array.from(order, (j) => sv[j]);
  const basis: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    if (S[j] > 0) { for (let i = 0; i < m; i++) U[j][i] /= S[j]; basis.push(U[j]); } else U[j] = completeBasis(basis, m);
  }
  return { u: U, s: S, v: V };
}

/** A unit vector orthogonal to every vector of `basis` (which it joins), by Gram-Schmidt on unit vectors. */
function completeBasis(basis: Float64Array[], m: number): Float64Array {
  for (let k = 0; k < m; k++) {
    const x = new Float64Array(m);
    x[k] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        let d = 0;
        for (let i = 0; i < m; i++) d += b[i] * x[i];
        for (let i = 0; i < m; i++) x[i] -= d * b[i];
      }
    }
    let nrm = 0;
    for (let i = 0; i < m; i++) nrm += x[i] * x[i];
    nrm = Math.sqrt(nrm);
    if (nrm > 1e-8) {
      for (let i = 0; i < m; i++) x[i] /= nrm;
      basis.push(x);
      return x;
    }
  }
  return new Float64Array(m);
}

/** The SVD of any m × n matrix: k = min(m, n) columns of U and V. */
export function svdMatrix(a: Float64Array, m: number, n: number): Svd {
  if (m >= n) return jacobiSvdTall(a, m, n);
  const r = jacobiSvdTall(toColumnMajor(a, m, n), n, m);
  return { u: r.v, s: r.s, v: r.u };
}

function columnsToRows(cols: Float64Array[], rows: number): Float64Array {
  const k = cols.length, out = new Float64Array(rows * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < rows; i++) out[i * k + j] = cols[j][i];
  return out;
}

interface LapackSvd { u: Float64Array; s: Float64Array; vt: Float64Array }

/**
 * LAPACK's dgesdd on the row-major m × n a, as numpy's svd calls it: job 0 singular values only,
 * 1 thin u (m × k) and vt (k × n), 2 square u and vt; u and vt come back row-major. null without the addon.
 */
function lapackSvd(a: Float64Array, m: number, n: number, job: 0 | 1 | 2): LapackSvd | null {
  const lp = lapack();
  if (lp === null) return null;
  const k = Math.min(m, n), uc = job === 2 ? m : k, vr = job === 2 ? n : k;
  const s = new Float64Array(k), u = new Float64Array(job ? m * uc : 0), vt = new Float64Array(job ? vr * n : 0);
  if (lp.dgesdd(m, n, toColumnMajor(a, m, n), s, u, vt, job) !== 0) throw new LinAlgError('SVD did not converge');
  return { u: job ? toRowMajor(u, m, uc) : u, s, vt: job ? toRowMajor(vt, vr, n) : vt };
}

/** Singular values of one matrix, descending. */
function valuesOf(a: Float64Array, m: number, n: number): Float64Array {
  return (lapackSvd(a, m, n, 0) ?? svdMatrix(a, m, n)).s;
}

/** The singular values of every matrix of a stack, descending, along a new last axis. */
export function singularValues(x: ArrayLike): NDArray {
  const st = toStack(x);
  const k = Math.min(st.m, st.n);
  return fromVectors(st.batch, k, st.mats.map((a) => valuesOf(a, st.m, st.n)));
}

/** numpy.linalg.svd: [u, s, vh]; full_matrices (the default) completes u and vh to square. */
export function svd(x: ArrayLike, opts: { full_matrices?: boolean; compute_uv?: boolean } = {}): NDArray | [NDArray, NDArray, NDArray] {
  const options = readOptions('svd', opts, ['full_matrices', 'compute_uv', 'hermitian']);
  const st = toStack(x);
  const { m, n } = st, k = Math.min(m, n);
  const full = options.full_matrices ?? true;
  if (lapack() !== null) {
    const job = options.compute_uv === false ? 0 : full ? 2 : 1;
    const ps = st.mats.map((a) => lapackSvd(a, m, n, job) as LapackSvd);
    const sv = fromVectors(st.batch, k, ps.map((p) => p.s));
    if (job === 0) return sv;
    const uc = full ? m : k, vr = full ? n : k;
    return [fromStack(st.batch, m, uc, ps.map((p) => p.u)), sv, fromStack(st.batch, vr, n, ps.map((p) => p.vt))];
  }
  const parts = st.mats.map((a) => svdMatrix(a, m, n));
  const s = fromVectors(st.batch, k, parts.map((p) => p.s));
  if (options.compute_uv === false) return s;
  const us = parts.map((p) => {
    const cols = p.u.slice();
    if (full) { const basis = cols.slice(); while (cols.length < m) cols.push(completeBasis(basis, m)); }
    return columnsToRows(cols, m);
  });
  const vhs = parts.map((p) => {
    const cols = p.v.slice();
    if (full) { const basis = cols.slice(); while (cols.length < n) cols.push(completeBasis(basis, n)); }
    const rows = cols.length, out = new Float64Array(rows * n);
    cols.forEach((c, i) => out.set(c, i * n));
    return out;
  });
  const uc = full ? m : k, vr = full ? n : k;
  return [fromStack(st.batch, m, uc, us), s, fromStack(st.batch, vr, n, vhs)];
}

/** V · diag(1/s where s > cutoff, else 0) · Uᵀ for one matrix. */
function pseudoInverse(p: Svd, m: number, n: number, cutoff: number): Float64Array {
  const out = allocF64(n * m);
  p.s.forEach((sv, j) => {
    if (!(sv > cutoff)) return;
    const w = 1 / sv, u = p.u[j], v = p.v[j];
    for (let i = 0; i < n; i++) { const vi = v[i] * w; for (let r = 0; r < m; r++) out[i * m + r] += vi * u[r]; }
  });
  return out;
}

/** numpy.linalg.pinv: singular values up to rcond times the largest are dropped. */
export function pinv(x: ArrayLike, opts: { rcond?: number } = {}): NDArray {
  const options = readOptions('pinv', opts, ['rcond', 'hermitian']);
  const st = toStack(x);
  const rcond = options.rcond ?? 1e-15;
  if (lapack() !== null && st.mats.length > 0) {
    // numpy's order: u, s, vt = svd(a, full_matrices=False); vtᵀ @ (1/s kept, 0 dropped)[:, None] * uᵀ.
    const [u, sv, vt] = svd(x, { full_matrices: false }) as [NDArray, NDArray, NDArray];
    const k = Math.min(st.m, st.n), s = sv.values().slice();
    for (let b = 0; b < s.length; b += k) {
      let big = 0;
      for (let i = 0; i < k; i++) big = Math.max(big, s[b + i]);
      for (let i = 0; i < k; i++) s[b + i] = s[b + i] > rcond * big ? 1 / s[b + i] : 0;
    }
    const sInv = new NDArray(s, [...sv.shape, 1], 'float64');
    const nd = u.ndim, swap = (t: NDArray): NDArray => transpose(t, [...Array(nd - 2).keys(), nd - 1, nd - 2]);
    return matmul(swap(vt), multiply(sInv, swap(u)));
  }
  const outs = st.mats.map((a) => {
    const p = svdMatrix(a, st.m, st.n);
    return pseudoInverse(p, st.m, st.n, rcond * (p.s.length ? p.s[0] : 0));
  });
  return fromStack(st.batch, st.n, st.m, outs);
}

/** numpy.linalg.matrix_rank: singular values above S.max() * max(M, N) * eps (or tol). */
export function matrix_rank(x: ArrayLike, opts: { tol?: number } = {}): NDArray | number {
  const options = readOptions('matrix_rank', opts, ['tol', 'hermitian']);
  const a = asarray(x);
  if (a.ndim < 2) return a.values().every((v) => v === 0) ? 0 : 1;
  const st = toStack(a);
  const ranks = st.mats.map((m) => {
    const s = valuesOf(m, st.m, st.n);
    const tol = options.tol ?? (s.length ? s[0] : 0) * Math.max(st.m, st.n) * 2 ** -52;
    return s.filter((v) => v > tol).length;
  });
  if (st.batch.length === 0) return ranks[0];
  return new NDArray(Float64Array.from(ranks), st.batch, 'int64');
}

/**
 * lstsq as numpy's umath_linalg does it: dgelsd on column-major copies, then each column's residual as
 * the sum of squares of the solution buffer's rows n..m-1 (only when the rank is n and m > n).
 */
function lapackLstsq(lp: NonNullable<ReturnType<typeof lapack>>, a: Float64Array, m: number, n: number,
  bv: Float64Array, k: number, rcond: number, vector: boolean): [NDArray, NDArray, number, NDArray] {
  const ldb = Math.max(m, n, 1);
  const fb = new Float64Array(ldb * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < m; i++) fb[j * ldb + i] = bv[i * k + j];
  const s = new Float64Array(Math.min(m, n)), rank = new Int32Array(1);
  if (lp.dgelsd(m, n, k, toColumnMajor(a, m, n), fb, s, rcond, rank) > 0) throw new LinAlgError('SVD did not converge in Linear Least Squares');
  const x = new Float64Array(n * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) x[i * k + j] = fb[j * ldb + i];
  let residuals = new NDArray(new Float64Array(0), [0], 'float64');
  if (rank[0] === n && m > n) {
    const res = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      let acc = 0;
      for (let i = n; i < m; i++) { const v = fb[j * ldb + i]; acc += v * v; }
      res[j] = acc;
    }
    residuals = new NDArray(res, [k], 'float64');
  }
  return [new NDArray(x, vector ? [n] : [n, k], 'float64'), residuals, rank[0], new NDArray(s, [s.length], 'float64')];
}

/** numpy.linalg.lstsq: [x, residuals, rank, s] for a 2-d a and a 1-d or 2-d b. */
export function lstsq(aIn: ArrayLike, bIn: ArrayLike, opts: { rcond?: number | null } = {}): [NDArray, NDArray, number, NDArray] {
  const options = readOptions('lstsq', opts, ['rcond']);
  const st = toStack(aIn);
  const { m, n } = st;
  let b = asarray(bIn);
  if (b.dtype !== 'float64') b = b.astype('float64');
  if (st.batch.length > 0) throw new LinAlgError(`${st.batch.length + 2}-dimensional array given. Array must be two-dimensional`);
  if (b.ndim < 1 || b.ndim > 2) throw new LinAlgError(`${b.ndim}-dimensional array given. Array must be one or two-dimensional`);
  if (b.shape[0] !== m) throw new LinAlgError('Incompatible dimensions');
  const vector = b.ndim === 1;
  const k = vector ? 1 : b.shape[1];
  const rcond = options.rcond ?? 2 ** -52 * Math.max(m, n);
  const lp = lapack();
  if (lp !== null) return lapackLstsq(lp, st.mats[0], m, n, b.values(), k, rcond, vector);
  const p = svdMatrix(st.mats[0], m, n);
  const cutoff = rcond * (p.s.length ? p.s[0] : 0);
  const pi = pseudoInverse(p, m, n, cutoff);
  const bv = b.values(), sol = allocF64(n * k);
  for (let i = 0; i < n; i++) for (let r = 0; r < m; r++) { const w = pi[i * m + r]; for (let j = 0; j < k; j++) sol[i * k + j] += w * bv[r * k + j]; }
  const rank = p.s.filter((v) => v > cutoff).length;
  let residuals = new NDArray(new Float64Array(0), [0], 'float64');
  if (rank === n && m > n) {
    const res = allocF64(k);
    const a = st.mats[0];
    for (let r = 0; r < m; r++) for (let j = 0; j < k; j++) {
      let y = 0;
      for (let i = 0; i < n; i++) y += a[r * n + i] * sol[i * k + j];
      const d = bv[r * k + j] - y;
      res[j] += d * d;
    }
    residuals = new NDArray(res, [k], 'float64');
  }
  const xOut = new NDArray(sol, vector ? [n] : [n, k], 'float64');
  return [xOut, residuals, rank, new NDArray(p.s, [p.s.length], 'float64')];
}
