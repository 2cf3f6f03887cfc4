/**
 * The operating-system wall around a sandbox process: bubblewrap (new network, PID, IPC, UTS, user
 * and mount namespaces: no network at all, not even the host's loopback; a read-only view of the
 * Node binary, the system libraries and the sandbox bundle only; a private /tmp), started as an
 * unprivileged user when the grader runs as root, under rlimits set by prlimit.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface Isolation {
  /** 'bwrap': the OS wall; 'none': only Node's permission model and the V8 realm (--unsafe-no-isolation). */
  mode: 'bwrap' | 'none';
}

export const NOBODY = 65534;

let probed: string | null | undefined;

/** null when bubblewrap works here; otherwise why not, and how to install it. */
export function bubblewrapProblem(): string | null {
  if (probed !== undefined) return probed;
  const bwrap = findOnPath('bwrap');
  const prlimit = findOnPath('prlimit');
  if (!bwrap || !prlimit) {
    probed = `grading needs bubblewrap (bwrap) and prlimit to isolate submissions, and ${!bwrap ? 'bwrap' : 'prlimit'} was not found.\n`
      + 'Install them (Debian/Ubuntu: sudo apt-get install bubblewrap util-linux), or run `npm run setup`;\n'
      + 'to grade without OS isolation anyway (never for credit), pass --unsafe-no-isolation.';
    return probed;
  }
  const r = spawnSync(bwrap, [...namespaceArgs(), ...viewArgs([]), '--', process.execPath, '-e', '0'], {
    encoding: 'utf8', timeout: 10_000, ...asNobody(),
  });
  probed = r.status === 0 ? null
    : `bubblewrap is installed but could not start a sandbox here (${(r.stderr || r.error?.message || `exit ${r.status}`).trim().slice(0, 300)}).\n`
      + 'It needs user namespaces (sysctl kernel.unprivileged_userns_clone=1 on some kernels).\n'
      + 'To grade without OS isolation anyway (never for credit), pass --unsafe-no-isolation.';
  return probed;
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter)) {
    if (!dir) continue;
    const f = path.join(dir, name);
    try { fs.accessSync(f, fs.constants.X_OK); return f; } catch { /* next */ }
  }
  return null;
}

/** Started as root, the sandbox (bwrap included) runs as nobody; otherwise as the current user. */
export function asNobody(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
}

function namespaceArgs(): string[] {
  return ['--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL',
    '--uid', String(NOBODY), '--gid', String(NOBODY), '--hostname', 'sandbox', '--clearenv'];
}

/** Read-only binds of the Node binary, the libraries it links and `readable`; nothing else of the host. */
function viewArgs(readable: string[]): string[] {
  const args: string[] = ['--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'];
  const node = fs.realpathSync(process.execPath);
  for (const dir of ['/usr/lib', '/usr/lib64', '/lib', '/lib64', '/lib32', '/usr/lib32']) {
    let st: fs.Stats;
    try { st = fs.lstatSync(dir); } catch { continue; }
    if (st.isSymbolicLink()) args.push('--symlink', fs.readlinkSync(dir), dir);
    else if (st.isDirectory()) args.push('--ro-bind', dir, dir);
  }
  args.push('--ro-bind', node, node);
  for (const p of readable) args.push('--ro-bind', p, p);
  args.push('--chdir', '/');
  return args;
}

export interface Rlimits { addressSpaceMb: number; cpuSeconds: number; processes: number; fileBytes: number; openFiles: number }

/**
 * The command and arguments that start `nodeArgs` under the chosen isolation. `seccompFd`: a file
 * descriptor of the child from which bubblewrap reads the seccomp filter (seccomp.ts).
 */
export function isolatedCommand(iso: Isolation, readable: string[], nodeArgs: string[], limits: Rlimits, seccompFd?: number): { file: string; args: string[] } {
  const rl = [`--as=${limits.addressSpaceMb * 1024 * 1024}`, `--cpu=${limits.cpuSeconds}`,
    `--fsize=${limits.fileBytes}`, `--nofile=${limits.openFiles}`, '--core=0'];
  // RLIMIT_NPROC counts every process of the user; it is only meaningful for the dedicated user nobody.
  if (asNobody().uid !== undefined) rl.push(`--nproc=${limits.processes}`);
  const node = fs.realpathSync(process.execPath);
  if (iso.mode === 'none') return { file: 'prlimit', args: [...rl, '--', node, ...nodeArgs] };
  const filter = seccompFd === undefined ? [] : ['--seccomp', String(seccompFd)];
  return { file: 'prlimit', args: [...rl, '--', 'bwrap', ...namespaceArgs(), ...filter, ...viewArgs(readable), '--', node, ...nodeArgs] };
}
