/**
 * Hidden tests for the regularization assignment (1 point per graded function, split over its
 * cases): other seeds, layer sizes, lambdas and keep probabilities than the public tests.
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';
import { compute_cost, forward_propagation } from './lib';
import { relu, sigmoid } from '../../../lib/course/common/activations';

type Params = Record<string, NDArray>;

function network(seed: number, nx: number, h1: number, h2: number, m: number): { X: NDArray; Y: NDArray; p: Params } {
  np.random.seed(seed);
  const X = np.random.randn(nx, m);
  const Y = np.random.rand(1, m).gt(0.5).astype('int64');
  const dims = [nx, h1, h2, 1];
  const p: Params = {};
  for (let l = 1; l < 4; l++) { p['W' + l] = np.random.randn(dims[l], dims[l - 1]).mul(0.7); p['b' + l] = np.random.randn(dims[l], 1).mul(0.1); }
  return { X, Y, p };
}

function dropoutForward(X: NDArray, p: Params, keep: number, scale = true): [NDArray, NDArray[]] {
  np.random.seed(1);
  let A1 = relu(np.dot(p.W1, X).add(p.b1));
  const D1 = np.random.rand(...A1.shape).lt(keep).astype('int64');
  A1 = A1.mul(D1); if (scale) A1 = A1.div(keep);
  let A2 = relu(np.dot(p.W2, A1).add(p.b2));
  const D2 = np.random.rand(...A2.shape).lt(keep).astype('int64');
  A2 = A2.mul(D2); if (scale) A2 = A2.div(keep);
  const Z1 = np.dot(p.W1, X).add(p.b1), Z2 = np.dot(p.W2, A1).add(p.b2), Z3 = np.dot(p.W3, A2).add(p.b3);
  const A3 = sigmoid(Z3);
  return [A3, [Z1, D1, A1, p.W1, p.b1, Z2, D2, A2, p.W2, p.b2, Z3, A3, p.W3, p.b3]];
}

function backward(X: NDArray, Y: NDArray, c: NDArray[], opts: { lambd?: number; keep?: number; mask?: boolean; scale?: boolean; perM?: boolean }): Params {
  const m = X.shape[1];
  const drop = opts.keep !== undefined;
  const [A1, A2, A3, W1, W2, W3] = drop ? [c[2], c[7], c[11], c[3], c[8], c[12]] : [c[1], c[5], c[9], c[2], c[6], c[10]];
  const l2 = (W: NDArray): NDArray | number => (opts.lambd ? np.multiply((opts.lambd ?? 0) / (opts.perM === false ? 1 : m), W) : 0);
  const dZ3 = A3.sub(Y);
  const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T)).add(l2(W3));
  const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  let dA2 = np.dot(W3.T, dZ3);
  if (drop) { if (opts.mask !== false) dA2 = dA2.mul(c[6]); if (opts.scale !== false) dA2 = dA2.div(opts.keep!); }
  const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T)).add(l2(W2));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  let dA1 = np.dot(W2.T, dZ2);
  if (drop) { if (opts.mask !== false) dA1 = dA1.mul(c[1]); if (opts.scale !== false) dA1 = dA1.div(opts.keep!); }
  const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64'));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T)).add(l2(W1));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

const costCase = (seed: number, lambd: number, m: number) => ({
  name: `seed ${seed}, m=${m}, lambd=${lambd}`,
  args: () => { const { Y, p } = network(seed, 3, 4, 2, m); np.random.seed(seed + 100); return [np.random.rand(1, m).mul(0.98).add(0.01), Y, p, lambd]; },
});

function l2Cost(A3: NDArray, Y: NDArray, p: Params, lambd: number, variant: 'noM' | 'noHalf' | 'abs'): number {
  const m = Y.shape[1];
  const s = (W: NDArray): number => (variant === 'abs' ? np.sum(np.abs(W)) : np.sum(np.square(W)));
  const total = s(p.W1) + s(p.W2) + s(p.W3);
  return compute_cost(A3, Y) + (variant === 'noM' ? lambd / 2 * total : variant === 'noHalf' ? 1 / m * lambd * total : 1 / m * lambd / 2 * total);
}

/** The source's three dW lines of backward_propagation_with_regularization, with the code between them. */
const BACKWARD_L2_DW = `dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T)).add(np.multiply(lambd / m, W3));
  // END SOLUTION
  // END CODE HERE
  const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  const dA2 = np.dot(W3.T, dZ3);
  const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
  // START CODE HERE (≈ 1 line of code)
  // BEGIN SOLUTION
  dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T)).add(np.multiply(lambd / m, W2));
  // END SOLUTION
  // END CODE HERE
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dA1 = np.dot(W2.T, dZ2);
  const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64'));
  // START CODE HERE (≈ 1 line of code)
  // BEGIN SOLUTION
  dW1 = np.multiply(1 / m, np.dot(dZ1, X.T)).add(np.multiply(lambd / m, W1));`;

/** The source's two divisions by keep_prob in forward_propagation_with_dropout, with the code between them. */
const FORWARD_DROPOUT_SCALE = `A1 = A1.div(keep_prob);
  // END SOLUTION
  // END CODE HERE
  const Z2 = np.dot(W2, A1).add(b2);
  let A2 = relu(Z2);
  let D2: NDArray;
  // START CODE HERE (≈ 4 lines of code)
  // BEGIN SOLUTION
  D2 = np.random.rand(A2.shape[0], A2.shape[1]);
  D2 = D2.lt(keep_prob).astype('int64');
  A2 = A2.mul(D2);
  A2 = A2.div(keep_prob);`;

/** The source's dA2 and dA1 lines of backward_propagation_with_dropout, with the code between them. */
const BACKWARD_DROPOUT_DA = `dA2 = dA2.mul(D2);
  dA2 = dA2.div(keep_prob);
  // END SOLUTION
  // END CODE HERE
  const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  let dA1 = np.dot(W2.T, dZ2);
  // START CODE HERE (≈ 2 lines of code)
  // BEGIN SOLUTION
  dA1 = dA1.mul(D1);
  dA1 = dA1.div(keep_prob);`;

export const tests: HiddenSuite = {
  compute_cost_with_regularization: {
    points: 1,
    cases: [costCase(4, 0.7, 6), costCase(9, 0.05, 10), costCase(2, 3, 1)],
    mistakes: [
      { message: 'divide the L2 cost by m: (1 / m) * (lambd / 2) * sum of squares', impl: (A, Y, p, l) => l2Cost(A as NDArray, Y as NDArray, p as Params, l as number, 'noM'),
        plant: { find: 'L2_regularization_cost = 1 / m * lambd / 2 * (', replace: 'L2_regularization_cost = lambd / 2 * (' } },
      { message: 'the L2 cost has a factor lambd / 2, not lambd', impl: (A, Y, p, l) => l2Cost(A as NDArray, Y as NDArray, p as Params, l as number, 'noHalf'),
        plant: { find: 'L2_regularization_cost = 1 / m * lambd / 2 * (', replace: 'L2_regularization_cost = 1 / m * lambd * (' } },
      { message: 'square the weights (np.square) before summing', impl: (A, Y, p, l) => l2Cost(A as NDArray, Y as NDArray, p as Params, l as number, 'abs'),
        plant: { find: '(np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)))', replace: '(np.sum(np.abs(W1)) + np.sum(np.abs(W2)) + np.sum(np.abs(W3)))' } },
    ],
  },
  backward_propagation_with_regularization: {
    points: 1,
    cases: [5, 8].map((seed) => ({
      name: `seed ${seed}`,
      args: () => { const { X, Y, p } = network(seed, 3, 5, 3, 7); return [X, Y, forward_propagation(X, p)[1], seed === 5 ? 0.7 : 0.2]; },
    })),
    mistakes: [
      { message: 'add lambd / m * W to each dW', impl: (X, Y, c) => backward(X as NDArray, Y as NDArray, c as NDArray[], {}),
        // The three dW lines (the code between them unchanged).
        plant: { find: BACKWARD_L2_DW, replace: BACKWARD_L2_DW.replace(/\.add\(np\.multiply\(lambd \/ m, W\d\)\)/g, '') } },
      { message: 'the L2 term of dW is lambd / m * W (divide by m)', impl: (X, Y, c, l) => backward(X as NDArray, Y as NDArray, c as NDArray[], { lambd: l as number, perM: false }),
        plant: { find: BACKWARD_L2_DW, replace: BACKWARD_L2_DW.replace(/lambd \/ m, W/g, 'lambd, W') } },
    ],
  },
  forward_propagation_with_dropout: {
    points: 1,
    cases: [[6, 0.6], [10, 0.9]].map(([seed, keep]) => ({
      name: `seed ${seed}, keep_prob ${keep}`,
      args: () => { const { X, p } = network(seed, 4, 5, 3, 6); return [X, p, keep]; },
    })),
    mistakes: [
      { message: 'divide the kept activations by keep_prob (inverted dropout)', impl: (X, p, k) => dropoutForward(X as NDArray, p as Params, k as number, false),
        // Both layers' division removed (the code between them unchanged).
        plant: { find: FORWARD_DROPOUT_SCALE, replace: FORWARD_DROPOUT_SCALE.replace(/\n *A\d = A\d\.div\(keep_prob\);/g, '').replace(/^A1 = A1\.div\(keep_prob\);\n */, '') } },
    ],
  },
  backward_propagation_with_dropout: {
    points: 1,
    cases: [[7, 0.75], [12, 0.5]].map(([seed, keep]) => ({
      name: `seed ${seed}, keep_prob ${keep}`,
      args: () => { const { X, Y, p } = network(seed, 3, 4, 3, 5); return [X, Y, dropoutForward(X, p, keep)[1], keep]; },
    })),
    mistakes: [
      { message: 'multiply dA1 and dA2 by the masks D1 and D2 from the forward pass', impl: (X, Y, c, k) => backward(X as NDArray, Y as NDArray, c as NDArray[], { keep: k as number, mask: false }),
        plant: { find: BACKWARD_DROPOUT_DA, replace: BACKWARD_DROPOUT_DA.replace(/dA(\d) = dA\d\.mul\(D\d\);\n */g, '') } },
      { message: 'divide dA1 and dA2 by keep_prob after applying the masks', impl: (X, Y, c, k) => backward(X as NDArray, Y as NDArray, c as NDArray[], { keep: k as number, scale: false }),
        plant: { find: BACKWARD_DROPOUT_DA, replace: BACKWARD_DROPOUT_DA.replace(/\n *dA\d = dA\d\.div\(keep_prob\);/g, '') } },
    ],
  },
};
