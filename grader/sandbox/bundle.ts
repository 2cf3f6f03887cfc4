/**
 * Builds the sandbox child as one JavaScript file: grader/sandbox/child.ts plus the course library
 * it exposes to submissions ('tsdl', 'tsdl/lib/course/<id>', 'tsdl/lib/plot', ...). One file means
 * the child can run with read access to that file only, and without a TypeScript loader.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build, Plugin } from 'esbuild';

const REPO = path.resolve(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { publicModules } = require('../../scripts/runtime-bundle.js') as {
  publicModules: (o?: { instructor?: boolean }) => Record<string, string>;
};

/** The module names a submission may import, mapped to files in the repo (no instructor-only ones). */
export function sandboxModules(): Record<string, string> {
  return publicModules({ instructor: false });
}

// Display and file-format packages are not available inside the sandbox.
const STUBS: Record<string, string> = {
  'tslab/dist/jupyter': 'module.exports = { lastWriteDisplayData: null };',
  tslab: 'module.exports = { display: { html() {}, raw() {}, png() {}, text() {} } };',
  'plotly.js-dist-min': 'module.exports = {};',
};

function virtualModules(mods: Record<string, string>): Plugin {
  return {
    name: 'tsdl-sandbox-modules',
    setup(build) {
      build.onResolve({ filter: /^tsdl-sandbox-modules$/ }, () => ({ path: 'modules', namespace: 'tsdl-sandbox' }));
      build.onResolve({ filter: /^(tslab|tslab\/dist\/jupyter|plotly\.js-dist-min)$/ }, (a) => ({ path: a.path, namespace: 'tsdl-stub' }));
      build.onLoad({ filter: /.*/, namespace: 'tsdl-stub' }, (a) => ({ contents: STUBS[a.path], loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: 'tsdl-sandbox' }, () => ({
        resolveDir: REPO,
        loader: 'js',
        contents: `exports.MODULES = {\n${Object.entries(mods).map(([k, f]) => `  ${JSON.stringify(k)}: require(${JSON.stringify(f)}),`).join('\n')}\n};\n`,
      }));
    },
  };
}

/** Bundles the child into a cache file named by the content hash; returns its path. */
export async function buildSandbox(): Promise<string> {
  const mods = sandboxModules();
  const result = await build({
    entryPoints: [path.join(__dirname, 'child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    plugins: [virtualModules(mods)],
  });
  const code = result.outputFiles[0].text;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'tsdl-sandbox');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `child-${hash}.js`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
  }
  return file;
}
