// Solution markers in source notebooks, and the student stubs that replace them.
//
// Code cells:
//     // START CODE HERE (≈ 3 lines of code)
//     // BEGIN SOLUTION
//     ...the instructor's solution...
//     // END SOLUTION
//     // END CODE HERE
// The solution becomes a stub that still type-checks: a comment line and a `throw` of
// "not implemented: <function> — ...", at the solution's indentation. N in the START line is
// recounted from the solution (lines that are neither blank nor comments).
//
// Markdown cells: the text between `<!-- BEGIN SOLUTION -->` and `<!-- END SOLUTION -->` lines
// becomes an answer placeholder.

/**
 * A marker problem; the message names the file, the cell and the line (1-based, in the cell). `cell`
 * is the cell's index, or how a notebook names it (`code cell 3`, 1-based among code cells).
 */
export class ReleaseError extends Error {
  constructor(readonly file: string, readonly cell: number | string, readonly line: number | null, readonly problem: string) {
    super(`${file}: ${typeof cell === 'number' ? `cell ${cell}` : cell}${line !== null ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'ReleaseError';
  }
}

const START_CODE = /^(\s*)\/\/\s*START CODE HERE\b(.*)$/;
const END_CODE = /^\s*\/\/\s*END CODE HERE\b/;
const BEGIN_SOLUTION = /^\s*\/\/\s*BEGIN SOLUTION\b/;
const END_SOLUTION = /^\s*\/\/\s*END SOLUTION\b/;
const LINES_OF_CODE = /\s*\(\s*≈\s*\d+\s+lines?\s+of\s+code\s*\)/;
export const GRADED_FUNCTION = /^\s*\/\/\s*GRADED FUNCTION:\s*([A-Za-z_$][\w$]*)\s*$/;
const GRADED_FUNCTION_ANYWHERE = /^\s*\/\/\s*GRADED FUNCTION\b/;

const MD_BEGIN = /^\s*<!--\s*BEGIN SOLUTION\s*-->\s*$/;
const MD_END = /^\s*<!--\s*END SOLUTION\s*-->\s*$/;
const MD_ANY = /<!--\s*(BEGIN|END) SOLUTION\s*-->/;

/** What a student sees where a markdown answer was. */
export const MARKDOWN_PLACEHOLDER = '_Write your answer here._';

export const STUB_COMMENT = '// Your code here: replace the line below.';

export function stubMessage(name: string): string {
  return `not implemented: ${name} — fill in the code between START CODE HERE and END CODE HERE`;
}

export interface CellContext {
  file: string;
  /** Index of the cell in the source notebook (error messages). */
  index: number;
  /** What a stub outside any function calls the code; default `cell <index>`. */
  label?: string;
}

const indentOf = (line: string): string => /^\s*/.exec(line)![0];

/**
 * Lines of code in a solution, as the "(≈ N lines of code)" hint counts them: not blank and not
 * only a comment (`// ...`, or inside / opening / closing a block comment).
 */
export function countCodeLines(lines: string[]): number {
  let n = 0;
  let inBlock = false;
  for (const raw of lines) {
    let line = raw.trim();
    if (inBlock) {
      const close = line.indexOf('*/');
      if (close < 0) continue;
      inBlock = false;
      line = line.slice(close + 2).trim();
    }
    while (line.startsWith('/*')) {
      const close = line.indexOf('*/', 2);
      if (close < 0) {
        inBlock = true;
        line = '';
        break;
      }
      line = line.slice(close + 2).trim();
    }
    if (line === '' || line.startsWith('//')) continue;
    n++;
  }
  return n;
}

export function formatStartLine(indent: string, rest: string, n: number): string {
  const tail = rest.replace(LINES_OF_CODE, '').trimEnd();
  return `${indent}// START CODE HERE (≈ ${n} line${n === 1 ? '' : 's'} of code)${tail}`;
}

const FUNCTION_DECL = /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*[<(]/;
const ARROW_OR_FUNCTION_EXPR = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>|<)/;

/** The name of the function declared on this line, if it declares one. */
export function declaredFunction(line: string): string | undefined {
  return FUNCTION_DECL.exec(line)?.[1] ?? ARROW_OR_FUNCTION_EXPR.exec(line)?.[1];
}

/**
 * The function a line at `at` is in: walking up, the nearest less-indented line that declares a
 * function (skipping less-indented lines that open loops, ifs, ...).
 */
function enclosingFunction(lines: string[], at: number): string | undefined {
  let indent = indentOf(lines[at]).length;
  for (let i = at - 1; i >= 0 && indent > 0; i--) {
    if (lines[i].trim() === '') continue;
    const ind = indentOf(lines[i]).length;
    if (ind >= indent) continue;
    const name = declaredFunction(lines[i]);
    if (name) return name;
    indent = ind;
  }
  return undefined;
}

export interface CodeTransform {
  source: string;
  /** Name from a first-line `// GRADED FUNCTION: <name>`, if any. */
  gradedFunction?: string;
  /** Number of solution blocks replaced. */
  solutions: number;
}

/** Replaces every solution block of a code cell by its stub; checks the markers nest properly. */
export function releaseCode(source: string, ctx: CellContext): CodeTransform {
  const lines = source.split('\n');
  const fail = (line: number | null, problem: string): never => {
    throw new ReleaseError(ctx.file, ctx.index, line === null ? null : line + 1, problem);
  };

  const graded = GRADED_FUNCTION.exec(lines[0] ?? '')?.[1];
  lines.forEach((line, i) => {
    if (i === 0 && graded) return;
    if (GRADED_FUNCTION_ANYWHERE.test(line)) {
      fail(i, i === 0 ? 'malformed marker; write `// GRADED FUNCTION: <name>`' : '`// GRADED FUNCTION: <name>` must be the first line of its cell');
    }
  });
  const fallbackName = graded ?? ctx.label ?? `cell ${ctx.index}`;

  const out: string[] = [];
  let region: { line: number; outIndex: number; indent: string; rest: string; codeLines: number; solutions: number } | null = null;
  let solution: { line: number; body: string[] } | null = null;
  let solutions = 0;

  lines.forEach((line, i) => {
    const start = START_CODE.exec(line);
    if (start) {
      if (solution) fail(i, `START CODE HERE inside the solution block opened at line ${solution.line + 1}`);
      if (region) fail(i, `START CODE HERE inside the START CODE HERE block opened at line ${region.line + 1} (blocks cannot nest)`);
      region = { line: i, outIndex: out.length, indent: start[1], rest: start[2], codeLines: 0, solutions: 0 };
      out.push(line);
      return;
    }
    if (END_CODE.test(line)) {
      if (solution) fail(i, `END CODE HERE before the END SOLUTION of the block opened at line ${solution.line + 1}`);
      if (!region) fail(i, 'END CODE HERE without a START CODE HERE');
      const r = region!;
      if (r.solutions > 0) out[r.outIndex] = formatStartLine(r.indent, r.rest, r.codeLines);
      region = null;
      out.push(line);
      return;
    }
    if (BEGIN_SOLUTION.test(line)) {
      if (solution) fail(i, `BEGIN SOLUTION inside the solution block opened at line ${solution.line + 1} (blocks cannot nest)`);
      if (!region) fail(i, 'BEGIN SOLUTION outside START CODE HERE … END CODE HERE');
      solution = { line: i, body: [] };
      return;
    }
    if (END_SOLUTION.test(line)) {
      if (!solution) fail(i, 'END SOLUTION without a BEGIN SOLUTION');
      const s = solution!;
      const r = region!;
      const firstCode = s.body.find((l) => l.trim() !== '');
      const indent = indentOf(firstCode ?? lines[s.line]);
      const name = enclosingFunction(lines, s.line) ?? fallbackName;
      out.push(`${indent}${STUB_COMMENT}`);
      out.push(`${indent}throw new Error('${stubMessage(name).replace(/[\\']/g, '\\$&')}');`);
      r.codeLines += countCodeLines(s.body);
      r.solutions++;
      solutions++;
      solution = null;
      return;
    }
    if (solution) solution.body.push(line);
    else out.push(line);
  });
  if (solution) fail((solution as { line: number }).line, 'BEGIN SOLUTION is never closed by END SOLUTION');
  if (region) fail((region as { line: number }).line, 'START CODE HERE is never closed by END CODE HERE');
  return { source: out.join('\n'), gradedFunction: graded, solutions };
}

/** Replaces each solution part of a markdown cell by the answer placeholder. */
export function releaseMarkdown(source: string, ctx: CellContext): string {
  const lines = source.split('\n');
  const out: string[] = [];
  let open: number | null = null;
  lines.forEach((line, i) => {
    if (MD_BEGIN.test(line)) {
      if (open !== null) throw new ReleaseError(ctx.file, ctx.index, i + 1, `<!-- BEGIN SOLUTION --> inside the solution opened at line ${open + 1} (blocks cannot nest)`);
      open = i;
      return;
    }
    if (MD_END.test(line)) {
      if (open === null) throw new ReleaseError(ctx.file, ctx.index, i + 1, '<!-- END SOLUTION --> without a <!-- BEGIN SOLUTION -->');
      out.push(MARKDOWN_PLACEHOLDER);
      open = null;
      return;
    }
    if (MD_ANY.test(line)) {
      throw new ReleaseError(ctx.file, ctx.index, i + 1, 'solution markers must stand alone on their line');
    }
    if (open === null) out.push(line);
  });
  if (open !== null) throw new ReleaseError(ctx.file, ctx.index, open + 1, '<!-- BEGIN SOLUTION --> is never closed by <!-- END SOLUTION -->');
  return out.join('\n');
}
