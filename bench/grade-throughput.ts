/**
 * Grading throughput: 100 copies of a correct submission (the assignment's source notebook) graded
 * with `tsdl grade --jobs 2`; prints submissions per minute and the p95 time per submission.
 * Usage: npx tsx bench/grade-throughput.ts [assignment=optimization] [copies=100] [jobs=2]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const [assignment = 'optimization', copiesArg = '100', jobs = '2'] = process.argv.slice(2);
const copies = Number(copiesArg);
const repo = path.resolve(__dirname, '..');
const source = path.join(repo, 'grader', 'assignments', assignment, 'source.ipynb');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-throughput-'));
const subs = path.join(dir, 'submissions');
fs.mkdirSync(subs);
for (let i = 0; i < copies; i++) fs.copyFileSync(source, path.join(subs, `student-${String(i).padStart(3, '0')}.ipynb`));

const t0 = Date.now();
const run = spawnSync(process.execPath, [path.join(repo, 'bin', 'tsdl.js'), 'grade', subs, '--assignment', assignment,
  '--jobs', jobs, '--json', path.join(dir, 'json')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const wall = (Date.now() - t0) / 1000;
if (run.status !== 0) { console.error(run.stdout); process.exit(1); }
const times = fs.readdirSync(path.join(dir, 'json')).filter((f) => f !== 'index.json').map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'json', f), 'utf8')) as { execution_time: number; score: number; max_score: number });
const full = times.filter((t) => t.score === t.max_score).length;
const sorted = times.map((t) => t.execution_time).sort((a, b) => a - b);
const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
console.log(`assignment ${assignment}: ${copies} submissions, --jobs ${jobs}, ${os.cpus().length} cores (${os.cpus()[0]?.model})`);
console.log(`wall ${wall.toFixed(1)} s (incl. worker start-up), ${(copies / wall * 60).toFixed(0)} submissions/minute`);
console.log(`per submission: median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} s, p95 ${p95.toFixed(3)} s; ${full}/${copies} full marks`);
fs.rmSync(dir, { recursive: true, force: true });
