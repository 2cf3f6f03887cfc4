// Public tests of the logistic-regression assignment: the course's published values where they apply.
import { np } from '../../../../lib/np';
import { NDArray } from '../../../../lib/np/ndarray';
import { Check, expectClose, expectKeys, expectNumberClose, expectShape, fail, runChecks } from '../../../../lib/course/testing';

export type Grads = { dw: NDArray; db: number };
export type Params = { w: NDArray; b: number };
export type ModelResult = { costs: number[]; Y_prediction_test: NDArray; Y_prediction_train: NDArray; w: NDArray; b: number; learning_rate: number; num_iterations: number };

/** The course's test case for propagate and optimize. */
const courseCase = (): [NDArray, number, NDArray, NDArray] =>
  [np.array([[1.0], [2.0]]), 2.0, np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])];

/** Calls `fn` once, lazily, so each check reports its own failure. */
function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => { if (!done) { value = fn(); done = true; } return value; };
}

export function sigmoid_test(sigmoid: (z: NDArray) => NDArray): void {
  runChecks('sigmoid', [
    { name: 'sigmoid([0, 2]) = [0.5, 0.88079708]', run: () => expectClose(sigmoid(np.array([0, 2])), [0.5, 0.88079708], 'sigmoid([0, 2])') },
    { name: 'works element-wise on a matrix', run: () => expectClose(sigmoid(np.array([[-1, 0], [1, 3]])), [[0.26894142, 0.5], [0.73105858, 0.95257413]], 'sigmoid([[-1, 0], [1, 3]])') },
  ]);
}

export function initialize_with_zeros_test(initialize_with_zeros: (dim: number) => [NDArray, number]): void {
  const r = once(() => initialize_with_zeros(2));
  runChecks('initialize_with_zeros', [
    { name: 'w is a (2, 1) column of zeros', run: () => expectClose(r()[0], [[0], [0]], 'w') },
    { name: 'b is the number 0', run: () => { if (r()[1] !== 0) fail(`b should be the number 0, got ${String(r()[1])}`); } },
  ]);
}

export function propagate_test(propagate: (w: NDArray, b: number, X: NDArray, Y: NDArray) => [Grads, number]): void {
  const r = once(() => propagate(...courseCase()));
  runChecks('propagate', [
    { name: 'returns dw and db', run: () => { expectKeys(r()[0], ['dw', 'db'], 'grads'); } },
    { name: 'dw = [[0.99845601], [2.39507239]]', run: () => expectClose(r()[0].dw, [[0.99845601], [2.39507239]], 'dw') },
    { name: 'db = 0.00145557813678', run: () => expectNumberClose(r()[0].db, 0.001455578136784208, 'db') },
    { name: 'cost = 5.801545319394553', run: () => expectNumberClose(r()[1], 5.801545319394553, 'cost') },
  ]);
}

type Optimize = (w: NDArray, b: number, X: NDArray, Y: NDArray, num_iterations?: number, learning_rate?: number, print_cost?: boolean) => [Params, Grads, number[]];

export function optimize_test(optimize: Optimize): void {
  const r = once(() => { const [w, b, X, Y] = courseCase(); return optimize(w, b, X, Y, 100, 0.009, false); });
  const checks: Check[] = [
    { name: 'w after 100 iterations = [[0.19033591], [0.12259159]]', run: () => expectClose(r()[0].w, [[0.19033591], [0.12259159]], 'w') },
    { name: 'b after 100 iterations = 1.9253598300845747', run: () => expectNumberClose(r()[0].b, 1.9253598300845747, 'b') },
    { name: 'dw = [[0.67752042], [1.41625495]]', run: () => expectClose(r()[1].dw, [[0.67752042], [1.41625495]], 'dw') },
    { name: 'db = 0.219194504541', run: () => expectNumberClose(r()[1].db, 0.219194504541, 'db') },
    { name: 'one cost recorded every 100 iterations', run: () => { if (!Array.isArray(r()[2]) || r()[2].length !== 1) fail(`costs should hold 1 value, got ${JSON.stringify(r()[2]?.length)}`); } },
  ];
  runChecks('optimize', checks);
}

export function predict_test(predict: (w: NDArray, b: number, X: NDArray) => NDArray): void {
  const r = once(() => predict(np.array([[0.1124579], [0.23106775]]), -0.3, np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])));
  runChecks('predict', [
    { name: 'predictions = [[1, 1, 0]]', run: () => expectClose(r(), [[1, 1, 0]], 'predictions') },
    { name: 'predictions are float64 (0.0 or 1.0)', run: () => { if (expectShape(r(), [1, 3], 'predictions').dtype !== 'float64') fail(`predictions should be float64, got ${r().dtype}`); } },
  ]);
}

type Model = (X_train: NDArray, Y_train: NDArray, X_test: NDArray, Y_test: NDArray, num_iterations?: number, learning_rate?: number, print_cost?: boolean) => ModelResult;

export function model_test(model: Model): void {
  const X = np.array([[1.0, -2.0, 0.5, 3.0], [0.5, -1.0, -2.0, 1.5]]);
  const Y = np.array([[1, 0, 0, 1]]);
  const Xt = np.array([[2.0, -1.5], [1.0, -0.5]]);
  const Yt = np.array([[1, 0]]);
  const r = once(() => model(X, Y, Xt, Yt, 50, 0.1, false));
  runChecks('model', [
    { name: 'returns costs, Y_prediction_test, Y_prediction_train, w, b, learning_rate, num_iterations', run: () => { expectKeys(r(), ['costs', 'Y_prediction_test', 'Y_prediction_train', 'w', 'b', 'learning_rate', 'num_iterations'], 'the result'); } },
    { name: 'predictions have one column per example', run: () => { expectShape(r().Y_prediction_train, [1, 4], 'Y_prediction_train'); expectShape(r().Y_prediction_test, [1, 2], 'Y_prediction_test'); } },
    { name: 'this separable example is classified correctly', run: () => { expectClose(r().Y_prediction_train, [[1, 0, 0, 1]], 'Y_prediction_train'); expectClose(r().Y_prediction_test, [[1, 0]], 'Y_prediction_test'); } },
    { name: 'w has shape (2, 1)', run: () => { expectShape(r().w, [2, 1], 'w'); } },
  ]);
}
