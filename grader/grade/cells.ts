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
}

const MARKER = /^\s*\/\/\s*GRADED FUNCTION:\s*([A-Za-z_$][\w$]*)/;

export function analyzeCell(index: number, source: string, metadata: unknown): CellInfo {
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
  return { index, source, marker: m ? m[1] : null, metadataName: metadataGradeId(metadata), functions, declarationsOnly };
}

function metadataGradeId(metadata: unknown): string | null {
  if (!metadata || typeof metadata !== 'object') return null;
  const md = metadata as { tsdl?: { graded_function?: unknown }; nbgrader?: { grade_id?: unknown } };
  const name = md.tsdl?.graded_function ?? md.nbgrader?.grade_id;
  return typeof name === 'string' ? name : null;
}
