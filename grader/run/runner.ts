// Headless notebook runner with the tslab kernel's semantics, in this process.
//
// What the kernel does (tslab/dist/main.js, jupyter.js) and what this does the same way:
// - converter and executor built by tslab's createConverter/createExecutor, rooted at the
//   notebook's folder, which is also the process's cwd while cells run;
// - cells run in order through executor.execute(), one execution count per run cell;
// - process.stdout/stderr writes go to the running cell (and, after it finished, still to it
//   until the next cell starts), tslab's display API writes display_data through the
//   `lastWriteDisplayData` hook;
// - the value of a cell's last expression is printed by the executor with console.log, so it
//   arrives as stdout text (tslab sends no execute_result);
// - uncaught exceptions and unhandled rejections between cells are printed to stderr;
// - SIGINT interrupts the running cell.
// What differs, because there is no front end: a failed cell gets an nbformat `error` output
// (ename, evalue, traceback) holding the text tslab would have printed to stderr; empty code
// cells are skipped (nbclient skips them too); util.inspect output is never colored; each cell's
// emitted JavaScript ends with one more statement, marking when its code finished (CellSpan).
import path from 'path';
import util from 'util';
import type { Notebook, CodeCell, JSONObject, Output } from '../notebook';
import { CellOutputs, ConsoleCall, DisplayRegistry, consoleText, errorOutput } from './outputs';
import { createSession, jupyterModule, TslabSession } from './tslab';
import { studentTrace } from './student-trace';
import { Watchdog } from './watchdog';

export interface RunOptions {
  /** Path of the notebook file: its folder is tslab's root directory and the cwd of the cells. */
  notebookPath: string;
  /** Keep running after a failed cell (like nbconvert --allow-errors). */
  allowErrors?: boolean;
  /** Time limit per cell, in seconds. */
  timeoutSec?: number;
  /**
   * Also type-check the .ts files cells import from outside the notebook's folder (lib/), as
   * tslab does, although it never reports their diagnostics. Off by default: see loadConverterModule.
   */
  fullCheck?: boolean;
  /** Called after each executed cell. */
  onCell?: (report: CellReport) => void;
}

export interface CellReport {
  /** Index of the cell in the notebook (markdown cells count). */
  index: number;
  executionCount: number;
  ok: boolean;
  compileMs: number;
  /** The cell's own code, printing of its last expression included (see CellSpan). */
  runMs: number;
  /** The executor's per-cell work around the cell's code (tag scan, JS compile, SIGINT guard). */
  kernelMs: number;
  error?: { ename: string; evalue: string };
  timedOut?: boolean;
}

export interface RunResult {
  /** A copy of the input with outputs, execution counts and timing metadata filled in. */
  notebook: Notebook;
  cells: CellReport[];
  failures: CellReport[];
  /** Stopped by SIGINT from outside (Ctrl+C). */
  interrupted: boolean;
  /** Loading TypeScript and building the converter, before the first cell. */
  startupMs: number;
  compileMs: number;
  runMs: number;
  kernelMs: number;
  wallMs: number;
}

let busy = false;

/** Node's message when vm's breakOnSigint stops a script. */
const SIGINT_MESSAGE = 'Script execution was interrupted by `SIGINT`';

const round1 = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * What the Jupyter kernel has: the `.ts` require hook from NODE_OPTIONS=--require tsx/cjs, and the
 * library's runtime bundle (dist/, which 'tsdl' resolves to) rebuilt if lib/ changed since.
 */
function prepareNotebookRuntime(): void {
  if (!require.extensions['.ts']) require('tsx/cjs');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  (require('../../scripts/runtime-bundle.js') as { ensureRuntimeBundle: () => boolean }).ensureRuntimeBundle();
}

type CellTiming = { compile_ms: number; run_ms: number; kernel_ms: number };

function setTiming(cell: CodeCell, timing: CellTiming | null): void {
  const prev = cell.metadata.tsdl;
  const tsdl: JSONObject = prev !== null && typeof prev === 'object' && !Array.isArray(prev) ? { ...prev } : {};
  if (timing) tsdl.timing = timing;
  else delete tsdl.timing;
  if (Object.keys(tsdl).length > 0) cell.metadata.tsdl = tsdl;
  else delete cell.metadata.tsdl;
}

export async function runNotebook(input: Notebook, options: RunOptions): Promise<RunResult> {
  if (busy) throw new Error('runNotebook: tslab keeps process-wide state; run one notebook at a time per process');
  busy = true;
  const wall0 = performance.now();
  const nb = structuredClone(input);
  const rootDir = path.dirname(path.resolve(options.notebookPath));
  const timeoutMs = options.timeoutSec !== undefined && options.timeoutSec > 0 ? options.timeoutSec * 1000 : undefined;
  prepareNotebookRuntime();

  const jupyter = jupyterModule();
  const saved = {
    cwd: process.cwd(),
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
    display: jupyter.lastWriteDisplayData,
  };

  // Where output goes: the running cell, or the last one that ran.
  let current = new CellOutputs();
  let errorCalls: ConsoleCall[] = [];
  let cellRunning = false;
  let printMs = 0;
  let interrupted = false;
  const displays = new DisplayRegistry();
  const watchdog = timeoutMs !== undefined ? new Watchdog() : undefined;
  let session: TslabSession | undefined;

  const captureWrite = (name: 'stdout' | 'stderr') =>
    function write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      current.stream(name, text);
      const cb = typeof encoding === 'function' ? encoding : callback;
      if (typeof cb === 'function') process.nextTick(cb as () => void);
      return true;
    };
  const onUncaught = (err: unknown) => console.error('UncaughtException:', err);
  const onRejection = (reason: unknown) => console.error('UnhandledPromiseRejection:', reason);
  const onSigint = () => {
    if (!watchdog?.fired) {
      if (watchdog?.signalledWithin(1000)) return; // a late copy of a time-limit interrupt
      interrupted = true; // Ctrl+C
    }
    if (cellRunning) session?.executor.interrupt();
  };

  const cells: CellReport[] = [];
  let executionCount = 0;
  try {
    process.chdir(rootDir);
    session = createSession(rootDir, {
      // The executor prints a cell's last expression with console.log (timed: the cell's output) ...
      log: (...args: unknown[]) => {
        const t0 = performance.now();
        current.stream('stdout', util.format(...args) + '\n');
        printMs += performance.now() - t0;
      },
      // ... and compile diagnostics and thrown values with console.error; kept to decide
      // after the cell whether they are its error output or (for module cells) stderr text.
      error: (...args: unknown[]) => {
        errorCalls.push(args);
      },
    }, { fullCheck: options.fullCheck, cellLabel: () => `In [${executionCount}]` });
    const { executor, clock, span } = session;
    process.stdout.write = captureWrite('stdout') as typeof process.stdout.write;
    process.stderr.write = captureWrite('stderr') as typeof process.stderr.write;
    jupyter.lastWriteDisplayData = (data, update) => displays.write(current, data, update);
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onRejection);
    process.on('SIGINT', onSigint);

    let stop = false;
    for (const [index, cell] of nb.cells.entries()) {
      if (cell.cell_type !== 'code') continue;
      cell.outputs = [];
      cell.execution_count = null;
      setTiming(cell, null);
      if (stop || cell.source.trim() === '') continue;

      current = new CellOutputs();
      cell.outputs = current.outputs;
      errorCalls = [];
      cell.execution_count = ++executionCount;
      clock.take();
      span.reset();
      printMs = 0;
      watchdog?.arm(timeoutMs!, `cell ${index} (In [${executionCount}])`);
      cellRunning = true;
      const t0 = performance.now();
      let ok: boolean;
      try {
        ok = await executor.execute(cell.source);
      } catch (err) {
        // Not a cell failure tslab reports itself (those resolve to false): an internal error.
        ok = false;
        errorCalls.push([err]);
      }
      const totalMs = performance.now() - t0;
      cellRunning = false;
      const timedOut = watchdog?.disarm() ?? false;
      const compileMs = clock.take();
      // A cell whose code did not run to its end (an error, an interrupt) has no span: all of its
      // time that is not compile time counts as run time.
      const codeMs = ok ? span.ms : undefined;
      const runMs = codeMs !== undefined ? codeMs + printMs : Math.max(0, totalMs - compileMs);
      const kernelMs = Math.max(0, totalMs - compileMs - runMs);

      const report: CellReport = {
        index, executionCount, ok, compileMs: round1(compileMs), runMs: round1(runMs), kernelMs: round1(kernelMs),
      };
      if (ok) {
        // Module cells (`/** @module x */`) print their diagnostics but count as run.
        if (errorCalls.length > 0) current.stream('stderr', consoleText(errorCalls));
      } else {
        const registry = session.cells;
        let err = errorOutput(errorCalls, (thrown) => studentTrace(thrown, registry));
        if (timedOut) {
          const evalue = `cell ran longer than the ${options.timeoutSec} s limit and was interrupted`;
          err = { output_type: 'error', ename: 'CellTimeoutError', evalue, traceback: [`CellTimeoutError: ${evalue}`, ...err.traceback] };
          report.timedOut = true;
        }
        current.push(err);
        report.error = { ename: err.ename, evalue: err.evalue };
        if (!options.allowErrors) stop = true;
      }
      // A SIGINT that lands inside the cell's script is consumed by vm (breakOnSigint): the
      // handler above never sees it, only the error it leaves.
      if (!ok && !timedOut && !watchdog?.signalledWithin(1000) &&
        errorCalls.some((c) => c[0] instanceof Error && c[0].message === SIGINT_MESSAGE)) interrupted = true;
      if (interrupted) stop = true;
      setTiming(cell, { compile_ms: report.compileMs, run_ms: report.runMs, kernel_ms: report.kernelMs });
      cells.push(report);
      options.onCell?.(report);
    }
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('uncaughtException', onUncaught);
    process.removeListener('unhandledRejection', onRejection);
    process.stdout.write = saved.stdoutWrite;
    process.stderr.write = saved.stderrWrite;
    jupyter.lastWriteDisplayData = saved.display;
    process.chdir(saved.cwd);
    session?.executor.close();
    await watchdog?.close();
    busy = false;
  }

  const compileMs = round1(cells.reduce((s, c) => s + c.compileMs, 0));
  const runMs = round1(cells.reduce((s, c) => s + c.runMs, 0));
  const kernelMs = round1(cells.reduce((s, c) => s + c.kernelMs, 0));
  const startupMs = round1(session.startupMs);
  const tsdl = nb.metadata.tsdl;
  nb.metadata.tsdl = {
    ...(tsdl !== null && typeof tsdl === 'object' && !Array.isArray(tsdl) ? tsdl : {}),
    run: { startup_ms: startupMs, compile_ms: compileMs, run_ms: runMs, kernel_ms: kernelMs },
  };
  return {
    notebook: nb,
    cells,
    failures: cells.filter((c) => !c.ok),
    interrupted,
    startupMs,
    compileMs,
    runMs,
    kernelMs,
    wallMs: round1(performance.now() - wall0),
  };
}

/** The text a cell wrote to one stream, across its outputs. */
export function streamText(outputs: Output[], name: 'stdout' | 'stderr'): string {
  return outputs.map((o) => (o.output_type === 'stream' && o.name === name ? o.text : '')).join('');
}
