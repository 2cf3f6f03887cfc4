/** Whether a result is a grade or a failure of the grader (which must be graded again later). */
import type { SubmissionResult } from '../grade/grade';

export type ResultStatus = 'graded' | 'failed';

/** Results from before the `status` field: the pool's failure results are the ones without tests. */
export function resultStatus(r: SubmissionResult): ResultStatus {
  const s = (r as { status?: unknown }).status;
  if (s === 'graded' || s === 'failed') return s;
  return r.tests.length > 0 ? 'graded' : 'failed';
}
