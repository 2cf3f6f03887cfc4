/** Where the grading queue lives: a redis:// (or rediss://) URL parsed into BullMQ's connection options. */
import type { ConnectionOptions } from 'bullmq';

export const QUEUE_NAME = 'tsdl-grading';

export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try { u = new URL(url); } catch { throw new Error(`--queue expects a URL such as redis://127.0.0.1:6379/0, not '${url}'`); }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`--queue expects a redis:// or rediss:// URL, not '${url}'`);
  const db = u.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`the database in ${url} must be a number (redis://host:port/<db>)`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: db === '' ? 0 : Number(db),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // BullMQ's workers block on Redis; a restart must not fail their commands, only delay them.
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}
