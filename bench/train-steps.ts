/**
 * Per-iteration cost of the training loops of the initialization, regularization and optimization
 * notebooks, on the runtime bundle the notebooks load (dist/runtime.js; build it first with
 * `node scripts/runtime-bundle.js`, or point TSDL_BUNDLE at another build of lib/). The student parts
 * are the source notebooks' solutions. Run it with the notebooks' malloc settings
 * (GLIBC_TUNABLES from scripts/malloc-tunables.js) to measure what `tsdl run` sees.
 * Usage: npx tsx bench/train-steps.ts [init|reg|reg-l2|reg-drop|opt-gd|opt-mom|opt-adam ...] [--iters N]
 * (opt-* time one epoch of 5 mini-batches per iteration, and run iters / 5 of them.)
 */
/* eslint-disable @typescript-eslint/no-var-requires */
import type { NDArray } from '../lib/np/ndarray';
import type { Cache, DropoutCache } from '../grader/assignments/regularization/lib';
type Params = Record<string, NDArray>;
// TSDL_BUNDLE=<file>: another build of the runtime (to compare two versions of lib/ side by side).
const MODULES = require(process.env.TSDL_BUNDLE ?? '../dist/runtime.js').MODULES as Record<string, unknown>;
const { np } = MODULES.tsdl as typeof import('../lib');
const init = MODULES['tsdl/lib/course/initialization'] as typeof import('../grader/assignments/initialization/lib');
const reg = MODULES['tsdl/lib/course/regularization'] as typeof import('../grader/assignments/regularization/lib');
const opt = MODULES['tsdl/lib/course/optimization'] as typeof import('../grader/assignments/optimization/lib');

function time(name: string, iters: number, step: (i: number) => void): void {
  const warm = Math.min(2000, iters);
  for (let i = 0; i < warm; i++) step(i);
  // CPU time as well as wall time: on a shared machine the first is the steadier figure.
  let best = Infinity, bestCpu = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) step(i);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e3 / iters);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / iters);
  }
  console.log(`${name.padEnd(12)} ${best.toFixed(1)} µs/iter wall, ${bestCpu.toFixed(1)} µs/iter cpu`);
}

function heInit(dims: number[]): Params {
  np.random.seed(3);
  const p: Params = {};
  for (let l = 1; l < dims.length; l++) {
    p['W' + l] = np.random.randn(dims[l], dims[l - 1]).mul(Math.sqrt(2 / dims[l - 1]));
    p['b' + l] = np.zeros([dims[l], 1]);
  }
  return p;
}

function benchInit(iters: number): void {
  const { train_X: X, train_Y: Y } = init.load_dataset();
  let p = heInit([X.shape[0], 10, 5, 1]);
  time('init', iters, () => {
    const [a3, cache] = init.forward_propagation(X, p);
    init.compute_loss(a3, Y);
    const grads = init.backward_propagation(X, Y, cache);
    p = init.update_parameters(p, grads, 0.01);
  });
}

// ---- regularization: the source notebook's graded solutions ------------------------------------
function costL2(A3: NDArray, Y: NDArray, parameters: Params, lambd: number): number {
  const m = Y.shape[1];
  const { W1, W2, W3 } = parameters;
  const cross = reg.compute_cost(A3, Y);
  return cross + 1 / m * lambd / 2 * (np.sum(np.square(W1)) + np.sum(np.square(W2)) + np.sum(np.square(W3)));
}
function backL2(X: NDArray, Y: NDArray, cache: Cache, lambd: number): Params {
  const m = X.shape[1];
  const [, A1, W1, , , A2, W2, , , A3, W3] = cache;
  const dZ3 = A3.sub(Y);
  const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T)).add(np.multiply(lambd / m, W3));
  const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  const dA2 = np.dot(W3.T, dZ3);
  const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T)).add(np.multiply(lambd / m, W2));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dA1 = np.dot(W2.T, dZ2);
  const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64'));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T)).add(np.multiply(lambd / m, W1));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}
function forwardDrop(X: NDArray, parameters: Params, keep_prob: number): [NDArray, DropoutCache] {
  np.random.seed(1);
  const { W1, b1, W2, b2, W3, b3 } = parameters;
  const Z1 = np.dot(W1, X).add(b1);
  let A1 = reg.relu(Z1);
  let D1 = np.random.rand(A1.shape[0], A1.shape[1]);
  D1 = D1.lt(keep_prob).astype('int64');
  A1 = A1.mul(D1);
  A1 = A1.div(keep_prob);
  const Z2 = np.dot(W2, A1).add(b2);
  let A2 = reg.relu(Z2);
  let D2 = np.random.rand(A2.shape[0], A2.shape[1]);
  D2 = D2.lt(keep_prob).astype('int64');
  A2 = A2.mul(D2);
  A2 = A2.div(keep_prob);
  const Z3 = np.dot(W3, A2).add(b3);
  const A3 = reg.sigmoid(Z3);
  return [A3, [Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3]];
}
function backDrop(X: NDArray, Y: NDArray, cache: DropoutCache, keep_prob: number): Params {
  const m = X.shape[1];
  const [, D1, A1, , , , D2, A2, W2, , , A3, W3] = cache;
  const dZ3 = A3.sub(Y);
  const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T));
  const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
  let dA2 = np.dot(W3.T, dZ3);
  dA2 = dA2.mul(D2);
  dA2 = dA2.div(keep_prob);
  const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  let dA1 = np.dot(W2.T, dZ2);
  dA1 = dA1.mul(D1);
  dA1 = dA1.div(keep_prob);
  const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64'));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
}

function benchReg(kind: 'plain' | 'l2' | 'drop', iters: number): void {
  const { train_X: X, train_Y: Y } = reg.load_dataset();
  let p = reg.initialize_parameters([X.shape[0], 20, 3, 1]);
  time(`reg-${kind}`, iters, () => {
    let grads: Params;
    if (kind === 'drop') {
      const [a3, c] = forwardDrop(X, p, 0.86);
      reg.compute_cost(a3, Y);
      grads = backDrop(X, Y, c, 0.86);
    } else {
      const [a3, c] = reg.forward_propagation(X, p);
      if (kind === 'l2') { costL2(a3, Y, p, 0.7); grads = backL2(X, Y, c, 0.7); }
      else { reg.compute_cost(a3, Y); grads = reg.backward_propagation(X, Y, c); }
    }
    p = reg.update_parameters(p, grads, 0.3);
  });
}

// ---- optimization: the source notebook's graded solutions, one epoch per iteration --------------
function miniBatches(X: NDArray, Y: NDArray, size: number, seed: number): [NDArray, NDArray][] {
  np.random.seed(seed);
  const m = X.shape[1];
  const out: [NDArray, NDArray][] = [];
  const permutation = np.random.permutation(m);
  const sX = X.slice(':', permutation);
  const sY = Y.slice(':', permutation).reshape(1, m);
  const full = Math.floor(m / size);
  for (let k = 0; k < full; k++) {
    const cols = `${k * size}:${(k + 1) * size}`;
    out.push([sX.slice(':', cols), sY.slice(':', cols)]);
  }
  if (m % size !== 0) {
    const rest = `${full * size}:`;
    out.push([sX.slice(':', rest), sY.slice(':', rest)]);
  }
  return out;
}
function gd(parameters: Params, grads: Params, lr: number): Params {
  const L = Object.keys(parameters).length / 2;
  for (let l = 1; l <= L; l++) {
    parameters['W' + l] = parameters['W' + l].sub(np.multiply(lr, grads['dW' + l]));
    parameters['b' + l] = parameters['b' + l].sub(np.multiply(lr, grads['db' + l]));
  }
  return parameters;
}
function momentum(parameters: Params, grads: Params, v: Params, beta: number, lr: number): [Params, Params] {
  const L = Object.keys(parameters).length / 2;
  for (let l = 1; l <= L; l++) {
    v['dW' + l] = np.multiply(beta, v['dW' + l]).add(np.multiply(1 - beta, grads['dW' + l]));
    v['db' + l] = np.multiply(beta, v['db' + l]).add(np.multiply(1 - beta, grads['db' + l]));
    parameters['W' + l] = parameters['W' + l].sub(np.multiply(lr, v['dW' + l]));
    parameters['b' + l] = parameters['b' + l].sub(np.multiply(lr, v['db' + l]));
  }
  return [parameters, v];
}
function adam(parameters: Params, grads: Params, v: Params, s: Params, t: number,
  lr = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8): [Params, Params, Params] {
  const L = Object.keys(parameters).length / 2;
  const vc: Params = {}, sc: Params = {};
  for (let l = 1; l <= L; l++) {
    for (const name of ['W' + l, 'b' + l]) {
      const d = 'd' + name;
      v[d] = np.multiply(beta1, v[d]).add(np.multiply(1 - beta1, grads[d]));
      vc[d] = v[d].div(np.subtract(1, np.power(beta1, t)));
      s[d] = np.multiply(beta2, s[d]).add(np.multiply(1 - beta2, np.power(grads[d], 2)));
      sc[d] = s[d].div(np.subtract(1, np.power(beta2, t)));
      parameters[name] = parameters[name].sub(np.multiply(lr, vc[d]).div(np.sqrt(sc[d]).add(epsilon)));
    }
  }
  return [parameters, v, s];
}

function benchOpt(kind: 'gd' | 'momentum' | 'adam', iters: number): void {
  const { train_X: X, train_Y: Y } = opt.load_dataset();
  let p = opt.initialize_parameters([X.shape[0], 5, 2, 1]);
  let v: Params = {}, s: Params = {};
  for (const k of Object.keys(p)) { v['d' + k] = np.zeros(p[k].shape); s['d' + k] = np.zeros(p[k].shape); }
  let seed = 10, t = 0;
  time(`opt-${kind}`, iters, () => {
    seed++;
    let total = 0;
    for (const [mX, mY] of miniBatches(X, Y, 64, seed)) {
      const [a3, caches] = opt.forward_propagation(mX, p);
      total += opt.compute_cost(a3, mY);
      const grads = opt.backward_propagation(mX, mY, caches);
      if (kind === 'gd') p = gd(p, grads, 0.0007);
      else if (kind === 'momentum') [p, v] = momentum(p, grads, v, 0.9, 0.0007);
      else { t++; [p, v, s] = adam(p, grads, v, s, t, 0.0007); }
    }
    if (total !== total) throw new Error('nan');
  });
}

const args = process.argv.slice(2);
const itIdx = args.indexOf('--iters');
const iters = itIdx >= 0 ? Number(args.splice(itIdx, 2)[1]) : 5000;
const which = args.length ? args : ['init', 'reg', 'reg-l2', 'reg-drop', 'opt-gd', 'opt-mom', 'opt-adam'];
for (const w of which) {
  if (w === 'init') benchInit(iters);
  else if (w === 'reg') benchReg('plain', iters);
  else if (w === 'reg-l2') benchReg('l2', iters);
  else if (w === 'reg-drop') benchReg('drop', iters);
  else if (w === 'opt-gd') benchOpt('gd', Math.ceil(iters / 5));
  else if (w === 'opt-mom') benchOpt('momentum', Math.ceil(iters / 5));
  else if (w === 'opt-adam') benchOpt('adam', Math.ceil(iters / 5));
}
