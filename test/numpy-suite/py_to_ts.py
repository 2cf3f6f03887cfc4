"""Translates the Python (numpy) expressions of the suite's cases into tsdl TypeScript.

The rules are tsdl's numpy contract: keyword arguments become a trailing options object, tuples and
lists become JS arrays, a[i, 1:3] becomes a.slice(i, '1:3'), operators become ufunc calls.
"""
import ast

OPS = {ast.Add: 'add', ast.Sub: 'subtract', ast.Mult: 'multiply', ast.Div: 'divide', ast.Pow: 'power',
       ast.MatMult: 'matmul', ast.Mod: 'mod'}
CMP = {ast.Gt: 'greater', ast.GtE: 'greater_equal', ast.Lt: 'less', ast.LtE: 'less_equal', ast.Eq: 'equal',
       ast.NotEq: 'not_equal'}
NAMES = {'True': 'true', 'False': 'false', 'None': 'null', 'float': "'float64'", 'int': "'int64'", 'bool': "'bool'"}
ATTRS = {'np.nan': 'NaN', 'np.inf': 'Infinity', 'np.pi': 'Math.PI', 'np.e': 'Math.E', 'np.newaxis': 'null'}
DTYPES = {'float': "'float64'", 'int': "'int64'", 'bool': "'bool'", 'np.float64': "'float64'", 'np.int64': "'int64'",
          'np.bool_': "'bool'"}
# Functions whose keyword arguments tsdl takes positionally.
POSITIONAL = {'np.linspace': ['num'], 'np.arange': ['stop', 'step', 'dtype'], 'np.eye': ['M', 'k', 'dtype'],
              'np.zeros': ['dtype'], 'np.ones': ['dtype'], 'np.full': ['fill_value', 'dtype'], 'np.array': ['dtype'],
              'np.asarray': ['dtype'], 'np.tril': ['k'], 'np.triu': ['k'], 'np.diag': ['k'], 'np.round': ['decimals'],
              'np.around': ['decimals'], 'np.logspace': ['num']}


def slice_text(node):
    def part(x):
        return '' if x is None else str(ast.literal_eval(x))
    if node.step is None:
        return "'%s:%s'" % (part(node.lower), part(node.upper))
    return "'%s:%s:%s'" % (part(node.lower), part(node.upper), part(node.step))


def ts(node):
    if isinstance(node, ast.Expression):
        return ts(node.body)
    if isinstance(node, ast.Constant):
        v = node.value
        if v is True: return 'true'
        if v is False: return 'false'
        if v is None: return 'null'
        if isinstance(v, str): return repr(v)
        if isinstance(v, float):
            if v != v: return 'NaN'
            if v in (float('inf'), float('-inf')): return 'Infinity' if v > 0 else '-Infinity'
        return repr(v)
    if isinstance(node, ast.Name):
        return NAMES.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        full = ast.unparse(node)
        if full in ATTRS: return ATTRS[full]
        if full in DTYPES: return DTYPES[full]
        if full.endswith('.T'): return '%s.T' % ts(node.value)
        if full.endswith('.shape') or full.endswith('.ndim') or full.endswith('.size') or full.endswith('.dtype'):
            return '%s.%s' % (ts(node.value), node.attr)
        return '%s.%s' % (ts(node.value), node.attr)
    if isinstance(node, (ast.Tuple, ast.List)):
        return '[%s]' % ', '.join(ts(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.USub):
            if isinstance(node.operand, ast.Constant) or ast.unparse(node.operand) in ATTRS: return '-%s' % ts(node.operand)
            return 'np.negative(%s)' % ts(node.operand)
        if isinstance(node.op, ast.Invert): return 'np.logical_not(%s)' % ts(node.operand)
        if isinstance(node.op, ast.Not): return '!%s' % ts(node.operand)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and isinstance(node.left, ast.List) \
            and isinstance(node.right, ast.Constant) and isinstance(node.right.value, int):
        return ts(ast.List(elts=node.left.elts * node.right.value))
    if isinstance(node, ast.BinOp):
        return 'np.%s(%s, %s)' % (OPS[type(node.op)], ts(node.left), ts(node.right))
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        return 'np.%s(%s, %s)' % (CMP[type(node.ops[0])], ts(node.left), ts(node.comparators[0]))
    if isinstance(node, ast.Subscript):
        return '__at(%s, %s)' % (ts(node.value), ', '.join(index_items(node)))
    if isinstance(node, ast.Call):
        fname = ast.unparse(node.func)
        args = [ts(a) for a in node.args]
        kws = []
        pos = POSITIONAL.get(fname, [])
        named = {k.arg: k.value for k in node.keywords}
        for p in pos:
            if p in named:
                while len(args) < 1 + pos.index(p) + (1 if fname in ('np.full',) else 0):
                    args.append('undefined')
                v = named.pop(p)
                args.append(DTYPES.get(ast.unparse(v), None) if p == 'dtype' and ast.unparse(v) in DTYPES else ts(v))
        for k, v in named.items():
            val = DTYPES.get(ast.unparse(v), None) if k == 'dtype' else None
            kws.append('%s: %s' % (k, val if val else ts(v)))
        if kws: args.append('{ %s }' % ', '.join(kws))
        if fname in ('np.array', 'np.asarray', 'np.arange') and 'dtype' not in named and not kws \
                and any(isinstance(c, ast.Constant) and isinstance(c.value, float) for a in node.args for c in ast.walk(a)) \
                and len(args) == (1 if fname != 'np.arange' else len(args)):
            if fname == 'np.arange':
                while len(args) < 3:
                    args.append('undefined')
            args.append("'float64'")
        callee = ts(node.func)
        return '%s(%s)' % (callee, ', '.join(args))
    raise ValueError('cannot translate %s' % ast.unparse(node))


def index_items(node):
    idx = node.slice
    items = idx.elts if isinstance(idx, ast.Tuple) else [idx]
    parts = []
    for it in items:
        if isinstance(it, ast.Slice): parts.append(slice_text(it))
        elif isinstance(it, ast.Constant) and it.value is Ellipsis: parts.append("'...'")
        else: parts.append(ts(it))
    return parts


def translate(src):
    """Statements separated by ';': all but the last are run, the last one's value is the result."""
    stmts = [s.strip() for s in src.split(';') if s.strip()]
    out = []
    for i, s in enumerate(stmts):
        node = ast.parse(s, mode='exec').body[0]
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            out.append('const %s = %s;' % (node.targets[0].id, ts(node.value)))
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple):
            out.append('const [%s] = %s;' % (', '.join(e.id for e in node.targets[0].elts), ts(node.value)))
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Subscript):
            t = node.targets[0]
            out.append('%s.set([%s], %s);' % (ts(t.value), ', '.join(index_items(t)), ts(node.value)))
        elif i == len(stmts) - 1:
            out.append('return %s;' % ts(node.value))
        else:
            out.append('%s;' % ts(node.value))
    return ' '.join(out)
