/**
 * The verdict on one hidden case: null when the returned value passes, else what is wrong with it,
 * plus a diagnosis when it matches a known mistake or is a simple multiple of the expected value.
 * Nothing said here lets a student work out an expected value: no values, and a factor only for
 * results with several numbers and only when it is a small whole number or its inverse.
 */
import { compareValues, DEFAULT_TOLERANCE, Tolerance } from './compare';
import { maskNumbers } from './feedback';
import type { PreparedCase } from './context';
import { NDArray } from '../../lib/np/ndarray';

export function verdictFor(actual: unknown, c: PreparedCase): string | null {
  if (c.judge) return judged(actual, c.judge);
  const tol: Tolerance = { ...DEFAULT_TOLERANCE, ...c.tol };
  const compared = compareValues(actual, c.expected, 'the result', tol);
  if (compared.ok) return null;
  // The student's own values shape parts of this text (a shape, a length): numbers are masked.
  const v = { message: maskNumbers(compared.message) };
  const known = c.mistakes.find((m) => m.output !== undefined && compareValues(actual, m.output, 'the result', tol).ok);
  if (known) return `${v.message} — this matches a known mistake: ${known.message}`;
  const factor = simpleFactor(actual, c.expected);
  return factor ? `${v.message} — your values are ${factor} the expected ones` : v.message;
}

function scalar(x: unknown): number | null {
  if (typeof x === 'number') return x;
  if (x instanceof NDArray && x.size === 1) return x.values()[0];
  return null;
}

function judged(actual: unknown, judge: NonNullable<PreparedCase['judge']>): string | null {
  const x = scalar(actual);
  if (x === null) return 'the result should be a number';
  if (Number.isNaN(x)) return 'the result is NaN';
  if ('below' in judge) return x < judge.below ? null : `the result should be below ${judge.below} here, and it is not`;
  return x > judge.above ? null : `the result should be above ${judge.above} here, and it is not`;
}

/** Every number in a value, in a fixed order; null when it holds anything else. */
export function numbersIn(x: unknown, out: number[] = []): number[] | null {
  if (typeof x === 'number') { out.push(x); return out; }
  if (x instanceof NDArray) { for (const v of x.values()) out.push(v); return out; }
  if (Array.isArray(x)) { for (const e of x) if (!numbersIn(e, out)) return null; return out; }
  if (x && typeof x === 'object') {
    for (const k of Object.keys(x).sort()) if (!numbersIn((x as Record<string, unknown>)[k], out)) return null;
    return out;
  }
  return null;
}

/** "2 times", "1/2 of", "-1 times" when actual = k·expected for a small whole k (or 1/k); else null. */
export function simpleFactor(actual: unknown, expected: unknown): string | null {
  const a = numbersIn(actual), e = numbersIn(expected);
  if (!a || !e || a.length !== e.length || a.length < 2) return null;
  let ratio: number | null = null;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(e[i])) return null;
    if (Math.abs(e[i]) < 1e-12) { if (Math.abs(a[i]) > 1e-9) return null; continue; }
    const r = a[i] / e[i];
    if (ratio === null) ratio = r;
    else if (Math.abs(r - ratio) > 1e-6 * Math.abs(ratio)) return null;
  }
  if (ratio === null || Math.abs(ratio - 1) < 1e-6) return null;
  for (let k = 2; k <= 1000; k++) {
    if (Math.abs(Math.abs(ratio) - k) < 1e-6 * k) return `${ratio < 0 ? -k : k} times`;
    if (Math.abs(Math.abs(ratio) - 1 / k) < 1e-6 / k) return `${ratio < 0 ? '-' : ''}1/${k} of`;
  }
  return Math.abs(ratio + 1) < 1e-6 ? '-1 times' : null;
}
