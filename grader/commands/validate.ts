/**
 * `tsdl validate <id>`: the checks an instructor runs before publishing an assignment.
 * 1. The source notebook (reference solutions) scores full marks.
 * 2. The released student notebook scores 0, and grading it does not crash.
 * 3. Every hidden test fails for at least one planted wrong implementation (the test can fail).
 */
import { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { compareValues, DEFAULT_TOLERANCE } from '../grade/compare';
import { loadAssignment, AssignmentContext } from '../grade/context';
import { gradeSubmission } from '../grade/grade';
import { buildSandbox } from '../sandbox/bundle';
import { Sandbox } from '../sandbox/client';

export interface ValidationReport { ok: boolean; lines: string[] }

export function mutationGaps(ctx: AssignmentContext): string[] {
  const gaps: string[] = [];
  for (const name of ctx.order) {
    ctx.cases[name].forEach((c, i) => {
      const tol = { ...DEFAULT_TOLERANCE, ...c.tol };
      const caught = c.mistakes.some((m) => m.output === undefined || !compareValues(m.output, c.expected, 'the result', tol).ok);
      if (!caught) gaps.push(`${name}: hidden test ${i + 1} (${c.name}) passes for every planted mistake (${c.mistakes.length} planted)`);
    });
  }
  return gaps;
}

export async function validateAssignment(id: string, repo = path.resolve(__dirname, '..', '..')): Promise<ValidationReport> {
  const lines: string[] = [];
  let ok = true;
  const ctx = await loadAssignment(id);
  const bundle = await buildSandbox();
  try {
    const source = await gradeSubmission(ctx, path.join(ctx.dir, 'source.ipynb'), () => new Sandbox(bundle), 'source');
    const full = source.score === source.max_score;
    ok &&= full;
    lines.push(`${full ? 'ok ' : 'FAIL'} source notebook scores ${source.score} / ${source.max_score}`);
    if (!full) for (const t of source.tests.filter((t) => t.score < t.max_score)) lines.push(`     ${t.name}: ${t.output.replace(/\n/g, '\n     ')}`);

    const released = path.join(repo, 'notebooks', `${id}.ipynb`);
    if (!fs.existsSync(released)) { ok = false; lines.push(`FAIL released notebook ${released} not found (run tsdl release)`); } else {
      const r = await gradeSubmission(ctx, released, () => new Sandbox(bundle), 'released');
      const zero = r.score === 0;
      ok &&= zero;
      lines.push(`${zero ? 'ok ' : 'FAIL'} released notebook scores ${r.score} / ${r.max_score}`);
    }

    const gaps = mutationGaps(ctx);
    const totalCases = ctx.order.reduce((s, n) => s + ctx.cases[n].length, 0);
    ok &&= gaps.length === 0;
    lines.push(`${gaps.length === 0 ? 'ok ' : 'FAIL'} ${totalCases - gaps.length} of ${totalCases} hidden tests fail for a planted mistake`);
    for (const g of gaps) lines.push(`     ${g}`);
  } finally {
    ctx.compiler.close();
  }
  return { ok, lines };
}

export function registerValidateCommand(program: Command): void {
  program.command('validate')
    .description('check an assignment: source scores full marks, released scores 0, every hidden test can fail')
    .argument('<ids...>', 'assignment ids')
    .action(async (ids: string[]) => {
      let ok = true;
      for (const id of ids) {
        const r = await validateAssignment(id);
        console.log(`${id}:\n  ${r.lines.join('\n  ')}`);
        ok &&= r.ok;
      }
      if (!ok) process.exitCode = 1;
    });
}
