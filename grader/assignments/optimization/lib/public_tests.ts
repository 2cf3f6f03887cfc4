// Public tests of the optimization assignment. Expected values: expected.json, computed by numpy
// (test/fixtures/gen_course_expected.py) from the same seeded test cases.
import type { NDArray } from '../../../../lib/np/ndarray';
import type { Params } from '../../../../lib/course/common/types';
import { Check, expectClose, expectKeys, expectNumberClose, expectShape, fail, runChecks } from '../../../../lib/course/testing';
import * as cases from './test_cases';
import expected from './expected.json';

type Dict = Record<string, number[][]>;
const closeDict = (got: unknown, want: Dict, what: string): Check[] =>
  Object.keys(want).map((k) => ({ name: `${what}['${k}']`, run: () => expectClose(expectKeys(got, [k], what)[k], want[k], `${what}['${k}']`) }));
const copy = (p: Params): Params => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.copy()]));

export function update_parameters_with_gd_test(fn: (p: Params, g: Params, lr: number) => Params): void {
  const [p, g, lr] = cases.update_parameters_with_gd_test_case();
  const { learning_rate: _lr, ...want } = expected.gd;
  void _lr;
  runChecks('update_parameters_with_gd', closeDict(fn(p, g, lr), want, 'parameters'));
}

export function random_mini_batches_test(fn: (X: NDArray, Y: NDArray, size?: number, seed?: number) => [NDArray, NDArray][]): void {
  const [X, Y, size] = cases.random_mini_batches_test_case();
  const e = expected.mini_batches;
  let batches: [NDArray, NDArray][] | undefined;
  const get = (): [NDArray, NDArray][] => (batches ??= fn(X, Y, size));
  runChecks('random_mini_batches', [
    { name: `${e.shapes_X.length} mini-batches`, run: () => { if (get().length !== e.shapes_X.length) fail(`got ${get().length} mini-batches, expected ${e.shapes_X.length}`); } },
    ...e.shapes_X.map((s, i) => ({ name: `mini-batch ${i}: X ${s.join('×')}, Y ${e.shapes_Y[i].join('×')}`, run: () => { expectShape(get()[i]?.[0], s, `X of mini-batch ${i}`); expectShape(get()[i]?.[1], e.shapes_Y[i], `Y of mini-batch ${i}`); } })),
    { name: 'shuffled with the permutation of seed 0 (sanity check)', run: () => expectClose(get()[0][0].slice(0, '0:3'), e.sanity, 'first three values of mini-batch 0') },
  ]);
}

export function initialize_velocity_test(fn: (p: Params) => Params): void {
  const p = cases.initialize_velocity_test_case();
  const v = fn(p);
  runChecks('initialize_velocity', ['W1', 'b1', 'W2', 'b2'].map((k) => ({
    name: `v['d${k}'] is zeros of shape ${p[k].shape.join('×')}`,
    run: () => expectClose(expectKeys(v, [`d${k}`], 'v')[`d${k}`], new Array(p[k].shape[0]).fill(new Array(p[k].shape[1]).fill(0)), `v['d${k}']`),
  })));
}

export function update_parameters_with_momentum_test(fn: (p: Params, g: Params, v: Params, beta: number, lr: number) => [Params, Params]): void {
  const [p, g, v] = cases.update_parameters_with_momentum_test_case();
  const e = expected.momentum;
  const [p2, v2] = fn(p, g, v, e.beta, e.learning_rate);
  runChecks('update_parameters_with_momentum', [...closeDict(p2, e.parameters, 'parameters'), ...closeDict(v2, e.v, 'v')]);
}

export function initialize_adam_test(fn: (p: Params) => [Params, Params]): void {
  const p = cases.initialize_adam_test_case();
  const [v, s] = fn(p);
  const zeros = (k: string): number[][] => new Array(p[k].shape[0]).fill(new Array(p[k].shape[1]).fill(0));
  runChecks('initialize_adam', ['W1', 'b1', 'W2', 'b2'].flatMap((k) => [
    { name: `v['d${k}'] is zeros`, run: () => expectClose(expectKeys(v, [`d${k}`], 'v')[`d${k}`], zeros(k), `v['d${k}']`) },
    { name: `s['d${k}'] is zeros`, run: () => expectClose(expectKeys(s, [`d${k}`], 's')[`d${k}`], zeros(k), `s['d${k}']`) },
  ]));
}

type AdamFn = (p: Params, g: Params, v: Params, s: Params, t: number, lr?: number, b1?: number, b2?: number, eps?: number) => [Params, Params, Params, Params, Params];
export function update_parameters_with_adam_test(fn: AdamFn): void {
  const [p, g, v, s, t, lr, b1, b2, eps] = cases.update_parameters_with_adam_test_case();
  const e = expected.adam;
  const [p2, v2, s2, vc, sc] = fn(copy(p), g, v, s, t, lr, b1, b2, eps);
  runChecks('update_parameters_with_adam', [
    ...closeDict(p2, e.parameters, 'parameters'), ...closeDict(v2, e.v, 'v'), ...closeDict(s2, e.s, 's'),
    ...closeDict(vc, e.v_corrected, 'v_corrected'), ...closeDict(sc, e.s_corrected, 's_corrected'),
  ]);
}

export function update_lr_test(fn: (lr0: number, epoch: number, decay: number) => number): void {
  runChecks('update_lr', expected.update_lr.map((c) => ({
    name: `update_lr(${c.args.join(', ')}) = ${c.lr}`,
    run: () => expectNumberClose(fn(c.args[0], c.args[1], c.args[2]), c.lr, 'learning_rate'),
  })));
}

export function schedule_lr_decay_test(fn: (lr0: number, epoch: number, decay: number, interval?: number) => number): void {
  runChecks('schedule_lr_decay', expected.schedule_lr_decay.map((c) => ({
    name: `schedule_lr_decay(${c.args.join(', ')}) = ${c.lr}`,
    run: () => expectNumberClose(fn(c.args[0], c.args[1], c.args[2]), c.lr, 'learning_rate'),
  })));
}
