/** The graded function a cell is for: its first line `// GRADED FUNCTION: <name>` (as the grader finds it), else null. */
import type { Cell } from '../notebook';

const MARKER = /^\s*\/\/\s*GRADED FUNCTION:\s*([A-Za-z_$][\w$]*)/;

export function gradedName(cell: Cell): string | null {
  if (cell.cell_type !== 'code') return null;
  const m = MARKER.exec(cell.source.split('\n', 1)[0] ?? '');
  return m ? m[1] : null;
}
