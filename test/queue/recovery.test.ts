// Recovery paths of queue grading against a real Redis: a job Redis lost is queued again by the
// waiting producer; a second run over the same bytes adds no job and needs no worker (the results
// are already in Redis); a worker refuses a job queued under another hidden-tests version.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { QUEUE_NAME, redisConnection } from '../../grader/queue/connection';
import { GradingJob } from '../../grader/queue/payload';
import { JOB_OPTIONS } from '../../grader/queue/settings';
import { DEFAULT_LIMITS } from '../../grader/sandbox/client';
import { after, killGroup, Proc, startTsdl, until } from './processes';
import { freePort, RedisServer } from './redis';

jest.setTimeout(600_000);

const TOY = path.join(__dirname, '..', 'fixtures', 'grader', 'toy');
let dir: string, subs: string, url: string;
let redis: RedisServer;
let queue: Queue<GradingJob>;
const procs: Proc[] = [];
const worker = (name: string): Proc => {
  const w = startTsdl(['worker', '--queue', url, '--jobs', '1'], path.join(dir, `${name}.log`));
  procs.push(w);
  return w;
};
const scores = (db: string): unknown[] => {
  const d = new Database(db, { readonly: true });
  try { return d.prepare('SELECT submission, score, status FROM submissions ORDER BY submission').all(); } finally { d.close(); }
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-recovery-'));
  subs = path.join(dir, 'subs');
  fs.mkdirSync(subs);
  fs.copyFileSync(path.join(TOY, 'source.ipynb'), path.join(subs, 'good.ipynb'));
  fs.writeFileSync(path.join(subs, 'broken.ipynb'), '{"cells": [');
  redis = new RedisServer(path.join(dir, 'redis'), await freePort());
  await redis.start();
  url = redis.url(3);
  queue = new Queue<GradingJob>(QUEUE_NAME, { connection: redisConnection(url) });
  queue.on('error', () => undefined);
});

afterAll(async () => {
  for (const p of procs) killGroup(p);
  await queue?.close().catch(() => undefined);
  await redis?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const expected = [{ submission: 'broken.ipynb', score: 0, status: 'graded' }, { submission: 'good.ipynb', score: 4, status: 'graded' }];

test('a job Redis lost is queued again while the producer waits', async () => {
  const producer = startTsdl(['grade', subs, '-a', TOY, '--queue', url, '--db', path.join(dir, 'first.sqlite')], path.join(dir, 'first.log'));
  procs.push(producer);
  await until('both jobs to wait', async () => (await queue.getWaitingCount()) === 2, 120_000);
  const [lost] = await queue.getWaiting();
  await lost.remove();
  await until('the producer to queue it again', async () => /re-adding 1 job/.test(producer.out()) && (await queue.getWaitingCount()) === 2, 60_000);
  expect(producer.out()).toMatch(/no worker is connected to the queue yet; start one with: tsdl worker --queue/);
  const w = worker('worker-1');
  const code = await Promise.race([producer.exited, after(300_000, -1)]);
  killGroup(w);
  expect({ code, log: code === 0 ? '' : producer.out() }).toEqual({ code: 0, log: '' });
  expect(scores(path.join(dir, 'first.sqlite'))).toEqual(expected);
});

test('grading the same bytes again adds no job and needs no worker', async () => {
  const again = startTsdl(['grade', subs, '-a', TOY, '--queue', url, '--db', path.join(dir, 'second.sqlite')], path.join(dir, 'second.log'));
  procs.push(again);
  const code = await Promise.race([again.exited, after(120_000, -1)]);
  expect(code).toBe(0);
  expect(scores(path.join(dir, 'second.sqlite'))).toEqual(expected);
  expect(await queue.getJobCounts('completed', 'waiting', 'active')).toEqual({ completed: 2, waiting: 0, active: 0 });
});

test('a worker refuses a job queued under another hidden-tests version', async () => {
  const data: GradingJob = { assignment: TOY, assignmentId: 'toy', version: 'not-this-one', limits: DEFAULT_LIMITS, size: 2, notebook: '' };
  await queue.add('toy', data, { ...JOB_OPTIONS, backoff: { type: 'fixed', delay: 100 }, jobId: 'g-stale' });
  const w = worker('worker-2');
  await until('the stale job to fail', async () => (await queue.getJobState('g-stale')) === 'failed', 180_000);
  killGroup(w);
  const job = (await queue.getJob('g-stale'))!;
  expect(job.attemptsMade).toBe(JOB_OPTIONS.attempts);
  expect(job.failedReason).toMatch(/^worker \S+ has hidden-tests version [0-9a-f]{16} of toy, the job needs not-this-one: update the worker's repository$/);
});
