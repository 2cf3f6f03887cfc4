/**
 * Fused elementwise loops for the course helpers' hot paths (forward/backward passes, costs and
 * parameter updates). Each function does in one pass over raw Float64Arrays what the helpers write as a
 * chain of numpy-style ops, and gives bit-for-bit the same result: every element goes through the same
 * operations in the same order as the kernels in lib/np/ufuncs.ts (e.g. np.maximum's
 * `(x > y || x !== x) ? x : y`; exp and log through lib/np/exp_log.ts, as np.exp and np.log), so
 * values, -0 and NaN match exactly.
 *
 * Every function handles only the common case (float64 operands of the expected shapes) and
 * returns null otherwise; the caller then runs the original np-op chain, so type promotion,
 * broadcasting and error messages stay numpy's. Sums go through lib/np/pairwise.ts's addRun, exactly
 * as np.sum does for a C-contiguous array (one pairwise run per reduced row), so they round as
 * numpy's; the test (test/course-fused.test.ts) checks them against np.sum itself.
 */
import { allocF64Uninit } from '../../np/alloc';
import { NDArray, sameShape } from '../../np/ndarray';
import { sumOfRun, sumRows } from '../../np/pairwise';
import { expInto, logInto } from '../../np/exp_log';
import { nativeBinary, nativeBinaryCode } from '../../np/native_ufunc';

// The addon's loops (native/ufunc.c) for the larger arrays, where it is loaded; named by the same
// per-element expressions as the TypeScript loops below, so both give the same bits.
const NATIVE_ADD = nativeBinaryCode('x + y');
const NATIVE_MAX = nativeBinaryCode('(x > y || x !== x) ? x : y');
// The addon's course-only loops (native/ufunc.c's RELU_GRAD and RELU_BACK, after np's own codes):
// dA * +(Z > 0) and `Z <= 0 ? 0 : dA`, as reluGradF and reluBackwardF compute them below.
export const NATIVE_RELU_GRAD = 15;
export const NATIVE_RELU_BACK = 16;
const ZERO = new Float64Array(1);

/** The largest |y| for which the integer `1 - y` of an int64 label array is exact (no overflow check fires). */
const SAFE_LABEL = 2 ** 52;

function isF64(x: unknown): x is NDArray {
  return x instanceof NDArray && x.dtype === 'float64';
}

/** The buffer holding x's elements in C order: its own when contiguous, else a C-order copy. */
function buf(x: NDArray): Float64Array { return x.isCContiguous ? x.data : x.values(); }
/** Where x's first element sits in buf(x). */
function off(x: NDArray): number { return x.isCContiguous ? x.offset : 0; }

/**
 * True for an array np.dot/np.sum just returned, which no one else holds: an owning float64 buffer
 * of exactly its elements. Such a temporary may be overwritten with a result of the same dtype and
 * shape instead of allocating another array.
 */
function isFreshF64(x: NDArray): boolean {
  return x.dtype === 'float64' && x.base === null && x.offset === 0 && x.data.length === x.size && x.isCContiguous;
}

/**
 * Labels usable in place of a float64 array: float64, bool (0/1), or int64 whose `1 - y` is exact. The
 * ops promote such labels to float64 against a float64 operand, and np.subtract(1, Y) of int64 or bool
 * labels is an int64 array holding the same numbers the float loop computes (1 - y is never -0).
 */
function labelsOK(Y: unknown): Y is NDArray {
  if (!(Y instanceof NDArray)) return false;
  if (Y.dtype === 'float64' || Y.dtype === 'bool') return true;
  const d = buf(Y), o = off(Y), n = Y.size;
  for (let i = 0; i < n; i++) {
    const y = d[o + i];
    if (!(y <= SAFE_LABEL && y >= -SAFE_LABEL)) return false;
  }
  return true;
}

// ---- activations ---------------------------------------------------------------------------------

/** np.divide(1, np.add(1, np.exp(np.negative(x)))) for float64 x. */
export function sigmoidF(x: NDArray): NDArray | null {
  if (!isF64(x)) return null;
  const n = x.size, xd = buf(x), xo = off(x);
  const out = allocF64Uninit(n);
  for (let i = 0; i < n; i++) out[i] = -xd[xo + i];
  expInto(out, 0, n, out, 0);
  for (let i = 0; i < n; i++) out[i] = 1 / (1 + out[i]);
  return new NDArray(out, x.shape, 'float64');
}

/** np.maximum(0, x) for float64 x: `(0 > v || 0 !== 0) ? 0 : v`. */
export function reluF(x: NDArray): NDArray | null {
  if (!isF64(x)) return null;
  const n = x.size, xd = buf(x), xo = off(x);
  const out = allocF64Uninit(n);
  if (!nativeBinary(NATIVE_MAX, out, ZERO, 0, 0, 0, xd, xo, n, 1, 1, n)) {
    for (let i = 0; i < n; i++) { const v = xd[xo + i]; out[i] = 0 > v ? 0 : v; }
  }
  return new NDArray(out, x.shape, 'float64');
}

export const ACT_NONE = 0, ACT_RELU = 1, ACT_SIGMOID = 2;
export type Act = typeof ACT_NONE | typeof ACT_RELU | typeof ACT_SIGMOID;

/**
 * Z = D.add(b) and A = act(Z) for D = np.dot(W, A_prev) of shape (n, m) and a bias b of shape (n, 1),
 * both float64. Z is written into D when D is a fresh temporary. Returns [Z, A] (A is Z for ACT_NONE),
 * or null for any other case.
 */
export function biasAct(D: NDArray, b: unknown, act: Act): [NDArray, NDArray] | null {
  if (!isF64(D) || !isF64(b) || D.ndim !== 2 || b.ndim !== 2) return null;
  const rows = D.shape[0], cols = D.shape[1];
  if (b.shape[0] !== rows || b.shape[1] !== 1) return null;
  const n = rows * cols;
  const dd = buf(D), dofs = off(D);
  const fresh = isFreshF64(D);
  const zd = fresh ? dd : allocF64Uninit(n);
  const ad = act === ACT_NONE ? zd : allocF64Uninit(n);
  const bd = b.data, bs = b.strides[0];
  if (act !== ACT_SIGMOID && nativeBinary(NATIVE_ADD, zd, dd, dofs, cols, 1, bd, b.offset, bs, 0, rows, cols)) {
    // zd holds Z now (D itself when fresh), so the activation reads Z, never D.
    if (act === ACT_RELU && !nativeBinary(NATIVE_MAX, ad, ZERO, 0, 0, 0, zd, 0, cols, 1, rows, cols)) {
      for (let p = 0; p < n; p++) { const z = zd[p]; ad[p] = 0 > z ? 0 : z; }
    }
    const Z = fresh ? D : new NDArray(zd, D.shape, 'float64');
    return [Z, act === ACT_NONE ? Z : new NDArray(ad, D.shape, 'float64')];
  }
  for (let r = 0, p = 0, bo = b.offset; r < rows; r++, bo += bs) {
    const y = bd[bo];
    const end = p + cols;
    if (act === ACT_RELU) {
      for (; p < end; p++) { const z = dd[dofs + p] + y; zd[p] = z; ad[p] = 0 > z ? 0 : z; }
    } else if (act === ACT_SIGMOID) {
      for (; p < end; p++) { const z = dd[dofs + p] + y; zd[p] = z; ad[p] = -z; }
    } else {
      for (; p < end; p++) zd[p] = dd[dofs + p] + y;
    }
  }
  if (act === ACT_SIGMOID) {
    expInto(ad, 0, n, ad, 0);
    for (let p = 0; p < n; p++) ad[p] = 1 / (1 + ad[p]);
  }
  const Z = fresh ? D : new NDArray(zd, D.shape, 'float64');
  return [Z, act === ACT_NONE ? Z : new NDArray(ad, D.shape, 'float64')];
}

// ---- backward passes -----------------------------------------------------------------------------

/**
 * a.sub(Y) (scale === null) or np.multiply(scale, a.sub(Y)), for float64 a and labels Y of a's shape:
 * per element `a - y`, then `scale * (a - y)`.
 */
export function diffF(a: unknown, Y: unknown, scale: number | null): NDArray | null {
  if (!isF64(a) || !labelsOK(Y) || !sameShape(a.shape, Y.shape)) return null;
  const n = a.size, ad = buf(a), ao = off(a), yd = buf(Y), yo = off(Y);
  const out = allocF64Uninit(n);
  if (scale === null) for (let i = 0; i < n; i++) out[i] = ad[ao + i] - yd[yo + i];
  else for (let i = 0; i < n; i++) out[i] = scale * (ad[ao + i] - yd[yo + i]);
  return new NDArray(out, a.shape, 'float64');
}

/** np.multiply(da, a.gt(0).astype('int64')) for float64 da and a of the same shape: `da * (a > 0 ? 1 : 0)`. */
export function reluGradF(da: unknown, a: unknown): NDArray | null {
  if (!isF64(da) || !isF64(a) || !sameShape(da.shape, a.shape)) return null;
  const n = da.size, dd = buf(da), dof = off(da), xd = buf(a), xo = off(a);
  const out = allocF64Uninit(n);
  // +(a > 0) is the 1/0 of the ternary without a branch (a's signs are random).
  if (!nativeBinary(NATIVE_RELU_GRAD, out, dd, dof, n, 1, xd, xo, n, 1, 1, n)) {
    for (let i = 0; i < n; i++) out[i] = dd[dof + i] * +(xd[xo + i] > 0);
  }
  return new NDArray(out, da.shape, 'float64');
}

/** dnn_utils.relu_backward (a copy of dA with 0 where Z <= 0) for float64 dA and Z of the same shape. */
export function reluBackwardF(dA: unknown, Z: unknown): NDArray | null {
  if (!isF64(dA) || !isF64(Z) || !sameShape(dA.shape, Z.shape)) return null;
  const n = dA.size, dd = buf(dA), dof = off(dA), zd = buf(Z), zo = off(Z);
  const out = allocF64Uninit(n);
  if (!nativeBinary(NATIVE_RELU_BACK, out, dd, dof, n, 1, zd, zo, n, 1, 1, n)) {
    for (let i = 0; i < n; i++) out[i] = zd[zo + i] <= 0 ? 0 : dd[dof + i];
  }
  return new NDArray(out, dA.shape, 'float64');
}

/** dnn_utils.sigmoid_backward: s = 1 / (1 + exp(-z)); `(da * s) * (1 - s)`, float64 dA and Z of the same shape. */
export function sigmoidBackwardF(dA: unknown, Z: unknown): NDArray | null {
  if (!isF64(dA) || !isF64(Z) || !sameShape(dA.shape, Z.shape)) return null;
  const n = dA.size, dd = buf(dA), dof = off(dA), zd = buf(Z), zo = off(Z);
  const out = allocF64Uninit(n);
  for (let i = 0; i < n; i++) out[i] = -zd[zo + i];
  expInto(out, 0, n, out, 0);
  for (let i = 0; i < n; i++) {
    const s = 1 / (1 + out[i]);
    out[i] = (dd[dof + i] * s) * (1 - s);
  }
  return new NDArray(out, dA.shape, 'float64');
}

/**
 * The cross-entropy gradient of L_model_backward, np.negative(np.subtract(np.divide(Y, AL),
 * np.divide(np.subtract(1, Y), np.subtract(1, AL)))): `-((y / a) - ((1 - y) / (1 - a)))`.
 */
export function dALF(AL: unknown, Y: unknown): NDArray | null {
  if (!isF64(AL) || !labelsOK(Y) || !sameShape(AL.shape, Y.shape)) return null;
  const n = AL.size, ad = buf(AL), ao = off(AL), yd = buf(Y), yo = off(Y);
  const out = allocF64Uninit(n);
  for (let i = 0; i < n; i++) {
    const a = ad[ao + i], y = yd[yo + i];
    out[i] = -((y / a) - ((1 - y) / (1 - a)));
  }
  return new NDArray(out, AL.shape, 'float64');
}

/**
 * np.multiply(s, X) for float64 X: `s * x`, written into X when X is a fresh temporary (the result of
 * np.dot or np.sum the caller just computed), else into a new array.
 */
export function scaleF(s: number, X: NDArray): NDArray | null {
  if (typeof s !== 'number' || !isF64(X)) return null;
  const n = X.size;
  if (isFreshF64(X)) {
    const d = X.data;
    for (let i = 0; i < n; i++) d[i] = s * d[i];
    return X;
  }
  const xd = buf(X), xo = off(X);
  const out = allocF64Uninit(n);
  for (let i = 0; i < n; i++) out[i] = s * xd[xo + i];
  return new NDArray(out, X.shape, 'float64');
}

/** W.sub(np.multiply(lr, dW)) for float64 W and dW of the same shape: `w - lr * dw`. */
export function sgdStepF(W: unknown, dW: unknown, lr: unknown): NDArray | null {
  if (typeof lr !== 'number' || !isF64(W) || !isF64(dW) || !sameShape(W.shape, dW.shape)) return null;
  const n = W.size, wd = buf(W), wo = off(W), gd = buf(dW), go = off(dW);
  const out = allocF64Uninit(n);
  for (let i = 0; i < n; i++) out[i] = wd[wo + i] - lr * gd[go + i];
  return new NDArray(out, W.shape, 'float64');
}

// ---- sums ----------------------------------------------------------------------------------------

/**
 * np.sum(X, { axis: 1, keepdims: true }) for a C-contiguous float64 (n, m) X, times `scale` unless it is
 * null (np.multiply(scale, np.sum(...))). np.sum reduces each row of such an X as one run starting from
 * 0, addRun(0, row), which is what this does; other layouts (reduced in another order) fall back.
 */
export function rowSumsF(X: NDArray, scale: number | null): NDArray | null {
  if (!isF64(X) || X.ndim !== 2 || !X.isCContiguous) return null;
  const rows = X.shape[0], cols = X.shape[1];
  const d = X.data, o = X.offset;
  const out = allocF64Uninit(rows);
  sumRows(out, d, o, cols, rows);
  if (scale !== null) for (let r = 0; r < rows; r++) out[r] = scale * out[r];
  return new NDArray(out, [rows, 1], 'float64');
}

/** np.sum(x) of a C-contiguous float64 array with no axis: one pairwise run over all elements. */
export function sumAllF(x: NDArray): number | null {
  if (!isF64(x) || !x.isCContiguous) return null;
  return sumOfRun(x.data, x.offset, x.size);
}

// ---- costs ---------------------------------------------------------------------------------------

/**
 * The cross-entropy terms np.add(np.multiply(np.negative(np.log(a3)), Y),
 * np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y))):
 * `(-log(a)) * y + (-log(1 - a)) * (1 - y)`; with nanToZero, NaN terms become 0 (as nansum
 * does before it sums). float64 a3, labels Y of a3's shape.
 */
export function crossEntropyF(a3: unknown, Y: unknown, nanToZero: boolean): NDArray | null {
  if (!isF64(a3) || !labelsOK(Y) || !sameShape(a3.shape, Y.shape)) return null;
  const n = a3.size, ad = buf(a3), ao = off(a3), yd = buf(Y), yo = off(Y);
  const out = allocF64Uninit(n);
  crossEntropyTerms(ad, ao, yd, yo, n, out, nanToZero);
  return new NDArray(out, a3.shape, 'float64');
}

let ceScratch = new Float64Array(0);
let log1mScratch = new Float64Array(0);

/** out[i] = (-log(a)) * y + (-log(1 - a)) * (1 - y), NaN → 0 if nanToZero; the logs as np.log's (exp_log.ts). */
function crossEntropyTerms(ad: Float64Array, ao: number, yd: Float64Array, yo: number, n: number, out: Float64Array, nanToZero: boolean): void {
  if (log1mScratch.length < n) log1mScratch = new Float64Array(n);
  const l1m = log1mScratch;
  for (let i = 0; i < n; i++) l1m[i] = 1 - ad[ao + i];
  logInto(l1m, 0, n, l1m, 0);
  logInto(ad, ao, n, out, 0);
  for (let i = 0; i < n; i++) {
    const y = yd[yo + i];
    const t = (-out[i]) * y + (-l1m[i]) * (1 - y);
    out[i] = nanToZero && t !== t ? 0 : t;
  }
}

/**
 * sumAllF(crossEntropyF(a3, Y, nanToZero)) without keeping the terms: they go to a scratch buffer that
 * no array ever sees, and are summed from there in the same pairwise order. null when crossEntropyF is.
 */
export function crossEntropySumF(a3: unknown, Y: unknown, nanToZero: boolean): number | null {
  if (!isF64(a3) || !labelsOK(Y) || !sameShape(a3.shape, Y.shape)) return null;
  const n = a3.size, ad = buf(a3), ao = off(a3), yd = buf(Y), yo = off(Y);
  if (ceScratch.length < n) ceScratch = new Float64Array(n);
  crossEntropyTerms(ad, ao, yd, yo, n, ceScratch, nanToZero);
  return sumOfRun(ceScratch, 0, n);
}

/** np.log(np.subtract(1, a)) for float64 a: `log(1 - a)`. */
export function log1mF(a: unknown): NDArray | null {
  if (!isF64(a)) return null;
  const n = a.size, ad = buf(a), ao = off(a);
  const out = allocF64Uninit(n);
  for (let i = 0; i < n; i++) out[i] = 1 - ad[ao + i];
  logInto(out, 0, n, out, 0);
  return new NDArray(out, a.shape, 'float64');
}
