/**
 * Public test cells stand alone: a cell that calls a public test (`<name>_test(...)`) declares
 * nothing later cells use. In tslab a cell that throws loses its declarations, so a test cell that
 * declares `const params = ...` and then fails would make every later cell fail with "Cannot find name".
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');
import type { Notebook } from '../notebook';
import { CheckResult, checkResult } from './check';

const MARKER = /^\s*\/\/\s*GRADED FUNCTION:/;
const CALLS_TEST = /\b[A-Za-z_$][\w$]*_test\s*\(/;

type Node = import('typescript').Node;

function bindingNames(n: import('typescript').BindingName, out: string[]): void {
  if (ts.isIdentifier(n)) out.push(n.text);
  else for (const e of n.elements) if (!ts.isOmittedExpression(e)) bindingNames(e.name, out);
}

function topLevelNames(source: string): string[] {
  const sf = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bindingNames(d.name, names);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) names.push(st.name.text);
  }
  return names;
}

/** Names a cell uses from outside: identifiers it reads or assigns, minus the names it declares anywhere (parameters too). */
function usedNames(source: string): Set<string> {
  const sf = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const used = new Set<string>();
  const declared = new Set<string>();
  const visit = (n: Node): void => {
    if (ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isBindingElement(n)) { const d: string[] = []; bindingNames(n.name, d); d.forEach((x) => declared.add(x)); }
    if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name) declared.add(n.name.text);
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isName = p && ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)
        || (ts.isMethodDeclaration(p) && p.name === n) || (ts.isPropertySignature(p) && p.name === n));
      if (!isName) used.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  for (const d of declared) used.delete(d);
  return used;
}

export function testCellsCheck(source: Notebook): CheckResult {
  const problems: string[] = [];
  const code = source.cells.filter((c) => c.cell_type === 'code').map((c) => c.source);
  let tests = 0;
  code.forEach((src, k) => {
    if (MARKER.test(src.split('\n', 1)[0] ?? '') || !CALLS_TEST.test(src)) return;
    tests++;
    for (const name of topLevelNames(src)) {
      const user = code.findIndex((later, j) => j > k && usedNames(later).has(name));
      if (user >= 0) {
        problems.push(`code cell ${k + 1} runs a public test and declares ${name}, which code cell ${user + 1} uses: if the test throws, `
          + `${name} is lost and code cell ${user + 1} fails too; declare ${name} in a cell of its own before the test cell`);
      }
    }
  });
  return checkResult('public test cells declare names later cells use', problems, `public test cells (${tests}) declare nothing later cells depend on`);
}
