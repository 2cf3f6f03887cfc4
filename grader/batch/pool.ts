/**
 * Grades many submissions with N worker processes, and accounts for every one: each job ends with
 * exactly one result through `onResult`, in completion order. A worker that dies or stops answering
 * costs only the submission it was grading: that one is tried once more on a fresh worker, then
 * recorded as "grading failed" (score 0, marked for re-grading). Workers are replaced for as long
 * as the batch makes progress; when they keep dying before they start, every remaining job is
 * recorded as failed with the reason. An assignment that cannot be loaded is the instructor's
 * problem: gradeAll rejects with it and records nothing. No worker outlives the batch.
 */
import { ChildProcess, fork } from 'child_process';
import * as path from 'path';
import type { RunConfig } from '../grade/context';
import { failedResult, SubmissionResult } from '../grade/grade';
import type { Limits } from '../sandbox/client';
import { killTree } from '../sandbox/process-tree';
import type { AssignmentShape, WorkerReply, WorkerRequest } from './worker';

export interface Job { file: string; id: string }

export interface PoolOptions { workers: number; run: RunConfig; limits: Limits }

/** Starting a worker (loading the assignment, running the reference) may take this long. */
const START_MS = 10 * 60_000;
/** Failed starts in a row, with no result in between, after which the batch stops trying. */
const MAX_FAILED_STARTS = 3;
const ATTEMPTS = 2;

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function killAll(): void { for (const c of live) killTree(c.pid); live.clear(); }

export async function gradeAll(assignment: string, jobs: Job[], opts: PoolOptions, onResult: (r: SubmissionResult) => void): Promise<void> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAll);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(sig, () => { killAll(); process.exit(130); });
  }
  const queue = jobs.map((job) => ({ job, attempts: 0 }));
  const n = Math.max(1, Math.min(opts.workers, queue.length));
  const tsx = require.resolve('tsx/cjs');
  let shape: AssignmentShape | null = null;
  let failedStarts = 0;
  let startError = '';
  const perJobMs = opts.limits.submissionMs + 90_000;

  const failAll = (reason: string): void => {
    const s = shape ?? { id: path.basename(assignment), order: [], suite: {} };
    while (queue.length) { const { job } = queue.shift()!; onResult(failedResult(s, job.file, job.id, reason)); }
  };

  let setupError: Error | null = null;
  const lane = (): Promise<void> => new Promise<void>((resolve) => {
    const spawnWorker = (): void => {
      if (queue.length === 0 || setupError) { resolve(); return; }
      if (failedStarts >= MAX_FAILED_STARTS) { failAll(`the grading workers could not start: ${startError}`); resolve(); return; }
      const child = fork(path.join(__dirname, 'worker.ts'), [], { execArgv: ['--require', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      live.add(child);
      let current: { job: Job; attempts: number } | null = null;
      let started = false;
      let finished = false;
      let timer: NodeJS.Timeout = setTimeout(() => stop('the grading worker took too long to start'), START_MS);
      const retire = (): void => { finished = true; clearTimeout(timer); live.delete(child); killTree(child.pid); };
      const stop = (why: string): void => {
        if (finished) return;
        retire();
        if (!started) { failedStarts++; startError = why; }
        if (current) {
          current.attempts++;
          if (current.attempts < ATTEMPTS) queue.unshift(current);
          else onResult(failedResult(shape!, current.job.file, current.job.id, why));
          current = null;
        }
        spawnWorker();
      };
      const next = (): void => {
        clearTimeout(timer);
        current = queue.shift() ?? null;
        if (!current) { retire(); resolve(); return; }
        timer = setTimeout(() => stop(`grading took over ${Math.round(perJobMs / 1000)} s`), perJobMs);
        child.send({ op: 'grade', file: current.job.file, id: current.job.id } satisfies WorkerRequest);
      };
      child.on('message', (m: WorkerReply) => {
        if (finished) return;
        if (m.op === 'ready') { started = true; failedStarts = 0; shape = m.shape; next(); }
        else if (m.op === 'result' && current && m.id === current.job.id) { onResult(m.result); current = null; next(); }
        else if (m.op === 'fatal' && !started) {
          // The assignment itself cannot be loaded: an instructor's problem, reported as such; nothing is recorded.
          setupError = new Error(`the assignment could not be loaded: ${m.message}`);
          retire(); resolve();
        } else if (m.op === 'fatal') stop(m.message.split('\n')[0]);
      });
      child.on('error', (e) => stop(`the grading worker failed: ${e.message}`));
      child.on('exit', (code, signal) => stop(`the grading worker stopped (${signal ?? `exit ${code}`})`));
      child.send({ op: 'init', assignment, run: opts.run, limits: opts.limits } satisfies WorkerRequest);
    };
    spawnWorker();
  });
  try {
    await Promise.all(Array.from({ length: n }, lane));
  } finally {
    killAll();
  }
  if (setupError) throw setupError;
}
