import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import { reluF, sigmoidF } from './fused';

/** 1 / (1 + exp(-x)), in the course's operation order. */
export function sigmoid(x: NDArray): NDArray {
  // One fused loop for float64 input; np's ops (and their promotion and errors) otherwise.
  return sigmoidF(x) ?? np.divide(1, np.add(1, np.exp(np.negative(x))));
}

/** max(0, x) elementwise. */
export function relu(x: NDArray): NDArray {
  return reluF(x) ?? np.maximum(0, x);
}
