/** How many arguments a function declared in a cell takes: required and total (Infinity with a rest parameter). */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');

export interface Arity { required: number; total: number }

export function functionArity(source: string, name: string): Arity | null {
  const sf = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.TS);
  for (const st of sf.statements) {
    if (!ts.isFunctionDeclaration(st) || st.name?.text !== name || !st.body) continue;
    let required = 0;
    let total = 0;
    for (const p of st.parameters) {
      if (p.dotDotDotToken) return { required, total: Infinity };
      total++;
      if (!p.questionToken && !p.initializer) required = total;
    }
    return { required, total };
  }
  return null;
}
