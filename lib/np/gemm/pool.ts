/**
 * The worker threads: started lazily (the first product large enough to share), unref'd so they
 * never keep the process alive, and given the kernel module and the shared memory once. If
 * worker_threads is missing or refused (Node's permission model without --allow-worker), the pool
 * stays empty and products run on the main thread alone.
 */
import { MAX_THREADS, W } from './control';
import { workerSource } from './worker_src';

interface WorkerLike { unref(): void; on(ev: string, f: (...a: unknown[]) => void): void; terminate(): unknown }

export class Pool {
  private workers: WorkerLike[] = [];
  private started = false;
  /** Why no workers could be started (for gemmStats), or null. */
  failure: string | null = null;
  broken = false;

  constructor(private readonly module: unknown, private readonly memory: unknown, private readonly ctl: Int32Array) {}

  /** Starts up to `count` workers (tids 1..count) if not done yet; never throws. */
  start(count: number): void {
    if (this.started) return;
    this.started = true;
    count = Math.min(count, MAX_THREADS - 1);
    if (count <= 0) return;
    let WorkerCtor: new (src: string, opts: object) => WorkerLike;
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      WorkerCtor = require('worker_threads').Worker;
      if (typeof WorkerCtor !== 'function') throw new Error('worker_threads.Worker is not available');
    } catch (e) {
      this.failure = `worker_threads unavailable: ${(e as Error).message}`;
      return;
    }
    const src = workerSource();
    for (let tid = 1; tid <= count; tid++) {
      try {
        const w = new WorkerCtor(src, { eval: true, workerData: { module: this.module, memory: this.memory, tid }, stdout: false, stderr: false });
        w.unref();
        w.on('error', (e) => { this.broken = true; this.failure = `gemm worker failed: ${String((e as Error)?.message ?? e)}`; });
        w.on('exit', () => { this.broken = true; Atomics.store(this.ctl, W.WREADY + tid, 0); });
        this.workers.push(w);
      } catch (e) {
        this.failure = `cannot start gemm workers: ${(e as Error).message}`;
        break;
      }
    }
  }

  /** Bit mask of workers that are up and waiting (tid t ↦ bit t), at most `max` of them. */
  readyMask(max: number): number {
    if (this.broken) return 0;
    let mask = 0, n = 0;
    for (let tid = 1; tid <= this.workers.length && n < max; tid++) {
      if (Atomics.load(this.ctl, W.WREADY + tid) === 1) { mask |= 1 << tid; n++; }
    }
    return mask;
  }

  get size(): number { return this.workers.length; }
}
