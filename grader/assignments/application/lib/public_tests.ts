// Public tests of the application: one or two training iterations on the cat data, checked against
// the course's published first costs.
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import { expectKeys, expectNumberClose, expectShape, fail, runChecks } from '../../../../lib/course/testing';

type Trainer = (X: NDArray, Y: NDArray, layers_dims: number[], options?: { learning_rate?: number; num_iterations?: number; print_cost?: boolean }) => [Params, number[]];

function check(title: string, fn: Trainer, X: NDArray, Y: NDArray, dims: number[], firstCost: number): void {
  let r: [Params, number[]] | undefined;
  const get = (): [Params, number[]] => (r ??= fn(X, Y, dims, { num_iterations: 2, print_cost: false }));
  runChecks(title, [
    { name: 'returns [parameters, costs]', run: () => { if (!Array.isArray(get()) || get().length !== 2) fail('return [parameters, costs]'); } },
    ...dims.slice(1).map((n, i) => ({
      name: `W${i + 1} has shape (${n}, ${dims[i]})`,
      run: () => expectShape(expectKeys(get()[0], [`W${i + 1}`], 'parameters')[`W${i + 1}`], [n, dims[i]], `W${i + 1}`),
    })),
    { name: `the first cost is ${firstCost}`, run: () => expectNumberClose(get()[1][0], firstCost, 'costs[0]', 1e-9) },
  ]);
}

export function two_layer_model_test(fn: Trainer, X: NDArray, Y: NDArray): void {
  check('two_layer_model', fn, X, Y, [12288, 7, 1], 0.693049735659989);
}

export function L_layer_model_test(fn: Trainer, X: NDArray, Y: NDArray): void {
  check('L_layer_model', fn, X, Y, [12288, 20, 7, 5, 1], 0.7717493284237686);
}
