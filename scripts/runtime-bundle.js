#!/usr/bin/env node
// The library as notebooks load it: lib/ bundled by esbuild into dist/runtime.js, with one small
// entry file per public module name ('tsdl', 'tsdl/lib/plot', 'tsdl/lib/course/<id>', ...) that
// package.json's "exports" points to, and lib/'s declarations (dist/types, tsconfig.types.json)
// that its "types"/"typesVersions" point to.
//
// Why a bundle: loaded module by module through a TypeScript require hook, every call across a
// module boundary goes through an export getter; in one scope-hoisted file it is a direct call,
// which makes a numpy-style operation on a small array about a third cheaper.
// Why declarations: tslab type-checks every cell against what it imports; against .d.ts files
// (which it does not check themselves) instead of lib/'s sources a cell compiles 2.5-4x faster.
//
// `node scripts/runtime-bundle.js` builds when lib/ is newer than the bundle (--force: always);
// `ensureRuntimeBundle()` does the same for the commands that start notebooks.
'use strict';
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const LIB = path.join(REPO, 'lib');
// Each assignment's own modules (public tests, helpers) live in its folder, grader/assignments/<id>/lib/,
// and load as 'tsdl/lib/course/<id>': package.json's "./lib/course/*" pattern finds them, nothing to register.
const ASSIGNMENTS = path.join(REPO, 'grader', 'assignments');
const DIST = path.join(REPO, 'dist');
const RUNTIME = path.join(DIST, 'runtime.js');
const TYPES = path.join(DIST, 'types');
const CODE_CACHE = `${RUNTIME}.cache`;

// Deep modules that a source notebook imports in an instructor-only cell (never in released notebooks),
// as [module name under tsdl/lib/, file]; package.json lists each before the "./lib/course/*" pattern.
const INSTRUCTOR_MODULES = [['course/gradient_checking/network', path.join(ASSIGNMENTS, 'gradient_checking', 'lib', 'network.ts')]];

/** The assignments that have modules of their own: grader/assignments/<id>/lib/index.ts. */
function assignmentModuleDirs() {
  if (!fs.existsSync(ASSIGNMENTS)) return [];
  return fs.readdirSync(ASSIGNMENTS).sort()
    .filter((id) => fs.existsSync(path.join(ASSIGNMENTS, id, 'lib', 'index.ts')))
    .map((id) => ({ id, dir: path.join(ASSIGNMENTS, id, 'lib') }));
}

/**
 * Public module names and their source files; package.json "exports" must list the same names.
 * `instructor: false` leaves out the instructor-only modules (what the grader's sandbox offers).
 */
function publicModules({ instructor = true } = {}) {
  const mods = { tsdl: path.join(LIB, 'index.ts'), 'tsdl/lib': path.join(LIB, 'index.ts') };
  for (const sub of ['plot', 'datasets']) {
    const f = path.join(LIB, sub, 'index.ts');
    if (fs.existsSync(f)) mods[`tsdl/lib/${sub}`] = f;
  }
  for (const { id, dir } of assignmentModuleDirs()) mods[`tsdl/lib/course/${id}`] = path.join(dir, 'index.ts');
  if (instructor) for (const [m, f] of INSTRUCTOR_MODULES) mods[`tsdl/lib/${m}`] = f;
  return mods;
}

/** The entry file of a public module name, relative to the repository. */
function entryFile(name) {
  const rest = name === 'tsdl' ? 'index' : name.slice('tsdl/'.length).replace(/\//g, '__');
  return path.join('dist', 'entries', `${rest}.js`);
}

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh() {
  try {
    const built = Math.min(fs.statSync(RUNTIME).mtimeMs, fs.statSync(path.join(TYPES, 'lib', 'index.d.ts')).mtimeMs);
    const inputs = [newestSource(LIB), ...assignmentModuleDirs().map((a) => newestSource(a.dir)), fs.statSync(__filename).mtimeMs, fs.statSync(path.join(REPO, 'tsconfig.types.json')).mtimeMs];
    return inputs.every((t) => built >= t);
  } catch {
    return false;
  }
}

function writeAtomically(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** lib/'s declarations into dist/types, swapped in whole (a stale file never lingers). */
function buildTypes() {
  const { spawnSync } = require('child_process');
  const tmp = `${TYPES}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [REPO] });
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(REPO, 'tsconfig.types.json'), '--outDir', tmp],
    { cwd: REPO, encoding: 'utf8' });
  if (!fs.existsSync(path.join(tmp, 'lib', 'index.d.ts'))) {
    throw new Error(`declarations for lib/ were not written (tsc exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  // Type errors in lib/ still give declarations; say so, the notebooks may then misreport types.
  if (r.status !== 0) process.stderr.write(`warning: tsc reported errors in lib/ while writing declarations:\n${r.stdout}`);
  const old = `${TYPES}.${process.pid}.old`;
  if (fs.existsSync(TYPES)) fs.renameSync(TYPES, old);
  fs.renameSync(tmp, TYPES);
  fs.rmSync(old, { recursive: true, force: true });
}

function build() {
  buildTypes();
  const esbuild = require('esbuild');
  const mods = publicModules();
  // Each public module is initialized on first use: esbuild wraps every module of the bundle in a
  // lazy init function, so a notebook importing 'tsdl' does not evaluate plot/, datasets/ or the
  // other assignments' modules.
  const contents = `const MODULES = {};
function lazy(name, load) {
  let value;
  Object.defineProperty(MODULES, name, { enumerable: true, get: () => (value ??= load()) });
}
${Object.entries(mods).map(([name, f]) => `lazy(${JSON.stringify(name)}, () => require(${JSON.stringify(f)}));`).join('\n')}
exports.MODULES = MODULES;
`;
  const result = esbuild.buildSync({
    stdin: { contents, resolveDir: REPO, sourcefile: 'tsdl-runtime-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // packages stay shared with the kernel (tslab's display hook is one module instance per process)
    packages: 'external',
    write: false,
    logLevel: 'silent',
    // No source map by default: with tsx's source-map support on (the kernel runs under it), Node
    // parsed the inline map on every load, 10 ms of a notebook's import cell. TSDL_SOURCEMAP=1
    // brings it back, for stack traces into lib/'s sources.
    sourcemap: process.env.TSDL_SOURCEMAP === '1' ? 'inline' : false,
    sourcesContent: false,
  });
  for (const [name] of Object.entries(mods)) {
    writeAtomically(path.join(REPO, entryFile(name)),
      `'use strict';\nmodule.exports = require('../../scripts/runtime-loader.js').loadRuntime().MODULES[${JSON.stringify(name)}];\n`);
  }
  // Entries of modules that are gone (an assignment folder removed) go too.
  const wanted = new Set(Object.keys(mods).map((name) => path.basename(entryFile(name))));
  for (const f of fs.readdirSync(path.join(DIST, 'entries'))) if (!wanted.has(f)) fs.rmSync(path.join(DIST, 'entries', f), { force: true });
  fs.rmSync(CODE_CACHE, { force: true });
  writeAtomically(RUNTIME, result.outputFiles[0].text);
  writeCodeCache();
}

// What the code cache is made from: the library's load and a few common operations, so their
// functions come compiled. In a plain child process: V8 rejects a cache made under other flags.
const WARM_UP = `require(${JSON.stringify(path.join(__dirname, 'runtime-loader.js'))}).writeCodeCache(({ MODULES }) => {
  const { np, pyStr } = MODULES.tsdl;
  np.random.seed(1);
  const a = np.random.randn(4, 5), b = np.random.rand(5, 3), z = np.zeros([4, 1]);
  const c = np.dot(a, b).add(z);
  const s = np.sum(np.maximum(0, c).sub(np.exp(np.negative(c))).mul(np.log(np.add(1, b.slice('0:1')))), { axis: 1, keepdims: true });
  String(c); String(s.reshape(-1)); String(c.gt(0).astype('int64')); pyStr(np.sum(a)); a.item(0); a.get(1, 2); a.T.copy(); np.mean(a);
});`;

/** dist/runtime.js.cache from a warm-up in a child process; without it the bundle just compiles as usual. */
function writeCodeCache() {
  const { spawnSync } = require('child_process');
  const r = spawnSync(process.execPath, ['-e', WARM_UP], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) process.stderr.write(`warning: no code cache for dist/runtime.js (it will compile on each load): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
}

/**
 * Builds dist/ unless it is newer than every file in lib/. Returns true when it built (with
 * `dryRun`, when it would have).
 */
function ensureRuntimeBundle({ force = false, dryRun = false } = {}) {
  const stale = force || !isFresh();
  if (!dryRun) {
    if (stale) build();
    // The compiler's code cache goes with the bundle (both are what a notebook's start loads), made
    // after it so the warm-up's `import ... from 'tsdl'` finds the declarations.
    require('./typescript-cache.js').ensureTypeScriptCache();
  }
  return stale;
}

module.exports = { ensureRuntimeBundle, publicModules, entryFile, assignmentModuleDirs, RUNTIME };

if (require.main === module) {
  const built = ensureRuntimeBundle({ force: process.argv.includes('--force') });
  console.log(built ? `built ${path.relative(REPO, RUNTIME)}` : `${path.relative(REPO, RUNTIME)} is up to date`);
}
