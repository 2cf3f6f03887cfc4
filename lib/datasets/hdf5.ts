/**
 * HDF5 files through h5wasm (the HDF5 C library compiled to WebAssembly).
 *
 * h5wasm's Node build is an ES module only, and tslab (like tsc with module=commonjs) turns
 * `import()` into `require()`, which cannot load it; so the module is imported through a
 * function the compiler does not see, and the loaders here are async (top-level `await` works
 * in tslab cells). Jest's sandbox has no dynamic import; tests run the loader in a child process.
 *
 * Datasets become NDArrays: integers as int64 (uint8 pixels included: tsdl's dtypes are
 * float64/int64/bool), floats as float64; fixed- or variable-length strings become string[]
 * (a scalar string dataset a 1-element list). Other HDF5 types raise an error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { NDArray } from '../np';

/** The part of h5wasm's API used here. */
interface H5Metadata { type: number; shape: number[] | null; signed: boolean; size: number }
interface H5Dataset { metadata: H5Metadata; shape: number[] | null; value: unknown }
interface H5Group { keys(): string[]; get(name: string): unknown }
interface H5File extends H5Group { close(): unknown }
export interface H5Module {
  ready: Promise<unknown>;
  File: new (filename: string, mode: 'r') => H5File;
  Dataset: new (...args: never[]) => H5Dataset;
  Group: new (...args: never[]) => H5Group;
}

export type H5Value = NDArray | string[];

const H5T_INTEGER = 0, H5T_FLOAT = 1, H5T_STRING = 3;

type Importer = (specifier: string) => Promise<unknown>;
// scripts/runtime-loader.js runs the bundle from V8's code cache, whose functions cannot call import()
// under Node 20, so it leaves an importer of its own here; loaded any other way, one the compiler
// does not see.
const importESM: Importer = (globalThis as { [k: symbol]: unknown })[Symbol.for('tsdl.importESM')] as Importer | undefined ??
  new Function('specifier', 'return import(specifier)') as Importer;
let loading: Promise<H5Module> | null = null;

/** h5wasm's Node entry point: the first node_modules/h5wasm above this module (or the working directory). */
function h5wasmEntry(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const entry = path.join(dir, 'node_modules', 'h5wasm', 'dist', 'node', 'hdf5_hl.js');
      if (fs.existsSync(entry)) return entry;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error("h5wasm is not installed: run 'npm ci' (or 'npm install h5wasm') in the repository");
}

/** The h5wasm module, loaded once and ready to use. */
export function h5wasm(): Promise<H5Module> {
  loading ??= (async () => {
    const mod = (await importESM(pathToFileURL(h5wasmEntry()).href)) as H5Module;
    await mod.ready;
    return mod;
  })();
  loading.catch(() => { loading = null; });
  return loading;
}

const SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether the file carries HDF5's signature (at byte 0, 512, 1024, 2048, ...). */
function hasHDF5Signature(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size, buf = Buffer.alloc(8);
    for (let at = 0; at + 8 <= size; at = at === 0 ? 512 : at * 2) {
      if (fs.readSync(fd, buf, 0, 8, at) === 8 && buf.equals(SIGNATURE)) return true;
    }
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** Every dataset in the file (paths below the root, groups walked), or only `keys`. */
export async function loadH5(file: string, options: { keys?: readonly string[] } = {}): Promise<Record<string, H5Value>> {
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  if (!hasHDF5Signature(file)) throw new Error(`${file} is not an HDF5 file (no HDF5 signature)`);
  const h5 = await h5wasm();
  const f = new h5.File(file, 'r');
  try {
    const out: Record<string, H5Value> = {};
    const visit = (group: H5Group, prefix: string): void => {
      for (const key of group.keys()) {
        const name = prefix + key;
        const entity = group.get(key);
        if (entity instanceof h5.Group) visit(entity, `${name}/`);
        else if (entity instanceof h5.Dataset && (!options.keys || options.keys.includes(name))) {
          out[name] = datasetValue(entity, `${file}: dataset '${name}'`);
        }
      }
    };
    visit(f, '');
    for (const key of options.keys ?? []) if (!(key in out)) throw new Error(`${file}: no dataset '${key}'`);
    return out;
  } finally {
    f.close();
  }
}

function datasetValue(d: H5Dataset, what: string): H5Value {
  const meta = d.metadata;
  const shape = d.shape ?? [];
  const value = d.value;
  if (meta.type === H5T_STRING) {
    return Array.isArray(value) ? value.map(String) : [String(value)];
  }
  if (meta.type !== H5T_INTEGER && meta.type !== H5T_FLOAT) {
    throw new Error(`${what} has an HDF5 type (class ${meta.type}) tsdl does not read; it reads numbers and strings`);
  }
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    value.forEach((v: bigint, i: number) => {
      if (v > limit || v < -limit) throw new Error(`${what}: value ${v} is outside tsdl's exact integer range`);
      data[i] = Number(v);
    });
  } else if (ArrayBuffer.isView(value) || typeof value === 'number') {
    data.set(typeof value === 'number' ? [value] : (value as unknown as ArrayLike<number>));
  } else {
    throw new Error(`${what}: unexpected value from h5wasm`);
  }
  return new NDArray(data, shape, meta.type === H5T_INTEGER ? 'int64' : 'float64');
}
