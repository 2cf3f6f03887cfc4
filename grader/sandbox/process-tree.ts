/**
 * Kills a process and every process below it (a grading worker, its sandboxes and their bubblewrap
 * monitors), all at once, so nothing the batch started is left running when it ends.
 */
import * as fs from 'fs';

export function descendants(pid: number): number[] {
  const out: number[] = [];
  const stack = [pid];
  while (stack.length && out.length < 4096) {
    const p = stack.pop()!;
    let tasks: string[] = [];
    try { tasks = fs.readdirSync(`/proc/${p}/task`); } catch { continue; }
    for (const t of tasks) {
      let kids = '';
      try { kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim(); } catch { continue; }
      for (const k of kids ? kids.split(/\s+/) : []) { out.push(Number(k)); stack.push(Number(k)); }
    }
  }
  return out;
}

export function killTree(pid: number | undefined): void {
  if (!pid) return;
  for (const p of [pid, ...descendants(pid)]) {
    try { process.kill(p, 'SIGKILL'); } catch { /* gone already */ }
  }
}
