/** A submission's result as Gradescope's results.json (score, max_score, output, tests[]). */
import type { SubmissionResult } from '../grade/grade';

export function gradescopeJson(r: SubmissionResult): string {
  return JSON.stringify({
    score: r.score,
    max_score: r.max_score,
    output: r.output,
    execution_time: Math.round(r.execution_time * 1000) / 1000,
    visibility: 'visible',
    tests: r.tests.map((t) => ({ name: t.name, score: t.score, max_score: t.max_score, output: t.output, visibility: t.visibility })),
  }, null, 2) + '\n';
}
