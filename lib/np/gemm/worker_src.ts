/**
 * The worker's source, as a string run with `new Worker(src, { eval: true })`, so nothing has to be
 * resolved from disk at run time (works the same under tsx, ts-jest and the esbuild bundle).
 * A worker instantiates the kernel module on the shared memory, says it is ready, then sleeps in
 * Atomics.wait on the control block's GEN word; for each job it is part of, it computes its share
 * panel by panel exactly as the main thread's loops in driver.ts do, then counts itself finished.
 */
import { CTL_BYTES, LINE, W } from './control';

/** Atomics.load polls before sleeping in Atomics.wait: short, so a thread that has to wait gives
 * its core to the thread it waits for (on a loaded machine, long spins cost far more than they save). */
export const SPIN = 1000;

export function workerSource(): string {
  return `'use strict';
const { workerData } = require('worker_threads');
const { module, memory, tid } = workerData;
const W = ${JSON.stringify(W)}, LINE = ${LINE};
const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(memory.buffer, 0, ${CTL_BYTES / 4});
function failed() { return Atomics.load(ctl, W.ERROR) !== 0; }
function waitAtLeast(i, v) {
  for (let s = 0; s < ${SPIN}; s++) if (Atomics.load(ctl, i) >= v || failed()) return;
  for (;;) {
    const cur = Atomics.load(ctl, i);
    if (cur >= v || failed()) return;
    Atomics.wait(ctl, i, cur, 20);
  }
}
function rowsJob() {
  const np = ctl[W.NPANELS], ring = ctl[W.RING], slot0 = ctl[W.SLOT0], slotB = ctl[W.SLOTB];
  const a = ctl[W.A], ars = ctl[W.ARS], acs = ctl[W.ACS], c = ctl[W.C], ldc = ctl[W.LDC];
  const m = ctl[W.M], n = ctl[W.N], k = ctl[W.K], kc = ctl[W.KC], brs = ctl[W.BSTRIDE];
  const G = ctl[W.NGROUPS], byRows = ctl[W.GDIM] === 1, gsize = ctl[W.GSIZE], len = byRows ? m : n;
  const compute = (g, t) => {
    const lo = g * gsize, hi = Math.min(len, lo + gsize);
    const i0 = byRows ? lo : 0, i1 = byRows ? hi : m, j0 = byRows ? 0 : lo, j1 = byRows ? n : hi;
    const p0 = t * kc, s = t % ring;
    ex.macroR(a + i0 * ars + p0 * acs, ars, acs, slot0 + s * slotB + j0 * 8, brs, c + i0 * ldc + j0 * 8, ldc,
      i1 - i0, j1 - j0, Math.min(kc, k - p0), t === 0 ? 1 : 0);
  };
  const bump = () => { Atomics.add(ctl, W.PROGRESS, 1); Atomics.notify(ctl, W.PROGRESS); };
  let g0 = tid % G;
  for (;;) {
    if (failed()) return;
    const progress = Atomics.load(ctl, W.PROGRESS), ready = Atomics.load(ctl, W.READY);
    let found = -1, pending = false, blocked = false;
    for (let q = 0; q < G; q++) {
      const g = (g0 + q) % G, pr = Atomics.load(ctl, W.PROG + LINE * g);
      if (pr < np) pending = true;
      if (pr < ready) {
        if (Atomics.compareExchange(ctl, W.LOCK + LINE * g, 0, 1) === 0) { found = g; break; }
        blocked = true;
      }
    }
    if (found < 0) {
      if (!pending) return;
      if (blocked) Atomics.wait(ctl, W.PROGRESS, progress, 1);
      else waitAtLeast(W.READY, ready + 1);
      continue;
    }
    // Group 'found' is ours: its panels in order, as many as are published.
    let t = Atomics.load(ctl, W.PROG + LINE * found);
    while (t < Atomics.load(ctl, W.READY) && !failed()) {
      compute(found, t);
      t++;
      Atomics.store(ctl, W.PROG + LINE * found, t);
      Atomics.notify(ctl, W.PROG + LINE * found);
      bump();
    }
    Atomics.store(ctl, W.LOCK + LINE * found, 0);
    bump();
    g0 = found;
  }
}
function columnsJob() {
  const np = ctl[W.NPANELS], ring = ctl[W.RING], slot0 = ctl[W.SLOT0], slotB = ctl[W.SLOTB];
  const a = ctl[W.A], aps = ctl[W.ACS], c = ctl[W.C], ldc = ctl[W.LDC];
  const m = ctl[W.M], n = ctl[W.N], k = ctl[W.K], nc = ctl[W.KC], bcs = ctl[W.BSTRIDE];
  for (;;) {
    const t = Atomics.add(ctl, W.CLAIM, 1);
    if (t >= np) return;
    waitAtLeast(W.READY, t + 1);
    if (failed()) return;
    const s = t % ring, j0 = t * nc;
    ex.macroC(a, aps, slot0 + s * slotB, bcs, c + j0 * 8, ldc, m, Math.min(nc, n - j0), k);
    Atomics.add(ctl, W.DONE + LINE * s, 1);
    Atomics.notify(ctl, W.DONE + LINE * s);
  }
}
let gen = Atomics.load(ctl, W.GEN);
Atomics.store(ctl, W.WREADY + tid, 1);
for (;;) {
  for (let s = 0; s < ${SPIN} && Atomics.load(ctl, W.GEN) === gen; s++);
  while (Atomics.load(ctl, W.GEN) === gen) Atomics.wait(ctl, W.GEN, gen);
  gen = Atomics.load(ctl, W.GEN);
  if (Atomics.load(ctl, W.QUIT)) break;
  if (((Atomics.load(ctl, W.MASK) >>> tid) & 1) === 0) continue;
  try {
    if (ctl[W.KIND] === 0) rowsJob(); else columnsJob();
  } catch (e) {
    Atomics.store(ctl, W.ERROR, 1);
  }
  Atomics.add(ctl, W.FINISHED, 1);
  Atomics.notify(ctl, W.FINISHED);
}
Atomics.store(ctl, W.WREADY + tid, 0);
`;
}
