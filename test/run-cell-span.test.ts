// The runner's cell span (grader/run/tslab.ts CellSpan): run_ms is the time of a cell's own code,
// marked from inside the JavaScript tslab's executor runs, and only for cells that ran to their end.
import vm from 'vm';
import { createSession, TslabSession } from '../grader/run/tslab';

jest.setTimeout(120_000);

let session: TslabSession;
const logged: unknown[][] = [];
const errors: unknown[][] = [];
// Cells run in the process's real global context (vm.runInThisContext), not jest's sandbox.
const probe = (): number[] => vm.runInThisContext('globalThis.__spanProbe') as number[];

beforeAll(() => {
  session = createSession(process.cwd(), {
    log: (...args: unknown[]) => { logged.push(args); },
    error: (...args: unknown[]) => { errors.push(args); },
  });
});
afterAll(() => session?.executor.close());

async function run(src: string): Promise<boolean> {
  session.span.reset();
  return session.executor.execute(src);
}

test('a cell that runs to its end: the span encloses its code', async () => {
  expect(await run('const a: number = 20;\n(globalThis as any).__spanProbe = [performance.now()];\n// a trailing comment')).toBe(true);
  const [inside] = probe();
  expect(session.span.ms).toBeDefined();
  expect(session.span.start).toBeLessThanOrEqual(inside);
  expect(session.span.end).toBeGreaterThanOrEqual(inside);
});

test('cells still share variables through the executor\'s exports; the last expression is printed', async () => {
  logged.length = 0;
  expect(await run('a + 1')).toBe(true);
  expect(logged.map((args) => args.map(String))).toEqual([['21']]);
  expect(session.span.ms).toBeDefined();
});

test('top-level await: the span ends after the cell\'s last await', async () => {
  const src = 'await new Promise((r) => setTimeout(r, 5));\n(globalThis as any).__spanProbe = [performance.now()];';
  expect(await run(src)).toBe(true);
  expect(session.span.end).toBeGreaterThanOrEqual(probe()[0]);
});

test('a cell that throws or does not compile has no span', async () => {
  expect(await run("throw new RangeError('boom');")).toBe(false);
  expect(session.span.ms).toBeUndefined();
  expect(await run("const s: number = 'text';")).toBe(false);
  expect(session.span.ms).toBeUndefined();
  expect(errors.length).toBeGreaterThanOrEqual(2);
});
