// tslab's own pieces, put together the way its kernel (tslab/dist/main.js) does, with
// each converter call timed so compile (type-check + transpile) and run time can be told apart.
import vm from 'vm';
import type { Converter } from 'tslab/dist/converter';
import type { ConsoleInterface, ConverterSet, Executor } from 'tslab/dist/executor';
import { LocalConverterSet, loadConverterModule } from './converter-module';
import { ThreadConverterSet } from './converter-thread';
import { CellRegistry } from './cell-registry';

export type ExecutorModule = typeof import('tslab/dist/executor');

/** A mime bundle as tslab's display API hands it over (see tslab/dist/public.js `raw`). */
export interface TslabDisplayData {
  data: { [mime: string]: unknown };
  metadata?: { [key: string]: unknown };
  transient?: { display_id?: string };
}
export type WriteDisplayData = (data: TslabDisplayData, update: boolean) => void;

/** The process-wide display hook that `require('tslab').display` calls (tslab/dist/jupyter.js). */
interface JupyterModule {
  lastWriteDisplayData: WriteDisplayData | null;
}

export function jupyterModule(): JupyterModule {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('tslab/dist/jupyter') as JupyterModule;
}

/** Accumulates the milliseconds spent inside converter calls. */
export class CompileClock {
  ms = 0;
  take(): number {
    const t = this.ms;
    this.ms = 0;
    return t;
  }
}

/** The statement appended to a cell's emitted JavaScript to mark that its last statement ran. */
const CELL_END = '__tslab__.tsdlCellEnd();';

/**
 * When a cell's own code started and finished, marked from inside the JavaScript tslab runs: the
 * start when the executor's wrapper reads `__tslab__.exports` (its argument, evaluated just before
 * the cell's function is called), the end by a statement appended after the cell's last one (in a
 * cell with top-level await, after its last await). Around that span is the executor's per-cell
 * work, not the cell's: scanning the cell for tslab's @-tags, V8 compiling the emitted JavaScript,
 * and vm's breakOnSigint guard, which starts and joins a watchdog thread for every cell (0.1 ms on
 * an idle machine, several ms when the cores are busy).
 */
export class CellSpan {
  /** performance.now() at the marks; NaN until marked. */
  start = NaN;
  end = NaN;
  reset(): void {
    this.start = NaN;
    this.end = NaN;
  }
  markStart(): void {
    this.start = performance.now();
    this.end = NaN;
  }
  markEnd(): void {
    this.end = performance.now();
  }
  /** Milliseconds from start to end; undefined when the cell's code did not run to its end. */
  get ms(): number | undefined {
    return this.end >= this.start ? this.end - this.start : undefined;
  }
}

function timed(conv: Converter, clock: CompileClock): Converter {
  const time = <T>(f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      clock.ms += performance.now() - t0;
    }
  };
  return {
    convert: (prevDecl, src) => time(() => {
      const out = conv.convert(prevDecl, src);
      if (!out.output || out.diagnostics.length > 0) return out;
      // On the empty line after the emitted code's last newline: every line and column of the
      // code tslab runs, which stack traces show, stays where tslab puts it.
      return { ...out, output: `${out.output}${out.output.endsWith('\n') ? '' : '\n'};${CELL_END}` };
    }),
    addModule: (name, content, meta) => time(() => conv.addModule(name, content, meta)),
    inspect: (prevDecl, src, position) => conv.inspect(prevDecl, src, position),
    complete: (prevDecl, src, position) => conv.complete(prevDecl, src, position),
    close: () => conv.close(),
  };
}

/** Puts CellSpan's marks on the object through which tslab's executor hands each cell its arguments. */
function markCellSpans(span: CellSpan): void {
  // Read in the context the executor wrote it to (under jest, this module's globalThis is another).
  const box = vm.runInThisContext('globalThis.__tslab__') as { exports: unknown } | undefined;
  if (!box) throw new Error('tslab\'s executor did not set globalThis.__tslab__');
  const cellExports = box.exports;
  Object.defineProperty(box, 'exports', {
    configurable: true,
    enumerable: true,
    get: () => {
      span.markStart();
      return cellExports;
    },
  });
  Object.defineProperty(box, 'tsdlCellEnd', { configurable: true, value: () => span.markEnd() });
}

/** Times every compile of the converters of `inner` (created on first use, as in tslab's kernel). */
class TimedConverterSet implements ConverterSet {
  private nodeConv?: Converter;
  private browserConv?: Converter;
  constructor(private readonly inner: ConverterSet, private readonly clock: CompileClock) {}
  get node(): Converter {
    this.nodeConv ??= timed(this.inner.node, this.clock);
    return this.nodeConv;
  }
  get browser(): Converter {
    this.browserConv ??= timed(this.inner.browser, this.clock);
    return this.browserConv;
  }
  close(): void {
    this.inner.close();
  }
}

export interface TslabSession {
  executor: Executor;
  clock: CompileClock;
  /** The span of the running cell's own code (reset before each cell). */
  span: CellSpan;
  /** Time to load TypeScript and build the Node converter (the kernel does this at start). */
  startupMs: number;
  /** The converted cells, for stack traces at the student's line. */
  cells: CellRegistry;
}

export interface SessionOptions {
  /** See loadConverterModule. */
  fullCheck?: boolean;
  /** Compile in a worker thread (converter-thread.ts); off: in this thread, as tslab does. TSDL_COMPILE_THREAD=0 turns it off. */
  compileThread?: boolean;
  /** The name of the cell being compiled, for stack traces (default `In [n]`, counting compiled cells). */
  cellLabel?: () => string;
}

/** The kernel's converters: in a worker thread (the default), or in this one as tslab has them. */
export function converterSet({ fullCheck = false, compileThread = process.env.TSDL_COMPILE_THREAD !== '0' }: SessionOptions = {}): ThreadConverterSet | LocalConverterSet {
  return compileThread ? new ThreadConverterSet({ fullCheck }) : new LocalConverterSet(loadConverterModule(fullCheck));
}

/** Builds converter and executor as `startKernel` does; `rootDir` must be the process's cwd. */
export function createSession(rootDir: string, console: ConsoleInterface,
  { fullCheck = false, compileThread, cellLabel }: SessionOptions = {}): TslabSession {
  const t0 = performance.now();
  const inner = converterSet({ fullCheck, compileThread });
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const executorModule = require('tslab/dist/executor') as ExecutorModule;
  const clock = new CompileClock();
  let compiled = 0;
  const cells = new CellRegistry(cellLabel ?? (() => `In [${++compiled}]`));
  const convs = new TimedConverterSet(cells.wrapSet(inner), clock);
  // Wait for the warm Node converter, as the kernel has it before the first cell (the thread
  // builds it while this one loaded the executor): the first cell's compile time stays its own.
  if (inner instanceof ThreadConverterSet) inner.ready();
  else void inner.node;
  const executor = executorModule.createExecutor(rootDir, convs, console);
  const span = new CellSpan();
  markCellSpans(span);
  clock.take();
  return { executor, clock, span, startupMs: performance.now() - t0, cells };
}
