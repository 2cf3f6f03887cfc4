/** `tsdl grade` and `tsdl export`: batch grading into JSON/CSV/HTML reports and a SQLite gradebook. */
import { Command } from 'commander';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assignmentOfSubmissions } from '../batch/assignment-of';
import { collectJobs, reportName } from '../batch/intake';
import { gradeAll } from '../batch/pool';
import type { SubmissionResult } from '../grade/grade';
import { assignmentLocation } from '../grade/assignment-location';
import { assignmentVersion } from '../grade/version';
import { Gradebook } from '../gradebook/db';
import { createProgress } from '../progress';
import { gradeOnQueue } from '../queue/producer';
import { CanvasKey, canvasCsv, gradesCsv } from '../report/csv';
import { gradescopeJson } from '../report/gradescope';
import { indexHtml, submissionHtml } from '../report/html';
import { prepareRun, UNSAFE_WARNING } from '../batch/run-config';
import { DEFAULT_LIMITS, Limits } from '../sandbox/client';

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number of at least 1, not '${v}'`);
  return n;
}

function positive(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, not '${v}'`);
  return n;
}

export function parseLimits(o: { timeout: string; submissionTimeout: string; memory: string; compileTimeout?: string }): Limits {
  return {
    timeoutMs: positive(o.timeout, '--timeout') * 1000,
    submissionMs: positive(o.submissionTimeout, '--submission-timeout') * 1000,
    memoryMb: positive(o.memory, '--memory'),
    compileMs: positive(o.compileTimeout ?? String(DEFAULT_LIMITS.compileMs! / 1000), '--compile-timeout') * 1000,
  };
}

/** Writes the reports; every output creates its folder. JSON and HTML files are named by reportName. */
function writeReports(results: SubmissionResult[], opts: { json?: string; csv?: string; html?: string }): void {
  if (opts.json) {
    if (results.length === 1 && opts.json.endsWith('.json')) {
      fs.mkdirSync(path.dirname(path.resolve(opts.json)), { recursive: true });
      fs.writeFileSync(opts.json, gradescopeJson(results[0]));
    } else {
      fs.mkdirSync(opts.json, { recursive: true });
      const index: Record<string, string> = {};
      for (const r of results) {
        index[r.submission] = `${reportName(r.submission)}.json`;
        fs.writeFileSync(path.join(opts.json, index[r.submission]), gradescopeJson(r));
      }
      fs.writeFileSync(path.join(opts.json, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
    }
  }
  if (opts.csv) {
    fs.mkdirSync(path.dirname(path.resolve(opts.csv)), { recursive: true });
    fs.writeFileSync(opts.csv, gradesCsv(results));
  }
  if (opts.html) {
    fs.mkdirSync(opts.html, { recursive: true });
    const fileOf = (r: SubmissionResult): string => `${reportName(r.submission)}.html`;
    for (const r of results) fs.writeFileSync(path.join(opts.html, fileOf(r)), submissionHtml(r));
    fs.writeFileSync(path.join(opts.html, 'index.html'), indexHtml(results, fileOf));
  }
}

/** A submission id as the terminal shows it: control characters (escape sequences, new lines) as '?'. */
const printable = (id: string): string => id.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

function summary(results: SubmissionResult[], verbose = false): string {
  const lines = results.length <= 40 || verbose
    ? results.flatMap((r) => [`${printable(r.submission).padEnd(32)} ${String(r.score).padStart(7)} / ${r.max_score}`,
      // --verbose: one line per graded function, with the first line of its feedback.
      ...(verbose ? r.tests.map((t) => `    ${t.name.padEnd(28)} ${String(t.score).padStart(7)} / ${t.max_score}  ${t.output.split('\n')[0]}`) : [])])
    : [];
  const full = results.filter((r) => r.score === r.max_score).length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const mean = results.reduce((s, r) => s + r.score, 0) / Math.max(1, results.length);
  lines.push(`${results.length} submissions graded; ${full} with full marks; mean score ${mean.toFixed(2)} / ${results[0]?.max_score ?? 0}`);
  if (failed) lines.push(`${failed} could not be graded completely (grader problems, marked for re-grading: run the same command again)`);
  return lines.join('\n');
}

export function registerGradeCommands(program: Command): void {
  program.command('grade')
    .description('grade submitted notebooks (files or folders of .ipynb) against an assignment\'s hidden tests')
    .argument('<submissions...>', 'notebooks or folders of notebooks')
    .option('-a, --assignment <id>', 'assignment id (a folder of grader/assignments) or folder; default: the one the notebooks name (metadata.tsdl.assignment)')
    .option('-v, --verbose', 'print a line per graded function of each submission')
    .option('-j, --jobs <n>', 'parallel workers', String(os.cpus().length))
    .option('--json <file|dir>', 'Gradescope results.json (a file for one submission, else a folder)')
    .option('--csv <file>', 'grades as CSV')
    .option('--html <dir>', 'HTML feedback pages')
    .option('--db <file>', 'SQLite gradebook; submissions already in it are skipped')
    .option('--timeout <s>', 'wall-clock limit per cell and per hidden test, seconds', String(DEFAULT_LIMITS.timeoutMs / 1000))
    .option('--submission-timeout <s>', 'wall-clock limit per submission, seconds', String(DEFAULT_LIMITS.submissionMs / 1000))
    .option('--memory <mb>', 'memory limit of a sandbox, MB', String(DEFAULT_LIMITS.memoryMb))
    .option('--compile-timeout <s>', 'limit for type-checking one submitted cell, seconds', String(DEFAULT_LIMITS.compileMs! / 1000))
    .option('--queue <url>', 'grade on a Redis queue served by `tsdl worker` processes (redis://host:port/db)')
    .option('--regrade', 'with --db: also grade again results graded under another hidden-tests version')
    .option('--unsafe-no-isolation', 'grade without bubblewrap (never for credit; every report says so)')
    .action(async (paths: string[], o: { assignment?: string; verbose?: boolean; jobs: string; json?: string; csv?: string; html?: string; db?: string; timeout: string; submissionTimeout: string; memory: string; compileTimeout: string; queue?: string; regrade?: boolean; unsafeNoIsolation?: boolean }) => {
      const limits = parseLimits(o);
      const jobs = collectJobs(paths);
      o.assignment ??= assignmentOfSubmissions(jobs.map((j) => j.file));
      // --assignment takes an id or an assignment folder; results are stored under the id.
      const given = o.assignment;
      const { id: assignmentId, dir } = assignmentLocation(given);
      const assignmentArg = assignmentId === given ? given : dir;
      if (o.db) fs.mkdirSync(path.dirname(path.resolve(o.db)), { recursive: true });
      const db = o.db ? new Gradebook(o.db) : null;
      const version = assignmentVersion(assignmentArg);
      const stale = db ? new Set(db.toGrade(assignmentId, jobs.map((j) => j.id), version, !!o.regrade)) : null;
      const todo = stale ? jobs.filter((j) => stale.has(j.id)) : jobs;
      if (db && todo.length < jobs.length) console.error(`${jobs.length - todo.length} submissions already in ${o.db}; grading the other ${todo.length}`);
      const results: SubmissionResult[] = [];
      // In queue mode the workers grade, each with its own sandbox set-up: nothing runs here.
      const run = o.queue ? null : await prepareRun({ unsafeNoIsolation: o.unsafeNoIsolation });
      if (o.unsafeNoIsolation) console.error(UNSAFE_WARNING);
      const bar = createProgress(todo.length, process.stderr);
      try {
        const onResult = (r: SubmissionResult): void => {
          r.version = version;
          if (o.unsafeNoIsolation) r.output = `${UNSAFE_WARNING}\n${r.output}`;
          // A failed result (the grader could not grade it) is stored as such; a re-run grades it again.
          db?.save(r, version);
          results.push(r);
          bar.done(r);
        };
        if (o.queue) await gradeOnQueue({ url: o.queue, assignment: assignmentArg, assignmentId, version, limits }, todo, onResult);
        else await gradeAll(assignmentArg, todo, { workers: positiveInt(o.jobs, '--jobs'), run: run!, limits }, onResult);
      } finally {
        bar.stop();
      }
      const all = db ? db.results(assignmentId).filter((r) => jobs.some((j) => j.id === r.submission)) : results;
      all.sort((a, b) => a.submission.localeCompare(b.submission));
      writeReports(all, o);
      db?.close();
      console.log(summary(all, o.verbose));
      if (all.some((r) => r.status === 'failed')) process.exitCode = 2;
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
