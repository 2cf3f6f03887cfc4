/** How jobs are retried and kept, shared by the producer and the status command. */
import type { JobsOptions } from 'bullmq';

/** Tries per job: a failure of the grader itself (not a student's error) is retried on any worker. */
export const ATTEMPTS = 3;

const WEEK_S = 7 * 24 * 3600;

export const JOB_OPTIONS: JobsOptions = {
  attempts: ATTEMPTS,
  backoff: { type: 'fixed', delay: 2000 },
  // Finished jobs stay a week: a producer that was stopped, or runs again, collects their results.
  removeOnComplete: { age: WEEK_S },
  removeOnFail: { age: WEEK_S },
};
