// Registers the tslab kernel in a project-local Jupyter tree (.jupyter-local/) and
// returns the environment a Jupyter child process needs to see only that tree for
// its own writes. Nothing outside the repo is touched.
'use strict';
const fs = require('fs');
const path = require('path');

const { MALLOC_TUNABLES } = require('./malloc-tunables');

const REPO_DIR = path.resolve(__dirname, '..');
const KERNEL_NAME = 'tslab';

function tslabBin(repoDir = REPO_DIR) {
  return path.join(repoDir, 'node_modules', '.bin', 'tslab');
}

// Mirrors what `tslab install` (node_modules/tslab/python/install.py) writes, but starts the
// repo's kernel (bin/tsdl-kernel.js: tslab's kernel with cells compiled in a worker thread) with
// the node running this, so a global tslab (or none) makes no difference.
function kernelSpec(repoDir = REPO_DIR) {
  return {
    argv: [process.execPath, path.join(repoDir, 'bin', 'tsdl-kernel.js'), '--config-path', '{connection_file}'],
    display_name: 'TypeScript (tslab, tsdl)',
    language: 'typescript',
    // tslab compiles notebook cells itself; the library they import ('tsdl', linked into
    // node_modules by package.json's "tsdl": "file:" dependency) is TypeScript source, loaded through tsx's hook.
    env: {
      NODE_OPTIONS: `--require ${require.resolve('tsx/cjs', { paths: [repoDir] })}`,
      GLIBC_TUNABLES: MALLOC_TUNABLES, // see scripts/malloc-tunables.js
    },
  };
}

const PLOTLY_EXTENSION = 'tsdl-plotly';

function copyIfChanged(from, to) {
  const a = fs.statSync(from);
  const b = fs.existsSync(to) ? fs.statSync(to) : null;
  if (b && b.size === a.size && b.mtimeMs >= a.mtimeMs) return;
  fs.copyFileSync(from, to);
}

/**
 * The classic Notebook's renderer for plotly figures (lib/plot/nbextension/, see lib/plot/display.ts):
 * the extension and plotly.min.js go to <data>/nbextensions/tsdl-plotly/, served by the notebook
 * server at /nbextensions/tsdl-plotly/, and <config>/nbconfig/notebook.json loads it on every notebook page.
 */
function installPlotlyExtension(repoDir, dataDir, configDir) {
  const dir = path.join(dataDir, 'nbextensions', PLOTLY_EXTENSION);
  fs.mkdirSync(dir, { recursive: true });
  copyIfChanged(path.join(repoDir, 'lib', 'plot', 'nbextension', `${PLOTLY_EXTENSION}.js`), path.join(dir, `${PLOTLY_EXTENSION}.js`));
  copyIfChanged(require.resolve('plotly.js-dist-min/plotly.min.js', { paths: [repoDir] }), path.join(dir, 'plotly.min.js'));
  mergeNbconfig(configDir, 'notebook', [`${PLOTLY_EXTENSION}/${PLOTLY_EXTENSION}`]);
}

/** Merges `patch` (and `load_extensions`) into the nbconfig section file <config>/nbconfig/<section>.json. */
function mergeNbconfig(configDir, section, extensions, patch = {}) {
  const dir = path.join(configDir, 'nbconfig');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${section}.json`);
  let config = {};
  try { config = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* absent or not JSON: rewrite */ }
  const load = { ...(config.load_extensions || {}) };
  for (const ext of extensions) load[ext] = true;
  fs.writeFileSync(file, JSON.stringify({ ...config, ...patch, load_extensions: load }, null, 1) + '\n');
}

/** The file tree lists the assignments in course order (lib/course/order.json), not by name. */
function installTreeOrder(repoDir, dataDir, configDir) {
  const dir = path.join(dataDir, 'nbextensions', 'tsdl-tree');
  fs.mkdirSync(dir, { recursive: true });
  copyIfChanged(path.join(repoDir, 'lib', 'course', 'nbextension', 'tsdl-tree.js'), path.join(dir, 'tsdl-tree.js'));
  const order = JSON.parse(fs.readFileSync(path.join(repoDir, 'lib', 'course', 'order.json'), 'utf8'));
  mergeNbconfig(configDir, 'tree', ['tsdl-tree/tsdl-tree'], { tsdl_course_order: order });
}

function prependPath(dir, current) {
  return current ? dir + path.delimiter + current : dir;
}

/**
 * Writes .jupyter-local/data/kernels/tslab/kernel.json and returns
 * { env, localDir, kernelDir, kernelJsonPath, spec }.
 */
function prepareJupyterEnv({ repoDir = REPO_DIR, baseEnv = process.env } = {}) {
  if (!fs.existsSync(tslabBin(repoDir))) {
    throw new Error(`${tslabBin(repoDir)} not found; run \`npm ci\` in ${repoDir} first.`);
  }
  const localDir = path.join(repoDir, '.jupyter-local');
  const dataDir = path.join(localDir, 'data');
  const configDir = path.join(localDir, 'config');
  const runtimeDir = path.join(localDir, 'runtime');
  const kernelDir = path.join(dataDir, 'kernels', KERNEL_NAME);
  for (const dir of [configDir, runtimeDir, kernelDir]) fs.mkdirSync(dir, { recursive: true });

  installPlotlyExtension(repoDir, dataDir, configDir);
  installTreeOrder(repoDir, dataDir, configDir);

  const spec = kernelSpec(repoDir);
  const kernelJsonPath = path.join(kernelDir, 'kernel.json');
  fs.writeFileSync(kernelJsonPath, JSON.stringify(spec, null, 1) + '\n');

  const env = {
    ...baseEnv,
    // JUPYTER_PATH is searched before the user and system dirs, so a tslab kernelspec
    // installed elsewhere cannot shadow this one.
    JUPYTER_PATH: prependPath(dataDir, baseEnv.JUPYTER_PATH),
    JUPYTER_DATA_DIR: dataDir,
    JUPYTER_CONFIG_DIR: configDir,
    JUPYTER_RUNTIME_DIR: runtimeDir,
    // The notebook server creates ~/.ipython through IPython otherwise.
    IPYTHONDIR: path.join(localDir, 'ipython'),
  };
  // tslab's launcher is `#!/usr/bin/env node`; make sure the kernel can find a node
  // even when the launcher was started by absolute path with node not on PATH.
  const nodeDir = path.dirname(process.execPath);
  const pathDirs = (env.PATH || '').split(path.delimiter);
  if (!pathDirs.includes(nodeDir)) env.PATH = env.PATH ? env.PATH + path.delimiter + nodeDir : nodeDir;

  return { env, localDir, kernelDir, kernelJsonPath, spec };
}

module.exports = { KERNEL_NAME, REPO_DIR, PLOTLY_EXTENSION, tslabBin, kernelSpec, prepareJupyterEnv };
