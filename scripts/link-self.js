// Links node_modules/tsdl to the repo, so notebooks anywhere in the repo can write
// `import { np } from 'tsdl'` and TypeScript treats lib/ as a library (tslab only compiles
// files under the notebook's folder itself). Runs after `npm ci` / `npm install`.
'use strict';
const fs = require('fs');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const link = path.join(repo, 'node_modules', 'tsdl');
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.readlinkSync(link) === '..') process.exit(0);
  fs.unlinkSync(link);
} catch (err) {
  if (err.code === 'EINVAL') throw new Error(`${link} exists and is not a link; remove it and rerun npm ci`);
  if (err.code !== 'ENOENT') throw err;
}
fs.symlinkSync('..', link, 'dir');
