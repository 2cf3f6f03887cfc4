/**
 * A submission's result in Gradescope's results.json format: score, execution_time, output,
 * output_format, visibility, and tests[] with name, score, max_score, status, output, output_format,
 * visibility. `testVisibility` decides when students see each graded function's hidden-case detail.
 */
import type { SubmissionResult } from '../grade/grade';
import { resultStatus } from '../gradebook/status';

export type Visibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeOptions { testVisibility?: Visibility }

export function gradescopeResult(r: SubmissionResult, opts: GradescopeOptions = {}): Record<string, unknown> {
  const failed = resultStatus(r) === 'failed';
  return {
    score: r.score,
    execution_time: Math.round(r.execution_time * 1000) / 1000,
    output: failed ? `${r.output}\nThis is a problem of the grader, not of your work: resubmit, and tell the course staff if it happens again.` : r.output,
    output_format: 'text',
    visibility: 'visible',
    tests: r.tests.map((t) => ({
      name: t.name, score: t.score, max_score: t.max_score,
      status: t.score >= t.max_score ? 'passed' : 'failed',
      output: t.output, output_format: 'text', visibility: opts.testVisibility ?? t.visibility,
    })),
  };
}

/** results.json as `tsdl grade --json` writes it: Gradescope's fields plus the submission's max_score. */
export function gradescopeJson(r: SubmissionResult, opts: GradescopeOptions = {}): string {
  const { score, ...rest } = gradescopeResult(r, opts);
  return JSON.stringify({ score, max_score: r.max_score, ...rest }, null, 2) + '\n';
}
