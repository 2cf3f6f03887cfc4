/**
 * Runs one family of the numpy suite: each case's TypeScript (translated from numpy's expression by
 * py_to_ts.py) against the value or exception Debian's numpy gave (gen_numpy_suite.py). A case listed
 * in deviations.json must still differ from numpy, and give exactly the result recorded there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { np, NDArray } from '../../lib/np';
import { lapack } from '../../lib/np/decompositions/lapack';

type Expect =
  | { t: 'none' }
  | { t: 'error'; name: string; msg: string }
  | { t: 'scalar'; dtype: string; v: string; str: string }
  | { t: 'array'; dtype: string; shape: number[]; v: string[]; str: string }
  | { t: 'list'; items: Expect[] };
interface Case { id: string; py: string; ts: string; expect: Expect; tol?: number; exact_with_lapack?: boolean }
interface Deviation { reason: string; got: string }

const DEVIATIONS: Record<string, Deviation> = JSON.parse(fs.readFileSync(path.join(__dirname, 'deviations.json'), 'utf8'));
const RECORD = process.env.NUMPY_SUITE_RECORD;

function value(s: string): number {
  if (s === 'nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function close(got: number, want: number, tol: number | undefined): boolean {
  if (Object.is(got, want) || (got !== got && want !== want)) return true;
  if (tol === undefined) return got === want && (got !== 0 || Object.is(got, want));
  if (!Number.isFinite(want)) return false;
  return Math.abs(got - want) <= tol * Math.abs(want) || Math.abs(got - want) <= tol;
}

/** The checks one expected result makes of a result: each failed one named. */
export function compare(got: unknown, want: Expect, tol: number | undefined, checks: { n: number }): string[] {
  const fails: string[] = [];
  const check = (ok: boolean, what: string): void => { checks.n++; if (!ok) fails.push(what); };
  switch (want.t) {
    case 'none':
      check(got === undefined || got === null, `expected no value, got ${show(got)}`);
      break;
    case 'error':
      check(false, `numpy raises ${want.name}: ${want.msg}; tsdl returned ${show(got)}`);
      break;
    case 'scalar': {
      let v: unknown = got;
      if (v instanceof NDArray && v.ndim === 0) v = v.dtype === 'bool' ? v.item() !== 0 : v.item();
      if (want.dtype === 'bool') check(typeof v === 'boolean' && +v === value(want.v), `expected ${want.str}, got ${show(got)}`);
      else check(typeof v === 'number' && close(v, value(want.v), tol), `expected ${want.str}, got ${show(got)}`);
      break;
    }
    case 'array': {
      if (!(got instanceof NDArray)) { check(false, `expected an array ${want.str}, got ${show(got)}`); break; }
      check(got.dtype === want.dtype, `dtype ${got.dtype}, numpy ${want.dtype}`);
      check(JSON.stringify(got.shape) === JSON.stringify(want.shape), `shape [${got.shape}], numpy [${want.shape}]`);
      const v = got.values(), w = want.v.map(value);
      check(v.length === w.length && w.every((x, i) => close(v[i], x, tol)), `values ${String(got)}, numpy ${want.str}`);
      if (tol === undefined) check(String(got) === want.str, `str ${JSON.stringify(String(got))}, numpy ${JSON.stringify(want.str)}`);
      break;
    }
    case 'list': {
      const items = Array.isArray(got) ? got : null;
      if (items === null || items.length !== want.items.length) {
        check(false, `expected ${want.items.length} items, got ${show(got)}`);
        break;
      }
      want.items.forEach((w, i) => fails.push(...compare(items[i], w, tol, checks)));
      break;
    }
  }
  return fails;
}

function show(x: unknown): string {
  if (x instanceof NDArray) return `array(${String(x)}, dtype=${x.dtype}, shape=[${x.shape}])`;
  if (Array.isArray(x)) return `[${x.map(show).join(', ')}]`;
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  return String(x);
}

/** Python's x[...]: an NDArray's slice, or a JS array's (a tuple's) element. */
function at(x: unknown, ...index: unknown[]): unknown {
  if (x instanceof NDArray) return x.slice(...(index as Parameters<NDArray['slice']>));
  if (Array.isArray(x) && index.length === 1 && typeof index[0] === 'number') return x[index[0] < 0 ? x.length + index[0] : index[0]];
  throw new TypeError(`cannot index ${String(x)}`);
}

function run(c: Case): { got?: unknown; error?: Error } {
  try {
    // eslint-disable-next-line no-new-func
    return { got: new Function('np', '__at', c.ts)(np, at) };
  } catch (e) {
    return { error: e as Error };
  }
}

/** The failed checks of one case against numpy's result, and a summary of what tsdl gave. */
export function judge(c: Case, checks: { n: number }): { fails: string[]; summary: string } {
  np.set_printoptions({ precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75, suppress: false, sign: '-', floatmode: 'maxprec' });
  const r = run(c);
  let fails: string[];
  if (r.error !== undefined) {
    const e = r.error;
    if (c.expect.t === 'error') {
      checks.n += 2;
      fails = [];
      if (e.name !== c.expect.name) fails.push(`error class ${e.name}, numpy ${c.expect.name}`);
      if (e.message !== c.expect.msg) fails.push(`message ${JSON.stringify(e.message)}, numpy ${JSON.stringify(c.expect.msg)}`);
    } else {
      checks.n++;
      fails = [`threw ${e.name}: ${e.message}`];
    }
    return { fails, summary: `${e.name}: ${e.message}` };
  }
  fails = compare(r.got, c.expect, c.exact_with_lapack && lapack() !== null ? undefined : c.tol, checks);
  return { fails, summary: show(r.got) };
}

export function runFamily(family: string): void {
  const file = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${family}.json`), 'utf8')) as { numpy: string; origin: string; cases: Case[] };
  const checks = { n: 0 };
  const recorded: Record<string, { py: string; fails: string[]; got: string }> = {};
  describe(`numpy ${file.numpy} suite: ${family} (${file.origin})`, () => {
    test.each(file.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      const { fails, summary } = judge(c, checks);
      const dev = DEVIATIONS[c.id];
      if (RECORD && fails.length) recorded[c.id] = { py: c.py, fails, got: summary };
      if (dev) {
        expect({ py: c.py, stillDiffers: fails.length > 0 }).toEqual({ py: c.py, stillDiffers: true });
        expect(summary).toBe(dev.got);
      } else {
        expect({ py: c.py, ts: c.ts, fails }).toEqual({ py: c.py, ts: c.ts, fails: [] });
      }
    });
    afterAll(() => {
      if (RECORD) fs.writeFileSync(path.join(RECORD, `${family}.json`), JSON.stringify(recorded, null, 1));
      const failing = file.cases.filter((c) => DEVIATIONS[c.id]).length;
      console.log(`${family}: ${file.cases.length} cases, ${checks.n} checks against numpy, ${failing} listed deviations`);
    });
  });
}
