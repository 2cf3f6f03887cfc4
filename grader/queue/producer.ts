/**
 * The instructor's side of queue grading: puts each submission on the queue (one job per distinct
 * notebook) and waits until every job has a result, delivering one result per submission through
 * `onResult`, as the local pool does. Completion events bring results quickly; a periodic sweep of
 * the jobs still pending catches anything an event missed (a Redis restart) and re-adds a job Redis
 * lost, so nothing is waited for forever and nothing is delivered twice.
 */
import { Job as BullJob, Queue, QueueEvents } from 'bullmq';
import type { Job } from '../batch/pool';
import type { SubmissionResult } from '../grade/grade';
import type { Limits } from '../sandbox/client';
import { QUEUE_NAME, redisConnection } from './connection';
import { encodeJob, GradingJob } from './payload';
import { forSubmission, gradingFailed, parseReturnValue } from './results';
import { JOB_OPTIONS } from './settings';

export interface ProducerOptions {
  url: string;
  /** As given to `tsdl grade -a` (id or folder); `assignmentId` is what results are stored under. */
  assignment: string;
  assignmentId: string;
  version: string;
  limits: Limits;
  log?: (line: string) => void;
  sweepMs?: number;
}

const SWEEP_BATCH = 500;

export async function gradeOnQueue(opts: ProducerOptions, jobs: Job[], onResult: (r: SubmissionResult) => void): Promise<void> {
  if (jobs.length === 0) return;
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const connection = redisConnection(opts.url);
  const started = Date.now();

  const pending = new Map<string, { data: GradingJob; subs: Job[] }>();
  for (const j of jobs) {
    const e = encodeJob(j.file, { assignment: opts.assignment, assignmentId: opts.assignmentId, version: opts.version, limits: opts.limits });
    const p = pending.get(e.id);
    if (p) p.subs.push(j); else pending.set(e.id, { data: e.data, subs: [j] });
  }

  const queue = new Queue<GradingJob>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => { finish = resolve; });
  const deliver = (id: string, make: (sub: Job) => SubmissionResult): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    for (const sub of p.subs) onResult(make(sub));
    if (pending.size === 0) finish();
  };
  const completed = (id: string, value: unknown): void => {
    const r = parseReturnValue(value);
    if (r) deliver(id, (sub) => forSubmission(r, sub));
    else deliver(id, (sub) => gradingFailed(sub, opts.assignmentId, 'the worker returned no readable result'));
  };
  const failed = (id: string, reason: string): void => deliver(id, (sub) => gradingFailed(sub, opts.assignmentId, reason));

  events.on('completed', ({ jobId, returnvalue }) => completed(jobId, returnvalue));
  // QueueEvents reports 'failed' only when no attempt is left.
  events.on('failed', ({ jobId, failedReason }) => failed(jobId, failedReason));
  events.on('error', () => undefined);
  queue.on('error', () => undefined);

  const add = async (ids: string[]): Promise<void> => {
    for (let i = 0; i < ids.length; i += 200) {
      await queue.addBulk(ids.slice(i, i + 200).map((id) => ({ name: opts.assignmentId, data: pending.get(id)!.data, opts: { ...JOB_OPTIONS, jobId: id } })));
    }
  };

  const retried = new Set<string>();
  let cursor = 0;
  let warnedNoWorkers = false;
  /** Looks at up to SWEEP_BATCH pending jobs in Redis and settles the ones that are finished. */
  const sweep = async (): Promise<void> => {
    const ids = [...pending.keys()];
    if (ids.length === 0) return;
    cursor %= ids.length;
    const slice = ids.slice(cursor, cursor + SWEEP_BATCH);
    cursor += slice.length;
    const missing: string[] = [];
    await Promise.all(slice.map(async (id) => {
      const job = await BullJob.fromId<GradingJob>(queue, id);
      if (!job) { missing.push(id); return; }
      const state = await job.getState();
      if (state === 'completed') completed(id, job.returnvalue);
      else if (state === 'failed') {
        // A job that had already failed before this run gets another round of attempts once.
        if ((job.finishedOn ?? 0) < started && !retried.has(id)) { retried.add(id); await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }); }
        else failed(id, job.failedReason || 'the job failed');
      }
    }));
    if (missing.length) { log(`re-adding ${missing.length} job(s) the queue no longer has`); await add(missing); }
    if (!warnedNoWorkers && (await queue.getWorkersCount()) === 0) {
      warnedNoWorkers = true;
      log(`no worker is connected to the queue yet; start one with: tsdl worker --queue ${opts.url}`);
    }
  };

  let sweepError = '';
  const timer = setInterval(() => {
    sweep().then(() => { sweepError = ''; }, (e: Error) => {
      if (e.message !== sweepError) log(`queue unreachable, retrying: ${e.message}`);
      sweepError = e.message;
    });
  }, opts.sweepMs ?? 2000);
  try {
    await events.waitUntilReady();
    await add([...pending.keys()]);
    await sweep();
    await allDone;
  } finally {
    clearInterval(timer);
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
}
