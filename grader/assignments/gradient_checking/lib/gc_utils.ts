/**
 * The gradient-checking assignment's helpers: flattening the parameter and gradient dictionaries of
 * the 4 → 5 → 3 → 1 network into one column vector (in the order W1, b1, W2, b2, W3, b3) and back.
 */
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';

const PARAM_KEYS = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];
const GRAD_KEYS = ['dW1', 'db1', 'dW2', 'db2', 'dW3', 'db3'];
const SHAPES: [string, number, number][] = [['W1', 5, 4], ['b1', 5, 1], ['W2', 3, 5], ['b2', 3, 1], ['W3', 1, 3], ['b3', 1, 1]];

function stack(d: Params, keys: string[]): NDArray {
  return np.concatenate(keys.map((k) => np.reshape(d[k], [-1, 1])), { axis: 0 });
}

/** All parameters as one (47, 1) column, and the key each row came from. */
export function dictionary_to_vector(parameters: Params): [NDArray, string[]] {
  const keys = PARAM_KEYS.flatMap((k) => Array<string>(parameters[k].size).fill(k));
  return [stack(parameters, PARAM_KEYS), keys];
}

/** The inverse of dictionary_to_vector for this network's shapes. */
export function vector_to_dictionary(theta: NDArray): Params {
  const out: Params = {};
  let start = 0;
  for (const [k, r, c] of SHAPES) {
    out[k] = theta.slice(`${start}:${start + r * c}`).reshape(r, c);
    start += r * c;
  }
  return out;
}

/** The gradients dW1, db1, …, db3 as one column, in the same order as the parameters. */
export function gradients_to_vector(gradients: Params): NDArray {
  return stack(gradients, GRAD_KEYS);
}
