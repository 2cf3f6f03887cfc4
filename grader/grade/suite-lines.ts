/**
 * Where a field of hidden_tests.ts is written: the line of `scale: {`, `scale.cases[1].args`, ...
 * found in the file's syntax tree by following property names and array positions from the object
 * literal that holds the graded functions. A field built by code (a spread, a call) gives the line
 * of the nearest part that is written out.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');

export type FieldPath = (string | number)[];

function propertyNamed(obj: import('typescript').ObjectLiteralExpression, name: string): import('typescript').ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
}

function valueOf(p: import('typescript').ObjectLiteralElementLike): import('typescript').Node | undefined {
  if (ts.isPropertyAssignment(p)) return p.initializer;
  return undefined;
}

function unwrap(n: import('typescript').Node): import('typescript').Node {
  let x = n;
  while (ts.isAsExpression(x) || ts.isSatisfiesExpression(x) || ts.isParenthesizedExpression(x)) x = x.expression;
  return x;
}

export class SuiteLines {
  private readonly sf: import('typescript').SourceFile;
  private readonly roots: import('typescript').ObjectLiteralExpression[] = [];

  constructor(text: string) {
    this.sf = ts.createSourceFile('hidden_tests.ts', text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
    const visit = (n: import('typescript').Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === 'tests' && n.initializer) {
        const init = unwrap(n.initializer);
        if (ts.isObjectLiteralExpression(init)) this.roots.push(init);
      }
      ts.forEachChild(n, visit);
    };
    visit(this.sf);
  }

  private lineOf(n: import('typescript').Node): number {
    return this.sf.getLineAndCharacterOfPosition(n.getStart(this.sf)).line + 1;
  }

  /** The 1-based line of the field at `path` (or of its nearest written ancestor); undefined when not even the function is written out. */
  line(path: FieldPath): number | undefined {
    for (const root of this.roots) {
      let node: import('typescript').Node = root;
      let line: number | undefined;
      for (const part of path) {
        const n = unwrap(node);
        let next: import('typescript').Node | undefined;
        if (typeof part === 'string' && ts.isObjectLiteralExpression(n)) {
          const p = propertyNamed(n, part);
          if (p) { line = this.lineOf(p); next = valueOf(p); }
        } else if (typeof part === 'number' && ts.isArrayLiteralExpression(n)) {
          const e = n.elements[part];
          if (e && !ts.isSpreadElement(e)) { line = this.lineOf(e); next = e; }
        }
        if (!next) break;
        node = next;
      }
      if (line !== undefined) return line;
    }
    return undefined;
  }
}
