/**
 * The pure TypeScript matrix products C = A·B (m×k by k×n) on strided operands. Every C[i,j] is
 * accumulated over p in order 0..k-1 from +0, whichever loop runs, so results do not depend on the
 * shapes' layout. The loops only differ in memory traffic: rows of B streamed once while C stays in
 * cache (small C), four rows of A sharing each load of B (large C), or four independent dot products
 * sharing each load when B is read down its columns (e.g. dZ·Xᵀ). The wasm path (../gemm.ts) must
 * give the same bits; see README.md.
 */
export interface Mat { data: Float64Array; off: number; rs: number; cs: number }

const SMALL_C = 1 << 16;

export function gemmPure(A: Mat, B: Mat, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  if (m === 0 || n === 0 || k === 0) return C;
  if (B.cs === 1) {
    if (m * n <= SMALL_C) rowsStreamed(A, B, C, m, k, n);
    else fourRowsAtATime(A, B, C, m, k, n);
  } else {
    dotProducts(A, B, C, m, k, n);
  }
  return C;
}

/** p outermost: B's row p is read once for every row of C (C small enough to stay in cache). */
function rowsStreamed(A: Mat, B: Mat, C: Float64Array, m: number, k: number, n: number): void {
  const ad = A.data, bd = B.data, ars = A.rs, acs = A.cs;
  for (let p = 0; p < k; p++) {
    const bp = B.off + p * B.rs;
    const ap = A.off + p * acs;
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      const a0 = ad[ap + i * ars], a1 = ad[ap + (i + 1) * ars], a2 = ad[ap + (i + 2) * ars], a3 = ad[ap + (i + 3) * ars];
      const c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
      for (let j = 0; j < n; j++) {
        const b = bd[bp + j];
        C[c0 + j] += a0 * b; C[c1 + j] += a1 * b; C[c2 + j] += a2 * b; C[c3 + j] += a3 * b;
      }
    }
    for (; i < m; i++) {
      const a = ad[ap + i * ars], c = i * n;
      for (let j = 0; j < n; j++) C[c + j] += a * bd[bp + j];
    }
  }
}

/** Blocks of four rows of A: each load of B feeds four rows of C. */
function fourRowsAtATime(A: Mat, B: Mat, C: Float64Array, m: number, k: number, n: number): void {
  const ad = A.data, bd = B.data, ars = A.rs, acs = A.cs;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
    const r0 = A.off + i * ars, r1 = r0 + ars, r2 = r1 + ars, r3 = r2 + ars;
    for (let p = 0; p < k; p++) {
      const a0 = ad[r0 + p * acs], a1 = ad[r1 + p * acs], a2 = ad[r2 + p * acs], a3 = ad[r3 + p * acs];
      const bp = B.off + p * B.rs;
      for (let j = 0; j < n; j++) {
        const b = bd[bp + j];
        C[c0 + j] += a0 * b; C[c1 + j] += a1 * b; C[c2 + j] += a2 * b; C[c3 + j] += a3 * b;
      }
    }
  }
  for (; i < m; i++) {
    const c = i * n, r = A.off + i * ars;
    for (let p = 0; p < k; p++) {
      const a = ad[r + p * acs], bp = B.off + p * B.rs;
      for (let j = 0; j < n; j++) C[c + j] += a * bd[bp + j];
    }
  }
}

/** C[i,j] as dot products of A's row i and B's column j, four rows of A per column of B. */
function dotProducts(A: Mat, B: Mat, C: Float64Array, m: number, k: number, n: number): void {
  const ad = A.data, bd = B.data, ars = A.rs, acs = A.cs, brs = B.rs;
  for (let j = 0; j < n; j++) {
    const bj = B.off + j * B.cs;
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      const r0 = A.off + i * ars, r1 = r0 + ars, r2 = r1 + ars, r3 = r2 + ars;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < k; p++) {
        const b = bd[bj + p * brs], o = p * acs;
        s0 += ad[r0 + o] * b; s1 += ad[r1 + o] * b; s2 += ad[r2 + o] * b; s3 += ad[r3 + o] * b;
      }
      C[i * n + j] = s0; C[(i + 1) * n + j] = s1; C[(i + 2) * n + j] = s2; C[(i + 3) * n + j] = s3;
    }
    for (; i < m; i++) {
      const r = A.off + i * ars;
      let s = 0;
      for (let p = 0; p < k; p++) s += ad[r + p * acs] * bd[bj + p * brs];
      C[i * n + j] = s;
    }
  }
}
