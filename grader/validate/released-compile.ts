/**
 * Compiles the released notebook cell by cell, as the kernel does, and reports every cell that does
 * not compile: a stub must type-check (a released notebook that only fails to compile would still
 * score 0, so grading alone does not notice).
 */
import { CellCompiler } from '../grade/compile';
import type { Notebook } from '../notebook';
import { CheckResult, checkResult } from './check';
import { gradedName } from './graded-name';

/** `nb`: the release of the current source; `rootDir`: where the cells' imports resolve from (inside the repository). */
export function releasedCompileCheck(nb: Notebook, rootDir: string): CheckResult {
  const compiler = new CellCompiler(rootDir);
  const problems: string[] = [];
  let decl = '';
  let codeCell = 0;
  try {
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'code') continue;
      codeCell++;
      if (!cell.source.trim()) continue;
      const r = compiler.compile(decl, cell.source);
      if (r.ok) { decl = r.decl; continue; }
      const graded = gradedName(cell);
      problems.push(`code cell ${codeCell}${graded !== null ? ` (the stub of ${graded})` : ''} does not compile: ${r.errors.slice(0, 3).join('; ')}`);
    }
  } finally {
    compiler.close();
  }
  return checkResult('released notebook: cells do not compile (write solutions so the stub still type-checks)', problems,
    `released notebook compiles cell by cell (${codeCell} code cells)`);
}
