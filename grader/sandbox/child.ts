/**
 * The sandbox process: runs a submission's compiled cells and calls its graded functions on the
 * inputs the parent sends, returning only values. It never sees expected values or hidden tests.
 * Bundled with the library into one file (sandbox/bundle.ts) and started under Node's permission
 * model with read access to that file alone.
 */
import { createExports, runCell, Exports } from '../grade/executor';
import { fromWire, toWire } from '../grade/serialize';
import type { ErrorInfo, Reply, Request } from './protocol';
// Filled in by the bundler: module name → module, for the `require` that cells get.
import { MODULES } from 'tsdl-sandbox-modules';

const send = process.send!.bind(process);
const reply = (r: Reply): void => { send(r); };

const student = createExports();
const reference = createExports();

function sandboxRequire(name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(MODULES, name)) return (MODULES as Record<string, unknown>)[name];
  throw new Error(`Cannot use module '${name}' while grading: only the course library is available`);
}

/** Removes ways out of the sandbox that the permission model leaves open. */
function lockDown(): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest', 'Worker', 'SharedWorker']) {
    try { delete g[name]; } catch { /* not configurable */ }
  }
  const p = process as unknown as Record<string, unknown>;
  for (const name of ['binding', '_linkedBinding', 'dlopen', 'mainModule']) {
    try { Object.defineProperty(p, name, { value: undefined, configurable: false, writable: false }); } catch { /* ignore */ }
  }
  process.exit = ((code?: number) => { throw new Error(`process.exit(${code ?? ''}) is not allowed while grading`); }) as typeof process.exit;
  process.abort = (() => { throw new Error('process.abort() is not allowed while grading'); }) as typeof process.abort;
  process.kill = (() => { throw new Error('process.kill() is not allowed while grading'); }) as typeof process.kill;
  freezeIntrinsics();
}

/**
 * Freezes the built-ins and the course library, so a submission cannot patch Math, prototypes or
 * np (and so cannot change what another function's tests see); an attempt throws a TypeError.
 */
function freezeIntrinsics(): void {
  const roots: unknown[] = [Object, Array, Function, Number, String, Boolean, Symbol, Math, JSON, Reflect, Promise,
    Map, Set, WeakMap, WeakSet, Date, RegExp, Error, TypeError, RangeError, ArrayBuffer, DataView,
    Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
    Object.getPrototypeOf(Float64Array), BigInt, Atomics, MODULES];
  const seen = new Set<unknown>();
  const freeze = (o: unknown, depth: number): void => {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || depth > 8) return;
    seen.add(o);
    Object.freeze(o);
    for (const k of Reflect.ownKeys(o as object)) {
      const d = Object.getOwnPropertyDescriptor(o as object, k);
      if (d && 'value' in d) freeze(d.value, depth + 1);
    }
    freeze(Object.getPrototypeOf(o), depth + 1);
    if (typeof o === 'function' && (o as { prototype?: unknown }).prototype) freeze((o as { prototype: unknown }).prototype, depth + 1);
  };
  for (const r of roots) freeze(r, 0);
}

function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof Error) {
    // The first stack frame inside a submitted cell (named student-*.js by the parent).
    const m = /\((student-[\w.-]+\.js):(\d+):\d+\)|at (student-[\w.-]+\.js):(\d+):\d+/.exec(String(e.stack ?? ''));
    return {
      name: e.name || 'Error', message: String(e.message).slice(0, 2000),
      cell: m ? (m[1] ?? m[3]) : undefined, line: m ? Number(m[2] ?? m[4]) : undefined,
    };
  }
  return { name: 'Error', message: `non-Error value thrown: ${String(e).slice(0, 200)}` };
}

async function handle(req: Request): Promise<void> {
  if (req.op === 'exec') {
    const into = req.into === 'student' ? student : reference;
    const results: ({ ok: true } | { ok: false; error: ErrorInfo })[] = [];
    for (const cell of req.cells) {
      try { await runCell(cell, into, sandboxRequire); results.push({ ok: true }); } catch (e) { results.push({ ok: false, error: errorInfo(e) }); }
    }
    reply({ op: 'exec', id: req.id, results });
    return;
  }
  try {
    for (const name of req.references) (student as Exports)[name] = reference[name];
    const fn = student[req.fn];
    if (typeof fn !== 'function') throw new ReferenceError(`${req.fn} is not defined as a function in the submission`);
    const np = (MODULES as unknown as { tsdl: { np: { random: { seed(s: number): void } } } }).tsdl.np;
    if (req.seed !== undefined) np.random.seed(req.seed);
    let value = (fn as (...a: unknown[]) => unknown)(...req.args.map(fromWire));
    if (value instanceof Promise) value = await value;
    reply({ op: 'call', id: req.id, ok: true, value: toWire(value) });
  } catch (e) {
    reply({ op: 'call', id: req.id, ok: false, error: errorInfo(e) });
  }
}

let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: Request) => {
  queue = queue.then(() => handle(msg)).catch(() => undefined);
});
process.on('uncaughtException', () => { /* a stray async throw from student code must not end grading */ });
process.on('unhandledRejection', () => { /* likewise */ });
lockDown();
reply({ op: 'ready' });
