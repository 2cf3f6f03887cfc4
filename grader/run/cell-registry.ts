// Names every converted cell for V8 (`//# sourceURL=tsdl-cell-N`, so its frames no longer all read
// `evalmachine.<anonymous>`) and keeps its label (`In [5]`), source lines and line map, so a stack
// frame can be taken back to the student's cell and line (student-trace.ts). Compile diagnostics
// get their Python-habit hints here too (compile-hints.ts).
import type { Converter } from 'tslab/dist/converter';
import type { ConverterSet } from 'tslab/dist/executor';
import type { MappedConvertResult } from './cell-map-capture';
import { addHints } from './compile-hints';
import { LineMap, lookup } from './source-map';

export interface CellRecord { label: string; lines: string[]; map?: LineMap }

export const CELL_URL_PREFIX = 'tsdl-cell-';

export class CellRegistry {
  private readonly cells = new Map<string, CellRecord>();
  private count = 0;

  /** `label` names the cell being converted, e.g. () => `In [${executionCount}]`. */
  constructor(private readonly label: () => string) {}

  /** The converter with each converted cell named and recorded, and its diagnostics hinted. */
  wrap(conv: Converter): Converter {
    return {
      convert: (prevDecl, src) => {
        const out = conv.convert(prevDecl, src) as MappedConvertResult;
        if (out.diagnostics.length > 0) return { ...out, diagnostics: addHints(src, out.diagnostics) };
        if (!out.output) return out;
        const name = `${CELL_URL_PREFIX}${++this.count}`;
        this.cells.set(name, { label: this.label(), lines: src.split('\n'), map: out.lineMap });
        const { lineMap: _dropped, ...rest } = out;
        void _dropped;
        return { ...rest, output: `${out.output}${out.output.endsWith('\n') ? '' : '\n'}//# sourceURL=${name}\n` };
      },
      addModule: (name, content, meta) => conv.addModule(name, content, meta),
      inspect: (prevDecl, src, position) => conv.inspect(prevDecl, src, position),
      complete: (prevDecl, src, position) => conv.complete(prevDecl, src, position),
      close: () => conv.close(),
    };
  }

  /** A ConverterSet whose Node converter is wrapped (created on first use, as tslab's are). */
  wrapSet(inner: ConverterSet): ConverterSet {
    let node: Converter | undefined;
    const wrap = (c: Converter) => this.wrap(c);
    return {
      get node() { return (node ??= wrap(inner.node)); },
      get browser() { return inner.browser; },
      close: () => inner.close(),
    };
  }

  /**
   * Where a frame at (1-based) line:column of a named cell comes from: its label, 1-based line in
   * the cell and that line's text; null for a name this registry did not give or an unmapped spot.
   */
  locate(name: string, line: number, column: number): { label: string; line: number; text: string } | null {
    const cell = this.cells.get(name);
    if (!cell?.map) return null;
    const hit = lookup(cell.map, line - 1, Math.max(0, column - 1));
    if (!hit || hit[0] < 0 || hit[0] >= cell.lines.length) return null;
    return { label: cell.label, line: hit[0] + 1, text: cell.lines[hit[0]] };
  }
}
