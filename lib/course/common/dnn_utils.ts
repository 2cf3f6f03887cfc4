/**
 * The course's dnn_utils: activations that also return their cache (Z), and their backward passes,
 * in the course's operation order.
 */
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';

export type LinearCache = [NDArray, NDArray, NDArray];
export type ActivationCache = NDArray;
export type LayerCache = [LinearCache, ActivationCache];

export function sigmoid(Z: NDArray): [NDArray, ActivationCache] {
  return [np.divide(1, np.add(1, np.exp(np.negative(Z)))), Z];
}

export function relu(Z: NDArray): [NDArray, ActivationCache] {
  return [np.maximum(0, Z), Z];
}

/** dZ = dA where Z > 0, else 0. */
export function relu_backward(dA: NDArray, cache: ActivationCache): NDArray {
  const dZ = np.array(dA);
  dZ.set([cache.le(0)], 0);
  return dZ;
}

/** dZ = dA · s · (1 − s) with s = sigmoid(Z). */
export function sigmoid_backward(dA: NDArray, cache: ActivationCache): NDArray {
  const s = np.divide(1, np.add(1, np.exp(np.negative(cache))));
  return dA.mul(s).mul(np.subtract(1, s));
}
