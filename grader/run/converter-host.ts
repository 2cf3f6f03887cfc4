// The compile thread: tslab's converters live here, in a worker's own V8 heap. The TypeScript
// program they keep (~135 MB of small objects) then never has to be marked by the kernel thread's
// garbage collector, which otherwise runs concurrently with every big matrix product of a cell.
// Requests come from converter-thread.ts, which blocks until the reply is posted and `flag` is set.
import v8 from 'v8';
import vm from 'vm';
import { workerData, type MessagePort } from 'worker_threads';
import type { Converter } from 'tslab/dist/converter';
import { loadConverterModule, type ConverterModule } from './converter-module';

export interface HostData { port: MessagePort; flag: SharedArrayBuffer; fullCheck: boolean }
export type Which = 'node' | 'browser';
export type Method = 'convert' | 'addModule' | 'inspect' | 'complete';
export interface Request { which: Which; method: Method; args: unknown[] }
export type Reply = { ok: true; value: unknown } | { ok: false; name: string; message: string; stack?: string };

const { port, flag, fullCheck } = workerData as HostData;
const done = new Int32Array(flag);
const converters: Partial<Record<Which, Converter>> = {};
let mod: ConverterModule | undefined;
let loadError: unknown;
try {
  mod = loadConverterModule(fullCheck);
} catch (err) {
  loadError = err; // reported by the first request, as a converter error would be
}
function converter(which: Which): Converter {
  if (!mod) throw loadError;
  return (converters[which] ??= mod.createConverter({ isJS: false, isBrowser: which === 'browser' }));
}

function reply(r: Reply): void {
  try {
    port.postMessage(r);
  } catch {
    // A value structured clone refuses (inspect/complete results are plain data, but be safe).
    port.postMessage(r.ok ? { ok: true, value: JSON.parse(JSON.stringify(r.value)) } : r);
  }
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

port.on('message', (req: Request | 'close' | 'ready') => {
  if (req === 'ready') {
    reply(mod ? { ok: true, value: null } : { ok: false, name: 'Error', message: String(loadError) });
    return;
  }
  if (req === 'close') {
    for (const c of Object.values(converters)) c?.close();
    reply({ ok: true, value: null });
    port.close();
    return;
  }
  try {
    const conv = converter(req.which) as unknown as Record<Method, (...a: unknown[]) => unknown>;
    reply({ ok: true, value: conv[req.method](...req.args) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply({ ok: false, name: e.name, message: e.message, stack: e.stack });
  }
});

// A thread that ends for any reason wakes a waiting caller, which then finds no reply.
process.on('exit', () => {
  Atomics.store(done, 0, 2);
  Atomics.notify(done, 0);
});

// Warm the Node converter while the kernel thread loads the rest, as tslab's kernel does at start,
// with the library's declarations too, then collect the garbage of that first check now: left to
// itself, this heap's first major GC (~100 ms on both cores) tended to land on the notebook's import
// cell and tripled its time.
try {
  converter('node').convert('', "import { np } from 'tsdl';\nnp.zeros([1]);");
  collectGarbage();
} catch {
  // the first request reports it
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  v8.setFlagsFromString('--no-expose-gc');
  gc();
}
