/**
 * Hidden tests for the optimization assignment (1 point per graded function, split over its cases):
 * three-layer parameter sets, other seeds and hyperparameters, and mini-batch edge cases (no
 * remainder, a last mini-batch of size 1).
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';

type Params = Record<string, NDArray>;
const DIMS = [3, 4, 2, 1];

function params(seed: number): Params {
  np.random.seed(seed);
  const p: Params = {};
  for (let l = 1; l < DIMS.length; l++) { p['W' + l] = np.random.randn(DIMS[l], DIMS[l - 1]); p['b' + l] = np.random.randn(DIMS[l], 1); }
  return p;
}
function grads(seed: number): Params {
  np.random.seed(seed + 1000);
  const g: Params = {};
  for (let l = 1; l < DIMS.length; l++) { g['dW' + l] = np.random.randn(DIMS[l], DIMS[l - 1]); g['db' + l] = np.random.randn(DIMS[l], 1); }
  return g;
}
const zerosLike = (p: Params, fill = 0): Params => Object.fromEntries(Object.entries(p).map(([k, v]) => [`d${k}`, np.full(v.shape, fill)]));
const keys = (p: Params): string[] => Object.keys(p);

function gd(p: Params, g: Params, lr: number, sign = -1): Params {
  const out: Params = {};
  for (const k of keys(p)) out[k] = p[k].add(np.multiply(sign * lr, g['d' + k]));
  return out;
}

function batches(X: NDArray, Y: NDArray, size: number, seed: number, o: { dropLast?: boolean; shuffle?: boolean } = {}): [NDArray, NDArray][] {
  np.random.seed(seed);
  const m = X.shape[1];
  const perm = o.shuffle === false ? np.arange(m) : np.random.permutation(m);
  const sX = X.slice(':', perm), sY = Y.slice(':', perm).reshape(1, m);
  const out: [NDArray, NDArray][] = [];
  const n = Math.floor(m / size);
  for (let k = 0; k < n; k++) out.push([sX.slice(':', `${k * size}:${(k + 1) * size}`), sY.slice(':', `${k * size}:${(k + 1) * size}`)]);
  if (m % size !== 0 && !o.dropLast) out.push([sX.slice(':', `${n * size}:`), sY.slice(':', `${n * size}:`)]);
  return out;
}

function momentum(p: Params, g: Params, v: Params, beta: number, lr: number, variant?: 'noOneMinus' | 'useGrad'): [Params, Params] {
  const P: Params = {}, V: Params = {};
  for (const k of keys(p)) {
    const d = 'd' + k;
    V[d] = variant === 'noOneMinus' ? np.multiply(beta, v[d]).add(g[d]) : np.multiply(beta, v[d]).add(np.multiply(1 - beta, g[d]));
    P[k] = p[k].sub(np.multiply(lr, variant === 'useGrad' ? g[d] : V[d]));
  }
  return [P, V];
}

function adam(p: Params, g: Params, v: Params, s: Params, t: number, lr: number, b1: number, b2: number, eps: number,
  variant?: 'epsInside' | 'beta1InS' | 'noCorrection'): [Params, Params, Params, Params, Params] {
  const P: Params = {}, V: Params = {}, S: Params = {}, VC: Params = {}, SC: Params = {};
  for (const k of keys(p)) {
    const d = 'd' + k;
    V[d] = np.multiply(b1, v[d]).add(np.multiply(1 - b1, g[d]));
    VC[d] = variant === 'noCorrection' ? V[d] : V[d].div(np.subtract(1, np.power(b1, t)));
    S[d] = np.multiply(b2, s[d]).add(np.multiply(1 - b2, np.power(g[d], 2)));
    SC[d] = variant === 'noCorrection' ? S[d] : S[d].div(np.subtract(1, np.power(variant === 'beta1InS' ? b1 : b2, t)));
    const denom = variant === 'epsInside' ? np.sqrt(SC[d].add(eps)) : np.sqrt(SC[d]).add(eps);
    P[k] = p[k].sub(np.multiply(lr, VC[d]).div(denom));
  }
  return [P, V, S, VC, SC];
}

const dataset = (seed: number, nx: number, m: number): [NDArray, NDArray] => {
  np.random.seed(seed);
  return [np.random.randn(nx, m), np.random.rand(1, m).gt(0.5).astype('int64')];
};

/** Two-line solutions of the source, planted as a whole (each mistake is made on both lines). */
const GD_LINES = `parameters['W' + l] = parameters['W' + l].sub(np.multiply(learning_rate, grads['dW' + l]));
    parameters['b' + l] = parameters['b' + l].sub(np.multiply(learning_rate, grads['db' + l]));`;
const MOMENTUM_LINES = `v['dW' + l] = np.multiply(beta, v['dW' + l]).add(np.multiply(1 - beta, grads['dW' + l]));
    v['db' + l] = np.multiply(beta, v['db' + l]).add(np.multiply(1 - beta, grads['db' + l]));
    parameters['W' + l] = parameters['W' + l].sub(np.multiply(learning_rate, v['dW' + l]));
    parameters['b' + l] = parameters['b' + l].sub(np.multiply(learning_rate, v['db' + l]));`;
const ADAM_CORRECTIONS = `v_corrected[d] = v[d].div(np.subtract(1, np.power(beta1, t)));
      s[d] = np.multiply(beta2, s[d]).add(np.multiply(1 - beta2, np.power(grads[d], 2)));
      s_corrected[d] = s[d].div(np.subtract(1, np.power(beta2, t)));`;

export const tests: HiddenSuite = {
  update_parameters_with_gd: {
    points: 1,
    cases: [5, 9].map((seed) => ({ name: `3 layers, seed ${seed}`, args: () => [params(seed), grads(seed), seed === 5 ? 0.1 : 0.003] })),
    mistakes: [
      { message: 'subtract the gradient step (W = W - learning_rate * dW)', impl: (p, g, lr) => gd(p as Params, g as Params, lr as number, 1),
        plant: { find: GD_LINES, replace: GD_LINES.replace(/\.sub\(/g, '.add(') } },
      { message: 'multiply the gradient by the learning rate', impl: (p, g) => gd(p as Params, g as Params, 1),
        plant: { find: GD_LINES, replace: GD_LINES.replace(/np\.multiply\(learning_rate, (grads\['d[Wb]' \+ l\])\)/g, '$1') } },
    ],
  },
  random_mini_batches: {
    points: 1,
    cases: [
      { name: 'm=130, size 32 (last batch of 2)', args: () => [...dataset(7, 3, 130), 32, 7] },
      { name: 'm=128, size 64 (no remainder)', args: () => [...dataset(3, 2, 128), 64, 3] },
      { name: 'm=65, size 64 (last batch of 1)', args: () => [...dataset(1, 4, 65), 64, 1] },
    ],
    mistakes: [
      { message: 'when m is not a multiple of mini_batch_size, add the last, smaller mini-batch', impl: (X, Y, n, s) => batches(X as NDArray, Y as NDArray, n as number, s as number, { dropLast: true }),
        plant: { find: "  if (m % mini_batch_size !== 0) {\n    const rest = `${num_complete_minibatches * mini_batch_size}:`;\n    mini_batches.push([shuffled_X.slice(':', rest), shuffled_Y.slice(':', rest)]);\n  }\n", replace: '' } },
      { message: 'shuffle the columns with np.random.permutation(m) before partitioning', impl: (X, Y, n, s) => batches(X as NDArray, Y as NDArray, n as number, s as number, { shuffle: false }),
        plant: { find: 'const permutation = np.random.permutation(m);', replace: 'const permutation = np.arange(m);' } },
    ],
  },
  initialize_velocity: {
    points: 1,
    cases: [2, 4].map((seed) => ({ name: `3 layers, seed ${seed}`, args: () => [params(seed)] })),
    mistakes: [{ message: 'each velocity starts as zeros of its parameter\'s shape (np.zeros)', impl: (p) => Object.fromEntries(Object.entries(p as Params).map(([k, v]) => [`d${k}`, v.copy()])),
      plant: { find: "v['dW' + l] = np.zeros(parameters['W' + l].shape);\n    v['db' + l] = np.zeros(parameters['b' + l].shape);", replace: "v['dW' + l] = parameters['W' + l];\n    v['db' + l] = parameters['b' + l];" } }],
  },
  update_parameters_with_momentum: {
    points: 1,
    cases: [
      { name: 'zero velocity, beta 0.9', args: () => [params(3), grads(3), zerosLike(params(3)), 0.9, 0.05] },
      { name: 'non-zero velocity, beta 0.8', args: () => { const p = params(6); np.random.seed(66); const v = Object.fromEntries(Object.entries(p).map(([k, x]) => [`d${k}`, np.random.randn(...x.shape)])); return [p, grads(6), v, 0.8, 0.01]; } },
    ],
    mistakes: [
      { message: 'v = beta * v + (1 - beta) * dW: the new gradient is weighted by (1 - beta)', impl: (p, g, v, b, lr) => momentum(p as Params, g as Params, v as Params, b as number, lr as number, 'noOneMinus'),
        plant: { find: MOMENTUM_LINES, replace: MOMENTUM_LINES.replace(/np\.multiply\(1 - beta, (grads\['d[Wb]' \+ l\])\)/g, '$1') } },
      { message: 'update the parameters with the velocity v, not the raw gradient', impl: (p, g, v, b, lr) => momentum(p as Params, g as Params, v as Params, b as number, lr as number, 'useGrad'),
        plant: { find: MOMENTUM_LINES, replace: MOMENTUM_LINES.replace(/np\.multiply\(learning_rate, v\[/g, 'np.multiply(learning_rate, grads[') } },
    ],
  },
  initialize_adam: {
    points: 1,
    cases: [8, 11].map((seed) => ({ name: `3 layers, seed ${seed}`, args: () => [params(seed)] })),
    mistakes: [{ message: 's starts at zeros too (np.zeros), like v', impl: (p) => [zerosLike(p as Params), zerosLike(p as Params, 1)],
      plant: { find: "s['dW' + l] = np.zeros(parameters['W' + l].shape);\n    s['db' + l] = np.zeros(parameters['b' + l].shape);", replace: "s['dW' + l] = np.ones(parameters['W' + l].shape);\n    s['db' + l] = np.ones(parameters['b' + l].shape);" } }],
  },
  update_parameters_with_adam: {
    points: 1,
    cases: [
      { name: 't=1, defaults', args: () => [params(4), grads(4), zerosLike(params(4)), zerosLike(params(4)), 1, 0.01, 0.9, 0.999, 1e-8] },
      { name: 't=3, beta1 0.7, beta2 0.95, epsilon 0.1', args: () => { const p = params(10); const v = zerosLike(p); const s = zerosLike(p); for (const k of Object.keys(v)) { v[k] = v[k].add(0.05); s[k] = s[k].add(0.2); } return [p, grads(10), v, s, 3, 0.05, 0.7, 0.95, 0.1]; } },
    ],
    mistakes: [
      { message: 'epsilon belongs outside the square root: sqrt(s_corrected) + epsilon', impl: (...a) => adam(...(a as Parameters<typeof adam>).slice(0, 9) as [Params, Params, Params, Params, number, number, number, number, number], 'epsInside'),
        plant: { find: 'np.sqrt(s_corrected[d]).add(epsilon)', replace: 'np.sqrt(s_corrected[d].add(epsilon))' } },
      { message: 'the second moment is corrected with beta2 ** t, not beta1 ** t', impl: (...a) => adam(...(a as Parameters<typeof adam>).slice(0, 9) as [Params, Params, Params, Params, number, number, number, number, number], 'beta1InS'),
        plant: { find: 's_corrected[d] = s[d].div(np.subtract(1, np.power(beta2, t)));', replace: 's_corrected[d] = s[d].div(np.subtract(1, np.power(beta1, t)));' } },
      { message: 'divide v and s by (1 - beta ** t) (bias correction)', impl: (...a) => adam(...(a as Parameters<typeof adam>).slice(0, 9) as [Params, Params, Params, Params, number, number, number, number, number], 'noCorrection'),
        plant: { find: ADAM_CORRECTIONS, replace: ADAM_CORRECTIONS.replace(/\.div\(np\.subtract\(1, np\.power\(beta\d, t\)\)\)/g, '') } },
    ],
  },
  update_lr: {
    points: 1,
    cases: [{ name: 'epoch 7, rate 0.5', args: () => [0.2, 7, 0.5] }, { name: 'epoch 0', args: () => [0.05, 0, 3] }, { name: 'epoch 1000, rate 1', args: () => [0.1, 1000, 1] }],
    mistakes: [
      { message: 'the decay factor is 1 / (1 + decay_rate * epoch_num): keep the 1 +', impl: (lr, e, d) => 1 / ((d as number) * (e as number)) * (lr as number),
        plant: { find: 'learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0;', replace: 'learning_rate = 1 / (decay_rate * epoch_num) * learning_rate0;' } },
      { message: 'return the decayed learning rate, 1 / (1 + decay_rate * epoch_num) * learning_rate0', impl: (lr, e, d) => 1 / (1 + (d as number) * (e as number)),
        plant: { find: 'learning_rate = 1 / (1 + decay_rate * epoch_num) * learning_rate0;', replace: 'learning_rate = 1 / (1 + decay_rate * epoch_num);' } },
    ],
  },
  schedule_lr_decay: {
    points: 1,
    cases: [{ name: 'epoch 2500, interval 1000', args: () => [0.4, 2500, 1] }, { name: 'epoch 999', args: () => [0.4, 999, 2] }, { name: 'epoch 3000, interval 500', args: () => [0.3, 3000, 0.5, 500] }],
    mistakes: [
      { message: 'use floor(epoch_num / time_interval): the rate changes only every time_interval epochs', impl: (lr, e, d, ti = 1000) => 1 / (1 + (d as number) * ((e as number) / (ti as number))) * (lr as number),
        plant: { find: 'Math.floor(epoch_num / time_interval)', replace: '(epoch_num / time_interval)' } },
      { message: 'use floor(epoch_num / time_interval), not epoch_num', impl: (lr, e, d) => 1 / (1 + (d as number) * (e as number)) * (lr as number),
        plant: { find: 'Math.floor(epoch_num / time_interval)', replace: 'epoch_num' } },
    ],
  },
};
