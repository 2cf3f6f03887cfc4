// The wasm / threaded matrix products give the same bits as the pure TypeScript loops.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { Mat, gemm, gemmOptions, gemmStats, setGemmOptions } from '../lib/np/gemm';
import { gemmPure } from '../lib/np/gemm/pure';

const saved = gemmOptions();
afterAll(() => setGemmOptions(saved));

/** Deterministic values: mostly random, with a given share of -0, +0, ±Inf, NaN, tiny and huge. */
function values(n: number, seed: number, specials = 0): Float64Array {
  let s = seed >>> 0 || 1;
  const r = (): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  const sp = [-0, 0, Infinity, -Infinity, NaN, 5e-324, -1e308, 1e308];
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = specials > 0 && r() < specials ? sp[Math.floor(r() * sp.length)] : (r() - 0.5) * 4;
  return a;
}

/** Per element: same bits, or both NaN (NaN payloads are not part of the contract). */
function firstDifference(x: Float64Array, y: Float64Array): string | null {
  if (x.length !== y.length) return `length ${x.length} vs ${y.length}`;
  const bx = new BigUint64Array(x.buffer, x.byteOffset, x.length), by = new BigUint64Array(y.buffer, y.byteOffset, y.length);
  for (let i = 0; i < x.length; i++) {
    if (bx[i] === by[i] || (Number.isNaN(x[i]) && Number.isNaN(y[i]))) continue;
    return `element ${i}: ${Object.is(x[i], -0) ? '-0' : x[i]} vs ${Object.is(y[i], -0) ? '-0' : y[i]}`;
  }
  return null;
}

type Layout = 'C' | 'T' | 'offset' | 'strided' | 'negative' | 'broadcast';

/** An m×k operand with the given layout over its own buffer, filled from `vals` (row-major). */
function operand(vals: Float64Array, rows: number, cols: number, layout: Layout): Mat {
  switch (layout) {
    case 'C': return { data: vals.slice(), off: 0, rs: cols, cs: 1 };
    case 'T': {
      const d = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) d[j * rows + i] = vals[i * cols + j];
      return { data: d, off: 0, rs: 1, cs: rows };
    }
    case 'offset': {
      const d = new Float64Array(rows * cols + 7).fill(NaN);
      d.set(vals.subarray(0, rows * cols), 5);
      return { data: d, off: 5, rs: cols, cs: 1 };
    }
    case 'strided': {
      const rs = 2 * cols + 3, d = new Float64Array(rows * rs * 2 + 4).fill(NaN);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) d[3 + i * rs + 2 * j] = vals[i * cols + j];
      return { data: d, off: 3, rs, cs: 2 };
    }
    case 'negative': {
      const d = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) d[(rows - 1 - i) * cols + j] = vals[i * cols + j];
      return { data: d, off: (rows - 1) * cols, rs: -cols, cs: 1 };
    }
    case 'broadcast': // every row equal to the first
      return { data: vals.slice(0, cols), off: 0, rs: 0, cs: 1 };
  }
}

function check(m: number, k: number, n: number, la: Layout, lb: Layout, seed: number, specials = 0): void {
  const A = operand(values(m * k, seed, specials), m, k, la);
  const B = operand(values(k * n, seed + 1, specials), k, n, lb);
  const want = gemmPure(A, B, m, k, n);
  const got = gemm(A, B, m, k, n);
  const d = firstDifference(got, want);
  if (d) throw new Error(`${m}×${k}·${k}×${n} A:${la} B:${lb} seed ${seed}: ${d}`);
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 7, 1], [2, 3, 2], [3, 5, 7], [4, 4, 4], [5, 9, 3], [7, 13, 9], [8, 3, 1], [9, 17, 31],
  [1, 300, 5], [1, 5000, 301], [17, 1, 23], [33, 100, 77], [64, 64, 64], [65, 129, 67], [1, 209, 12288 / 16],
  [12, 4096, 11], [7, 512, 5], [3, 1030, 129], [130, 3, 130], [5, 2, 1000],
];
const LAYOUTS: [Layout, Layout][] = [
  ['C', 'C'], ['C', 'T'], ['T', 'C'], ['T', 'T'], ['offset', 'strided'], ['strided', 'offset'],
  ['negative', 'negative'], ['C', 'broadcast'], ['broadcast', 'T'],
];

describe.each([
  ['wasm, main thread only', 1],
  ['wasm with workers', 2],
])('%s', (_name, threads) => {
  beforeAll(() => setGemmOptions({ threads, pureJs: false, wasmMinFlops: 0, threadMinFlops: 0, adaptive: false }));

  test('odd shapes × layouts, plain values', () => {
    const before = gemmStats();
    let seed = 1;
    for (const [m, k, n] of SHAPES) for (const [la, lb] of LAYOUTS) check(m, k, n, la, lb, seed++);
    const after = gemmStats();
    expect(after.wasm + after.threaded - before.wasm - before.threaded).toBe(SHAPES.length * LAYOUTS.length);
  });

  test('NaN, ±Inf, -0, subnormals and huge values behave as in the scalar loops', () => {
    let seed = 1000;
    for (const [m, k, n] of SHAPES) for (const [la, lb] of LAYOUTS.slice(0, 5)) check(m, k, n, la, lb, seed++, 0.1);
    // All products -0: sums from +0 give +0; a single -0·x term over k = 1 too.
    const z = (r: number, c: number): Mat => ({ data: new Float64Array(r * c).fill(-0), off: 0, rs: c, cs: 1 });
    const one = (r: number, c: number): Mat => ({ data: new Float64Array(r * c).fill(1), off: 0, rs: c, cs: 1 });
    for (const [m, k, n] of [[3, 1, 5], [6, 9, 10]]) {
      const got = gemm(z(m, k), one(k, n), m, k, n);
      expect(firstDifference(got, gemmPure(z(m, k), one(k, n), m, k, n))).toBeNull();
      expect(Object.is(got[0], 0)).toBe(true);
    }
  });

  test('k = 0 and empty products give zeros', () => {
    const e: Mat = { data: new Float64Array(0), off: 0, rs: 0, cs: 1 };
    expect(Array.from(gemm(e, e, 3, 0, 4))).toEqual(new Array(12).fill(0));
    expect(gemm(e, e, 0, 5, 4).length).toBe(0);
  });

  test('the course shapes (application notebook)', async () => {
    if (threads > 1) {
      // Workers start on the first large product; wait until one has joined.
      for (let i = 0; i < 100 && gemmStats().threaded === 0; i++) {
        check(20, 2000, 50, 'C', 'C', 7);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(gemmStats().workers).toBeGreaterThan(0);
    }
    const before = gemmStats();
    for (const m of [7, 20]) {
      check(m, 12288, 209, 'C', 'C', 11);   // W1·X
      check(m, 209, 12288, 'C', 'T', 12);   // dZ·Xᵀ
      check(12288, m, 209, 'T', 'C', 13);   // W1ᵀ·dZ
    }
    check(20, 7, 209, 'T', 'C', 14);        // W2ᵀ·dZ2
    check(1, 7, 209, 'C', 'C', 15);
    check(7, 20, 209, 'C', 'C', 16);
    const after = gemmStats();
    if (threads > 1) expect(after.threaded).toBeGreaterThan(before.threaded);
  }, 60_000);
});

test('the default thresholds keep tiny products on the pure path', () => {
  setGemmOptions({ threads: 2, pureJs: false, wasmMinFlops: saved.wasmMinFlops, threadMinFlops: saved.threadMinFlops, adaptive: true });
  const before = gemmStats();
  check(1, 5, 100, 'C', 'C', 3);   // 1 kflop
  check(3, 3, 3, 'T', 'C', 4);
  expect(gemmStats().pure - before.pure).toBe(2);
  check(1, 7, 209, 'C', 'C', 5);   // W3·A2: 2.9 kflop, already faster in wasm
  expect(gemmStats().wasm - before.wasm).toBe(1);
  check(7, 20, 209, 'C', 'C', 1);  // W2·A1: 58 kflop, faster in wasm
  check(20, 7, 209, 'T', 'C', 2);  // W2ᵀ·dZ2
  expect(gemmStats().wasm - before.wasm).toBe(3);
});

test('pureJs forces the pure path', () => {
  setGemmOptions({ pureJs: true });
  const before = gemmStats().pure;
  check(20, 12288, 209, 'C', 'C', 5);
  expect(gemmStats().pure - before).toBe(1);
  setGemmOptions({ pureJs: false });
});

describe('child processes', () => {
  // gemm.ts and a driver script bundled into one file, as the grader's sandbox bundles the library.
  let bundle = '';
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-gemm-'));
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, `
      import { gemm, gemmStats, setGemmOptions } from ${JSON.stringify(path.resolve(__dirname, '../lib/np/gemm'))};
      import { gemmPure } from ${JSON.stringify(path.resolve(__dirname, '../lib/np/gemm/pure'))};
      let workerError = 'none';
      try { const { Worker } = require('worker_threads'); const w = new Worker('1', { eval: true }); w.unref(); }
      catch (e) { workerError = String(e.code || e.message); }
      const m = 20, k = 12288, n = 209;
      const A = new Float64Array(m * k).map((_, i) => Math.sin(i)), B = new Float64Array(k * n).map((_, i) => Math.cos(i));
      const Am = { data: A, off: 0, rs: k, cs: 1 }, Bm = { data: B, off: 0, rs: n, cs: 1 };
      const want = gemmPure(Am, Bm, m, k, n);
      let same = true;
      const t0 = Date.now();
      for (let r = 0; r < 20; r++) {
        const got = gemm(Am, Bm, m, k, n);
        for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want[i])) same = false;
        if (gemmStats().threaded > 0 && r > 2) break;
        const until = Date.now() + 30; while (Date.now() < until) { /* let workers start */ }
      }
      process.stdout.write(JSON.stringify({ same, workerError, stats: gemmStats() }));
    `);
    bundle = path.join(dir, 'bundle.js');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'silent' });
  });

  function runChild(args: string[], env: Record<string, string> = {}): { same: boolean; workerError: string; stats: ReturnType<typeof gemmStats>; ms: number } {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [...args, bundle], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
    return { ...JSON.parse(r.stdout), ms: Date.now() - t0 };
  }

  test('workers are used, and do not keep the process alive', () => {
    const r = runChild([], { TSDL_THREADS: '2' });
    expect(r.same).toBe(true);
    expect(r.stats.threaded).toBeGreaterThan(0);
    expect(r.ms).toBeLessThan(20_000);
  }, 60_000);

  test('under the permission model without workers: falls back to one thread, same bits', () => {
    const r = runChild(['--experimental-permission', '--allow-fs-read=*', '--no-warnings'], { TSDL_THREADS: '2' });
    expect(r.workerError).toMatch(/ACCESS_DENIED|denied/i);
    expect(r.same).toBe(true);
    expect(r.stats.threaded).toBe(0);
    expect(r.stats.wasm).toBeGreaterThan(0);
    expect(r.stats.workerFailure).toMatch(/worker/i);
  }, 60_000);

  test('TSDL_PURE_JS=1 forces the pure path; TSDL_THREADS=1 uses no workers', () => {
    const pure = runChild([], { TSDL_PURE_JS: '1' });
    expect(pure.same).toBe(true);
    expect(pure.stats.wasm + pure.stats.threaded).toBe(0);
    const one = runChild([], { TSDL_THREADS: '1' });
    expect(one.same).toBe(true);
    expect(one.stats.threaded).toBe(0);
    expect(one.stats.workers).toBe(0);
  }, 60_000);
});

test('a worker that dies without a word is given up after the stall limit; the product is left to the main thread', async () => {
  process.env.TSDL_GEMM_STALL_MS = '300';
  let Engine!: typeof import('../lib/np/gemm/driver').Engine;
  jest.isolateModules(() => { ({ Engine } = require('../lib/np/gemm/driver') as typeof import('../lib/np/gemm/driver')); });
  delete process.env.TSDL_GEMM_STALL_MS;
  const e = Engine.create(true);
  if (!e) return; // no shared wasm memory on this platform: nothing to watch
  const m = 20, k = 2000, n = 209;
  const A = { data: Float64Array.from({ length: m * k }, (_, i) => Math.sin(i)), off: 0, rs: k, cs: 1 };
  const B = { data: Float64Array.from({ length: k * n }, (_, i) => Math.cos(i)), off: 0, rs: n, cs: 1 };
  e.workerMask(2);
  for (let i = 0; i < 100 && e.workerMask(2) === 0; i++) await new Promise((r) => setTimeout(r, 50));
  const mask = e.workerMask(2);
  expect(mask).not.toBe(0);
  const ref = gemmPure(A, B, m, k, n);
  const c1 = e.run(A, B, m, k, n, mask)!;
  expect(c1.every((x, i) => Object.is(x, ref[i]))).toBe(true);
  const workers = (e as unknown as { pool: { workers: { terminate(): Promise<number> }[] } }).pool.workers;
  await Promise.all(workers.map((w) => w.terminate()));
  expect(e.run(A, B, m, k, n, mask)).toBeNull();   // without the watchdog: waits forever (test timeout)
  expect(e.workerMask(2)).toBe(0);
}, 30_000);
