/**
 * Notebooks derived from an assignment's source for checking the grader: the source with one known
 * mistake planted into its solution, and the source with its graded cells laid out differently
 * (all in one cell, or in reverse order). The grader must give each the score the hidden tests say.
 */
import type { Mistake } from '../grade/hidden';
import type { Notebook, CodeCell } from '../notebook';
import { gradedName } from './graded-name';

const clone = (nb: Notebook): Notebook => JSON.parse(JSON.stringify(nb)) as Notebook;

export class PlantError extends Error {}

/** The source with `mistake.plant` applied to the cell of `fn` (the text to find must occur exactly once). */
export function plantMistake(source: Notebook, fn: string, mistake: Mistake): Notebook {
  if (!mistake.plant) throw new PlantError(`${fn}: mistake '${mistake.message}' has no plant`);
  const nb = clone(source);
  const cell = nb.cells.find((c) => gradedName(c) === fn);
  if (!cell) throw new PlantError(`${fn}: no graded cell in the source`);
  const { find, replace } = mistake.plant;
  const count = cell.source.split(find).length - 1;
  if (count !== 1) throw new PlantError(`${fn}: the plant of '${mistake.message}' must match its cell exactly once; '${find}' matches ${count} times`);
  cell.source = cell.source.replace(find, () => replace);
  return nb;
}

function codeCell(source: string, id: string): CodeCell {
  return { cell_type: 'code', id, metadata: {}, source, outputs: [], execution_count: null };
}

/** Every graded cell's code merged into one cell where the first graded cell was. */
export function mergedLayout(source: Notebook, reverse = false): Notebook {
  const nb = clone(source);
  const graded = nb.cells.filter((c) => gradedName(c) !== null);
  if (graded.length === 0) return nb;
  const bodies = graded.map((c) => c.source);
  if (reverse) bodies.reverse();
  const first = nb.cells.indexOf(graded[0]);
  nb.cells = nb.cells.filter((c) => !graded.includes(c));
  nb.cells.splice(first, 0, codeCell(bodies.join('\n\n'), 'merged-graded'));
  return nb;
}

/** The graded cells in reverse order, each still a cell of its own, with a helper function between them. */
export function reversedLayout(source: Notebook): Notebook {
  const nb = clone(source);
  const graded = nb.cells.filter((c) => gradedName(c) !== null);
  const others = nb.cells.filter((c) => !graded.includes(c));
  const helper = (i: number): CodeCell => codeCell('function unrelated_helper_between_graded_cells(x: number): number {\n  return x + 1;\n}', `between-graded-${i}`);
  const reversed = graded.slice().reverse();
  nb.cells = [...others, ...reversed.flatMap((c, i) => (i === 0 ? [c] : [helper(i), c]))];
  return nb;
}
