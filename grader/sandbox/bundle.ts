/**
 * Builds the two files a sandbox process runs, into a folder named by their content hash:
 * - child.js: the process itself (grader/sandbox/child.ts), plain Node;
 * - realm.js: what each fresh V8 context evaluates: the course library a submission may import
 *   ('tsdl', 'tsdl/lib/course/<id>', ...) and the realm runtime, with Node's built-ins replaced by
 *   realm/builtins.ts, `process` and `Buffer` by realm/library-process.ts and library-buffer.ts. It evaluates to the `boot` function.
 * The folder is readable by the sandbox's unprivileged user and writable only by us.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { build, Plugin } from 'esbuild';

const REPO = path.resolve(__dirname, '..', '..');
const REALM_DIR = path.join(__dirname, 'realm');

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { publicModules } = require('../../scripts/runtime-bundle.js') as {
  publicModules: (o?: { instructor?: boolean }) => Record<string, string>;
};

/** The module names a submission may import, mapped to files in the repo (no instructor-only ones). */
export function sandboxModules(): Record<string, string> {
  return publicModules({ instructor: false });
}

// Display and file-format packages have no use while grading.
const STUBS: Record<string, string> = {
  'tslab/dist/jupyter': 'module.exports = { lastWriteDisplayData: null };',
  tslab: 'module.exports = { display: { html() {}, raw() {}, png() {}, text() {} } };',
  'plotly.js-dist-min': 'module.exports = {};',
  h5wasm: 'module.exports = {};',
};

function realmPlugin(mods: Record<string, string>): Plugin {
  return {
    name: 'tsdl-realm',
    setup(b) {
      b.onResolve({ filter: /^tsdl-sandbox-modules$/ }, () => ({ path: 'modules', namespace: 'tsdl-modules' }));
      b.onLoad({ filter: /.*/, namespace: 'tsdl-modules' }, () => ({
        resolveDir: REPO, loader: 'js',
        contents: `exports.MODULES = {\n${Object.entries(mods).map(([k, f]) => `  ${JSON.stringify(k)}: require(${JSON.stringify(f)}),`).join('\n')}\n};\n`,
      }));
      b.onResolve({ filter: /^(tslab|tslab\/dist\/jupyter|plotly\.js-dist-min|h5wasm)$/ }, (a) => ({ path: a.path, namespace: 'tsdl-stub' }));
      b.onLoad({ filter: /.*/, namespace: 'tsdl-stub' }, (a) => ({ contents: STUBS[a.path], loader: 'js' }));
      // Every Node built-in the library imports resolves to the realm's replacement.
      b.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (a) => (isBuiltin(a.path) ? { path: a.path, namespace: 'tsdl-builtin' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'tsdl-builtin' }, (a) => ({
        resolveDir: REALM_DIR, loader: 'js',
        contents: `module.exports = require('./builtins').builtinRequire(${JSON.stringify(a.path)});`,
      }));
    },
  };
}

function isBuiltin(name: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require('module') as { builtinModules: string[] }).builtinModules.includes(name.replace(/^node:/, ''));
}

async function bundle(entry: string, plugins: Plugin[], extra: Record<string, unknown> = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    write: false, logLevel: 'silent', plugins, ...extra,
  });
  return result.outputFiles[0].text;
}

/** The folder for built sandboxes: ours alone, so nobody else can swap the files we run. */
function cacheRoot(): string {
  const uid = process.getuid?.() ?? 0;
  const dir = path.join(os.tmpdir(), `tsdl-sandbox-${uid}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not a folder owned by this user and closed to others; remove it and grade again`);
  }
  return dir;
}

function writeOnce(file: string, data: string | Buffer): void {
  if (fs.existsSync(file)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

export interface SandboxBundle { dir: string; child: string; realm: string }

let built: Promise<SandboxBundle> | null = null;

/** Builds (or reuses) the sandbox files; returns their paths. Once per process: a run's sources do not change under it. */
export function buildSandbox(): Promise<SandboxBundle> {
  built ??= build_();
  return built;
}

async function build_(): Promise<SandboxBundle> {
  const child = await bundle(path.join(__dirname, 'child.ts'), []);
  const lib = await bundle(path.join(REALM_DIR, 'runtime.ts'), [realmPlugin(sandboxModules())], {
    inject: [path.join(REALM_DIR, 'library-process.ts'), path.join(REALM_DIR, 'library-buffer.ts')],
    define: { __dirname: '"/"', __filename: '"/realm.js"' },
  });
  const realm = `(function () {\nvar module = { exports: {} }, exports = module.exports;\n${lib}\nreturn module.exports.boot;\n})()`;
  const hash = crypto.createHash('sha256').update(child).update('\0').update(realm).digest('hex').slice(0, 16);
  const dir = path.join(cacheRoot(), hash);
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const out = { dir, child: path.join(dir, 'child.js'), realm: path.join(dir, 'realm.js') };
  writeOnce(out.child, child);
  writeOnce(out.realm, realm);
  return out;
}

/**
 * V8's code cache for realm.js, made by a Node process with the V8 flags of the sandbox (V8 refuses
 * a cache made under other flags, and the heap limit is one): realm.js.cache-<heap MB>. Returns its
 * path, or null when it cannot be made (each realm then compiles the library, a few ms more).
 */
export function realmCache(b: SandboxBundle, heapMb: number): string | null {
  const file = `${b.realm}.cache-${heapMb}`;
  if (fs.existsSync(file)) return file;
  const script = [
    "const vm = require('vm'), fs = require('fs');",
    `const s = new vm.Script(fs.readFileSync(${JSON.stringify(b.realm)}, 'utf8'), { filename: 'tsdl-realm.js' });`,
    "const ctx = vm.createContext(Object.create(null), { microtaskMode: 'afterEvaluate' });",
    "try { s.runInContext(ctx)(JSON.stringify({ env: {} })); } catch { /* cache what compiled */ }",
    "process.stdout.write(s.createCachedData().toString('base64'));",
  ].join('\n');
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (r.status !== 0 || !r.stdout) return null;
  writeOnce(file, Buffer.from(r.stdout, 'base64'));
  return file;
}
