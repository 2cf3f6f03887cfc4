/**
 * The whole speed comparison of issue 5, side by side: for every assignment with a numpy script in
 * bench/numpy/, the numpy original (Debian's /usr/bin/python3, SIMD loops as the machine has them)
 * against the source notebook under `tsdl run`: wall time, the notebook's compile and run sums
 * (metadata tsdl.timing), and peak RSS of both (GNU time). Prints Markdown tables.
 *
 * The numpy scripts start their clock after their imports; the notebook's run_ms sum includes its
 * import cell, which loads the library. So the table also gives each side's import time (numpy's
 * `numpy import seconds` line; the run_ms of the notebook's first cell importing 'tsdl') and the
 * ratio with the imports counted on both sides and on neither, next to the original ratio.
 * "tsdl kernel s" is the kernel's per-cell work outside the cells' code (timing.kernel_ms: tag scan,
 * compiling the emitted JavaScript, vm's SIGINT guard), in neither run_ms nor compile_ms.
 *
 * This machine's speed drifts by ±20–40 % within minutes (numpy's side as much as ours), so one run
 * decides little: `--runs N` (default 3) repeats the whole comparison, numpy and tsdl alternating per
 * assignment, prints each run's ratios, then the medians with the range and how many runs met the
 * issue's target.
 * Usage: npx tsx bench/run-all.ts [--runs N] [ids...]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repo = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, 1 or more');
const ids = args.length ? args
  : fs.readdirSync(path.join(repo, 'bench', 'numpy')).filter((f) => f.endsWith('.py')).map((f) => f.replace(/\.py$/, ''))
    .filter((id) => fs.existsSync(path.join(repo, 'grader', 'assignments', id, 'source.ipynb')));
for (const id of ids) {
  if (!fs.existsSync(path.join(repo, 'bench', 'numpy', `${id}.py`))) throw new Error(`no numpy script bench/numpy/${id}.py`);
}

/** The targets: run_ms sum / numpy's numeric seconds, and peak RSS ratio. */
const RUN_TARGET: Record<string, number> = { application: 1.0 };
const DEFAULT_RUN_TARGET = 0.5, RSS_TARGET = 1.5;

interface Timed { wall: number; rssMb: number; stderr: string; status: number | null }

function timed(cmd: string, cmdArgs: string[]): Timed {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'TSDL_MAXRSS_KB=%M', cmd, ...cmdArgs], { encoding: 'utf8', cwd: repo, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /TSDL_MAXRSS_KB=(\d+)/.exec(r.stderr);
  return { wall, rssMb: m ? Number(m[1]) / 1024 : NaN, stderr: r.stderr, status: r.status };
}

/** One side-by-side measurement of one assignment (seconds and MB). */
interface Measure {
  numpy: number; numpyImport: number; run: number; tsImport: number; compile: number; kernel: number;
  numpyWall: number; tsWall: number; numpyRss: number; tsRss: number;
}

function measure(id: string): Measure | null {
  const py = timed('/usr/bin/python3', [path.join(repo, 'bench', 'numpy', `${id}.py`)]);
  if (py.status !== 0) { console.error(`${id}: numpy script failed\n${py.stderr}`); return null; }
  const numpy = Number(/numpy seconds: ([\d.]+)/.exec(py.stderr)?.[1] ?? NaN);
  const numpyImport = Number(/numpy import seconds: ([\d.]+)/.exec(py.stderr)?.[1] ?? NaN);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-bench-'));
  try {
    const out = path.join(dir, `${id}.ipynb`);
    const ts = timed(process.execPath, [path.join(repo, 'bin', 'tsdl.js'), 'run', path.join(repo, 'grader', 'assignments', id, 'source.ipynb'), '--out', out]);
    if (ts.status !== 0) { console.error(`${id}: tsdl run failed\n${ts.stderr}`); return null; }
    type Timing = { compile_ms: number; run_ms: number; kernel_ms?: number };
    const nb = JSON.parse(fs.readFileSync(out, 'utf8')) as { cells: { cell_type: string; source: string | string[]; metadata: { tsdl?: { timing?: Timing } } }[] };
    const sum = (k: keyof Timing): number => nb.cells.reduce((s, c) => s + (c.metadata.tsdl?.timing?.[k] ?? 0), 0) / 1000;
    const importCell = nb.cells.find((c) => c.cell_type === 'code' && /from\s+['"]tsdl['"/]/.test([c.source].flat().join('')));
    return {
      numpy, numpyImport, run: sum('run_ms'), tsImport: (importCell?.metadata.tsdl?.timing?.run_ms ?? NaN) / 1000,
      compile: sum('compile_ms'), kernel: sum('kernel_ms'),
      numpyWall: py.wall, tsWall: ts.wall, numpyRss: py.rssMb, tsRss: ts.rssMb,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (m: Measure): number => m.run / m.numpy;
const ratioBoth = (m: Measure): number => m.run / (m.numpy + m.numpyImport);
const ratioNeither = (m: Measure): number => (m.run - m.tsImport) / m.numpy;
const rssRatio = (m: Measure): number => m.tsRss / m.numpyRss;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b), h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
const s2 = (x: number): string => x.toFixed(2), s3 = (x: number): string => x.toFixed(3), s4 = (x: number): string => x.toFixed(4);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} run(s)\n`);

const byId = new Map<string, Measure[]>(ids.map((id) => [id, []]));
for (let r = 1; r <= runs; r++) {
  const started = new Date().toISOString().slice(11, 19);
  const lines: string[] = [];
  for (const id of ids) {
    const m = measure(id);
    if (!m) continue;
    byId.get(id)!.push(m);
    lines.push(`| ${id} | ${s4(m.numpy)} | ${s3(m.run)} | **${s2(ratio(m))}** | **${s2(ratioBoth(m))}** | ${s2(ratioNeither(m))} | ` +
      `${s2(m.compile)} | ${s2(m.numpyWall)} | ${s2(m.tsWall)} | ${m.numpyRss.toFixed(0)} | ${m.tsRss.toFixed(0)} |`);
  }
  console.log(`Run ${r} of ${runs} (started ${started} UTC)\n`);
  console.log('| assignment | numpy numeric s | tsdl run_ms s | ratio | ratio, imports on both sides | ratio, imports on neither side | tsdl compile s | numpy wall s | tsdl wall s | numpy RSS MB | tsdl RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of lines) console.log(l);
  console.log('');
}

console.log(`Medians over ${runs} run(s); ratio ranges as min–max; "met" counts the runs at or under the issue's target\n`);
console.log('| assignment | numpy numeric s | tsdl run_ms s | ratio (range) | target, met | numpy import s | tsdl import s | ratio, imports on both sides (range) | ratio, imports on neither side | tsdl compile s | tsdl kernel s | numpy wall s | tsdl wall s | numpy RSS MB | tsdl RSS MB | RSS ratio (target 1.5) |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [id, ms] of byId) {
  if (ms.length === 0) { console.log(`| ${id} | failed |`); continue; }
  const med = (f: (m: Measure) => number): number => median(ms.map(f));
  const range = (f: (m: Measure) => number): string => `${s2(Math.min(...ms.map(f)))}–${s2(Math.max(...ms.map(f)))}`;
  const target = RUN_TARGET[id] ?? DEFAULT_RUN_TARGET;
  const met = ms.filter((m) => ratio(m) <= target).length;
  const rssMet = ms.filter((m) => rssRatio(m) <= RSS_TARGET).length;
  console.log(`| ${id} | ${s4(med((m) => m.numpy))} | ${s3(med((m) => m.run))} | **${s2(med(ratio))}** (${range(ratio)}) | ≤ ${s2(target)}, ${met} of ${ms.length} | ` +
    `${s4(med((m) => m.numpyImport))} | ${s3(med((m) => m.tsImport))} | **${s2(med(ratioBoth))}** (${range(ratioBoth)}) | ${s2(med(ratioNeither))} | ` +
    `${s2(med((m) => m.compile))} | ${s3(med((m) => m.kernel))} | ${s2(med((m) => m.numpyWall))} | ${s2(med((m) => m.tsWall))} | ` +
    `${med((m) => m.numpyRss).toFixed(0)} | ${med((m) => m.tsRss).toFixed(0)} | ${s2(med(rssRatio))}, ${rssMet} of ${ms.length} |`);
}
