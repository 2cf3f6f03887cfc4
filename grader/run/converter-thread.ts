// tslab's converters, called synchronously from the kernel thread but running in a worker thread
// (converter-host.ts): each call posts a request, blocks on a shared flag until the worker has
// posted its reply, and reads that reply off the port. tslab's executor calls convert() in the
// middle of its synchronous code, so the call has to look synchronous.
import path from 'path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'worker_threads';
import type { Converter } from 'tslab/dist/converter';
import type { ConverterSet } from 'tslab/dist/executor';
import type { HostData, Method, Reply, Request, Which } from './converter-host';

/** How long one call may take before the compile thread counts as hung (TypeScript's first check of a big cell takes seconds). */
const CALL_LIMIT_MS = 10 * 60_000;

const STANDARD_ERRORS: { [name: string]: ErrorConstructor } = { TypeError, RangeError, SyntaxError, ReferenceError };

/** A call that ran over its limit; the thread has been stopped. */
export class CompileTimeout extends Error {
  constructor(readonly limitMs: number) { super(`the TypeScript compile thread gave no answer in ${limitMs / 1000} s; restart the kernel`); }
}

export class ThreadConverterSet implements ConverterSet {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly done: Int32Array;
  private closed = false;
  private dead: Error | null = null;
  readonly node: Converter;
  readonly browser: Converter;

  /** How long one call may take, ms; settable between calls. */
  callLimitMs: number;

  /** `callLimitMs`: a call that takes longer stops the thread (the grader bounds each cell's compile). */
  constructor({ fullCheck = false, callLimitMs = CALL_LIMIT_MS } = {}) {
    this.callLimitMs = callLimitMs;
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const data: HostData = { port: port2, flag, fullCheck };
    this.worker = new Worker(path.join(__dirname, 'converter-host.js'), { workerData: data, transferList: [port2] });
    // Left referenced, like the watched files of tslab's in-thread converter: it keeps the process
    // alive while a cell awaits a promise nothing else holds (`tsdl run --timeout` then interrupts it).
    this.worker.on('error', (err) => { this.dead = err; });
    this.worker.on('exit', (code) => { this.dead ??= new Error(`it exited with code ${code}`); });
    this.port = port1;
    this.done = new Int32Array(flag);
    this.node = this.converter('node');
    this.browser = this.converter('browser');
  }

  private converter(which: Which): Converter {
    const call = (method: Method) => (...args: unknown[]) => this.call({ which, method, args });
    return {
      convert: call('convert') as Converter['convert'],
      addModule: call('addModule') as Converter['addModule'],
      inspect: call('inspect') as Converter['inspect'],
      complete: call('complete') as Converter['complete'],
      close: () => this.close(),
    };
  }

  private call(req: Request | 'close' | 'ready'): unknown {
    if (this.closed) throw new Error('the TypeScript compile thread was closed');
    if (this.dead) throw new Error(`the TypeScript compile thread stopped (${this.dead.message}); restart the kernel`);
    Atomics.store(this.done, 0, 0);
    this.port.postMessage(req);
    const t0 = Date.now();
    // Woken by the reply; the timed waits only let a crashed or hung thread be told apart.
    const step = Math.min(1000, this.callLimitMs);
    while (Atomics.wait(this.done, 0, 0, step) === 'timed-out') {
      const dead = this.dead as Error | null; // set by the worker's events, between calls
      if (dead || Date.now() - t0 > this.callLimitMs) {
        if (!dead) { this.dead = new CompileTimeout(this.callLimitMs); void this.worker.terminate(); }
        throw dead ? new Error(`the TypeScript compile thread failed (${dead.message}); restart the kernel`) : this.dead!;
      }
    }
    const msg = receiveMessageOnPort(this.port);
    if (!msg) throw new Error('the TypeScript compile thread stopped without answering; restart the kernel');
    const r = msg.message as Reply;
    if (r.ok) return r.value;
    const Ctor = STANDARD_ERRORS[r.name] ?? Error;
    const err = new Ctor(r.message);
    err.name = r.name;
    if (r.stack) err.stack = r.stack;
    throw err;
  }

  /** Blocks until the thread has loaded TypeScript and warmed the Node converter. */
  ready(): void {
    this.call('ready');
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call('close');
    } finally {
      this.closed = true;
      this.port.close();
      void this.worker.terminate();
    }
  }
}
