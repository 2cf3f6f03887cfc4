/**
 * lib/np/exp_log.ts, what np.exp / np.log and the course's fused loops compute with: with the native
 * addon, glibc 2.36's exp and log bit for bit on every input of test/fixtures/libm.json (written by
 * gen_libm.py from glibc itself); without it, V8's Math.*.
 */
import * as fs from 'fs';
import * as path from 'path';
import { np } from '../lib';
import { setGemmOptions } from '../lib/np/gemm';
import { expInto, logInto } from '../lib/np/exp_log';
import { nativeBlas, nativeBlasError } from '../lib/np/native';

interface Fixture { glibc: string; functions: Record<string, Record<string, string[][]>> }
const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'libm.json'), 'utf8'));
const fromHex = (s: string): number => Buffer.from(s, 'hex').readDoubleBE(0);

function cases(name: string): { x: Float64Array; want: Float64Array } {
  const rows = Object.values(fixture.functions[name]).flat();
  return { x: Float64Array.from(rows, (r) => fromHex(r[0])), want: Float64Array.from(rows, (r) => fromHex(r[1])) };
}

afterEach(() => setGemmOptions({ native: true }));

describe.each([['exp', expInto, np.exp], ['log', logInto, np.log]] as const)('%s', (name, into, ufunc) => {
  const { x, want } = cases(name);
  const one = (v: number): number => { const o = new Float64Array(1); into(new Float64Array([v]), 0, 1, o, 0); return o[0]; };

  test(`with the native addon: glibc ${fixture.glibc}'s values on all fixture inputs (arrays, np.${name})`, () => {
    if (!nativeBlas()) throw new Error(`native addon unavailable: ${nativeBlasError()}`);
    expect(x.length).toBeGreaterThan(2000);
    const out = new Float64Array(x.length + 3);
    into(x, 0, x.length, out, 3);
    const viaNp = ufunc(np.array(Array.from(x))).values();
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(out[3 + i], want[i])) throw new Error(`${name}(${x[i]}): array ${out[3 + i]} vs glibc ${want[i]}`);
      if (!Object.is(viaNp[i], want[i])) throw new Error(`np.${name}(${x[i]}): ${viaNp[i]} vs glibc ${want[i]}`);
    }
  });

  test('in place, and at an offset of a view', () => {
    const buf = new Float64Array(10).map((_, i) => (i + 1) / 3);
    const copy = buf.slice();
    into(buf, 2, 5, buf, 2);
    for (let i = 0; i < 10; i++) expect(Object.is(buf[i], i >= 2 && i < 7 ? one(copy[i]) : copy[i])).toBe(true);
  });

  test("without the addon: V8's Math function, which differs from glibc on some inputs", () => {
    setGemmOptions({ native: false });
    const out = new Float64Array(x.length);
    into(x, 0, x.length, out, 0);
    const math = name === 'exp' ? Math.exp : Math.log;
    let differ = 0;
    for (let i = 0; i < x.length; i++) {
      expect(Object.is(out[i], math(x[i]))).toBe(true);
      if (!Object.is(out[i], want[i])) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });
});
