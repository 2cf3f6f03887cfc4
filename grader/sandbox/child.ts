/**
 * The sandbox process. It speaks length-prefixed JSON frames on fd 3 and never runs student code in
 * its own realm: each tested function gets a fresh V8 context (realm) holding the course library
 * and the submission's cells, compiled as strict code, with frozen built-ins and no `process`,
 * `require` or host globals. Reference versions of callees live in a second realm that the
 * student's realm can only reach through a function that passes strings.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as vm from 'vm';
import { encodeFrame, FrameReader } from './frames';
import type { CompiledCell } from '../grade/executor';
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

function runCell(realm: Realm, cell: CompiledCell, timeoutMs: number): { ok: true } | { ok: false; error: { name: string; message: string; cell?: string; line?: number } } {
  const head = cell.tla ? '__tsdl_cell.run(async function (exports, require) { "use strict"; ' : '__tsdl_cell.run(function (exports, require) { "use strict"; ';
  try {
    new vm.Script(`${head}${cell.js}\n})`, { filename: cell.name ?? 'cell.js' }).runInContext(realm.context, { timeout: timeoutMs });
  } catch (e) {
    return { ok: false, error: hostError(e, timeoutMs) };
  }
  const r = JSON.parse(realm.rt.cellResult()) as { pending?: boolean; ok?: boolean; error?: { name: string; message: string } };
  if (r.pending) return { ok: false, error: { name: 'Error', message: 'the cell awaits something that never happens while grading (timers, files and the network are not available)' } };
  return r.ok ? { ok: true } : { ok: false, error: r.error! };
}

/** An exception from vm itself (time limit, a syntax error in compiled code), made in this realm. */
function hostError(e: unknown, timeoutMs: number): { name: string; message: string } {
  const err = e as { code?: string; name?: string; message?: string };
  if (err?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { name: 'TimeoutError', message: `time limit reached (${timeoutMs / 1000} s)` };
  return { name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) };
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

const reader = new FrameReader((m) => {
  const req = m as TestRequest;
  if (req.op !== 'test') return;
  try { test(req); } catch (e) {
    send({ op: 'fatal', message: String((e as Error)?.stack ?? e).slice(0, 2000) });
  }
});
channel.on('data', (chunk: Buffer) => { reader.push(chunk); });
channel.on('end', () => process.exit(0));
send({ op: 'ready', codeCache: cachedData ? (realmScript.cachedDataRejected ? 'rejected' : 'used') : 'none' });
