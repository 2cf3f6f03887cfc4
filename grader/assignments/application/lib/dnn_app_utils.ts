/**
 * The cat-classifier assignment's helpers (the course's dnn_app_utils): the L-layer building blocks
 * written in the step-by-step assignment, the application's own initializations, prediction and the
 * mislabelled-images plot, in the course's operation order.
 */
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import { pyStr } from '../../../../lib/np/format/pyfloat';
import { mislabeledImages, show } from '../../../../lib/plot';
import type { Params } from '../../../../lib/course/common/types';
import {
  ACT_NONE, ACT_RELU, ACT_SIGMOID, biasAct, dALF, log1mF, reluBackwardF, rowSumsF, scaleF, sigmoidBackwardF,
} from '../../../../lib/course/common/fused';
import { sgdStep } from '../../../../lib/course/common/three_layer';
import { relu, relu_backward, sigmoid, sigmoid_backward } from '../../../../lib/course/common/dnn_utils';
import type { LayerCache, LinearCache } from '../../../../lib/course/common/dnn_utils';

/** Seed 1; W = randn × 0.01, b = 0, for LINEAR → RELU → LINEAR → SIGMOID. */
export function initialize_parameters(n_x: number, n_h: number, n_y: number): Params {
  np.random.seed(1);
  return {
    W1: np.random.randn(n_h, n_x).mul(0.01), b1: np.zeros([n_h, 1]),
    W2: np.random.randn(n_y, n_h).mul(0.01), b2: np.zeros([n_y, 1]),
  };
}

/** Seed 1; W = randn(n_l, n_{l-1}) / sqrt(n_{l-1}), b = 0. */
export function initialize_parameters_deep(layer_dims: number[]): Params {
  np.random.seed(1);
  const p: Params = {};
  for (let l = 1; l < layer_dims.length; l++) {
    p['W' + l] = np.random.randn(layer_dims[l], layer_dims[l - 1]).div(Math.sqrt(layer_dims[l - 1]));
    p['b' + l] = np.zeros([layer_dims[l], 1]);
  }
  return p;
}

export function linear_forward(A: NDArray, W: NDArray, b: NDArray): [NDArray, LinearCache] {
  const D = np.dot(W, A);
  const fused = biasAct(D, b, ACT_NONE);
  return [fused ? fused[0] : D.add(b), [A, W, b]];
}

export function linear_activation_forward(A_prev: NDArray, W: NDArray, b: NDArray, activation: 'sigmoid' | 'relu'): [NDArray, LayerCache] {
  // The bias add and the activation as one loop (common/fused.ts) in the usual (n, m) + (n, 1) case,
  // otherwise what linear_forward and the activation do.
  const D = np.dot(W, A_prev);
  const fused = biasAct(D, b, activation === 'sigmoid' ? ACT_SIGMOID : ACT_RELU);
  if (fused) return [fused[1], [[A_prev, W, b], fused[0]]];
  const Z = D.add(b);
  const [A, activation_cache] = activation === 'sigmoid' ? sigmoid(Z) : relu(Z);
  return [A, [[A_prev, W, b], activation_cache]];
}

export function L_model_forward(X: NDArray, parameters: Params): [NDArray, LayerCache[]] {
  const caches: LayerCache[] = [];
  let A = X;
  const L = Object.keys(parameters).length / 2;
  for (let l = 1; l < L; l++) {
    const [next, cache] = linear_activation_forward(A, parameters['W' + l], parameters['b' + l], 'relu');
    caches.push(cache);
    A = next;
  }
  const [AL, cache] = linear_activation_forward(A, parameters['W' + L], parameters['b' + L], 'sigmoid');
  caches.push(cache);
  return [AL, caches];
}

/** (1/m) · (−Y·log(AL)ᵀ − (1−Y)·log(1−AL)ᵀ), as a number. */
export function compute_cost(AL: NDArray, Y: NDArray): number {
  const m = Y.shape[1];
  const d1 = np.dot(Y, np.log(AL).T);
  const d2 = np.dot(np.subtract(1, Y), (log1mF(AL) ?? np.log(np.subtract(1, AL))).T);
  // The usual (1, 1) products: the same scalar arithmetic without three 1-element arrays.
  if (d1.dtype === 'float64' && d2.dtype === 'float64' && d1.ndim === 2 && d1.size === 1 && d2.ndim === 2 && d2.size === 1) {
    return (1 / m) * ((-d1.data[d1.offset]) - d2.data[d2.offset]);
  }
  const cost = np.multiply(1 / m, np.subtract(np.negative(d1), d2));
  return np.squeeze(cost).item();
}

export function linear_backward(dZ: NDArray, cache: LinearCache): [NDArray, NDArray, NDArray] {
  const [A_prev, W] = cache;
  const m = A_prev.shape[1];
  // The 1/m scaling is done in place on the fresh np.dot result, and with the row sums, for float64.
  const dWraw = np.dot(dZ, A_prev.T);
  const dW = scaleF(1 / m, dWraw) ?? np.multiply(1 / m, dWraw);
  let db = rowSumsF(dZ, 1 / m);
  if (!db) {
    const dbraw = np.sum(dZ, { axis: 1, keepdims: true });
    db = scaleF(1 / m, dbraw) ?? np.multiply(1 / m, dbraw);
  }
  return [np.dot(W.T, dZ), dW, db];
}

export function linear_activation_backward(dA: NDArray, cache: LayerCache, activation: 'sigmoid' | 'relu'): [NDArray, NDArray, NDArray] {
  const [linear_cache, activation_cache] = cache;
  const dZ = activation === 'relu'
    ? reluBackwardF(dA, activation_cache) ?? relu_backward(dA, activation_cache)
    : sigmoidBackwardF(dA, activation_cache) ?? sigmoid_backward(dA, activation_cache);
  return linear_backward(dZ, linear_cache);
}

export function L_model_backward(AL: NDArray, Y: NDArray, caches: LayerCache[]): Params {
  const grads: Params = {};
  const L = caches.length;
  Y = Y.reshape(AL.shape);
  const dAL = dALF(AL, Y) ?? np.negative(np.subtract(np.divide(Y, AL), np.divide(np.subtract(1, Y), np.subtract(1, AL))));
  [grads['dA' + (L - 1)], grads['dW' + L], grads['db' + L]] = linear_activation_backward(dAL, caches[L - 1], 'sigmoid');
  for (let l = L - 2; l >= 0; l--) {
    [grads['dA' + l], grads['dW' + (l + 1)], grads['db' + (l + 1)]] = linear_activation_backward(grads['dA' + (l + 1)], caches[l], 'relu');
  }
  return grads;
}

export function update_parameters(params: Params, grads: Params, learning_rate: number): Params {
  const parameters: Params = { ...params };
  const L = Object.keys(parameters).length / 2;
  for (let l = 1; l <= L; l++) {
    parameters['W' + l] = sgdStep(parameters['W' + l], grads['dW' + l], learning_rate);
    parameters['b' + l] = sgdStep(parameters['b' + l], grads['db' + l], learning_rate);
  }
  return parameters;
}

/** 0/1 predictions (1, m); prints "Accuracy: " + sum((p == y) / m), as the course does. */
export function predict(X: NDArray, y: NDArray, parameters: Params): NDArray {
  const m = X.shape[1];
  const [probas] = L_model_forward(X, parameters);
  const p = probas.gt(0.5).astype('float64');
  console.log('Accuracy: ' + pyStr(np.sum(p.eq(y).astype('int64').div(m))));
  return p;
}

/** Shows the test images the model got wrong, with their prediction and true class. */
export function print_mislabeled_images(classes: string[], X: NDArray, y: NDArray, p: NDArray): void {
  show(mislabeledImages(classes, X, y, p));
}
