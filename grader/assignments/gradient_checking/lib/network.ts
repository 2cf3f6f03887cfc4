/**
 * The 3-layer network of the gradient-checking assignment (LINEAR → RELU → LINEAR → RELU → LINEAR →
 * SIGMOID), its cost, and the course's test case, with the course's operation order.
 */
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import { forward_propagation } from '../../../../lib/course/common/reg_utils';
import type { Params } from '../../../../lib/course/common/types';

export type { Cache as CacheN } from '../../../../lib/course/common/reg_utils';
import type { Cache as CacheN } from '../../../../lib/course/common/reg_utils';

/** Cost and cache (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3); the cost uses np.sum, as the course's gc_utils. */
export function forward_propagation_n(X: NDArray, Y: NDArray, parameters: Params): [number, CacheN] {
  const m = X.shape[1];
  const [A3, cache] = forward_propagation(X, parameters);
  const logprobs = np.add(np.multiply(np.negative(np.log(A3)), Y), np.multiply(np.negative(np.log(np.subtract(1, A3))), np.subtract(1, Y)));
  return [(1 / m) * np.sum(logprobs), cache];
}

/** The correct backward pass (the course's reg_utils order), to show a passing gradient check. */
export { backward_propagation as backward_propagation_n_reference } from '../../../../lib/course/common/reg_utils';

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
