/**
 * lib/np/libm against V8's Math.*: time per call over 1e6 inputs, and mismatches against glibc
 * over the large sets bench/libm_reference_sets.py writes to /tmp/libm_big (1e6 inputs per
 * function, with glibc's FMA variant and, for comparison, its SSE2 variant).
 * Usage: /usr/bin/python3 bench/libm_reference_sets.py && npx tsx bench/libm.bench.ts [dir]
 */
import * as fs from 'fs';
import * as path from 'path';
import { exp, log, pow, tanh } from '../lib/np/libm';

type Fn = (...args: number[]) => number;
const N = 1_000_000;

function uniform(lo: number, hi: number): Float64Array {
  let s = 12345;
  return Float64Array.from({ length: N }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return lo + (hi - lo) * (s / 2 ** 32);
  });
}

/** Best of several passes, in ns per call; the sum keeps the calls from being optimized away. */
function nsPerCall(f: (x: number) => number, xs: Float64Array): number {
  let best = Infinity, sink = 0;
  for (let pass = 0; pass < 7; pass++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < xs.length; i++) sink += f(xs[i]);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / xs.length);
  }
  if (sink === 0.5) console.log(sink);
  return best;
}

function speed(): void {
  const unit = uniform(Number.MIN_VALUE, 1), wide = uniform(-50, 50), ten = uniform(0, 10);
  const steps = Float64Array.from({ length: N }, (_, i) => 1 + (i % 10000));
  const rows: [string, (x: number) => number, (x: number) => number, Float64Array][] = [
    ['log(x), x in (0, 1)', log, Math.log, unit],
    ['exp(x), x in [-50, 50]', exp, Math.exp, wide],
    ['pow(x, 1.7), x in [0, 10]', (x) => pow(x, 1.7), (x) => Math.pow(x, 1.7), ten],
    ['pow(0.999, t), t in 1..10000', (t) => pow(0.999, t), (t) => Math.pow(0.999, t), steps],
    ['tanh(x), x in [-5, 5]', tanh, Math.tanh, uniform(-5, 5)],
  ];
  console.log('| call | ours ns | Math.* ns | ratio |\n|---|---|---|---|');
  for (const [name, ours, math, xs] of rows) {
    const a = nsPerCall(ours, xs), b = nsPerCall(math, xs);
    console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(a / b).toFixed(2)} |`);
  }
}

function f64(file: string): Float64Array {
  const b = fs.readFileSync(file);
  return new Float64Array(b.buffer, b.byteOffset, b.length / 8);
}

function mismatches(dir: string): void {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    console.log(`\nno reference sets in ${dir}: run /usr/bin/python3 bench/libm_reference_sets.py first`);
    return;
  }
  const fns: [string, Fn, Fn][] = [['log', log, Math.log], ['exp', exp, Math.exp], ['pow', pow, Math.pow], ['tanh', tanh, Math.tanh]];
  console.log('\n| function | inputs | ours vs glibc FMA | Math.* vs glibc FMA | ours vs glibc SSE2 | glibc FMA vs SSE2 |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, ours, math] of fns) {
    const data = f64(path.join(dir, `${name}.f64`));
    const sse2File = path.join(dir, `${name}.nofma.f64`);
    const sse2 = fs.existsSync(sse2File) ? f64(sse2File) : null;
    const arity = name === 'pow' ? 2 : 1, n = data.length / (arity + 1);
    const args = (i: number): number[] => (arity === 1 ? [data[i]] : [data[i], data[n + i]]);
    let off = 0, mathOff = 0, offSse2 = 0, variants = 0;
    for (let i = 0; i < n; i++) {
      const want = data[arity * n + i], got = ours(...args(i));
      if (!Object.is(got, want)) off++;
      if (!Object.is(math(...args(i)), want)) mathOff++;
      if (sse2 && !Object.is(got, sse2[i])) offSse2++;
      if (sse2 && !Object.is(want, sse2[i])) variants++;
    }
    const pct = (k: number): string => `${k} (${(100 * k / n).toFixed(3)}%)`;
    console.log(`| ${name} | ${n} | ${pct(off)} | ${pct(mathOff)} | ${sse2 ? pct(offSse2) : '-'} | ${sse2 ? pct(variants) : '-'} |`);
  }
}

speed();
mismatches(process.argv[2] ?? '/tmp/libm_big');
