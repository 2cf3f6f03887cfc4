/**
 * Grades many submissions with N worker processes. Results arrive in completion order through
 * `onResult`, so the caller can store each one as soon as it exists. A worker that dies (it is
 * trusted code, so this means a grader bug or the machine running out of memory) costs only the
 * submission it was grading: that one gets a zero result saying so, and a fresh worker continues.
 */
import { ChildProcess, fork } from 'child_process';
import * as path from 'path';
import type { SubmissionResult } from '../grade/grade';
import type { Limits } from '../sandbox/client';
import type { WorkerReply, WorkerRequest } from './worker';

export interface Job { file: string; id: string }

function failedResult(job: Job, assignment: string, message: string): SubmissionResult {
  return {
    submission: job.id, file: job.file, assignment: path.basename(assignment), score: 0, max_score: 0,
    output: `not graded: ${message}`, tests: [], execution_time: 0,
  };
}

export async function gradeAll(assignment: string, jobs: Job[], workers: number, bundle: string, limits: Limits,
  onResult: (r: SubmissionResult) => void): Promise<void> {
  const queue = jobs.slice();
  const n = Math.max(1, Math.min(workers, queue.length));
  const tsx = require.resolve('tsx/cjs');

  const lane = (): Promise<void> => new Promise<void>((resolve, reject) => {
    let restarts = 0;
    const spawn = (): void => {
      const child: ChildProcess = fork(path.join(__dirname, 'worker.ts'), [], { execArgv: ['--require', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let current: Job | null = null;
      let done = false;
      const next = (): void => {
        current = queue.shift() ?? null;
        if (!current) { done = true; child.kill(); resolve(); return; }
        child.send({ op: 'grade', file: current.file, id: current.id } satisfies WorkerRequest);
      };
      child.on('message', (m: WorkerReply) => {
        if (m.op === 'ready') next();
        else if (m.op === 'result') { onResult(m.result); next(); }
        else if (current) { onResult(failedResult(current, assignment, m.message.split('\n')[0])); next(); }
        else { done = true; child.kill(); reject(new Error(`grading worker could not start: ${m.message}`)); }
      });
      child.on('exit', (code, signal) => {
        if (done) return;
        if (current) onResult(failedResult(current, assignment, `the grading worker stopped (${signal ?? `exit ${code}`})`));
        if (++restarts > 5) { reject(new Error('grading workers keep stopping; giving up')); return; }
        spawn();
      });
      child.send({ op: 'init', assignment, bundle, limits } satisfies WorkerRequest);
    };
    spawn();
  });
  await Promise.all(Array.from({ length: n }, lane));
}
