// The public tests' inputs, drawn with the course's seeds and call order.
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';

function parameters(): Params {
  return { W1: np.random.randn(2, 3), b1: np.random.randn(2, 1), W2: np.random.randn(3, 3), b2: np.random.randn(3, 1) };
}
function gradients(): Params {
  return { dW1: np.random.randn(2, 3), db1: np.random.randn(2, 1), dW2: np.random.randn(3, 3), db2: np.random.randn(3, 1) };
}
const zerosLike = (p: Params): Params => Object.fromEntries(Object.entries(p).map(([k, v]) => [`d${k}`, np.zeros(v.shape)]));

export function update_parameters_with_gd_test_case(): [Params, Params, number] {
  np.random.seed(1);
  const p = parameters();
  return [p, gradients(), 0.01];
}

/** Seed 1; X (12288, 148), Y = randn(1, 148) < 0.5, mini-batch size 64. */
export function random_mini_batches_test_case(): [NDArray, NDArray, number] {
  np.random.seed(1);
  const X = np.random.randn(12288, 148);
  const Y = np.random.randn(1, 148).lt(0.5);
  return [X, Y, 64];
}

export function initialize_velocity_test_case(): Params {
  np.random.seed(1);
  return parameters();
}

export function update_parameters_with_momentum_test_case(): [Params, Params, Params] {
  np.random.seed(1);
  const p = parameters();
  return [p, gradients(), zerosLike(p)];
}

export const initialize_adam_test_case = initialize_velocity_test_case;

/** t = 2, learning_rate 0.02, beta1 0.8, beta2 0.888, epsilon 0.01 (large values make differences visible). */
export function update_parameters_with_adam_test_case(): [Params, Params, Params, Params, number, number, number, number, number] {
  np.random.seed(1);
  const p = parameters();
  return [p, gradients(), zerosLike(p), zerosLike(p), 2, 0.02, 0.8, 0.888, 1e-2];
}
