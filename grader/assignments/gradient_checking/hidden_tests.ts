/**
 * Hidden tests for the gradient-checking assignment (1 point per graded function, split over its
 * cases). gradient_check runs with the reference forward/backward functions, gradient_check_n on other
 * seeds' networks and on correct and wrong gradients.
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';
import { forward_propagation_n, gradient_check_n_test_case } from '../../../lib/course/gradient_checking';
import { backward_propagation_n_reference } from '../../../lib/course/gradient_checking/network';

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

export const tests: HiddenSuite = {
  forward_propagation: {
    points: 1,
    cases: [{ name: 'x=-1.5, theta=3', args: () => [-1.5, 3] }, { name: 'x=0.25, theta=-8', args: () => [0.25, -8] }],
    mistakes: [{ message: 'J should be theta * x', impl: (x, t) => (x as number) + (t as number) }],
  },
  backward_propagation: {
    points: 1,
    cases: [{ name: 'x=-1.5, theta=3', args: () => [-1.5, 3] }, { name: 'x=7, theta=0', args: () => [7, 0] }],
    mistakes: [{ message: 'dJ/dtheta is x, not theta', impl: (_x, t) => t as number }],
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
    mistakes: [{ message: 'the difference must be divided by ||grad|| + ||gradapprox||', impl: (x, t, e = 1e-7) => {
      const ga = ((t as number) + (e as number)) * (x as number) - ((t as number) - (e as number)) * (x as number);
      return Math.abs((x as number) - ga / (2 * (e as number)));
    } }, { message: 'gradapprox is (J_plus - J_minus) / (2 * epsilon): divide by 2 * epsilon', impl: (x, t, e = 1e-7) => {
      const ga = ((t as number) + (e as number)) * (x as number) - ((t as number) - (e as number)) * (x as number);
      return Math.abs((x as number) - ga) / (Math.abs(x as number) + Math.abs(ga));
    } }],
  },
  gradient_check_n: {
    points: 1,
    cases: [
      // With correct gradients the difference is rounding noise (about 1e-7 here): its digits depend on
      // the order of floating-point operations, so it is judged as the course judges it, by threshold.
      { name: 'seed 3 network, correct gradients', args: () => networkCase(3), judge: { below: 2e-7 } },
      { name: 'seed 7 network, dW3 doubled', args: () => networkCase(7, 2) },
      { name: 'seed 11 network, eps 1e-6', args: () => [...networkCase(11), 1e-6] },
    ],
    mistakes: [{ message: 'use the norm of the difference divided by the sum of the norms', impl: (p, g) => {
      void p; return np.linalg.norm((g as Params).dW1);
    } }],
  },
};
