/**
 * lib/np/libm against glibc 2.36 (x86-64, FMA variant: what numpy calls on the course's
 * machines), bit for bit. Fixtures: test/fixtures/libm.json, written by test/fixtures/gen_libm.py.
 */
import * as fs from 'fs';
import * as path from 'path';
import { exp, log, pow, tanh } from '../lib/np/libm';
import { EXP_COEFFS, EXP_H, EXP_TAIL } from '../lib/np/libm/exp';
import { LOG_COEFFS, LOG_TABLE } from '../lib/np/libm/log';
import { POW_COEFFS, POW_LOG_TABLE } from '../lib/np/libm/pow';

interface Fixture {
  glibc: string;
  variant: string;
  /** glibc's data tables as read from libm-2.36.a, 16 hex digits per double. */
  tables: Record<string, string>;
  /** Per function, groups of cases [...args, glibc's result], each double as 16 hex digits. */
  functions: Record<string, Record<string, string[][]>>;
}

const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'libm.json'), 'utf8'));

const fromHex = (s: string): number => Buffer.from(s, 'hex').readDoubleBE(0);
function hex(v: number): string {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(v);
  return b.toString('hex');
}

const FNS: Record<string, (...args: number[]) => number> = { exp, log, pow, tanh };
const MATH: Record<string, (...args: number[]) => number> = { exp: Math.exp, log: Math.log, pow: Math.pow, tanh: Math.tanh };

/** Mismatches of f against glibc over a function's cases (Object.is: -0 and NaN count). */
function compare(name: string, f: (...args: number[]) => number): { cases: number; off: number; first: string } {
  let cases = 0, off = 0, first = '';
  for (const [group, rows] of Object.entries(fixture.functions[name])) {
    for (const row of rows) {
      const args = row.slice(0, -1).map(fromHex), want = fromHex(row[row.length - 1]);
      const got = f(...args);
      cases++;
      if (Object.is(got, want)) continue;
      off++;
      first ||= `${name}(${args.map((a) => `${a} [${hex(a)}]`).join(', ')}) in group ${group}: ` +
        `got ${got} [${hex(got)}], glibc ${want} [${hex(want)}]`;
    }
  }
  return { cases, off, first };
}

describe(`lib/np/libm matches glibc ${fixture.glibc} (${fixture.variant})`, () => {
  for (const name of Object.keys(FNS)) {
    test(`${name} is bit-exact on every fixture case`, () => {
      const { cases, off, first } = compare(name, FNS[name]);
      expect(cases).toBeGreaterThan(2500);
      if (off) throw new Error(`${off} of ${cases} ${name} cases differ from glibc; first: ${first}`);
    });
  }

  test('V8\'s Math.* are what this replaces: they differ from glibc on these fixtures', () => {
    const report = Object.keys(MATH).map((name) => {
      const { cases, off } = compare(name, MATH[name]);
      return `${name} ${off}/${cases}`;
    });
    console.log(`Math.* vs glibc on the libm fixtures: ${report.join(', ')}`);
  });

  test('the embedded constants and tables are glibc\'s, as read from libm', () => {
    const t = fixture.tables;
    const asHex = (xs: ArrayLike<number>): string => Array.from(xs, hex).join('');
    expect(asHex(EXP_COEFFS)).toBe(t.exp_coeffs);
    expect(asHex(EXP_TAIL)).toBe(t.exp_tail);
    expect(asHex(EXP_H)).toBe(t.exp_h);
    expect(asHex(LOG_COEFFS)).toBe(t.log_coeffs);
    expect(asHex(LOG_TABLE)).toBe(t.log_table);
    expect(asHex(POW_COEFFS)).toBe(t.pow_coeffs);
    expect(asHex(POW_LOG_TABLE)).toBe(t.pow_table);
  });

  test('special values (C99 Annex F)', () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(1)).toBe(0);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-745)).toBe(5e-324);
    expect(pow(NaN, 0)).toBe(1);
    expect(pow(1, NaN)).toBe(1);
    expect(pow(-0, -3)).toBe(-Infinity);
    expect(pow(-0, 3)).toBe(-0);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(-2, 0.5)).toBeNaN();
    expect(pow(-1, Infinity)).toBe(1);
    expect(pow(0.5, -Infinity)).toBe(Infinity);
    expect(pow(-Infinity, -3)).toBe(-0);
    expect(tanh(-0)).toBe(-0);
    expect(tanh(-Infinity)).toBe(-1);
  });
});
