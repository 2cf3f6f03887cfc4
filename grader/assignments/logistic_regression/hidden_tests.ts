// Hidden tests of the logistic-regression assignment (see grader/README.md, "Writing an assignment").
// Each known mistake is written twice: `impl`, the wrong function (so feedback can recognise its
// output), and `plant`, the same mistake as an edit of the source's solution (validate grades it).
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';
import type { Grads, Params } from './lib/public_tests';

const sig = (z: NDArray): NDArray => np.divide(1, np.add(1, np.exp(np.negative(z))));

/** The course's propagate case: w = [[1], [2]], b = 2, three examples. */
const courseCase = (): unknown[] => [np.array([[1.0], [2.0]]), 2.0, np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])];

/** A random case: w (n, 1), b, X (n, m), Y (1, m) of 0/1 labels. */
function randomCase(seed: number, n: number, m: number): unknown[] {
  np.random.seed(seed);
  const w = np.random.randn(n, 1).mul(0.5);
  const b = 0.3;
  const X = np.random.randn(n, m);
  const Y = np.random.rand(1, m).gt(0.5).astype('float64');
  return [w, b, X, Y];
}

type Variant = { dbScale?: number; costScale?: number; dwScale?: number };
function propagateWith(v: Variant) {
  return (w: unknown, b: unknown, X: unknown, Y: unknown): [Grads, number] => {
    const [W, B, x, y] = [w as NDArray, b as number, X as NDArray, Y as NDArray];
    const m = x.shape[1];
    const A = sig(np.dot(W.T, x).add(B));
    const cost = (v.costScale ?? -1 / m) * np.sum(y.mul(np.log(A)).add(np.subtract(1, y).mul(np.log(np.subtract(1, A)))));
    const dw = np.dot(x, A.sub(y).T).mul(v.dwScale ?? 1 / m);
    const db = (v.dbScale ?? 1 / m) * np.sum(A.sub(y));
    return [{ dw, db }, cost];
  };
}

/** `sign` -1: w climbs the gradient (b still descends); `updateB` false: b never moves. */
function optimizeWith(sign: 1 | -1, updateB: boolean) {
  return (w0: unknown, b0: unknown, X: unknown, Y: unknown, iterations: unknown = 100, rate: unknown = 0.009): [Params, Grads, number[]] => {
    let w = w0 as NDArray;
    let b = b0 as number;
    const [n, lr] = [iterations as number, rate as number];
    const costs: number[] = [];
    let grads: Grads = { dw: np.zeros(w.shape), db: 0 };
    for (let i = 0; i < n; i++) {
      const [g, cost] = propagateWith({})(w, b, X, Y);
      grads = g;
      w = w.sub(grads.dw.mul(sign * lr));
      if (updateB) b -= lr * grads.db;
      if (i % 100 === 0) costs.push(cost);
    }
    return [{ w, b }, grads, costs];
  };
}

const predictWith = (f: (A: NDArray) => NDArray) => (w: unknown, b: unknown, X: unknown): NDArray =>
  f(np.dot((w as NDArray).T, X as NDArray).add(b as number)).astype('float64');

/** A small model case: two blobs (seed), train and test. */
function modelCase(seed: number, iterations: number, lr: number): unknown[] {
  np.random.seed(seed);
  const Y = np.random.rand(1, 40).gt(0.5).astype('float64');
  const X = np.random.randn(3, 40).add(Y.mul(2).sub(1));
  const Yt = np.random.rand(1, 15).gt(0.5).astype('float64');
  const Xt = np.random.randn(3, 15).add(Yt.mul(2).sub(1));
  return [X, Y, Xt, Yt, iterations, lr, false];
}

function modelWith(wrong: 'test-on-train' | 'initial-parameters') {
  return (X: unknown, Y: unknown, Xt: unknown, Yt: unknown, n: unknown, lr: unknown) => {
    const x = X as NDArray;
    const w0 = np.zeros([x.shape[0], 1]);
    const [params, , costs] = optimizeWith(1, true)(w0, 0, X, Y, n, lr);
    const [w, b] = wrong === 'initial-parameters' ? [w0, 0] : [params.w, params.b];
    const p = predictWith((z) => sig(z).gt(0.5));
    return {
      costs, Y_prediction_test: p(w, b, wrong === 'test-on-train' ? X : Xt), Y_prediction_train: p(w, b, X),
      w, b, learning_rate: lr, num_iterations: n,
    };
  };
}

export const tests: HiddenSuite = {
  sigmoid: {
    points: 1,
    cases: [
      { name: '[0, 2] (the course\'s example)', args: () => [np.array([0, 2])], published: [0.5, 0.88079708] },
      { name: 'random (3, 4) matrix', args: () => { np.random.seed(4); return [np.random.randn(3, 4).mul(3)]; } },
    ],
    mistakes: [
      {
        message: 'the exponent needs a minus sign: 1 / (1 + exp(-z))',
        impl: (z) => np.divide(1, np.add(1, np.exp(z as NDArray))),
        plant: { find: 'np.exp(np.negative(z))', replace: 'np.exp(z)' },
      },
      {
        message: 'the denominator is 1 + exp(-z), not 1 - exp(-z)',
        impl: (z) => np.divide(1, np.subtract(1, np.exp(np.negative(z as NDArray)))),
        plant: { find: 'np.divide(1, np.add(1, np.exp(np.negative(z))))', replace: 'np.divide(1, np.subtract(1, np.exp(np.negative(z))))' },
      },
    ],
  },
  initialize_with_zeros: {
    points: 1,
    cases: [
      { name: 'dim 2', args: () => [2], published: [[[0], [0]], 0] },
      { name: 'dim 5', args: () => [5] },
    ],
    mistakes: [
      {
        message: 'w is a column: shape (dim, 1), not (1, dim)',
        impl: (dim) => [np.zeros([1, dim as number]), 0],
        plant: { find: 'w = np.zeros([dim, 1]);', replace: 'w = np.zeros([1, dim]);' },
      },
      {
        message: 'w starts at zeros, not ones',
        impl: (dim) => [np.ones([dim as number, 1]), 0],
        plant: { find: 'w = np.zeros([dim, 1]);', replace: 'w = np.ones([dim, 1]);' },
      },
    ],
  },
  propagate: {
    points: 1,
    callees: ['sigmoid'],
    cases: [
      {
        name: 'the course\'s example', args: courseCase,
        published: [{ dw: [[0.99845601], [2.39507239]], db: 0.00145557813678 }, 5.801545319394553],
      },
      { name: 'random, 4 features, 7 examples', args: () => randomCase(1, 4, 7) },
    ],
    mistakes: [
      {
        message: 'db is the mean of A - Y: divide the sum by m',
        impl: propagateWith({ dbScale: 1 }),
        plant: { find: 'db = (1 / m) * np.sum(A.sub(Y));', replace: 'db = np.sum(A.sub(Y));' },
      },
      {
        message: 'dw is divided by m too: (1 / m) X (A - Y)^T',
        impl: propagateWith({ dwScale: 1 }),
        plant: { find: 'dw = np.dot(X, A.sub(Y).T).mul(1 / m);', replace: 'dw = np.dot(X, A.sub(Y).T);' },
      },
      {
        message: 'the cost is -1/m times the sum (it is positive)',
        impl: propagateWith({ costScale: 1 }),
        plant: { find: 'cost = (-1 / m) * np.sum(', replace: 'cost = np.sum(' },
      },
    ],
  },
  optimize: {
    points: 1,
    callees: ['propagate'],
    cases: [
      {
        name: 'the course\'s example, 100 iterations', args: () => [...courseCase(), 100, 0.009, false],
        published: [{ w: [[0.19033591], [0.12259159]], b: 1.9253598300845747 }, { dw: [[0.67752042], [1.41625495]], db: 0.219194504541 }, null],
      },
      { name: 'random, 3 features, 250 iterations', args: () => [...randomCase(2, 3, 9), 250, 0.05, false] },
    ],
    mistakes: [
      {
        message: 'gradient descent subtracts the gradient: w - learning_rate * dw',
        impl: optimizeWith(-1, true),
        plant: { find: 'w = w.sub(grads.dw.mul(learning_rate));', replace: 'w = w.add(grads.dw.mul(learning_rate));' },
      },
      {
        message: 'b is updated too: b - learning_rate * db',
        impl: optimizeWith(1, false),
        plant: { find: 'b = b - learning_rate * grads.db;', replace: '' },
      },
    ],
  },
  predict: {
    points: 1,
    callees: ['sigmoid'],
    cases: [
      { name: 'the course\'s example', args: () => [np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])], published: [[1, 1, 0]] },
      { name: 'random, 3 features, 12 examples', args: () => { np.random.seed(5); return [np.random.randn(3, 1), 0.4, np.random.randn(3, 12)]; } },
    ],
    mistakes: [
      {
        message: 'predict 1 where A > 0.5 (the labels are inverted)',
        impl: predictWith((z) => sig(z).le(0.5)),
        plant: { find: "Y_prediction = A.gt(0.5)", replace: "Y_prediction = A.le(0.5)" },
      },
      {
        message: 'apply the sigmoid before comparing with 0.5',
        impl: predictWith((z) => z.gt(0.5)),
        plant: { find: 'const A = sigmoid(np.dot(w.T, X).add(b));', replace: 'const A = np.dot(w.T, X).add(b);' },
      },
    ],
  },
  model: {
    points: 1,
    callees: ['initialize_with_zeros', 'optimize', 'predict', 'sigmoid', 'propagate'],
    cases: [
      { name: 'two blobs, 3 features, 300 iterations', args: () => modelCase(6, 300, 0.1) },
      { name: 'two blobs, 3 features, 150 iterations', args: () => modelCase(7, 150, 0.5) },
    ],
    mistakes: [
      {
        message: 'Y_prediction_test predicts X_test',
        impl: modelWith('test-on-train'),
        plant: { find: 'Y_prediction_test = predict(w, b, X_test);', replace: 'Y_prediction_test = predict(w, b, X_train);' },
      },
      {
        message: 'predict with the trained parameters that optimize returns',
        impl: modelWith('initial-parameters'),
        plant: { find: 'w = params.w;\n  b = params.b;', replace: 'w = w0;\n  b = b0;' },
      },
    ],
  },
};
