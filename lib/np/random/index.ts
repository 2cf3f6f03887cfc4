/**
 * np.random: numpy's module-level functions, all drawing from one global legacy RandomState
 * (so np.random.seed(0) then np.random.randn(3) matches numpy), plus the RandomState class.
 */
import { RandomState } from './legacy';

export { RandomState } from './legacy';
export type { LegacyState, DictState, Size } from './legacy';

const globalState = new RandomState();

/** A module-level function forwarding to the global RandomState, keeping the method's overloads. */
function bound<K extends keyof RandomState>(name: K): RandomState[K] {
  const method = globalState[name] as unknown as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) => method.apply(globalState, args)) as unknown as RandomState[K];
}

export const seed = bound('seed');
export const get_state = bound('get_state');
export const set_state = bound('set_state');
export const rand = bound('rand');
export const randn = bound('randn');
export const random_sample = bound('random_sample');
export const random = bound('random');
export const sample = bound('random_sample');
export const ranf = bound('random_sample');
export const standard_normal = bound('standard_normal');
export const normal = bound('normal');
export const uniform = bound('uniform');
export const randint = bound('randint');
export const shuffle = bound('shuffle');
export const permutation = bound('permutation');
export const choice = bound('choice');
export const exponential = bound('exponential');
export const standard_exponential = bound('standard_exponential');
export const gamma = bound('gamma');
export const standard_gamma = bound('standard_gamma');
export const beta = bound('beta');
export const poisson = bound('poisson');
export const binomial = bound('binomial');
