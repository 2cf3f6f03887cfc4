/**
 * Queue grading against local grading, side by side in one run: submissions per minute of
 * `tsdl grade --jobs 1` and `--jobs 2`, and of `tsdl grade --queue` served by one and by two
 * `tsdl worker --jobs 1` processes (started and ready before the clock starts, as on a grading
 * service), on a real redis-server. Every configuration grades the same N distinct correct notebooks;
 * the four alternate over R runs (the order rotating) and the table gives medians and ranges, since
 * this machine is shared.
 * Usage: npx tsx bench/queue-throughput.ts [assignment=step_by_step] [submissions=40] [runs=3]
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const repo = path.resolve(__dirname, '..');
const tsdl = path.join(repo, 'bin', 'tsdl.js');
const assignment = process.argv[2] ?? 'step_by_step';
const n = Number(process.argv[3] ?? 40);
const runs = Math.min(7, Math.max(1, Number(process.argv[4] ?? 3)));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-bench-queue-'));
const subs = path.join(dir, 'subs');
fs.mkdirSync(subs);
const source = fs.readFileSync(path.join(repo, 'grader', 'assignments', assignment, 'source.ipynb'), 'utf8');
for (let i = 0; i < n; i++) {
  const nb = JSON.parse(source) as { metadata: Record<string, unknown> };
  nb.metadata.bench_copy = i; // distinct bytes: one queue job each
  fs.writeFileSync(path.join(subs, `s${String(i).padStart(3, '0')}.ipynb`), JSON.stringify(nb));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
});

function timeGrade(args: string[]): { seconds: number; full: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [tsdl, 'grade', subs, '-a', assignment, ...args], { cwd: repo, encoding: 'utf8' });
  const seconds = (Date.now() - t0) / 1000;
  // Exit status 2: graded, with submissions the grader could not finish (a shared machine's load can cause it).
  if (r.status !== 0 && r.status !== 2) throw new Error(`tsdl grade ${args.join(' ')} failed:\n${r.stderr}`);
  const m = /(\d+) with full marks/.exec(r.stdout);
  const failed = /(\d+) could not be graded completely/.exec(r.stdout);
  if (failed) console.log(`    ${failed[0]}: ${r.stdout.split('\n').filter((l) => /\.ipynb/.test(l) && !/ 10 \/ 10$/.test(l)).join('; ')}`);
  return { seconds, full: m ? Number(m[1]) : -1 };
}

async function startWorker(url: string, log: string): Promise<ChildProcess> {
  const fd = fs.openSync(log, 'w');
  const w = spawn(process.execPath, [tsdl, 'worker', '--queue', url, '--jobs', '1'], { cwd: repo, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  while (!fs.readFileSync(log, 'utf8').includes('worker ready')) {
    if (w.exitCode !== null) throw new Error(fs.readFileSync(log, 'utf8'));
    await sleep(100);
  }
  return w;
}

async function main(): Promise<void> {
  const port = await freePort();
  const redisDir = path.join(dir, 'redis');
  fs.mkdirSync(redisDir);
  const redis = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', redisDir], { stdio: 'ignore' });
  await sleep(500);
  const configs = ['local --jobs 1', 'local --jobs 2', 'queue, 1 worker --jobs 1', 'queue, 2 workers --jobs 1'];
  const times = new Map<string, number[]>(configs.map((c) => [c, []]));
  let full = true;
  let db = 0;
  const measure = async (config: string): Promise<void> => {
    let r: { seconds: number; full: number };
    if (config.startsWith('local')) r = timeGrade(['--jobs', config.endsWith('2') ? '2' : '1']);
    else {
      const url = `redis://127.0.0.1:${port}/${++db}`; // a fresh database: no job is already done
      const count = config.includes('2 workers') ? 2 : 1;
      const workers: ChildProcess[] = [];
      try {
        for (let i = 0; i < count; i++) workers.push(await startWorker(url, path.join(dir, `worker-${db}-${i}.log`)));
        r = timeGrade(['--queue', url]);
      } finally {
        for (const w of workers) { try { process.kill(-w.pid!, 'SIGKILL'); } catch { /* gone */ } }
      }
    }
    if (r.full !== n) full = false;
    times.get(config)!.push(r.seconds);
    console.log(`  ${config.padEnd(28)} ${r.seconds.toFixed(1)} s, ${r.full}/${n} full marks`);
  };
  try {
    console.log(`${n} distinct correct ${assignment} submissions, ${runs} runs; load before: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
    for (let run = 0; run < runs; run++) {
      console.log(`run ${run + 1}`);
      for (let i = 0; i < configs.length; i++) await measure(configs[(i + run) % configs.length]);
    }
  } finally {
    redis.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rate = (s: number): number => (n / s) * 60;
  const median = (xs: number[]): number => { const a = [...xs].sort((x, y) => x - y); return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2; };
  console.log(`load after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}${full ? '' : '  (some runs had submissions without full marks!)'}`);
  console.log('configuration                 median s  submissions/min (median, range)');
  for (const c of configs) {
    const t = times.get(c)!;
    console.log(`${c.padEnd(28)} ${median(t).toFixed(1).padStart(9)}  ${rate(median(t)).toFixed(1).padStart(6)} (${rate(Math.max(...t)).toFixed(1)}-${rate(Math.min(...t)).toFixed(1)})`);
  }
  const by = (c: string): number => rate(median(times.get(c)!));
  console.log(`ratios of medians: queue 1 worker / local --jobs 1 = ${(by(configs[2]) / by(configs[0])).toFixed(2)}; ` +
    `queue 2 workers / local --jobs 2 = ${(by(configs[3]) / by(configs[1])).toFixed(2)}; ` +
    `queue 2 workers / queue 1 worker = ${(by(configs[3]) / by(configs[2])).toFixed(2)}`);
}

main().catch((e: Error) => { console.error(e.message); process.exit(1); });
