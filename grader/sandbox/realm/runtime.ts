/**
 * The grading runtime inside one V8 context (a "realm"): the course library, the exports object
 * that cells define into, and the few entry points the sandbox process drives. Everything here is
 * created inside the realm, so nothing the student's code can reach leads to the sandbox process's
 * own objects; the process talks to it in strings only. `boot` runs before any student code, and
 * ends by freezing every built-in and the library, so later code cannot change how these entry
 * points behave.
 *
 * Work that can run student code (running a cell, calling a function, reading what it returned or
 * threw) happens inside `__tsdl_cell.run(...)` and `__tsdl_go()`, which the process evaluates with
 * a time limit; `cellResult()` and `take()` only hand back strings computed there.
 */
import { MODULES } from 'tsdl-sandbox-modules';
import { fromWire, toWire } from '../../grade/serialize';
import { freezeRealm } from './freeze';
import { process as libraryProcess } from './library-process';
import { wrapNative } from './native-bridge';
import { provideNativeBlas } from '../../../lib/np/native';

export interface BootConfig { env: Record<string, string> }

/** Answers a reference call: (name, JSON of {args, state}) → JSON of {ok, value, state} | {ok: false, error}. */
export type Bridge = (name: string, request: string) => string;

export interface Runtime {
  /** JSON: { ok: true } | { ok: false, error } for the last cell run, or { pending: true }. */
  cellResult(): string;
  /** Prepares a call of `name` on JSON-encoded wire arguments, seeding np.random first if seed is a number. */
  stageCall(name: string, argsJson: string, seed: number | null, stateJson: string | null): void;
  /** JSON: { ok: true, value, state } | { ok: false, error } | { pending: true } for the staged call. */
  take(): string;
  /** Replaces each named function in the exports by a call through the bridge. */
  useReferences(names: string, bridge: Bridge): void;
}

const MAX_TEXT = 2000;
const MAX_NAME = 100;

interface RandomApi { seed(s: number): void; get_state(): [string, ArrayLike<number>, number, number, number]; set_state(s: unknown): void }

function random(): RandomApi {
  return (MODULES as { tsdl: { np: { random: RandomApi } } }).tsdl.np.random;
}

/** The global generator's state as plain data, so that a reference callee continues the same stream. */
type RandomState = [number[], number, number, number];
function randomState(): RandomState {
  const [, key, pos, has, gauss] = random().get_state();
  return [Array.from(key), pos, has, gauss];
}
function setRandomState(s: RandomState): void {
  random().set_state(['MT19937', s[0], s[1], s[2], s[3]]);
}

/** What a thrown value says about itself, computed while the time limit still applies. */
function errorInfo(e: unknown): { name: string; message: string; cell?: string; line?: number } {
  try {
    if (e instanceof Error) {
      const stack = String(e.stack ?? '').slice(0, 20_000);
      const m = /\((student-[\w.-]+\.js):(\d+):\d+\)|at (student-[\w.-]+\.js):(\d+):\d+/.exec(stack);
      return {
        name: String(e.name || 'Error').slice(0, MAX_NAME), message: String(e.message).slice(0, MAX_TEXT),
        cell: m ? (m[1] ?? m[3]) : undefined, line: m ? Number(m[2] ?? m[4]) : undefined,
      };
    }
    return { name: 'Error', message: `non-Error value thrown: ${String(e).slice(0, 200)}` };
  } catch {
    return { name: 'Error', message: 'an exception that could not be described' };
  }
}

const PENDING = JSON.stringify({ pending: true });

/** `native`: the addon as the sandbox process loaded it, if this run uses it. */
export function boot(configJson: string, native?: Record<string, unknown>): Runtime {
  const config = JSON.parse(configJson) as BootConfig;
  Object.assign(libraryProcess.env, config.env);
  provideNativeBlas(native ? wrapNative(native) : null, 'the native addon is not used in this grading run');

  // Prototype-less and closed to prototype changes: nothing the grading side does with it later
  // (reading a function, installing a reference) can reach a getter or setter of the student's.
  const target = Object.create(null) as Record<string, unknown>;
  const put = (name: PropertyKey, value: unknown): void => {
    Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  };
  const exports = new Proxy(target, {
    defineProperty: (_t, prop, attrs) => {
      if (prop === '__esModule') return true;
      put(prop, attrs.get ? attrs.get() : attrs.value);
      return true;
    },
    set: (_t, prop, value) => { put(prop, value); return true; },
    setPrototypeOf: () => false,
    preventExtensions: () => false,
    // A cell cannot take another cell's definitions away (the last definition still wins).
    deleteProperty: () => false,
  });
  const cellRequire = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(MODULES, name)) return (MODULES as Record<string, unknown>)[name];
    throw new Error(`Cannot use module '${name}' while grading: only the course library is available`);
  };

  let cellOutcome = PENDING;
  const run = (body: (exports: unknown, require: unknown) => unknown): void => {
    cellOutcome = PENDING;
    const fail = (e: unknown): void => { cellOutcome = JSON.stringify({ ok: false, error: errorInfo(e) }); };
    try {
      const r = body(exports, cellRequire);
      if (r instanceof Promise) r.then(() => { cellOutcome = JSON.stringify({ ok: true }); }, fail);
      else cellOutcome = JSON.stringify({ ok: true });
    } catch (e) { fail(e); }
  };

  let staged: { name: string; args: unknown[]; seed: number | null; state: unknown } | null = null;
  let callOutcome = PENDING;
  const settle = (value: unknown): void => {
    let state: RandomState | null = null;
    try { state = randomState(); } catch { /* reported as no state */ }
    const wire = toWire(value);
    callOutcome = JSON.stringify({ ok: true, value: wire, state });
  };
  const go = (): void => {
    callOutcome = PENDING;
    const s = staged;
    staged = null;
    const fail = (e: unknown): void => { callOutcome = JSON.stringify({ ok: false, error: errorInfo(e) }); };
    try {
      if (!s) throw new Error('no call staged');
      const own = Object.getOwnPropertyDescriptor(target, s.name);
      const fn = own && 'value' in own ? own.value : undefined;
      if (typeof fn !== 'function') throw new ReferenceError(`${s.name} is not defined as a function in the submission`);
      if (s.state !== null) setRandomState(s.state as RandomState);
      if (s.seed !== null) random().seed(s.seed);
      const value = (fn as (...a: unknown[]) => unknown)(...s.args);
      if (value instanceof Promise) value.then(settle, fail);
      else settle(value);
    } catch (e) { fail(e); }
  };

  const runtime: Runtime = {
    cellResult: () => cellOutcome,
    stageCall(name, argsJson, seed, stateJson) {
      const args = (JSON.parse(argsJson) as Parameters<typeof fromWire>[0][]).map(fromWire);
      staged = { name, args, seed, state: stateJson === null ? null : JSON.parse(stateJson) as RandomState };
    },
    take: () => callOutcome,
    useReferences(names, bridge) {
      for (const name of JSON.parse(names) as string[]) {
        const reference = function reference(...args: unknown[]): unknown {
          const request = JSON.stringify({ args: args.map((a) => toWire(a)), state: randomState() });
          const reply = JSON.parse(bridge(name, request)) as { ok: boolean; value?: unknown; state?: RandomState; error?: { name: string; message: string } };
          // Only the class of the reference's error: its message could quote the reference's code.
          if (!reply.ok) throw new TypeError(`the reference ${name} (used while this function is graded) failed with ${String(reply.error?.name ?? 'Error').slice(0, 40)} on the arguments your code passed to it`);
          if (reply.state) setRandomState(reply.state);
          return fromWire(reply.value as Parameters<typeof fromWire>[0]);
        };
        Object.defineProperty(reference, 'toString', { value: () => `function ${name}() { [the reference solution, run outside this context] }` });
        put(name, reference);
      }
    },
  };

  const g = globalThis as Record<string, unknown>;
  const console = Object.freeze({ log() {}, info() {}, warn() {}, error() {}, debug() {}, table() {}, dir() {}, trace() {} });
  for (const [k, v] of Object.entries({ __tsdl_cell: Object.freeze({ run }), __tsdl_go: go, console })) {
    Object.defineProperty(g, k, { value: v, writable: false, configurable: false, enumerable: false });
  }
  // Its callbacks would run between requests, outside every time limit: here they never run (as
  // when the collector never gets to the objects, which the language allows).
  Object.defineProperty(g, 'FinalizationRegistry', {
    value: class FinalizationRegistry { register(): void { /* never called back */ } unregister(): boolean { return false; } },
    writable: true, configurable: true, enumerable: false,
  });
  // Load every public module now, so nothing is initialised lazily after the freeze.
  for (const name of Object.keys(MODULES)) void (MODULES as Record<string, unknown>)[name];
  freezeRealm([MODULES, runtime]);
  return runtime;
}
