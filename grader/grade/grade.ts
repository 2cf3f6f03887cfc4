/**
 * Grades one submission: finds the student's graded functions, compiles them in the trusted
 * process against the source notebook's declarations, runs them in a fresh sandbox on the hidden
 * inputs, and compares the returned values here. Every failure becomes feedback, never an exception.
 */
import * as path from 'path';
import { analyzeCell, CellInfo } from './cells';
import { compareValues, DEFAULT_TOLERANCE, Tolerance } from './compare';
import type { AssignmentContext, PreparedCase } from './context';
import type { CompiledCell } from './executor';
import { sourceLineFor } from './lines';
import { readSubmission } from './notebook_input';
import { fromWire, toWire } from './serialize';
import { Sandbox, SandboxFailure } from '../sandbox/client';
import type { ErrorInfo } from '../sandbox/protocol';

export interface TestResult { name: string; score: number; max_score: number; output: string; visibility: 'visible' }

export interface SubmissionResult {
  submission: string;
  file: string;
  assignment: string;
  score: number;
  max_score: number;
  output: string;
  tests: TestResult[];
  execution_time: number;
}

interface StudentCell { info: CellInfo; compiled?: CompiledCell; errors?: string[] }

const round = (x: number): number => Math.round(x * 1000) / 1000;

export async function gradeSubmission(ctx: AssignmentContext, file: string, makeSandbox: () => Sandbox,
  submissionId = path.basename(file)): Promise<SubmissionResult> {
  const started = Date.now();
  const names = ctx.order;
  const maxOf = (n: string): number => ctx.suite[n].points;
  const total = names.reduce((s, n) => s + maxOf(n), 0);
  const finish = (tests: TestResult[], output: string): SubmissionResult => ({
    submission: submissionId, file, assignment: ctx.id,
    score: round(tests.reduce((s, t) => s + t.score, 0)), max_score: total, output, tests,
    execution_time: (Date.now() - started) / 1000,
  });

  const read = readSubmission(file);
  if (!read.ok) return finish(names.map((n) => zero(n, maxOf(n), read.message)), read.message);

  // The last cell defining a graded function wins, as when the notebook runs top to bottom.
  const wanted = new Set(names);
  const owner = new Map<string, CellInfo>();
  for (const c of read.cells) {
    const isCode = c.type === 'code' || /^\s*\/\/\s*GRADED FUNCTION:/.test(c.source);
    if (!isCode) continue;
    let info: CellInfo;
    try { info = analyzeCell(c.index, c.source, c.metadata); } catch { continue; }
    for (const f of info.functions) if (wanted.has(f)) owner.set(f, info);
  }

  // Compile each chosen cell against the source's declarations at the slot of its first function.
  const cells = new Map<number, StudentCell>();
  const order: StudentCell[] = [];
  const execList: CompiledCell[] = [];
  for (const slot of ctx.slots) {
    if (slot.kind === 'setup') { execList.push(slot.cell); continue; }
    for (const n of slot.names) {
      const info = owner.get(n);
      if (!info || cells.has(info.index)) continue;
      const sc: StudentCell = { info };
      const r = ctx.compiler.compile(slot.declBefore, info.source);
      if (r.ok) { sc.compiled = { ...r.cell, name: `student-${info.index}.js` }; execList.push(sc.compiled); } else sc.errors = r.errors;
      cells.set(info.index, sc);
      order.push(sc);
    }
  }

  const sandbox = makeSandbox();
  const topLevel = new Map<number, ErrorInfo>();
  const load = async (): Promise<void> => {
    const refs = ctx.slots.map((s) => s.cell);
    await sandbox.exec(refs, 'reference');
    const res = await sandbox.exec(execList, 'student');
    res.forEach((r, i) => {
      const name = execList[i].name ?? '';
      const m = /^student-(\d+)\.js$/.exec(name);
      if (!r.ok && m) topLevel.set(Number(m[1]), r.error);
    });
  };

  const tests: TestResult[] = [];
  try {
    await load();
    for (const name of names) {
      const info = owner.get(name);
      if (!info) { tests.push(zero(name, maxOf(name), `${name} was not found: no code cell defines \`function ${name}(...)\`. Keep the graded cell (// GRADED FUNCTION: ${name}) and the function's name.`)); continue; }
      const sc = cells.get(info.index)!;
      if (sc.errors) { tests.push(zero(name, maxOf(name), `the cell defining ${name} does not compile:\n${sc.errors.slice(0, 5).join('\n')}`)); continue; }
      tests.push(await runFunctionTests(ctx, sandbox, name, sc, topLevel.get(info.index), load));
    }
  } catch (e) {
    const msg = e instanceof SandboxFailure ? `grading stopped: ${e.message}` : `grading failed: ${(e as Error).message}`;
    for (const n of names.slice(tests.length)) tests.push(zero(n, maxOf(n), msg));
  } finally {
    sandbox.kill();
  }
  const output = tests.every((t) => t.score === t.max_score) ? 'All hidden tests passed.' : `${tests.filter((t) => t.score < t.max_score).length} of ${tests.length} graded functions lost points; see each test's feedback.`;
  return finish(tests, output);
}

function zero(name: string, max: number, output: string): TestResult {
  return { name, score: 0, max_score: max, output, visibility: 'visible' };
}

async function runFunctionTests(ctx: AssignmentContext, sandbox: Sandbox, name: string, sc: StudentCell,
  topLevelError: ErrorInfo | undefined, reload: () => Promise<void>): Promise<TestResult> {
  const t = ctx.suite[name];
  const cases = ctx.cases[name];
  const lines: string[] = [];
  let passed = 0;
  let stopReason: string | null = null;
  for (let i = 0; i < cases.length; i++) {
    const label = `hidden test ${i + 1} of ${cases.length}`;
    if (stopReason) { lines.push(`${label}: not run (${stopReason})`); continue; }
    const c = cases[i];
    try {
      if (!sandbox.alive) await reload();
      const r = await sandbox.call(name, c.args.map((a) => toWire(a)), { seed: c.seed, references: t.callees ?? [] });
      if (!r.ok) { lines.push(`${label}: ${describeError(r.error, sc)}`); continue; }
      const verdict = verdictFor(fromWire(r.value), c);
      if (verdict === null) passed++;
      else lines.push(`${label}: ${verdict}`);
    } catch (e) {
      if (!(e instanceof SandboxFailure)) throw e;
      lines.push(`${label}: ${e.message}`);
      if (e.kind !== 'crash') stopReason = e.message;
    }
  }
  if (topLevelError && passed < cases.length) lines.push(`note: the cell raised ${topLevelError.name}: ${topLevelError.message} when it ran`);
  const score = round((t.points * passed) / cases.length);
  const head = `${passed} of ${cases.length} hidden tests passed.`;
  return { name, score, max_score: t.points, output: [head, ...lines].join('\n'), visibility: 'visible' };
}

/** null when the value passes; otherwise what is wrong, plus a diagnosis when it matches a known mistake. */
function verdictFor(actual: unknown, c: PreparedCase): string | null {
  const tol: Tolerance = { ...DEFAULT_TOLERANCE, ...c.tol };
  const v = compareValues(actual, c.expected, 'the result', tol);
  if (v.ok) return null;
  const known = c.mistakes.find((m) => m.output !== undefined && compareValues(actual, m.output, 'the result', tol).ok);
  const factor = constantFactor(actual, c.expected);
  const hint = known ? ` — this matches a known mistake: ${known.message}`
    : factor ? ` — your values are ${factor} times the expected ones` : '';
  return v.message + hint;
}

/** Detects a result that is a constant multiple of the expected one (e.g. a gradient off by 2). */
function constantFactor(actual: unknown, expected: unknown): string | null {
  const flat = (x: unknown, out: number[]): boolean => {
    if (typeof x === 'number') { out.push(x); return true; }
    if (x && typeof x === 'object' && 'values' in x && typeof (x as { values: unknown }).values === 'function') {
      out.push(...Array.from((x as { values(): Float64Array }).values())); return true;
    }
    if (Array.isArray(x)) return x.every((e) => flat(e, out));
    if (x && typeof x === 'object') return Object.keys(x).sort().every((k) => flat((x as Record<string, unknown>)[k], out));
    return false;
  };
  const a: number[] = [], e: number[] = [];
  if (!flat(actual, a) || !flat(expected, e) || a.length !== e.length || a.length === 0) return null;
  let ratio: number | null = null;
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(e[i]) < 1e-12) { if (Math.abs(a[i]) > 1e-9) return null; continue; }
    const r = a[i] / e[i];
    if (ratio === null) ratio = r;
    else if (Math.abs(r - ratio) > 1e-6 * Math.abs(ratio)) return null;
  }
  if (ratio === null || Math.abs(ratio - 1) < 1e-6 || !Number.isFinite(ratio)) return null;
  const nice = Math.abs(ratio - Math.round(ratio)) < 1e-6 ? String(Math.round(ratio)) : ratio.toPrecision(3);
  return nice;
}

function describeError(err: ErrorInfo, sc: StudentCell): string {
  let where = '';
  if (err.line !== undefined && sc.compiled && err.cell === sc.compiled.name) {
    const line = sourceLineFor(sc.compiled.js, sc.info.source, err.line);
    if (line !== undefined) where = ` (line ${line} of your cell)`;
  }
  return `your code raised ${err.name}: ${err.message}${where}`;
}
