/** A queue's state for `tsdl status`: job counts by state and the workers connected. */
import { Queue } from 'bullmq';
import { QUEUE_NAME, redisConnection } from './connection';

export interface QueueStatus {
  waiting: number; active: number; delayed: number; completed: number; failed: number;
  workers: { name: string; addr: string; age: number }[];
}

export async function queueStatus(url: string): Promise<QueueStatus> {
  // One try per command: a status query should report an unreachable Redis, not wait for it.
  const queue = new Queue(QUEUE_NAME, { connection: { ...redisConnection(url), maxRetriesPerRequest: 1, retryStrategy: () => null } });
  queue.on('error', () => undefined);
  try {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    // BullMQ names a worker's connection bull:<queue>:w:<worker name>.
    const workers = (await queue.getWorkers()).map((w) => ({ name: String(w.rawname ?? w.name ?? '').replace(/^.*?:w:/, ''), addr: String(w.addr ?? ''), age: Number(w.age ?? 0) }));
    return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, completed: c.completed ?? 0, failed: c.failed ?? 0, workers };
  } catch (e) {
    throw new Error(`cannot read the queue at ${url}: ${(e as Error).message}`);
  } finally {
    await queue.close().catch(() => undefined);
  }
}

export function formatStatus(url: string, s: QueueStatus): string {
  const lines = [
    `queue ${QUEUE_NAME} at ${url}`,
    `  waiting ${s.waiting}, active ${s.active}, delayed (retry) ${s.delayed}, completed ${s.completed}, failed ${s.failed}`,
    `  workers: ${s.workers.length}`,
    ...s.workers.map((w) => `    ${w.name || '(unnamed)'} ${w.addr} connected ${w.age} s`),
  ];
  return lines.join('\n');
}
