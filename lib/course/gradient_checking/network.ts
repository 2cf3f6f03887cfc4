/**
 * The 3-layer network of the gradient-checking assignment (LINEAR → RELU → LINEAR → RELU → LINEAR →
 * SIGMOID), its cost, and the course's test case, with the course's operation order.
 */
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import { relu, sigmoid } from '../common/activations';
import type { Params } from '../common/types';

export type CacheN = [NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray, NDArray];

/** Cost and cache (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3). */
export function forward_propagation_n(X: NDArray, Y: NDArray, parameters: Params): [number, CacheN] {
  const m = X.shape[1];
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const Z1 = np.dot(W1, X).add(b1);
  const A1 = relu(Z1);
  const Z2 = np.dot(W2, A1).add(b2);
  const A2 = relu(Z2);
  const Z3 = np.dot(W3, A2).add(b3);
  const A3 = sigmoid(Z3);
  const logprobs = np.add(np.multiply(np.negative(np.log(A3)), Y), np.multiply(np.negative(np.log(np.subtract(1, A3))), np.subtract(1, Y)));
  const cost = (1 / m) * np.sum(logprobs);
  return [cost, [Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3]];
}

/** The correct backward pass (used to show what a passing gradient check looks like). */
export function backward_propagation_n_reference(X: NDArray, Y: NDArray, cache: CacheN): Params {
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

/** The course's test case: seed 1, X (4, 3), Y = [1, 1, 0], and the network's parameters. */
export function gradient_check_n_test_case(): [NDArray, NDArray, Params] {
  np.random.seed(1);
  const x = np.random.randn(4, 3);
  const y = np.array([1, 1, 0]);
  const W1 = np.random.randn(5, 4);
  const b1 = np.random.randn(5, 1);
  const W2 = np.random.randn(3, 5);
  const b2 = np.random.randn(3, 1);
  const W3 = np.random.randn(1, 3);
  const b3 = np.random.randn(1, 1);
  return [x, y, { W1, b1, W2, b2, W3, b3 }];
}
