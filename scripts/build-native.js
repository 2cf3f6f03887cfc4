#!/usr/bin/env node
// Builds the optional native addon (native/blas.c, random.c, ufunc.c, lapack.c -> build/tsdl_blas.node): numpy's
// BLAS calls on the system's OpenBLAS, MT19937's bulk draws and element-wise loops. Needs a C compiler and CBLAS headers + library (Debian: gcc,
// libopenblas-dev). Without them it says why and exits 0: products then run on the WebAssembly /
// pure TypeScript kernels, which give the same results up to the last bits.
//
// `node scripts/build-native.js` builds when a file in native/ is newer than the addon (--force:
// always); TSDL_NATIVE=0 skips it. `ensureNativeAddon()` does the same for the commands that run
// notebooks. No node-gyp: N-API is ABI-stable, so one compiler call against node-api-headers does.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const NATIVE = path.join(REPO, 'native');
const SOURCES = ['blas.c', 'random.c', 'ufunc.c', 'lapack.c'].map((f) => path.join(NATIVE, f));
const HEADERS = ['parts.h', 'napi_args.h'].map((f) => path.join(NATIVE, f));
const ADDON = path.join(REPO, 'build', 'tsdl_blas.node');

function napiInclude() {
  try {
    return path.join(path.dirname(require.resolve('node-api-headers/package.json')), 'include');
  } catch {
    const own = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
    return fs.existsSync(path.join(own, 'node_api.h')) ? own : null;
  }
}

function stale() {
  try {
    const built = fs.statSync(ADDON).mtimeMs;
    return [...SOURCES, ...HEADERS].some((f) => built < fs.statSync(f).mtimeMs);
  } catch {
    return true;
  }
}

/**
 * Builds the addon if it is missing or older than its source. Returns 'built', 'fresh', or the
 * reason it was not built (never throws: the addon is optional).
 */
function ensureNativeAddon({ force = false, quiet = false } = {}) {
  if (process.env.TSDL_NATIVE === '0') return 'skipped: TSDL_NATIVE=0';
  if (!force && !stale()) return 'fresh';
  const say = (m) => { if (!quiet) console.error(m); };
  const include = napiInclude();
  if (!include) return report(say, 'no N-API headers (node-api-headers is not installed)');
  const cc = process.env.CC || 'cc';
  const platformFlags = process.platform === 'darwin' ? ['-bundle', '-undefined', 'dynamic_lookup'] : ['-shared'];
  // Debian keeps cblas.h under the multiarch include directory, which gcc searches by default.
  const args = ['-O2', '-fPIC', '-std=c11', '-Wall', '-DNODE_GYP_MODULE_NAME=tsdl_blas', '-I', include,
    ...platformFlags, ...SOURCES, '-o', `${ADDON}.tmp`, '-lopenblas', '-lm'];
  fs.mkdirSync(path.dirname(ADDON), { recursive: true });
  const r = spawnSync(cc, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    fs.rmSync(`${ADDON}.tmp`, { force: true });
    const why = r.error ? `${cc}: ${r.error.message}` : (r.stderr || '').trim().split('\n').slice(0, 3).join(' | ');
    return report(say, `the compiler failed (${why}); on Debian: apt-get install gcc libopenblas-dev`);
  }
  fs.renameSync(`${ADDON}.tmp`, ADDON);
  say(`tsdl: built ${path.relative(REPO, ADDON)} (matrix products on the system's OpenBLAS)`);
  return 'built';
}

function report(say, why) {
  say(`tsdl: optional native BLAS addon not built: ${why}. Matrix products use the WebAssembly kernels.`);
  return `not built: ${why}`;
}

module.exports = { ensureNativeAddon, ADDON };

if (require.main === module) ensureNativeAddon({ force: process.argv.includes('--force') });
