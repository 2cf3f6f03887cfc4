/**
 * A grading worker (trusted): loads the assignment once, then grades the submissions the batch
 * parent sends, each in a fresh sandbox child.
 */
import { AssignmentContext, loadAssignment } from '../grade/context';
import { gradeSubmission } from '../grade/grade';
import { Limits, Sandbox } from '../sandbox/client';

export type WorkerRequest =
  | { op: 'init'; assignment: string; bundle: string; limits: Limits }
  | { op: 'grade'; file: string; id: string };
export type WorkerReply =
  | { op: 'ready' }
  | { op: 'result'; id: string; result: import('../grade/grade').SubmissionResult }
  | { op: 'fatal'; message: string };

let ctx: AssignmentContext | null = null;
let bundle = '';
let limits: Limits;

process.on('message', async (m: WorkerRequest) => {
  try {
    if (m.op === 'init') {
      ctx = await loadAssignment(m.assignment);
      bundle = m.bundle;
      limits = m.limits;
      process.send!({ op: 'ready' } satisfies WorkerReply);
      return;
    }
    if (!ctx) throw new Error('worker not initialised');
    const result = await gradeSubmission(ctx, m.file, () => new Sandbox(bundle, limits), m.id);
    process.send!({ op: 'result', id: m.id, result } satisfies WorkerReply);
  } catch (e) {
    process.send!({ op: 'fatal', message: (e as Error).stack ?? String(e) } satisfies WorkerReply);
  }
});
