/**
 * The 3-layer network (LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID) that the
 * initialization, regularization and optimization assignments train, with the same operation
 * order as the course's helper modules so costs round the same way.
 */
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import { pyStr } from '../../np/format/pyfloat';
import { relu, sigmoid } from './activations';
import { ACT_RELU, ACT_SIGMOID, biasAct, crossEntropyF, crossEntropySumF, diffF, reluGradF, rowSumsF, sgdStepF } from './fused';
import type { Params } from './types';

export interface ThreeLayerCache {
  z1: NDArray; a1: NDArray; W1: NDArray; b1: NDArray;
  z2: NDArray; a2: NDArray; W2: NDArray; b2: NDArray;
  z3: NDArray; a3: NDArray; W3: NDArray; b3: NDArray;
}

export function forward_propagation(X: NDArray, parameters: Params): [NDArray, ThreeLayerCache] {
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  // Each layer's bias add and activation run as one loop (fused.ts); the same np ops otherwise.
  const [z1, a1] = linearAct(np.dot(W1, X), b1, ACT_RELU);
  const [z2, a2] = linearAct(np.dot(W2, a1), b2, ACT_RELU);
  const [z3, a3] = linearAct(np.dot(W3, a2), b3, ACT_SIGMOID);
  return [a3, { z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3 }];
}

/** [Z, act(Z)] with Z = D + b, fused when the shapes are the usual (n, m) + (n, 1). */
function linearAct(D: NDArray, b: NDArray, act: typeof ACT_RELU | typeof ACT_SIGMOID): [NDArray, NDArray] {
  const r = biasAct(D, b, act);
  if (r) return r;
  const z = D.add(b);
  return [z, act === ACT_RELU ? relu(z) : sigmoid(z)];
}

export function backward_propagation(X: NDArray, Y: NDArray, cache: ThreeLayerCache): Params {
  const m = X.shape[1];
  const { a1, a2, a3, W2, W3 } = cache;
  const dz3 = diffF(a3, Y, 1 / m) ?? np.multiply(1 / m, a3.sub(Y));
  const dW3 = np.dot(dz3, a2.T);
  const db3 = rowSumsF(dz3, null) ?? np.sum(dz3, { axis: 1, keepdims: true });
  const da2 = np.dot(W3.T, dz3);
  const dz2 = reluGradF(da2, a2) ?? np.multiply(da2, a2.gt(0).astype('int64'));
  const dW2 = np.dot(dz2, a1.T);
  const db2 = rowSumsF(dz2, null) ?? np.sum(dz2, { axis: 1, keepdims: true });
  const da1 = np.dot(W2.T, dz2);
  const dz1 = reluGradF(da1, a1) ?? np.multiply(da1, a1.gt(0).astype('int64'));
  const dW1 = np.dot(dz1, X.T);
  const db1 = rowSumsF(dz1, null) ?? np.sum(dz1, { axis: 1, keepdims: true });
  return { dz3, dW3, db3, da2, dz2, dW2, db2, da1, dz1, dW1, db1 };
}

/** Plain gradient descent: W = W - lr * dW for every layer. */
export function update_parameters(parameters: Params, grads: Params, learning_rate: number): Params {
  const L = Object.keys(parameters).length / 2;
  const out: Params = { ...parameters };
  for (let l = 1; l <= L; l++) {
    out[`W${l}`] = sgdStep(out[`W${l}`], grads[`dW${l}`], learning_rate);
    out[`b${l}`] = sgdStep(out[`b${l}`], grads[`db${l}`], learning_rate);
  }
  return out;
}

/** W - lr * dW: one loop for float64 arrays of the same shape, np's ops otherwise. */
export function sgdStep(W: NDArray, dW: NDArray, learning_rate: number): NDArray {
  return sgdStepF(W, dW, learning_rate) ?? W.sub(np.multiply(learning_rate, dW));
}

/** The elementwise cross-entropy terms; NaN where 0·log(0) occurs (callers use nansum). */
export function cross_entropy_terms(a3: NDArray, Y: NDArray): NDArray {
  return crossEntropyF(a3, Y, false) ?? np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
}

/** The mean cross-entropy cost, 1/m · nansum(...), as the course's compute_loss. */
export function compute_loss(a3: NDArray, Y: NDArray): number {
  const m = Y.shape[1];
  // The fused terms come with NaN already replaced by 0, so summing them (in np.sum's order) adds
  // exactly what nansum would.
  const s = crossEntropySumF(a3, Y, true);
  return (1 / m) * (s ?? np.nansum(cross_entropy_terms(a3, Y)));
}

/** Predicts 0/1 labels (a3 > 0.5), prints "Accuracy: ..." as the course does, returns them (1, m). */
export function predict(X: NDArray, y: NDArray, parameters: Params): NDArray {
  const [a3] = forward_propagation(X, parameters);
  const p = a3.gt(0.5).astype('int64');
  console.log('Accuracy: ' + pyStr(np.mean(p.slice(0, ':').eq(y.slice(0, ':')))));
  return p;
}

/** Boolean predictions for plotting decision boundaries (the course's predict_dec). */
export function predict_dec(parameters: Params, X: NDArray): NDArray {
  const [a3] = forward_propagation(X, parameters);
  return a3.gt(0.5);
}
