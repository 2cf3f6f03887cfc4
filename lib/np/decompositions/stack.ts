// Stacks of matrices (..., M, N) as numpy.linalg sees them: each matrix as a row-major copy.
import { allocF64Uninit } from '../alloc';
import { asarray } from '../asarray';
import { normalizeAxis } from '../errors';
import { ArrayLike, NDArray } from '../ndarray';
import { shapeSize } from '../layout';
import { transpose } from '../shape';

/** numpy.linalg's LinAlgError. */
export class LinAlgError extends Error {
  constructor(message: string) { super(message); this.name = 'LinAlgError'; }
}

export interface Stack { batch: number[]; m: number; n: number; mats: Float64Array[] }

export function assertAtLeast2d(a: NDArray): void {
  if (a.ndim < 2) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
}


/** The float64 matrices of a (..., M, N) array, one row-major copy each. */
export function toStack(x: ArrayLike): Stack {
  let a = asarray(x);
  if (a.dtype !== 'float64') a = a.astype('float64');
  assertAtLeast2d(a);
  const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1];
  const batch = a.shape.slice(0, -2);
  const v = a.values(), mats: Float64Array[] = [];
  for (let i = 0; i < shapeSize(batch); i++) mats.push(v.slice(i * m * n, (i + 1) * m * n));
  return { batch, m, n, mats };
}

/** toStack for the functions that need square matrices (numpy's _assert_stacked_square). */
export function squareStack(x: ArrayLike): Stack {
  const st = toStack(x);
  if (st.m !== st.n) throw new LinAlgError('Last 2 dimensions of the array must be square');
  return st;
}

/** Matrices of rows × cols each, stacked over `batch`, as one array. */
export function fromStack(batch: number[], rows: number, cols: number, mats: Float64Array[]): NDArray {
  const out = allocF64Uninit(mats.length * rows * cols);
  mats.forEach((m, i) => out.set(m, i * rows * cols));
  return new NDArray(out, [...batch, rows, cols], 'float64');
}

/** Vectors of length len each, stacked over `batch`. */
export function fromVectors(batch: number[], len: number, vecs: Float64Array[]): NDArray {
  const out = allocF64Uninit(vecs.length * len);
  vecs.forEach((v, i) => out.set(v, i * len));
  return new NDArray(out, [...batch, len], 'float64');
}

/** A view with axes row and col moved to the end (as numpy's moveaxis(x, (row, col), (-2, -1))). */
export function moveaxisView(a: NDArray, row: number, col: number): NDArray {
  const r = normalizeAxis(row, a.ndim), c = normalizeAxis(col, a.ndim);
  const perm = [...a.shape.keys()].filter((k) => k !== r && k !== c);
  return transpose(a, [...perm, r, c]);
}
