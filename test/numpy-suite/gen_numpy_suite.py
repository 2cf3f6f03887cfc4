"""Expected values for test/numpy-suite from Debian's numpy (run with /usr/bin/python3).

Each case is a numpy expression (statements separated by ';', the last one's value is the result),
taken from or modelled on a test in numpy 1.24's own suite (the module is named with each family).
The script evaluates it with numpy, translates it to tsdl TypeScript (py_to_ts.py) and writes both,
with numpy's result or exception, to fixtures/<family>.json.
"""
import json
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from py_to_ts import translate  # noqa: E402
from suite_cases import FAMILIES  # noqa: E402

warnings.simplefilter('ignore')
np.set_printoptions(legacy=False)


def num(x):
    return repr(float(x))


def encode(r):
    if r is None:
        return {'t': 'none'}
    if isinstance(r, (tuple, list)) and not (isinstance(r, list) and all(isinstance(v, (int, float)) for v in r)):
        return {'t': 'list', 'items': [encode(x) for x in r]}
    if isinstance(r, np.ndarray):
        kind = {'f': 'float64', 'i': 'int64', 'b': 'bool', 'u': 'int64'}[r.dtype.kind]
        return {'t': 'array', 'dtype': kind, 'shape': list(r.shape), 'v': [num(x) for x in r.ravel()], 'str': str(r)}
    if isinstance(r, (bool, np.bool_)):
        return {'t': 'scalar', 'dtype': 'bool', 'v': num(r), 'str': str(r)}
    if isinstance(r, (int, np.integer)):
        return {'t': 'scalar', 'dtype': 'int64', 'v': num(r), 'str': str(r)}
    if isinstance(r, (float, np.floating)):
        return {'t': 'scalar', 'dtype': 'float64', 'v': num(r), 'str': str(r)}
    if isinstance(r, list):
        return {'t': 'list', 'items': [encode(x) for x in r]}
    raise TypeError('cannot encode %r' % (r,))


def run(src):
    env = {'np': np}
    stmts = [s.strip() for s in src.split(';') if s.strip()]
    try:
        for s in stmts[:-1]:
            exec(s, env)
        return encode(eval(stmts[-1], env))
    except Exception as e:  # numpy's error is the expected result
        return {'t': 'error', 'name': type(e).__name__, 'msg': str(e)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    total = 0
    for family, (origin, cases) in FAMILIES.items():
        out = []
        for i, case in enumerate(cases):
            src, opts = (case, {}) if isinstance(case, str) else case
            np.random.seed(0)
            out.append({'id': '%s-%d' % (family, i), 'py': src, 'ts': translate(src), 'expect': run(src), **opts})
        with open(os.path.join(here, 'fixtures', family + '.json'), 'w') as f:
            json.dump({'numpy': np.__version__, 'origin': origin, 'cases': out}, f, indent=0)
            f.write('\n')
        total += len(out)
    print('%d cases in %d families' % (total, len(FAMILIES)))


if __name__ == '__main__':
    main()
