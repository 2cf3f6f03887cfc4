// One extra line on a compile error that comes from a Python habit, giving the tsdl form:
// operators on arrays (`W * X + b` → `W.mul(X).add(b)`, or np.dot(W, X) for a product), shapes
// as separate arguments (`np.zeros(a, b)` → `np.zeros([a, b])`) and keyword arguments
// (`np.sum(a, axis=1)` → `np.sum(a, { axis: 1 })`). The TypeScript messages themselves are kept.
import type { Diagnostic } from 'tslab/dist/converter';

/** Per operator: NDArray's method and numpy's function. */
const FORMS: Record<string, [string, string]> = {
  '+': ['add', 'add'], '-': ['sub', 'subtract'], '*': ['mul', 'multiply'], '/': ['div', 'divide'], '**': ['pow', 'power'],
  '>': ['gt', 'greater'], '<': ['lt', 'less'], '>=': ['ge', 'greater_equal'], '<=': ['le', 'less_equal'],
  '==': ['eq', 'equal'], '===': ['eq', 'equal'], '!=': ['ne', 'not_equal'], '!==': ['ne', 'not_equal'],
};
/** TypeScript's codes for an operand or operator its types do not allow. */
const OPERATOR_CODES = new Set([2362, 2363, 2365]);
const CANNOT_FIND_NAME = 2304;
const ARGUMENT_TYPE = 2345;

// ---- expressions: just enough to rewrite `W * X + b`, `A > 0.5`, `1 - A` -----------------------

type Node = { op: string; left: Node; right: Node } | { text: string };
const PRECEDENCE: [string[], boolean][] = [ // loosest first; true: right-associative
  [['==', '===', '!=', '!=='], false], [['>', '<', '>=', '<='], false], [['+', '-'], false], [['*', '/'], false], [['**'], true],
];
const TOKEN = /\s*(\*\*|===|!==|==|!=|>=|<=|[-+*/<>()]|[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\s*\[[^\]]*\]|\s*\([^()]*\))*|\d+(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+)/y;

function tokenize(text: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) out.push(m[1]);
  return TOKEN.lastIndex >= text.trimEnd().length || text.slice(TOKEN.lastIndex).trim() === '' ? out : null;
}

function parse(tokens: string[]): Node | null {
  let i = 0;
  const level = (l: number): Node | null => {
    if (l === PRECEDENCE.length) return primary();
    const [ops, right] = PRECEDENCE[l];
    let left = level(l + 1);
    while (left && i < tokens.length && ops.includes(tokens[i])) {
      const op = tokens[i++];
      const rhs = right ? level(l) : level(l + 1);
      if (!rhs) return null;
      left = { op, left, right: rhs };
    }
    return left;
  };
  const primary = (): Node | null => {
    const t = tokens[i++];
    if (t === undefined) return null;
    if (t === '(') {
      const inner = level(0);
      return tokens[i++] === ')' ? inner : null;
    }
    if (t === '-' ) { const p = primary(); return p && 'text' in p ? { text: `-${p.text}` } : null; }
    return /^[\w$.\d]/.test(t) ? { text: t.replace(/\s+/g, '') } : null;
  };
  const node = level(0);
  return node && i === tokens.length ? node : null;
}

const isNumber = (n: Node): boolean => 'text' in n && /^-?[\d.]/.test(n.text);

/** The tsdl form; `dot`: the first `*` between two arrays as np.dot. */
function render(n: Node, dot: { used: boolean } | null): string {
  if ('text' in n) return n.text;
  const l = render(n.left, dot), r = render(n.right, dot);
  if (n.op === '*' && dot && !dot.used && !isNumber(n.left) && !isNumber(n.right)) {
    dot.used = true;
    return `np.dot(${l}, ${r})`;
  }
  const [method, fn] = FORMS[n.op];
  if (isNumber(n.left) && isNumber(n.right)) return `${l} ${n.op} ${r}`;
  if (isNumber(n.left)) return `np.${fn}(${l}, ${r})`;
  return `${l}.${method}(${r})`;
}

function hasProduct(n: Node): boolean {
  return 'op' in n && ((n.op === '*' && !isNumber(n.left) && !isNumber(n.right)) || hasProduct(n.left) || hasProduct(n.right));
}

/** The expression around a diagnostic's span, on its line: from after `=`, `return`, `(`, `,` or `{` up to `;` or `,`. */
function expressionAround(src: string, start: number, end: number): string {
  const lineStart = src.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = (() => { const e = src.indexOf('\n', end); return e < 0 ? src.length : e; })();
  const line = src.slice(lineStart, lineEnd);
  let from = start - lineStart, to = end - lineStart;
  // widen to the statement's expression: after `=`, `return`, `(` or `,`; before `;`, `)` or `,`
  const before = line.slice(0, from);
  const cut = Math.max(before.lastIndexOf('= ') >= 0 ? before.lastIndexOf('=') + 1 : -1, before.lastIndexOf('return ') >= 0 ? before.lastIndexOf('return ') + 7 : -1,
    before.lastIndexOf('('), before.lastIndexOf(','), before.lastIndexOf('{'), 0 - 1) + 1;
  from = Math.max(0, cut);
  const after = line.slice(to);
  const stop = after.search(/[;,]|\)\s*;|$/);
  to += stop < 0 ? after.length : stop;
  let text = line.slice(from, to).trim();
  // unbalanced closing parentheses belong to an enclosing call
  while ((text.match(/\)/g) ?? []).length > (text.match(/\(/g) ?? []).length && text.endsWith(')')) text = text.slice(0, -1).trim();
  return text;
}

function operatorHint(src: string, d: Diagnostic): string | null {
  if (!OPERATOR_CODES.has(d.code)) return null;
  if (d.code === 2365 && !/NDArray/.test(d.messageText)) return null;
  const text = expressionAround(src, d.start.offset, d.end.offset);
  const tokens = tokenize(text);
  const node = tokens && parse(tokens);
  if (!node || !('op' in node)) {
    const op = /Operator '([^']+)'/.exec(d.messageText)?.[1];
    const method = op && FORMS[op]?.[0];
    return `hint: arrays have no operators in TypeScript; use methods or np functions: a.add(b), a.mul(b), np.dot(W, X)${method ? ` (here: .${method}(...))` : ''}.`;
  }
  const elementwise = render(node, null);
  const withDot = hasProduct(node) ? render(node, { used: false }) : null;
  return withDot
    ? `hint: arrays have no operators in TypeScript: write ${withDot} for a matrix product, or ${elementwise} element-wise (numpy's ${text}).`
    : `hint: arrays have no operators in TypeScript: write ${elementwise} (numpy's ${text}).`;
}

/** `np.zeros(a, b)`: the shape as one array, as numpy takes it. */
function shapeHint(src: string, d: Diagnostic): string | null {
  if (d.code !== ARGUMENT_TYPE) return null;
  const m = /np\.(zeros|ones|empty|full)\s*\(([^()]*?)\)/.exec(src.slice(Math.max(0, src.lastIndexOf('np.', d.start.offset)), src.indexOf(')', d.end.offset) + 1));
  if (!m) return null;
  const args = m[2].split(',').map((s) => s.trim());
  if (args.length < 2 || args.some((a) => a === '' || a.startsWith('['))) return null;
  return `hint: the shape is one array: np.${m[1]}([${args.join(', ')}]).`;
}

/** `np.sum(a, axis=1)`: Python keyword arguments become a trailing options object. */
function keywordHint(src: string, d: Diagnostic): string | null {
  if (d.code !== CANNOT_FIND_NAME) return null;
  const name = src.slice(d.start.offset, d.end.offset);
  if (!/^\s*=(?!=)/.test(src.slice(d.end.offset))) return null;
  const open = src.lastIndexOf('(', d.start.offset);
  const close = src.indexOf(')', d.end.offset);
  if (open < 0 || close < 0) return null;
  const call = src.slice(open + 1, close);
  const fn = /([\w$.]+)\s*$/.exec(src.slice(0, open))?.[1] ?? 'f';
  const parts = call.split(',').map((s) => s.trim());
  const positional = parts.filter((p) => !/^[A-Za-z_]\w*\s*=(?!=)/.test(p));
  const keywords = parts.filter((p) => /^[A-Za-z_]\w*\s*=(?!=)/.test(p)).map((p) => {
    const [k, v] = p.split(/=(.*)/s).map((s) => s.trim());
    return `${k}: ${v === 'True' ? 'true' : v === 'False' ? 'false' : v === 'None' ? 'null' : v}`;
  });
  if (!keywords.length || !parts.some((p) => p.startsWith(name))) return null;
  return `hint: keyword arguments are an options object: ${fn}(${[...positional, `{ ${keywords.join(', ')} }`].join(', ')}).`;
}

/** The diagnostics, the first one with a hint getting it as one more line (one hint per cell). */
export function addHints(src: string, diagnostics: Diagnostic[]): Diagnostic[] {
  let hinted = false;
  return diagnostics.map((d) => {
    if (hinted || d.fileName) return d;
    let hint: string | null = null;
    try {
      hint = operatorHint(src, d) ?? shapeHint(src, d) ?? keywordHint(src, d);
    } catch { /* a hint is a courtesy: never let it hide the message */ }
    if (!hint) return d;
    hinted = true;
    return { ...d, messageText: `${d.messageText}\n${hint}` };
  });
}
