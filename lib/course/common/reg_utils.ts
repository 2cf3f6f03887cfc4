/**
 * The regularization assignment's helpers (the course's reg_utils): the [2, 20, 3, 1] network's
 * initialization, forward and backward passes without regularization, and the cost, in the course's
 * operation order.
 */
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import { relu, sigmoid } from './activations';
import { ACT_RELU, ACT_SIGMOID, biasAct, crossEntropySumF, diffF, reluGradF, rowSumsF, scaleF } from './fused';
import type { Params } from './types';

/** (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) */
export type Cache = [NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray];
/** (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) */
export type DropoutCache = [NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray];

/** Seed 3; W = randn(n_l, n_{l-1}) / sqrt(n_{l-1}); b = 0. */
export function initialize_parameters(layer_dims: number[]): Params {
  np.random.seed(3);
  const p: Params = {};
  for (let l = 1; l < layer_dims.length; l++) {
    p['W' + l] = np.random.randn(layer_dims[l], layer_dims[l - 1]).div(Math.sqrt(layer_dims[l - 1]));
    p['b' + l] = np.zeros([layer_dims[l], 1]);
  }
  return p;
}

export function forward_propagation(X: NDArray, parameters: Params): [NDArray, Cache] {
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  // Each layer's bias add and activation run as one loop (common/fused.ts); the same np ops otherwise.
  const [Z1, A1] = linearAct(np.dot(W1, X), b1, ACT_RELU);
  const [Z2, A2] = linearAct(np.dot(W2, A1), b2, ACT_RELU);
  const [Z3, A3] = linearAct(np.dot(W3, A2), b3, ACT_SIGMOID);
  return [A3, [Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3]];
}

/** [Z, act(Z)] with Z = D + b, fused when the shapes are the usual (n, m) + (n, 1). */
function linearAct(D: NDArray, b: NDArray, act: typeof ACT_RELU | typeof ACT_SIGMOID): [NDArray, NDArray] {
  const r = biasAct(D, b, act);
  if (r) return r;
  const Z = D.add(b);
  return [Z, act === ACT_RELU ? relu(Z) : sigmoid(Z)];
}

/** np.multiply(s, X) for X a temporary just computed (np.dot / np.sum), fused in place when float64. */
function scale(s: number, X: NDArray): NDArray {
  return scaleF(s, X) ?? np.multiply(s, X);
}

export function backward_propagation(X: NDArray, Y: NDArray, cache: Cache): Params {
  const m = X.shape[1];
  const [, A1, , , , A2, W2, , , A3, W3] = cache;
  const dZ3 = diffF(A3, Y, null) ?? A3.sub(Y);
  const dW3 = scale(1 / m, np.dot(dZ3, A2.T));
  const db3 = rowSumsF(dZ3, 1 / m) ?? scale(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  const dA2 = np.dot(W3.T, dZ3);
  const dZ2 = reluGradF(dA2, A2) ?? np.multiply(dA2, A2.gt(0).astype('int64'));
  const dW2 = scale(1 / m, np.dot(dZ2, A1.T));
  const db2 = rowSumsF(dZ2, 1 / m) ?? scale(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dA1 = np.dot(W2.T, dZ2);
  const dZ1 = reluGradF(dA1, A1) ?? np.multiply(dA1, A1.gt(0).astype('int64'));
  const dW1 = scale(1 / m, np.dot(dZ1, X.T));
  const db1 = rowSumsF(dZ1, 1 / m) ?? scale(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

/** The mean cross-entropy, 1/m · nansum(...). */
export function compute_cost(a3: NDArray, Y: NDArray): number {
  const m = Y.shape[1];
  // The fused terms come with NaN already replaced by 0, so summing them (in np.sum's order) adds
  // exactly what nansum would.
  const s = crossEntropySumF(a3, Y, true);
  if (s !== null) return (1 / m) * s;
  const logprobs = np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
  return (1 / m) * np.nansum(logprobs);
}
