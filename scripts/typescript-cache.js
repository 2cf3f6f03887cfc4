#!/usr/bin/env node
// The TypeScript compiler tslab type-checks every cell with (@tslab/typescript-for-tslab, 8 MB of
// JavaScript) loaded through V8's code cache (code-cache.js), dist/typescript.js.cache: made after
// building a converter and converting a cell that imports 'tsdl', so the parser, binder and checker
// come compiled. Every kernel, `tsdl run` and grading worker starts a converter. The cache is rebuilt
// when the compiler file or Node changes (dist/typescript.js.cache.json records both); V8 rejects a
// cache that does not fit anyway, which only means a normal compile.
//
// `node scripts/typescript-cache.js` writes it when stale (--force: always). TSDL_TS_CACHE=0 loads the
// compiler without the cache; TSDL_TS_CACHE=<file> reads that file as the cache instead (tests).
'use strict';
const fs = require('fs');
const path = require('path');
const { compileCached, runAsModule, writeCache } = require('./code-cache.js');

const REPO = path.resolve(__dirname, '..');
const DEFAULT_CACHE = path.join(REPO, 'dist', 'typescript.js.cache');
const STAMP = `${DEFAULT_CACHE}.json`;

/** The compiler file tslab's converter requires. */
function typescriptFile() {
  const converter = require.resolve('tslab/dist/converter');
  return require.resolve('@tslab/typescript-for-tslab', { paths: [path.dirname(converter)] });
}

/** The cache file loadTypeScript reads (null: none), per TSDL_TS_CACHE. */
function cacheToRead() {
  const v = process.env.TSDL_TS_CACHE;
  return v === '0' ? null : v ? path.resolve(v) : DEFAULT_CACHE;
}

/** How the last loadTypeScript() went: 'required' (already loaded), 'cached', 'compiled'. */
let lastLoad = null;

/**
 * The compiler module, registered in require.cache so tslab's own require gets the same one. Any
 * failure of the cached path (unreadable file, a refusing permission model) falls back to require.
 */
function loadTypeScript() {
  const file = typescriptFile();
  if (require.cache[file]) {
    lastLoad = 'required';
    return require.cache[file].exports;
  }
  let compiled;
  try {
    compiled = compileCached(file, cacheToRead());
  } catch {
    lastLoad = 'compiled';
    return require(file);
  }
  lastLoad = compiled.cached ? 'cached' : 'compiled';
  return runAsModule(compiled.script, file, module, true).exports;
}

function stamp() {
  const file = typescriptFile(), st = fs.statSync(file);
  return { file, size: st.size, mtimeMs: st.mtimeMs, node: process.version, arch: process.arch };
}

function isFresh() {
  try {
    return fs.existsSync(DEFAULT_CACHE) && JSON.stringify(JSON.parse(fs.readFileSync(STAMP, 'utf8'))) === JSON.stringify(stamp());
  } catch {
    return false;
  }
}

// In a plain child process (V8 rejects a cache made under other flags), from the notebooks' folder.
const warmUp = (file) => `require('fs').mkdirSync(${JSON.stringify(path.dirname(DEFAULT_CACHE))}, { recursive: true });
const { compileCached, runAsModule, writeCache } = require(${JSON.stringify(path.join(__dirname, 'code-cache.js'))});
const { script } = compileCached(${JSON.stringify(file)}, null);
runAsModule(script, ${JSON.stringify(file)}, module, true);
const c = require('tslab/dist/converter').createConverter({ isJS: false, isBrowser: false });
c.convert('', "import { np } from 'tsdl';\\nconst a: number[] = [1, 2];\\nconsole.log(np.zeros([2]).add(a), a.map((x) => x * 2));");
c.close();
writeCache(script, ${JSON.stringify(DEFAULT_CACHE)});
process.exit(0);`;

/** Writes dist/typescript.js.cache unless it is up to date; false when it could not (the compiler then just compiles). */
function ensureTypeScriptCache({ force = false } = {}) {
  if (!force && isFresh()) return true;
  const { spawnSync } = require('child_process');
  const cwd = fs.existsSync(path.join(REPO, 'notebooks')) ? path.join(REPO, 'notebooks') : REPO;
  const r = spawnSync(process.execPath, ['-e', warmUp(typescriptFile())],
    { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) {
    process.stderr.write(`warning: no code cache for TypeScript (it will compile on each start): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
    return false;
  }
  try {
    fs.writeFileSync(STAMP, JSON.stringify(stamp()));
  } catch (e) {
    process.stderr.write(`warning: ${STAMP} not written (${e.message}); the TypeScript cache will be rebuilt on the next start\n`);
  }
  return true;
}

module.exports = { loadTypeScript, ensureTypeScriptCache, typescriptFile, lastLoad: () => lastLoad };

if (require.main === module) {
  const ok = ensureTypeScriptCache({ force: process.argv.includes('--force') });
  console.log(ok ? `${path.relative(REPO, DEFAULT_CACHE)} is up to date` : 'TypeScript will compile on each start');
}
