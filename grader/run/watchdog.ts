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
const flag = new Int32Array(workerData.shared, 0, 1);
const lastSent = new Float64Array(workerData.shared, 8, 1);
function interrupt() { lastSent[0] = Date.now(); process.kill(process.pid, 'SIGINT'); }
let timers = [];
function clear() { for (const t of timers) { clearTimeout(t); clearInterval(t); } timers = []; }
parentPort.on('message', (m) => {
  clear();
  if (m.type !== 'arm') return;
  // flag: 0 = cell running, 1 = time limit reached, 2 = no cell running (the main thread's word).
  timers.push(setTimeout(() => {
    if (Atomics.compareExchange(flag, 0, 0, 1) !== 0) return;
    interrupt();
    // A SIGINT landing outside the cell's vm script (say, while TypeScript compiles it) only
    // reaches the process handler after the cell's synchronous code: repeat until it stops.
    timers.push(setInterval(() => {
      if (Atomics.load(flag, 0) === 1) interrupt();
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
  private readonly shared = new SharedArrayBuffer(16);
  private readonly flag = new Int32Array(this.shared, 0, 1).fill(2);
  private readonly lastSent = new Float64Array(this.shared, 8, 1);
  private readonly worker: Worker;

  constructor(private readonly graceMs = 5000) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared: this.shared } });
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

  /** The running cell reached its time limit. */
  get fired(): boolean {
    return Atomics.load(this.flag, 0) === 1;
  }

  /**
   * The watchdog sent a SIGINT in the last `ms` milliseconds: a SIGINT handled now may be a late
   * copy of it (signals are handled between tasks, possibly after the cell already stopped).
   */
  signalledWithin(ms: number): boolean {
    return Date.now() - this.lastSent[0] < ms;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
