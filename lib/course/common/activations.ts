import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';

/** 1 / (1 + exp(-x)), in the course's operation order. */
export function sigmoid(x: NDArray): NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(x))));
}

/** max(0, x) elementwise. */
export function relu(x: NDArray): NDArray {
  return np.maximum(0, x);
}
