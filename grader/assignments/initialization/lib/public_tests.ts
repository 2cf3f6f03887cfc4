// Public tests of the initialization assignment; expected values are the course's published outputs.
import type { Params } from '../../../../lib/course/common/types';
import { Check, expectClose, expectKeys, runChecks } from '../../../../lib/course/testing';

type Init = (layers_dims: number[]) => Params;

function paramChecks(fn: Init, dims: number[], expected: Record<string, number[][]>): Check[] {
  let p: Params | undefined;
  const get = (): Params => (p ??= fn(dims));
  const keys = Object.keys(expected);
  return [
    { name: `returns ${keys.join(', ')} for layers_dims = [${dims.join(', ')}]`, run: () => { expectKeys(get(), keys, 'parameters'); } },
    ...keys.map((k) => ({ name: `${k} has the expected shape and values`, run: () => expectClose(get()[k], expected[k], k) })),
  ];
}

export function initialize_parameters_zeros_test(fn: Init): void {
  runChecks('initialize_parameters_zeros', paramChecks(fn, [3, 2, 1], {
    W1: [[0, 0, 0], [0, 0, 0]], b1: [[0], [0]], W2: [[0, 0]], b2: [[0]],
  }));
}

export function initialize_parameters_random_test(fn: Init): void {
  runChecks('initialize_parameters_random', paramChecks(fn, [3, 2, 1], {
    W1: [[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]],
    b1: [[0], [0]],
    W2: [[-0.82741481, -6.27000677]],
    b2: [[0]],
  }));
}

export function initialize_parameters_he_test(fn: Init): void {
  runChecks('initialize_parameters_he', paramChecks(fn, [2, 4, 1], {
    W1: [[1.78862847, 0.43650985], [0.09649747, -1.8634927], [-0.2773882, -0.35475898], [-0.08274148, -0.62700068]],
    b1: [[0], [0], [0], [0]],
    W2: [[-0.03098412, -0.33744411, -0.92904268, 0.62552248]],
    b2: [[0]],
  }));
}

