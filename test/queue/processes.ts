/** Starting `tsdl` commands as separate process groups, so a SIGKILL takes a worker and everything it started. */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const TSDL = path.join(REPO, 'bin', 'tsdl.js');

export interface Proc { child: ChildProcess; out: () => string; exited: Promise<number | null> }

export function startTsdl(args: string[], logFile: string, env: NodeJS.ProcessEnv = {}): Proc {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [TSDL, ...args], { cwd: REPO, detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...env } });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => fs.readFileSync(logFile, 'utf8'), exited };
}

/** Kills the process group (the command, its grading processes and their sandboxes). */
export function killGroup(p: Proc, signal: NodeJS.Signals = 'SIGKILL'): void {
  try { process.kill(-p.child.pid!, signal); } catch { /* already gone */ }
}

/** Whether `pid` belongs to the process group of `p`. */
export function inGroup(p: Proc, pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[2]) === p.child.pid;
  } catch { return false; }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves with `value` after `ms` without keeping the process alive (for races against a process's exit). */
export const after = <T>(ms: number, value: T): Promise<T> => new Promise((r) => { setTimeout(() => r(value), ms).unref(); });

export async function until(what: string, cond: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
