// Loads dist/runtime.js (the library bundle every notebook imports) with V8's code cache,
// dist/runtime.js.cache, which scripts/runtime-bundle.js writes after running a small warm-up: the
// bundle's top level and the functions the warm-up called come out of the cache compiled instead of
// being parsed again. The module is the same one `require('dist/runtime.js')` gives (registered in
// require.cache before it runs), and it bypasses require hooks such as tsx's, which would transform
// and source-map the 300 KB of plain JavaScript on every notebook start. A missing, stale or rejected
// cache (another Node, other V8 flags) only means a normal compile.
'use strict';
const path = require('path');
const { compileCached, runAsModule, writeCache } = require('./code-cache.js');

const RUNTIME = path.resolve(__dirname, '..', 'dist', 'runtime.js');
const CACHE = `${RUNTIME}.cache`;

/** How the last load went: 'required' (already loaded), 'cached', 'compiled' (no usable cache). */
let lastLoad = null;

// Code that V8 deserialized from a cache cannot call import() under Node 20 ("A dynamic import callback
// was not specified"); lib/datasets/hdf5.ts imports h5wasm (an ES module) through this function instead.
globalThis[Symbol.for('tsdl.importESM')] = (specifier) => import(specifier);

let runtime = null;

/** dist/runtime.js's exports, loaded once per process (per module registry, under jest). */
function loadRuntime() {
  if (runtime) return runtime;
  const loaded = require.cache[RUNTIME];
  if (loaded) {
    lastLoad = 'required';
    return (runtime = loaded.exports);
  }
  const { script, cached } = compileCached(RUNTIME, CACHE);
  lastLoad = cached ? 'cached' : 'compiled';
  return (runtime = runAsModule(script, RUNTIME, module, true).exports);
}

/**
 * For scripts/runtime-bundle.js: compiles dist/runtime.js, runs `warmUp` on its exports, and writes
 * the code cache (with every function compiled so far) to dist/runtime.js.cache.
 */
function writeCodeCache(warmUp) {
  const { script } = compileCached(RUNTIME, null);
  warmUp(runAsModule(script, RUNTIME, module, false).exports);
  writeCache(script, CACHE);
}

module.exports = { loadRuntime, writeCodeCache, lastLoad: () => lastLoad, RUNTIME, CACHE };
