/**
 * The regularization notebook's dropout training (its slowest, at ~0.6 of numpy's time), one iteration
 * timed statement by statement, tsdl against numpy (dropout_steps_numpy.py) in one run: where the
 * remaining time goes. Runs on the runtime bundle the notebooks load (dist/runtime.js) under the
 * notebooks' malloc settings; the statements are the source notebook's solutions.
 * Usage: npx tsx bench/reg/dropout-steps.ts [--warm N] [--iters N]
 */
/* eslint-disable @typescript-eslint/no-var-requires */
import { execFileSync } from 'child_process';
import * as path from 'path';
import type { NDArray } from '../../lib/np/ndarray';

const arg = (k: string, d: number): number => (process.argv.includes(k) ? Number(process.argv[process.argv.indexOf(k) + 1]) : d);
const warm = arg('--warm', 3000), iters = arg('--iters', 10000);

// Our side runs as notebooks run: under the malloc settings the tsdl commands and the kernel start
// with (glibc reads them at process start); numpy keeps its own.
const tunables = require('../../scripts/malloc-tunables') as { restartWithMallocTunables: (script: string) => void; withoutOwnTunables: () => NodeJS.ProcessEnv };
tunables.restartWithMallocTunables(process.argv[1]);
const numpyEnv = tunables.withoutOwnTunables();

const MODULES = require('../../scripts/runtime-loader.js').loadRuntime().MODULES as Record<string, unknown>;
const { np } = MODULES.tsdl as typeof import('../../lib');
const reg = MODULES['tsdl/lib/course/regularization'] as typeof import('../../grader/assignments/regularization/lib');

function tsdlSteps(): Map<string, number> {
  const { train_X: X, train_Y: Y } = reg.load_dataset();
  let p = reg.initialize_parameters([X.shape[0], 20, 3, 1]);
  const keep = 0.86, m = X.shape[1];
  const acc = new Map<string, number>();
  let last = 0n;
  const lap = (name: string): void => {
    const now = process.hrtime.bigint();
    acc.set(name, (acc.get(name) ?? 0) + Number(now - last));
    last = now;
  };
  const iteration = (): void => {
    last = process.hrtime.bigint();
    np.random.seed(1); lap('seed');
    const { W1, b1, W2, b2, W3, b3 } = p;
    const Z1 = np.dot(W1, X).add(b1); lap('Z1 = W1·X + b1');
    let A1 = reg.relu(Z1); lap('A1 = relu(Z1)');
    let D1: NDArray = np.random.rand(A1.shape[0], A1.shape[1]); lap('D1 = rand(20, 211)');
    D1 = D1.lt(keep).astype('int64'); lap('D1 = (D1 < keep).astype(int)');
    A1 = A1.mul(D1); lap('A1 * D1');
    A1 = A1.div(keep); lap('A1 / keep');
    const Z2 = np.dot(W2, A1).add(b2); lap('Z2 = W2·A1 + b2');
    let A2 = reg.relu(Z2); lap('A2 = relu(Z2)');
    let D2: NDArray = np.random.rand(A2.shape[0], A2.shape[1]); D2 = D2.lt(keep).astype('int64'); A2 = A2.mul(D2); A2 = A2.div(keep);
    lap('layer 2 dropout (3, 211)');
    const Z3 = np.dot(W3, A2).add(b3); const A3 = reg.sigmoid(Z3); lap('Z3, A3 = sigmoid(Z3)');
    reg.compute_cost(A3, Y); lap('compute_cost');
    const dZ3 = A3.sub(Y); const dW3 = np.multiply(1 / m, np.dot(dZ3, A2.T));
    const db3 = np.multiply(1 / m, np.sum(dZ3, { axis: 1, keepdims: true })); lap('dZ3, dW3, db3');
    let dA2 = np.dot(W3.T, dZ3); dA2 = dA2.mul(D2); dA2 = dA2.div(keep); lap('dA2 (3, 211)');
    const dZ2 = np.multiply(dA2, A2.gt(0).astype('int64')); lap('dZ2 (3, 211)');
    const dW2 = np.multiply(1 / m, np.dot(dZ2, A1.T)); const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
    lap('dW2, db2');
    let dA1 = np.dot(W2.T, dZ2); lap('dA1 = W2ᵀ·dZ2');
    dA1 = dA1.mul(D1); lap('dA1 * D1');
    dA1 = dA1.div(keep); lap('dA1 / keep');
    const dZ1 = np.multiply(dA1, A1.gt(0).astype('int64')); lap('dZ1 = dA1 * int64(A1 > 0)');
    const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T)); lap('dW1 = dZ1·Xᵀ / m');
    const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true })); lap('db1 = sum(dZ1, axis 1) / m');
    p = reg.update_parameters(p, { dW1, db1, dW2, db2, dW3, db3 }, 0.3); lap('update_parameters');
  };
  for (let i = 0; i < warm; i++) iteration();
  acc.clear();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) iteration();
  const us = new Map([...acc].map(([k, ns]) => [k, ns / iters / 1e3] as [string, number]));
  us.set('total', Number(process.hrtime.bigint() - t0) / iters / 1e3);
  return us;
}

function numpySteps(): Map<string, number> {
  const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'dropout_steps_numpy.py'), String(Math.ceil(warm / 3)), String(Math.ceil(iters / 2))], {
    encoding: 'utf8', env: numpyEnv, stdio: ['ignore', 'pipe', 'pipe'], // stderr: its import-time line, and errors (thrown with it)
  });
  return new Map(out.trim().split('\n').map((l) => { const [k, v] = l.split('\t'); return [k, Number(v)] as [string, number]; }));
}

const ours = tsdlSteps(), theirs = numpySteps();
console.log(`dropout iteration, µs per statement (tsdl: ${iters} iterations after ${warm}; numpy: ${Math.ceil(iters / 2)} after ${Math.ceil(warm / 3)})\n`);
console.log('| statement | numpy µs | tsdl µs | ratio |');
console.log('|---|---|---|---|');
for (const [k, t] of ours) {
  const n = theirs.get(k);
  if (n === undefined) throw new Error(`numpy's side has no statement "${k}"`);
  const row = `${k} | ${n.toFixed(1)} | ${t.toFixed(1)} | ${(t / n).toFixed(2)}`;
  console.log(k === 'total' ? `| **${row.replace(/ \| /g, '** | **')}** |` : `| ${row} |`);
}
