// Notebooks import 'tsdl' and 'tsdl/lib/...': at run time these resolve to the library's runtime
// bundle (dist/, scripts/runtime-bundle.js), one copy of every module, and type-check against lib/'s
// declarations (dist/types); both are rebuilt when lib/ changes.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const bundle = require('../scripts/runtime-bundle.js') as {
  ensureRuntimeBundle: (o?: { force?: boolean; dryRun?: boolean }) => boolean;
  publicModules: () => Record<string, string>;
  entryFile: (name: string) => string;
};
const REPO = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>; types: string; typesVersions: { '*': Record<string, string[]> };
};
const declarationOf = (src: string): string => `dist/types/${path.relative(REPO, src).replace(/\.ts$/, '.d.ts')}`;

test('package.json resolves every public module to its bundle entry and its declarations, assignments by one pattern', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ts = require('typescript') as typeof import('typescript');
  const host = ts.createCompilerHost({});
  const fromNotebook = path.join(REPO, 'notebooks', 'any.ts');
  const mods = bundle.publicModules();
  // Each assignment folder with lib/index.ts is a module: grader/assignments/<id>/lib, nothing listed per id.
  const courseIds = fs.readdirSync(path.join(REPO, 'grader', 'assignments'))
    .filter((id) => fs.existsSync(path.join(REPO, 'grader', 'assignments', id, 'lib', 'index.ts')));
  for (const id of courseIds) expect(mods[`tsdl/lib/course/${id}`]).toBe(path.join(REPO, 'grader', 'assignments', id, 'lib', 'index.ts'));
  expect(Object.keys(pkg.exports).filter((k) => /^\.\/lib\/course\/[a-z_]+$/.test(k))).toEqual([]);
  for (const [name, src] of Object.entries(mods)) {
    const key = name === 'tsdl' ? '.' : `./${name.slice(5)}`;
    const exact = pkg.exports[key] as { types: string; default: string } | undefined;
    const entry = exact ?? (pkg.exports['./lib/course/*'] as { types: string; default: string });
    const sub = key.slice('./lib/course/'.length);
    const subst = (t: string): string => (exact ? t : t.replace('*', sub));
    expect(subst(entry.default)).toBe(`./${bundle.entryFile(name)}`);
    expect(subst(entry.types)).toBe(`./${declarationOf(src)}`);
    // tslab's TypeScript resolves like Node 10 (no "exports"): typesVersions maps the subpaths
    const resolved = ts.resolveModuleName(name, fromNotebook, { moduleResolution: ts.ModuleResolutionKind.Node10 }, host).resolvedModule;
    expect(resolved && path.relative(REPO, fs.realpathSync(resolved.resolvedFileName))).toBe(declarationOf(src));
  }
});

test("'tsdl' and 'tsdl/lib/course/<id>' resolve into dist/ and share one NDArray class", () => {
  bundle.ensureRuntimeBundle();
  for (const [name, src] of Object.entries(bundle.publicModules())) {
    expect(path.relative(REPO, fs.realpathSync(require.resolve(name)))).toBe(bundle.entryFile(name));
    expect(fs.existsSync(path.join(REPO, declarationOf(src)))).toBe(true);
  }
  /* eslint-disable @typescript-eslint/no-var-requires */
  const tsdl = require('tsdl') as typeof import('../lib');
  const init = require('tsdl/lib/course/initialization') as typeof import('../grader/assignments/initialization/lib');
  /* eslint-enable @typescript-eslint/no-var-requires */
  const s = init.sigmoid(tsdl.np.zeros([1, 3]));
  expect(s).toBeInstanceOf(tsdl.NDArray);
  expect(String(s)).toBe('[[0.5 0.5 0.5]]');
});

test('each public module is initialized on first use, once (importing tsdl does not load plot/ or datasets/)', () => {
  bundle.ensureRuntimeBundle();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { MODULES } = require('../scripts/runtime-loader.js').loadRuntime() as { MODULES: Record<string, unknown> };
  expect(Object.keys(MODULES).sort()).toEqual(Object.keys(bundle.publicModules()).sort());
  for (const name of Object.keys(bundle.publicModules())) {
    expect(typeof Object.getOwnPropertyDescriptor(MODULES, name)?.get).toBe('function');
  }
  expect(MODULES['tsdl/lib/plot']).toBe(MODULES['tsdl/lib/plot']);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  expect(require('tsdl/lib/plot')).toBe(MODULES['tsdl/lib/plot']);
  // plot/ (png) and datasets/ (.mat) are the modules that load zlib: a fresh process shows what ran.
  const loadsZlib = (mods: string[]): boolean => {
    const script = `${mods.map((m) => `require(${JSON.stringify(m)});`).join('')}` +
      "process.stdout.write(String(process.moduleLoadList.includes('NativeModule zlib')))";
    const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout === 'true';
  };
  expect(loadsZlib(['tsdl', 'tsdl/lib/course/step_by_step', 'tsdl/lib/course/gradient_checking'])).toBe(false);
  expect(loadsZlib(['tsdl', 'tsdl/lib/datasets'])).toBe(true);
});

test('dist/ counts as stale when a file in lib/ is newer, and only then', () => {
  bundle.ensureRuntimeBundle();
  expect(bundle.ensureRuntimeBundle({ dryRun: true })).toBe(false);
  // dry runs only: other test files are running notebooks against dist/ meanwhile
  const file = path.join(REPO, 'lib', 'course', 'common', 'types.ts');
  const { atime, mtime } = fs.statSync(file);
  const later = new Date(Date.now() + 60_000);
  try {
    fs.utimesSync(file, later, later);
    expect(bundle.ensureRuntimeBundle({ dryRun: true })).toBe(true);
  } finally {
    fs.utimesSync(file, atime, mtime);
  }
  expect(bundle.ensureRuntimeBundle({ dryRun: true })).toBe(false);
});

describe('the bundle loads through V8\'s code cache (scripts/runtime-loader.js)', () => {
  const loaderScript = (loader: string): string => `const t = process.hrtime.bigint();
    const tsdl = require('tsdl'), plot = require('tsdl/lib/plot');
    const loader = require(${JSON.stringify(loader)});
    const direct = require(${JSON.stringify(path.join(REPO, 'dist', 'runtime.js'))});
    process.stdout.write(JSON.stringify({ how: loader.lastLoad(), same: direct.MODULES.tsdl === tsdl && direct.MODULES['tsdl/lib/plot'] === plot,
      value: String(tsdl.np.dot(tsdl.np.ones([2, 3]), tsdl.np.ones([3, 1]))) }));`;

  test.each([['plain node', []], ['under tsx\'s require hook, as in the kernel', ['--require', 'tsx/cjs']]])(
    'a fresh process (%s) takes the cache, and dist/runtime.js is the same module', (_label, flags) => {
      bundle.ensureRuntimeBundle();
      expect(fs.existsSync(path.join(REPO, 'dist', 'runtime.js.cache'))).toBe(true);
      const r = spawnSync(process.execPath, [...(flags as string[]), '-e', loaderScript(path.join(REPO, 'scripts', 'runtime-loader.js'))],
        { cwd: REPO, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ how: 'cached', same: true, value: '[[3.]\n [3.]]' });
    });

  test('a damaged or missing cache only means a normal compile', () => {
    bundle.ensureRuntimeBundle();
    // A copy of the loader and the bundle, so the repository's cache stays as it is for other tests.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-runtime-'));
    try {
      fs.mkdirSync(path.join(dir, 'scripts'));
      fs.mkdirSync(path.join(dir, 'dist'));
      for (const f of ['runtime-loader.js', 'code-cache.js']) fs.copyFileSync(path.join(REPO, 'scripts', f), path.join(dir, 'scripts', f));
      fs.copyFileSync(path.join(REPO, 'dist', 'runtime.js'), path.join(dir, 'dist', 'runtime.js'));
      const run = (): { how: string; value: string } => {
        const script = `const l = require(${JSON.stringify(path.join(dir, 'scripts', 'runtime-loader.js'))});
          const { np } = l.loadRuntime().MODULES.tsdl;
          process.stdout.write(JSON.stringify({ how: l.lastLoad(), value: String(np.add(np.arange(3), 0.5)) }));`;
        const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
        expect(r.stderr).toBe('');
        return JSON.parse(r.stdout);
      };
      expect(run()).toEqual({ how: 'compiled', value: '[0.5 1.5 2.5]' });
      fs.writeFileSync(path.join(dir, 'dist', 'runtime.js.cache'), Buffer.alloc(4096, 7));
      expect(run()).toEqual({ how: 'compiled', value: '[0.5 1.5 2.5]' });
      fs.copyFileSync(path.join(REPO, 'dist', 'runtime.js.cache'), path.join(dir, 'dist', 'runtime.js.cache'));
      expect(run()).toEqual({ how: 'cached', value: '[0.5 1.5 2.5]' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('TypeScript loads through V8\'s code cache (scripts/typescript-cache.js)', () => {
  // In a fresh process from notebooks/: how the compiler loaded, whether tslab's converter got the same
  // module, and what it makes of a valid cell and of one with a type error.
  const convertScript = `const tc = require(${JSON.stringify(path.join(REPO, 'scripts', 'typescript-cache.js'))});
    const ts = tc.loadTypeScript(), how = tc.lastLoad();
    const { loadConverterModule } = require(${JSON.stringify(path.join(REPO, 'grader', 'run', 'converter-module.ts'))});
    const conv = loadConverterModule(false).createConverter({ isJS: false, isBrowser: false });
    const ok = conv.convert('', "import { np } from 'tsdl';\\nconst a = np.ones([2, 2]).mul(3);\\na.shape;");
    const bad = conv.convert('', "const n: number = 'x';");
    conv.close();
    process.stdout.write(JSON.stringify({ how, same: require(tc.typescriptFile()) === ts,
      ok: [ok.output, ok.diagnostics.map((d) => d.messageText)], bad: [bad.output, bad.diagnostics.map((d) => d.messageText)] }));
    process.exit(0);`;
  const run = (env: NodeJS.ProcessEnv): { how: string; same: boolean; ok: unknown; bad: unknown } => {
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', convertScript],
      { cwd: path.join(REPO, 'notebooks'), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  };

  test('a fresh process takes the cache, tslab gets the same module, and cells convert as without it', () => {
    bundle.ensureRuntimeBundle();
    expect(fs.existsSync(path.join(REPO, 'dist', 'typescript.js.cache'))).toBe(true);
    const cached = run({}), plain = run({ TSDL_TS_CACHE: '0' });
    expect([cached.how, cached.same, plain.how, plain.same]).toEqual(['cached', true, 'compiled', true]);
    expect(cached.ok).toEqual(plain.ok);
    expect(cached.bad).toEqual(plain.bad);
    expect((plain.bad as [unknown, string[]])[1].join(' ')).toMatch(/not assignable to type 'number'/);
    expect((plain.ok as [string, string[]])[1]).toEqual([]);
  });

  test('a damaged cache only means a normal compile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-tscache-'));
    try {
      const damaged = path.join(dir, 'typescript.js.cache');
      fs.writeFileSync(damaged, Buffer.alloc(4096, 7));
      const r = run({ TSDL_TS_CACHE: damaged });
      expect([r.how, r.same]).toEqual(['compiled', true]);
      expect(r.ok).toEqual(run({ TSDL_TS_CACHE: '0' }).ok);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
