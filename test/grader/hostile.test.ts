// The hostile and broken submissions corpus, graded in one batch through the real CLI (workers,
// bubblewrap sandboxes, gradebook), with honest notebooks in the same batch: every case gets the
// score an honest grader gives its code, nothing reaches a listener on 127.0.0.1, no file appears
// outside the output folder, no hidden value or solution appears in any report, and no process
// outlives the command.
import { spawnSync, execFileSync } from 'child_process';
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { hostileCases, isolationCases, PWNED, TOY } from '../helpers/hostile';

const REPO = path.resolve(__dirname, '..', '..');
let cases: ReturnType<typeof hostileCases>;
let dir: string, out: string, db: string, subs: string;
let first: ReturnType<typeof spawnSync>;
const received: string[] = [];
let tcp: net.Server, udp: dgram.Socket;
let cwdBefore: string[];

// Processes of this batch: workers inherit MARK in their environment; sandboxes (started with a
// cleared environment) carry the heap size that this test's --memory gives them.
const MARK = `tsdl-hostile-${process.pid}`;
const MEMORY_MB = 509;
function batchProcesses(): string[] {
  const found: string[] = [];
  for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const env = fs.readFileSync(`/proc/${p}/environ`, 'utf8');
      if (env.includes(MARK) || cmd.includes(`--max-old-space-size=${Math.floor(MEMORY_MB * 0.75)} `)) found.push(`${p} ${cmd}`);
    } catch { /* gone or not ours */ }
  }
  return found;
}

beforeAll(async () => {
  tcp = net.createServer((s) => { received.push('tcp connection'); s.on('data', (d) => received.push(`tcp ${d.length} bytes`)); });
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  const port = (tcp.address() as net.AddressInfo).port;
  udp = dgram.createSocket('udp4');
  udp.on('message', (m) => received.push(`udp ${m.length} bytes`));
  await new Promise<void>((r) => udp.bind(port, '127.0.0.1', r));
  cases = [...hostileCases(), ...isolationCases(port)];

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-hostile-'));
  out = path.join(dir, 'out');
  db = path.join(out, 'db', 'grades.sqlite');
  subs = path.join(dir, 'submissions');
  fs.mkdirSync(subs);
  for (const c of cases) c.write(subs);
  // Two ids that one naive file name would merge.
  fs.writeFileSync(path.join(subs, 'manifest.json'), JSON.stringify({ 'collide a.ipynb': 'alice/x', 'collide_a.ipynb': 'alice_x' }));
  for (const f of fs.readdirSync('/tmp').filter((f) => f.startsWith('tsdl-pwned'))) fs.rmSync(path.join('/tmp', f), { force: true });
  cwdBefore = fs.readdirSync(dir).sort();
  first = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', subs, '--assignment', TOY, '--jobs', '2',
    '--timeout', '2', '--memory', String(MEMORY_MB), '--compile-timeout', '4', '--json', path.join(out, 'json'), '--csv', path.join(out, 'csv', 'grades.csv'),
    '--html', path.join(out, 'html'), '--db', db], { encoding: 'utf8', timeout: 600_000, cwd: dir, env: { ...process.env, TSDL_TEST_MARK: MARK } });
}, 620_000);

afterAll(() => {
  tcp.close();
  udp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const idOf = (file: string): string => (file === 'collide a.ipynb' ? 'alice/x' : file === 'collide_a.ipynb' ? 'alice_x' : file);

test('the batch completes with exit status 0 and a summary that counts every submission', () => {
  expect(first.error).toBeUndefined();
  expect({ status: first.status, stderr: first.status === 0 ? '' : first.stderr }).toEqual({ status: 0, stderr: '' });
  expect(first.stdout).toMatch(new RegExp(`${cases.length} submissions graded`));
  expect(cases.length).toBeGreaterThanOrEqual(60);
  expect(cases.length).toBeLessThanOrEqual(SLOTS);
});

// Cases are built in beforeAll (they need the listener's port): one test slot per possible case.
const SLOTS = 100;
describe('each submission', () => {
  test.each(Array.from({ length: SLOTS }, (_, i) => i))('case %i is graded to the expected score with actionable feedback', (i) => {
    if (i >= cases.length) return;
    const c = cases[i];
    const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
    const r = JSON.parse(fs.readFileSync(path.join(out, 'json', index[idOf(c.file)]), 'utf8')) as
      { score: number; max_score: number; tests: { name: string; score: number; output: string }[] };
    expect(r.max_score).toBe(4);
    if (typeof c.score === 'number') expect({ file: c.file, score: r.score, tests: r.tests }).toMatchObject({ file: c.file, score: c.score });
    else expect({ file: c.file, ok: c.score(r.score), tests: r.tests }).toMatchObject({ file: c.file, ok: true });
    for (const [fn, pattern] of Object.entries(c.feedback ?? {})) {
      const t = r.tests.find((x) => x.name === fn)!;
      expect({ file: c.file, output: t.output }).toEqual({ file: c.file, output: expect.stringMatching(pattern) });
    }
  });
});

test('nothing reached the listener on 127.0.0.1, no escape left a mark, no file appeared beside the outputs', () => {
  expect(received).toEqual([]);
  expect(fs.readdirSync('/tmp').filter((f) => f.startsWith(path.basename(PWNED)))).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual([...cwdBefore, 'out'].sort());
  expect(fs.readdirSync(out).sort()).toEqual(['csv', 'db', 'html', 'json']);
});

test('no process started by tsdl grade outlives it', () => {
  expect(batchProcesses()).toEqual([]);
});

test('reports stay small and hold no hidden value, solution or host file', () => {
  const csv = fs.readFileSync(path.join(out, 'csv', 'grades.csv'), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^submission,assignment,/);
  const texts = [csv, first.stdout, first.stderr];
  for (const sub of ['json', 'html']) {
    for (const f of fs.readdirSync(path.join(out, sub))) {
      const file = path.join(out, sub, f);
      expect({ f, size: fs.statSync(file).size < 200_000 }).toEqual({ f, size: true });
      texts.push(fs.readFileSync(file, 'utf8'));
    }
  }
  for (const text of texts) {
    // 0.01 * randn values of the hidden cases would print with many digits; none may leak.
    expect(text).not.toMatch(/-?0\.0\d{6,}/);
    expect(text).not.toContain('BEGIN SOLUTION');
    expect(text).not.toMatch(/root:x:0:0/);
    expect(text).not.toContain('np.random.randn(n, m).mul(0.01)');
  }
  // In the feedback itself: the second hidden input of scale (-0.5), and what a ratio would give away (1.13, 0.885).
  for (const f of fs.readdirSync(path.join(out, 'json')).filter((f) => f !== 'index.json')) {
    const r = JSON.parse(fs.readFileSync(path.join(out, 'json', f), 'utf8')) as { output: string; tests: { output: string }[] };
    for (const text of [r.output, ...r.tests.map((t) => t.output)]) expect({ f, text }).not.toEqual({ f, text: expect.stringMatching(/0\.5(?!\d)|1\.13|0\.885/) });
  }
  expect(fs.existsSync(path.join(out, 'html', 'index.html'))).toBe(true);
});

test('two ids that share a naive file name keep separate reports and gradebook rows', () => {
  const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
  expect(index['alice/x']).not.toBe(index.alice_x);
  const a = JSON.parse(fs.readFileSync(path.join(out, 'json', index['alice/x']), 'utf8')) as { score: number };
  const b = JSON.parse(fs.readFileSync(path.join(out, 'json', index.alice_x), 'utf8')) as { score: number };
  expect([a.score, b.score]).toEqual([4, 0]);
  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare("SELECT submission, score FROM submissions WHERE submission IN ('alice/x', 'alice_x') ORDER BY submission").all();
  conn.close();
  expect(rows).toEqual([{ submission: 'alice/x', score: 4 }, { submission: 'alice_x', score: 0 }]);
});

test('re-running the batch grades nothing new and duplicates no row', () => {
  const again = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', subs,
    '--assignment', TOY, '--db', db], { encoding: 'utf8', timeout: 120_000 });
  expect(again.status).toBe(0);
  expect(again.stderr).toContain(`${cases.length} submissions already in`);
  const conn = new Database(db, { readonly: true });
  const n = (conn.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n;
  conn.close();
  expect(n).toBe(cases.length);
}, 130_000);

test('a missing bubblewrap stops grading with a message saying how to install it', () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-nobwrap-'));
  try {
    for (const tool of ['node', 'prlimit']) fs.symlinkSync(execFileSync('which', [tool], { encoding: 'utf8' }).trim(), path.join(bin, tool));
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', path.join(subs, '01-correct.ipynb'), '--assignment', TOY],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PATH: bin } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bubblewrap[\s\S]*apt-get install bubblewrap[\s\S]*--unsafe-no-isolation/);
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
}, 70_000);
