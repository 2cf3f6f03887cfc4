/**
 * scikit-learn 1.2's make_circles and make_moons, value for value: the same points, the same
 * shuffle (an arange shuffled in place by the generator, then X[indices], y[indices]) and the
 * same noise draw (generator.normal(0, noise, (n, 2)) added to X), so with the global
 * generator (`random_state` null) np.random.seed(s) gives sklearn's arrays bit for bit.
 */
import { np, NDArray } from '../np';
import { checkRandomState, Generator, RandomStateLike } from './random_state';
import { cos, sin } from './trig';

export interface SampleOptions {
  /** Shuffle the samples (default true). */
  shuffle?: boolean;
  /** Standard deviation of the Gaussian noise added to X; null/undefined adds none (and draws nothing). */
  noise?: number | null;
  /** null/undefined: numpy's global generator (np.random); a number seeds a new RandomState. */
  random_state?: RandomStateLike;
}

export interface CirclesOptions extends SampleOptions {
  /** Radius of the inner circle relative to the outer one, in [0, 1) (default 0.8). */
  factor?: number;
}

/** [outer count, inner count]: an int n splits as n // 2 outer, the rest inner. */
function split(n_samples: number | readonly [number, number]): [number, number] {
  if (typeof n_samples === 'number') {
    if (!Number.isInteger(n_samples) || n_samples < 0) throw new Error(`n_samples must be a non-negative integer, got ${n_samples}`);
    const out = Math.floor(n_samples / 2);
    return [out, n_samples - out];
  }
  if (!Array.isArray(n_samples) || n_samples.length !== 2) {
    throw new Error('`n_samples` can be either an int or a two-element tuple.');
  }
  return [n_samples[0], n_samples[1]];
}

/** X (n, 2) from the two point sets in order, y (n,) int64: 0 for the first set, 1 for the second. */
function assemble(first: [Float64Array, Float64Array], second: [Float64Array, Float64Array]): [NDArray, NDArray] {
  const n0 = first[0].length, n = n0 + second[0].length;
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [xs, ys, j] = i < n0 ? [first[0], first[1], i] : [second[0], second[1], i - n0];
    X[2 * i] = xs[j];
    X[2 * i + 1] = ys[j];
    y[i] = i < n0 ? 0 : 1;
  }
  return [new NDArray(X, [n, 2]), new NDArray(y, [n], 'int64')];
}

/** sklearn's order of draws: shuffle first, then noise. */
function finish(X: NDArray, y: NDArray, gen: Generator, options: SampleOptions): [NDArray, NDArray] {
  if (options.shuffle ?? true) {
    const indices = np.arange(0, y.size, 1, 'int64');
    gen.shuffle(indices);
    X = X.slice(indices);
    y = y.slice(indices);
  }
  if (options.noise !== null && options.noise !== undefined) {
    X = X.add(gen.normal(0, options.noise, X.shape));
  }
  return [X, y];
}

const map = (a: NDArray, f: (x: number) => number): Float64Array => Float64Array.from(a.values(), f);

/** A large circle containing a smaller one: returns [X (n, 2) float64, y (n,) int64]. */
export function make_circles(n_samples: number | readonly [number, number] = 100, options: CirclesOptions = {}): [NDArray, NDArray] {
  const factor = options.factor ?? 0.8;
  if (factor >= 1 || factor < 0) throw new Error("'factor' has to be between 0 and 1.");
  const [nOut, nIn] = split(n_samples);
  const gen = checkRandomState(options.random_state);
  // endpoint=False so that the first point is not repeated as the last
  const tOut = np.linspace(0, 2 * Math.PI, nOut, { endpoint: false });
  const tIn = np.linspace(0, 2 * Math.PI, nIn, { endpoint: false });
  const [X, y] = assemble(
    [map(tOut, cos), map(tOut, sin)],
    [map(tIn, (t) => cos(t) * factor), map(tIn, (t) => sin(t) * factor)]);
  return finish(X, y, gen, options);
}

/** Two interleaving half circles: returns [X (n, 2) float64, y (n,) int64]. */
export function make_moons(n_samples: number | readonly [number, number] = 100, options: SampleOptions = {}): [NDArray, NDArray] {
  const [nOut, nIn] = split(n_samples);
  const gen = checkRandomState(options.random_state);
  const tOut = np.linspace(0, Math.PI, nOut);
  const tIn = np.linspace(0, Math.PI, nIn);
  const [X, y] = assemble(
    [map(tOut, cos), map(tOut, sin)],
    [map(tIn, (t) => 1 - cos(t)), map(tIn, (t) => 1 - sin(t) - 0.5)]);
  return finish(X, y, gen, options);
}
