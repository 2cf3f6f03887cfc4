/**
 * numpy's float64 `dot` on the native BLAS addon, making the BLAS call numpy makes for each case,
 * so that results carry numpy's own last bits (numpy 1.24, numpy/core/src/common/cblasfuncs.c and
 * the generic N-D sum-product loop):
 *
 * - operands of ≤ 2 dimensions are classed scalar / column / row / matrix by their shape;
 * - a scalar-like operand ((1,), (1,1)) multiplies the other: one product, or `s·x + 0` (daxpy);
 * - row or vector times column: ddot;
 * - matrix times vector or vector times matrix: dgemv on the matrix, copied first unless C- or
 *   F-contiguous, row- or column-major by its layout;
 * - otherwise (including column times row): dgemm, each operand copied unless C- or F-contiguous and
 *   passed transposed when F-contiguous; dsyrk when the operands are one buffer and its transpose;
 * - more than 2 dimensions: one ddot per output element.
 * Negative strides are copied away first, as numpy does. DOUBLE_dot adds each ddot to +0.
 */
import { NDArray } from './ndarray';
import { allocF64, allocF64Uninit } from './alloc';
import { ColMajor, NativeBlas, NoTrans, RowMajor, Trans, Upper } from './native';
import { withBlasThreads } from './gemm';

type Kind = 'scalar' | 'column' | 'row' | 'matrix';

function kind(a: NDArray): Kind {
  if (a.ndim === 0) return 'scalar';
  if (a.ndim === 1) return a.shape[0] > 1 ? 'column' : 'scalar';
  if (a.shape[0] > 1) return a.shape[1] === 1 ? 'column' : 'matrix';
  return a.shape[1] === 1 ? 'scalar' : 'row';
}

/** numpy's F-contiguity flag: strides of size-1 axes do not count; empty arrays are contiguous. */
export function isFContiguous(a: NDArray): boolean {
  let expected = 1;
  for (let k = 0; k < a.ndim; k++) {
    const n = a.shape[k];
    if (n === 0) return true;
    if (n !== 1 && a.strides[k] !== expected) return false;
    expected *= n;
  }
  return true;
}

/** numpy's `_bad_strides`: a negative stride on any axis means a copy before BLAS sees the array. */
function withoutNegativeStrides(a: NDArray): NDArray {
  for (const s of a.strides) if (s < 0) return a.copy();
  return a;
}

/** DOUBLE_dot: BLAS for positive strides, a plain in-order sum otherwise; either way added to +0. */
function dotF64(blas: NativeBlas, n: number, x: Float64Array, xo: number, incx: number, y: Float64Array, yo: number, incy: number): number {
  if (incx > 0 && incy > 0) return 0 + blas.ddot(n, x, xo, incx, y, yo, incy);
  let s = 0;
  for (let i = 0; i < n; i++) s += x[xo + i * incx] * y[yo + i * incy];
  return s;
}

function outShape(a: NDArray, b: NDArray): number[] {
  return [...a.shape.slice(0, -1), ...b.shape.slice(0, Math.max(0, b.ndim - 2)), ...(b.ndim >= 2 ? [b.shape[b.ndim - 1]] : [])];
}

/** a·b for float64 operands whose contracted axes already match (checked by the caller). */
export function blasDot(blas: NativeBlas, a0: NDArray, b0: NDArray): NDArray {
  const shape = outShape(a0, b0);
  let size = 1;
  for (const d of shape) size *= d;
  const k = a0.shape[a0.ndim - 1];
  const ka = kind(a0), kb = kind(b0);
  // dgemm with beta = 0 stores every element of C without reading it (see the addon's tests), so a
  // matrix product's result needs no zero-filling: for W1ᵀ·dZ that is 20 MB per call.
  const matrixProduct = a0.ndim === 2 && b0.ndim === 2 && ((ka === 'matrix' && kb === 'matrix') || (ka === 'column' && kb === 'row'));
  const C = matrixProduct && k > 0 ? allocF64Uninit(size) : allocF64(size);
  if (a0.ndim > 2 || b0.ndim > 2) {
    ndDot(blas, a0, b0, C, k);
    return new NDArray(C, shape, 'float64');
  }
  const a = withoutNegativeStrides(a0), b = withoutNegativeStrides(b0);
  if (size === 0 || k === 0) return new NDArray(C, shape, 'float64');

  if (ka === 'scalar' || kb === 'scalar') {
    // The other operand's elements, in the result's order, times the scalar.
    const [s, x] = ka === 'scalar' ? [a, b] : [b, a];
    const sv = s.data[s.offset];
    const xv = x.values();
    if (size === 1) C[0] = xv[0] * sv;
    else for (let i = 0; i < size; i++) C[i] = sv * xv[i] + 0;
  } else if (kb === 'column' && ka !== 'matrix') {
    const incx = ka === 'row' ? a.strides[1] : a.strides[0];
    C[0] = dotF64(blas, k, a.data, a.offset, incx, b.data, b.offset, b.strides[0]);
  } else if (ka === 'matrix' && kb !== 'matrix') {
    gemv(blas, a, b, b.strides[0], NoTrans, C);
  } else if (ka !== 'matrix' && kb === 'matrix') {
    gemv(blas, b, a, ka === 'row' ? a.strides[1] : a.strides[0], Trans, C);
  } else {
    gemm(blas, a, b, C);
  }
  return new NDArray(C, shape, 'float64');
}

/** y = op(M)·x with M 2-D (copied unless one segment) and x a vector of stride incx. */
function gemv(blas: NativeBlas, m0: NDArray, x: NDArray, incx: number, trans: number, y: Float64Array): void {
  const m = m0.isCContiguous || isFContiguous(m0) ? m0 : m0.copy();
  const rows = m.shape[0], cols = m.shape[1];
  const row = m.isCContiguous;
  const lda = Math.max(row ? cols : rows, 1);
  let xd = x.data, xo = x.offset;
  if (incx <= 0) { xd = x.values(); xo = 0; incx = 1; }
  blas.dgemv(row ? RowMajor : ColMajor, trans, rows, cols, m.data, m.offset, lda, xd, xo, incx, y, 0);
}

function gemm(blas: NativeBlas, a0: NDArray, b0: NDArray, C: Float64Array): void {
  const a = a0.isCContiguous || isFContiguous(a0) ? a0 : a0.copy();
  const b = b0.isCContiguous || isFContiguous(b0) ? b0 : b0.copy();
  const L = a.shape[0], N = b.shape[1], M = b.shape[0];
  const aF = isFContiguous(a), bF = isFContiguous(b);
  const ta = aF ? Trans : NoTrans, tb = bF ? Trans : NoTrans;
  const lda = Math.max(aF ? a.shape[0] : a.shape[1], 1);
  const ldb = Math.max(bF ? b.shape[0] : b.shape[1], 1);
  const ldc = Math.max(N, 1);
  const selfTransposed = a.data === b.data && a.offset === b.offset && a.shape[0] === b.shape[1] && a.shape[1] === b.shape[0]
    && a.strides[0] === b.strides[1] && a.strides[1] === b.strides[0] && ta !== tb;
  if (!selfTransposed) {
    withBlasThreads(blas, () => blas.dgemm(RowMajor, ta, tb, L, N, M, a.data, a.offset, lda, b.data, b.offset, ldb, C, 0, ldc));
    return;
  }
  withBlasThreads(blas, () => {
    if (ta === NoTrans) blas.dsyrk(RowMajor, Upper, ta, N, M, a.data, a.offset, lda, C, 0, ldc);
    else blas.dsyrk(RowMajor, Upper, ta, N, M, b.data, b.offset, ldb, C, 0, ldc);
  });
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) C[j * ldc + i] = C[i * ldc + j];
}

/** The generic N-D sum-product: one DOUBLE_dot per output element, a's rows outer, b's columns inner. */
function ndDot(blas: NativeBlas, a: NDArray, b: NDArray, C: Float64Array, k: number): void {
  const aLast = a.ndim - 1, bAxis = Math.max(0, b.ndim - 2);
  const aOffs = lineOffsets(a, aLast), bOffs = lineOffsets(b, bAxis);
  const ia = a.strides[aLast], ib = b.strides[bAxis];
  let o = 0;
  for (const ao of aOffs) for (const bo of bOffs) C[o++] = dotF64(blas, k, a.data, ao, ia, b.data, bo, ib);
}

/** Start offsets of the lines along `axis`, the other axes in C order. */
function lineOffsets(a: NDArray, axis: number): number[] {
  const dims: number[] = [], strides: number[] = [];
  for (let d = 0; d < a.ndim; d++) if (d !== axis) { dims.push(a.shape[d]); strides.push(a.strides[d]); }
  const out: number[] = [];
  const idx = new Array<number>(dims.length).fill(0);
  let total = 1;
  for (const d of dims) total *= d;
  for (let n = 0; n < total; n++) {
    let off = a.offset;
    for (let d = 0; d < dims.length; d++) off += idx[d] * strides[d];
    out.push(off);
    for (let d = dims.length - 1; d >= 0; d--) { if (++idx[d] < dims[d]) break; idx[d] = 0; }
  }
  return out;
}
