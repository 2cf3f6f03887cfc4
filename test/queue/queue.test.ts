// Queue grading end to end against a real Redis: three `tsdl worker` processes grade a batch of
// 50 submissions that `tsdl grade --queue` enqueues; one worker is SIGKILLed while it holds a job and
// Redis is restarted mid-batch. The batch must complete with every submission stored exactly once
// and every result equal to local grading's.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUE_NAME, redisConnection } from '../../grader/queue/connection';
import { after, inGroup, killGroup, Proc, REPO, startTsdl, TSDL, until } from './processes';
import { freePort, RedisServer } from './redis';
import { ASSIGNMENT, Batch, writeBatch } from './submissions';

jest.setTimeout(900_000);

interface Row { submission: string; score: number; status: string; version: string | null; result_json: string }
const rows = (db: string): Row[] => {
  const d = new Database(db, { readonly: true });
  try { return d.prepare('SELECT submission, score, status, version, result_json FROM submissions ORDER BY submission').all() as Row[]; } finally { d.close(); }
};
const tests = (r: Row): unknown => (JSON.parse(r.result_json) as { tests: unknown }).tests;

let dir: string;
let batch: Batch;
let redis: RedisServer;
let queue: Queue;
let raw: IORedis;
const workers: Proc[] = [];
let producer: Proc;
let producerCode: number | null;
let killedHolding: string[] = [];
let completedAtRestart = -1;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-queue-'));
  batch = writeBatch(path.join(dir, 'submissions'));
  const local = spawnSync(process.execPath, [TSDL, 'grade', batch.dir, '-a', ASSIGNMENT, '--jobs', '2', '--timeout', '2', '--db', path.join(dir, 'local.sqlite')],
    { cwd: REPO, encoding: 'utf8', timeout: 600_000 });
  if (local.status !== 0) throw new Error(`local grading failed: ${local.stderr}`);

  redis = new RedisServer(path.join(dir, 'redis'), await freePort());
  await redis.start();
  const url = redis.url(1);
  queue = new Queue(QUEUE_NAME, { connection: redisConnection(url) });
  queue.on('error', () => undefined);
  raw = new IORedis({ port: redis.port, host: '127.0.0.1', db: 1 });
  raw.on('error', () => undefined);
  for (let i = 0; i < 3; i++) {
    workers.push(startTsdl(['worker', '--queue', url, '--jobs', '1', '--batch', '4', '--lock-duration', '4000', '--stalled-interval', '2000'], path.join(dir, `worker-${i}.log`)));
  }
  producer = startTsdl(['grade', batch.dir, '-a', ASSIGNMENT, '--queue', url, '--timeout', '2', '--db', path.join(dir, 'queue.sqlite'), '--json', path.join(dir, 'json')],
    path.join(dir, 'producer.log'), { TSDL_PROGRESS_INTERVAL: '5' });

  // Kill worker 0 while it holds a job: the job's lock names the process that took it.
  await until('worker 0 to hold a job after a few completions', async () => {
    const counts = await queue.getJobCounts('completed');
    if ((counts.completed ?? 0) < 3) return false;
    const held: string[] = [];
    for (const j of await queue.getActive()) {
      const token = await raw.get(`bull:${QUEUE_NAME}:${j.id}:lock`);
      const pid = Number(token?.split(':')[1]);
      if (pid && inGroup(workers[0], pid)) held.push(j.id!);
    }
    killedHolding = held;
    return held.length > 0;
  }, 400_000, 100);
  killGroup(workers[0]);

  await until('half the batch', async () => ((await queue.getJobCounts('completed')).completed ?? 0) >= batch.distinctContents / 2, 400_000);
  completedAtRestart = (await queue.getJobCounts('completed')).completed ?? 0;
  await redis.restart();

  producerCode = await Promise.race([producer.exited, after(600_000, -1)]);
}, 900_000);

afterAll(async () => {
  for (const w of workers) killGroup(w);
  if (producer) killGroup(producer);
  await queue?.close().catch(() => undefined);
  raw?.disconnect();
  await redis?.stop();
  if (process.env.TSDL_KEEP_TEST_DIR) console.log(dir); else fs.rmSync(dir, { recursive: true, force: true });
});

test('the batch has at least 50 submissions of every kind and one duplicate', () => {
  expect(batch.files.length).toBeGreaterThanOrEqual(50);
  for (const kind of ['correct', 'wrong', 'throws', 'hostile', 'broken', 'released']) expect(batch.files.some((f) => f.startsWith(kind))).toBe(true);
  expect(batch.distinctContents).toBe(batch.files.length - 1);
});

test('a worker was killed holding a job and Redis restarted mid-batch', () => {
  expect(killedHolding.length).toBeGreaterThan(0);
  expect(completedAtRestart).toBeGreaterThan(0);
  expect(completedAtRestart).toBeLessThan(batch.distinctContents);
});

test('the producer finished and reported every submission', () => {
  expect({ code: producerCode, log: producerCode === 0 ? '' : producer.out() }).toEqual({ code: 0, log: '' });
  expect(producer.out()).toMatch(new RegExp(`${batch.files.length} submissions graded`));
  expect(producer.out()).toMatch(/grading: \d+\/50 done, 0 failed/);
});

test('every submission is in the gradebook exactly once, graded, with nothing replaced', () => {
  const q = rows(path.join(dir, 'queue.sqlite'));
  expect(q.map((r) => r.submission)).toEqual(batch.files);
  expect(q.every((r) => r.status === 'graded' && r.version !== null)).toBe(true);
  const d = new Database(path.join(dir, 'queue.sqlite'), { readonly: true });
  expect(d.prepare('SELECT COUNT(*) AS n FROM history').get()).toEqual({ n: 0 });
  d.close();
});

test('each distinct notebook was one job, and every job completed', async () => {
  const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
  expect(counts).toEqual({ completed: batch.distinctContents, failed: 0, waiting: 0, active: 0, delayed: 0 });
});

test('every result equals local grading\'s', () => {
  const local = new Map(rows(path.join(dir, 'local.sqlite')).map((r) => [r.submission, r]));
  const q = rows(path.join(dir, 'queue.sqlite'));
  expect(q.map((r) => [r.submission, r.score])).toEqual(q.map((r) => [r.submission, local.get(r.submission)?.score]));
  for (const r of q) expect({ submission: r.submission, tests: tests(r) }).toEqual({ submission: r.submission, tests: tests(local.get(r.submission)!) });
  expect(new Set(q.map((r) => r.score)).size).toBeGreaterThan(3);
});

test('the JSON reports name the instructor\'s files, not the workers\' copies', () => {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'json', 'index.json'), 'utf8')) as Record<string, string>;
  expect(Object.keys(index).sort()).toEqual(batch.files);
  const j = JSON.parse(fs.readFileSync(path.join(dir, 'json', index['correct-00.ipynb']), 'utf8')) as { score: number };
  expect(j.score).toBe(10);
  const stored = JSON.parse(rows(path.join(dir, 'queue.sqlite'))[0].result_json) as { file: string };
  expect(stored.file.startsWith(batch.dir)).toBe(true);
});

test('tsdl status reports the queue', () => {
  const s = spawnSync(process.execPath, [TSDL, 'status', '--queue', redis.url(1), '--json'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  expect(s.status).toBe(0);
  const st = JSON.parse(s.stdout) as { completed: number; waiting: number; workers: { name: string }[] };
  expect(st.completed).toBe(batch.distinctContents);
  expect(st.waiting).toBe(0);
  expect(st.workers.length).toBe(2);
  expect(st.workers.every((w) => w.name.startsWith('tsdl-worker:'))).toBe(true);
});
