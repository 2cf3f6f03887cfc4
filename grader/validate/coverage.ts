/**
 * Every graded function of the source has hidden tests, and its points in hidden_tests.ts are the
 * points the notebook's metadata gives it (`metadata.nbgrader.points`, 1 when absent: what
 * `tsdl release` writes and what students see).
 */
import type { HiddenSuite } from '../grade/hidden';
import type { Notebook } from '../notebook';
import { CheckResult, checkResult } from './check';
import { gradedName } from './graded-name';

export function coverageCheck(source: Notebook, suite: HiddenSuite): CheckResult {
  const problems: string[] = [];
  let codeCell = 0;
  let graded = 0;
  for (const cell of source.cells) {
    if (cell.cell_type !== 'code') continue;
    codeCell++;
    const name = gradedName(cell);
    if (name === null) continue;
    graded++;
    const nbgrader = cell.metadata.nbgrader as { points?: unknown } | undefined;
    const points = nbgrader?.points ?? 1;
    const t = suite[name];
    if (!t) problems.push(`${name} (code cell ${codeCell}) is a graded function with no hidden tests: add ${name} to hidden_tests.ts (students would see it worth ${String(points)} point(s) and it would never be graded)`);
    else if (t.points !== points) problems.push(`${name}: hidden_tests.ts gives ${t.points} point(s), the notebook's metadata (code cell ${codeCell}, nbgrader.points) ${String(points)}`);
  }
  return checkResult('graded functions without hidden tests, or points that disagree with the notebook', problems,
    `every graded function (${graded}) has hidden tests, with the notebook's points`);
}
