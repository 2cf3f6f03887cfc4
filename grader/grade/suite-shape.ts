/**
 * Checks that what hidden_tests.ts exports as `tests` has the shape of a HiddenSuite (hidden.ts)
 * before anything uses it, so a typo reads `hidden_tests.ts: scale.case (line 12): unknown field;
 * did you mean 'cases'?` rather than a TypeError from deep inside the grader.
 */
import type { FieldPath, SuiteLines } from './suite-lines';

export class SuiteShapeError extends Error {}

const FUNCTION_FIELDS = ['points', 'callees', 'cases', 'mistakes'];
const CASE_FIELDS = ['name', 'args', 'seed', 'tol', 'judge', 'published'];
const MISTAKE_FIELDS = ['message', 'impl', 'throws', 'plant'];
const TOL_FIELDS = ['rtol', 'atol'];

/** The closest known name within two edits, for "did you mean". */
function closest(name: string, known: string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    return d[a.length][b.length];
  };
  const best = known.map((k) => ({ k, d: dist(name.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? best.k : undefined;
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const kind = (x: unknown): string => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'string' ? `the string ${JSON.stringify(x)}` : typeof x);

/** Every problem in the suite's shape, one message each; `graded` are the source's graded functions. */
export function suiteShapeProblems(suite: unknown, file: string, lines: SuiteLines | null, graded: string[]): string[] {
  const problems: string[] = [];
  const say = (path: FieldPath, message: string): void => {
    const label = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    const line = lines?.line(path);
    problems.push(`${file}: ${label || 'tests'}${line !== undefined ? ` (line ${line})` : ''}: ${message}`);
  };
  const fields = (obj: Record<string, unknown>, known: string[], path: FieldPath): void => {
    for (const k of Object.keys(obj)) {
      if (known.includes(k)) continue;
      const near = closest(k, known);
      say([...path, k], `unknown field${near ? `; did you mean '${near}'?` : ` (known: ${known.join(', ')})`}`);
    }
  };
  if (!isObject(suite)) { say([], `must export \`tests\`, an object with one entry per graded function (found ${kind(suite)})`); return problems; }
  for (const [fn, t] of Object.entries(suite)) {
    if (!graded.includes(fn)) {
      const near = closest(fn, graded);
      say([fn], `no graded function ${fn} in the source notebook${near ? `; did you mean '${near}'?` : graded.length ? ` (graded functions: ${graded.join(', ')})` : ''}`);
    }
    if (!isObject(t)) { say([fn], `must be an object with points and cases (found ${kind(t)})`); continue; }
    fields(t, FUNCTION_FIELDS, [fn]);
    if (typeof t.points !== 'number' || !(t.points >= 0)) say([fn, 'points'], `points must be a number of at least 0 (found ${kind(t.points)})`);
    if (t.callees !== undefined && (!Array.isArray(t.callees) || t.callees.some((c) => typeof c !== 'string'))) say([fn, 'callees'], 'callees must be a list of graded function names');
    else for (const c of (t.callees as string[] | undefined) ?? []) if (!(c in suite)) say([fn, 'callees'], `callee ${c} has no hidden tests (callees are graded functions)`);
    if (!Array.isArray(t.cases) || t.cases.length === 0) say([fn, 'cases'], `cases must be a non-empty list of hidden cases (found ${kind(t.cases)})`);
    else t.cases.forEach((c: unknown, i: number) => {
      const at: FieldPath = [fn, 'cases', i];
      if (!isObject(c)) { say(at, `a case must be an object { name, args } (found ${kind(c)})`); return; }
      fields(c, CASE_FIELDS, at);
      if (typeof c.name !== 'string') say([...at, 'name'], 'name must be a string');
      if (typeof c.args !== 'function') say([...at, 'args'], `args must be a function returning the argument list, e.g. args: () => [X, Y] (found ${kind(c.args)})`);
      if (c.seed !== undefined && !Number.isInteger(c.seed)) say([...at, 'seed'], 'seed must be a whole number');
      if (c.tol !== undefined) {
        if (!isObject(c.tol)) say([...at, 'tol'], 'tol must be an object { rtol?, atol? }');
        else { fields(c.tol, TOL_FIELDS, [...at, 'tol']); for (const k of TOL_FIELDS) if (c.tol[k] !== undefined && typeof c.tol[k] !== 'number') say([...at, 'tol', k], `${k} must be a number`); }
      }
      if (c.judge !== undefined) {
        const j = c.judge;
        const okJudge = isObject(j) && Object.keys(j).length === 1 && (typeof j.below === 'number' || typeof j.above === 'number');
        if (!okJudge) say([...at, 'judge'], 'judge must be { below: number } or { above: number }');
      }
    });
    if (t.mistakes !== undefined && !Array.isArray(t.mistakes)) say([fn, 'mistakes'], 'mistakes must be a list');
    else ((t.mistakes as unknown[] | undefined) ?? []).forEach((m, i) => {
      const at: FieldPath = [fn, 'mistakes', i];
      if (!isObject(m)) { say(at, 'a mistake must be an object { message, impl }'); return; }
      fields(m, MISTAKE_FIELDS, at);
      if (typeof m.message !== 'string' || !m.message) say([...at, 'message'], 'message must be a non-empty string');
      if (typeof m.impl !== 'function') say([...at, 'impl'], 'impl must be a function (the wrong implementation)');
      if (m.throws !== undefined && typeof m.throws !== 'boolean') say([...at, 'throws'], 'throws must be true or false');
      if (m.plant !== undefined && !(isObject(m.plant) && typeof m.plant.find === 'string' && typeof m.plant.replace === 'string')) {
        say([...at, 'plant'], 'plant must be { find: string, replace: string }');
      }
    });
  }
  return problems;
}

/**
 * Each case's argument count against the graded function's parameters (`arity`: required and
 * total, from the source; rest parameters: no upper limit).
 */
export function arityProblems(fn: string, cases: { name: string; count: number }[], arity: { required: number; total: number },
  file: string, lines: SuiteLines | null): string[] {
  return cases.flatMap((c, i) => {
    if (c.count >= arity.required && c.count <= arity.total) return [];
    const line = lines?.line([fn, 'cases', i, 'args']);
    const takes = arity.required === arity.total ? `${arity.total}` : Number.isFinite(arity.total) ? `${arity.required} to ${arity.total}` : `at least ${arity.required}`;
    return [`${file}: ${fn}.cases[${i}] '${c.name}'${line !== undefined ? ` (line ${line})` : ''}: args gives ${c.count} argument(s); ${fn} takes ${takes}`];
  });
}
