// The course helpers' fused loops (lib/course/common/fused.ts) against the plain np-op chains they
// replace: the reference implementations below are the helpers as they were written before fusing,
// and every result must match them bit for bit (values incl. -0 and NaN, dtype, shape), errors included.
import { np } from '../lib/np';
import { NDArray } from '../lib/np/ndarray';
import { setNativeEnabled } from '../lib/np/native';
import * as act from '../lib/course/common/activations';
import * as three from '../lib/course/common/three_layer';
import type { ThreeLayerCache } from '../lib/course/common/three_layer';
import * as reg from '../lib/course/common/reg_utils';
import * as opt from '../grader/assignments/optimization/lib/opt_utils';
import * as app from '../grader/assignments/application/lib/dnn_app_utils';
import { relu_backward, sigmoid_backward } from '../lib/course/common/dnn_utils';
import type { LayerCache, LinearCache } from '../lib/course/common/dnn_utils';

type Params = Record<string, NDArray>;

// ---- reference implementations (the unfused code) -------------------------------------------------

const ref = {
  sigmoid(x: NDArray): NDArray { return np.divide(1, np.add(1, np.exp(np.negative(x)))); },
  relu(x: NDArray): NDArray { return np.maximum(0, x); },

  forward(X: NDArray, p: Params): [NDArray, ThreeLayerCache] {
    const { W1, b1, W2, b2, W3, b3 } = p;
    const z1 = np.dot(W1, X).add(b1);
    const a1 = ref.relu(z1);
    const z2 = np.dot(W2, a1).add(b2);
    const a2 = ref.relu(z2);
    const z3 = np.dot(W3, a2).add(b3);
    const a3 = ref.sigmoid(z3);
    return [a3, { z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3 }];
  },
  backward(X: NDArray, Y: NDArray, cache: ThreeLayerCache): Params {
    const m = X.shape[1];
    const { a1, a2, a3, W2, W3 } = cache;
    const dz3 = np.multiply(1 / m, a3.sub(Y));
    const dW3 = np.dot(dz3, a2.T);
    const db3 = np.sum(dz3, { axis: 1, keepdims: true });
    const da2 = np.dot(W3.T, dz3);
    const dz2 = np.multiply(da2, a2.gt(0).astype('int64'));
    const dW2 = np.dot(dz2, a1.T);
    const db2 = np.sum(dz2, { axis: 1, keepdims: true });
    const da1 = np.dot(W2.T, dz2);
    const dz1 = np.multiply(da1, a1.gt(0).astype('int64'));
    const dW1 = np.dot(dz1, X.T);
    const db1 = np.sum(dz1, { axis: 1, keepdims: true });
    return { dz3, dW3, db3, da2, dz2, dW2, db2, da1, dz1, dW1, db1 };
  },
  update(parameters: Params, grads: Params, lr: number): Params {
    const L = Object.keys(parameters).length / 2;
    const out: Params = { ...parameters };
    for (let l = 1; l <= L; l++) {
      out[`W${l}`] = out[`W${l}`].sub(np.multiply(lr, grads[`dW${l}`]));
      out[`b${l}`] = out[`b${l}`].sub(np.multiply(lr, grads[`db${l}`]));
    }
    return out;
  },
  terms(a3: NDArray, Y: NDArray): NDArray {
    return np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
  },
  loss(a3: NDArray, Y: NDArray): number { return (1 / Y.shape[1]) * np.nansum(ref.terms(a3, Y)); },

  regForward(X: NDArray, p: Params): [NDArray, reg.Cache] {
    const { W1, b1, W2, b2, W3, b3 } = p;
    const Z1 = np.dot(W1, X).add(b1);
    const A1 = ref.relu(Z1);
    const Z2 = np.dot(W2, A1).add(b2);
    const A2 = ref.relu(Z2);
    const Z3 = np.dot(W3, A2).add(b3);
    const A3 = ref.sigmoid(Z3);
    return [A3, [Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3]];
  },
  regBackward(X: NDArray, Y: NDArray, cache: reg.Cache): Params {
    const m = X.shape[1];
    const [, A1, , , , A2, W2, , , A3, W3] = cache;
    const dZ3 = A3.sub(Y);
    const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T));
    const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true }));
    const dA2 = np.dot(W3.T, dZ3);
    const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64'));
    const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T));
    const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
    const dA1 = np.dot(W2.T, dZ2);
    const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64'));
    const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
    const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
    return { dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 };
  },
  regCost(a3: NDArray, Y: NDArray): number {
    const m = Y.shape[1];
    const logprobs = np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
    return (1 / m) * np.nansum(logprobs);
  },
  optCost(a3: NDArray, Y: NDArray): number {
    const logprobs = np.add(np.multiply(np.negative(np.log(a3)), Y), np.multiply(np.negative(np.log(np.subtract(1, a3))), np.subtract(1, Y)));
    return np.sum(logprobs);
  },

  // dnn_app_utils
  linear_forward(A: NDArray, W: NDArray, b: NDArray): [NDArray, LinearCache] { return [np.dot(W, A).add(b), [A, W, b]]; },
  linear_activation_forward(A_prev: NDArray, W: NDArray, b: NDArray, activation: 'sigmoid' | 'relu'): [NDArray, LayerCache] {
    const [Z, linear_cache] = ref.linear_forward(A_prev, W, b);
    const [A, activation_cache] = activation === 'sigmoid'
      ? [np.divide(1, np.add(1, np.exp(np.negative(Z)))), Z] : [np.maximum(0, Z), Z];
    return [A, [linear_cache, activation_cache]];
  },
  L_model_forward(X: NDArray, parameters: Params): [NDArray, LayerCache[]] {
    const caches: LayerCache[] = [];
    let A = X;
    const L = Object.keys(parameters).length / 2;
    for (let l = 1; l < L; l++) {
      const [next, cache] = ref.linear_activation_forward(A, parameters['W' + l], parameters['b' + l], 'relu');
      caches.push(cache);
      A = next;
    }
    const [AL, cache] = ref.linear_activation_forward(A, parameters['W' + L], parameters['b' + L], 'sigmoid');
    caches.push(cache);
    return [AL, caches];
  },
  appCost(AL: NDArray, Y: NDArray): number {
    const m = Y.shape[1];
    const cost = np.multiply(1 / m, np.subtract(np.negative(np.dot(Y, np.log(AL).T)), np.dot(np.subtract(1, Y), np.log(np.subtract(1, AL)).T)));
    return np.squeeze(cost).item();
  },
  linear_backward(dZ: NDArray, cache: LinearCache): [NDArray, NDArray, NDArray] {
    const [A_prev, W] = cache;
    const m = A_prev.shape[1];
    const dW = np.multiply(1 / m, np.dot(dZ, A_prev.T));
    const db = np.multiply(1 / m, np.sum(dZ, { axis: 1, keepdims: true }));
    return [np.dot(W.T, dZ), dW, db];
  },
  linear_activation_backward(dA: NDArray, cache: LayerCache, activation: 'sigmoid' | 'relu'): [NDArray, NDArray, NDArray] {
    const [linear_cache, activation_cache] = cache;
    const dZ = activation === 'relu' ? relu_backward(dA, activation_cache) : sigmoid_backward(dA, activation_cache);
    return ref.linear_backward(dZ, linear_cache);
  },
  L_model_backward(AL: NDArray, Y: NDArray, caches: LayerCache[]): Params {
    const grads: Params = {};
    const L = caches.length;
    Y = Y.reshape(AL.shape);
    const dAL = np.negative(np.subtract(np.divide(Y, AL), np.divide(np.subtract(1, Y), np.subtract(1, AL))));
    [grads['dA' + (L - 1)], grads['dW' + L], grads['db' + L]] = ref.linear_activation_backward(dAL, caches[L - 1], 'sigmoid');
    for (let l = L - 2; l >= 0; l--) {
      [grads['dA' + l], grads['dW' + (l + 1)], grads['db' + (l + 1)]] = ref.linear_activation_backward(grads['dA' + (l + 1)], caches[l], 'relu');
    }
    return grads;
  },
};

// ---- comparison ------------------------------------------------------------------------------------

/** Same bits per element (any NaN equals any NaN, as Object.is), same shape and dtype. */
function expectSame(got: unknown, want: unknown, what = 'value'): void {
  if (typeof want === 'number') {
    expect(typeof got).toBe('number');
    if (!Object.is(got, want)) throw new Error(`${what}: ${got} !== ${want}`);
    return;
  }
  if (!(want instanceof NDArray)) throw new Error(`${what}: reference is not an array`);
  if (!(got instanceof NDArray)) throw new Error(`${what}: result is not an array`);
  expect({ what, shape: got.shape, dtype: got.dtype }).toEqual({ what, shape: want.shape, dtype: want.dtype });
  const g = got.values(), w = want.values();
  const gb = new BigUint64Array(Float64Array.from(g).buffer), wb = new BigUint64Array(Float64Array.from(w).buffer);
  for (let i = 0; i < w.length; i++) {
    if (gb[i] !== wb[i] && !(g[i] !== g[i] && w[i] !== w[i])) {
      throw new Error(`${what}[${i}]: ${Object.is(g[i], -0) ? '-0' : g[i]} !== ${Object.is(w[i], -0) ? '-0' : w[i]}`);
    }
  }
}

function expectSameDict(got: Record<string, unknown>, want: Record<string, unknown>, what: string): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const k of Object.keys(want)) expectSame(got[k], want[k], `${what}.${k}`);
}

function expectSameList(got: readonly unknown[], want: readonly unknown[], what: string): void {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => {
    if (Array.isArray(w)) expectSameList(got[i] as unknown[], w, `${what}[${i}]`);
    else expectSame(got[i], w, `${what}[${i}]`);
  });
}

function errorOf(f: () => unknown): string {
  try { f(); } catch (e) { return `${(e as Error).constructor.name}: ${(e as Error).message}`; }
  return 'no error';
}

function expectSameError(got: () => unknown, want: () => unknown): void {
  const w = errorOf(want);
  expect(w).not.toBe('no error');
  expect(errorOf(got)).toBe(w);
}

/** Either both throw the same error, or both return the same result. */
function expectSameOutcome(got: () => unknown, want: () => unknown, what: string): void {
  if (errorOf(want) !== 'no error') { expectSameError(got, want); return; }
  const g = got(), w = want();
  if (Array.isArray(w)) expectSameList(g as unknown[], w, what);
  else if (w instanceof NDArray || typeof w === 'number') expectSame(g, w, what);
  else expectSameDict(g as Record<string, unknown>, w as Record<string, unknown>, what);
}

/** Deep copies of arrays, to check that nothing is written into the inputs. */
function snapshot(xs: NDArray[]): NDArray[] { return xs.map((x) => x.copy()); }

// ---- inputs ----------------------------------------------------------------------------------------

const SPECIALS = [0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324];

/** Writes special values at a few random positions of a fresh array. */
function sprinkle(a: NDArray, count: number): NDArray {
  const d = a.data;
  for (let k = 0; k < count; k++) {
    const i = Math.floor(np.random.rand() * d.length);
    d[i] = SPECIALS[k % SPECIALS.length];
  }
  return a;
}

function params(dims: number[], scale: number, bias: boolean): Params {
  const p: Params = {};
  for (let l = 1; l < dims.length; l++) {
    p['W' + l] = np.random.randn(dims[l], dims[l - 1]).mul(scale * Math.sqrt(2 / dims[l - 1]));
    p['b' + l] = bias ? np.random.randn(dims[l], 1) : np.zeros([dims[l], 1]);
  }
  return p;
}

function labels(m: number, dtype: 'float64' | 'int64' | 'bool'): NDArray {
  return np.random.rand(1, m).gt(0.5).astype(dtype);
}

interface Case { name: string; X: NDArray; Y: NDArray; p: Params }

/** Course-sized inputs, plain and with exact zeros, -0, NaN, ±Inf and saturating weights. */
function cases(dims: number[], m: number): Case[] {
  const out: Case[] = [];
  for (const seed of [1, 2, 3, 7]) {
    np.random.seed(seed);
    const dtype = (['float64', 'int64', 'bool', 'float64'] as const)[seed % 4];
    out.push({ name: `seed ${seed} plain, Y ${dtype}`, X: np.random.randn(dims[0], m), Y: labels(m, dtype), p: params(dims, 1, false) });
    out.push({ name: `seed ${seed} biased`, X: np.random.randn(dims[0], m), Y: labels(m, 'float64'), p: params(dims, 1, true) });
    // Large weights: z3 of hundreds, so a3 is exactly 0 or 1 and the cost has 0·log(0) terms.
    out.push({ name: `seed ${seed} saturated`, X: np.random.randn(dims[0], m), Y: labels(m, 'float64'), p: params(dims, 40, true) });
    // Exact zeros (relu boundaries), negative zeros, NaN and infinities in X and in the parameters.
    const X = np.random.randn(dims[0], m);
    X.data.fill(0, 0, Math.min(10, X.size));
    sprinkle(X, 12);
    const p = params(dims, 1, true);
    sprinkle(p.W1, 2);
    p.b2.data[0] = -0;
    p.b1.data[0] = 0;
    const Y = labels(m, 'float64');
    Y.data[1] = -0; Y.data[2] = NaN; Y.data[3] = 0.5;
    out.push({ name: `seed ${seed} specials`, X, Y, p });
    // Everything exactly zero: relu(0), relu(-0), sigmoid(0) = 0.5.
    const pz = params(dims, 0, false);
    pz.W2 = pz.W2.mul(-1);
    out.push({ name: `seed ${seed} zeros`, X: np.random.randn(dims[0], m), Y: labels(m, 'int64'), p: pz });
  }
  return out;
}

// ---- activations -----------------------------------------------------------------------------------

// Every check runs twice: with the addon's element-wise loops (native/ufunc.c, used by both the fused
// loops and the np ops) and with the TypeScript loops alone.
for (const nativeOn of [true, false]) {
  describe(nativeOn ? 'with the native element-wise loops' : 'with the TypeScript loops only', () => {
    beforeAll(() => setNativeEnabled(nativeOn));
    afterAll(() => setNativeEnabled(true));

    describe('activations', () => {
      test('sigmoid and relu on float64, int64, bool, views and specials', () => {
        np.random.seed(5);
        const x = sprinkle(np.random.randn(7, 33).mul(30), 20);
        const inputs: NDArray[] = [x, x.T, x.slice('1:5', '::2'), np.array([[0, -0, NaN, Infinity, -Infinity, 800, -800, 36.7, -745.2]]),
          np.random.randn(4, 9).mul(1e3).astype('int64'), x.gt(0), np.array(-0), np.zeros([0, 3])];
        for (const a of inputs) {
          expectSameOutcome(() => act.sigmoid(a), () => ref.sigmoid(a), 'sigmoid');
          expectSameOutcome(() => act.relu(a), () => ref.relu(a), 'relu');
        }
        expectSame(act.sigmoid(-0.5 as unknown as NDArray), ref.sigmoid(-0.5 as unknown as NDArray), 'sigmoid(scalar)');
        expectSame(act.relu([[-1, 2]] as unknown as NDArray), ref.relu([[-1, 2]] as unknown as NDArray), 'relu(list)');
      });
    });

    // ---- the shared 3-layer network --------------------------------------------------------------------

    describe('three_layer (initialization / optimization / regularization)', () => {
      const dims = [2, 10, 5, 1];
      for (const m of [300, 64]) {
        test(`forward, cost, backward and update match the np-op chain (m = ${m})`, () => {
          for (const c of cases(dims, m)) {
            const inputs = snapshot([c.X, c.Y, ...Object.values(c.p)]);
            const [a3, cache] = three.forward_propagation(c.X, c.p);
            const [ra3, rcache] = ref.forward(c.X, c.p);
            expectSame(a3, ra3, `${c.name} a3`);
            expectSameDict(cache as unknown as Record<string, unknown>, rcache as unknown as Record<string, unknown>, `${c.name} cache`);

            expectSame(three.cross_entropy_terms(ra3, c.Y), ref.terms(ra3, c.Y), `${c.name} terms`);
            expectSame(three.compute_loss(ra3, c.Y), ref.loss(ra3, c.Y), `${c.name} loss`);
            expectSame(opt.compute_cost(ra3, c.Y), ref.optCost(ra3, c.Y), `${c.name} opt cost`);
            expectSame(reg.compute_cost(ra3, c.Y), ref.regCost(ra3, c.Y), `${c.name} reg cost`);

            const grads = three.backward_propagation(c.X, c.Y, rcache);
            const rgrads = ref.backward(c.X, c.Y, rcache);
            expectSameDict(grads, rgrads, `${c.name} grads`);

            for (const lr of [0.01, 0.0007, 0, -0, 1e300]) {
              expectSameDict(three.update_parameters(c.p, rgrads, lr), ref.update(c.p, rgrads, lr), `${c.name} update(${lr})`);
            }
            // Nothing was written into the inputs or the reference cache.
            const after = [c.X, c.Y, ...Object.values(c.p)];
            inputs.forEach((x, i) => expectSame(after[i], x, `${c.name} input ${i}`));
          }
        });
      }

      test('sums over rows longer than numpy\'s 8192-element buffer keep np.sum\'s order', () => {
        for (const m of [8191, 8200, 16500]) {
          np.random.seed(m);
          const X = np.random.randn(2, m).mul(1e3);
          const Y = labels(m, 'float64');
          const p = params(dims, 3, true);
          const [ra3, rcache] = ref.forward(X, p);
          expectSame(three.compute_loss(ra3, Y), ref.loss(ra3, Y), `loss m=${m}`);
          expectSame(opt.compute_cost(ra3, Y), ref.optCost(ra3, Y), `opt cost m=${m}`);
          expectSameDict(three.backward_propagation(X, Y, rcache), ref.backward(X, Y, rcache), `grads m=${m}`);
          const [rA3, rc] = ref.regForward(X, p);
          expectSameDict(reg.backward_propagation(X, Y, rc), ref.regBackward(X, Y, rc), `reg grads m=${m}`);
          expectSame(reg.compute_cost(rA3, Y), ref.regCost(rA3, Y), `reg cost m=${m}`);
        }
      });

      test('a few hundred training steps stay identical', () => {
        np.random.seed(1);
        const X = np.random.randn(2, 300);
        const Y = labels(300, 'int64');
        let p = params(dims, 1, false), q = p;
        for (let i = 0; i < 300; i++) {
          const [a3, cache] = three.forward_propagation(X, p);
          const [ra3, rcache] = ref.forward(X, q);
          expectSame(three.compute_loss(a3, Y), ref.loss(ra3, Y), `loss ${i}`);
          p = three.update_parameters(p, three.backward_propagation(X, Y, cache), 0.3);
          q = ref.update(q, ref.backward(X, Y, rcache), 0.3);
        }
        expectSameDict(p, q, 'params');
      });

      test('transposed (view) X, as the datasets return, and int64 parameters', () => {
        np.random.seed(4);
        const XT = np.random.randn(64, 2).T;
        const Y = labels(64, 'bool');
        const p = params(dims, 1, true);
        const [a3, cache] = three.forward_propagation(XT, p);
        const [ra3, rcache] = ref.forward(XT, p);
        expectSame(a3, ra3, 'a3');
        expectSameDict(cache as unknown as Params, rcache as unknown as Params, 'cache');
        expectSameDict(three.backward_propagation(XT, Y, rcache), ref.backward(XT, Y, rcache), 'grads');
        // Integer parameters and data go through np's promotion unchanged.
        const pi: Params = {};
        for (const [k, v] of Object.entries(p)) pi[k] = v.mul(3).astype('int64');
        const Xi = XT.mul(5).astype('int64');
        const [ia3, icache] = three.forward_propagation(Xi, pi);
        const [ria3, ricache] = ref.forward(Xi, pi);
        expectSame(ia3, ria3, 'int a3');
        expectSameDict(icache as unknown as Params, ricache as unknown as Params, 'int cache');
        expectSameDict(three.backward_propagation(Xi, Y, ricache), ref.backward(Xi, Y, ricache), 'int grads');
        const gi: Params = {};
        for (const k of ['dW1', 'db1', 'dW2', 'db2', 'dW3', 'db3']) gi[k] = np.ones(pi[k.slice(1)].shape).astype('int64');
        expectSameDict(three.update_parameters(pi, gi, 2), ref.update(pi, gi, 2), 'int update');
        expectSameDict(three.update_parameters(pi, gi, 0.5), ref.update(pi, gi, 0.5), 'int update 0.5');
      });

      test('wrong shapes raise the same errors as the np-op chain', () => {
        np.random.seed(2);
        const X = np.random.randn(2, 30);
        const p = params(dims, 1, true);
        const [, cache] = ref.forward(X, p);
        const a3 = cache.a3;
        for (const Y of [np.zeros([1, 31]), np.zeros([2, 30]), np.zeros([30]), np.zeros([30, 1])]) {
          const want = () => ref.backward(X, Y, cache);
          if (errorOf(want) === 'no error') expectSameDict(three.backward_propagation(X, Y, cache), ref.backward(X, Y, cache), 'broadcast grads');
          else expectSameError(() => three.backward_propagation(X, Y, cache), want);
          for (const [f, g] of [[three.compute_loss, ref.loss], [opt.compute_cost, ref.optCost], [reg.compute_cost, ref.regCost],
            [three.cross_entropy_terms, ref.terms]] as const) {
            const w = () => (g as (a: NDArray, y: NDArray) => unknown)(a3, Y);
            const h = () => (f as (a: NDArray, y: NDArray) => unknown)(a3, Y);
            if (errorOf(w) === 'no error') expectSame(h(), w(), 'broadcast cost');
            else expectSameError(h, w);
          }
        }
        for (const [k, v] of [['b1', np.zeros([11, 1])], ['b2', np.zeros([5])], ['b3', np.zeros([1, 30])], ['b1', np.zeros([10, 2])], ['W2', np.zeros([5, 9])]] as const) {
          const q = { ...p, [k]: v };
          const want = () => ref.forward(X, q);
          if (errorOf(want) === 'no error') {
            const [ga3, gc] = three.forward_propagation(X, q);
            const [wa3, wc] = ref.forward(X, q);
            expectSame(ga3, wa3, `${k} a3`);
            expectSameDict(gc as unknown as Params, wc as unknown as Params, `${k} cache`);
          } else {
            expectSameError(() => three.forward_propagation(X, q), want);
          }
        }
        const g = ref.backward(X, np.zeros([1, 30]), cache);
        expectSameError(() => three.update_parameters(p, { ...g, dW2: np.zeros([4, 10]) }, 0.1), () => ref.update(p, { ...g, dW2: np.zeros([4, 10]) }, 0.1));
        expectSameError(() => three.update_parameters(p, { dW1: g.dW1 }, 0.1), () => ref.update(p, { dW1: g.dW1 }, 0.1));
      });
    });

    // ---- regularization's own passes -------------------------------------------------------------------

    describe('reg_utils', () => {
      for (const [dims, m] of [[[2, 20, 3, 1], 211], [[2, 20, 3, 1], 64], [[4, 5, 3, 1], 3]] as const) {
        test(`forward, backward and cost match (dims ${dims.join(',')}, m = ${m})`, () => {
          for (const c of cases([...dims], m)) {
            const inputs = snapshot([c.X, c.Y, ...Object.values(c.p)]);
            const [A3, cache] = reg.forward_propagation(c.X, c.p);
            const [rA3, rcache] = ref.regForward(c.X, c.p);
            expectSame(A3, rA3, `${c.name} A3`);
            expectSameList(cache, rcache, `${c.name} cache`);
            expectSameDict(reg.backward_propagation(c.X, c.Y, rcache), ref.regBackward(c.X, c.Y, rcache), `${c.name} grads`);
            expectSame(reg.compute_cost(rA3, c.Y), ref.regCost(rA3, c.Y), `${c.name} cost`);
            const after = [c.X, c.Y, ...Object.values(c.p)];
            inputs.forEach((x, i) => expectSame(after[i], x, `${c.name} input ${i}`));
          }
        });
      }

      test('wrong shapes raise the same errors', () => {
        np.random.seed(9);
        const X = np.random.randn(2, 20);
        const p = params([2, 20, 3, 1], 1, true);
        const [A3, cache] = ref.regForward(X, p);
        for (const Y of [np.zeros([1, 21]), np.zeros([3, 20]), np.zeros([20])]) {
          expectSameOutcome(() => reg.backward_propagation(X, Y, cache), () => ref.regBackward(X, Y, cache), 'grads');
          expectSameOutcome(() => reg.compute_cost(A3, Y), () => ref.regCost(A3, Y), 'cost');
        }
        expectSameError(() => reg.backward_propagation(X, np.zeros([1, 21]), cache), () => ref.regBackward(X, np.zeros([1, 21]), cache));
        expectSameError(() => reg.forward_propagation(X, { ...p, b2: np.zeros([4, 1]) }), () => ref.regForward(X, { ...p, b2: np.zeros([4, 1]) }));
      });
    });

    // ---- the application's L-layer helpers -------------------------------------------------------------

    describe('dnn_app_utils', () => {
      const dims = [50, 20, 7, 5, 1];
      for (const m of [209, 17]) {
        test(`L_model_forward, compute_cost, L_model_backward and update_parameters match (m = ${m})`, () => {
          for (const c of cases(dims, m)) {
            const p = app.initialize_parameters_deep(dims);
            // Mix the deep initialization with the case's (saturating / special) parameters.
            const q: Params = { ...p, W4: c.p.W4, b4: c.p.b4, b1: c.p.b1, W2: c.p.W2 };
            const X = c.X.mul(1 - (c.name.endsWith('zeros') ? 1 : 0));
            const inputs = snapshot([X, c.Y, ...Object.values(q)]);
            const [AL, caches] = app.L_model_forward(X, q);
            const [rAL, rcaches] = ref.L_model_forward(X, q);
            expectSame(AL, rAL, `${c.name} AL`);
            expectSameList(caches, rcaches, `${c.name} caches`);
            expectSame(app.compute_cost(rAL, c.Y), ref.appCost(rAL, c.Y), `${c.name} cost`);
            const grads = app.L_model_backward(rAL, c.Y, rcaches);
            const rgrads = ref.L_model_backward(rAL, c.Y, rcaches);
            expectSameDict(grads, rgrads, `${c.name} grads`);
            for (const lr of [0.0075, 0, 3]) {
              expectSameDict(app.update_parameters(q, rgrads, lr), ref.update(q, rgrads, lr), `${c.name} update(${lr})`);
            }
            const [Z] = app.linear_forward(X, q.W1, q.b1);
            expectSame(Z, ref.linear_forward(X, q.W1, q.b1)[0], `${c.name} linear_forward`);
            for (const a of ['relu', 'sigmoid'] as const) {
              const [A, cache] = app.linear_activation_forward(X, q.W1, q.b1, a);
              const [rA, rcache] = ref.linear_activation_forward(X, q.W1, q.b1, a);
              expectSame(A, rA, `${c.name} linear_activation_forward ${a}`);
              expectSameList(cache, rcache, `${c.name} ${a} cache`);
              const dA = sprinkle(np.random.randn(...rA.shape), 5);
              expectSameList(app.linear_activation_backward(dA, rcache, a), ref.linear_activation_backward(dA, rcache, a), `${c.name} ${a} backward`);
            }
            const after = [X, c.Y, ...Object.values(q)];
            inputs.forEach((x, i) => expectSame(after[i], x, `${c.name} input ${i}`));
          }
        });
      }

      test('int64 data (the cat images) and a (m,) label row', () => {
        np.random.seed(12);
        const X = np.random.randint(0, 256, [50, 40]);
        const Y = np.random.randint(0, 2, [1, 40]);
        const p = app.initialize_parameters_deep(dims);
        const [AL, caches] = app.L_model_forward(X, p);
        const [rAL, rcaches] = ref.L_model_forward(X, p);
        expectSame(AL, rAL, 'AL');
        expectSameList(caches, rcaches, 'caches');
        expectSame(app.compute_cost(rAL, Y), ref.appCost(rAL, Y), 'cost');
        expectSameDict(app.L_model_backward(rAL, Y, rcaches), ref.L_model_backward(rAL, Y, rcaches), 'grads');
        const Y1 = Y.reshape(40);
        expectSameDict(app.L_model_backward(rAL, Y1, rcaches), ref.L_model_backward(rAL, Y1, rcaches), 'grads (40,)');
        expectSameOutcome(() => app.compute_cost(rAL, Y1), () => ref.appCost(rAL, Y1), 'cost (40,)');
      });

      test('wrong shapes raise the same errors', () => {
        np.random.seed(13);
        const X = np.random.randn(50, 12);
        const p = app.initialize_parameters_deep(dims);
        const [AL, caches] = ref.L_model_forward(X, p);
        for (const Y of [np.zeros([1, 13]), np.zeros([2, 12])]) {
          expectSameError(() => app.compute_cost(AL, Y), () => ref.appCost(AL, Y));
          expectSameError(() => app.L_model_backward(AL, Y, caches), () => ref.L_model_backward(AL, Y, caches));
        }
        const bad = { ...p, b2: np.zeros([6, 1]) };
        expectSameError(() => app.L_model_forward(X, bad), () => ref.L_model_forward(X, bad));
        expectSameError(() => app.linear_forward(X, p.W1, np.zeros([3, 1])), () => ref.linear_forward(X, p.W1, np.zeros([3, 1])));
        const [, cache] = ref.linear_activation_forward(X, p.W1, p.b1, 'relu');
        for (const a of ['relu', 'sigmoid'] as const) {
          expectSameError(() => app.linear_activation_backward(np.zeros([20, 11]), cache, a), () => ref.linear_activation_backward(np.zeros([20, 11]), cache, a));
        }
      });
    });

    describe('costs summed from a reused scratch buffer', () => {
      test('a large cost, then smaller ones, then views: the leftover terms never leak into a sum', () => {
        const dims = [2, 10, 5, 1];
        const p = params(dims, 1, true);
        for (const m of [9000, 300, 64, 1, 8191, 44]) {
          np.random.seed(m);
          const X = np.random.randn(2, m).mul(3);
          const Y = labels(m, m % 2 ? 'int64' : 'float64');
          const [a3] = ref.forward(X, p);
          expectSame(three.compute_loss(a3, Y), ref.loss(a3, Y), `loss m=${m}`);
          expectSame(opt.compute_cost(a3, Y), ref.optCost(a3, Y), `opt cost m=${m}`);
          expectSame(reg.compute_cost(a3, Y), ref.regCost(a3, Y), `reg cost m=${m}`);
          if (m > 10) {
            // a contiguous window of a wider row (a mini-batch) and a saturated a3 with NaN terms
            const a3v = a3.slice(':', '3:'), Yv = Y.slice(':', '3:');
            expectSame(opt.compute_cost(a3v, Yv), ref.optCost(a3v, Yv), `opt cost view m=${m}`);
            const sat = np.where(a3.gt(0.5), 1, 0).astype('float64');
            expectSame(three.compute_loss(sat, Y), ref.loss(sat, Y), `saturated loss m=${m}`);
            expectSame(opt.compute_cost(sat, Y), ref.optCost(sat, Y), `saturated opt cost m=${m}`);
          }
        }
      });
    });
  });
}
