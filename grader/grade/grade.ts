/**
 * Grades one submission: finds the student's graded functions, compiles their cells here against
 * the source notebook's declarations, and tests each graded function on its own in the sandbox
 * (a fresh realm per function, callees swapped for reference versions), comparing the returned
 * values here. A function's score depends on that function alone; a grader problem on one case is
 * reported as such and marks the result for re-grading. Every failure becomes feedback, never an
 * exception.
 */
import * as path from 'path';
import { analyzeCell, CellInfo } from './cells';
import type { AssignmentContext, PreparedCase } from './context';
import { referenceCells } from './context';
import { newSandbox } from '../sandbox/run-config';
import type { CompiledCell } from './compile';
import { describeError } from './feedback';
import { compileStudent, StudentUnit } from './student-program';
import { readSubmission } from './notebook_input';
import { fromWire } from './serialize';
import { verdictFor } from './verdict';
import { CaseOutcome, DEFAULT_LIMITS, Limits, Sandbox, SandboxFailure, TestOutcome } from '../sandbox/client';
import type { ErrorInfo } from '../sandbox/protocol';

export interface TestResult {
  name: string; score: number; max_score: number; output: string; visibility: 'visible';
  /** The grader could not judge part of this function (not the student's doing): grade again later. */
  grader_error?: boolean;
}

export interface SubmissionResult {
  submission: string;
  file: string;
  assignment: string;
  score: number;
  max_score: number;
  output: string;
  tests: TestResult[];
  execution_time: number;
  /** 'failed': the grader could not grade all of it; the score is provisional and it is graded again. */
  status: 'graded' | 'failed';
  /** The hidden-tests version it was graded under (set by the caller that knows it). */
  version?: string;
}

/** Total time for compiling one submission's cells. */
export const SUBMISSION_COMPILE_MS = 60_000;

const round = (x: number): number => Math.round(x * 1000) / 1000;

export interface AssignmentShape { id: string; order: string[]; suite: Record<string, { points: number }> }

/** A submission's result from its tests: totals, the summary line, and 'failed' when any test had a grader error. */
function resultOf(shape: AssignmentShape, file: string, submission: string, tests: TestResult[], executionTime: number, output?: string): SubmissionResult {
  const failed = tests.some((t) => t.grader_error);
  const lost = tests.filter((t) => t.score < t.max_score).length;
  return {
    submission, file, assignment: shape.id,
    score: round(tests.reduce((s, t) => s + t.score, 0)), max_score: shape.order.reduce((s, n) => s + shape.suite[n].points, 0),
    output: output ?? (failed ? 'Part of this submission could not be graded (a grader problem, not your mistake); it will be graded again.'
      : lost === 0 ? 'All hidden tests passed.' : `${lost} of ${tests.length} graded functions lost points; see each test's feedback.`),
    tests, execution_time: executionTime, status: failed ? 'failed' : 'graded',
  };
}

/** A result for a submission the grader could not grade at all: zero, said why, marked for re-grading. */
export function failedResult(shape: AssignmentShape, file: string, submission: string, reason: string, executionTime = 0): SubmissionResult {
  const tests = shape.order.map((n) => ({ ...zero(n, shape.suite[n].points, `grading failed: ${reason}`), grader_error: true }));
  return resultOf(shape, file, submission, tests, executionTime, `grading failed: ${reason}. This submission will be graded again; it is not your mistake.`);
}

export async function gradeSubmission(ctx: AssignmentContext, file: string, limits: Limits = DEFAULT_LIMITS,
  submissionId = path.basename(file)): Promise<SubmissionResult> {
  const started = Date.now();
  const names = ctx.order;
  const maxOf = (n: string): number => ctx.suite[n].points;
  const finish = (tests: TestResult[], output?: string): SubmissionResult =>
    resultOf(ctx, file, submissionId, tests, (Date.now() - started) / 1000, output);

  const read = readSubmission(file);
  if (!read.ok) return finish(names.map((n) => zero(n, maxOf(n), read.message)), read.message);

  // The last cell defining a graded function wins, as when the notebook runs top to bottom.
  const wanted = new Set(names);
  const owner = new Map<string, CellInfo>();
  const unreadable = new Map<string, string>();
  for (const c of read.cells) {
    const isCode = c.type === 'code' || /^\s*\/\/\s*GRADED FUNCTION:/.test(c.source);
    // Parsing is the costly part: only cells that name a graded function can define one.
    const named = names.filter((n) => c.source.includes(n));
    if (!isCode || named.length === 0) continue;
    let info: CellInfo;
    try { info = analyzeCell(c.index, c.source, c.metadata); } catch (e) {
      const why = e instanceof RangeError && /call stack/i.test(e.message) ? 'it is nested too deeply to read' : (e as Error).message;
      for (const n of named) unreadable.set(n, `code cell ${c.index + 1} could not be read: ${why}`);
      continue;
    }
    for (const f of info.functions) if (wanted.has(f)) { owner.set(f, info); unreadable.delete(f); }
  }

  const program = async (combine: boolean): Promise<TestResult[] | null> => {
    const sandbox = newSandbox(ctx.run, limits);
    if (owner.size > 0) sandbox.prestart();
    const student = compileStudent(ctx, owner, wanted, limits.compileMs ?? DEFAULT_LIMITS.compileMs!, SUBMISSION_COMPILE_MS, combine);
    const cells = [...ctx.setup, ...student.units.filter((u) => u.compiled).map((u) => u.compiled!)];
    const tests: TestResult[] = [];
    try {
      for (const name of names) {
        const info = owner.get(name);
        if (!info) {
          const why = unreadable.get(name);
          tests.push(zero(name, maxOf(name), why ? `${name} was not found: ${why}` : `${name} was not found: no code cell defines \`function ${name}(...)\` with a body. Keep the graded cell (// GRADED FUNCTION: ${name}) and the function's name.`));
          continue;
        }
        const unit = student.unitOf.get(name)!;
        if (unit.errors) { tests.push(zero(name, maxOf(name), `the cell defining ${name} does not compile:\n${compileErrors(unit.errors)}`)); continue; }
        const r = await testFunction(ctx, sandbox, name, { unit, own: info, index: ctx.setup.length + student.units.filter((u) => u.compiled).indexOf(unit) }, cells);
        // A unit of several cells that raises at its top level would stop the cells after it: judge cell by cell instead.
        if (r === 'split') return null;
        tests.push(r);
      }
    } finally {
      sandbox.kill();
    }
    return tests;
  };
  const tests = (await program(true)) ?? (await program(false))!;
  return finish(tests);
}

/** At most five compile errors of at most 300 characters each: a report stays small whatever the cell. */
function compileErrors(errors: string[]): string {
  return errors.slice(0, 5).map((e) => (e.length > 300 ? `${e.slice(0, 300)}…` : e)).join('\n')
    + (errors.length > 5 ? `\n(${errors.length - 5} more)` : '');
}

function zero(name: string, max: number, output: string): TestResult {
  return { name, score: 0, max_score: max, output, visibility: 'visible' };
}

interface Owned { unit: StudentUnit; own: CellInfo; index: number }

async function testFunction(ctx: AssignmentContext, sandbox: Sandbox, name: string, at: Owned, program: CompiledCell[]): Promise<TestResult | 'split'> {
  const t = ctx.suite[name];
  const cases = ctx.cases[name];
  const callees = (t.callees ?? []).filter((c) => ctx.suite[c]);
  let outcome: TestOutcome;
  let stopped: SandboxFailure | null = null;
  try {
    outcome = await sandbox.test({
      fn: name, cells: program, env: ctx.run.env,
      references: callees.length ? { names: callees, cells: referenceCells(ctx, name, callees) } : null,
      cases: cases.map((c) => ({ args: c.wire, seed: c.seed })),
    });
  } catch (e) {
    if (!(e instanceof SandboxFailure)) throw e;
    stopped = e;
    outcome = (e as SandboxFailure & { partial?: TestOutcome }).partial ?? { cells: [], cases: [] };
  }
  const ownCell = outcome.cells[at.index];
  if (ownCell && !ownCell.ok && at.unit.parts.length > 1) return 'split';

  const lines: string[] = [];
  let passed = 0;
  let graderError = false;
  const setupFailed = outcome.cells.slice(0, ctx.setup.length).find((c) => !c.ok);
  if (setupFailed || outcome.referenceFailed) {
    const why = setupFailed ? `a setup cell of the assignment failed (${setupFailed.error?.name}: ${setupFailed.error?.message})` : `a reference function failed (${outcome.referenceFailed})`;
    return { name, score: 0, max_score: t.points, output: `grading failed: ${why}. This is a grader problem, not your mistake; it will be graded again.`, visibility: 'visible', grader_error: true };
  }
  let timedOut = false;
  for (let i = 0; i < cases.length; i++) {
    const label = `hidden test ${i + 1} of ${cases.length}`;
    const r: CaseOutcome | undefined = outcome.cases[i];
    if (!r) { lines.push(`${label}: not run (${stopped ? stopped.message : timedOut ? 'an earlier case reached the time limit' : 'the sandbox stopped'})`); continue; }
    if (!r.ok && r.timeout) timedOut = true;
    if (!r.ok) { lines.push(`${label}: ${r.timeout ? r.error.message : describeError(r.error, at.unit, at.own)}`); continue; }
    try {
      const verdict = verdictFor(fromWire(r.value), cases[i]);
      if (verdict === null) passed++;
      else lines.push(`${label}: ${verdict}`);
    } catch (e) {
      graderError = true;
      lines.push(`${label}: grader error while judging this case (${(e as Error).message.slice(0, 200)}); not counted against you, it will be graded again`);
    }
  }
  if (ownCell && !ownCell.ok) lines.push(`note: ${describeTopLevel(ownCell.error, at)}`);
  const score = round((t.points * passed) / cases.length);
  const head = `${passed} of ${cases.length} hidden tests passed.`;
  return { name, score, max_score: t.points, output: [head, ...lines].join('\n'), visibility: 'visible', ...(graderError ? { grader_error: true } : {}) };
}

function describeTopLevel(err: ErrorInfo | undefined, at: Owned): string {
  return `the cell raised an exception when it ran: ${describeError(err ?? { name: 'Error', message: '' }, at.unit, at.own).replace(/^your code raised /, '')}`;
}

export type { PreparedCase };
