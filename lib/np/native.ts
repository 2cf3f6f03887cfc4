/**
 * The optional native addon (native/blas.c, built at install time by scripts/build-native.js):
 * CBLAS on the system's OpenBLAS, the library Debian's numpy links. Loaded once, on first use;
 * anything that stops it (not built, TSDL_NATIVE=0 or TSDL_PURE_JS=1, a runtime that refuses
 * native code such as the grader's permission-model sandbox) leaves products on the WebAssembly /
 * pure TypeScript kernels.
 */
import * as fs from 'fs';
import * as path from 'path';

export const RowMajor = 101, ColMajor = 102;
export const NoTrans = 111, Trans = 112;
export const Upper = 121, Lower = 122;

export interface NativeBlas {
  ddot(n: number, x: Float64Array, xo: number, incx: number, y: Float64Array, yo: number, incy: number): number;
  dgemv(order: number, trans: number, m: number, n: number, A: Float64Array, ao: number, lda: number,
    x: Float64Array, xo: number, incx: number, y: Float64Array, yo: number): void;
  dgemm(order: number, transA: number, transB: number, m: number, n: number, k: number,
    A: Float64Array, ao: number, lda: number, B: Float64Array, bo: number, ldb: number,
    C: Float64Array, co: number, ldc: number): void;
  dsyrk(order: number, uplo: number, trans: number, n: number, k: number, A: Float64Array, ao: number, lda: number,
    C: Float64Array, co: number, ldc: number): void;
  /** out[oo + i] = exp (op 0) or log (op 1) of x[xo + i], i < n, by the C library. */
  map(op: 0 | 1, x: Float64Array, xo: number, n: number, out: Float64Array, oo: number): void;
  /**
   * MT19937 (lib/np/random/mt19937.ts): fills out[start, start + n) with the next n 53-bit doubles
   * from the state key (Int32Array of 624 words, twisted in place) at pos; returns the new pos.
   * Optional: an addon built before native/random.c existed lacks it.
   */
  mtFillDoubles?(key: Int32Array, pos: number, out: Float64Array, start: number, n: number): number;
  /** The same for n legacy gaussians; cache is [has_gauss, gauss], read and updated. */
  mtFillGauss?(key: Int32Array, pos: number, out: Float64Array, start: number, n: number, cache: Float64Array): number;
  /**
   * Element-wise loops (native/ufunc.c): out[r*cols + j] = op(a[ao + r*ars + j*acs], b[bo + r*brs + j*bcs])
   * with p = [ao, ars, acs, bo, brs, bcs, rows, cols]; op indexes NATIVE_BINARY_OPS (lib/np/native_ufunc.ts), then the course's relu loops (lib/course/common/fused.ts).
   * Optional: an addon built before native/ufunc.c existed lacks it.
   */
  ufuncBinary?(op: number, out: Float64Array, a: Float64Array, b: Float64Array, p: Float64Array): void;
  /** out[i] = op(a[ao + i]) for i < n; op indexes NATIVE_UNARY_OPS. */
  ufuncUnary?(op: number, out: Float64Array, a: Float64Array, ao: number, n: number): void;
  /** out[r] = the sum of a[ao + r*run, ao + (r+1)*run) for r < rows, in numpy's order (lib/np/pairwise.ts). */
  sumRows?(out: Float64Array, a: Float64Array, ao: number, run: number, rows: number): void;
  /**
   * LAPACK (native/lapack.c) on column-major matrices, as numpy.linalg calls it; each returns LAPACK's
   * info. Optional: an addon built before native/lapack.c existed lacks them.
   */
  dgetrf?(n: number, a: Float64Array, ipiv: Int32Array): number;
  dgesv?(n: number, nrhs: number, a: Float64Array, ipiv: Int32Array, b: Float64Array): number;
  dsyevd?(n: number, a: Float64Array, w: Float64Array, upper: 0 | 1): number;
  /** job 0: singular values only; 1: thin u and vt; 2: square u and vt. */
  dgesdd?(m: number, n: number, a: Float64Array, s: Float64Array, u: Float64Array, vt: Float64Array, job: 0 | 1 | 2): number;
  dpotrf?(n: number, a: Float64Array): number;
  dgeqrf?(m: number, n: number, a: Float64Array, tau: Float64Array): number;
  dorgqr?(m: number, n: number, k: number, a: Float64Array, tau: Float64Array): number;
  /** b is max(m, n) × nrhs (column-major); the rank comes back in rank[0]. */
  dgelsd?(m: number, n: number, nrhs: number, a: Float64Array, b: Float64Array, s: Float64Array, rcond: number, rank: Int32Array): number;
  setThreads(n: number): void;
  info(): { library: string; corename: string; config: string; threads: number };
}

const ADDON_NAME = 'tsdl_blas.node';

/** build/tsdl_blas.node of the package this file is part of (lib/np/ in sources, dist/ when bundled). */
function findAddon(): string | null {
  let dir = __dirname;
  for (let up = 0; up < 5; up++) {
    const f = path.join(dir, 'build', ADDON_NAME);
    if (fs.existsSync(f)) return f;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

// undefined: not tried yet; null: unavailable (see loadError).
let addon: NativeBlas | null | undefined;
let loadError: string | null = null;

export function nativeBlas(): NativeBlas | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (process.env.TSDL_NATIVE === '0' || process.env.TSDL_PURE_JS === '1') {
    loadError = 'disabled by TSDL_NATIVE=0 or TSDL_PURE_JS=1';
    return addon;
  }
  let file: string | null;
  try {
    file = findAddon();
  } catch (e) {
    // Node's permission model (the grader's sandbox) refuses even the existence check.
    loadError = `cannot look for ${ADDON_NAME}: ${(e as Error).message}`;
    return addon;
  }
  if (!file) {
    loadError = `${ADDON_NAME} not built (npm ci builds it when gcc and libopenblas-dev are present)`;
    return addon;
  }
  try {
    const m = { exports: {} as NativeBlas };
    process.dlopen(m, file);
    addon = m.exports;
  } catch (e) {
    loadError = `${file} could not be loaded: ${(e as Error).message}`;
  }
  return addon;
}

/** Uses an addon loaded elsewhere (the grader's sandbox loads it outside the realm that runs the library), or none. */
export function provideNativeBlas(a: NativeBlas | null, why = 'not provided to this realm'): void {
  addon = a;
  loadError = a ? null : why;
}

/** Why the addon is not in use (null when it is, or has not been tried). */
export function nativeBlasError(): string | null { return loadError; }

let enabled = true;

/** Tests and benches switch the addon off and on (gemm.ts setGemmOptions({ native })). */
export function setNativeEnabled(on: boolean): void { enabled = on; }

/** The addon when it is loaded and switched on, else null. */
export function activeNative(): NativeBlas | null { return enabled ? nativeBlas() : null; }
