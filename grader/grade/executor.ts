/**
 * Runs cells compiled by tslab's converter the way tslab's executor does: every cell is a
 * CommonJS body wrapped in (async) function(exports, require), run in this context, with one
 * shared `exports` object whose defineProperty calls become plain assignments (so later cells
 * and re-definitions see the newest value). Used by the sandbox child and by the trusted parent
 * when it runs the reference solutions.
 */
import * as vm from 'vm';

export interface CompiledCell {
  /** Names the cell in stack traces (e.g. `cell-3.js`), so errors can point at the student's line. */
  name?: string;
  /** tslab's converter output (JavaScript). */
  js: string;
  /** Whether the cell uses top-level await. */
  tla: boolean;
}

export type Exports = Record<string, unknown>;

export function createExports(): Exports {
  const target: Exports = {};
  return new Proxy(target, {
    defineProperty: (_t, prop, attrs) => {
      if (prop === '__esModule') return true;
      target[prop as string] = attrs.get ? attrs.get() : attrs.value;
      return true;
    },
  });
}

let slot = 0;

/** Runs one compiled cell against `exports`; resolves when it (and its top-level await) is done. */
export async function runCell(cell: CompiledCell, exports: Exports, req: (name: string) => unknown): Promise<void> {
  // A fresh global name per run so concurrent executors cannot see each other's exports.
  const key = `__tsdl_cell_${process.pid}_${slot++}`;
  const g = globalThis as Record<string, unknown>;
  g[key] = { exports, require: req };
  try {
    const prefix = cell.tla ? '(async function(exports, require) { ' : '(function(exports, require) { ';
    const ret = vm.runInThisContext(`${prefix}${cell.js}\n})(globalThis.${key}.exports, globalThis.${key}.require)`, { filename: cell.name ?? 'cell.js' });
    if (cell.tla) await ret;
  } finally {
    delete g[key];
  }
}
