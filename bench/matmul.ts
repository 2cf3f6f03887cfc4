/**
 * The application notebook's matrix products: numpy (OpenBLAS) vs our pure TypeScript loops, the
 * wasm kernels on one thread and with two threads, and np.dot on the native addon (the system's
 * OpenBLAS, numpy's own BLAS calls) when it is built. Run: `npx tsx bench/matmul.ts [--reps N]`.
 * Prints one Markdown table per product (median of N repetitions after warm-up). Our side runs under
 * the notebooks' malloc settings (scripts/malloc-tunables.js), numpy under its defaults.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { Mat, gemm, gemmStats, setGemmOptions } from '../lib/np/gemm';
import { nativeBlas, nativeBlasError } from '../lib/np/native';
import { NDArray } from '../lib/np/ndarray';
import { dot } from '../lib/np/linalg';
import { deferOptions, setDeferOptions } from '../lib/np/deferred';

// Our products run as notebooks run them: under the malloc settings the tsdl commands and the kernel
// start with (scripts/malloc-tunables.js; glibc reads them at process start). numpy keeps its own.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const tunables = require('../scripts/malloc-tunables') as { restartWithMallocTunables: (script: string) => void; withoutOwnTunables: () => NodeJS.ProcessEnv };
tunables.restartWithMallocTunables(process.argv[1]);
const numpyEnv = tunables.withoutOwnTunables();

const reps = process.argv.includes('--reps') ? Number(process.argv[process.argv.indexOf('--reps') + 1]) : 15;

function randn(n: number, seed: number): Float64Array {
  let s = seed;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) % 2147483648; a[i] = s / 2147483648 - 0.5; }
  return a;
}

function medianMs(f: () => void, n: number): number {
  for (let i = 0; i < 5; i++) f();
  const t: number[] = [];
  for (let r = 0; r < n; r++) {
    const s = process.hrtime.bigint();
    f();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return t[n >> 1];
}

function numpy(threads: number): Record<string, number> | null {
  try {
    const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'matmul_numpy.py'), '--reps', String(Math.max(reps, 11))], {
      env: { ...numpyEnv, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) }, encoding: 'utf8',
    });
    return JSON.parse(out);
  } catch (e) {
    console.error(`numpy benchmark failed (${(e as Error).message.split('\n')[0]}); is python3-numpy installed?`);
    return null;
  }
}

interface Case { name: string; m: number; k: number; n: number; A: Mat; B: Mat; a: NDArray; b: NDArray }

function cases(): Case[] {
  const X = randn(12288 * 209, 1);
  const out: Case[] = [];
  const C = (d: Float64Array, cols: number): Mat => ({ data: d, off: 0, rs: cols, cs: 1 });
  // The transpose of a C-contiguous matrix with `cols` columns: a strided view, nothing copied.
  const T = (d: Float64Array, cols: number): Mat => ({ data: d, off: 0, rs: 1, cs: cols });
  // The same operands as arrays (for np.dot): a Mat with rs === 1 is the transpose of a C matrix.
  const arr = (M: Mat, rows: number, cols: number): NDArray =>
    M.rs === 1 && M.cs !== 1 ? new NDArray(M.data, [cols, rows]).T : new NDArray(M.data, [rows, cols]);
  const push = (c: Omit<Case, 'a' | 'b'>): void => { out.push({ ...c, a: arr(c.A, c.m, c.k), b: arr(c.B, c.k, c.n) }); };
  for (const h of [7, 20]) {
    const W = randn(h * 12288, 2 + h), dZ = randn(h * 209, 3 + h);
    push({ name: `W1·X (${h}×12288·12288×209)`, m: h, k: 12288, n: 209, A: C(W, 12288), B: C(X, 209) });
    push({ name: `dZ·Xᵀ (${h}×209·209×12288)`, m: h, k: 209, n: 12288, A: C(dZ, 209), B: T(X, 209) });
    push({ name: `W1ᵀ·dZ (12288×${h}·${h}×209)`, m: 12288, k: h, n: 209, A: T(W, 12288), B: C(dZ, 209) });
  }
  const W2 = randn(7 * 20, 4), dZ2 = randn(7 * 209, 5), W3 = randn(7, 6), A2 = randn(7 * 209, 7), A1 = randn(20 * 209, 8);
  push({ name: 'W2ᵀ·dZ2 (20×7·7×209)', m: 20, k: 7, n: 209, A: T(W2, 20), B: C(dZ2, 209) });
  push({ name: 'W3·A2 (1×7·7×209)', m: 1, k: 7, n: 209, A: C(W3, 7), B: C(A2, 209) });
  push({ name: 'W2·A1 (7×20·20×209)', m: 7, k: 20, n: 209, A: C(W2, 20), B: C(A1, 209) });
  return out;
}

function main(): void {
  const np1 = numpy(1), np2 = numpy(2);
  const all = cases();
  // Start the workers and let them come up before timing.
  setGemmOptions({ threads: 2, pureJs: false, adaptive: false });
  const big = all[0];
  const until = Date.now() + 2000;
  while (gemmStats().threaded === 0 && Date.now() < until) gemm(big.A, big.B, big.m, big.k, big.n);
  console.log(`# Matrix products, float64, median of ${reps} (ms and GFLOP/s)\n`);
  console.log(`workers: ${gemmStats().workers}${gemmStats().workerFailure ? ` (${gemmStats().workerFailure})` : ''}`);
  console.log(`native addon: ${nativeBlas() ? nativeBlas()!.info().config : `not in use (${nativeBlasError()})`}\n`);
  for (const c of all) {
    const flops = 2 * c.m * c.k * c.n;
    const small = flops < (1 << 20);
    const before = gemmStats();
    setGemmOptions({ threads: 2, pureJs: false, adaptive: true });
    gemm(c.A, c.B, c.m, c.k, c.n);
    const note = gemmStats().pure > before.pure ? ' (default: pure path)' : small ? ' (default: wasm, main thread)' : '';
    const run = (): void => { gemm(c.A, c.B, c.m, c.k, c.n); };
    const time = (o: { threads: number; pureJs: boolean }): number => {
      // Not adaptive: the 2-thread row always uses the workers.
      setGemmOptions({ ...o, adaptive: false });
      return medianMs(run, small ? reps * 20 : reps);
    };
    const pure = time({ threads: 1, pureJs: true });
    const w1 = time({ threads: 1, pureJs: false });
    const w2 = time({ threads: 2, pureJs: false });
    setGemmOptions({ threads: 2, pureJs: false, adaptive: true, native: false });
    const auto = medianMs(run, small ? reps * 20 : reps);
    const blas = nativeBlas();
    const nativeMs = (threads: number): number | undefined => {
      if (!blas) return undefined;
      // Through np.dot (gemm.ts withBlasThreads), on `threads` OpenBLAS threads. Computed at once:
      // np.dot defers W1ᵀ·dZ until its elements are read (lib/np/deferred.ts), and here the product
      // itself is what is timed.
      setGemmOptions({ native: true, threads, adaptive: false, threadMinFlops: 0 });
      const defer = deferOptions();
      setDeferOptions({ minElements: Infinity });
      const ms = medianMs(() => { dot(c.a, c.b); }, small ? reps * 20 : reps);
      setDeferOptions(defer);
      setGemmOptions({ threads: 2, adaptive: true, threadMinFlops: 1 << 22 });
      return ms;
    };
    const n1 = nativeMs(1), n2 = nativeMs(2);
    const g = (ms: number): string => (flops / ms / 1e6).toFixed(2);
    const row = (label: string, ms: number | undefined, ref?: number): string =>
      ms === undefined ? `| ${label} | – | – | – |` : `| ${label} | ${ms.toFixed(3)} | ${g(ms)} | ${ref === undefined ? '' : (ref / ms).toFixed(2)} |`;
    console.log(`### ${c.name}${note}\n`);
    console.log('| | ms | GFLOP/s | ours/OpenBLAS (GFLOP/s, same threads) |');
    console.log('|---|---:|---:|---:|');
    console.log(row('numpy (OpenBLAS) 1 thread', np1?.[c.name]));
    console.log(row('numpy (OpenBLAS) 2 threads', np2?.[c.name]));
    console.log(row('tsdl pure TS', pure, np1?.[c.name]));
    console.log(row('tsdl wasm 1 thread', w1, np1?.[c.name]));
    console.log(row('tsdl wasm 2 threads', w2, np2?.[c.name]));
    console.log(row('tsdl wasm default (2 threads, adaptive)', auto, np2?.[c.name]));
    console.log(row('tsdl np.dot, native OpenBLAS 1 thread', n1, np1?.[c.name]));
    console.log(row('tsdl np.dot, native OpenBLAS 2 threads', n2, np2?.[c.name]));
    console.log('');
  }
}

main();
