/**
 * Compares a submission's value with the expected one, numpy-style (allclose with rtol/atol, shape,
 * dtype kind, dict keys, tuple lengths) and says where the first difference is, never what the
 * expected value is: "values differ at W1[0, 1]", "shape (2, 4), expected (4, 2)".
 */
import { NDArray } from '../../lib/np/ndarray';
import { Unsupported } from './serialize';

export interface Tolerance { rtol: number; atol: number }
export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-8 };

export type Verdict = { ok: true } | { ok: false; message: string };

const shapeStr = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

function describe(x: unknown): string {
  if (x instanceof Unsupported) return x.what;
  if (x instanceof NDArray) return `an array of shape ${shapeStr(x.shape)}`;
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (Array.isArray(x)) return `a list of ${x.length}`;
  if (typeof x === 'object') return 'an object';
  return `a ${typeof x}`;
}

function indexLabel(shape: readonly number[], flat: number): string {
  const idx: number[] = [];
  for (let k = shape.length - 1; k >= 0; k--) { idx.unshift(flat % shape[k]); flat = Math.floor(flat / shape[k]); }
  return idx.length ? `[${idx.join(', ')}]` : '';
}

function close(a: number, e: number, tol: Tolerance): boolean {
  if (Number.isNaN(e)) return Number.isNaN(a);
  if (!Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e);
}

function badNumber(a: number): string { return Number.isNaN(a) ? 'NaN' : a > 0 ? 'Infinity' : '-Infinity'; }

export function compareValues(actual: unknown, expected: unknown, path = 'the result', tol = DEFAULT_TOLERANCE): Verdict {
  const fail = (message: string): Verdict => ({ ok: false, message });
  if (expected instanceof NDArray) {
    if (!(actual instanceof NDArray)) {
      if (typeof actual === 'number' && expected.size === 1) {
        return close(actual, expected.values()[0], tol) ? { ok: true } : fail(`${path}: value differs`);
      }
      return fail(`${path} should be an array of shape ${shapeStr(expected.shape)}, got ${describe(actual)}`);
    }
    if (actual.shape.length !== expected.shape.length || actual.shape.some((d, k) => d !== expected.shape[k])) {
      return fail(`${path} has shape ${shapeStr(actual.shape)}, expected ${shapeStr(expected.shape)}`);
    }
    if ((actual.dtype === 'bool') !== (expected.dtype === 'bool')) {
      return fail(`${path} has dtype ${actual.dtype}, expected ${expected.dtype}`);
    }
    const av = actual.values(), ev = expected.values();
    for (let i = 0; i < ev.length; i++) {
      if (!close(av[i], ev[i], tol)) {
        const where = `${path}${indexLabel(expected.shape, i)}`;
        if (!Number.isFinite(av[i]) && Number.isFinite(ev[i])) return fail(`${where} is ${badNumber(av[i])}`);
        return fail(`values differ at ${where}`);
      }
    }
    return { ok: true };
  }
  if (typeof expected === 'number') {
    let a = actual;
    if (a instanceof NDArray && a.size === 1) a = a.values()[0];
    if (typeof a !== 'number') return fail(`${path} should be a number, got ${describe(actual)}`);
    if (!close(a, expected, tol)) {
      if (!Number.isFinite(a) && Number.isFinite(expected)) return fail(`${path} is ${badNumber(a)}`);
      return fail(`${path}: value differs`);
    }
    return { ok: true };
  }
  if (typeof expected === 'boolean' || typeof expected === 'string' || expected === null || expected === undefined) {
    return actual === expected ? { ok: true } : fail(`${path} differs (got ${describe(actual)})`);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return fail(`${path} should be a list of ${expected.length}, got ${describe(actual)}`);
    if (actual.length !== expected.length) return fail(`${path} has ${actual.length} entries, expected ${expected.length}`);
    for (let i = 0; i < expected.length; i++) {
      const v = compareValues(actual[i], expected[i], `${path}[${i}]`, tol);
      if (!v.ok) return v;
    }
    return { ok: true };
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual) || actual instanceof NDArray || actual instanceof Unsupported) {
      return fail(`${path} should be an object with keys ${Object.keys(expected).join(', ')}, got ${describe(actual)}`);
    }
    const e = expected as Record<string, unknown>, a = actual as Record<string, unknown>;
    const missing = Object.keys(e).filter((k) => !(k in a));
    if (missing.length) return fail(`${path} is missing key${missing.length > 1 ? 's' : ''} ${missing.map((k) => `'${k}'`).join(', ')}`);
    for (const k of Object.keys(e)) {
      const v = compareValues(a[k], e[k], path === 'the result' ? k : `${path}.${k}`, tol);
      if (!v.ok) return v;
    }
    return { ok: true };
  }
  return fail(`${path} cannot be compared`);
}
