// Public tests of the step-by-step assignment. Expected values: expected.json, computed by numpy
// (test/fixtures/gen_course_expected.py) from the same seeded test cases.
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import { Check, expectClose, expectKeys, expectNumberClose, fail, runChecks } from '../../../../lib/course/testing';
import type { LayerCache, LinearCache } from '../../../../lib/course/common/dnn_utils';
import * as cases from './test_cases';
import expected from './expected.json';

type Dict = Record<string, number[][]>;
const closeDict = (got: unknown, want: Dict, what: string): Check[] =>
  Object.keys(want).map((k) => ({ name: `${what}['${k}']`, run: () => expectClose(expectKeys(got, [k], what)[k], want[k], `${what}['${k}']`) }));

export function initialize_parameters_test(fn: (n_x: number, n_h: number, n_y: number) => Params): void {
  runChecks('initialize_parameters', closeDict(fn(3, 2, 1), expected.initialize_parameters, 'parameters'));
}

export function initialize_parameters_deep_test(fn: (layer_dims: number[]) => Params): void {
  runChecks('initialize_parameters_deep', closeDict(fn([5, 4, 3]), expected.initialize_parameters_deep, 'parameters'));
}

export function linear_forward_test(fn: (A: NDArray, W: NDArray, b: NDArray) => [NDArray, LinearCache]): void {
  const [A, W, b] = cases.linear_forward_test_case();
  const [Z, cache] = fn(A, W, b);
  runChecks('linear_forward', [
    { name: 'Z = W·A + b', run: () => expectClose(Z, expected.linear_forward.Z, 'Z') },
    { name: 'cache is (A, W, b)', run: () => { if (!Array.isArray(cache) || cache[0] !== A || cache[1] !== W || cache[2] !== b) fail('the cache should be [A, W, b]'); } },
  ]);
}

export function linear_activation_forward_test(fn: (A: NDArray, W: NDArray, b: NDArray, activation: 'sigmoid' | 'relu') => [NDArray, LayerCache]): void {
  const [A, W, b] = cases.linear_activation_forward_test_case();
  runChecks('linear_activation_forward', (['sigmoid', 'relu'] as const).map((act) => ({
    name: `A with ${act}`, run: () => expectClose(fn(A, W, b, act)[0], expected.linear_activation_forward[act], 'A'),
  })));
}

export function L_model_forward_test(fn: (X: NDArray, p: Params) => [NDArray, LayerCache[]]): void {
  const [X, p] = cases.L_model_forward_test_case_2hidden();
  const [AL, caches] = fn(X, p);
  runChecks('L_model_forward', [
    { name: 'AL', run: () => expectClose(AL, expected.L_model_forward.AL, 'AL') },
    { name: `one cache per layer (${expected.L_model_forward.caches})`, run: () => expectNumberClose(caches.length, expected.L_model_forward.caches, 'number of caches') },
  ]);
}

export function compute_cost_test(fn: (AL: NDArray, Y: NDArray) => number): void {
  const [Y, AL] = cases.compute_cost_test_case();
  runChecks('compute_cost', [{ name: `cost = ${expected.compute_cost.cost}`, run: () => expectNumberClose(fn(AL, Y), expected.compute_cost.cost, 'cost', 1e-12) }]);
}

export function linear_backward_test(fn: (dZ: NDArray, cache: LinearCache) => [NDArray, NDArray, NDArray]): void {
  const [dZ, cache] = cases.linear_backward_test_case();
  const [dA_prev, dW, db] = fn(dZ, cache);
  const e = expected.linear_backward;
  runChecks('linear_backward', [
    { name: 'dA_prev', run: () => expectClose(dA_prev, e.dA_prev, 'dA_prev') },
    { name: 'dW', run: () => expectClose(dW, e.dW, 'dW') },
    { name: 'db', run: () => expectClose(db, e.db, 'db') },
  ]);
}

export function linear_activation_backward_test(fn: (dA: NDArray, cache: LayerCache, activation: 'sigmoid' | 'relu') => [NDArray, NDArray, NDArray]): void {
  const [dA, cache] = cases.linear_activation_backward_test_case();
  runChecks('linear_activation_backward', (['sigmoid', 'relu'] as const).flatMap((act) => {
    const e = expected.linear_activation_backward[act];
    let r: [NDArray, NDArray, NDArray] | undefined;
    const get = (): [NDArray, NDArray, NDArray] => (r ??= fn(dA, cache, act));
    return [
      { name: `${act}: dA_prev`, run: () => expectClose(get()[0], e.dA_prev, 'dA_prev') },
      { name: `${act}: dW`, run: () => expectClose(get()[1], e.dW, 'dW') },
      { name: `${act}: db`, run: () => expectClose(get()[2], e.db, 'db') },
    ];
  }));
}

export function L_model_backward_test(fn: (AL: NDArray, Y: NDArray, caches: LayerCache[]) => Params): void {
  const [AL, Y, caches] = cases.L_model_backward_test_case();
  runChecks('L_model_backward', closeDict(fn(AL, Y, caches), expected.L_model_backward, 'grads'));
}

export function update_parameters_test(fn: (p: Params, g: Params, lr: number) => Params): void {
  const [p, g] = cases.update_parameters_test_case();
  runChecks('update_parameters', closeDict(fn(p, g, 0.1), expected.update_parameters, 'parameters'));
}
