/**
 * lib/datasets against scikit-learn 1.2, scipy.io.loadmat and h5py.
 * Fixtures: test/fixtures/datasets.json, written by test/fixtures/gen_datasets.py.
 * The course's data files are read from where lib/datasets/paths.ts finds them; tests that
 * need them fail with the loader's message when they are absent.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { np, NDArray } from '../lib/np';
import { RandomState } from '../lib/np/random';
import {
  make_circles, make_moons, parseMat5, loadmat, resolveDataFile, dataDirs,
  load_2D_dataset, load_circles_dataset, load_moons_dataset,
} from '../lib/datasets';
import { sin, cos } from '../lib/datasets/trig';
import { loadFixture } from './helpers/fixtures';

interface Enc { shape: number[]; dtype: string; f64: string }
interface SampleCase { name: string; fn: 'circles' | 'moons'; seed: number | null; n_samples: number | [number, number];
  kw: { noise?: number; factor?: number; shuffle?: boolean; random_state?: number }; X: Enc; y: Enc; next: number }
interface MatFile { name: string; b64: string; expect: Record<string, Enc & { f_contiguous: boolean }> }
interface CourseMat { shape: number[]; dtype: string; f_contiguous: boolean; sum: number; sum_T_axis1: string; picks: number[]; values: string }
interface H5Info { shape?: number[]; dtype?: string; sum?: number; picks?: number[]; values?: number[]; sum_axis0?: string; strings?: string[] }
interface Fixture {
  samples: SampleCase[];
  trig: { x: string; cr_sin: string; cr_cos: string; glibc_sin_differs: number[]; glibc_cos_differs: number[];
    glibc_sin_there: string; glibc_cos_there: string };
  mat: { files: MatFile[]; errors: { name: string; b64: string; error: string }[]; course: Record<string, CourseMat> | null };
  h5: Record<string, Record<string, H5Info>>;
}

const fx = loadFixture<Fixture>('datasets.json');

function f64(b64: string): Float64Array {
  const buf = Buffer.from(b64, 'base64');
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}

/** Index of the first element differing under Object.is, or -1. */
function firstMismatch(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Math.min(got.length, want.length);
  for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) return i;
  return -1;
}

function expectExact(got: NDArray, want: Enc, dtype: string): void {
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(dtype);
  expect(firstMismatch(got.values(), f64(want.f64))).toBe(-1);
}

/**
 * The path of a course data file. The course's files are committed under datasets/; when one is
 * missing the tests that need it fail with the loader's message, which says where to put it.
 */
function courseFile(name: string): string | null {
  try { return resolveDataFile(name); } catch { return null; }
}
const missingData = (name: string) => () => { resolveDataFile(name); };

/**
 * Cases whose sizes make linspaces where glibc's sin/cos are not correctly rounded (see the trig
 * tests): this many coordinates differ by one ulp (before the noise is added). The course's sizes
 * (150/150, 50/50) have none.
 */
const GLIBC_ULP_CASES: Record<string, number> = { 'moons seed 7 n 101 noise 0': 1, 'circles n 1000 noise .2': 2 };

describe('make_circles / make_moons reproduce scikit-learn 1.2 bit for bit', () => {
  for (const c of fx.samples) {
    test(c.name, () => {
      if (c.seed !== null) np.random.seed(c.seed);
      const { random_state, ...rest } = c.kw;
      const options = { ...rest, random_state: random_state === undefined ? null : new RandomState(random_state) };
      const [X, y] = c.fn === 'circles'
        ? make_circles(c.n_samples, options)
        : make_moons(c.n_samples, options);
      const known = GLIBC_ULP_CASES[c.name];
      if (known) {
        const want = f64(c.X.f64), got = X.values();
        const off = Array.from(want.keys()).filter((i) => got[i] !== want[i]);
        expect(off.length).toBe(known);
        // one ulp of a coordinate below 2 before the noise: at most 2^-52 * 2
        for (const i of off) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(2 ** -51);
      } else {
        expectExact(X, c.X, 'float64');
      }
      expectExact(y, c.y, 'int64');
      // the global generator has advanced exactly as sklearn advanced numpy's
      expect(np.random.random_sample()).toBe(c.next);
    });
  }

  test('an integer random_state seeds a private generator, leaving np.random alone', () => {
    const c = fx.samples.find((s) => s.kw.random_state === 42)!;
    np.random.seed(0);
    const before = np.random.get_state();
    const [X] = make_circles(c.n_samples, { noise: c.kw.noise, random_state: 42 });
    expectExact(X, c.X, 'float64');
    expect(np.random.get_state()[2]).toBe(before[2]);
  });

  test("errors read like scikit-learn's", () => {
    expect(() => make_circles(10, { factor: 1 })).toThrow("'factor' has to be between 0 and 1.");
    expect(() => make_moons([1, 2, 3] as unknown as [number, number])).toThrow('two-element tuple');
  });
});

describe('correctly rounded sin/cos (what numpy gets from glibc, nearly always)', () => {
  const x = f64(fx.trig.x), crSin = f64(fx.trig.cr_sin), crCos = f64(fx.trig.cr_cos);

  test(`equal to the correctly rounded value on all ${x.length} inputs except beyond 2^30`, () => {
    for (let i = 0; i < x.length; i++) {
      if (Math.abs(x[i]) > 2 ** 30) continue;
      expect([x[i], sin(x[i])]).toEqual([x[i], crSin[i]]);
      expect([x[i], cos(x[i])]).toEqual([x[i], crCos[i]]);
    }
  });

  test('glibc differs from the correct rounding on a few inputs, none of the course linspaces', () => {
    const differs = [...fx.trig.glibc_sin_differs, ...fx.trig.glibc_cos_differs].map((i) => x[i]);
    expect(differs.length).toBeLessThan(x.length / 100);
    const course = [
      ...np.linspace(0, 2 * Math.PI, 150, { endpoint: false }).values(), ...np.linspace(0, 2 * Math.PI, 50, { endpoint: false }).values(),
      ...np.linspace(0, Math.PI, 150).values()];
    expect(course.filter((t) => differs.includes(t))).toEqual([]);
  });

  test('V8 Math.sin/Math.cos would not do (they differ from the correct rounding on some course inputs)', () => {
    const t = np.linspace(0, 2 * Math.PI, 150, { endpoint: false }).values();
    const off = Array.from(t).filter((v) => Math.cos(v) !== cos(v) || Math.sin(v) !== sin(v));
    expect(off.length).toBeGreaterThan(0);
  });
});

describe('course loaders for generated data', () => {
  const bySeed = (seed: number) => fx.samples.find((s) => s.seed === seed && s.kw.random_state === undefined)!;

  test('load_circles_dataset: seed 1 x300 train, seed 2 x100 test, as (2, m) / (1, m) views', () => {
    const d = load_circles_dataset();
    expect(d.train_X.shape).toEqual([2, 300]);
    expect(d.train_X.strides).toEqual([1, 2]); // X.T of a C-ordered (300, 2), as in numpy
    expectExact(d.train_X.T, bySeed(1).X, 'float64');
    expect(d.train_Y.shape).toEqual([1, 300]);
    expect(Array.from(d.train_Y.values())).toEqual(Array.from(f64(bySeed(1).y.f64)));
    expectExact(d.test_X.T, bySeed(2).X, 'float64');
    expect(d.test_Y.shape).toEqual([1, 100]);
  });

  test('load_moons_dataset: seed 3, 300 points, noise .2', () => {
    const d = load_moons_dataset();
    expectExact(d.train_X.T, bySeed(3).X, 'float64');
    expect(d.train_Y.shape).toEqual([1, 300]);
    expect(d.train_Y.dtype).toBe('int64');
  });
});

describe('MAT v5 reader against scipy.io.loadmat', () => {
  const dtypeFor = (numpyDtype: string) => (/f/.test(numpyDtype) ? 'float64' : 'int64');

  for (const file of fx.mat.files) {
    test(file.name, () => {
      const got = parseMat5(Buffer.from(file.b64, 'base64'));
      expect(Object.keys(got).sort()).toEqual(Object.keys(file.expect).sort());
      for (const [name, want] of Object.entries(file.expect)) {
        expectExact(got[name], want, dtypeFor(want.dtype));
        const v = got[name];
        if (want.f_contiguous && v.ndim === 2 && v.size > 1) expect(v.T.isCContiguous).toBe(true);
      }
    });
  }

  test('variable_names reads only those variables', () => {
    const got = parseMat5(Buffer.from(fx.mat.files[1].b64, 'base64'), { variable_names: ['u8', 'd3'] });
    expect(Object.keys(got).sort()).toEqual(['d3', 'u8']);
  });

  for (const e of fx.mat.errors) {
    test(`error: ${e.name}`, () => {
      expect(() => parseMat5(Buffer.from(e.b64, 'base64'), {}, 'f.mat')).toThrow(e.error);
    });
  }

  test('an unsupported variable can be skipped with variable_names', () => {
    const cell = fx.mat.errors.find((e) => e.name === 'cell')!;
    expect(parseMat5(Buffer.from(cell.b64, 'base64'), { variable_names: ['ok'] }).ok.shape).toEqual([1, 1]);
  });

  const dataMat = courseFile('data.mat');
  (dataMat && fx.mat.course ? test : (n: string) => test(n, missingData('data.mat')))('the course data.mat: shapes, dtypes, sums, elements', () => {
    const got = loadmat(dataMat!);
    for (const [name, want] of Object.entries(fx.mat.course!)) {
      const v = got[name];
      expect(v.shape).toEqual(want.shape);
      expect(v.dtype).toBe(dtypeFor(want.dtype));
      expect(v.T.isCContiguous).toBe(want.f_contiguous);
      expect(np.sum(v)).toBe(want.sum);
      expect(firstMismatch(np.sum(v.T, { axis: 1 }).values(), f64(want.sum_T_axis1))).toBe(-1);
      const flat = v.copy().values();
      expect(want.picks.map((i) => flat[i])).toEqual(Array.from(f64(want.values)));
    }
  });

  (dataMat ? test : (n: string) => test(n, missingData('data.mat')))('load_2D_dataset: X.T, y.T, Xval.T, yval.T', () => {
    const d = load_2D_dataset();
    expect([d.train_X.shape, d.train_Y.shape, d.test_X.shape, d.test_Y.shape]).toEqual([[2, 211], [1, 211], [2, 200], [1, 200]]);
    expect(d.train_X.isCContiguous).toBe(true);
    expect([d.train_X.dtype, d.train_Y.dtype]).toEqual(['float64', 'int64']);
    expect(np.sum(d.train_Y)).toBe(fx.mat.course!.y.sum);
  });
});

describe('file resolution', () => {
  const saved = process.env.TSDL_DATA;
  afterEach(() => { if (saved === undefined) delete process.env.TSDL_DATA; else process.env.TSDL_DATA = saved; });

  test('$TSDL_DATA comes first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-data-'));
    fs.writeFileSync(path.join(dir, 'data.mat'), '');
    process.env.TSDL_DATA = dir;
    expect(resolveDataFile('data.mat')).toBe(path.join(dir, 'data.mat'));
    fs.rmSync(dir, { recursive: true });
  });

  test('the search order is $TSDL_DATA, then <repo>/datasets, whatever the working directory', () => {
    delete process.env.TSDL_DATA;
    const repo = path.resolve(__dirname, '..');
    const cwd = process.cwd();
    try {
      process.chdir(os.tmpdir());
      expect(dataDirs().map((d) => d.dir)).toEqual([null, path.join(repo, 'datasets')]);
      expect(resolveDataFile('data.mat')).toBe(path.join(repo, 'datasets', 'data.mat'));
    } finally {
      process.chdir(cwd);
    }
  });

  test('the committed data files are the course\'s (sha256)', () => {
    const crypto = require('crypto') as typeof import('crypto');
    const repo = path.resolve(__dirname, '..');
    const want: Record<string, string> = {
      'data.mat': '1218828095bf91d215622d00b2a5b8784c359e29d9d9c5734949b8e60c5bc231',
      'train_catvnoncat.h5': 'fbe56ab67c3ae28d564e3a644189117976d6b31af0a3ce9bb17dbf22908af242',
      'test_catvnoncat.h5': '6a9d39ce52fa85953c5834695b8534a30ed8cfd54971fb2f080b5a24d002b951',
    };
    for (const [name, sha] of Object.entries(want)) {
      const got = crypto.createHash('sha256').update(fs.readFileSync(path.join(repo, 'datasets', name))).digest('hex');
      expect([name, got]).toEqual([name, sha]);
    }
  });

  test('a missing file names every place searched and where to put it', () => {
    process.env.TSDL_DATA = '/nonexistent/tsdl';
    let message = '';
    try { resolveDataFile('nothing_here.h5'); } catch (e) { message = (e as Error).message; }
    expect(message).toContain("Data file 'nothing_here.h5' not found");
    expect(message).toContain('$TSDL_DATA (/nonexistent/tsdl)');
    expect(message).toContain(path.resolve(__dirname, '..', 'datasets'));
    expect(message).toMatch(/Put nothing_here\.h5 in .*datasets/);
    expect(message).toContain('TSDL_DATA environment variable');
  });
});

describe('HDF5 through h5wasm (in a child Node process: jest has no dynamic import)', () => {
  const train = courseFile('train_catvnoncat.h5'), testFile = courseFile('test_catvnoncat.h5');
  const have = train && testFile && Object.keys(fx.h5).length === 2;

  /** Runs a TypeScript snippet with tsx and returns what it printed as JSON. */
  function runChild(body: string): unknown {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-h5-'));
    const script = path.join(dir, 'child.ts');
    const lib = path.resolve(__dirname, '..', 'lib');
    fs.writeFileSync(script, `import * as ds from ${JSON.stringify(path.join(lib, 'datasets'))};\n` +
      `import { np } from ${JSON.stringify(path.join(lib, 'np'))};\n` +
      `(async () => { const out = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(out)); })()` +
      '.catch((e) => { process.stdout.write(JSON.stringify({ error: String(e.message) })); });\n');
    const tsx = path.resolve(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, script], { encoding: 'utf8', cwd: path.resolve(__dirname, '..') });
    fs.rmSync(dir, { recursive: true });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  }

  (have ? test : (n: string) => test(n, missingData('train_catvnoncat.h5')))('cat files: every dataset against h5py, and load_cat_dataset', () => {
    const picks = Object.fromEntries(Object.entries(fx.h5).map(([f, info]) =>
      [f, Object.fromEntries(Object.entries(info).map(([k, v]) => [k, v.picks ?? []]))]));
    const got = runChild(`
      const PICKS: Record<string, Record<string, unknown>> = ${JSON.stringify(picks)};
      const summary: Record<string, unknown> = {};
      for (const file of ['train_catvnoncat.h5', 'test_catvnoncat.h5']) {
        const data = await ds.loadH5(ds.resolveDataFile(file));
        const s: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(data)) {
          if (Array.isArray(v)) { s[k] = { strings: v }; continue; }
          const flat = v.values();
          const picks = PICKS[file][k] as number[];
          s[k] = { shape: v.shape, dtype: v.dtype, sum: np.sum(v), values: picks.map((i) => flat[i]),
                   sum_axis0: Array.from(np.sum(v, { axis: 0 }).values()).slice(0, 64) };
        }
        summary[file] = s;
      }
      const c = await ds.load_cat_dataset();
      summary.loader = { shapes: [c.train_x_orig.shape, c.train_y.shape, c.test_x_orig.shape, c.test_y.shape],
                         dtypes: [c.train_x_orig.dtype, c.train_y.dtype], classes: c.classes,
                         label25: c.train_y.get(0, 25), pixel: c.train_x_orig.get(25, 10, 20, 2) };
      return summary;`) as Record<string, Record<string, H5Info>> & { loader: Record<string, unknown> };
    for (const file of ['train_catvnoncat.h5', 'test_catvnoncat.h5']) {
      expect(Object.keys(got[file]).sort()).toEqual(Object.keys(fx.h5[file]).sort());
      for (const [k, want] of Object.entries(fx.h5[file])) {
        const g = got[file][k];
        if (want.strings) { expect(g.strings).toEqual(want.strings); continue; }
        expect(g.shape).toEqual(want.shape);
        expect(g.dtype).toBe('int64'); // uint8 pixels and int64 labels both become int64
        expect(g.sum).toBe(want.sum);
        expect(g.values).toEqual(want.values);
        expect(g.sum_axis0).toEqual(Array.from(f64(want.sum_axis0!)));
      }
    }
    expect(got.loader.shapes).toEqual([[209, 64, 64, 3], [1, 209], [50, 64, 64, 3], [1, 50]]);
    expect(got.loader.dtypes).toEqual(['int64', 'int64']);
    expect(got.loader.classes).toEqual(['non-cat', 'cat']);
    expect([got.loader.label25, got.loader.pixel]).toEqual([1, 30]); // h5py: train_set_y[25], train_set_x[25, 10, 20, 2]
  }, 60000);

  test('a missing file and an unreadable one give clear errors', () => {
    const got = runChild(`
      const errors: string[] = [];
      for (const f of ['/nonexistent/x.h5', ${JSON.stringify(__filename)}]) {
        try { await ds.loadH5(f); errors.push('no error'); } catch (e) { errors.push(String((e as Error).message)); }
      }
      return errors;`) as string[];
    expect(got[0]).toContain('No such file: /nonexistent/x.h5');
    expect(got[1]).toBe(`${__filename} is not an HDF5 file (no HDF5 signature)`);
  }, 60000);
});
