/**
 * Makes a cell's calls between graded functions independent of cell layout. tslab compiles a
 * reference to a function from another cell as `exports.f`, but one from the same cell as plain
 * `f`; so a caller merged into one cell with its callee would keep calling the student's callee
 * when the grader swaps in the reference. This rewrites, inside function bodies (which run only
 * when called, after every cell has run), each reference to a graded function that is not shadowed
 * by a local name into `exports.f`, as if the function came from another cell.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ts = require('@tslab/typescript-for-tslab') as typeof import('typescript');

type Node = import('typescript').Node;

function addBinding(name: import('typescript').BindingName, out: Set<string>): void {
  if (ts.isIdentifier(name)) out.add(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBinding(el.name, out);
}

const isLexical = (list: import('typescript').VariableDeclarationList): boolean =>
  (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0;

/** let, const, class and function declarations directly in a list of statements (a block's scope). */
function blockScoped(statements: readonly import('typescript').Statement[], out: Set<string>): void {
  for (const st of statements) {
    if (ts.isVariableStatement(st) && isLexical(st.declarationList)) for (const d of st.declarationList.declarations) addBinding(d.name, out);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name) out.add(st.name.text);
  }
}

/** var declarations anywhere in a function body, nested functions excepted (they are function-scoped). */
function varScoped(node: Node, out: Set<string>): void {
  ts.forEachChild(node, (c) => {
    if (ts.isFunctionLike(c) || ts.isClassLike(c)) return;
    if (ts.isVariableDeclarationList(c) && !isLexical(c)) for (const d of c.declarations) addBinding(d.name, out);
    varScoped(c, out);
  });
}

/** Names a scope-making node declares into its own scope. */
function declaredNames(node: Node, out: Set<string>): void {
  if (ts.isFunctionLike(node)) {
    for (const p of node.parameters) addBinding(p.name, out);
    if (ts.isFunctionExpression(node) && node.name) out.add(node.name.text);
    const body = (node as { body?: Node }).body;
    if (body) {
      varScoped(body, out);
      if (ts.isBlock(body)) blockScoped(body.statements, out);
    }
  } else if (ts.isBlock(node)) {
    blockScoped(node.statements, out);
  } else if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && node.initializer
    && ts.isVariableDeclarationList(node.initializer) && isLexical(node.initializer)) {
    for (const d of node.initializer.declarations) addBinding(d.name, out);
  } else if (ts.isCatchClause(node) && node.variableDeclaration) {
    addBinding(node.variableDeclaration.name, out);
  }
}

function isReference(id: import('typescript').Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return false;
  if ((ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p) || ts.isClassExpression(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  if (ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p)) return false;
  return true;
}

/** `js` (tslab's output for one cell) with same-cell references to `names` bound through exports. */
export function bindThroughExports(js: string, names: ReadonlySet<string>): string {
  if (names.size === 0) return js;
  const sf = ts.createSourceFile('cell.js', js, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const edits: { start: number; end: number; text: string }[] = [];
  const walk = (n: Node, shadowed: ReadonlySet<string>, inFunction: boolean): void => {
    let scope = shadowed;
    let nowInFunction = inFunction;
    if (ts.isFunctionLike(n) || ts.isBlock(n) || ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n) || ts.isCatchClause(n)) {
      const local = new Set<string>();
      declaredNames(n, local);
      // Only graded names matter, so the set stays as small as the assignment's list of functions.
      const hiding = [...local].filter((x) => names.has(x) && !shadowed.has(x));
      if (hiding.length) scope = new Set([...shadowed, ...hiding]);
      if (ts.isFunctionLike(n)) nowInFunction = true;
    }
    if (nowInFunction && ts.isIdentifier(n) && names.has(n.text) && !scope.has(n.text) && isReference(n)) {
      const p = n.parent;
      const text = ts.isShorthandPropertyAssignment(p) ? `${n.text}: exports.${n.text}` : `exports.${n.text}`;
      edits.push({ start: n.getStart(sf), end: n.getEnd(), text });
    }
    ts.forEachChild(n, (c) => walk(c, scope, nowInFunction));
  };
  walk(sf, new Set(), false);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) { parts.push(js.slice(at, e.start), e.text); at = e.end; }
  parts.push(js.slice(at));
  return parts.join('');
}

/**
 * `js` with each top-level graded function exported as soon as the cell starts (function
 * declarations are hoisted), so a statement that throws later in the cell does not take the
 * function with it. Inserted on the line of tslab's `exports.f = void 0` preamble: lines keep their numbers.
 */
export function exportEarly(js: string, names: ReadonlySet<string>): string {
  const sf = ts.createSourceFile('cell.js', js, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const declared = sf.statements
    .filter((s): s is import('typescript').FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name && !!s.body && names.has(s.name.text))
    .map((s) => s.name!.text);
  if (declared.length === 0) return js;
  const voidInit = sf.statements.find((s) => ts.isExpressionStatement(s) && /=\s*void 0\s*;?\s*$/.test(s.getText(sf)) && s.getText(sf).startsWith('exports.'));
  const at = voidInit ? voidInit.getEnd() : 0;
  const text = `${voidInit ? ' ' : ''}${declared.map((n) => `exports.${n} = ${n};`).join(' ')}${voidInit ? '' : ' '}`;
  return js.slice(0, at) + text + js.slice(at);
}
