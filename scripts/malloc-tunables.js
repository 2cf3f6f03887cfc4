// glibc malloc settings for processes that run notebooks (the Jupyter kernel, `tsdl` commands).
//
// Array buffers are freed by V8's garbage collector in batches; by default glibc then hands the
// memory back to the system (munmap of large blocks, trimming of the heap top), and the next
// array of that size page-faults all of it in again. The application notebook allocates 2-20 MB
// results every iteration; keeping freed memory in the process made an iteration 12-15 % faster
// (75.7 -> 65.9 ms, AMD EPYC VM). Peak RSS is what it was; memory is just not returned early.
// Only read at process start, and only by glibc: elsewhere the variable is ignored.
'use strict';

const MALLOC_TUNABLES = [
  'glibc.malloc.mmap_threshold=33554432', // blocks up to 32 MB come from the heap, not mmap
  'glibc.malloc.trim_threshold=4294967296', // do not trim the heap top back to the system
  'glibc.malloc.top_pad=67108864', // grow the heap 64 MB at a time (address space, not RSS)
].join(':');

/** env with GLIBC_TUNABLES set, unless the user set it already (theirs wins). */
function withMallocTunables(env = process.env) {
  return env.GLIBC_TUNABLES === undefined ? { ...env, GLIBC_TUNABLES: MALLOC_TUNABLES } : env;
}

// Set in the restarted process when the settings are ours, not the user's (see withoutOwnTunables).
const OWN = 'TSDL_OWN_MALLOC_TUNABLES';

/**
 * On Linux without GLIBC_TUNABLES: runs `script` again (same Node flags and arguments) with the
 * settings and exits with its status; otherwise returns, and the caller goes on in this process.
 */
function restartWithMallocTunables(script) {
  if (process.platform !== 'linux' || process.env.GLIBC_TUNABLES !== undefined) return;
  const { spawnSync } = require('child_process');
  const r = spawnSync(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...withMallocTunables(), [OWN]: '1' } });
  if (r.error) throw r.error;
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}

/** process.env for a child that should run under its own malloc defaults (the benches' numpy side). */
function withoutOwnTunables(env = process.env) {
  const out = { ...env };
  if (out[OWN]) delete out.GLIBC_TUNABLES;
  delete out[OWN];
  return out;
}

module.exports = { MALLOC_TUNABLES, withMallocTunables, restartWithMallocTunables, withoutOwnTunables };
