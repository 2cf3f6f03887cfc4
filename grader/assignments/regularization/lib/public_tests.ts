// Public tests of the regularization assignment. Expected values: expected.json, computed by numpy
// (test/fixtures/gen_course_expected.py) from the same seeded test cases, and, for the dropout
// backward pass, the course's printed dA1 and dA2 for its fixed cache.
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import { expectClose, expectKeys, expectNumberClose, runChecks } from '../../../../lib/course/testing';
import type { Cache, DropoutCache } from '../../../../lib/course/common/reg_utils';
import expected from './expected.json';

export function compute_cost_with_regularization_test(fn: (A3: NDArray, Y: NDArray, p: Params, lambd: number) => number,
  A3: NDArray, Y: NDArray, parameters: Params): void {
  const e = expected.cost_with_regularization;
  runChecks('compute_cost_with_regularization', [
    { name: `cost with lambd = ${e.lambd} is ${e.cost}`, run: () => expectNumberClose(fn(A3, Y, parameters, e.lambd), e.cost, 'cost') },
  ]);
}

export function backward_propagation_with_regularization_test(fn: (X: NDArray, Y: NDArray, cache: Cache, lambd: number) => Params,
  X: NDArray, Y: NDArray, cache: Cache): void {
  const e = expected.l2_backward;
  let g: Params | undefined;
  const get = (): Params => (g ??= fn(X, Y, cache, e.lambd));
  runChecks('backward_propagation_with_regularization', [
    { name: 'returns the gradients dW1, dW2, dW3 (and the others)', run: () => { expectKeys(get(), ['dW1', 'dW2', 'dW3', 'db1', 'db2', 'db3'], 'gradients'); } },
    ...(['dW1', 'dW2', 'dW3'] as const).map((k) => ({ name: `${k} includes the L2 term`, run: () => expectClose(get()[k], e[k], k) })),
  ]);
}

export function forward_propagation_with_dropout_test(fn: (X: NDArray, p: Params, keep_prob: number) => [NDArray, DropoutCache],
  X: NDArray, parameters: Params): void {
  const e = expected.dropout_forward;
  let r: [NDArray, DropoutCache] | undefined;
  const get = (): [NDArray, DropoutCache] => (r ??= fn(X, parameters, e.keep_prob));
  runChecks('forward_propagation_with_dropout', [
    { name: `A3 with keep_prob = ${e.keep_prob}`, run: () => expectClose(get()[0], e.A3, 'A3') },
    { name: 'the cache holds 14 entries (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)', run: () => expectNumberClose(get()[1].length, 14, 'cache length') },
  ]);
}

// The course's printed dA1 and dA2 for backward_propagation_with_dropout_test_case with keep_prob = 0.8.
const DROPOUT_BACKWARD = {
  keep_prob: 0.8,
  dA1: [[0.36544439, 0, -0.00188233, 0, -0.17408748], [0.65515713, 0, -0.00337459, 0, -0]],
  dA2: [[0.58180856, 0, -0.00299679, 0, -0.27715731], [0, 0.53159854, -0, 0.53159854, -0.34089673], [0, 0, -0.00292733, 0, -0]],
};

export function backward_propagation_with_dropout_test(fn: (X: NDArray, Y: NDArray, cache: DropoutCache, keep_prob: number) => Params,
  X: NDArray, Y: NDArray, cache: DropoutCache): void {
  const e = DROPOUT_BACKWARD;
  let g: Params | undefined;
  const get = (): Params => (g ??= fn(X, Y, cache, e.keep_prob));
  runChecks('backward_propagation_with_dropout', [
    { name: 'returns the gradients (dA1, dA2, dW1, db1, ...)', run: () => { expectKeys(get(), ['dA1', 'dA2', 'dW1', 'db1', 'dW2', 'db2', 'dW3', 'db3'], 'gradients'); } },
    { name: `dA2 is masked by D2 and scaled by 1 / keep_prob (keep_prob = ${e.keep_prob})`, run: () => expectClose(get().dA2, e.dA2, 'dA2') },
    { name: `dA1 is masked by D1 and scaled by 1 / keep_prob (keep_prob = ${e.keep_prob})`, run: () => expectClose(get().dA1, e.dA1, 'dA1') },
  ]);
}
