/**
 * np.random bulk draws (the regularization notebook's dropout masks, a layer's randn init): tsdl
 * with the native addon's MT19937 fills, tsdl pure TypeScript, and numpy's legacy RandomState.
 * Then the crossover of MT19937.fillDoubles / the gaussian fill: below which n the N-API call costs
 * more than the TypeScript loop. Run: `npx tsx bench/random.ts [--reps N]`.
 * Prints Markdown tables (median per call over N batches after warm-up).
 */
import { execFileSync } from 'child_process';
import * as random from '../lib/np/random';
import { RandomState } from '../lib/np/random';
import { MT19937 } from '../lib/np/random/mt19937';
import { activeNative, nativeBlas, nativeBlasError, setNativeEnabled } from '../lib/np/native';

const reps = process.argv.includes('--reps') ? Number(process.argv[process.argv.indexOf('--reps') + 1]) : 21;

const CASES: [string, () => unknown, string][] = [
  ['rand(20, 211)', () => random.rand(20, 211), 'np.random.rand(20, 211)'],
  ['rand(3, 211)', () => random.rand(3, 211), 'np.random.rand(3, 211)'],
  ['randn(20, 211)', () => random.randn(20, 211), 'np.random.randn(20, 211)'],
];

/** Median ms per call of f, over `reps` batches of calls lasting about 20 ms each. */
function perCallMs(f: () => unknown): number {
  let batch = 1;
  for (;;) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) f();
    if (Number(process.hrtime.bigint() - s) > 2e7) break;
    batch *= 2;
  }
  const t: number[] = [];
  for (let r = 0; r < reps; r++) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) f();
    t.push(Number(process.hrtime.bigint() - s) / 1e6 / batch);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1];
}

const NUMPY = `
import json, sys, time
import numpy as np
reps = int(sys.argv[1])
def per_call_ms(f):
    batch = 1
    while True:
        s = time.perf_counter()
        for _ in range(batch): f()
        if time.perf_counter() - s > 0.02: break
        batch *= 2
    t = []
    for _ in range(reps):
        s = time.perf_counter()
        for _ in range(batch): f()
        t.append((time.perf_counter() - s) / batch)
    t.sort()
    return t[len(t) // 2] * 1e3
np.random.seed(1)
out = {}
for name, expr in json.loads(sys.argv[2]):
    f = eval('lambda: ' + expr)
    out[name] = per_call_ms(f)
print(json.dumps(out))
`;

function numpy(): Record<string, number> | null {
  try {
    const calls = JSON.stringify(CASES.map(([name, , expr]) => [name, expr]));
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', NUMPY, String(reps), calls], { encoding: 'utf8' }));
  } catch (e) {
    console.error(`numpy benchmark failed (${(e as Error).message.split('\n')[0]}); is python3-numpy installed?`);
    return null;
  }
}

function main(): void {
  const np = numpy();
  const nat = nativeBlas();
  console.log(`# np.random bulk draws, median ms per call of ${reps} batches\n`);
  console.log(`native addon: ${nat?.mtFillDoubles ? 'in use' : `not in use (${nativeBlasError() ?? 'built before native/random.c'})`}\n`);
  console.log('| call | numpy | tsdl native | tsdl pure TS | native / numpy | pure TS / numpy |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const f = (ms: number | undefined): string => (ms === undefined ? '–' : ms.toFixed(4));
  const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined ? '–' : (a / b).toFixed(2));
  for (const [name, call] of CASES) {
    random.seed(1);
    setNativeEnabled(true);
    const native = nat?.mtFillDoubles ? perCallMs(call) : undefined;
    setNativeEnabled(false);
    const pure = perCallMs(call);
    setNativeEnabled(true);
    console.log(`| ${name} | ${f(np?.[name])} | ${f(native)} | ${f(pure)} | ${ratio(native, np?.[name])} | ${ratio(pure, np?.[name])} |`);
  }
  if (!nat?.mtFillDoubles || !nat.mtFillGauss) return;

  // The crossover: the addon's entry points called directly against the TypeScript loops.
  console.log('\n## Crossover: µs per fill of n values, addon call vs TypeScript loop\n');
  console.log('| n | mtFillDoubles | fillDoubles (TS) | mtFillGauss | n × randn() (TS) |');
  console.log('|---:|---:|---:|---:|---:|');
  const mt = new MT19937(1);
  const cache = new Float64Array(2);
  const rs = new RandomState(1);
  for (const n of [1, 2, 4, 8, 16, 20, 24, 28, 32, 48, 64, 128]) {
    const out = new Float64Array(n);
    const us = (g: () => unknown): string => (perCallMs(g) * 1e3).toFixed(3);
    const nd = us(() => { mt.pos = nat.mtFillDoubles!(mt.key, mt.pos, out, 0, n); });
    setNativeEnabled(false);
    const td = us(() => mt.fillDoubles(out, 0, n));
    const tg = us(() => { for (let i = 0; i < n; i++) rs.randn(); });
    setNativeEnabled(true);
    const ng = us(() => { mt.pos = nat.mtFillGauss!(mt.key, mt.pos, out, 0, n, cache); });
    console.log(`| ${n} | ${nd} | ${td} | ${ng} | ${tg} |`);
  }
  if (!activeNative()) throw new Error('the addon was left switched off');
}

main();
