// Loads tslab's converter module (see loadConverterModule). Used by the compile thread
// (converter-host.ts) and, with compileThread off, by the kernel's own thread.
import fs from 'fs';
import Module from 'module';
import path from 'path';
import type { Converter } from 'tslab/dist/converter';
import type { ConverterSet } from 'tslab/dist/executor';
import { CellMapCapture } from './cell-map-capture';

export type ConverterModule = typeof import('tslab/dist/converter');

type TS = typeof import('@tslab/typescript-for-tslab');

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadTypeScript } = require('../../scripts/typescript-cache.js') as { loadTypeScript: () => unknown };

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
 * reported, the same code is emitted. `fullCheck` keeps tslab's full check.
 * Either way each converted cell also carries a line map from the JavaScript it runs back to the
 * cell (cell-map-capture.ts), for stack traces at the student's line.
 */
export function loadConverterModule(fullCheck: boolean): ConverterModule {
  const converterPath = require.resolve('tslab/dist/converter');
  // The compiler through its code cache, registered where tslab's converter requires it.
  const ts = loadTypeScript() as TS;
  const cwd = process.cwd();
  const reported = (fileName: string) => !path.relative(cwd, fileName).startsWith('..');
  const maps = new CellMapCapture();
  // The converter reads `ts` through __importStar, which copies own enumerable properties:
  // give it an object forwarding every property but the ones replaced here.
  const replaced: { [key: string]: unknown } = { ...maps.tsOverrides(ts) };
  if (!fullCheck) {
    const getPreEmitDiagnosticsOfFiles: TS['getPreEmitDiagnosticsOfFiles'] = (program, files, token) =>
      ts.getPreEmitDiagnosticsOfFiles(program, files.filter((f, i) => i === 0 || reported(f.fileName)), token);
    replaced.getPreEmitDiagnosticsOfFiles = getPreEmitDiagnosticsOfFiles;
  }
  const wrapper: { [key: string]: unknown } = {};
  for (const key of Object.keys(ts)) {
    if (key in replaced) continue;
    Object.defineProperty(wrapper, key, { enumerable: true, get: () => (ts as unknown as { [k: string]: unknown })[key] });
  }
  for (const [key, value] of Object.entries(replaced)) Object.defineProperty(wrapper, key, { enumerable: true, value });

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
  const loaded = mod.exports as ConverterModule;
  return { ...loaded, createConverter: (options) => maps.attach(loaded.createConverter(options)) };
}

/** tslab's kernel's ConverterSetImpl for TypeScript: converters created on first use. */
export class LocalConverterSet implements ConverterSet {
  private nodeConv?: Converter;
  private browserConv?: Converter;
  constructor(private readonly mod: ConverterModule) {}
  get node(): Converter {
    this.nodeConv ??= this.mod.createConverter({ isJS: false, isBrowser: false });
    return this.nodeConv;
  }
  get browser(): Converter {
    this.browserConv ??= this.mod.createConverter({ isJS: false, isBrowser: true });
    return this.browserConv;
  }
  close(): void {
    this.nodeConv?.close();
    this.browserConv?.close();
  }
}
