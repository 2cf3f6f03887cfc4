// Source maps for converted cells. tslab's converter compiles a cell in two steps (its watch program
// emits an ES module, esModuleToCommonJSModule transpiles that to CommonJS) and reformats it on the
// way, so a line of the JavaScript that runs says nothing about the cell's line. Through the `ts`
// object the converter sees (converter-module.ts), both steps also emit a source map; chained, they
// give each cell a LineMap from the JavaScript tslab runs to the cell's source lines.
import type { Converter, ConvertResult } from 'tslab/dist/converter';
import { LineMap, chain, decodeMappings } from './source-map';

type TS = typeof import('@tslab/typescript-for-tslab');

/** What convert() returns here: tslab's result plus, when there is output, the line map. */
export interface MappedConvertResult extends ConvertResult { lineMap?: LineMap }

/** The file tslab's watch program emits for the cell, and the name esModuleToCommonJSModule gives its input. */
const CELL_MAP = /[\\/]__tslab__\.js\.map$/;
const COMMONJS_STEP = 'custom.js';
/** tslab prepends `export {};\n` to every cell (srcPrefix in tslab/dist/converter.js). */
const PREFIX_LINES = 1;

const stripMapComment = (js: string): string => js.replace(/^\/\/# sourceMappingURL=.*$/gm, '');

export class CellMapCapture {
  private esMap: string | null = null;
  private cjsMap: string | null = null;

  /** Replacements for the compiler's functions the converter calls; the others pass through. */
  tsOverrides(ts: TS): Partial<Record<keyof TS, unknown>> {
    const createWatchCompilerHost = (...args: unknown[]) => {
      args[1] = { ...(args[1] as object), sourceMap: true };
      return (ts.createWatchCompilerHost as (...a: unknown[]) => unknown)(...args);
    };
    const createWatchProgram = (host: { afterProgramCreate?: (b: unknown) => void }) => {
      const after = host.afterProgramCreate;
      host.afterProgramCreate = (builder: unknown) => after?.call(host, this.capturing(builder as Builder));
      return (ts.createWatchProgram as (h: unknown) => unknown)(host);
    };
    const transpileModule = (input: string, options: import('@tslab/typescript-for-tslab').TranspileOptions) => {
      if (options.fileName !== COMMONJS_STEP) return ts.transpileModule(input, options);
      const out = ts.transpileModule(input, { ...options, compilerOptions: { ...options.compilerOptions, sourceMap: true } });
      this.cjsMap = out.sourceMapText ?? null;
      return { ...out, outputText: stripMapComment(out.outputText), sourceMapText: undefined };
    };
    return { createWatchCompilerHost, createWatchProgram, transpileModule } as Partial<Record<keyof TS, unknown>>;
  }

  /** The builder with emit() keeping the cell's source map (tslab's own write callback drops it). */
  private capturing(builder: Builder): Builder {
    const emit = builder.emit.bind(builder);
    const wrapped = Object.create(builder) as Builder;
    wrapped.emit = (file: unknown, write: WriteFile, ...rest: unknown[]) => emit(file, (name: string, data: string, ...more: unknown[]) => {
      if (CELL_MAP.test(name)) { this.esMap = data; return; }
      write(name, name.endsWith('.js') ? stripMapComment(data) : data, ...more);
    }, ...rest);
    return wrapped;
  }

  /** The converter with each convert() result carrying its line map (tslab's converter is a plain object: its other functions are copied). */
  attach(conv: Converter): Converter {
    return {
      ...conv,
      convert: (prevDecl, src) => {
        this.esMap = this.cjsMap = null;
        const out: MappedConvertResult = conv.convert(prevDecl, src);
        if (out.output && this.esMap && this.cjsMap) {
          try {
            const lineMap = chain(decodeMappings(JSON.parse(this.cjsMap).mappings), decodeMappings(JSON.parse(this.esMap).mappings));
            out.lineMap = lineMap.map((segs) => segs.map(([c, l, col]) => [c, l - PREFIX_LINES, col] as [number, number, number]));
          } catch { /* a map we cannot read: traces stay unmapped */ }
        }
        return out;
      },
    };
  }
}

type WriteFile = (name: string, data: string, ...more: unknown[]) => void;
interface Builder { emit: (file: unknown, write: WriteFile, ...rest: unknown[]) => unknown }
