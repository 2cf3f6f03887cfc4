/**
 * The submission's part of the grading program: the cells that own a graded function (the last
 * cell defining it), compiled against every declaration of the source. They are first compiled
 * together as one unit (a few times faster than cell by cell: most of TypeScript's cost is per
 * call); when that unit has a compile error, or later raises at its top level (which would stop the
 * cells after it), each cell becomes a unit of its own, so every cell is judged alone as in the
 * notebook.
 */
import type { CellInfo } from './cells';
import type { AssignmentContext } from './context';
import type { CompiledCell } from './compile';
import { bindThroughExports, exportEarly } from './late_binding';
import { sourceLineFor } from './lines';

export interface UnitPart { info: CellInfo; firstLine: number }

export interface StudentUnit {
  parts: UnitPart[];
  source: string;
  compiled?: CompiledCell;
  errors?: string[];
}

export interface StudentProgram {
  units: StudentUnit[];
  /** The unit holding each graded function's owning cell. */
  unitOf: Map<string, StudentUnit>;
  combined: boolean;
}

function unitOfCells(infos: CellInfo[]): StudentUnit {
  const parts: UnitPart[] = [];
  let line = 1;
  for (const info of infos) {
    parts.push({ info, firstLine: line });
    line += info.source.split('\n').length;
  }
  return { parts, source: infos.map((i) => i.source).join('\n') };
}

export function compileStudent(ctx: AssignmentContext, owner: Map<string, CellInfo>, names: ReadonlySet<string>,
  compileMs: number, totalMs: number, combine: boolean): StudentProgram {
  const cells = [...new Set(owner.values())].sort((a, b) => a.index - b.index);
  const deadline = Date.now() + totalMs;
  const compileUnit = (unit: StudentUnit): void => {
    // The compiler runs here, outside the sandbox, on the real file system: a cell may only name
    // the course library, or its imports would read host files into the compile errors.
    const foreign = unit.parts.flatMap((p) => p.info.imports).filter((m) => !ctx.modules.has(m));
    if (foreign.length) {
      unit.errors = [`imports ${[...new Set(foreign)].slice(0, 3).map((m) => `'${m.slice(0, 80)}'`).join(', ')}: only the course library ('tsdl', 'tsdl/lib/...') can be imported while grading`];
      return;
    }
    const left = deadline - Date.now();
    if (left <= 0) { unit.errors = [`not compiled: compiling this submission took over ${totalMs / 1000} s in all`]; return; }
    const r = ctx.compiler.compile(ctx.declarations, unit.source, Math.min(left, compileMs * unit.parts.length));
    if (!r.ok) { unit.errors = r.errors; return; }
    const first = unit.parts[0].info.index;
    let js: string;
    try { js = exportEarly(bindThroughExports(r.cell.js, names), names); } catch (e) {
      unit.errors = [`the cell could not be prepared for grading (${e instanceof RangeError ? 'it is nested too deeply' : (e as Error).message})`];
      return;
    }
    unit.compiled = { ...r.cell, js, name: `student-${first}.js` };
  };
  let units: StudentUnit[] = [];
  let combined = false;
  if (combine && cells.length > 1 && cells.every((c) => c.imports.every((m) => ctx.modules.has(m)))) {
    const unit = unitOfCells(cells);
    compileUnit(unit);
    if (unit.compiled) { units = [unit]; combined = true; }
  }
  if (!combined) {
    units = cells.map((c) => unitOfCells([c]));
    for (const u of units) compileUnit(u);
  }
  const unitOf = new Map<string, StudentUnit>();
  for (const [name, info] of owner) unitOf.set(name, units.find((u) => u.parts.some((p) => p.info === info))!);
  return { units, unitOf, combined };
}

/** Where a line of a unit's compiled JavaScript came from: which cell, which line of it. */
export function locate(unit: StudentUnit, jsLine: number): { info: CellInfo; line: number } | undefined {
  if (!unit.compiled) return undefined;
  const line = sourceLineFor(unit.compiled.js, unit.source, jsLine);
  if (line === undefined) return undefined;
  let part = unit.parts[0];
  for (const p of unit.parts) if (p.firstLine <= line) part = p;
  return { info: part.info, line: line - part.firstLine + 1 };
}
