// The public tests' inputs, drawn with the course's seeds and call order.
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import type { Params } from '../common/types';
import { forward_propagation } from './reg_utils';

function params(): Params {
  const p: Params = {};
  for (const [k, r, c] of [['W1', 2, 3], ['b1', 2, 1], ['W2', 3, 2], ['b2', 3, 1], ['W3', 1, 3], ['b3', 1, 1]] as const) p[k] = np.random.randn(r, c);
  return p;
}

export function compute_cost_with_regularization_test_case(): [NDArray, NDArray, Params] {
  np.random.seed(1);
  const Y = np.array([[1, 1, 0, 1, 0]]);
  const p = params();
  const a3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]]);
  return [a3, Y, p];
}

export function forward_propagation_with_dropout_test_case(): [NDArray, Params] {
  np.random.seed(1);
  const X = np.random.randn(3, 5);
  return [X, params()];
}

export function backward_propagation_with_regularization_test_case(): [NDArray, NDArray, ReturnType<typeof forward_propagation>[1]] {
  const [X, p] = forward_propagation_with_dropout_test_case();
  const Y = np.array([[1, 1, 0, 1, 0]]);
  return [X, Y, forward_propagation(X, p)[1]];
}
