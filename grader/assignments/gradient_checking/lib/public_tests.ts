// Public tests of the gradient-checking assignment; expected values are the course's published outputs.
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import { fail, expectNumberClose, runChecks } from '../../../../lib/course/testing';

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

/**
 * The course's test case gives 0.2850931567761623 with the planted mistakes in backward_propagation_n,
 * and about 1.19e-07 (rounding noise) once both are fixed; either is a correct gradient_check_n.
 */
export function gradient_check_n_test(fn: (p: Params, g: Params, X: NDArray, Y: NDArray, epsilon?: number, print_msg?: boolean) => number,
  parameters: Params, gradients: Params, X: NDArray, Y: NDArray): void {
  let got: number | undefined;
  const value = (): number => (got ??= isNumber(fn(parameters, gradients, X, Y, 1e-7, false), 'difference'));
  runChecks('gradient_check_n', [
    { name: 'returns a number', run: () => { value(); } },
    {
      name: 'difference is 0.2850931567761623 (planted mistakes) or about 1.19e-07 (fixed)',
      run: () => {
        const d = value();
        if (Math.abs(d - 0.2850931567761623) <= 1e-9 || (d > 1.18e-7 && d < 1.2e-7)) return;
        fail(`difference is ${d}`);
      },
    },
  ]);
}
