/**
 * Explains a graded cell's "Cannot find name 'X'" when X is declared in a cell that runs statements:
 * grading sees only the source's declaration cells (imports, types, functions, classes) and the
 * graded cells, so a top-level `const` of a data cell exists in the kernel and not when graded.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');

function declaredNames(source: string): string[] {
  const sf = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    }
  }
  return names;
}

/** One sentence per name the errors miss that a statement cell declares; `cells` are those cells with their 1-based code-cell numbers. */
export function explainUnseen(errors: string[], cells: { codeCell: number; source: string }[]): string[] {
  const missing = new Set<string>();
  for (const e of errors) for (const m of e.matchAll(/Cannot find name '([\w$]+)'/g)) missing.add(m[1]);
  const out: string[] = [];
  for (const name of missing) {
    const where = cells.find((c) => declaredNames(c.source).includes(name));
    if (where) {
      out.push(`${name} is declared in code cell ${where.codeCell}, a cell with statements: graded functions are graded with only the graded cells and the cells that only declare `
        + `(imports, types, functions, classes), so it exists in the kernel but not when graded. Declare ${name} inside the graded cell, or in a function or a cell of declarations only.`);
    }
  }
  return out;
}
