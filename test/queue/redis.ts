/** A real redis-server for tests: a free 127.0.0.1 port, append-only file in a temp folder (a restart keeps the queue). */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

export const REDIS_SERVER = '/usr/bin/redis-server';

export { freePort } from '../helpers/free-port';

export class RedisServer {
  private proc: ChildProcess | null = null;
  constructor(readonly dir: string, readonly port: number) { fs.mkdirSync(dir, { recursive: true }); }

  url(db = 0): string { return `redis://127.0.0.1:${this.port}/${db}`; }

  start(): Promise<void> {
    const p = spawn(REDIS_SERVER, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes',
      '--dir', this.dir, '--daemonize', 'no', '--logfile', path.join(this.dir, 'redis.log')], { stdio: 'ignore' });
    this.proc = p;
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = (): void => {
        if (p.exitCode !== null) { reject(new Error(`redis-server exited: ${fs.readFileSync(path.join(this.dir, 'redis.log'), 'utf8').slice(-500)}`)); return; }
        const c = net.connect(this.port, '127.0.0.1');
        c.once('connect', () => { c.write('PING\r\n'); });
        c.once('data', (d) => { c.destroy(); if (d.toString().startsWith('+PONG')) resolve(); else setTimeout(poll, 100); });
        c.once('error', () => { c.destroy(); if (Date.now() - started > 10_000) reject(new Error('redis-server did not start')); else setTimeout(poll, 100); });
      };
      poll();
    });
  }

  /** SIGTERM: Redis flushes its append-only file and exits. */
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGTERM'); });
    this.proc = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
