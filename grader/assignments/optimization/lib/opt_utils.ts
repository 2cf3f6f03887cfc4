/**
 * The optimization assignment's helpers (the course's opt_utils): He-scaled initialization, the
 * summed cross-entropy cost, and the moons dataset. The 3-layer forward/backward passes are the
 * shared ones (lib/course/common/three_layer.ts), which follow the same operation order.
 */
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import { load_moons_dataset } from '../../../../lib/datasets';
import type { Params } from '../../../../lib/course/common/types';
import { crossEntropySumF } from '../../../../lib/course/common/fused';

/** Seed 3; W = randn(n_l, n_{l-1}) * sqrt(2 / n_{l-1}); b = 0. */
export function initialize_parameters(layer_dims: number[]): Params {
  np.random.seed(3);
  const p: Params = {};
  for (let l = 1; l < layer_dims.length; l++) {
    p['W' + l] = np.random.randn(layer_dims[l], layer_dims[l - 1]).mul(Math.sqrt(2 / layer_dims[l - 1]));
    p['b' + l] = np.zeros([layer_dims[l], 1]);
  }
  return p;
}

/** The cross-entropy summed over the examples (the model divides by m once per epoch). */
export function compute_cost(a3: NDArray, Y: NDArray): number {
  const fused = crossEntropySumF(a3, Y, false);
  if (fused !== null) return fused;
  const logprobs = np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
  return np.sum(logprobs);
}

/** The two-moons dataset: 300 points, noise 0.2, seed 3; X (2, 300), Y (1, 300). */
export function load_dataset(): { train_X: NDArray; train_Y: NDArray } {
  return load_moons_dataset();
}
