/**
 * Maps a line of tslab's JavaScript output back to the line of the TypeScript cell it came from,
 * so an exception can name the student's own line. The compiler keeps statement order but drops
 * types, blank lines and some comments, so lines are matched by their identifiers and numbers,
 * monotonically.
 */
const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;
const NOISE = new Set(['exports', 'const', 'let', 'var', 'function', 'return', 'void', 'Object', 'defineProperty', '__esModule', 'value', 'true']);

function tokens(line: string): string[] {
  return (line.replace(/\/\/.*$/, '').match(TOKEN) ?? []).filter((t) => !NOISE.has(t));
}

function similarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const pool = new Map<string, number>();
  for (const t of b) pool.set(t, (pool.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of a) { const n = pool.get(t) ?? 0; if (n > 0) { common++; pool.set(t, n - 1); } }
  return (2 * common) / (a.length + b.length);
}

/** Inputs beyond these sizes are not mapped: the work stays small whatever a submission holds. */
const MAX_LINE_CHARS = 2000;
const MAX_LINES = 5000;

/** 1-based TS line for a 1-based JS line, or undefined when nothing matches well. */
export function sourceLineFor(js: string, ts: string, jsLine: number): number | undefined {
  if (js.length > MAX_LINE_CHARS * MAX_LINES || ts.length > MAX_LINE_CHARS * MAX_LINES) return undefined;
  const jsLines = js.split('\n'), tsLines = ts.split('\n');
  if (tsLines.length > MAX_LINES || (jsLines[jsLine - 1] ?? '').length > MAX_LINE_CHARS) return undefined;
  const target = tokens(jsLines[jsLine - 1] ?? '');
  if (!target.length) return undefined;
  // Expected position: the same fraction of the way through the cell; ties go to the nearest.
  const guess = ((jsLine - 1) / Math.max(1, jsLines.length - 1)) * (tsLines.length - 1);
  let best: number | undefined, bestScore = 0.5;
  tsLines.forEach((l, i) => {
    if (l.length > MAX_LINE_CHARS) return;
    const s = similarity(target, tokens(l)) - Math.abs(i - guess) * 1e-4;
    if (s > bestScore) { bestScore = s; best = i + 1; }
  });
  return best;
}
