/**
 * A grading worker (trusted): loads the assignment once (reference run included), then grades the
 * submissions the batch parent sends, each in its own sandbox process. Whatever goes wrong while
 * grading one submission becomes that submission's recorded "grading failed" result.
 */
import { AssignmentContext, loadAssignment, RunConfig } from '../grade/context';
import { AssignmentShape, failedResult, gradeSubmission, SubmissionResult } from '../grade/grade';
import type { Limits } from '../sandbox/client';

export type { AssignmentShape };

export type WorkerRequest =
  | { op: 'init'; assignment: string; run: RunConfig; limits: Limits }
  | { op: 'grade'; file: string; id: string };
export type WorkerReply =
  | { op: 'ready'; shape: AssignmentShape }
  | { op: 'result'; id: string; result: SubmissionResult }
  | { op: 'fatal'; message: string };

let ctx: AssignmentContext | null = null;
let limits: Limits;

const send = (r: WorkerReply): void => { process.send?.(r); };

process.on('message', async (m: WorkerRequest) => {
  if (m.op === 'init') {
    try {
      ctx = await loadAssignment(m.assignment, m.run);
      limits = m.limits;
      const suite = Object.fromEntries(Object.entries(ctx.suite).map(([k, v]) => [k, { points: v.points }]));
      send({ op: 'ready', shape: { id: ctx.id, order: ctx.order, suite } });
    } catch (e) {
      send({ op: 'fatal', message: (e as Error).message ?? String(e) });
    }
    return;
  }
  if (!ctx) { send({ op: 'fatal', message: 'worker not initialised' }); return; }
  // Fault injection for the batch's own tests: a worker that dies on certain submissions.
  const poison = process.env.TSDL_FAULT_EXIT_ON;
  if (poison && m.id.includes(poison)) process.exit(70);
  let result: SubmissionResult;
  try {
    result = await gradeSubmission(ctx, m.file, limits, m.id);
  } catch (e) {
    result = failedResult(ctx, m.file, m.id, `grader error: ${String((e as Error)?.message ?? e).slice(0, 300)}`);
  }
  send({ op: 'result', id: m.id, result });
});
process.on('disconnect', () => process.exit(0));
