/**
 * One training iteration of the cat classifier's 4-layer model (12288-20-7-5-1): tsdl (with and
 * without the native addon) against numpy on the same machine, median ms per iteration.
 * Run: npx tsx bench/app/iteration.ts [--iters N]. Profile: node --cpu-prof -r tsx/cjs bench/app/iteration.ts --only native (or tsdl: both tsdl modes)
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { np, NDArray } from '../../lib';
import * as app from '../../grader/assignments/application/lib';
import { setGemmOptions } from '../../lib/np/gemm';
import { nativeBlas, nativeBlasError } from '../../lib/np/native';

const arg = (k: string): string | undefined => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : undefined);
const iters = Number(arg('--iters') ?? 40);

async function tsdlMs(native: boolean): Promise<{ ms: number; cost: number }> {
  setGemmOptions({ native });
  const d = await app.load_data();
  const X = np.divide(d.train_x_orig.reshape(d.train_x_orig.shape[0], -1).T, 255), Y = d.train_y;
  np.random.seed(1);
  let p = app.initialize_parameters_deep([12288, 20, 7, 5, 1]);
  const t: number[] = [];
  let cost = NaN;
  for (let i = 0; i < iters + 5; i++) {
    const s = process.hrtime.bigint();
    const [AL, caches] = app.L_model_forward(X, p);
    cost = app.compute_cost(AL as NDArray, Y);
    p = app.update_parameters(p, app.L_model_backward(AL, Y, caches), 0.0075);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const sorted = t.slice(5).sort((a, b) => a - b);
  return { ms: sorted[sorted.length >> 1], cost };
}

async function main(): Promise<void> {
  const only = arg('--only');
  if (only !== 'tsdl' && only !== 'native') {
    const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'iteration_numpy.py'), '--iters', String(iters)], { encoding: 'utf8' });
    const r = JSON.parse(out) as { ms: number; cost: number };
    console.log(`numpy: ${r.ms.toFixed(2)} ms/iteration (cost ${r.cost})`);
    if (only === 'numpy') return;
  }
  console.log(`native addon: ${nativeBlas() ? 'built' : `not in use (${nativeBlasError()})`}`);
  const modes = only === 'native' ? [true] : nativeBlas() ? [true, false] : [false];
  for (const native of modes) {
    const r = await tsdlMs(native);
    console.log(`tsdl${native ? ' (native BLAS)' : ' (wasm kernels)'}: ${r.ms.toFixed(2)} ms/iteration (cost ${r.cost})`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
