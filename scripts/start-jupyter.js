#!/usr/bin/env node
// `npm start [-- jupyter args]`: opens notebooks/ in JupyterLab (or the classic
// Notebook) on the repo's tslab kernel, registered in .jupyter-local/ only.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { REPO_DIR, prepareJupyterEnv } = require('./jupyter-env');

const HOW_TO_GET_JUPYTER = `Jupyter was not found on PATH (looked for jupyter-lab and jupyter-notebook).
Install it, then run \`npm start\` again:
  Debian/Ubuntu:  sudo apt-get install jupyter-notebook
  with pip:       pip install notebook      (or: pip install jupyterlab)`;

function findOnPath(name, envPath = process.env.PATH || '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

// `jupyter lab` / `jupyter notebook` are the jupyter-lab / jupyter-notebook executables.
function findJupyter() {
  const lab = findOnPath('jupyter-lab');
  if (lab) return { kind: 'JupyterLab', bin: lab };
  const notebook = findOnPath('jupyter-notebook');
  if (notebook) return { kind: 'Jupyter Notebook', bin: notebook };
  return null;
}

function main(extraArgs) {
  require('./runtime-bundle').ensureRuntimeBundle();
  require('./build-native').ensureNativeAddon();
  const jupyter = findJupyter();
  if (!jupyter) {
    console.error(HOW_TO_GET_JUPYTER);
    return process.exit(1);
  }
  let env;
  try {
    ({ env } = prepareJupyterEnv());
  } catch (e) {
    console.error(e.message);
    return process.exit(1);
  }

  const args = [...extraArgs];
  const headless = /^(1|true|yes)$/i.test(process.env.CI || '') || !process.stdout.isTTY;
  if (headless && !args.some((a) => a === '--no-browser' || a.startsWith('--browser'))) {
    args.push('--no-browser');
  }
  // Jupyter refuses to run as root without this; CI machines and containers run as root.
  if (process.getuid && process.getuid() === 0 && !args.includes('--allow-root')) {
    args.push('--allow-root');
  }
  const notebooksDir = path.join(REPO_DIR, 'notebooks');
  fs.mkdirSync(notebooksDir, { recursive: true });
  console.log(`Starting ${jupyter.kind} (${jupyter.bin}) in ${notebooksDir}`);

  // Jupyter's root directory defaults to its working directory.
  const child = spawn(jupyter.bin, args, { cwd: notebooksDir, env, stdio: 'inherit' });
  child.on('error', (err) => {
    console.error(`Could not start ${jupyter.bin}: ${err.message}`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    process.exit(code !== null ? code : 128 + (os.constants.signals[signal] || 0));
  });
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { findJupyter, HOW_TO_GET_JUPYTER };
