// A submission that keeps killing its workers: each worker that takes it is SIGKILLed while it holds
// the job. BullMQ's stalled-job check gives the job back twice (--max-stalled 1); the next worker
// to take it ends it, and the producer records "grading failed" with the reason: bounded, not lost,
// stored once.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { QUEUE_NAME, redisConnection } from '../../grader/queue/connection';
import IORedis from 'ioredis';
import { after, inGroup, killGroup, Proc, sleep, startTsdl, until } from './processes';
import { freePort, RedisServer } from './redis';

jest.setTimeout(600_000);

const TOY = path.join(__dirname, '..', 'fixtures', 'grader', 'toy');
let dir: string;
let redis: RedisServer;
let queue: Queue;
let raw: IORedis;
const procs: Proc[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-stalled-'));
  redis = new RedisServer(path.join(dir, 'redis'), await freePort());
  await redis.start();
  queue = new Queue(QUEUE_NAME, { connection: redisConnection(redis.url(2)) });
  queue.on('error', () => undefined);
  raw = new IORedis({ host: '127.0.0.1', port: redis.port, db: 2 });
  raw.on('error', () => undefined);
});

afterAll(async () => {
  for (const p of procs) killGroup(p);
  await queue?.close().catch(() => undefined);
  raw?.disconnect();
  await redis?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a job whose workers keep dying ends as one "grading failed" result', async () => {
  const subs = path.join(dir, 'subs');
  fs.mkdirSync(subs);
  // Grading this one takes a minute (an endless loop against a 60 s limit): long enough to be killed holding it.
  const nb = JSON.parse(fs.readFileSync(path.join(TOY, 'source.ipynb'), 'utf8')) as { cells: { source: string | string[] }[] };
  const cell = nb.cells.find((c) => [c.source].flat().join('').startsWith('// GRADED FUNCTION: scale'))!;
  cell.source = [cell.source].flat().join('').replace(/\/\/ BEGIN SOLUTION\n[\s\S]*?\/\/ END SOLUTION\n/, 'while (true) { /* spin */ }\n');
  fs.writeFileSync(path.join(subs, 'killer.ipynb'), JSON.stringify(nb));
  const db = path.join(dir, 'grades.sqlite');
  const url = redis.url(2);
  const producer = startTsdl(['grade', subs, '-a', TOY, '--queue', url, '--timeout', '60', '--db', db], path.join(dir, 'producer.log'));
  procs.push(producer);

  let kills = 0;
  let outcome: number | null | 'running' = 'running';
  void producer.exited.then((c) => { outcome = c; });
  const holder = async (w: Proc): Promise<boolean> => {
    for (const j of await queue.getActive()) {
      const token = await raw.get(`bull:${QUEUE_NAME}:${j.id}:lock`);
      if (token && inGroup(w, Number(token.split(':')[1]))) return true;
    }
    return false;
  };
  // Each new worker also runs the stalled-job check that hands it the dead worker's job.
  for (let round = 0; round < 6 && outcome === 'running'; round++) {
    const w = startTsdl(['worker', '--queue', url, '--jobs', '1', '--lock-duration', '2000', '--stalled-interval', '1000', '--max-stalled', '1'],
      path.join(dir, `worker-${round}.log`));
    procs.push(w);
    await until('the worker to take the job, or the batch to end', async () => outcome !== 'running' || holder(w), 180_000, 100);
    if (outcome !== 'running') { killGroup(w); break; }
    await sleep(1000);
    // The worker that finds the job marked as stalled too often ends it at once instead of grading it.
    if (outcome !== 'running' || !(await holder(w))) { killGroup(w); break; }
    killGroup(w);
    kills++;
  }
  await Promise.race([producer.exited, after(120_000, null)]);
  // Exit status 2: the batch finished with a submission that could not be graded.
  expect({ code: outcome, kills }).toEqual({ code: 2, kills: 2 });
  expect(producer.out()).toMatch(/1 could not be graded completely/);
  const d = new Database(db, { readonly: true });
  const rows = d.prepare('SELECT submission, status, score, output FROM submissions').all() as { submission: string; status: string; score: number; output: string }[];
  d.close();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ submission: 'killer.ipynb', status: 'failed', score: 0 });
  expect(rows[0].output).toMatch(/^grading failed: its worker stopped while grading it 2 times \(job stalled more than allowable limit\)/);
  expect(await queue.getJobCounts('failed', 'waiting', 'active')).toEqual({ failed: 1, waiting: 0, active: 0 });
  expect(producer.out()).toMatch(/1 submissions graded/);
});
