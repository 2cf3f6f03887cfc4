// Loading a CommonJS file through V8's code cache: the script comes out of the cache compiled (its
// top level and every function that had run when the cache was made) instead of being parsed
// again. Used for the library bundle (runtime-loader.js) and for the TypeScript compiler
// (typescript-cache.js). A missing, stale or rejected cache (another file, Node or V8 flags) only
// means a normal compile.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

function readCache(cacheFile) {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** The file compiled as a CommonJS module body, with `cacheFile`'s data if V8 accepts it. */
function compileCached(file, cacheFile) {
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Runs a compiled script as the module `file` (in require.cache while `register`, so every later
 * require of the file gets this module) and returns the module.
 */
function runAsModule(script, file, parent, register) {
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  if (register) require.cache[file] = mod;
  try {
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  } catch (e) {
    if (register) delete require.cache[file];
    throw e;
  }
  mod.loaded = true;
  return mod;
}

/** Writes the script's code cache (every function compiled so far) to cacheFile, atomically. */
function writeCache(script, cacheFile) {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, script.createCachedData());
  fs.renameSync(tmp, cacheFile);
}

module.exports = { compileCached, runAsModule, writeCache };
