/**
 * Finds what matters in a notebook's code cells without running them: which top-level functions a
 * cell declares, its `// GRADED FUNCTION:` marker, and whether it only declares things (imports,
 * functions, types), which makes it safe to include when grading.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');

export interface CellInfo {
  index: number;
  source: string;
  marker: string | null;
  metadataName: string | null;
  functions: string[];
  declarationsOnly: boolean;
  /**
   * Every module the compiler would look up for the cell: imports, exports from, `import x =
   * require()`, import() with a literal name, import types, reference directives. (A plain
   * require() call is left to the sandbox, which refuses it at run time.)
   */
  imports: string[];
}

/** A cell larger than this is not parsed: no graded cell comes near it. */
export const MAX_CELL_CHARS = 1_000_000;

function moduleNames(sf: import('typescript').SourceFile): string[] {
  const out: string[] = [];
  const text = (e: import('typescript').Node | undefined): void => {
    if (e && ts.isStringLiteralLike(e)) out.push(e.text);
  };
  const visit = (n: import('typescript').Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) text(n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) text(n.moduleReference.expression);
    else if (ts.isImportTypeNode(n)) text(ts.isLiteralTypeNode(n.argument) ? n.argument.literal : n.argument);
    else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) text(n.arguments[0]);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  for (const r of [...sf.referencedFiles, ...sf.typeReferenceDirectives, ...sf.libReferenceDirectives]) out.push(`/// <reference ${r.fileName}>`);
  return out;
}

const MARKER = /^\s*\/\/\s*GRADED FUNCTION:\s*([A-Za-z_$][\w$]*)/;

export function analyzeCell(index: number, source: string, metadata: unknown): CellInfo {
  if (source.length > MAX_CELL_CHARS) throw new RangeError(`the cell has ${source.length} characters, over the ${MAX_CELL_CHARS} this grader reads`);
  const sf = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.TS);
  const functions: string[] = [];
  let declarationsOnly = true;
  for (const st of sf.statements) {
    // Only a function with a body defines it: `declare function f(...)` and overload signatures do not.
    if (ts.isFunctionDeclaration(st) && st.name && st.body) functions.push(st.name.text);
    else if (!(ts.isImportDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)
      || ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st))) declarationsOnly = false;
  }
  const m = MARKER.exec(source.split('\n', 1)[0] ?? '');
  return { index, source, marker: m ? m[1] : null, metadataName: metadataGradeId(metadata), functions, declarationsOnly, imports: moduleNames(sf) };
}

function metadataGradeId(metadata: unknown): string | null {
  if (!metadata || typeof metadata !== 'object') return null;
  const md = metadata as { tsdl?: { graded_function?: unknown }; nbgrader?: { grade_id?: unknown } };
  const name = md.tsdl?.graded_function ?? md.nbgrader?.grade_id;
  return typeof name === 'string' ? name : null;
}
