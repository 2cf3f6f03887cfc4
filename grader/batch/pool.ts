/**
 * Grades many submissions with N worker processes. Results arrive in completion order through
 * `onResult`, so the caller can store each one as soon as it exists.
 */
import { ChildProcess, fork } from 'child_process';
import * as path from 'path';
import type { SubmissionResult } from '../grade/grade';
import type { Limits } from '../sandbox/client';
import type { WorkerReply, WorkerRequest } from './worker';

export interface Job { file: string; id: string }

export async function gradeAll(assignment: string, jobs: Job[], workers: number, bundle: string, limits: Limits,
  onResult: (r: SubmissionResult) => void): Promise<void> {
  const queue = jobs.slice();
  const n = Math.max(1, Math.min(workers, queue.length));
  const tsx = require.resolve('tsx/cjs');
  const run = (): Promise<void> => new Promise<void>((resolve, reject) => {
    const child: ChildProcess = fork(path.join(__dirname, 'worker.ts'), [], { execArgv: ['--require', tsx], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let current: Job | null = null;
    const next = (): void => {
      current = queue.shift() ?? null;
      if (!current) { child.kill(); resolve(); return; }
      child.send({ op: 'grade', file: current.file, id: current.id } satisfies WorkerRequest);
    };
    child.on('message', (m: WorkerReply) => {
      if (m.op === 'ready') next();
      else if (m.op === 'result') { onResult(m.result); next(); }
      else { child.kill(); reject(new Error(`grading worker failed${current ? ` on ${current.file}` : ''}: ${m.message}`)); }
    });
    child.on('exit', (code) => { if (current && queue.length >= 0 && code !== null && code !== 0) reject(new Error(`grading worker exited with code ${code}`)); });
    child.send({ op: 'init', assignment, bundle, limits } satisfies WorkerRequest);
  });
  await Promise.all(Array.from({ length: n }, run));
}
