// The public tests' inputs, drawn with the course's seeds and call order.
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import type { LayerCache, LinearCache } from '../../../../lib/course/common/dnn_utils';

export function linear_forward_test_case(): [NDArray, NDArray, NDArray] {
  np.random.seed(1);
  return [np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)];
}

export function linear_activation_forward_test_case(): [NDArray, NDArray, NDArray] {
  np.random.seed(2);
  return [np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)];
}

/** Seed 6: X (5, 4) and a [5, 4, 3, 1] network. */
export function L_model_forward_test_case_2hidden(): [NDArray, Params] {
  np.random.seed(6);
  const X = np.random.randn(5, 4);
  const p: Params = {};
  for (const [k, r, c] of [['W1', 4, 5], ['b1', 4, 1], ['W2', 3, 4], ['b2', 3, 1], ['W3', 1, 3], ['b3', 1, 1]] as const) p[k] = np.random.randn(r, c);
  return [X, p];
}

export function compute_cost_test_case(): [NDArray, NDArray] {
  return [np.array([[1, 1, 0]]), np.array([[0.8, 0.9, 0.4]])];
}

export function linear_backward_test_case(): [NDArray, LinearCache] {
  np.random.seed(1);
  const dZ = np.random.randn(3, 4);
  const A = np.random.randn(5, 4), W = np.random.randn(3, 5), b = np.random.randn(3, 1);
  return [dZ, [A, W, b]];
}

export function linear_activation_backward_test_case(): [NDArray, LayerCache] {
  np.random.seed(2);
  const dA = np.random.randn(1, 2);
  const A = np.random.randn(3, 2), W = np.random.randn(1, 3), b = np.random.randn(1, 1), Z = np.random.randn(1, 2);
  return [dA, [[A, W, b], Z]];
}

export function L_model_backward_test_case(): [NDArray, NDArray, LayerCache[]] {
  np.random.seed(3);
  const AL = np.random.randn(1, 2);
  const Y = np.array([[1, 0]]);
  const A1 = np.random.randn(4, 2), W1 = np.random.randn(3, 4), b1 = np.random.randn(3, 1), Z1 = np.random.randn(3, 2);
  const A2 = np.random.randn(3, 2), W2 = np.random.randn(1, 3), b2 = np.random.randn(1, 1), Z2 = np.random.randn(1, 2);
  return [AL, Y, [[[A1, W1, b1], Z1], [[A2, W2, b2], Z2]]];
}

export function update_parameters_test_case(): [Params, Params] {
  np.random.seed(2);
  const p: Params = { W1: np.random.randn(3, 4), b1: np.random.randn(3, 1), W2: np.random.randn(1, 3), b2: np.random.randn(1, 1) };
  np.random.seed(3);
  const g: Params = { dW1: np.random.randn(3, 4), db1: np.random.randn(3, 1), dW2: np.random.randn(1, 3), db2: np.random.randn(1, 1) };
  return [p, g];
}
