// Loads dist/runtime.js (the library bundle every notebook imports) with V8's code cache,
// dist/runtime.js.cache, which scripts/runtime-bundle.js writes after running a small warm-up: the
// bundle's top level and the functions the warm-up called come out of the cache compiled instead of
// being parsed again. The module is the same one `require('dist/runtime.js')` gives (registered in
// require.cache before it runs), and it bypasses require hooks such as tsx's, which would transform
// and source-map the 300 KB of plain JavaScript on every notebook start. A missing, stale or rejected
// cache (another Node, other V8 flags) only means a normal compile.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const RUNTIME = path.resolve(__dirname, '..', 'dist', 'runtime.js');
const CACHE = `${RUNTIME}.cache`;

/** How the last load went: 'required' (already loaded), 'cached', 'compiled' (no usable cache). */
let lastLoad = null;

function readCache() {
  try {
    return fs.readFileSync(CACHE);
  } catch {
    return undefined;
  }
}

function compile(cachedData) {
  return new vm.Script(Module.wrap(fs.readFileSync(RUNTIME, 'utf8')), { filename: RUNTIME, cachedData });
}

// Code that V8 deserialized from a cache cannot call import() under Node 20 ("A dynamic import callback
// was not specified"); lib/datasets/hdf5.ts imports h5wasm (an ES module) through this function instead.
globalThis[Symbol.for('tsdl.importESM')] = (specifier) => import(specifier);

/** Runs the compiled bundle as the module dist/runtime.js (in require.cache while `register`). */
function execute(script, register) {
  const mod = new Module(RUNTIME, module);
  mod.filename = RUNTIME;
  mod.paths = Module._nodeModulePaths(path.dirname(RUNTIME));
  if (register) require.cache[RUNTIME] = mod;
  try {
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(RUNTIME), mod, RUNTIME, path.dirname(RUNTIME));
  } catch (e) {
    if (register) delete require.cache[RUNTIME];
    throw e;
  }
  mod.loaded = true;
  return mod;
}

let runtime = null;

/** dist/runtime.js's exports, loaded once per process (per module registry, under jest). */
function loadRuntime() {
  if (runtime) return runtime;
  const loaded = require.cache[RUNTIME];
  if (loaded) {
    lastLoad = 'required';
    return (runtime = loaded.exports);
  }
  const cachedData = readCache();
  const script = compile(cachedData);
  lastLoad = cachedData && !script.cachedDataRejected ? 'cached' : 'compiled';
  return (runtime = execute(script, true).exports);
}

/**
 * For scripts/runtime-bundle.js: compiles dist/runtime.js, runs `warmUp` on its exports, and writes
 * the code cache (with every function compiled so far) to dist/runtime.js.cache.
 */
function writeCodeCache(warmUp) {
  const script = compile(undefined);
  warmUp(execute(script, false).exports);
  const tmp = `${CACHE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, script.createCachedData());
  fs.renameSync(tmp, CACHE);
}

module.exports = { loadRuntime, writeCodeCache, lastLoad: () => lastLoad, RUNTIME, CACHE };
