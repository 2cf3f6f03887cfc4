/**
 * Type-checks and transpiles notebook cells with tslab's own converter (same compiler, options and
 * cell rules as the kernel). A submitted cell is hostile input to the compiler too (a few lines of
 * types can keep TypeScript busy for minutes), so the converter runs in a worker thread and each
 * cell has a time limit, as does a submission's compiling in all; a thread that overruns is
 * stopped and replaced, and the cell fails to compile with a message saying so.
 */
import { CompileTimeout, ThreadConverterSet } from '../run/converter-thread';

interface TslabDiagnostic { start: { line: number; character: number }; messageText: string }
interface TslabOutput { output?: string; declOutput?: string; diagnostics: TslabDiagnostic[]; hasToplevelAwait?: boolean }

/** One notebook cell as tslab's converter compiled it. */
export interface CompiledCell {
  /** Names the cell in stack traces (e.g. `student-3.js`), so errors can point at the student's line. */
  name?: string;
  /** tslab's converter output (JavaScript). */
  js: string;
  /** Whether the cell uses top-level await. */
  tla: boolean;
}

export type CompileResult = { ok: true; cell: CompiledCell; decl: string } | { ok: false; errors: string[]; timedOut?: boolean };

export const DEFAULT_CELL_COMPILE_MS = 20_000;

export class CellCompiler {
  private set: ThreadConverterSet | null = null;

  /** `rootDir` must lie inside the repo so that `import ... from 'tsdl'` resolves. */
  constructor(private readonly rootDir: string, private readonly cellLimitMs = DEFAULT_CELL_COMPILE_MS) {
    this.start();
  }

  private start(): ThreadConverterSet {
    const before = process.cwd();
    process.chdir(this.rootDir);
    try {
      // The thread builds its converter now, against this working directory (module resolution).
      const set = new ThreadConverterSet({ callLimitMs: Math.max(this.cellLimitMs, 60_000) });
      set.ready();
      this.set = set;
      return set;
    } finally {
      process.chdir(before);
    }
  }

  /**
   * Compiles `src` after the declarations `prevDecl`; errors read `line:col - message` as tslab
   * prints them. `limitMs` (default: the per-cell limit) bounds this call.
   */
  compile(prevDecl: string, src: string, limitMs = this.cellLimitMs): CompileResult {
    const set = this.set ?? this.start();
    let r: TslabOutput;
    try {
      set.callLimitMs = Math.max(1, limitMs);
      r = set.node.convert(prevDecl, src) as unknown as TslabOutput;
    } catch (e) {
      if (!(e instanceof CompileTimeout)) throw e;
      this.set = null;
      return { ok: false, timedOut: true, errors: [`compiling this cell took over ${Math.round(limitMs / 100) / 10} s and was stopped; simplify its types`] };
    }
    if (r.diagnostics.length) {
      return { ok: false, errors: r.diagnostics.map((d) => `${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}`) };
    }
    return { ok: true, cell: { js: r.output ?? '', tla: !!r.hasToplevelAwait }, decl: r.declOutput ?? prevDecl };
  }

  close(): void { try { this.set?.close(); } catch { /* already stopped */ } this.set = null; }
}
