/**
 * Runs one product on the wasm kernels: lays the operands out in the wasm memory (A whole, B as a
 * ring of cache-sized panels copied while the threads compute on earlier ones, C whole), hands the
 * job to the workers through the control block, does the main thread's share, waits with
 * Atomics.wait, and copies C out. Only the main thread can read the operands (ordinary
 * ArrayBuffers), so it does all the copying; the workers only compute.
 *
 *  rows path    (B rows contiguous or anything else): panels are k-slices of B (kc rows × n);
 *               C is cut into groups of columns (or rows); any thread may take a group's next
 *               panel, but one thread at a time and in panel order (PROG/LOCK words), so each
 *               C[i,j] still sums p = 0..k-1 in order. The main thread copies panels ahead and
 *               helps compute when the ring is full or everything is copied.
 *  columns path (B columns contiguous, e.g. Xᵀ): panels are column blocks of B with all of k,
 *               independent, claimed dynamically by whoever is free.
 */
import { CTL_BYTES, LINE, MAX_GROUPS, MAX_RING, W } from './control';
import { KernelExports, MR_R, NR_R, PAGE, kernelBytes } from './kernel';
import { Pool } from './pool';
import type { Mat } from './pure';
import { SPIN } from './worker_src';

/** The wasm memory never grows past this; larger products take the pure path. */
export const MAX_BYTES = 512 * 1024 * 1024;
const MAX_PAGES = MAX_BYTES / PAGE;
/** Bytes of B per panel: a few panels fit in L2 together with A's slivers. */
const SLOT_TARGET = 96 * 1024;
/** A single panel if all of B is at most this. */
const SINGLE_PANEL = 192 * 1024;
/** Panels in flight: enough slack that a thread delayed by the scheduler does not stall the other. */
const RING = 16;

interface WasmMemoryLike { buffer: ArrayBufferLike; grow(pages: number): number }
// The lib has no WebAssembly typings (ES2020 without DOM); this is the part used here.
interface WasmApi {
  Memory: new (d: { initial: number; maximum: number; shared?: boolean }) => WasmMemoryLike;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: unknown };
  validate(bytes: Uint8Array): boolean;
}

/** A worker reported an error: the product is redone on the main thread. */
class WorkerFailed extends Error {}
/**
 * A worker made no progress for STALL_MS (e.g. its thread died without a word). The product is
 * then left to the main-thread engine, on its own memory: a late write of that worker cannot reach it.
 */
class WorkerStalled extends WorkerFailed {}
const STALL_MS = Number(process.env.TSDL_GEMM_STALL_MS) || 10_000;

/** Tracks the last change of a counter; throws WorkerStalled when it stops changing too long. */
class StallWatch {
  private last = NaN;
  private since = 0;
  check(value: number): void {
    if (value !== this.last) { this.last = value; this.since = performance.now(); return; }
    if (performance.now() - this.since > STALL_MS) throw new WorkerStalled('gemm worker stopped making progress');
  }
}

function align64(x: number): number { return (x + 63) & ~63; }

/** A row stride (elements) whose byte size is not close to a multiple of 4 KiB (L1 set aliasing). */
function paddedLd(k: number): number {
  let ld = (k + 7) & ~7;
  while (ld >= 64 && ((ld * 8) % 4096 < 256 || (ld * 8) % 4096 > 3840)) ld += 8;
  return ld;
}

function aliases(k: number): boolean { return k >= 64 && ((k * 8) % 4096 < 256 || (k * 8) % 4096 > 3840); }

function popcount(x: number): number { let c = 0; for (; x; x &= x - 1) c++; return c; }

export class Engine {
  private f64: Float64Array;
  /** The control block (re-made when an unshared memory grows and detaches its buffer). */
  private ctl: Int32Array;
  private pool: Pool | null = null;
  private constructor(private readonly memory: WasmMemoryLike, readonly module: object,
    private readonly ex: KernelExports, readonly shared: boolean) {
    this.f64 = new Float64Array(memory.buffer);
    this.ctl = new Int32Array(memory.buffer, 0, CTL_BYTES / 4);
  }

  /**
   * An engine on a shared memory (for worker threads) or an unshared one (main thread only:
   * copying into an unshared memory is a plain memcpy, much faster than into a shared one);
   * null where WebAssembly, its SIMD or (for `shared`) shared memory is unavailable.
   */
  static create(shared: boolean): Engine | null {
    const wa = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!wa || typeof wa.Memory !== 'function') return null;
    try {
      const bytes = kernelBytes(shared, MAX_PAGES);
      if (!wa.validate(bytes)) return null;
      const memory = new wa.Memory({ initial: 16, maximum: MAX_PAGES, shared });
      if (shared && !(typeof SharedArrayBuffer === 'function' && memory.buffer instanceof SharedArrayBuffer)) return null;
      const module = new wa.Module(bytes);
      const inst = new wa.Instance(module, { env: { memory } });
      return new Engine(memory, module, inst.exports as KernelExports, shared);
    } catch {
      return null;
    }
  }

  get workerFailure(): string | null { return this.pool?.failure ?? null; }
  get workersStarted(): number { return this.pool?.size ?? 0; }

  /** Grows the memory to at least `bytes`; false if that would pass MAX_BYTES. */
  private ensure(bytes: number): boolean {
    if (bytes > MAX_BYTES) return false;
    const have = this.memory.buffer.byteLength;
    if (bytes > have) {
      try {
        this.memory.grow(Math.ceil((bytes - have) / PAGE));
      } catch {
        return false;
      }
    }
    if (this.f64.buffer !== this.memory.buffer || this.f64.length * 8 !== this.memory.buffer.byteLength) {
      this.f64 = new Float64Array(this.memory.buffer);
      this.ctl = new Int32Array(this.memory.buffer, 0, CTL_BYTES / 4);
    }
    return true;
  }

  /** Workers that are up and may join (mask of tids), starting the pool on first use. */
  workerMask(threads: number): number {
    if (!this.shared || threads <= 1) return 0;
    if (!this.pool) this.pool = new Pool(this.module, this.memory, this.ctl);
    this.pool.start(threads - 1);
    return this.pool.readyMask(threads - 1);
  }

  /**
   * C = A·B with the workers in `mask` (see workerMask), or null if the product does not fit the
   * memory cap. If a worker fails, the product is redone on the main thread and the pool retired.
   */
  run(A: Mat, B: Mat, m: number, k: number, n: number, mask: number): Float64Array | null {
    const columns = B.rs === 1 && B.cs !== 1 && n > 1 && k > 1;
    const plan = columns ? this.planColumns(A, B, m, k, n) : this.planRows(A, B, m, k, n);
    if (!plan) return null;
    try {
      this.execute(plan, A, B, m, k, n, mask);
    } catch (e) {
      if (!(e instanceof WorkerFailed)) throw e;
      if (this.pool) this.pool.broken = true;
      if (e instanceof WorkerStalled) return null;
      this.execute(plan, A, B, m, k, n, 0);
    }
    const C = new Float64Array(m * n);
    C.set(this.f64.subarray(plan.c / 8, plan.c / 8 + m * n));
    return C;
  }

  // ---- plans -------------------------------------------------------------------------------

  private planRows(A: Mat, B: Mat, m: number, k: number, n: number): Plan | null {
    // A: copied once, keeping a layout the kernel can stride through.
    let lda = 0, ars: number, acs: number, aMode: Plan['aMode'];
    if (A.cs === 1 && (m === 1 || A.rs === k) && (m > 64 || !aliases(k))) { aMode = 'flat'; ars = k * 8; acs = 8; }
    else if (A.rs === 1 && m > 1 && A.cs === m) { aMode = 'flatT'; ars = 8; acs = m * 8; }
    else if (A.cs === 1 && m <= 64) { aMode = 'rows'; lda = paddedLd(k); ars = lda * 8; acs = 8; }
    else { aMode = 'gather'; lda = paddedLd(k); ars = lda * 8; acs = 8; }
    const aBytes = (aMode === 'rows' || aMode === 'gather' ? m * lda : m * k) * 8;
    let kc = k;
    if (k * n * 8 > SINGLE_PANEL) {
      kc = Math.max(1, Math.floor(SLOT_TARGET / (n * 8)));
      if (kc >= 16) kc &= ~7;
    }
    const nPanels = Math.ceil(k / kc);
    const slotB = align64(kc * n * 8);
    const a = CTL_BYTES, c = align64(a + aBytes), ring0 = align64(c + m * n * 8);
    const ring = Math.min(RING, nPanels);
    if (!this.ensure(ring0 + ring * slotB)) return null;
    return { kind: 0, aMode, a, ars, acs, lda, c, ldc: n * 8, ring0, ring, slotB, nPanels, kc, bstride: n * 8 };
  }

  private planColumns(A: Mat, B: Mat, m: number, k: number, n: number): Plan | null {
    const mPad = m + (m & 1);
    let nc = Math.max(2, Math.floor(SLOT_TARGET / (k * 8)) & ~1);
    if (k * n * 8 <= SINGLE_PANEL) nc = n;
    nc = Math.min(nc, n);
    const nPanels = Math.ceil(n / nc);
    const slotB = align64(nc * k * 8);
    const a = CTL_BYTES, c = align64(a + mPad * k * 8), ring0 = align64(c + m * n * 8);
    const ring = Math.min(RING, nPanels);
    if (!this.ensure(ring0 + ring * slotB)) return null;
    return { kind: 1, aMode: 'packT', a, ars: 0, acs: mPad * 8, lda: mPad, c, ldc: n * 8, ring0, ring, slotB, nPanels, kc: nc, bstride: k * 8 };
  }

  // ---- copying in ------------------------------------------------------------------------

  private copyA(plan: Plan, A: Mat, m: number, k: number): void {
    const f = this.f64, d = A.data, base = plan.a / 8;
    switch (plan.aMode) {
      case 'flat':
        if (m === 1) f.set(d.subarray(A.off, A.off + k), base);
        else f.set(d.subarray(A.off, A.off + m * k), base);
        return;
      case 'flatT':
        f.set(d.subarray(A.off, A.off + m * k), base);
        return;
      case 'rows':
        for (let i = 0; i < m; i++) f.set(d.subarray(A.off + i * A.rs, A.off + i * A.rs + k), base + i * plan.lda);
        return;
      case 'gather':
        for (let i = 0; i < m; i++) {
          const o = base + i * plan.lda, s = A.off + i * A.rs;
          for (let p = 0; p < k; p++) f[o + p] = d[s + p * A.cs];
        }
        return;
      case 'packT': {
        const ld = plan.lda;
        for (let p = 0; p < k; p++) {
          const o = base + p * ld, s = A.off + p * A.cs;
          for (let i = 0; i < m; i++) f[o + i] = d[s + i * A.rs];
          if (ld > m) f[o + m] = 0;
        }
        return;
      }
    }
  }

  /** Panel t of B into its ring slot. */
  private copyPanel(plan: Plan, B: Mat, k: number, n: number, t: number): void {
    const f = this.f64, d = B.data, base = (plan.ring0 + (t % plan.ring) * plan.slotB) / 8;
    if (plan.kind === 0) {
      const p0 = t * plan.kc, p1 = Math.min(k, p0 + plan.kc);
      if (B.cs === 1 && B.rs === n) { f.set(d.subarray(B.off + p0 * n, B.off + p1 * n), base); return; }
      if (B.cs === 1) {
        for (let p = p0; p < p1; p++) f.set(d.subarray(B.off + p * B.rs, B.off + p * B.rs + n), base + (p - p0) * n);
        return;
      }
      for (let p = p0; p < p1; p++) {
        const o = base + (p - p0) * n, s = B.off + p * B.rs;
        for (let j = 0; j < n; j++) f[o + j] = d[s + j * B.cs];
      }
    } else {
      const j0 = t * plan.kc, j1 = Math.min(n, j0 + plan.kc);
      if (B.cs === k) { f.set(d.subarray(B.off + j0 * k, B.off + j1 * k), base); return; }
      for (let j = j0; j < j1; j++) f.set(d.subarray(B.off + j * B.cs, B.off + j * B.cs + k), base + (j - j0) * k);
    }
  }

  // ---- running -----------------------------------------------------------------------------

  private waitAtLeast(i: number, v: number): void {
    const ctl = this.ctl;
    for (let s = 0; s < SPIN; s++) if (Atomics.load(ctl, i) >= v) return;
    const watch = new StallWatch();
    for (;;) {
      const cur = Atomics.load(ctl, i);
      if (cur >= v) return;
      if (Atomics.load(ctl, W.ERROR)) throw new WorkerFailed('gemm worker failed');
      watch.check(cur);
      Atomics.wait(ctl, i, cur, 20);
    }
  }

  private execute(plan: Plan, A: Mat, B: Mat, m: number, k: number, n: number, mask: number): void {
    const ctl = this.ctl, T = 1 + popcount(mask);
    if (T > 1 && plan.nPanels === 0) mask = 0;
    const c = ctl;
    c[W.READY] = 0; c[W.CLAIM] = 0; c[W.FINISHED] = 0; c[W.ERROR] = 0;
    c[W.PROGRESS] = 0;
    for (let s = 0; s < MAX_RING; s++) c[W.DONE + LINE * s] = 0;
    for (let g = 0; g < MAX_GROUPS; g++) { c[W.PROG + LINE * g] = 0; c[W.LOCK + LINE * g] = 0; }
    c[W.KIND] = plan.kind; c[W.NPANELS] = plan.nPanels; c[W.RING] = plan.ring;
    c[W.SLOT0] = plan.ring0; c[W.SLOTB] = plan.slotB;
    c[W.A] = plan.a; c[W.ARS] = plan.ars; c[W.ACS] = plan.acs; c[W.C] = plan.c; c[W.LDC] = plan.ldc;
    c[W.M] = m; c[W.N] = n; c[W.K] = k; c[W.KC] = plan.kc; c[W.BSTRIDE] = plan.bstride;
    c[W.MASK] = mask; c[W.NPART] = T;
    if (plan.kind === 0) this.setGroups(m, n, T);
    this.copyA(plan, A, m, k);
    if (T > 1) { Atomics.add(ctl, W.GEN, 1); Atomics.notify(ctl, W.GEN); }
    let error = false;
    let stalled: WorkerStalled | null = null;
    try {
      if (plan.kind === 0) this.mainRows(plan, B, m, k, n, T);
      else this.mainColumns(plan, B, m, k, n, T);
    } catch (e) {
      if (!(e instanceof WorkerFailed)) { Atomics.store(ctl, W.ERROR, 1); throw e; }
      error = true;
    } finally {
      if (T > 1) {
        // Every participant counts itself finished, also after an error.
        const watch = new StallWatch();
        for (;;) {
          const f = Atomics.load(ctl, W.FINISHED);
          if (f >= T - 1) break;
          try {
            watch.check(f);
          } catch (e) {
            stalled = e as WorkerStalled;
            break;
          }
          Atomics.wait(ctl, W.FINISHED, f, 20);
        }
      }
    }
    if (stalled) throw stalled;
    if (error || Atomics.load(ctl, W.ERROR)) throw new WorkerFailed('gemm worker failed');
  }

  /**
   * Cuts C into groups of columns (or rows, for tall C) for the rows path: any thread may take a
   * group's next panel, but only one at a time and in panel order, so sums keep their order.
   */
  private setGroups(m: number, n: number, T: number): void {
    const byRows = Math.ceil(m / MR_R) > Math.ceil(n / NR_R);
    const unit = byRows ? MR_R : NR_R, len = byRows ? m : n, units = Math.ceil(len / unit);
    const G = T === 1 ? 1 : Math.min(units, MAX_GROUPS, 2 * T);
    const c = this.ctl;
    c[W.NGROUPS] = G; c[W.GDIM] = byRows ? 1 : 0; c[W.GSIZE] = Math.ceil(units / G) * unit;
  }

  private computeGroup(plan: Plan, m: number, k: number, n: number, g: number, t: number): void {
    const c = this.ctl, byRows = c[W.GDIM] === 1, gsize = c[W.GSIZE], len = byRows ? m : n;
    const lo = g * gsize, hi = Math.min(len, lo + gsize);
    if (hi <= lo) return;
    const i0 = byRows ? lo : 0, i1 = byRows ? hi : m, j0 = byRows ? 0 : lo, j1 = byRows ? n : hi;
    const p0 = t * plan.kc, s = t % plan.ring;
    this.ex.macroR(plan.a + i0 * plan.ars + p0 * plan.acs, plan.ars, plan.acs, plan.ring0 + s * plan.slotB + j0 * 8, plan.bstride,
      plan.c + i0 * plan.ldc + j0 * 8, plan.ldc, i1 - i0, j1 - j0, Math.min(plan.kc, k - p0), t === 0 ? 1 : 0);
  }

  /** The panels every group has finished. */
  private minProg(): number {
    const c = this.ctl, G = c[W.NGROUPS];
    let lo = Infinity;
    for (let g = 0; g < G; g++) lo = Math.min(lo, Atomics.load(c, W.PROG + LINE * g));
    return lo;
  }

  /** Computes one published panel of a group nobody holds; false if there is none. */
  private helpOne(plan: Plan, m: number, k: number, n: number): boolean {
    const c = this.ctl, G = c[W.NGROUPS], ready = Atomics.load(c, W.READY);
    for (let g = 0; g < G; g++) {
      if (Atomics.load(c, W.PROG + LINE * g) >= ready || Atomics.compareExchange(c, W.LOCK + LINE * g, 0, 1) !== 0) continue;
      const t = Atomics.load(c, W.PROG + LINE * g);
      if (t < ready) {
        this.computeGroup(plan, m, k, n, g, t);
        Atomics.store(c, W.PROG + LINE * g, t + 1);
        Atomics.notify(c, W.PROG + LINE * g);
      }
      Atomics.store(c, W.LOCK + LINE * g, 0);
      Atomics.add(c, W.PROGRESS, 1);
      Atomics.notify(c, W.PROGRESS);
      if (t < ready) return true;
    }
    return false;
  }

  /**
   * Helps (or sleeps) until every group has finished `panels` panels. It sleeps on the PROG word of
   * the group furthest behind, so it is woken only when that one moves (waking on every group's
   * progress cost a futex wake-up per group and panel).
   */
  private helpUntil(plan: Plan, m: number, k: number, n: number, panels: number): void {
    const c = this.ctl, G = c[W.NGROUPS];
    const watch = new StallWatch();
    for (let spins = 0; ;) {
      let gmin = 0, pmin = Infinity;
      for (let g = 0; g < G; g++) {
        const p = Atomics.load(c, W.PROG + LINE * g);
        if (p < pmin) { pmin = p; gmin = g; }
      }
      if (pmin >= panels) return;
      if (Atomics.load(c, W.ERROR)) throw new WorkerFailed('gemm worker failed');
      if (this.helpOne(plan, m, k, n)) continue;
      if (++spins < SPIN) continue;
      watch.check(pmin);
      Atomics.wait(c, W.PROG + LINE * gmin, pmin, 20);
    }
  }

  private mainRows(plan: Plan, B: Mat, m: number, k: number, n: number, T: number): void {
    const ctl = this.ctl, G = ctl[W.NGROUPS];
    for (let t = 0; t < plan.nPanels; t++) {
      // The slot's previous panel must be done by every group.
      if (T > 1 && t >= plan.ring) this.helpUntil(plan, m, k, n, t - plan.ring + 1);
      this.copyPanel(plan, B, k, n, t);
      Atomics.store(ctl, W.READY, t + 1);
      if (T > 1) Atomics.notify(ctl, W.READY);
      else for (let g = 0; g < G; g++) { this.computeGroup(plan, m, k, n, g, t); ctl[W.PROG + LINE * g] = t + 1; }
    }
    if (T > 1) this.helpUntil(plan, m, k, n, plan.nPanels);
  }

  private computeColumns(plan: Plan, m: number, k: number, n: number, t: number): void {
    const s = t % plan.ring, j0 = t * plan.kc;
    this.ex.macroC(plan.a, plan.acs, plan.ring0 + s * plan.slotB, plan.bstride, plan.c + j0 * 8, plan.ldc, m, Math.min(plan.kc, n - j0), k);
    Atomics.add(this.ctl, W.DONE + LINE * s, 1);
    Atomics.notify(this.ctl, W.DONE + LINE * s);
  }

  private mainColumns(plan: Plan, B: Mat, m: number, k: number, n: number, T: number): void {
    const ctl = this.ctl;
    let published = 0;
    while (published < plan.nPanels) {
      const s = published % plan.ring;
      if (published >= plan.ring && Atomics.load(ctl, W.DONE + LINE * s) < 1) {
        // The ring is full: the workers are behind, so help with a published panel.
        const cl = Atomics.load(ctl, W.CLAIM);
        if (cl < published && Atomics.compareExchange(ctl, W.CLAIM, cl, cl + 1) === cl) {
          this.computeColumns(plan, m, k, n, cl);
          continue;
        }
        if (cl >= published) this.waitAtLeast(W.DONE + LINE * s, 1);
        continue;
      }
      Atomics.store(ctl, W.DONE + LINE * s, 0);
      this.copyPanel(plan, B, k, n, published);
      published++;
      Atomics.store(ctl, W.READY, published);
      if (T > 1) Atomics.notify(ctl, W.READY);
      else { Atomics.store(ctl, W.CLAIM, published); this.computeColumns(plan, m, k, n, published - 1); }
    }
    if (T === 1) return;
    for (;;) {
      const t = Atomics.add(ctl, W.CLAIM, 1);
      if (t >= plan.nPanels) break;
      this.computeColumns(plan, m, k, n, t);
    }
    // Workers may still be computing claimed panels; FINISHED is awaited by execute().
  }
}

interface Plan {
  kind: 0 | 1;
  aMode: 'flat' | 'flatT' | 'rows' | 'gather' | 'packT';
  a: number; ars: number; acs: number; lda: number;
  c: number; ldc: number;
  ring0: number; ring: number; slotB: number; nPanels: number;
  /** rows path: panel depth (rows of B); columns path: panel width (columns of B). */
  kc: number;
  bstride: number;
}
