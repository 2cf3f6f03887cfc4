// `tsdl run <notebook.ipynb>`: execute a notebook headless and write the executed copy.
import path from 'path';
import { Command, InvalidArgumentError } from 'commander';
import { readNotebook, writeNotebook } from '../notebook';
import { runNotebook } from '../run';

export interface RunCommandOptions {
  out?: string;
  allowErrors?: boolean;
  timeout?: number;
  fullCheck?: boolean;
}

/** `x.ipynb` → `x.executed.ipynb` in the same folder. */
export function defaultExecutedPath(notebook: string): string {
  const dir = path.dirname(notebook);
  const base = path.basename(notebook).replace(/\.ipynb$/i, '');
  return path.join(dir, `${base}.executed.ipynb`);
}

function seconds(value: string): number {
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return s;
}

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 200 ? line.slice(0, 197) + '...' : line;
}

/** Runs the command; returns the process exit code. */
export async function runCommand(notebook: string, opts: RunCommandOptions): Promise<number> {
  const input = readNotebook(notebook);
  const out = opts.out ?? defaultExecutedPath(notebook);
  const result = await runNotebook(input, {
    notebookPath: notebook,
    allowErrors: opts.allowErrors,
    timeoutSec: opts.timeout,
    fullCheck: opts.fullCheck,
  });
  writeNotebook(out, result.notebook);
  for (const f of result.failures) {
    const what = f.timedOut ? 'timed out' : 'failed';
    // Cells are named as the notebook shows them: 1-based among code cells, and In [n].
    const codeCell = result.notebook.cells.slice(0, f.index + 1).filter((c) => c.cell_type === 'code').length;
    console.error(`tsdl run: code cell ${codeCell} (In [${f.executionCount}]) ${what}: ${f.error!.ename}: ${firstLine(f.error!.evalue)}`);
  }
  const codeCells = result.notebook.cells.filter((c) => c.cell_type === 'code').length;
  console.log(
    `tsdl run: ${result.cells.length} of ${codeCells} code cells run, ${result.failures.length} failed` +
      `${result.interrupted ? ', interrupted' : ''}; compile ${fmtS(result.compileMs)}, run ${fmtS(result.runMs)}` +
      ` (startup ${fmtS(result.startupMs)}, wall ${fmtS(result.wallMs)}) → ${out}`,
  );
  if (result.interrupted) return 130;
  return result.failures.length > 0 && !opts.allowErrors ? 1 : 0;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('execute a notebook headless, with the tslab kernel\'s semantics, and write the executed notebook')
    .argument('<notebook>', 'the .ipynb file to run (its folder is the cells\' working directory)')
    .option('-o, --out <file>', 'where to write the executed notebook (default: <name>.executed.ipynb beside the input)')
    .option('--allow-errors', 'run every cell even after one fails, and exit 0')
    .option('--timeout <seconds>', 'interrupt a cell that runs longer than this', seconds)
    .option('--full-check', 'also type-check imported files outside the notebook\'s folder (tslab does, then drops the result)')
    .action(async (notebook: string, opts: RunCommandOptions) => {
      const code = await runCommand(notebook, opts);
      // Cells may leave timers or handles behind; the kernel would be shut down here.
      process.exit(code);
    });
}
