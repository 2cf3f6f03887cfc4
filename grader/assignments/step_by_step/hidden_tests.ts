/**
 * Hidden tests for the step-by-step assignment (1 point per graded function, split over its cases).
 * Functions that call other graded functions run with the reference versions of those (callees).
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';
import { relu, relu_backward, sigmoid, sigmoid_backward } from '../../../lib/course/common/dnn_utils';
import type { LayerCache, LinearCache } from '../../../lib/course/common/dnn_utils';

type Params = Record<string, NDArray>;
const rnd = (seed: number, ...shapes: number[][]): NDArray[] => { np.random.seed(seed); return shapes.map((s) => np.random.randn(...s)); };

const linF = (A: NDArray, W: NDArray, b: NDArray, addB = true): [NDArray, LinearCache] => [addB ? np.dot(W, A).add(b) : np.dot(W, A), [A, W, b]];
function actF(A: NDArray, W: NDArray, b: NDArray, act: string, swap = false): [NDArray, LayerCache] {
  const [Z, lc] = linF(A, W, b);
  const useSig = (act === 'sigmoid') !== swap;
  const [out, ac] = useSig ? sigmoid(Z) : relu(Z);
  return [out, [lc, ac]];
}
function modelF(X: NDArray, p: Params, lastRelu = false): [NDArray, LayerCache[]] {
  const L = Object.keys(p).length / 2;
  const caches: LayerCache[] = [];
  let A = X;
  for (let l = 1; l < L; l++) { const [n, c] = actF(A, p['W' + l], p['b' + l], 'relu'); caches.push(c); A = n; }
  const [AL, c] = actF(A, p['W' + L], p['b' + L], lastRelu ? 'relu' : 'sigmoid'); caches.push(c);
  return [AL, caches];
}
function linB(dZ: NDArray, c: LinearCache, perM = true): [NDArray, NDArray, NDArray] {
  const [A, W] = c; const m = A.shape[1];
  const k = perM ? 1 / m : 1;
  return [np.dot(W.T, dZ), np.multiply(k, np.dot(dZ, A.T)), np.multiply(k, np.sum(dZ, { axis: 1, keepdims: true }))];
}
function actB(dA: NDArray, c: LayerCache, act: string, swap = false): [NDArray, NDArray, NDArray] {
  const useSig = (act === 'sigmoid') !== swap;
  return linB(useSig ? sigmoid_backward(dA, c[1]) : relu_backward(dA, c[1]), c[0]);
}
function modelB(AL: NDArray, Y: NDArray, caches: LayerCache[], flip = false): Params {
  const g: Params = {}; const L = caches.length; Y = Y.reshape(AL.shape);
  let dAL = np.negative(np.subtract(np.divide(Y, AL), np.divide(np.subtract(1, Y), np.subtract(1, AL))));
  if (flip) dAL = dAL.neg();
  [g['dA' + (L - 1)], g['dW' + L], g['db' + L]] = actB(dAL, caches[L - 1], 'sigmoid');
  for (let l = L - 2; l >= 0; l--) [g['dA' + l], g['dW' + (l + 1)], g['db' + (l + 1)]] = actB(g['dA' + (l + 1)], caches[l], 'relu');
  return g;
}
function net(seed: number, dims: number[], m: number): { X: NDArray; Y: NDArray; p: Params } {
  np.random.seed(seed);
  const X = np.random.randn(dims[0], m);
  const Y = np.random.rand(1, m).gt(0.5).astype('int64');
  const p: Params = {};
  for (let l = 1; l < dims.length; l++) { p['W' + l] = np.random.randn(dims[l], dims[l - 1]).mul(0.5); p['b' + l] = np.random.randn(dims[l], 1).mul(0.1); }
  return { X, Y, p };
}
const initDeep = (dims: number[], scale: (r: number, c: number) => NDArray): Params => {
  np.random.seed(3);
  const p: Params = {};
  for (let l = 1; l < dims.length; l++) { p['W' + l] = scale(dims[l], dims[l - 1]); p['b' + l] = np.zeros([dims[l], 1]); }
  return p;
};

export const tests: HiddenSuite = {
  initialize_parameters: {
    points: 1,
    cases: [{ name: '(4, 3, 2)', args: () => [4, 3, 2] }, { name: '(2, 5, 1)', args: () => [2, 5, 1] }],
    mistakes: [{ message: 'multiply the random weights by 0.01', impl: (x, h, y) => { np.random.seed(1); return { W1: np.random.randn(h as number, x as number), b1: np.zeros([h as number, 1]), W2: np.random.randn(y as number, h as number), b2: np.zeros([y as number, 1]) }; },
      plant: { find: 'W1 = np.random.randn(n_h, n_x).mul(0.01);\n  b1 = np.zeros([n_h, 1]);\n  W2 = np.random.randn(n_y, n_h).mul(0.01);', replace: 'W1 = np.random.randn(n_h, n_x);\n  b1 = np.zeros([n_h, 1]);\n  W2 = np.random.randn(n_y, n_h);' } }],
  },
  initialize_parameters_deep: {
    points: 1,
    cases: [{ name: '[4, 3, 2, 1]', args: () => [[4, 3, 2, 1]] }, { name: '[6, 1]', args: () => [[6, 1]] }],
    mistakes: [
      { message: 'W[l] has shape (layer_dims[l], layer_dims[l - 1])', impl: (d) => initDeep(d as number[], (r, c) => np.random.randn(c, r).mul(0.01)),
        plant: { find: 'np.random.randn(layer_dims[l], layer_dims[l - 1])', replace: 'np.random.randn(layer_dims[l - 1], layer_dims[l])' } },
      { message: 'multiply the random weights by 0.01', impl: (d) => initDeep(d as number[], (r, c) => np.random.randn(r, c)),
        plant: { find: '.mul(0.01);', replace: ';' } },
    ],
  },
  linear_forward: {
    points: 1,
    cases: [11, 12].map((s) => ({ name: `seed ${s}`, args: () => rnd(s, [4, 3], [2, 4], [2, 1]) })),
    mistakes: [{ message: 'add the bias b to W·A', impl: (A, W, b) => linF(A as NDArray, W as NDArray, b as NDArray, false),
      plant: { find: 'Z = np.dot(W, A).add(b);', replace: 'Z = np.dot(W, A);' } }],
  },
  linear_activation_forward: {
    points: 1,
    callees: ['linear_forward'],
    cases: [['sigmoid', 21], ['relu', 22]].map(([act, s]) => ({ name: `${act}, seed ${s}`, args: () => [...rnd(s as number, [3, 4], [2, 3], [2, 1]), act] })),
    mistakes: [{ message: 'use sigmoid when activation is "sigmoid" and relu when it is "relu"', impl: (A, W, b, act) => actF(A as NDArray, W as NDArray, b as NDArray, act as string, true),
      // Both branches swapped; the text between them is unchanged.
      plant: { find: '[A, activation_cache] = sigmoid(Z);\n    linear_cache = lc;\n    // END SOLUTION\n    // END CODE HERE\n  } else {\n    // START CODE HERE (≈ 2 lines of code)\n    // BEGIN SOLUTION\n    const [Z, lc] = linear_forward(A_prev, W, b);\n    [A, activation_cache] = relu(Z);',
        replace: '[A, activation_cache] = relu(Z);\n    linear_cache = lc;\n    // END SOLUTION\n    // END CODE HERE\n  } else {\n    // START CODE HERE (≈ 2 lines of code)\n    // BEGIN SOLUTION\n    const [Z, lc] = linear_forward(A_prev, W, b);\n    [A, activation_cache] = sigmoid(Z);' } }],
  },
  L_model_forward: {
    points: 1,
    callees: ['linear_activation_forward'],
    cases: [{ name: '[4, 5, 3, 1], seed 31', args: () => { const n = net(31, [4, 5, 3, 1], 6); return [n.X, n.p]; } },
      { name: '[3, 1], seed 32', args: () => { const n = net(32, [3, 1], 4); return [n.X, n.p]; } }],
    mistakes: [{ message: 'the last layer uses the sigmoid activation', impl: (X, p) => modelF(X as NDArray, p as Params, true),
      plant: { find: "parameters['b' + L], 'sigmoid')", replace: "parameters['b' + L], 'relu')" } }],
  },
  compute_cost: {
    points: 1,
    cases: [41, 42].map((s) => ({ name: `seed ${s}`, args: () => { np.random.seed(s); const AL = np.random.rand(1, 7).mul(0.9).add(0.05); return [AL, np.random.rand(1, 7).gt(0.5).astype('int64')]; } })),
    mistakes: [
      { message: 'the cost is minus the mean log-likelihood (check the sign)', impl: (AL, Y) => (1 / (Y as NDArray).shape[1]) * np.sum(np.add(np.multiply(Y as NDArray, np.log(AL as NDArray)), np.multiply(np.subtract(1, Y as NDArray), np.log(np.subtract(1, AL as NDArray))))),
        plant: { find: 'cost = (-1 / m) * np.sum(', replace: 'cost = (1 / m) * np.sum(' } },
      { message: 'divide the sum by m', impl: (AL, Y) => -np.sum(np.add(np.multiply(Y as NDArray, np.log(AL as NDArray)), np.multiply(np.subtract(1, Y as NDArray), np.log(np.subtract(1, AL as NDArray))))),
        plant: { find: 'cost = (-1 / m) * np.sum(', replace: 'cost = -np.sum(' } },
    ],
  },
  linear_backward: {
    points: 1,
    cases: [51, 52].map((s) => ({ name: `seed ${s}`, args: () => { const [dZ, A, W, b] = rnd(s, [2, 5], [3, 5], [2, 3], [2, 1]); return [dZ, [A, W, b]]; } })),
    mistakes: [{ message: 'dW and db are averaged over the m examples (multiply by 1 / m)', impl: (dZ, c) => linB(dZ as NDArray, c as LinearCache, false),
      plant: { find: 'dW = np.multiply(1 / m, np.dot(dZ, A_prev.T));\n  db = np.multiply(1 / m, np.sum(dZ, { axis: 1, keepdims: true }));',
        replace: 'dW = np.dot(dZ, A_prev.T);\n  db = np.sum(dZ, { axis: 1, keepdims: true });' } }],
  },
  linear_activation_backward: {
    points: 1,
    callees: ['linear_backward'],
    cases: [['sigmoid', 61], ['relu', 62]].map(([act, s]) => ({ name: `${act}, seed ${s}`, args: () => { const [dA, A, W, b, Z] = rnd(s as number, [2, 4], [3, 4], [2, 3], [2, 1], [2, 4]); return [dA, [[A, W, b], Z], act]; } })),
    mistakes: [{ message: 'use sigmoid_backward for "sigmoid" and relu_backward for "relu"', impl: (dA, c, act) => actB(dA as NDArray, c as LayerCache, act as string, true),
      // Both branches swapped; the text between them is unchanged.
      plant: { find: 'const dZ = relu_backward(dA, activation_cache);\n    [dA_prev, dW, db] = linear_backward(dZ, linear_cache);\n    // END SOLUTION\n    // END CODE HERE\n  } else {\n    // START CODE HERE (≈ 2 lines of code)\n    // BEGIN SOLUTION\n    const dZ = sigmoid_backward(dA, activation_cache);',
        replace: 'const dZ = sigmoid_backward(dA, activation_cache);\n    [dA_prev, dW, db] = linear_backward(dZ, linear_cache);\n    // END SOLUTION\n    // END CODE HERE\n  } else {\n    // START CODE HERE (≈ 2 lines of code)\n    // BEGIN SOLUTION\n    const dZ = relu_backward(dA, activation_cache);' } }],
  },
  L_model_backward: {
    points: 1,
    callees: ['linear_activation_backward'],
    cases: [{ name: '[4, 5, 3, 1], seed 71', args: () => { const n = net(71, [4, 5, 3, 1], 6); const [AL, caches] = modelF(n.X, n.p); return [AL, n.Y, caches]; } },
      { name: '[3, 2, 1], seed 72', args: () => { const n = net(72, [3, 2, 1], 5); const [AL, caches] = modelF(n.X, n.p); return [AL, n.Y, caches]; } }],
    mistakes: [{ message: 'dAL = -(Y / AL - (1 - Y) / (1 - AL)): check the sign', impl: (AL, Y, c) => modelB(AL as NDArray, Y as NDArray, c as LayerCache[], true),
      plant: { find: 'const dAL = np.negative(np.subtract(np.divide(Y, AL), np.divide(np.subtract(1, Y), np.subtract(1, AL))));', replace: 'const dAL = np.subtract(np.divide(Y, AL), np.divide(np.subtract(1, Y), np.subtract(1, AL)));' } }],
  },
  update_parameters: {
    points: 1,
    cases: [81, 82].map((s) => ({ name: `seed ${s}`, args: () => { const n = net(s, [3, 4, 1], 2); const g: Params = {}; for (const [k, v] of Object.entries(n.p)) g['d' + k] = np.random.randn(...v.shape); return [n.p, g, 0.05]; } })),
    mistakes: [{ message: 'subtract learning_rate * gradient', impl: (p, g, lr) => Object.fromEntries(Object.entries(p as Params).map(([k, v]) => [k, v.add(np.multiply(lr as number, (g as Params)['d' + k]))])),
      plant: { find: "parameters['W' + l] = parameters['W' + l].sub(np.multiply(learning_rate, grads['dW' + l]));\n    parameters['b' + l] = parameters['b' + l].sub(",
        replace: "parameters['W' + l] = parameters['W' + l].add(np.multiply(learning_rate, grads['dW' + l]));\n    parameters['b' + l] = parameters['b' + l].add(" } }],
  },
};
