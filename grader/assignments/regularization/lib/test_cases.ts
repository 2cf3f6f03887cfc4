// The public tests' inputs, drawn with the course's seeds and call order.
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import { forward_propagation } from '../../../../lib/course/common/reg_utils';
import type { DropoutCache } from '../../../../lib/course/common/reg_utils';

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

/**
 * The course's case for backward_propagation_with_dropout: seed 1, X (3, 5), Y, and a fixed cache
 * (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) written out to 8 decimals, as the course
 * does. It is the dropout forward pass of forward_propagation_with_dropout_test_case's network with
 * keep_prob = 0.5; the public test then runs the backward pass with keep_prob = 0.8.
 */
export function backward_propagation_with_dropout_test_case(): [NDArray, NDArray, DropoutCache] {
  np.random.seed(1);
  const X = np.random.randn(3, 5);
  const Y = np.array([[1, 1, 0, 1, 0]]);
  const Z1 = np.array([[-1.52855314, 3.32524635, 2.13994541, 2.60700654, -0.75942115], [-1.98043538, 4.1600994, 0.79051021, 1.46493512, -0.45506242]]);
  const D1 = np.array([[true, false, true, true, true], [true, true, true, true, false]]);
  const A1 = np.array([[0, 0, 4.27989081, 5.21401307, 0], [0, 8.32019881, 1.58102041, 2.92987024, 0]]);
  const W1 = np.array([[-1.09989127, -0.17242821, -0.87785842], [0.04221375, 0.58281521, -1.10061918]]);
  const b1 = np.array([[1.14472371], [0.90159072]]);
  const Z2 = np.array([[0.53035547, 8.02565606, 4.10524802, 5.78975856, 0.53035547], [-0.69166075, -1.71413186, -3.81223329, -4.61667916, -0.69166075], [-0.39675353, -2.62563561, -4.82528105, -6.0607449, -0.39675353]]);
  const D2 = np.array([[true, false, true, false, true], [false, true, false, true, true], [false, false, true, false, false]]);
  const A2 = np.array([[1.06071093, 0, 8.21049603, 0, 1.06071093], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
  const W2 = np.array([[0.50249434, 0.90085595], [-0.68372786, -0.12289023], [-0.93576943, -0.26788808]]);
  const b2 = np.array([[0.53035547], [-0.69166075], [-0.39675353]]);
  const Z3 = np.array([[-0.7415562, -0.0126646, -5.65469333, -0.0126646, -0.7415562]]);
  const A3 = np.array([[0.32266394, 0.49683389, 0.00348883, 0.49683389, 0.32266394]]);
  const W3 = np.array([[-0.6871727, -0.84520564, -0.67124613]]);
  const b3 = np.array([[-0.0126646]]);
  return [X, Y, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]];
}
