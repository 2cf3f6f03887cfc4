// tslab's own pieces, put together the way its kernel (tslab/dist/main.js) does, with
// each converter call timed so compile (type-check + transpile) and run time can be told apart.
import fs from 'fs';
import Module from 'module';
import path from 'path';
import vm from 'vm';
import type { Converter } from 'tslab/dist/converter';
import type { ConsoleInterface, ConverterSet, Executor } from 'tslab/dist/executor';

// Loaded lazily: requiring the converter loads TypeScript (several hundred ms).
type ConverterModule = typeof import('tslab/dist/converter');
type ExecutorModule = typeof import('tslab/dist/executor');

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

type TS = typeof import('@tslab/typescript-for-tslab');

/**
 * tslab's converter module, loaded so that it only type-checks files whose diagnostics it reports.
 *
 * For every cell, tslab's convert() computes the pre-emit diagnostics (syntax, semantics and, as it
 * compiles with `declaration: true`, declaration diagnostics) of the cell *and of every .ts file
 * the cell imports*, then drops each diagnostic whose file lies outside the notebook's folder
 * (convertDiagnostics in tslab/dist/converter.js). A notebook in notebooks/ importing 'tsdl' thus
 * has all of lib/ checked again in every cell with such an import (most of a second each, growing
 * with lib/), only for the result to be thrown away. Loaded through here, the converter computes
 * diagnostics only for the files whose diagnostics it would keep; the same diagnostics are
 * reported, the same code is emitted. `fullCheck` loads tslab's module untouched.
 */
function loadConverterModule(fullCheck: boolean): ConverterModule {
  const converterPath = require.resolve('tslab/dist/converter');
  if (fullCheck) return require(converterPath) as ConverterModule;
  const tsPath = require.resolve('@tslab/typescript-for-tslab', { paths: [path.dirname(converterPath)] });
  const ts = require(tsPath) as TS;
  const cwd = process.cwd();
  const reported = (fileName: string) => !path.relative(cwd, fileName).startsWith('..');
  // The converter reads `ts` through __importStar, which copies own enumerable properties:
  // give it an object forwarding every property but this one.
  const wrapper: { [key: string]: unknown } = {};
  for (const key of Object.keys(ts)) {
    if (key === 'getPreEmitDiagnosticsOfFiles') continue;
    Object.defineProperty(wrapper, key, { enumerable: true, get: () => (ts as unknown as { [k: string]: unknown })[key] });
  }
  const getPreEmitDiagnosticsOfFiles: TS['getPreEmitDiagnosticsOfFiles'] = (program, files, token) =>
    ts.getPreEmitDiagnosticsOfFiles(program, files.filter((f, i) => i === 0 || reported(f.fileName)), token);
  Object.defineProperty(wrapper, 'getPreEmitDiagnosticsOfFiles', { enumerable: true, value: getPreEmitDiagnosticsOfFiles });

  // A private instance of converter.js (as tslab's executor loads cell side-modules), whose
  // require hands it the wrapper; its other requires resolve as usual.
  type LoadableModule = Module & { _compile(code: string, filename: string): void; paths: string[] };
  const ModuleCtor = Module as unknown as {
    new (id: string, parent?: Module): LoadableModule;
    _nodeModulePaths(dir: string): string[];
  };
  const mod = new ModuleCtor(converterPath, module);
  mod.filename = converterPath;
  mod.paths = ModuleCtor._nodeModulePaths(path.dirname(converterPath));
  const plainRequire = mod.require.bind(mod);
  mod.require = Object.assign(
    (id: string) => (id === '@tslab/typescript-for-tslab' ? wrapper : plainRequire(id)),
    { resolve: require.resolve, cache: require.cache, extensions: require.extensions, main: require.main },
  ) as NodeJS.Require;
  mod._compile(fs.readFileSync(converterPath, 'utf8'), converterPath);
  return mod.exports as ConverterModule;
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

/**
 * The kernel's ConverterSetImpl: a TypeScript (not JS) kernel, converters created on first use.
 * The converter reads its root from the process's cwd, so create this after chdir.
 */
class TimedConverterSet implements ConverterSet {
  private nodeConv?: Converter;
  private browserConv?: Converter;
  constructor(private readonly mod: ConverterModule, private readonly clock: CompileClock) {}
  get node(): Converter {
    this.nodeConv ??= timed(this.mod.createConverter({ isJS: false, isBrowser: false }), this.clock);
    return this.nodeConv;
  }
  get browser(): Converter {
    this.browserConv ??= timed(this.mod.createConverter({ isJS: false, isBrowser: true }), this.clock);
    return this.browserConv;
  }
  close(): void {
    this.nodeConv?.close();
    this.browserConv?.close();
  }
}

export interface TslabSession {
  executor: Executor;
  clock: CompileClock;
  /** The span of the running cell's own code (reset before each cell). */
  span: CellSpan;
  /** Time to load TypeScript and build the Node converter (the kernel does this at start). */
  startupMs: number;
}

/** Builds converter and executor as `startKernel` does; `rootDir` must be the process's cwd. */
export function createSession(rootDir: string, console: ConsoleInterface, { fullCheck = false } = {}): TslabSession {
  const t0 = performance.now();
  const converterModule = loadConverterModule(fullCheck);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const executorModule = require('tslab/dist/executor') as ExecutorModule;
  const clock = new CompileClock();
  const convs = new TimedConverterSet(converterModule, clock);
  void convs.node; // warm the Node converter, as the kernel does
  const executor = executorModule.createExecutor(rootDir, convs, console);
  const span = new CellSpan();
  markCellSpans(span);
  clock.take();
  return { executor, clock, span, startupMs: performance.now() - t0 };
}
