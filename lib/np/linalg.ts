import { DType, promoteTypes } from './dtype';
import { ArrayLike, Axis, NDArray } from './ndarray';
import { asarray } from './asarray';
import { allocF64Uninit } from './alloc';
import { broadcastShapes, broadcastTo } from './broadcast';
import { shapeSize } from './layout';
import { reshape, transpose } from './shape';
import { ValueError, formatShape, normalizeAxis } from './errors';
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
  return new ValueError(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} not aligned: ${ka} (dim ${a.ndim - 1}) != ${kb} (dim ${Math.max(0, b.ndim - 2)})`);
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
  const sig = '(n?,k),(k,m?)->(n?,m?)';
  if (a.ndim === 0 || b.ndim === 0) {
    const [i, x] = a.ndim === 0 ? [0, a] : [1, b];
    throw new ValueError(`matmul: Input operand ${i} does not have enough dimensions (has ${x.ndim}, gufunc core with signature ${sig} requires 1)`);
  }
  const ka = a.shape[a.ndim - 1], kb = b.ndim === 1 ? b.shape[0] : b.shape[b.ndim - 2];
  if (ka !== kb) {
    throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${kb} is different from ${ka})`);
  }
  if (a.ndim <= 2 && b.ndim <= 2) return dot(a, b);
  return stackedMatmul(a, b);
}

/** matmul of stacks of matrices: the leading axes broadcast, each pair of matrices goes through dot. */
function stackedMatmul(a: NDArray, b: NDArray): NDArray {
  const A = a.ndim === 1 ? reshape(a, [1, a.shape[0]]) : a;
  const B = b.ndim === 1 ? reshape(b, [b.shape[0], 1]) : b;
  const n = A.shape[A.ndim - 2], m = B.shape[B.ndim - 1];
  let batch: number[];
  try {
    batch = broadcastShapes(A.shape.slice(0, -2), B.shape.slice(0, -2));
  } catch {
    const remap = (x: NDArray): string => `${formatShape(x.shape)}->(${[...x.shape.slice(0, -2), 'newaxis', 'newaxis'].join(',')})`;
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${remap(A)} ${remap(B)}  and requested shape (${n},${m})`);
  }
  const Ab = broadcastTo(A, [...batch, n, A.shape[A.ndim - 1]]), Bb = broadcastTo(B, [...batch, B.shape[B.ndim - 2], m]);
  const count = shapeSize(batch), t = resultType(a, b);
  const out = allocF64Uninit(count * n * m);
  const matrixAt = (x: NDArray, i: number): NDArray => {
    let off = x.offset, r = i;
    for (let k = batch.length - 1; k >= 0; k--) { off += (r % batch[k]) * x.strides[k]; r = Math.floor(r / batch[k]); }
    return new NDArray(x.data, x.shape.slice(-2), x.dtype, x.strides.slice(-2), off, x.base ?? x);
  };
  for (let i = 0; i < count; i++) out.set(dot(matrixAt(Ab, i), matrixAt(Bb, i)).values(), i * n * m);
  const shape = [...batch, ...(a.ndim === 1 ? [] : [n]), ...(b.ndim === 1 ? [] : [m])];
  return new NDArray(out, shape, t);
}

export function outer(x: ArrayLike, y: ArrayLike): NDArray {
  const a = asarray(x), b = asarray(y);
  return multiply(reshape(a, [-1, 1]), reshape(b, [1, -1]));
}

/**
 * numpy's sqnorm for the flattened array: x.ravel('K').dot(x), a BLAS ddot over the elements in
 * memory order, when the native addon is there; an in-order sum of squares otherwise.
 */
export function sumOfSquares(a: NDArray): number {
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
