/**
 * Type-checks and transpiles notebook cells with tslab's own converter (same compiler, options and
 * cell rules as the kernel), in the trusted process. Each cell sees the declarations of the cells
 * before it, as in a notebook run top to bottom.
 */
import * as path from 'path';
import type { CompiledCell } from './executor';

interface TslabDiagnostic { start: { line: number; character: number }; messageText: string }
interface TslabConverter {
  convert(prevDecl: string, src: string): { output?: string; declOutput?: string; diagnostics: TslabDiagnostic[]; hasToplevelAwait?: boolean };
  close(): void;
}

export type CompileResult = { ok: true; cell: CompiledCell; decl: string } | { ok: false; errors: string[] };

export class CellCompiler {
  private readonly conv: TslabConverter;

  /** `rootDir` must lie inside the repo so that `import ... from 'tsdl'` resolves. */
  constructor(rootDir: string) {
    const before = process.cwd();
    process.chdir(rootDir);
    try {
      // The compiler through its code cache (scripts/typescript-cache.js), where tslab's converter requires it.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      (require('../../scripts/typescript-cache.js') as { loadTypeScript: () => unknown }).loadTypeScript();
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const { createConverter } = require('tslab/dist/converter') as { createConverter: (o: object) => TslabConverter };
      this.conv = createConverter({ isJS: false, isBrowser: false });
    } finally {
      process.chdir(before);
    }
  }

  /** Compiles `src` after the declarations `prevDecl`; errors read `line:col - message` as tslab prints them. */
  compile(prevDecl: string, src: string): CompileResult {
    const r = this.conv.convert(prevDecl, src);
    if (r.diagnostics.length) {
      return { ok: false, errors: r.diagnostics.map((d) => `${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}`) };
    }
    return { ok: true, cell: { js: r.output ?? '', tla: !!r.hasToplevelAwait }, decl: r.declOutput ?? prevDecl };
  }

  close(): void { this.conv.close(); }
}

export function assignmentDir(id: string): string {
  return path.join(__dirname, '..', 'assignments', id);
}
