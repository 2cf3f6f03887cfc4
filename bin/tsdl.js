#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's require hook, so no build step is needed.
// On Linux the process first restarts itself with the malloc settings notebooks run with
// (scripts/malloc-tunables.js): glibc reads them only at process start.
'use strict';
const { withMallocTunables } = require('../scripts/malloc-tunables');

if (process.platform === 'linux' && process.env.GLIBC_TUNABLES === undefined) {
  const { spawnSync } = require('child_process');
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit', env: withMallocTunables() });
  if (r.error) throw r.error;
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}
require('tsx/cjs');
require('../grader/cli.ts');
