/**
 * The regularization assignment's helpers (the course's reg_utils): the [2, 20, 3, 1] network's
 * initialization, forward and backward passes without regularization, and the cost, in the course's
 * operation order.
 */
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import { relu, sigmoid } from '../common/activations';
import type { Params } from '../common/types';

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
  const Z1 = np.dot(W1, X).add(b1);
  const A1 = relu(Z1);
  const Z2 = np.dot(W2, A1).add(b2);
  const A2 = relu(Z2);
  const Z3 = np.dot(W3, A2).add(b3);
  const A3 = sigmoid(Z3);
  return [A3, [Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3]];
}

export function backward_propagation(X: NDArray, Y: NDArray, cache: Cache): Params {
  const m = X.shape[1];
  const [, A1, , , , A2, W2, , , A3, W3] = cache;
  const dZ3 = A3.sub(Y);
  const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T));
  const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  const dA2 = np.dot(W3.T, dZ3);
  const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dA1 = np.dot(W2.T, dZ2);
  const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64'));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

/** The mean cross-entropy, 1/m · nansum(...). */
export function compute_cost(a3: NDArray, Y: NDArray): number {
  const m = Y.shape[1];
  const logprobs = np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
  return (1 / m) * np.nansum(logprobs);
}
