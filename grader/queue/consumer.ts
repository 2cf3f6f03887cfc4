/**
 * The worker's side of queue grading. Each lane takes a few jobs (fewer as the queue empties, so the
 * last ones spread over all workers), writes their notebooks to a private temporary folder and grades
 * them with the local pool, in the same sandboxes as local grading; each result completes its job as
 * soon as it exists. Locks are extended while a lane grades; a worker that dies stops extending them,
 * and BullMQ's stalled-job check (run by every worker) puts its jobs back for another.
 */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Job as BullJob, Queue, UnrecoverableError, Worker } from 'bullmq';
import { gradeAll, Job } from '../batch/pool';
import { assignmentVersion } from '../grade/version';
import { resultStatus } from '../gradebook/status';
import { QUEUE_NAME, redisConnection } from './connection';
import { GradingJob, writeJobNotebook } from './payload';

export interface ConsumerOptions {
  url: string;
  /** Submissions graded at the same time (each in its own grading process). */
  lanes: number;
  /** Most jobs a lane takes at once (the pool's start-up cost is paid once per batch). */
  batch: number;
  run: Parameters<typeof gradeAll>[2]['run'];
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  log: (line: string) => void;
}

interface Held { job: BullJob<GradingJob>; token: string; settled: boolean }

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class QueueConsumer {
  private readonly worker: Worker<GradingJob>;
  private readonly queue: Queue<GradingJob>;
  private readonly id = `${os.hostname()}:${process.pid}`;
  private closing = false;
  private lanes: Promise<void>[] = [];
  private tokens = 0;

  constructor(private readonly o: ConsumerOptions) {
    const connection = redisConnection(o.url);
    this.worker = new Worker<GradingJob>(QUEUE_NAME, null, {
      connection, name: `tsdl-worker:${this.id}`,
      lockDuration: o.lockDurationMs, stalledInterval: o.stalledIntervalMs, maxStalledCount: o.maxStalledCount,
    });
    this.queue = new Queue<GradingJob>(QUEUE_NAME, { connection });
    this.worker.on('error', () => undefined);
    this.queue.on('error', () => undefined);
  }

  async start(): Promise<void> {
    await this.worker.waitUntilReady();
    await this.worker.startStalledCheckTimer();
    this.lanes = Array.from({ length: Math.max(1, this.o.lanes) }, () => this.lane());
  }

  /** Stops taking jobs; resolves when the jobs already taken have results. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.lanes);
    await this.worker.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }

  private token(): string { return `${this.id}:${randomUUID()}:${this.tokens++}`; }

  private async lane(): Promise<void> {
    let lastError = '';
    while (!this.closing) {
      try {
        const token = this.token();
        const first = await this.worker.getNextJob(token, { block: true });
        lastError = '';
        if (!first || this.closing) { if (first) await first.moveToWait(token).catch(() => undefined); continue; }
        const held: Held[] = [{ job: first, token, settled: false }];
        const more = await this.share();
        while (held.length < 1 + more) {
          const t = this.token();
          const j = await this.worker.getNextJob(t, { block: false });
          if (!j) break;
          held.push({ job: j, token: t, settled: false });
        }
        await this.grade(held);
      } catch (e) {
        const msg = (e as Error).message;
        if (msg !== lastError) this.o.log(`queue unreachable, retrying: ${msg}`);
        lastError = msg;
        await sleep(1000);
      }
    }
  }

  /** How many more jobs this lane takes: its share of what is waiting, split over every lane of every worker. */
  private async share(): Promise<number> {
    const [waiting, workers] = await Promise.all([this.queue.getWaitingCount(), this.queue.getWorkersCount()]);
    const lanes = Math.max(1, workers) * Math.max(1, this.o.lanes);
    return Math.max(0, Math.min(this.o.batch - 1, Math.ceil(waiting / lanes)));
  }

  private async grade(held: Held[]): Promise<void> {
    const started = Date.now();
    const keepLocks = setInterval(() => {
      for (const h of held) if (!h.settled) h.job.extendLock(h.token, this.o.lockDurationMs).catch(() => undefined);
    }, Math.max(250, Math.floor(this.o.lockDurationMs / 3)));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-worker-'));
    const settling: Promise<unknown>[] = [];
    const fail = (h: Held, reason: string, final = false): void => {
      if (h.settled) return;
      h.settled = true;
      settling.push(h.job.moveToFailed(final ? new UnrecoverableError(reason) : new Error(reason), h.token, false).catch((e: Error) => this.o.log(`job ${h.job.id}: ${e.message}`)));
    };
    try {
      const groups = new Map<string, { data: GradingJob; items: { h: Held; job: Job }[] }>();
      const versions = new Map<string, string>();
      held.forEach((h, i) => {
        const d = h.job.data;
        // The stalled-job check marks a job whose workers keep dying; processing it must end it (as BullMQ's own processor does).
        if (h.job.deferredFailure) {
          fail(h, `its worker stopped while grading it ${h.job.stalledCounter} times (${h.job.deferredFailure})`, true);
          return;
        }
        try {
          if (!versions.has(d.assignment)) versions.set(d.assignment, assignmentVersion(d.assignment));
          const mine = versions.get(d.assignment);
          if (mine !== d.version) { fail(h, `worker ${this.id} has hidden-tests version ${mine} of ${d.assignmentId}, the job needs ${d.version}: update the worker's repository`); return; }
          const file = path.join(dir, `${i}.ipynb`);
          writeJobNotebook(d, file);
          const key = JSON.stringify([d.assignment, d.limits]);
          if (!groups.has(key)) groups.set(key, { data: d, items: [] });
          groups.get(key)!.items.push({ h, job: { file, id: h.job.id! } });
        } catch (e) {
          fail(h, (e as Error).message);
        }
      });
      for (const g of groups.values()) {
        const byId = new Map(g.items.map((it) => [it.job.id, it.h]));
        try {
          await gradeAll(g.data.assignment, g.items.map((it) => it.job), { workers: 1, run: this.o.run, limits: g.data.limits }, (r) => {
            const h = byId.get(r.submission);
            if (!h || h.settled) return;
            // A result the grader could not finish is tried again on any worker; the last attempt's
            // result is delivered as it is (status failed, with what was graded), as local grading records it.
            if (resultStatus(r) === 'failed' && h.job.attemptsMade + 1 < (h.job.opts.attempts ?? 1)) { fail(h, r.output); return; }
            h.settled = true;
            settling.push(h.job.moveToCompleted(r, h.token, false).catch((e: Error) => this.o.log(`job ${h.job.id}: ${e.message}`)));
          });
        } catch (e) {
          for (const it of g.items) fail(it.h, (e as Error).message);
        }
        for (const it of g.items) fail(it.h, 'the grading pool returned no result');
      }
    } finally {
      await Promise.all(settling);
      clearInterval(keepLocks);
      fs.rmSync(dir, { recursive: true, force: true });
      this.o.log(`took ${held.length} job(s), finished them in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
}
