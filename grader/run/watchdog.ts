// Per-cell time limit. A cell runs on the main thread and may never yield (`while (true) {}`),
// so the clock lives in a worker thread. When a cell's time is up the worker interrupts the
// process with SIGINT, exactly what Jupyter does to interrupt a kernel: tslab runs cells with
// vm's breakOnSigint, so synchronous code throws, and the runner's SIGINT handler calls the
// executor's interrupt() for a cell awaiting a promise. A cell that ignores SIGINT (busy outside
// the vm script, e.g. after an await) is killed after a grace period, with a message on stderr.
import { Worker } from 'worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const flag = new Int32Array(workerData.flag);
let timers = [];
function clear() { for (const t of timers) { clearTimeout(t); clearInterval(t); } timers = []; }
parentPort.on('message', (m) => {
  clear();
  if (m.type !== 'arm') return;
  // flag: 0 = cell running, 1 = time limit reached, 2 = no cell running (the main thread's word).
  timers.push(setTimeout(() => {
    if (Atomics.compareExchange(flag, 0, 0, 1) !== 0) return;
    process.kill(process.pid, 'SIGINT');
    // A SIGINT that arrived while the cell was being compiled is lost: send it again.
    timers.push(setInterval(() => {
      if (Atomics.load(flag, 0) === 1) process.kill(process.pid, 'SIGINT');
    }, 500));
    timers.push(setTimeout(() => {
      if (Atomics.load(flag, 0) !== 1) return;
      fs.writeSync(2, m.killMessage + '\\n');
      process.kill(process.pid, 'SIGKILL');
    }, m.graceMs));
  }, m.ms));
});
`;

export class Watchdog {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4)).fill(2);
  private readonly worker: Worker;

  constructor(private readonly graceMs = 5000) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { flag: this.flag.buffer } });
    this.worker.unref();
  }

  /** Starts the clock for one cell. */
  arm(ms: number, label: string): void {
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage({
      type: 'arm',
      ms,
      graceMs: this.graceMs,
      killMessage: `tsdl run: ${label} ran past its time limit and did not stop when interrupted; killed (no notebook written)`,
    });
  }

  /** Stops the clock; true when the time limit was reached (and SIGINT sent). */
  disarm(): boolean {
    const state = Atomics.exchange(this.flag, 0, 2);
    this.worker.postMessage({ type: 'disarm' });
    return state === 1;
  }

  get fired(): boolean {
    return Atomics.load(this.flag, 0) === 1;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
