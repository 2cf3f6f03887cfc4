// The Gradescope autograder zip, unpacked into a temporary tree laid out like /autograder (source/,
// submission/, results/) and run as Gradescope runs it, with the repository's installed packages in
// place of setup.sh's apt-get and npm ci. Every results.json must match Gradescope's documented schema.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';

jest.setTimeout(600_000);

const REPO = path.resolve(__dirname, '..', '..');
const ID = 'step_by_step';
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(__dirname, 'results.schema.json'), 'utf8')) as object);

let dir: string, zipFile: string, built: ReturnType<typeof spawnSync>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-gradescope-'));
  zipFile = path.join(dir, 'autograder.zip');
  built = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'gradescope', ID, '--out', zipFile, '--hidden-detail', 'after_published', '--timeout', '5'],
    { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Results { score: number; output: string; tests: { name: string; score: number; max_score: number; status: string; visibility: string; output: string }[] }

/** A fresh /autograder-like tree with the zip in source/ and `files` in submission/; runs run_autograder. */
function runOn(name: string, files: Record<string, string | Buffer>, tamper?: (src: string) => void): { results: Results; raw: unknown; run: ReturnType<typeof spawnSync> } {
  const root = path.join(dir, name);
  fs.mkdirSync(path.join(root, 'submission'), { recursive: true });
  fs.mkdirSync(path.join(root, 'results'), { recursive: true });
  const unzip = spawnSync('unzip', ['-q', zipFile, '-d', path.join(root, 'source')], { encoding: 'utf8' });
  expect(unzip.status).toBe(0);
  const src = path.join(root, 'source', 'tsdl');
  // What setup.sh's npm ci would install and build (node_modules, dist/, build/), from this checkout.
  for (const d of ['node_modules', 'dist', 'build']) if (fs.existsSync(path.join(REPO, d))) fs.symlinkSync(path.join(REPO, d), path.join(src, d));
  tamper?.(src);
  // Gradescope copies run_autograder to /autograder and runs it from there.
  fs.copyFileSync(path.join(root, 'source', 'run_autograder'), path.join(root, 'run_autograder'));
  fs.chmodSync(path.join(root, 'run_autograder'), 0o755);
  for (const [f, data] of Object.entries(files)) fs.writeFileSync(path.join(root, 'submission', f), data);
  const run = spawnSync(path.join(root, 'run_autograder'), [], { cwd: root, encoding: 'utf8', timeout: 300_000, env: { ...process.env, TSDL_AUTOGRADER_ROOT: root } });
  const raw = JSON.parse(fs.readFileSync(path.join(root, 'results', 'results.json'), 'utf8')) as unknown;
  return { results: raw as Results, raw, run };
}

function expectValid(raw: unknown): void {
  const ok = validate(raw);
  expect({ ok, errors: validate.errors ?? null }).toEqual({ ok: true, errors: null });
}

test('the zip has setup.sh and run_autograder at its root, executable, and the grader under tsdl/', () => {
  expect(built.status).toBe(0);
  const list = spawnSync('unzip', ['-Z', '-1', zipFile], { encoding: 'utf8' }).stdout.split('\n');
  expect(list).toEqual(expect.arrayContaining(['setup.sh', 'run_autograder', 'tsdl/package.json', 'tsdl/package-lock.json', 'tsdl/bin/tsdl.js',
    `tsdl/grader/assignments/${ID}/hidden_tests.ts`, `tsdl/grader/assignments/${ID}/source.ipynb`]));
  expect(list.some((f) => f.startsWith('tsdl/node_modules/') || f.startsWith('tsdl/test/'))).toBe(false);
  const modes = spawnSync('unzip', ['-Z', zipFile, 'setup.sh', 'run_autograder'], { encoding: 'utf8' }).stdout;
  expect(modes.split('\n').filter((l) => /^-rwxr-xr-x/.test(l))).toHaveLength(2);
  const setup = spawnSync('unzip', ['-p', zipFile, 'setup.sh'], { encoding: 'utf8' }).stdout;
  for (const pkg of ['bubblewrap', 'build-essential', 'libopenblas-dev', 'setup_20.x', 'npm ci']) expect(setup).toContain(pkg);
  fs.writeFileSync(path.join(dir, 'setup.sh'), setup);
  expect(spawnSync('bash', ['-n', path.join(dir, 'setup.sh')]).status).toBe(0);
});

test('a correct submission: full score, every test passed, hidden detail after publishing', () => {
  const { results, raw, run } = runOn('correct', { 'my-work.ipynb': fs.readFileSync(path.join(REPO, 'grader', 'assignments', ID, 'source.ipynb')) });
  expect(run.status).toBe(0);
  expectValid(raw);
  expect(results.score).toBe(10);
  expect(results.tests).toHaveLength(10);
  expect(results.tests.every((t) => t.status === 'passed' && t.score === t.max_score && t.visibility === 'after_published')).toBe(true);
});

test('a wrong submission (the released notebook, not filled in): zero, every test failed with feedback', () => {
  const { results, raw } = runOn('wrong', { [`${ID}.ipynb`]: fs.readFileSync(path.join(REPO, 'notebooks', `${ID}.ipynb`)) });
  expectValid(raw);
  expect(results.score).toBe(0);
  expect(results.tests.every((t) => t.status === 'failed' && t.score === 0 && /not implemented/.test(t.output))).toBe(true);
});

test('a broken submission (invalid JSON): zero with a message the student can act on', () => {
  const { results, raw } = runOn('broken', { 'notebook.ipynb': '{"cells": [' });
  expectValid(raw);
  expect(results.score).toBe(0);
  expect(results.output).toMatch(/not a valid notebook \(not JSON/);
});

test('no notebook at all: zero, saying what to upload', () => {
  const { results, raw } = runOn('empty', { 'answers.txt': 'hello' });
  expectValid(raw);
  expect(results).toMatchObject({ score: 0, tests: [] });
  expect(results.output).toMatch(/No Jupyter notebook/);
});

test('when grading crashes, run_autograder still writes a results.json that says so', () => {
  const { results, raw, run } = runOn('crash', { 'my-work.ipynb': fs.readFileSync(path.join(REPO, 'grader', 'assignments', ID, 'source.ipynb')) },
    (src) => fs.writeFileSync(path.join(src, 'grader', 'assignments', ID, 'hidden_tests.ts'), 'export const tests = ;\n'));
  expect(run.status).not.toBe(0);
  expectValid(raw);
  expect(results).toMatchObject({ score: 0, tests: [] });
  expect(results.output).toMatch(/autograder stopped before it could grade this submission \(exit status \d+\)/);
});
