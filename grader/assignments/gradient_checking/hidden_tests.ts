/**
 * Hidden tests for the gradient-checking assignment (1 point per graded function, split over its
 * cases). gradient_check runs with the reference forward/backward functions, gradient_check_n on other
 * seeds' networks and on correct and wrong gradients.
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';
import {
  dictionary_to_vector, forward_propagation_n, gradient_check_n_test_case, gradients_to_vector, vector_to_dictionary,
} from './lib';
import { backward_propagation_n_reference } from './lib/network';

type Params = Record<string, NDArray>;

/** A network, its inputs and correct gradients, drawn after seeding with `seed`. */
function networkCase(seed: number, scaleGrad = 1): [Params, Params, NDArray, NDArray] {
  const [, , p0] = gradient_check_n_test_case();
  np.random.seed(seed);
  const X = np.random.randn(4, 5);
  const Y = np.random.rand(1, 5).gt(0.5).astype('int64');
  const p: Params = {};
  for (const k of Object.keys(p0)) p[k] = np.random.randn(...p0[k].shape).mul(0.5);
  const [, cache] = forward_propagation_n(X, Y, p);
  const g = backward_propagation_n_reference(X, Y, cache);
  if (scaleGrad !== 1) g.dW3 = g.dW3.mul(scaleGrad);
  return [p, g, X, Y];
}

/**
 * gradient_check_n with a known mistake: 'noDenominator' returns ||grad - gradapprox|| without dividing
 * by ||grad|| + ||gradapprox||; 'oneEpsilon' divides J_plus - J_minus by epsilon instead of 2 * epsilon.
 */
function gradientCheckN(p: Params, g: Params, X: NDArray, Y: NDArray, epsilon: number, mistake: 'noDenominator' | 'oneEpsilon'): number {
  const [values] = dictionary_to_vector(p);
  const grad = gradients_to_vector(g);
  const n = values.shape[0];
  const gradapprox = np.zeros([n, 1]);
  for (let i = 0; i < n; i++) {
    const plus = values.copy(); plus.set([i], plus.slice(i).add(epsilon));
    const minus = values.copy(); minus.set([i], minus.slice(i).sub(epsilon));
    const diff = forward_propagation_n(X, Y, vector_to_dictionary(plus))[0] - forward_propagation_n(X, Y, vector_to_dictionary(minus))[0];
    gradapprox.set([i], diff / (mistake === 'oneEpsilon' ? epsilon : 2 * epsilon));
  }
  const numerator = np.linalg.norm(grad.sub(gradapprox));
  return mistake === 'noDenominator' ? numerator : numerator / (np.linalg.norm(grad) + np.linalg.norm(gradapprox));
}
const gcnArgs = (a: unknown[]): [Params, Params, NDArray, NDArray, number] =>
  [a[0] as Params, a[1] as Params, a[2] as NDArray, a[3] as NDArray, (a[4] as number | undefined) ?? 1e-7];

export const tests: HiddenSuite = {
  forward_propagation: {
    points: 1,
    cases: [{ name: 'x=-1.5, theta=3', args: () => [-1.5, 3] }, { name: 'x=0.25, theta=-8', args: () => [0.25, -8] }],
    mistakes: [{ message: 'J = theta * x: multiply theta by x', impl: (x, t) => (x as number) + (t as number),
      plant: { find: 'J = theta * x;', replace: 'J = theta + x;' } }],
  },
  backward_propagation: {
    points: 1,
    cases: [{ name: 'x=-1.5, theta=3', args: () => [-1.5, 3] }, { name: 'x=7, theta=0', args: () => [7, 0] }],
    mistakes: [{ message: 'dJ/dtheta is x, not theta', impl: (_x, t) => t as number,
      plant: { find: 'dtheta = x;', replace: 'dtheta = theta;' } }],
  },
  gradient_check: {
    points: 1,
    callees: ['forward_propagation', 'backward_propagation'],
    // The difference is rounding noise (~1e-10); the course's formula reproduces it exactly, so the
    // comparison is relative only (an absolute tolerance would accept any tiny number).
    cases: [
      { name: 'x=5, theta=-2', args: () => [5, -2], tol: { rtol: 1e-6, atol: 0 } },
      { name: 'x=0.5, theta=10, eps 1e-5', args: () => [0.5, 10, 1e-5], tol: { rtol: 1e-6, atol: 0 } },
    ],
    mistakes: [{ message: 'divide ||grad - gradapprox|| by ||grad|| + ||gradapprox||', impl: (x, t, e = 1e-7) => {
      const ga = ((t as number) + (e as number)) * (x as number) - ((t as number) - (e as number)) * (x as number);
      return Math.abs((x as number) - ga / (2 * (e as number)));
    }, plant: { find: 'difference = numerator / denominator;', replace: 'difference = numerator;' } },
    { message: 'gradapprox is (J_plus - J_minus) / (2 * epsilon): divide by 2 * epsilon', impl: (x, t, e = 1e-7) => {
      const ga = ((t as number) + (e as number)) * (x as number) - ((t as number) - (e as number)) * (x as number);
      return Math.abs((x as number) - ga) / (Math.abs(x as number) + Math.abs(ga));
    }, plant: { find: 'gradapprox = (J_plus - J_minus) / (2 * epsilon);', replace: 'gradapprox = J_plus - J_minus;' } }],
  },
  gradient_check_n: {
    points: 1,
    cases: [
      // With correct gradients the difference is rounding noise (about 1e-7 here): its digits depend on
      // the order of floating-point operations, so it is judged as the course judges it, by threshold.
      { name: 'seed 3 network, correct gradients', args: () => networkCase(3), judge: { below: 2e-7 } },
      { name: 'seed 7 network, dW3 doubled', args: () => networkCase(7, 2) },
      // Correct gradients too: the difference (about 2e-10) is rounding noise, its digits set by the order of
      // operations (2.2e-10 with the default kernels, 1.7e-10 in pure TypeScript), so the same threshold judges it.
      { name: 'seed 11 network, eps 1e-6', args: () => [...networkCase(11), 1e-6], judge: { below: 2e-7 } },
    ],
    mistakes: [
      { message: 'divide ||grad - gradapprox|| by ||grad|| + ||gradapprox||', impl: (...a) => gradientCheckN(...gcnArgs(a), 'noDenominator'),
        plant: { find: 'difference = numerator / denominator;', replace: 'difference = numerator;' } },
      { message: 'gradapprox[i] is (J_plus[i] - J_minus[i]) / (2 * epsilon): divide by 2 * epsilon', impl: (...a) => gradientCheckN(...gcnArgs(a), 'oneEpsilon'),
        plant: { find: '.div(2 * epsilon)', replace: '.div(epsilon)' } },
    ],
  },
};
