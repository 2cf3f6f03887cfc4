/**
 * The sandbox process. It speaks length-prefixed JSON frames on fd 3 and never runs student code in
 * its own realm: each tested function gets a fresh V8 context (realm) holding the course library
 * and the submission's cells, compiled as strict code, with frozen built-ins and no `process`,
 * `require` or host globals. Reference versions of callees live in a second realm that the
 * student's realm can only reach through a function that passes strings.
 */
import * as fs from 'fs';
import * as net from 'net';
import { types } from 'util';
import * as vm from 'vm';
import { encodeFrame, FrameReader } from './frames';
import type { CompiledCell } from '../grade/compile';
import type { Reply, TestRequest } from './protocol';
import type { Runtime } from './realm/runtime';

const [realmFile, cacheFile, addonFile] = process.argv.slice(2);
// Loaded here, outside every realm; realms get wrapped methods only (realm/native-bridge.ts).
let addon: Record<string, unknown> | undefined;
if (addonFile) {
  const m = { exports: {} as Record<string, unknown> };
  process.dlopen(m, addonFile);
  addon = m.exports;
}
const realmSource = fs.readFileSync(realmFile, 'utf8');
let cachedData: Buffer | undefined;
try { if (cacheFile !== '-') cachedData = fs.readFileSync(cacheFile); } catch { /* compiled from source */ }
const realmScript = new vm.Script(realmSource, { filename: 'tsdl-realm.js', cachedData });
const goScript = new vm.Script('__tsdl_go()', { filename: 'tsdl-call.js' });

const channel = new net.Socket({ fd: 3, readable: true, writable: true });
const send = (r: Reply): void => { channel.write(encodeFrame(r)); };

interface Realm { context: vm.Context; rt: Runtime }

function createRealm(env: Record<string, string>): Realm {
  // A prototype-less sandbox object: nothing of this realm behind the new realm's global.
  const context = vm.createContext(Object.create(null), {
    name: 'submission', microtaskMode: 'afterEvaluate', codeGeneration: { strings: true, wasm: true },
  });
  const boot = realmScript.runInContext(context) as (config: string, native?: Record<string, unknown>) => Runtime;
  return { context, rt: boot(JSON.stringify({ env }), addon) };
}

// A compiled script runs in any context: each cell is compiled once, then run in every realm.
const scripts = new Map<string, vm.Script>();
function cellScript(cell: CompiledCell): vm.Script {
  const head = cell.tla ? '__tsdl_cell.run(async function (exports, require) { "use strict"; ' : '__tsdl_cell.run(function (exports, require) { "use strict"; ';
  const source = `${head}${cell.js}\n})`;
  const key = `${cell.name ?? 'cell.js'}\0${source}`;
  let script = scripts.get(key);
  if (!script) { script = new vm.Script(source, { filename: cell.name ?? 'cell.js' }); scripts.set(key, script); }
  return script;
}

function runCell(realm: Realm, cell: CompiledCell, timeoutMs: number): { ok: true } | { ok: false; error: { name: string; message: string; cell?: string; line?: number } } {
  try {
    cellScript(cell).runInContext(realm.context, { timeout: timeoutMs });
  } catch (e) {
    return { ok: false, error: hostError(e, timeoutMs) };
  }
  const r = JSON.parse(realm.rt.cellResult()) as { pending?: boolean; ok?: boolean; error?: { name: string; message: string } };
  if (r.pending) return { ok: false, error: { name: 'Error', message: 'the cell awaits something that never happens while grading (timers, files and the network are not available)' } };
  return r.ok ? { ok: true } : { ok: false, error: r.error! };
}

const HOST_ERRORS = new Set<unknown>([Error, TypeError, RangeError, SyntaxError, ReferenceError].map((c) => c.prototype));

/** Whether `e` is an error made in this realm (vm's own, Node's): checked without running any trap or getter. */
function isHostError(e: unknown): boolean {
  if (!types.isNativeError(e)) return false;
  let p: unknown = e;
  for (let i = 0; i < 6; i++) {
    if (types.isProxy(p)) return false;
    p = Object.getPrototypeOf(p);
    if (HOST_ERRORS.has(p)) return true;
    if (p === null) return false;
  }
  return false;
}

/** An exception from vm itself (time limit, a syntax error in compiled code), made in this realm. */
function hostError(e: unknown, timeoutMs: number): { name: string; message: string } {
  // vm's time-limit error belongs to the realm it stopped: recognised by its own data property alone.
  if (types.isNativeError(e) && !types.isProxy(e)) {
    const code = Object.getOwnPropertyDescriptor(e, 'code');
    if (code && 'value' in code && code.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { name: 'TimeoutError', message: `time limit reached (${timeoutMs / 1000} s)` };
  }
  if (!isHostError(e)) return { name: 'Error', message: 'the code stopped with an exception that could not be described' };
  const err = e as { name?: string; message?: string };
  return { name: String(err.name ?? 'Error'), message: String(err.message ?? '') };
}

function test(req: TestRequest): void {
  const realm = createRealm(req.env);
  req.cells.forEach((cell, index) => { send({ op: 'cell', index, ...runCell(realm, cell, req.timeoutMs) }); });

  if (req.references) {
    const ref = createRealm(req.env);
    for (const cell of req.references.cells) {
      const r = runCell(ref, cell, req.timeoutMs);
      if (!r.ok) { send({ op: 'reference-failed', message: `${cell.name}: ${r.error.name}: ${r.error.message}` }); send({ op: 'done' }); return; }
    }
    realm.rt.useReferences(JSON.stringify(req.references.names), (name: string, request: string): string => {
      try {
        const { args, state } = JSON.parse(request) as { args: unknown; state: unknown };
        ref.rt.stageCall(name, JSON.stringify(args), null, JSON.stringify(state));
        goScript.runInContext(ref.context);
        return ref.rt.take();
      } catch (e) {
        return JSON.stringify({ ok: false, error: { name: 'Error', message: String((e as Error)?.message ?? e) } });
      }
    });
  }

  for (let index = 0; index < req.cases.length; index++) {
    const c = req.cases[index];
    realm.rt.stageCall(req.fn, JSON.stringify(c.args), c.seed ?? null, null);
    try {
      goScript.runInContext(realm.context, { timeout: req.timeoutMs });
    } catch (e) {
      const error = hostError(e, req.timeoutMs);
      send({ op: 'case', index, ok: false, error, timeout: error.name === 'TimeoutError' });
      if (error.name === 'TimeoutError') break;
      continue;
    }
    const r = JSON.parse(realm.rt.take()) as { pending?: boolean; ok?: boolean; value?: unknown; error?: { name: string; message: string } };
    if (r.pending) send({ op: 'case', index, ok: false, error: { name: 'Error', message: 'the returned Promise never settles while grading' } });
    else if (r.ok) send({ op: 'case', index, ok: true, value: r.value as never });
    else send({ op: 'case', index, ok: false, error: r.error! });
  }
  send({ op: 'done' });
}

/**
 * Describes an exception caught here without touching a value of the student's (a Proxy or an
 * object with getters would run their code outside every time limit): only errors made in this
 * realm are read.
 */
function hostDescription(e: unknown): string {
  if (typeof e !== 'object' || e === null) return typeof e === 'string' ? e.slice(0, 500) : `a thrown ${typeof e}`;
  if (!isHostError(e)) return 'an exception from the submission';
  const stack = Object.getOwnPropertyDescriptor(e, 'stack');
  return String(stack && 'value' in stack ? stack.value : (e as Error).message).slice(0, 2000);
}

const reader = new FrameReader((m) => {
  const req = m as TestRequest;
  if (req.op !== 'test') return;
  try { test(req); } catch (e) {
    send({ op: 'fatal', message: hostDescription(e) });
  }
});
// A student's promise that rejects with nobody listening, or a callback that throws, must neither
// end this process nor be charged to the next function's test.
process.on('unhandledRejection', () => undefined);
process.on('uncaughtException', () => undefined);
channel.on('data', (chunk: Buffer) => { reader.push(chunk); });
channel.on('end', () => process.exit(0));
send({ op: 'ready', codeCache: cachedData ? (realmScript.cachedDataRejected ? 'rejected' : 'used') : 'none' });
