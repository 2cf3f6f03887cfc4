/**
 * The whole speed comparison of issue 5, side by side in one run: for every assignment with a numpy
 * script in bench/numpy/, the numpy original (Debian's /usr/bin/python3, SIMD loops as the machine
 * has them) against the source notebook under `tsdl run`: wall time, the notebook's compile and run
 * sums (metadata tsdl.timing), and peak RSS of both (GNU time). Prints a Markdown table.
 *
 * The numpy scripts start their clock after their imports; the notebook's run_ms sum includes its
 * import cell, which loads the library. So the table also gives each side's import time (numpy's
 * `numpy import seconds` line; the run_ms of the notebook's first cell importing 'tsdl') and the
 * ratio with the imports counted on both sides and on neither, next to the original ratio.
 * "tsdl kernel s" is the kernel's per-cell work outside the cells' code (timing.kernel_ms: tag scan,
 * compiling the emitted JavaScript, vm's SIGINT guard), in neither run_ms nor compile_ms.
 * Usage: npx tsx bench/run-all.ts [ids...]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repo = path.resolve(__dirname, '..');
const ids = process.argv.slice(2).length ? process.argv.slice(2)
  : fs.readdirSync(path.join(repo, 'bench', 'numpy')).filter((f) => f.endsWith('.py')).map((f) => f.replace(/\.py$/, ''))
    .filter((id) => fs.existsSync(path.join(repo, 'grader', 'assignments', id, 'source.ipynb')));

interface Timed { wall: number; rssMb: number; stderr: string; status: number | null }

function timed(cmd: string, args: string[]): Timed {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'TSDL_MAXRSS_KB=%M', cmd, ...args], { encoding: 'utf8', cwd: repo, maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /TSDL_MAXRSS_KB=(\d+)/.exec(r.stderr);
  return { wall, rssMb: m ? Number(m[1]) / 1024 : NaN, stderr: r.stderr, status: r.status };
}

const rows: string[] = [];
for (const id of ids) {
  const py = timed('/usr/bin/python3', [path.join(repo, 'bench', 'numpy', `${id}.py`)]);
  const numpySeconds = Number(/numpy seconds: ([\d.]+)/.exec(py.stderr)?.[1] ?? NaN);
  const numpyImport = Number(/numpy import seconds: ([\d.]+)/.exec(py.stderr)?.[1] ?? NaN);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-bench-')), `${id}.ipynb`);
  const ts = timed(process.execPath, [path.join(repo, 'bin', 'tsdl.js'), 'run', path.join(repo, 'grader', 'assignments', id, 'source.ipynb'), '--out', out]);
  if (ts.status !== 0) { console.error(`${id}: tsdl run failed\n${ts.stderr}`); continue; }
  type Timing = { compile_ms: number; run_ms: number; kernel_ms?: number };
  const nb = JSON.parse(fs.readFileSync(out, 'utf8')) as { cells: { cell_type: string; source: string | string[]; metadata: { tsdl?: { timing?: Timing } } }[] };
  const sum = (k: keyof Timing): number => nb.cells.reduce((s, c) => s + (c.metadata.tsdl?.timing?.[k] ?? 0), 0) / 1000;
  const run = sum('run_ms'), compile = sum('compile_ms'), kernel = sum('kernel_ms');
  const importCell = nb.cells.find((c) => c.cell_type === 'code' && /from\s+['"]tsdl['"/]/.test([c.source].flat().join('')));
  const tsImport = (importCell?.metadata.tsdl?.timing?.run_ms ?? NaN) / 1000;
  const s2 = (x: number): string => x.toFixed(2), s3 = (x: number): string => x.toFixed(3), s4 = (x: number): string => x.toFixed(4);
  rows.push(`| ${id} | ${s4(numpySeconds)} | ${s3(run)} | **${s2(run / numpySeconds)}** | ${s4(numpyImport)} | ${s3(tsImport)} | ` +
    `**${s2(run / (numpySeconds + numpyImport))}** | ${s2((run - tsImport) / numpySeconds)} | ${s2(compile)} | ${s3(kernel)} | ` +
    `${s2(py.wall)} | ${s2(ts.wall)} | ${py.rssMb.toFixed(0)} | ${ts.rssMb.toFixed(0)} | ${s2(ts.rssMb / py.rssMb)} |`);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('| assignment | numpy numeric s | tsdl run_ms s | ratio | numpy import s | tsdl import s | ratio, imports on both sides | ratio, imports on neither side | tsdl compile s | tsdl kernel s | numpy wall s | tsdl wall s | numpy RSS MB | tsdl RSS MB | RSS ratio |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
