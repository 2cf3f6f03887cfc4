// A batch accounts for every submission even when grading workers die: thirteen submissions that
// kill their worker every time (fault injection, TSDL_FAULT_EXIT_ON) among fifteen. Each gets a
// recorded "grading failed" result marked for re-grading in every report and the gradebook, the two
// honest ones keep their exact scores, the exit status and summary say how many failed, nothing
// is left running, and a second run grades the failed ones again.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { loadToySource, TOY, withSolution } from '../helpers/hostile';

const REPO = path.resolve(__dirname, '..', '..');
let dir: string, subs: string, out: string;
let run: ReturnType<typeof spawnSync>;
const MARK = `tsdl-resilience-${process.pid}`;

const grade = (env: Record<string, string>): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', subs,
  '--assignment', TOY, '--jobs', '2', '--json', path.join(out, 'json'), '--csv', path.join(out, 'grades.csv'), '--html', path.join(out, 'html'),
  '--db', path.join(out, 'gb.sqlite')], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, TSDL_TEST_MARK: MARK, ...env } });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-resilience-'));
  subs = path.join(dir, 'subs');
  out = path.join(dir, 'out');
  fs.mkdirSync(subs);
  fs.writeFileSync(path.join(subs, 'honest-correct.ipynb'), JSON.stringify(loadToySource()));
  fs.writeFileSync(path.join(subs, 'honest-partial.ipynb'), JSON.stringify(withSolution('scale', 'y = x.add(k);')));
  for (let i = 0; i < 13; i++) fs.writeFileSync(path.join(subs, `poison-${String(i).padStart(2, '0')}.ipynb`), JSON.stringify(loadToySource()));
  run = grade({ TSDL_FAULT_EXIT_ON: 'poison' });
}, 320_000);

afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

test('the batch ends with exit status 2 and a summary counting the failures', () => {
  expect(run.error).toBeUndefined();
  expect(run.status).toBe(2);
  expect(run.stdout).toMatch(/15 submissions graded/);
  expect(run.stdout).toMatch(/13 could not be graded completely/);
});

test('every submission has a report; the honest ones keep their scores', () => {
  const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
  expect(Object.keys(index).sort()).toEqual(fs.readdirSync(subs).sort());
  const read = (id: string): { score: number; max_score: number; output: string; tests: { output: string; status?: string }[] } =>
    JSON.parse(fs.readFileSync(path.join(out, 'json', index[id]), 'utf8'));
  expect(read('honest-correct.ipynb').score).toBe(4);
  expect(read('honest-partial.ipynb').score).toBe(2);
  for (let i = 0; i < 13; i++) {
    const r = read(`poison-${String(i).padStart(2, '0')}.ipynb`);
    expect({ score: r.score, max: r.max_score }).toEqual({ score: 0, max: 4 });
    expect(r.output).toMatch(/grading failed: the grading worker stopped \(exit 70\)[\s\S]*graded again/);
  }
  const csv = fs.readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\n');
  expect(csv).toHaveLength(16);
  expect(fs.readdirSync(path.join(out, 'html')).filter((f) => f.endsWith('.html'))).toHaveLength(16);
});

test('the gradebook holds every submission once, the failed ones marked', () => {
  const db = new Database(path.join(out, 'gb.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT submission, score FROM submissions ORDER BY submission').all() as { submission: string; score: number }[];
  db.close();
  expect(rows.map((r) => r.submission)).toEqual(fs.readdirSync(subs).sort());
});

test('no worker or sandbox is left running', () => {
  const left = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
    try { return fs.readFileSync(`/proc/${p}/environ`, 'utf8').includes(MARK); } catch { return false; }
  });
  expect(left).toEqual([]);
});

test('a second run, without the fault, grades exactly the failed ones again', () => {
  const again = grade({});
  expect(again.status).toBe(0);
  expect(again.stderr).toMatch(/2 submissions already in/);
  const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
  for (const id of Object.keys(index)) {
    const r = JSON.parse(fs.readFileSync(path.join(out, 'json', index[id]), 'utf8')) as { score: number };
    expect({ id, score: r.score }).toEqual({ id, score: id === 'honest-partial.ipynb' ? 2 : 4 });
  }
}, 300_000);
