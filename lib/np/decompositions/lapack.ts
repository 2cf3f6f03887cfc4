// numpy.linalg's LAPACK calls through the native addon (native/lapack.c), on the column-major copies
// numpy's umath_linalg makes; null when the addon (or its LAPACK part) is not loaded.
import { activeNative } from '../native';

const ROUTINES = ['dgetrf', 'dgesv', 'dsyevd', 'dgesdd', 'dpotrf', 'dgeqrf', 'dorgqr', 'dgelsd'] as const;
type Lapack = Required<Pick<import('../native').NativeBlas, typeof ROUTINES[number]>>;

export function lapack(): Lapack | null {
  const nat = activeNative();
  return nat && ROUTINES.every((r) => typeof nat[r] === 'function') ? nat as unknown as Lapack : null;
}

/** The column-major copy of a row-major m × n matrix (what LAPACK reads). */
export function toColumnMajor(a: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = a[i * n + j];
  return out;
}

/** The row-major copy of a column-major m × n matrix: the column-major copy of its row-major n × m reading. */
export function toRowMajor(a: Float64Array, m: number, n: number): Float64Array {
  return toColumnMajor(a, n, m);
}
