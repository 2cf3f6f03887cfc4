/**
 * Hidden tests for the application (1 point per model, split over its cases): a few training
 * iterations on small synthetic data, so grading stays fast; the parameters and recorded costs are
 * compared with the reference solution's.
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';
import {
  initialize_parameters, initialize_parameters_deep, linear_activation_forward, linear_activation_backward,
  L_model_forward, L_model_backward, compute_cost, update_parameters,
} from './lib/dnn_app_utils';

type Params = Record<string, NDArray>;
type Opts = { learning_rate?: number; num_iterations?: number };

function data(seed: number, n: number, m: number): [NDArray, NDArray] {
  np.random.seed(seed);
  return [np.random.rand(n, m), np.random.rand(1, m).gt(0.5).astype('int64')];
}

function twoLayer(X: NDArray, Y: NDArray, dims: number[], o: Opts, flip = false): [Params, number[]] {
  np.random.seed(1);
  const costs: number[] = [];
  let p = initialize_parameters(dims[0], dims[1], dims[2]);
  const n = o.num_iterations ?? 3000, lr = o.learning_rate ?? 0.0075;
  for (let i = 0; i < n; i++) {
    const [A1, c1] = linear_activation_forward(X, p.W1, p.b1, 'relu');
    const [A2, c2] = linear_activation_forward(A1, p.W2, p.b2, 'sigmoid');
    const cost = compute_cost(A2, Y);
    let dA2 = np.negative(np.subtract(np.divide(Y, A2), np.divide(np.subtract(1, Y), np.subtract(1, A2))));
    if (flip) dA2 = dA2.neg();
    const [dA1, dW2, db2] = linear_activation_backward(dA2, c2, 'sigmoid');
    const [, dW1, db1] = linear_activation_backward(dA1, c1, 'relu');
    p = update_parameters(p, { dW1, db1, dW2, db2 }, lr);
    if (i % 100 === 0) costs.push(cost);
  }
  return [p, costs];
}

function lLayer(X: NDArray, Y: NDArray, dims: number[], o: Opts, init: 'deep' | 'small' = 'deep'): [Params, number[]] {
  np.random.seed(1);
  const costs: number[] = [];
  let p: Params;
  if (init === 'deep') p = initialize_parameters_deep(dims);
  else { np.random.seed(1); p = {}; for (let l = 1; l < dims.length; l++) { p['W' + l] = np.random.randn(dims[l], dims[l - 1]).mul(0.01); p['b' + l] = np.zeros([dims[l], 1]); } }
  const n = o.num_iterations ?? 3000, lr = o.learning_rate ?? 0.0075;
  for (let i = 0; i < n; i++) {
    const [AL, caches] = L_model_forward(X, p);
    const cost = compute_cost(AL, Y);
    p = update_parameters(p, L_model_backward(AL, Y, caches), lr);
    if (i % 100 === 0) costs.push(cost);
  }
  return [p, costs];
}

export const tests: HiddenSuite = {
  two_layer_model: {
    points: 1,
    cases: [
      { name: '[20, 4, 1], 5 iterations', args: () => [...data(3, 20, 30), [20, 4, 1], { num_iterations: 5, learning_rate: 0.05 }] },
      { name: '[10, 6, 1], 101 iterations', args: () => [...data(4, 10, 25), [10, 6, 1], { num_iterations: 101, learning_rate: 0.1 }] },
    ],
    mistakes: [{ message: 'dA2 = -(Y / A2 - (1 - Y) / (1 - A2)): with the opposite sign the model climbs the cost', impl: (X, Y, d, o) => twoLayer(X as NDArray, Y as NDArray, d as number[], o as Opts, true),
      plant: { find: 'const dA2 = np.negative(np.subtract(np.divide(Y, A2), np.divide(np.subtract(1, Y), np.subtract(1, A2))));', replace: 'const dA2 = np.subtract(np.divide(Y, A2), np.divide(np.subtract(1, Y), np.subtract(1, A2)));' } }],
  },
  L_layer_model: {
    points: 1,
    cases: [
      { name: '[20, 6, 3, 1], 5 iterations', args: () => [...data(5, 20, 30), [20, 6, 3, 1], { num_iterations: 5, learning_rate: 0.05 }] },
      { name: '[12, 5, 4, 2, 1], 101 iterations', args: () => [...data(6, 12, 25), [12, 5, 4, 2, 1], { num_iterations: 101, learning_rate: 0.1 }] },
    ],
    mistakes: [{ message: 'initialize with initialize_parameters_deep(layers_dims)', impl: (X, Y, d, o) => lLayer(X as NDArray, Y as NDArray, d as number[], o as Opts, 'small'),
      // The step-by-step notebook's initialization (weights scaled by 0.01) written out by hand.
      plant: { find: 'parameters = initialize_parameters_deep(layers_dims);', replace: "parameters = {};\n  for (let l = 1; l < layers_dims.length; l++) {\n    parameters['W' + l] = np.random.randn(layers_dims[l], layers_dims[l - 1]).mul(0.01);\n    parameters['b' + l] = np.zeros([layers_dims[l], 1]);\n  }" } }],
  },
};
