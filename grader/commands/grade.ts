/** `tsdl grade` and `tsdl export`: batch grading into JSON/CSV/HTML reports and a SQLite gradebook. */
import { Command } from 'commander';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gradeAll, Job } from '../batch/pool';
import type { SubmissionResult } from '../grade/grade';
import { assignmentVersion } from '../grade/version';
import { Gradebook } from '../gradebook/db';
import { createProgress } from '../progress';
import { gradeOnQueue } from '../queue/producer';
import { CanvasKey, canvasCsv, gradesCsv } from '../report/csv';
import { gradescopeJson } from '../report/gradescope';
import { indexHtml, submissionHtml } from '../report/html';
import { buildSandbox } from '../sandbox/bundle';
import { DEFAULT_LIMITS } from '../sandbox/client';

/** Submissions named on the command line: files as given, folders expanded to their .ipynb files. */
export function collectJobs(paths: string[]): Job[] {
  const jobs: Job[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    if (!fs.statSync(p).isDirectory()) { jobs.push({ file: path.resolve(p), id: path.basename(p) }); continue; }
    const manifestFile = path.join(p, 'manifest.json');
    let manifest: Record<string, string> = {};
    if (fs.existsSync(manifestFile)) {
      try { manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, string>; } catch (e) {
        throw new Error(`${manifestFile} is not valid JSON (expected {"<file name>": "<submission id>"}): ${(e as Error).message}`);
      }
    }
    for (const f of fs.readdirSync(p).filter((f) => f.endsWith('.ipynb')).sort()) {
      jobs.push({ file: path.resolve(p, f), id: typeof manifest[f] === 'string' ? manifest[f] : f });
    }
  }
  const seen = new Set<string>();
  for (const j of jobs) {
    if (seen.has(j.id)) throw new Error(`two submissions have the id '${j.id}'; give them distinct ids in manifest.json`);
    seen.add(j.id);
  }
  return jobs;
}

const safeName = (id: string): string => id.replace(/[^\w.-]+/g, '_');

function writeReports(results: SubmissionResult[], opts: { json?: string; csv?: string; html?: string }): void {
  if (opts.json) {
    if (results.length === 1 && opts.json.endsWith('.json')) fs.writeFileSync(opts.json, gradescopeJson(results[0]));
    else {
      fs.mkdirSync(opts.json, { recursive: true });
      for (const r of results) fs.writeFileSync(path.join(opts.json, `${safeName(r.submission)}.json`), gradescopeJson(r));
    }
  }
  if (opts.csv) fs.writeFileSync(opts.csv, gradesCsv(results));
  if (opts.html) {
    fs.mkdirSync(opts.html, { recursive: true });
    const fileOf = (r: SubmissionResult): string => `${safeName(r.submission)}.html`;
    for (const r of results) fs.writeFileSync(path.join(opts.html, fileOf(r)), submissionHtml(r));
    fs.writeFileSync(path.join(opts.html, 'index.html'), indexHtml(results, fileOf));
  }
}

function summary(results: SubmissionResult[]): string {
  const lines = results.length <= 40
    ? results.map((r) => `${r.submission.padEnd(32)} ${String(r.score).padStart(7)} / ${r.max_score}`)
    : [];
  const full = results.filter((r) => r.score === r.max_score).length;
  const mean = results.reduce((s, r) => s + r.score, 0) / Math.max(1, results.length);
  lines.push(`${results.length} submissions graded; ${full} with full marks; mean score ${mean.toFixed(2)} / ${results[0]?.max_score ?? 0}`);
  return lines.join('\n');
}

export function registerGradeCommands(program: Command): void {
  program.command('grade')
    .description('grade submitted notebooks (files or folders of .ipynb) against an assignment\'s hidden tests')
    .argument('<submissions...>', 'notebooks or folders of notebooks')
    .requiredOption('-a, --assignment <id>', 'assignment id (a folder of grader/assignments)')
    .option('-j, --jobs <n>', 'parallel workers', String(os.cpus().length))
    .option('--json <file|dir>', 'Gradescope results.json (a file for one submission, else a folder)')
    .option('--csv <file>', 'grades as CSV')
    .option('--html <dir>', 'HTML feedback pages')
    .option('--db <file>', 'SQLite gradebook; submissions already in it are skipped')
    .option('--timeout <s>', 'wall-clock limit per call, seconds', String(DEFAULT_LIMITS.timeoutMs / 1000))
    .option('--memory <mb>', 'memory limit of a sandbox, MB', String(DEFAULT_LIMITS.memoryMb))
    .option('--queue <url>', 'grade on a Redis queue served by `tsdl worker` processes (redis://host:port/db)')
    .option('--regrade', 'with --db: also grade again results graded under another hidden-tests version')
    .action(async (paths: string[], o: { assignment: string; jobs: string; json?: string; csv?: string; html?: string; db?: string; timeout: string; memory: string; queue?: string; regrade?: boolean }) => {
      const jobs = collectJobs(paths);
      // --assignment takes an id or an assignment folder; results are stored under the id.
      const assignmentId = fs.existsSync(o.assignment) && fs.statSync(o.assignment).isDirectory() ? path.basename(path.resolve(o.assignment)) : o.assignment;
      const assignmentArg = assignmentId === o.assignment ? o.assignment : path.resolve(o.assignment);
      const db = o.db ? new Gradebook(o.db) : null;
      const version = assignmentVersion(assignmentArg);
      const stale = db ? new Set(db.toGrade(assignmentId, jobs.map((j) => j.id), version, !!o.regrade)) : null;
      const todo = stale ? jobs.filter((j) => stale.has(j.id)) : jobs;
      if (db && todo.length < jobs.length) console.error(`${jobs.length - todo.length} submissions already in ${o.db}; grading the other ${todo.length}`);
      const results: SubmissionResult[] = [];
      const bar = createProgress(todo.length, process.stderr);
      const bundle = await buildSandbox();
      const limits = { timeoutMs: Number(o.timeout) * 1000, memoryMb: Number(o.memory) };
      try {
        const onResult = (r: SubmissionResult): void => {
          // A failed result (the grader could not grade it) is stored as such; a re-run grades it again.
          db?.save(r, version);
          results.push(r);
          bar.done(r);
        };
        if (o.queue) await gradeOnQueue({ url: o.queue, assignment: assignmentArg, assignmentId, version, limits }, todo, onResult);
        else await gradeAll(assignmentArg, todo, Number(o.jobs), bundle, limits, onResult);
      } finally {
        bar.stop();
      }
      const all = db ? db.results(assignmentId).filter((r) => jobs.some((j) => j.id === r.submission)) : results;
      all.sort((a, b) => a.submission.localeCompare(b.submission));
      writeReports(all, o);
      db?.close();
      console.log(summary(all));
    });

  program.command('export')
    .description('write the grades stored in a gradebook')
    .requiredOption('--db <file>', 'SQLite gradebook')
    .option('-a, --assignment <id>', 'only this assignment')
    .option('--csv <file>', 'grades as CSV')
    .option('--json <dir>', 'one results.json per submission')
    .option('--html <dir>', 'HTML feedback pages')
    .option('--canvas <file>', 'grades as a CSV for Canvas\'s gradebook import')
    .option('--canvas-key <column>', 'Canvas column that holds the submission id: sis_login_id | sis_user_id | id', 'sis_login_id')
    .action((o: { db: string; assignment?: string; csv?: string; json?: string; html?: string; canvas?: string; canvasKey: CanvasKey }) => {
      if (!fs.existsSync(o.db)) throw new Error(`no gradebook at ${o.db}`);
      const db = new Gradebook(o.db);
      const results = db.results(o.assignment);
      db.close();
      if (o.canvas) fs.writeFileSync(o.canvas, canvasCsv(results, { key: o.canvasKey }));
      if (!o.csv && !o.json && !o.html) { if (!o.canvas) process.stdout.write(gradesCsv(results)); return; }
      writeReports(results, { csv: o.csv, json: o.json ? path.join(o.json, path.sep) : undefined, html: o.html });
      console.log(`${results.length} results exported`);
    });
}
