/**
 * Pinned expectations: a hidden case's `published` values (what the course prints) against the
 * reference solution's result for that case. A disagreement means the reference (or the case's
 * inputs) is not the course's.
 */
import { compareValues, DEFAULT_TOLERANCE, Tolerance } from '../grade/compare';
import type { AssignmentContext } from '../grade/context';
import { np } from '../../lib';
import { NDArray } from '../../lib/np/ndarray';
import { CheckResult, checkResult } from './check';

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof NDArray);

/** null when `actual` agrees with the pinned value, else what differs. */
export function publishedDiff(actual: unknown, pinned: unknown, what: string, tol: Tolerance): string | null {
  if (pinned === null || pinned === undefined) return null;
  if (actual instanceof NDArray || typeof actual === 'number') {
    const want = typeof pinned === 'number' ? pinned : np.array(pinned as number[]);
    const got = typeof pinned === 'number' && actual instanceof NDArray && actual.size === 1 ? actual.values()[0] : actual;
    const v = compareValues(got, want, what, tol);
    return v.ok ? null : `${v.message} (reference ${String(got)}, published ${typeof want === 'number' ? want : String(want)})`;
  }
  if (Array.isArray(actual) && Array.isArray(pinned)) {
    if (pinned.length !== actual.length) return `${what} has ${actual.length} elements, the published value ${pinned.length}`;
    for (let i = 0; i < pinned.length; i++) { const d = publishedDiff(actual[i], pinned[i], `${what}[${i}]`, tol); if (d) return d; }
    return null;
  }
  if (isObject(actual) && isObject(pinned)) {
    for (const k of Object.keys(pinned)) {
      if (!(k in actual)) return `${what} has no key ${k}`;
      const d = publishedDiff(actual[k], pinned[k], `${what}.${k}`, tol);
      if (d) return d;
    }
    return null;
  }
  return `${what} is ${actual === null ? 'null' : typeof actual}, the published value ${Array.isArray(pinned) ? 'an array' : typeof pinned}`;
}

export function publishedCheck(ctx: AssignmentContext): CheckResult {
  const problems: string[] = [];
  let pinned = 0;
  for (const name of ctx.order) {
    ctx.suite[name].cases.forEach((c, i) => {
      if (c.published === undefined) return;
      pinned++;
      const d = publishedDiff(ctx.cases[name][i].expected, c.published, 'the result', { ...DEFAULT_TOLERANCE, ...c.tol });
      if (d) problems.push(`${name}: hidden test ${i + 1} (${c.name}): the reference disagrees with the published values: ${d}`);
    });
  }
  return checkResult('reference solutions disagree with published values', problems,
    pinned ? `reference solutions agree with the published values of ${pinned} hidden test(s)` : 'no hidden test pins published values');
}
