/**
 * Starts and talks to a sandbox process (trusted side). Every byte it sends is treated as hostile:
 * frames over the size limit or of the wrong shape end the process; error texts are cut to a few
 * hundred characters. Limits: a wall clock per request and per submission, resident memory of the
 * whole process tree, the V8 heap, and the rlimits of isolate.ts. A process that dies or overruns
 * is killed and the request fails with a reason a student can act on; the next request starts a
 * fresh process.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import type { Readable, Writable } from 'stream';
import { encodeFrame, FrameError, FrameReader } from './frames';
import { asNobody, Isolation, isolatedCommand } from './isolate';
import { descendants, killTree } from './process-tree';
import { seccompFile } from './seccomp';
import { realmCache, SandboxBundle } from './bundle';
import type { ErrorInfo, Reply, TestRequest } from './protocol';
import type { Wire } from '../grade/serialize';

export interface Limits {
  /** Wall-clock limit per cell and per call, ms. */
  timeoutMs: number;
  /** Resident memory limit of the sandbox, MB (also bounds the V8 heap). */
  memoryMb: number;
  /** Wall-clock limit for a whole submission, ms. */
  submissionMs: number;
  /** Limit for type-checking one submitted cell (in the trusted process), ms. */
  compileMs?: number;
}

export const DEFAULT_LIMITS: Limits = { timeoutMs: 10_000, memoryMb: 1024, submissionMs: 120_000, compileMs: 20_000 };

export class SandboxFailure extends Error {
  constructor(readonly kind: 'timeout' | 'memory' | 'crash' | 'protocol', message: string) { super(message); }
}

export interface CellOutcome { ok: boolean; error?: ErrorInfo }
export type CaseOutcome = { ok: true; value: Wire } | { ok: false; error: ErrorInfo; timeout?: boolean };
export interface TestOutcome {
  cells: CellOutcome[];
  /** One entry per case that ran; missing entries did not run. */
  cases: (CaseOutcome | undefined)[];
  referenceFailed?: string;
}

const MAX_NAME = 100;
const MAX_MESSAGE = 600;

/** Cuts an error from the sandbox to what a report can hold. */
export function cleanError(e: unknown): ErrorInfo {
  const x = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
  const text = (v: unknown, n: number): string => (typeof v === 'string' ? (v.length > n ? `${v.slice(0, n)}…` : v) : '');
  const line = typeof x.line === 'number' && Number.isInteger(x.line) && x.line > 0 && x.line < 1e6 ? x.line : undefined;
  const cell = typeof x.cell === 'string' && /^[\w.-]{1,40}$/.test(x.cell) ? x.cell : undefined;
  return { name: text(x.name, MAX_NAME) || 'Error', message: text(x.message, MAX_MESSAGE), cell, line };
}

export class Sandbox {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private onReply: ((r: Reply) => void) | null = null;
  private onExit: ((why: SandboxFailure) => void) | null = null;
  private stderr = '';
  private readonly deadline: number;
  /** Whether the last sandbox process started used V8's code cache for the library (diagnostics). */
  codeCache: 'used' | 'rejected' | 'none' | 'unknown' = 'unknown';

  /** `addon`: the native addon's file, when this run uses it (loaded outside the student's realm). */
  constructor(private readonly bundle: SandboxBundle, private readonly isolation: Isolation,
    private readonly limits: Limits = DEFAULT_LIMITS, private readonly addon?: string) {
    this.deadline = Date.now() + limits.submissionMs;
  }

  private start(): Promise<void> {
    const heapMb = Math.max(64, Math.floor(this.limits.memoryMb * 0.75));
    const addon = this.addon ? ['--allow-addons', `--allow-fs-read=${this.addon}`] : [];
    // The addon's OpenBLAS is found through the loader's cache and Debian's alternatives links.
    const forAddon = this.addon ? [this.addon, '/etc/ld.so.cache', '/etc/alternatives'].filter((p) => fs.existsSync(p)) : [];
    const filter = this.isolation.mode === 'bwrap' ? seccompFile(this.bundle.dir) : null;
    const filterFd = filter ? fs.openSync(filter, 'r') : null;
    const cmd = isolatedCommand(this.isolation, [this.bundle.dir, ...forAddon], [
      '--experimental-permission', `--allow-fs-read=${this.bundle.dir}`, ...addon, `--max-old-space-size=${heapMb}`,
      '--no-warnings', '--disable-proto=throw', this.bundle.child, this.bundle.realm, realmCache(this.bundle, heapMb) ?? '-', ...(this.addon ? [this.addon] : []),
    ], {
      addressSpaceMb: 32 * 1024, cpuSeconds: Math.ceil(this.limits.submissionMs / 1000) + 5, processes: 512,
      fileBytes: 0, openFiles: 128,
    }, filterFd === null ? undefined : 4);
    let child: ChildProcess;
    try {
      child = spawn(cmd.file, cmd.args, {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', ...(filterFd === null ? [] : [filterFd])], env: { PATH: '/usr/bin:/bin' }, ...asNobody(),
      });
    } finally {
      if (filterFd !== null) fs.closeSync(filterFd);
    }
    this.child = child;
    this.stderr = '';
    child.stderr?.on('data', (d: Buffer) => { if (this.stderr.length < 20_000) this.stderr += d.toString(); });
    const channel = child.stdio[3] as unknown as Readable & Writable;
    const reader = new FrameReader((m) => {
      if (!m || typeof m !== 'object' || typeof (m as { op?: unknown }).op !== 'string') throw new FrameError('a message without an op');
      this.onReply?.(m as Reply);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.onReply = (m) => { if (m.op === 'ready') { this.codeCache = m.codeCache ?? 'none'; resolve(); } };
      this.onExit = (why) => reject(why);
    });
    channel.on('data', (chunk: Buffer) => {
      try { reader.push(chunk); } catch (e) {
        const why = new SandboxFailure('protocol', `the grading process sent ${e instanceof FrameError ? e.message : 'a malformed message'}`);
        this.failWith(child, why);
      }
    });
    channel.on('error', () => undefined);
    child.on('error', (e) => this.failWith(child, new SandboxFailure('crash', `the grading process could not start: ${e.message}`)));
    child.once('exit', (code, signal) => this.failWith(child, new SandboxFailure('crash', exitReason(code, signal, this.stderr))));
    return this.ready;
  }

  private failWith(child: ChildProcess, why: SandboxFailure): void {
    if (this.child !== child) return;
    this.kill();
    const cb = this.onExit;
    this.onExit = null;
    cb?.(why);
  }

  /** Starts the sandbox process now (it boots while the caller does other work, such as compiling). */
  prestart(): void {
    if (!this.ready) void this.start().catch(() => undefined);
  }

  /** Runs one function's test; resolves with what ran, or rejects with a SandboxFailure. */
  async test(req: Omit<TestRequest, 'op' | 'timeoutMs'>): Promise<TestOutcome> {
    const left = this.deadline - Date.now();
    if (left <= 0) throw new SandboxFailure('timeout', `the submission's time limit was reached (${this.limits.submissionMs / 1000} s in all)`);
    if (!this.ready) void this.start().catch(() => undefined);
    await this.ready;
    const child = this.child!;
    const channel = child.stdio[3] as unknown as Writable;
    const outcome: TestOutcome = { cells: [], cases: [] };
    const budget = Math.min(left, this.limits.timeoutMs * (req.cells.length + req.cases.length + (req.references?.cells.length ?? 0)) + 5_000);
    return new Promise<TestOutcome>((resolve, reject) => {
      const finish = (e?: SandboxFailure): void => {
        clearTimeout(timer); clearInterval(watch);
        this.onReply = null; this.onExit = null;
        if (e) { this.kill(); reject(Object.assign(e, { partial: outcome })); } else resolve(outcome);
      };
      const timer = setTimeout(() => finish(new SandboxFailure('timeout', left < budget
        ? `the submission's time limit was reached (${this.limits.submissionMs / 1000} s in all)`
        : `time limit reached (${this.limits.timeoutMs / 1000} s)`)), budget);
      const watch = setInterval(() => {
        if (treeRssMb(child.pid) > this.limits.memoryMb) finish(new SandboxFailure('memory', `memory limit reached (${this.limits.memoryMb} MB)`));
      }, 50);
      this.onExit = (why) => finish(why);
      this.onReply = (m) => {
        if (m.op === 'cell' && Number.isInteger(m.index) && m.index === outcome.cells.length && m.index < req.cells.length) {
          outcome.cells.push(m.ok === true ? { ok: true } : { ok: false, error: cleanError(m.error) });
        } else if (m.op === 'case' && Number.isInteger(m.index) && m.index >= outcome.cases.length && m.index < req.cases.length) {
          outcome.cases[m.index] = m.ok === true ? { ok: true, value: m.value } : { ok: false, error: cleanError(m.error), timeout: m.timeout === true };
        } else if (m.op === 'reference-failed') {
          outcome.referenceFailed = String((m as { message?: unknown }).message ?? '').slice(0, MAX_MESSAGE);
        } else if (m.op === 'fatal') {
          finish(new SandboxFailure('crash', `grader error in the sandbox: ${String((m as { message?: unknown }).message ?? '').slice(0, MAX_MESSAGE)}`));
        } else if (m.op === 'done') {
          finish();
        } else {
          finish(new SandboxFailure('protocol', 'the grading process sent a message out of order'));
        }
      };
      channel.write(encodeFrame({ op: 'test', timeoutMs: this.limits.timeoutMs, ...req } satisfies TestRequest));
    });
  }

  get alive(): boolean { return this.child !== null; }

  kill(): void {
    const c = this.child;
    this.child = null; this.ready = null;
    if (c && c.exitCode === null && c.signalCode === null) killTree(c.pid);
  }
}

/** Resident memory of a process and all its descendants (bubblewrap puts the sandbox one level down). */
function treeRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  let kb = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb / 1024;
}

function exitReason(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return 'memory limit reached (the heap was exhausted)';
  if (signal === 'SIGXCPU' || code === 152) return 'the CPU time limit of the submission was reached';
  if (signal) return `the grading process was stopped (${signal})`;
  return `the grading process ended unexpectedly (exit code ${code})${process.env.TSDL_SANDBOX_DEBUG ? `: ${stderr}` : ''}`;
}
