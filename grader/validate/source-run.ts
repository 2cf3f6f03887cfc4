/**
 * Runs the source notebook headless, as `tsdl run` does (a child process: tslab's state is
 * process-wide), and reports every cell that failed and every public check that printed ✗: the
 * reference solution is what the expected values come from, so its bugs are caught here.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readNotebook } from '../notebook';
import type { Output } from '../notebook';
import { CheckResult, checkResult } from './check';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'tsdl.js');

const text = (o: Output): string => ('text' in o && typeof o.text === 'string' ? o.text : '');
// Public checks print in color; the check's own words are what the instructor needs.
const plain = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

export interface SourceRunOptions { env?: Record<string, string>; timeoutSec?: number }

export async function sourceRunCheck(sourceFile: string, opts: SourceRunOptions = {}): Promise<CheckResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-validate-run-'));
  const out = path.join(tmp, 'executed.ipynb');
  try {
    const args = [BIN, 'run', sourceFile, '--out', out, '--allow-errors', '--timeout', String(opts.timeoutSec ?? 600)];
    const stderr = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      child.on('close', () => resolve(err));
    });
    if (!fs.existsSync(out)) return checkResult('source notebook does not run headless', [`tsdl run wrote no notebook:\n${stderr.trim().slice(-2000)}`]);
    const problems: string[] = [];
    let codeCell = 0;
    for (const cell of readNotebook(out).cells) {
      if (cell.cell_type !== 'code') continue;
      codeCell++;
      const where = `code cell ${codeCell}${cell.execution_count != null ? ` (In [${cell.execution_count}])` : ''}`;
      for (const o of cell.outputs) {
        if (o.output_type === 'error') problems.push(`${where} failed: ${o.ename}: ${String(o.evalue).split('\n')[0].slice(0, 300)}`);
        if (o.output_type === 'stream') for (const l of plain(text(o)).split('\n')) if (l.includes('✗')) problems.push(`${where} printed: ${l.trim()}`);
      }
    }
    return checkResult('source notebook, run headless: cells failed or public checks printed ✗ (the reference solution is what hidden tests expect)', problems,
      `source notebook runs headless: ${codeCell} code cells, none failed, no public check printed ✗`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
