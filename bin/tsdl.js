#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's require hook, so no build step is needed.
// On Linux the process first restarts itself with the malloc settings notebooks run with
// (scripts/malloc-tunables.js): glibc reads them only at process start.
'use strict';
require('../scripts/malloc-tunables').restartWithMallocTunables(__filename);
require('tsx/cjs');
require('../grader/cli.ts');
