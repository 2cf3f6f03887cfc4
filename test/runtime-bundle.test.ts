// Notebooks import 'tsdl' and 'tsdl/lib/...': at run time these resolve to the library's runtime
// bundle (dist/, scripts/runtime-bundle.js), one copy of every module, rebuilt when lib/ changes.
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const bundle = require('../scripts/runtime-bundle.js') as {
  ensureRuntimeBundle: (o?: { force?: boolean }) => boolean;
  publicModules: () => Record<string, string>;
  entryFile: (name: string) => string;
};
const REPO = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };

test('package.json exports every public module, pointing at its bundle entry and its TypeScript source', () => {
  const names = Object.keys(bundle.publicModules()).sort();
  const exported = Object.keys(pkg.exports).filter((k) => k !== './package.json')
    .map((k) => (k === '.' ? 'tsdl' : `tsdl/${k.slice(2)}`)).sort();
  expect(exported).toEqual(names);
  for (const [name, src] of Object.entries(bundle.publicModules())) {
    const key = name === 'tsdl' ? '.' : `./${name.slice(5)}`;
    expect(pkg.exports[key]).toEqual({ types: `./${path.relative(REPO, src)}`, default: `./${bundle.entryFile(name)}` });
  }
});

test("'tsdl' and 'tsdl/lib/course/<id>' resolve into dist/ and share one NDArray class", () => {
  bundle.ensureRuntimeBundle();
  for (const name of Object.keys(bundle.publicModules())) {
    expect(path.relative(REPO, fs.realpathSync(require.resolve(name)))).toBe(bundle.entryFile(name));
  }
  /* eslint-disable @typescript-eslint/no-var-requires */
  const tsdl = require('tsdl') as typeof import('../lib');
  const init = require('tsdl/lib/course/initialization') as typeof import('../lib/course/initialization');
  /* eslint-enable @typescript-eslint/no-var-requires */
  const s = init.sigmoid(tsdl.np.zeros([1, 3]));
  expect(s).toBeInstanceOf(tsdl.NDArray);
  expect(String(s)).toBe('[[0.5 0.5 0.5]]');
});

test('the bundle is rebuilt when a file in lib/ is newer, and only then', () => {
  bundle.ensureRuntimeBundle();
  expect(bundle.ensureRuntimeBundle()).toBe(false);
  const file = path.join(REPO, 'lib', 'np', 'alloc.ts');
  const { atime, mtime } = fs.statSync(file);
  const later = new Date(Date.now() + 5000);
  try {
    fs.utimesSync(file, later, later);
    expect(bundle.ensureRuntimeBundle()).toBe(true);
  } finally {
    fs.utimesSync(file, atime, mtime);
  }
  expect(bundle.ensureRuntimeBundle({ force: true })).toBe(true);
  expect(bundle.ensureRuntimeBundle()).toBe(false);
});
