/**
 * Starts and talks to a sandbox child: Node's permission model (read access to the child's own
 * bundle only; no writes, child processes or workers), a heap cap, a resident-memory watchdog and
 * a wall-clock limit per request. A child that dies or overruns is killed and the request fails
 * with a reason a student can act on; the next request starts a fresh child.
 */
import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import type { CompiledCell } from '../grade/executor';
import type { Wire } from '../grade/serialize';
import type { ErrorInfo, Reply, Request } from './protocol';

export interface Limits {
  /** Wall-clock limit per request, ms. */
  timeoutMs: number;
  /** Resident memory limit, MB (also bounds the V8 heap). */
  memoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 10_000, memoryMb: 1024 };

export class SandboxFailure extends Error {
  constructor(readonly kind: 'timeout' | 'memory' | 'crash', message: string) { super(message); }
}

type Pending = { resolve: (r: Reply) => void; reject: (e: Error) => void };

export class Sandbox {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private stderr = '';

  constructor(private readonly bundle: string, private readonly limits: Limits = DEFAULT_LIMITS) {}

  private start(): Promise<void> {
    const child = fork(this.bundle, [], {
      execArgv: [
        '--experimental-permission', `--allow-fs-read=${this.bundle}`,
        `--max-old-space-size=${Math.max(64, Math.floor(this.limits.memoryMb * 0.75))}`,
        '--no-warnings',
      ],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { NODE_ENV: 'production' },
      // V8's structured clone: submitted code cannot alter it the way it could patch JSON.stringify.
      serialization: 'advanced',
    });
    this.child = child;
    this.stderr = '';
    child.stderr?.on('data', (d: Buffer) => { if (this.stderr.length < 20_000) this.stderr += d.toString(); });
    this.ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: Reply): void => {
        if (m.op === 'ready') { resolve(); return; }
        if ('id' in m) { const p = this.pending.get(m.id); this.pending.delete(m.id); p?.resolve(m); }
      };
      child.on('message', onMsg);
      child.once('exit', (code, signal) => {
        const why = new SandboxFailure('crash', exitReason(code, signal, this.stderr));
        reject(why);
        for (const p of this.pending.values()) p.reject(why);
        this.pending.clear();
        if (this.child === child) { this.child = null; this.ready = null; }
      });
    });
    return this.ready;
  }

  private async request(build: (id: number) => Request): Promise<Reply> {
    if (!this.ready) void this.start().catch(() => undefined);
    await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const stop = (kind: SandboxFailure['kind'], msg: string): void => {
        clearTimeout(timer); clearInterval(watch);
        this.pending.delete(id);
        this.kill();
        reject(new SandboxFailure(kind, msg));
      };
      const timer = setTimeout(() => stop('timeout', `time limit reached (${this.limits.timeoutMs / 1000} s)`), this.limits.timeoutMs);
      const watch = setInterval(() => {
        const rss = residentMb(child.pid);
        if (rss > this.limits.memoryMb) stop('memory', `memory limit reached (${this.limits.memoryMb} MB)`);
      }, 50);
      this.pending.set(id, {
        resolve: (r) => { clearTimeout(timer); clearInterval(watch); resolve(r); },
        reject: (e) => { clearTimeout(timer); clearInterval(watch); reject(e); },
      });
      child.send(build(id));
    });
  }

  async exec(cells: CompiledCell[], into: 'student' | 'reference'): Promise<({ ok: true } | { ok: false; error: ErrorInfo })[]> {
    const r = await this.request((id) => ({ op: 'exec', id, cells, into }));
    if (r.op !== 'exec') throw new SandboxFailure('crash', 'unexpected reply from the sandbox');
    return r.results;
  }

  async call(fn: string, args: Wire[], opts: { seed?: number; references?: string[] } = {}): Promise<{ ok: true; value: Wire } | { ok: false; error: ErrorInfo }> {
    const r = await this.request((id) => ({ op: 'call', id, fn, args, seed: opts.seed, references: opts.references ?? [] }));
    if (r.op !== 'call') throw new SandboxFailure('crash', 'unexpected reply from the sandbox');
    return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
  }

  get alive(): boolean { return this.child !== null; }

  kill(): void {
    const c = this.child;
    this.child = null; this.ready = null;
    if (c && c.exitCode === null) c.kill('SIGKILL');
  }
}

function residentMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function exitReason(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return 'memory limit reached (the heap was exhausted)';
  if (signal) return `the grading process was stopped (${signal})`;
  return `the grading process ended unexpectedly (exit code ${code}); does the code call process.exit or crash Node?`;
}
