/** Results as they travel through the queue, and the result of a submission the queue could not grade. */
import type { Job } from '../batch/pool';
import type { SubmissionResult } from '../grade/grade';

/** A worker's result for one queued job, given the submission's own id and file on this machine. */
export function forSubmission(r: SubmissionResult, job: Job): SubmissionResult {
  return { ...r, submission: job.id, file: job.file };
}

export function gradingFailed(job: Job, assignmentId: string, reason: string): SubmissionResult {
  return {
    submission: job.id, file: job.file, assignment: assignmentId, score: 0, max_score: 0,
    output: `grading failed: ${reason}`, tests: [], execution_time: 0, status: 'failed',
  };
}

/** A job's return value as BullMQ hands it back (parsed, or still a JSON string). */
export function parseReturnValue(v: unknown): SubmissionResult | null {
  const r = typeof v === 'string' ? (() => { try { return JSON.parse(v) as unknown; } catch { return null; } })() : v;
  if (!r || typeof r !== 'object' || !Array.isArray((r as SubmissionResult).tests) || typeof (r as SubmissionResult).score !== 'number') return null;
  return r as SubmissionResult;
}
