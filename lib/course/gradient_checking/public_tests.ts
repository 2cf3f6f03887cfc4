// Public tests of the gradient-checking assignment; expected values are the course's published outputs.
import { np } from '../../np';
import type { NDArray } from '../../np/ndarray';
import type { Params } from '../common/types';
import { fail, expectNumberClose, runChecks } from '../testing';
import { dictionary_to_vector, gradients_to_vector, vector_to_dictionary } from './gc_utils';
import { forward_propagation_n } from './network';

const isNumber = (x: unknown, what: string): number => {
  if (typeof x !== 'number') fail(`${what} should be a number, got ${typeof x}`);
  return x;
};

export function forward_propagation_test(fn: (x: number, theta: number) => number): void {
  runChecks('forward_propagation', [
    { name: 'J = theta * x for x = 2, theta = 4', run: () => expectNumberClose(isNumber(fn(2, 4), 'J'), 8, 'J') },
    { name: 'J = theta * x for x = -3, theta = 0.5', run: () => expectNumberClose(isNumber(fn(-3, 0.5), 'J'), -1.5, 'J') },
  ]);
}

export function backward_propagation_test(fn: (x: number, theta: number) => number): void {
  runChecks('backward_propagation', [
    { name: 'dtheta = x for x = 2, theta = 4', run: () => expectNumberClose(isNumber(fn(2, 4), 'dtheta'), 2, 'dtheta') },
    { name: 'dtheta = x for x = 5, theta = -1', run: () => expectNumberClose(isNumber(fn(5, -1), 'dtheta'), 5, 'dtheta') },
  ]);
}

export function gradient_check_test(fn: (x: number, theta: number, epsilon?: number, print_msg?: boolean) => number): void {
  runChecks('gradient_check', [
    { name: 'difference for x = 2, theta = 4 is 2.919335883291695e-10', run: () => expectNumberClose(isNumber(fn(2, 4), 'difference'), 2.919335883291695e-10, 'difference', 1e-6) },
    { name: 'difference for x = 3, theta = 4 is 7.814075313343006e-11', run: () => expectNumberClose(isNumber(fn(3, 4), 'difference'), 7.814075313343006e-11, 'difference', 1e-6) },
  ]);
}

/** Reference gradient check on the same inputs, to compare the student's difference with. */
function referenceDifference(parameters: Params, gradients: Params, X: NDArray, Y: NDArray, epsilon: number): number {
  const [values] = dictionary_to_vector(parameters);
  const grad = gradients_to_vector(gradients);
  const n = values.shape[0];
  const approx = np.zeros([n, 1]);
  for (let i = 0; i < n; i++) {
    const plus = values.copy(); plus.set([i], plus.slice(i).add(epsilon));
    const minus = values.copy(); minus.set([i], minus.slice(i).sub(epsilon));
    const [Jp] = forward_propagation_n(X, Y, vector_to_dictionary(plus));
    const [Jm] = forward_propagation_n(X, Y, vector_to_dictionary(minus));
    approx.set([i], (Jp - Jm) / (2 * epsilon));
  }
  const num = np.linalg.norm(grad.sub(approx));
  return num / (np.linalg.norm(grad) + np.linalg.norm(approx));
}

export function gradient_check_n_test(fn: (p: Params, g: Params, X: NDArray, Y: NDArray, epsilon?: number, print_msg?: boolean) => number,
  parameters: Params, gradients: Params, X: NDArray, Y: NDArray): void {
  let got: number | undefined;
  const value = (): number => (got ??= isNumber(fn(parameters, gradients, X, Y, 1e-7, false), 'difference'));
  runChecks('gradient_check_n', [
    { name: 'returns a number', run: () => { value(); } },
    { name: 'the difference matches a reference gradient check on these gradients', run: () => expectNumberClose(value(), referenceDifference(parameters, gradients, X, Y, 1e-7), 'difference', 1e-6) },
  ]);
}
