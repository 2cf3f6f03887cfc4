#!/usr/bin/env node
// The Jupyter kernel the kernelspec starts (scripts/jupyter-env.js): `tsdl-kernel.js --config-path FILE`.
'use strict';
const i = process.argv.indexOf('--config-path');
if (i < 0 || !process.argv[i + 1]) {
  console.error('usage: tsdl-kernel.js --config-path CONNECTION_FILE (Jupyter passes it)');
  process.exit(2);
}
if (!require.extensions['.ts']) require('tsx/cjs');
require('../grader/run/kernel.ts').startKernel(process.argv[i + 1]);
