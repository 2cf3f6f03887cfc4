// The attack corpus (test/helpers/hostile-attacks.ts), graded in one batch through the real CLI
// (workers, sandboxes, reports, gradebook), with a listener on 127.0.0.1 that must receive nothing,
// marker files that must not appear, and every report searched for leaked hidden inputs.
// TSDL_ATTACKS_SLOW=1 also grades the slow cases (trusted-side CPU and memory bombs: minutes, GBs).
import { spawn } from 'child_process';
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { ATTACK_PORT, attackCases, MARKER_PREFIX, SECRET_DIR, TERMINAL_FILE } from '../helpers/hostile-attacks';
import { TOY } from '../helpers/hostile';

const REPO = path.resolve(__dirname, '..', '..');
const cases = attackCases().filter((c) => !c.slow || process.env.TSDL_ATTACKS_SLOW === '1');
/** No report of a toy submission needs more than this; atk-47 sets its own smaller bound. */
const MAX_REPORT_BYTES = 1_000_000;

let dir: string, subs: string, out: string, db: string;
type Run = { status: number | null; stdout: string; stderr: string };
let run: Run, small: Run;
const received: string[] = [];
let tcp: net.Server, udp: dgram.Socket;
const tmpBefore = new Set<string>();
const orphansBefore = new Set<number>();

function orphanSandboxes(): number[] {
  const pids: number[] = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (ppid === 1 && /tsdl-sandbox-|batch\/worker\.ts|bwrap/.test(cmd)) pids.push(Number(p));
    } catch { /* gone */ }
  }
  return pids;
}

function reportsOf(file: string): { json: string; html: string; db: string } {
  const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
  const json = fs.readFileSync(path.join(out, 'json', index[file]), 'utf8');
  const html = fs.readFileSync(path.join(out, 'html', index[file].replace(/\.json$/, '.html')), 'utf8');
  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare('SELECT output FROM tests WHERE submission = ?').all(file) as { output: string }[];
  const sub = conn.prepare('SELECT output, result_json FROM submissions WHERE submission = ?').all(file) as { output: string; result_json: string }[];
  conn.close();
  return { json, html, db: [...rows.map((r) => r.output), ...sub.flatMap((r) => [r.output, r.result_json])].join('\n') };
}

/** Runs `tsdl grade` without blocking this process (the listener must keep answering). The machine is shared: allow a long time. */
function grade(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'grade', ...args, '--assignment', TOY, '--jobs', '2',
      '--timeout', '2', '--memory', '512'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 1_700_000);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-attacks-'));
  subs = path.join(dir, 'submissions');
  out = path.join(dir, 'out');
  db = path.join(out, 'grades.sqlite');
  fs.mkdirSync(subs);
  for (const f of fs.readdirSync('/tmp')) if (f.startsWith(path.basename(MARKER_PREFIX))) fs.rmSync(path.join('/tmp', f), { force: true });
  for (const c of cases) c.write(subs);
  for (const f of fs.readdirSync('/tmp')) tmpBefore.add(f);
  for (const p of orphanSandboxes()) orphansBefore.add(p);

  tcp = net.createServer((s) => { received.push('tcp connection'); s.on('data', (d) => received.push(`tcp: ${d.toString().slice(0, 100)}`)); s.destroy(); });
  udp = dgram.createSocket('udp4');
  udp.on('message', (m) => received.push(`udp: ${m.toString().slice(0, 100)}`));
  // A port already taken fails the run at once (instead of waiting for a listen that never happens).
  await new Promise<void>((resolve, reject) => { tcp.once('error', reject); tcp.listen(ATTACK_PORT, '127.0.0.1', resolve); });
  await new Promise<void>((resolve, reject) => { udp.once('error', reject); udp.bind(ATTACK_PORT, '127.0.0.1', resolve); });

  run = await grade([subs, '--json', path.join(out, 'json'), '--csv', path.join(out, 'grades.csv'), '--html', path.join(out, 'html'), '--db', db]);
  // With more than 40 submissions the summary lists none: the terminal-name case again, in a batch of two.
  small = await grade([path.join(subs, TERMINAL_FILE), path.join(subs, 'atk-00-control-correct.ipynb')]);
  // Give anything that escaped a moment to connect.
  await new Promise((resolve) => setTimeout(resolve, 1000));
}, 1_800_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (tcp?.listening ? tcp.close(() => resolve()) : resolve()));
  try { udp?.close(); } catch { /* not bound */ }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(SECRET_DIR, { recursive: true, force: true });
});

test('the batch completes, records every submission, and leaves no process behind', () => {
  expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
  expect(run.stdout).toMatch(new RegExp(`${cases.length} submissions graded`));
  expect(cases.length).toBeGreaterThanOrEqual(40);
  expect(orphanSandboxes().filter((p) => !orphansBefore.has(p))).toEqual([]);
});

test('the listener on 127.0.0.1 received nothing', () => {
  expect(received).toEqual([]);
});

test('no file appeared outside the output folders', () => {
  const fresh = fs.readdirSync('/tmp').filter((f) => !tmpBefore.has(f));
  expect(fresh.filter((f) => f.startsWith(path.basename(MARKER_PREFIX)))).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual(['out', 'submissions']);
  expect(fs.readdirSync(subs).sort()).toEqual(cases.map((c) => c.file).sort());
});

test('the CSV cannot run as a spreadsheet formula', () => {
  const csv = fs.readFileSync(path.join(out, 'grades.csv'), 'utf8');
  for (const line of csv.split('\n')) expect(line).not.toMatch(/^"?[=+@]/);
});

test('the summary prints no terminal control characters', () => {
  expect(small.status).toBe(0);
  expect(small.stdout).toMatch(/2 submissions graded/);
  // eslint-disable-next-line no-control-regex
  expect(small.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(small.stdout.split('\n').filter((l) => /^fake /.test(l))).toEqual([]);
});

describe.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
  test(`graded as an honest grader would: ${c.what.slice(0, 60)}`, () => {
    const index = JSON.parse(fs.readFileSync(path.join(out, 'json', 'index.json'), 'utf8')) as Record<string, string>;
    const r = JSON.parse(fs.readFileSync(path.join(out, 'json', index[file]), 'utf8')) as
      { score: number; max_score: number; tests: { name: string; score: number; output: string }[] };
    expect(r.max_score).toBe(4);
    if (typeof c.score === 'number') expect({ file, score: r.score, tests: r.tests.map((t) => `${t.name} ${t.score}: ${t.output.slice(0, 300)}`) }).toMatchObject({ file, score: c.score });
    else expect({ file, ok: c.score(r.score), score: r.score }).toMatchObject({ file, ok: true });
    for (const [fn, pattern] of Object.entries(c.feedback ?? {})) {
      const t = r.tests.find((x) => x.name === fn)!;
      expect({ fn, output: t.output.slice(0, 2000) }).toEqual({ fn, output: expect.stringMatching(pattern) });
    }
  });

  test('nothing it must not reveal appears in any report, and its reports stay small', () => {
    const rep = reportsOf(file);
    const everywhere = [rep.json, rep.html, rep.db, run.stdout, run.stderr];
    for (const pattern of [/ESCAPED/, /root:x:0:0/, ...(c.absent ?? [])]) {
      for (const text of everywhere) expect({ file, pattern: String(pattern), found: pattern.test(text) }).toEqual({ file, pattern: String(pattern), found: false });
    }
    for (const pattern of c.absentInHtml ?? []) expect({ file, pattern: String(pattern), found: pattern.test(rep.html) }).toEqual({ file, pattern: String(pattern), found: false });
    const bound = c.maxReportBytes ?? MAX_REPORT_BYTES;
    expect({ file, json: rep.json.length <= bound, html: rep.html.length <= bound }).toEqual({ file, json: true, html: true });
  });
});
