import { DType, promoteTypes } from './dtype';
import { ArrayLike, Axis, NDArray } from './ndarray';
import { asarray } from './asarray';
import { shapeSize } from './layout';
import { reshape, transpose } from './shape';
import { formatShape, normalizeAxis } from './errors';
import { multiply } from './ufuncs';
import { sum } from './reductions';
import { Mat, gemm, nativeForDot } from './gemm';
import { blasDot, isFContiguous } from './blas_dot';
import { deferredDot, shouldDefer } from './deferred';

/** A 2-D view of an operand (buffer, offset, element strides), read without copying. */
function asMat(a: NDArray, rows: number, cols: number): Mat {
  if (a.ndim === 2) return { data: a.data, off: a.offset, rs: a.strides[0], cs: a.strides[1] };
  if (a.ndim === 1) return rows === 1 ? { data: a.data, off: a.offset, rs: 0, cs: a.strides[0] } : { data: a.data, off: a.offset, rs: a.strides[0], cs: 0 };
  const c = a.isCContiguous ? a : a.copy();
  return { data: c.data, off: c.offset, rs: cols, cs: 1 };
}

function resultType(a: NDArray, b: NDArray): DType {
  const t = promoteTypes(a.dtype, b.dtype);
  return t === 'bool' ? 'bool' : t;
}

function alignError(a: NDArray, b: NDArray, ka: number, kb: number): Error {
  return new Error(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} not aligned: ${ka} (dim ${a.ndim - 1}) != ${kb} (dim ${Math.max(0, b.ndim - 2)})`);
}

/**
 * numpy's dot for the cases the course uses: scalars, 1-D·1-D (a 0-d array), 2-D·2-D, 2-D·1-D,
 * 1-D·2-D, and N-D·1-D / N-D·M-D by numpy's sum-product rule.
 */
export function dot(x: ArrayLike, y: ArrayLike): NDArray {
  const a = asarray(x), b = asarray(y);
  if (a.ndim === 0 || b.ndim === 0) return multiply(a, b);
  const t = resultType(a, b);
  const ka = a.shape[a.ndim - 1];
  const kb = b.ndim === 1 ? b.shape[0] : b.shape[b.ndim - 2];
  if (ka !== kb) throw alignError(a, b, ka, kb);
  if (t === 'float64' && a.dtype === 'float64' && b.dtype === 'float64' && shouldDefer(a, b)) {
    return deferredDot(a, b, (x, y) => dotNow(x, y, 'float64', ka));
  }
  return dotNow(a, b, t, ka);
}

/** dot of validated operands, computed now. */
function dotNow(a: NDArray, b: NDArray, t: DType, ka: number): NDArray {
  if (t === 'float64') {
    // numpy's own BLAS calls when the native addon is there (blas_dot.ts); the kernels below otherwise.
    const blas = nativeForDot();
    if (blas) return blasDot(blas, a.dtype === 'float64' ? a : a.astype('float64'), b.dtype === 'float64' ? b : b.astype('float64'));
  }
  if (b.ndim <= 2) {
    const n = b.ndim === 1 ? 1 : b.shape[1];
    const m = shapeSize(a.shape.slice(0, -1));
    const C = gemm(asMat(a, a.ndim === 1 ? 1 : m, ka), asMat(b, ka, n), m, ka, n);
    const shape = [...a.shape.slice(0, -1), ...(b.ndim === 1 ? [] : [n])];
    return finishBool(new NDArray(C, shape, t));
  }
  // N-D · M-D: sum over a's last axis and b's second-to-last.
  const bt = transpose(b, [...[...Array(b.ndim).keys()].filter((k) => k !== b.ndim - 2), b.ndim - 2]);
  const outer = bt.shape.slice(0, -1);
  const Bmat = transpose(reshape(bt, [-1, ka])).copy();
  const m = shapeSize(a.shape.slice(0, -1)), n = shapeSize(outer);
  const C = gemm(asMat(a, m, ka), asMat(Bmat, ka, n), m, ka, n);
  return finishBool(new NDArray(C, [...a.shape.slice(0, -1), ...outer], t));
}

function finishBool(r: NDArray): NDArray {
  if (r.dtype !== 'bool') return r;
  const v = r.data;
  for (let i = 0; i < v.length; i++) v[i] = v[i] !== 0 ? 1 : 0;
  return r;
}

/** numpy's matmul (the @ operator): no scalars; 1-D operands are promoted and the axis removed. */
export function matmul(x: ArrayLike, y: ArrayLike): NDArray {
  const a = asarray(x), b = asarray(y);
  if (a.ndim === 0 || b.ndim === 0) throw new Error('matmul: Input operand does not have enough dimensions');
  if (a.ndim > 2 || b.ndim > 2) {
    throw new Error(`matmul: stacked (batched) operands are not supported by tsdl; got ${formatShape(a.shape)} @ ${formatShape(b.shape)}`);
  }
  const ka = a.shape[a.ndim - 1], kb = b.shape[0];
  if (ka !== kb) {
    throw new Error(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${kb} is different from ${ka})`);
  }
  return dot(a, b);
}

export function outer(x: ArrayLike, y: ArrayLike): NDArray {
  const a = asarray(x), b = asarray(y);
  return multiply(reshape(a, [-1, 1]), reshape(b, [1, -1]));
}

/** numpy.linalg.norm for ord=None: the 2-norm of the flattened array, or along `axis`. */
export function norm(x: ArrayLike, options: { ord?: number | 'fro' | null; axis?: Axis; keepdims?: boolean } = {}): NDArray | number {
  const a = asarray(x, 'float64');
  const ord = options.ord ?? null;
  if (ord !== null && ord !== 2 && ord !== 'fro') {
    throw new Error(`norm: ord=${String(ord)} is not supported by tsdl (only the 2-norm / Frobenius norm)`);
  }
  const axis = options.axis;
  if (axis === undefined || axis === null) {
    if (ord === 2 && a.ndim === 2) throw new Error('norm: the matrix 2-norm (largest singular value) is not supported by tsdl');
    const r = Math.sqrt(sumOfSquares(a));
    if (!options.keepdims) return r;
    return new NDArray(new Float64Array([r]), a.shape.map(() => 1), 'float64');
  }
  const axes = (typeof axis === 'number' ? [axis] : axis).map((k) => normalizeAxis(k, a.ndim));
  if (axes.length > 2) throw new Error('Improper number of dimensions to norm.');
  const sq = sum(multiply(a, a), { axis: axes, keepdims: options.keepdims }) as NDArray;
  const out = sq.values().map(Math.sqrt);
  return new NDArray(out, sq.shape, 'float64');
}

/**
 * numpy's sqnorm for the flattened array: x.ravel('K').dot(x), a BLAS ddot over the elements in
 * memory order, when the native addon is there; an in-order sum of squares otherwise.
 */
function sumOfSquares(a: NDArray): number {
  const blas = nativeForDot();
  if (blas && a.size > 0) {
    const inMemoryOrder = a.isCContiguous || isFContiguous(a);
    const d = inMemoryOrder ? a.data : a.values(), o = inMemoryOrder ? a.offset : 0;
    return 0 + blas.ddot(a.size, d, o, 1, d, o, 1);
  }
  const v = a.values();
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}
