// The hostile and broken submissions corpus, graded in one batch through the real CLI (workers,
// sandboxes, gradebook): every case gets a clear result and none disturbs another.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { hostileCases, TOY } from '../helpers/hostile';

const REPO = path.resolve(__dirname, '..', '..');
const cases = hostileCases();
let dir: string, out: string, db: string;
let first: ReturnType<typeof spawnSync>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-hostile-'));
  out = path.join(dir, 'out');
  db = path.join(dir, 'grades.sqlite');
  const subs = path.join(dir, 'submissions');
  fs.mkdirSync(subs);
  for (const c of cases) c.write(subs);
  fs.rmSync('/tmp/tsdl-pwned', { force: true });
  first = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', subs, '--assignment', TOY, '--jobs', '2',
    '--timeout', '2', '--memory', '512', '--json', path.join(out, 'json'), '--csv', path.join(out, 'grades.csv'),
    '--html', path.join(out, 'html'), '--db', db], { encoding: 'utf8', timeout: 240_000 });
}, 250_000);

afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

test('the batch completes with exit status 0 and a summary', () => {
  expect(first.error).toBeUndefined();
  expect({ status: first.status, stderr: first.status === 0 ? '' : first.stderr }).toEqual({ status: 0, stderr: '' });
  expect(first.stdout).toMatch(new RegExp(`${cases.length} submissions graded`));
  expect(cases.length).toBeGreaterThanOrEqual(25);
});

describe.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
  test('graded to the expected score with actionable feedback', () => {
    const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
    const r = JSON.parse(fs.readFileSync(path.join(out, 'json', index[file]), 'utf8')) as
      { score: number; max_score: number; tests: { name: string; score: number; output: string }[] };
    expect(r.max_score).toBe(4);
    if (typeof c.score === 'number') expect({ file, score: r.score, tests: r.tests }).toMatchObject({ file, score: c.score });
    else expect(c.score(r.score)).toBe(true);
    for (const [fn, pattern] of Object.entries(c.feedback ?? {})) {
      const t = r.tests.find((x) => x.name === fn)!;
      expect(t.output).toMatch(pattern);
    }
  });
});

test('nothing escaped the sandbox', () => {
  expect(fs.existsSync('/tmp/tsdl-pwned')).toBe(false);
});

test('hidden inputs and expected values never appear in feedback', () => {
  const csv = fs.readFileSync(path.join(out, 'grades.csv'), 'utf8');
  expect(csv.split('\n')[0]).toBe('submission,assignment,scale,init_weights,scale_all,score,max_score');
  for (const f of fs.readdirSync(path.join(out, 'json'))) {
    const text = fs.readFileSync(path.join(out, 'json', f), 'utf8');
    // 0.01 * randn values of the hidden cases would print with many digits; none may leak.
    expect(text).not.toMatch(/-?0\.0\d{6,}/);
  }
  expect(fs.existsSync(path.join(out, 'html', 'index.html'))).toBe(true);
});

test('re-running the batch grades nothing new and duplicates no row', () => {
  const again = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', path.join(dir, 'submissions'),
    '--assignment', TOY, '--db', db], { encoding: 'utf8', timeout: 60_000 });
  expect(again.status).toBe(0);
  expect(again.stderr).toContain(`${cases.length} submissions already in`);
  const conn = new Database(db, { readonly: true });
  const n = (conn.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
  const t = (conn.prepare('SELECT COUNT(*) AS n FROM tests').get() as { n: number }).n;
  conn.close();
  expect({ n, t }).toEqual({ n: cases.length, t: cases.length * 3 });
}, 70_000);
