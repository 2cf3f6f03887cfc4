/**
 * The small check runner behind the public tests students call after each graded function
 * (`<name>_test(<name>)`): every check prints a line, failures say what differed, and a summary
 * line ends the report. Checks compare with numpy-like tolerances (allclose).
 */
import { np } from '../np';
import { NDArray } from '../np/ndarray';
import { formatShape } from '../np/errors';

export class CheckFailure extends Error {}

export interface Check { name: string; run: () => void }

const GREEN = '\u001b[92m', RED = '\u001b[91m', RESET = '\u001b[0m';

/** Runs the checks, printing one line each and a summary; returns the number that failed. */
export function runChecks(title: string, checks: Check[]): number {
  let failed = 0;
  for (const c of checks) {
    try {
      c.run();
      console.log(`${GREEN}✓${RESET} ${c.name}`);
    } catch (err) {
      failed++;
      const why = err instanceof CheckFailure ? err.message : `raised ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
      console.log(`${RED}✗ ${c.name}: ${why}${RESET}`);
    }
  }
  if (failed === 0) console.log(`${GREEN}All tests passed.${RESET}`);
  else console.log(`${RED}${title}: ${failed} of ${checks.length} checks failed.${RESET}`);
  return failed;
}

export function fail(message: string): never { throw new CheckFailure(message); }

export function expectNDArray(x: unknown, what: string): NDArray {
  if (!(x instanceof NDArray)) fail(`${what} should be an NDArray, got ${x === null ? 'null' : typeof x}`);
  return x;
}

export function expectShape(x: unknown, shape: readonly number[], what: string): NDArray {
  const a = expectNDArray(x, what);
  if (formatShape(a.shape) !== formatShape(shape)) fail(`${what} has shape ${formatShape(a.shape)}, expected ${formatShape(shape)}`);
  return a;
}

/** allclose with numpy's defaults (rtol 1e-5, atol 1e-8), reporting the first differing index. */
export function expectClose(x: unknown, expected: NDArray | number[][] | number[], what: string, tol: { rtol?: number; atol?: number } = {}): void {
  const e = expected instanceof NDArray ? expected : np.array(expected);
  const a = expectShape(x, e.shape, what);
  const rtol = tol.rtol ?? 1e-5, atol = tol.atol ?? 1e-8;
  const av = a.values(), ev = e.values();
  for (let i = 0; i < ev.length; i++) {
    if (!(Math.abs(av[i] - ev[i]) <= atol + rtol * Math.abs(ev[i]))) {
      fail(`${what}${indexLabel(e.shape, i)} is ${av[i]}, expected ${ev[i]}`);
    }
  }
}

export function expectNumberClose(x: unknown, expected: number, what: string, rtol = 1e-7): void {
  const v = x instanceof NDArray && x.size === 1 ? x.item() : x;
  if (typeof v !== 'number') fail(`${what} should be a number, got ${typeof x}`);
  if (!(Math.abs(v - expected) <= rtol * Math.abs(expected) + 1e-12)) fail(`${what} is ${v}, expected ${expected}`);
}

export function expectKeys(x: unknown, keys: readonly string[], what: string): Record<string, unknown> {
  if (x === null || typeof x !== 'object' || x instanceof NDArray) fail(`${what} should be an object with keys ${keys.join(', ')}`);
  const missing = keys.filter((k) => !(k in (x as object)));
  if (missing.length) fail(`${what} is missing key(s) ${missing.join(', ')}`);
  return x as Record<string, unknown>;
}

function indexLabel(shape: readonly number[], flat: number): string {
  if (shape.length === 0) return '';
  const idx: number[] = [];
  for (let k = shape.length - 1; k >= 0; k--) { idx.unshift(flat % shape[k]); flat = Math.floor(flat / shape[k]); }
  return `[${idx.join(', ')}]`;
}
