/**
 * Runs a notebook headless through the real CLI (`tsdl run`) in a child process and returns what
 * it printed, for the tests that check a notebook's output against the course's values.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');

interface Output { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown>; ename?: string; evalue?: string }
interface Cell { cell_type: string; source: string | string[]; outputs?: Output[]; metadata: Record<string, unknown> }

export interface NotebookRun {
  status: number | null;
  stderr: string;
  cells: Cell[];
  /** Every stdout line of every cell, in order. */
  lines: string[];
  displays: Output[];
  errors: Output[];
}

export function runNotebookCli(notebook: string, env: Record<string, string> = {}, timeoutMs = 900_000): NotebookRun {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-nb-')), 'executed.ipynb');
  const run = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'run', notebook, '--out', out],
    { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, ...env } });
  const cells: Cell[] = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as { cells: Cell[] }).cells : [];
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const outputs = cells.flatMap((c) => c.outputs ?? []);
  const text = (o: Output): string => (Array.isArray(o.text) ? o.text.join('') : o.text ?? '');
  const lines = outputs.filter((o) => o.output_type === 'stream' && o.name === 'stdout').flatMap((o) => text(o).split('\n'));
  return {
    status: run.status, stderr: run.stderr, cells, lines,
    displays: outputs.filter((o) => o.output_type === 'display_data'),
    errors: outputs.filter((o) => o.output_type === 'error'),
  };
}

/** The number printed after `prefix` on the n-th line that starts with it. */
export function printedNumber(lines: string[], prefix: string, occurrence = 0): number {
  const hits = lines.filter((l) => l.startsWith(prefix));
  if (hits.length <= occurrence) throw new Error(`no line #${occurrence + 1} starting with '${prefix}'`);
  return Number(hits[occurrence].slice(prefix.length).trim());
}

/** Lines starting with `prefix`, in order. */
export const linesWith = (lines: string[], prefix: string): string[] => lines.filter((l) => l.startsWith(prefix));
