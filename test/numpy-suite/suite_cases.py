"""The suite's cases: numpy expressions grouped by family, each family named after the numpy test
module its cases come from or are modelled on. Tuples carry options: {'tol': r} compares values
with relative tolerance r (numpy's own tests do so for the same functions)."""

F = 'np.array([[1., 2.5, -3.], [4., 0., 6.5]])'
I3 = 'np.arange(24).reshape(2, 3, 4)'
B = 'np.array([[True, False, True], [False, False, True]])'
N = 'np.array([3., np.nan, 1., 2.])'
NM = 'np.array([[1., np.nan, 3.], [np.nan, np.nan, np.nan]])'
V = 'np.array([1, 5, 2, 8, 3])'
L = 'np.linspace(-2, 3, 12).reshape(3, 4)'
E = 'np.zeros((0, 3))'
S = 'np.array(7.5)'
ARRAYS = [F, I3, B, V, L, E, S, N]

REDUCE = ['sum', 'mean', 'max', 'min', 'prod', 'all', 'any', 'std', 'var', 'ptp', 'count_nonzero',
          'nansum', 'nanmax', 'nanmin', 'nanmean']


def reductions():
    cases = []
    for f in REDUCE:
        for a in ARRAYS:
            cases.append('np.%s(%s)' % (f, a))
            for ax in (0, 1, -1, 2):
                cases.append('np.%s(%s, axis=%d)' % (f, a, ax))
            cases.append('np.%s(%s, axis=0, keepdims=True)' % (f, a))
            cases.append('np.%s(%s, axis=(0, 1))' % (f, a))
    for f in ('std', 'var'):
        for a in (F, I3, L, V):
            for ddof in (1, 2):
                cases.append('np.%s(%s, ddof=%d)' % (f, a, ddof))
                cases.append('np.%s(%s, axis=0, ddof=%d)' % (f, a, ddof))
    for f in ('argmax', 'argmin'):
        for a in (F, I3, V, L, N, 'np.array([2, 9, 9, 1])'):
            cases.append('np.%s(%s)' % (f, a))
            for ax in (0, 1, -1):
                cases.append('np.%s(%s, axis=%d)' % (f, a, ax))
    for a in (F, I3, B, V, L, N):
        for f in ('sum', 'mean', 'max', 'min', 'std', 'var', 'cumsum', 'prod', 'ptp', 'cumprod'):
            cases.append('%s.%s()' % (a, f))
            cases.append('%s.%s(axis=0)' % (a, f))
    for f in ('cumsum', 'cumprod'):
        for a in ARRAYS:
            cases.append('np.%s(%s)' % (f, a))
            for ax in (0, 1, -1, 3):
                cases.append('np.%s(%s, axis=%d)' % (f, a, ax))
    return cases


def statistics():
    cases = []
    for a in (F, I3, V, L, N, 'np.array([[10., 7, 4], [3, 2, 1]])', 'np.arange(7.)', 'np.array([1, 2, 3, 4])'):
        cases.append('np.median(%s)' % a)
        for ax in (0, 1, -1):
            cases.append('np.median(%s, axis=%d)' % (a, ax))
        cases.append('np.median(%s, axis=0, keepdims=True)' % a)
        for q in (0, 25, 50, 75, 100, 33.3, 12.5):
            cases.append('np.percentile(%s, %r)' % (a, q))
            cases.append('np.percentile(%s, %r, axis=0)' % (a, q))
        cases.append('np.percentile(%s, [10, 50, 90])' % a)
        cases.append('np.percentile(%s, [10, 90], axis=-1)' % a)
        cases.append('np.quantile(%s, 0.4)' % a)
        cases.append('np.quantile(%s, [0.25, 0.75], axis=0)' % a)
        cases.append('np.average(%s)' % a)
        cases.append('np.average(%s, axis=0)' % a)
        cases.append('np.nanstd(%s)' % a)
        cases.append('np.nanvar(%s, axis=0)' % a)
    cases += [
        'np.percentile([1, 2, 3], 150)', 'np.percentile([1, 2, 3], -1)', 'np.quantile([1, 2, 3], 2)',
        'np.average(np.arange(1, 11), weights=np.arange(10, 0, -1))',
        'np.average(np.array([[0, 1], [2, 3], [4, 5]]), axis=1, weights=[0.25, 0.75])',
        'np.average(np.ones(3), weights=np.zeros(3))', 'np.average(np.ones(3), weights=np.ones(2))',
        'np.average(np.array([[1, 2], [3, 4]]), axis=0, weights=[1, 3], returned=True)',
        'np.median(np.array([]))', 'np.std(np.ones(3), ddof=5)', 'np.mean(np.array([]))',
        'np.nanmax(np.array([np.nan, np.nan]))', 'np.nanmean(%s, axis=1)' % NM, 'np.nanmax(%s, axis=1)' % NM,
        'np.nanmin(%s, axis=0)' % NM, 'np.nansum(%s, axis=1)' % NM,
        'np.var(np.array([1e9 + 1, 1e9 + 2, 1e9 + 3]))', 'np.std(np.array([0.1, 0.2, 0.3, 0.4]))',
        'np.mean(np.array([0.1] * 10))', 'np.sum(np.array([0.1] * 10))', 'np.std(np.arange(100) / 7)',
        'np.count_nonzero(np.eye(4))', 'np.count_nonzero(np.array([[0, 1, 7, 0], [3, 0, 2, 19]]), axis=0)',
        'np.count_nonzero(np.array([[0, 1, 7, 0], [3, 0, 2, 19]]), axis=1, keepdims=True)',
    ]
    return cases


BIN = ['add', 'subtract', 'multiply', 'divide', 'power', 'maximum', 'minimum', 'greater', 'greater_equal', 'less',
       'less_equal', 'equal', 'not_equal', 'logical_and', 'logical_or', 'logical_xor', 'mod', 'fmod', 'arctan2', 'hypot']
OPERANDS = ['np.array([[1., -2.5, 0.], [3., 4., -0.]])', 'np.array([2, -3, 0])', 'np.array([True, False, True])',
            '2', '-1.5', 'True', 'np.array([[0.5], [-2.]])', 'np.array([np.nan, np.inf, -np.inf])']
UN = ['negative', 'abs', 'sqrt', 'square', 'exp', 'log', 'tanh', 'sign', 'floor', 'ceil', 'trunc', 'rint', 'isnan',
      'isfinite', 'isinf', 'logical_not', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'arcsinh',
      'arccosh', 'arctanh', 'log2', 'log10', 'log1p', 'expm1', 'deg2rad', 'rad2deg', 'cbrt', 'exp2', 'signbit']
TRANSCENDENTAL = {'exp', 'log', 'tanh', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'arcsinh',
                  'arccosh', 'arctanh', 'log2', 'log10', 'log1p', 'expm1', 'cbrt', 'exp2', 'arctan2', 'hypot', 'power',
                  'deg2rad', 'rad2deg'}
UN_IN = ['np.array([-2., -0.5, -0., 0., 0.3, 0.5, 1., 2.5, 10.])', 'np.array([-3, 0, 4])', 'np.array([True, False])',
         'np.array([np.nan, np.inf, -np.inf])', 'np.linspace(-0.99, 0.99, 7)', 'np.array([1.5, 2.5, -1.5, -2.5, 0.5])']


def ufuncs():
    cases = []
    for f in BIN:
        tol = {'tol': 1e-15} if f in TRANSCENDENTAL else {}
        for a in OPERANDS:
            for b in OPERANDS:
                if a.startswith('np') or b.startswith('np'):
                    c = 'np.%s(%s, %s)' % (f, a, b)
                    cases.append((c, tol) if tol else c)
    for f in UN:
        tol = {'tol': 4e-16} if f in TRANSCENDENTAL else {}
        for a in UN_IN:
            c = 'np.%s(%s)' % (f, a)
            cases.append((c, tol) if tol else c)
    for d in (0, 1, 2, -1, 3):
        for a in ('np.array([0.5, 1.5, 2.5, -0.5, 2.675, 1234.5678])', 'np.array([15, 25, -35, 123])',
                  'np.linspace(-3, 3, 13)'):
            cases.append('np.round(%s, %d)' % (a, d))
    cases += [
        'np.sign(-0.0)', 'np.sign(np.array([-0.0, np.nan, -5., 3.]))', 'np.clip(np.arange(5.), np.nan, 3)',
        'np.clip(np.arange(5.), 1, np.nan)', 'np.clip(np.array([1., np.nan]), 0, 0.5)', 'np.clip(np.arange(10), 2, 7)',
        'np.clip(np.arange(10), [3, 3, 3, 3, 3, 4, 4, 4, 4, 4], 8)', 'np.clip(np.array([-1.5, 0.2, 9.]), -1, 1)',
        'np.where(np.array([1, 0, 2]))', 'np.where(np.array([[True, False], [True, True]]), [[1, 2], [3, 4]], [[9, 8], [7, 6]])',
        'np.where(np.arange(4) > 1, 1.5, 0)', 'np.power(2, -1)', 'np.power(np.array([2, 3]), -1)',
        'np.power(np.array([2., 3.]), -1)', 'np.subtract(np.array([True]), np.array([False]))', '-np.array([True])',
        'np.mod(np.array([5, -5, 5, -5]), np.array([3, 3, -3, -3]))', 'np.mod(np.array([5., -5., 5., -5.]), np.array([3., 3., -3., -3.]))',
        'np.mod(np.array([1, 2]), 0)', 'np.fmod(np.array([5, -5, 5, -5]), np.array([3, 3, -3, -3]))',
        'np.ones(3) + np.ones(4)', 'np.add(np.ones((2, 3)), np.ones((3, 2)))', 'np.maximum(np.array([np.nan, 1.]), np.array([0., np.nan]))',
        'np.minimum(np.array([-0., 0.]), np.array([0., -0.]))', 'np.isclose(np.array([1e10, 1e-7]), np.array([1.00001e10, 1e-8]))',
        'np.isclose(np.array([1e10, 1e-8]), np.array([1.00001e10, 1e-9]))', 'np.isclose(np.array([1.0, np.nan]), np.array([1.0, np.nan]), equal_nan=True)',
        'np.allclose(np.array([1e10, 1e-7]), np.array([1.00001e10, 1e-8]))', 'np.allclose(np.array([1e10, 1e-8]), np.array([1.00001e10, 1e-9]))',
        'np.isclose(1, 1, wrong=1)', 'np.array_equal(np.array([1, 2]), np.array([1, 2]))', 'np.array_equal(np.array([1, 2]), np.array([1, 3]))',
        'np.array_equal(np.array([1, 2]), np.array([[1, 2]]))',
    ]
    return cases


def shapes():
    c = []
    A = 'np.arange(6).reshape(2, 3)'
    Bf = 'np.arange(6.).reshape(2, 3) / 2'
    for ax in (0, 1, -1, 2, None):
        c.append('np.concatenate([%s, %s], axis=%r)' % (A, Bf, ax))
        c.append('np.stack([%s, %s], axis=%r)' % (A, Bf, ax if ax is not None else 0))
    c += [
        'np.concatenate([np.ones(2), np.ones((2, 2))])', 'np.concatenate([np.ones((2, 3)), np.ones((2, 2))])',
        'np.concatenate([])', 'np.concatenate(np.arange(1, 10), None)', 'np.concatenate(np.arange(1, 4), 0)',
        'np.concatenate([np.array(1), np.array(2)])', 'np.vstack([np.arange(3), np.arange(3)])', 'np.vstack([])',
        'np.hstack([np.arange(3), np.arange(2)])', 'np.hstack([%s, %s])' % (A, A), 'np.vstack([%s, np.arange(3)])' % A,
        'np.column_stack([np.arange(3), np.arange(3, 6)])', 'np.column_stack([%s.T, np.arange(3)])' % A,
        'np.stack([])', 'np.stack([np.ones(2), np.ones(3)])', 'np.stack([np.arange(3), np.arange(3)], axis=-1)',
        'np.append(np.arange(3), [[4, 5]])', 'np.append(%s, [[7, 8, 9]], axis=0)' % A, 'np.append(%s, [[7, 8]], axis=0)' % A,
    ]
    for n in (1, 2, 3, 4, [1, 3], [2, -1], [0, 5]):
        c.append('np.split(np.arange(9), %r)' % (n,))
        c.append('np.array_split(np.arange(9), %r)' % (n,))
        c.append('np.split(np.arange(12).reshape(2, 6), %r, axis=1)' % (n,))
    c += ['np.hsplit(np.arange(12).reshape(3, 4), 2)', 'np.vsplit(np.arange(12).reshape(4, 3), 2)', 'np.split(np.arange(5), 0)']
    for reps in (2, (2, 2), (1, 3), (2, 1, 2), 0, (0, 2)):
        c.append('np.tile(np.array([1, 2, 3]), %r)' % (reps,))
        c.append('np.tile(%s, %r)' % (A, reps))
    c.append('np.tile(np.ones(2), -1)')
    for r, ax in ((2, None), (2, 0), (2, 1), ([1, 2], 0), ([1, 0, 2], 1), (0, 1), (-1, 0), ([1, 2], 1)):
        c.append('np.repeat(%s, %r, axis=%r)' % (A, r, ax))
    c += ['np.repeat(3, 4)', 'np.repeat(np.array([1, 2]), 2)']
    for ax in (None, 0, 1, -1, 2, (0, 1)):
        c.append('np.flip(%s, axis=%r)' % (A, ax))
    c += ['np.fliplr(%s)' % A, 'np.flipud(%s)' % A, 'np.fliplr(np.arange(3))', 'np.flip(np.arange(24).reshape(2, 3, 4), 1)']
    for sh, ax in ((2, None), (-1, None), (7, None), (1, 0), (1, 1), (-2, 1), ((1, 1), (0, 1)), (1, 2), (0, 0)):
        c.append('np.roll(%s, %r, axis=%r)' % (A, sh, ax))
        c.append('np.roll(np.arange(10), %r, axis=%r)' % (sh, ax if ax in (None, 0) else None))
    for s, d in ((0, -1), (-1, 0), (1, 2), ((0, 1), (2, 0)), (0, 5), (3, 0), ((0, 1), (1,))):
        c.append('np.moveaxis(np.zeros((2, 3, 4)), %r, %r).shape' % (s, d))
    for f in ('atleast_1d', 'atleast_2d', 'atleast_3d'):
        for a in ('np.array(5)', 'np.arange(3)', A, 'np.ones((2, 3, 4))'):
            c.append('np.%s(%s).shape' % (f, a))
    for ax in (0, 1, 2, -1, -4, 3, (0, 2)):
        c.append('np.expand_dims(np.ones((2, 3)), %r).shape' % (ax,))
    for ax in (None, 0, 1, (0, 2), -1, 2):
        c.append('np.squeeze(np.ones((1, 3, 1)), axis=%r).shape' % (ax,))
    c += ['np.squeeze(np.ones((2, 3)), 0)', 'np.swapaxes(np.arange(24).reshape(2, 3, 4), 0, 2)',
          'np.swapaxes(np.ones((2, 3)), 0, 3)', 'np.transpose(np.ones((2, 3)), (0, 0))', 'np.transpose(np.ones((2, 3)), (0,))',
          'np.transpose(np.arange(24).reshape(2, 3, 4), (1, 0, 2))', 'np.transpose(np.ones((2, 3)), (1, 2))']
    for sh in ((3, 2), (-1,), (2, -1), (6, 1), (4, -1), (-1, -1), (1, 2, 3), (5,)):
        c.append('np.reshape(np.arange(6), %r)' % (sh,))
    c += ['np.arange(6).reshape(2, 3).T.reshape(6)', 'np.ravel(np.arange(6).reshape(2, 3).T)',
          'np.broadcast_to(np.zeros(1), (-1,))', 'np.broadcast_to(np.ones(1), 2)', 'np.broadcast_to(np.arange(3), (2, 3))',
          'np.broadcast_to(np.arange(3), (2, 4))', 'np.broadcast_to(np.ones((2, 3)), (3,))',
          'np.broadcast_shapes(2, (2, 3))', 'np.broadcast_shapes((2,), (3,))', 'np.broadcast_shapes((1, 2), (3, 1), (3, 2))',
          'np.broadcast_shapes((6, 7), (5, 6, 1), (7,), (5, 1, 7))', 'np.broadcast_shapes()', 'np.broadcast_shapes((1, -2))',
          'np.broadcast_shapes(1, 2)', 'np.broadcast_arrays(np.arange(3), np.ones((2, 1)))',
          'np.broadcast_arrays(np.arange(3), np.ones(4))', 'np.size(np.ones((2, 3)), 0)', 'np.size(np.ones((2, 3)), 1)',
          'np.size(np.ones((2, 3)))', 'np.size(np.ones((2, 3)), 2)', 'np.shape(np.ones((2, 3)))', 'np.ndim(np.ones((2, 3)))']
    return c


def indexing():
    A = 'np.arange(12).reshape(3, 4)'
    c = []
    for idx in ('0', '-1', '1, 2', ':, 1', '1:, ::2', '::-1', '..., 0', 'None, 0', ':, None', '[0, 2]', '[0, 2], [1, 3]',
                '[[0], [2]], [1, 3]', ':, [3, 0]', '[True, False, True]', 'np.array([True, False, True])',
                'np.array([[True, False, True, False]] * 3)', '1, [0, 1]', '[-1, -3]', '3', ':, 4', '[3]', '0, 0, 0',
                ':, :, :', 'np.array([])', '[]', 'np.array([0.5])', 'np.array(True)', 'np.array(False)', '[True, True]',
                '1:1', '5:', '-10:2', '::3, -2:', 'np.array([[0, 1], [2, 0]])', '..., None', '1, ...', '[1, 1, 0]'):
        c.append('%s[%s]' % (A, idx))
    c += ['np.ones((5, 4, 3))[np.array([True])]', 'np.ones((3, 2))[np.array(True)].shape', 'np.ones((3, 2))[np.array(False)].shape',
          'np.arange(24).reshape(2, 3, 4)[:, [0, 2], 1:3]', 'np.arange(24).reshape(2, 3, 4)[[0, 1], :, [1, 2]]',
          'np.arange(24).reshape(2, 3, 4)[1, :, np.array([True, False, True, True])]',
          'np.take(np.arange(5), [4, 0])', 'np.take(np.arange(3), 5)', 'np.take(np.arange(6).reshape(2, 3), [0, 2], axis=1)',
          'np.nonzero(np.array([[0, 1], [2, 0]]))', 'np.argwhere(np.array([[0, 1], [2, 0]]))', 'np.argwhere(np.array(3))',
          'np.flatnonzero(np.array([[0, 1], [2, 0]]))', 'np.nonzero(np.arange(4) > 1)']
    for idx, val in (('1', '9'), (':, 0', '-1'), ('[0, 2]', '[[7], [8]]'), ('np.arange(12).reshape(3, 4) > 5', '0'),
                     ('[[True, False]]', '9'), ('1:, 1:', 'np.array([1, 2, 3])'), ('0', 'np.array([1, 2])'),
                     ('..., -1', '2.7'), ('[0, 0], [1, 1]', '[5, 6]')):
        c.append('a = np.arange(12).reshape(3, 4); a[%s] = %s; a' % (idx, val))
    return c


def creation():
    c = []
    for args in ('5', '1, 7', '0, 1, 0.25', '10, 0, -3', '0.5, 3', '2, 2', '0, 1, 0', '-3, 3, 1.5'):
        c.append('np.arange(%s)' % args)
    for args in ('0, 1, 5', '0, 1, 1', '-1, 1, 0', '2, 3, 4', '0, 1, -1', '1, 0, 6', '0, 10, 7'):
        c.append('np.linspace(%s)' % args)
        c.append('np.linspace(%s, endpoint=False)' % args)
        # numpy's power loop may be SIMD code whose last bit depends on the CPU: compared to 1 ulp.
        c.append(('np.logspace(%s)' % args, {'tol': 2.3e-16}))
    c += [('np.logspace(0, 3, 4, base=2.0)', {'tol': 2.3e-16}), ('np.logspace(1, 2, 3, endpoint=False)', {'tol': 2.3e-16}), 'np.eye(3)', 'np.eye(2, 3)',
          'np.eye(3, k=1)', 'np.eye(3, k=-2)', 'np.identity(2)', 'np.full((2, 2), 7)', 'np.full((2,), 1.5)',
          'np.full((2,), True)', 'np.zeros(-1)', 'np.zeros(1.5)', 'np.zeros((2, 0))', 'np.ones((1, 2), dtype=int)',
          'np.zeros_like(np.arange(3))', 'np.ones_like(np.ones((2, 2)))', 'np.full_like(np.arange(3), 4)',
          'np.array([[1, 2], [3]])', 'np.array([1, 2.5])', 'np.array([True, 2])', 'np.array([])', 'np.array(3)',
          'np.array([[1, 2], [3, 4]], dtype=float)', 'np.array([0, 1.5, -2], dtype=int)', 'np.array([0, 2], dtype=bool)',
          'np.ones(2).astype(int, casting="safe")', 'np.ones(2, dtype=int).astype(float, casting="safe")',
          'np.arange(3).astype(bool, casting="same_kind")', 'np.arange(3.).astype(float, casting="no")']
    A = 'np.arange(1, 13).reshape(3, 4)'
    for k in (0, 1, -1, 3, -5):
        c += ['np.tril(%s, %d)' % (A, k), 'np.triu(%s, %d)' % (A, k), 'np.diag(%s, %d)' % (A, k),
              'np.diag(np.array([1, 2, 3]), %d)' % k, 'np.trace(%s, offset=%d)' % (A, k)]
    c += ['np.tril(np.arange(1, 4))', 'np.triu(np.ones((2, 3, 3)))', 'np.diag(np.ones((2, 2, 2)))', 'np.trace(np.ones(3))',
          'np.trace(np.arange(24).reshape(2, 3, 4))', 'np.trace(np.arange(24).reshape(2, 3, 4), axis1=1, axis2=2)',
          'np.diagonal(np.arange(24).reshape(2, 3, 4))', 'np.diagonal(np.arange(9).reshape(3, 3), offset=1)',
          'np.meshgrid(np.arange(3), np.arange(2))', 'np.meshgrid(np.arange(3), np.arange(2), indexing="ij")',
          'np.meshgrid(np.arange(2), np.arange(3), np.arange(4))[2].shape', 'np.meshgrid(np.arange(3), np.arange(2), sparse=True)',
          'np.meshgrid(np.ones(2), indexing="xyz")', 'np.meshgrid(np.arange(3))']
    for w, mode in ((1, 'constant'), ((1, 2), 'constant'), (2, 'edge'), (2, 'reflect'), (2, 'symmetric'), (2, 'wrap'),
                    (((1, 0), (0, 2)), 'constant'), (((1, 1), (2, 0)), 'edge'), (4, 'reflect'), (5, 'wrap'), (-1, 'constant'),
                    (1, 'wrong')):
        c.append('np.pad(np.array([1, 2, 3]), %r, mode=%r)' % (w if not isinstance(w[0] if isinstance(w, tuple) else 0, tuple) else w[0], mode))
        c.append('np.pad(np.arange(6).reshape(2, 3), %r, mode=%r)' % (w, mode))
    c += ['np.pad(np.array([1., 2.]), 2, constant_values=9)', 'np.finfo(float).eps', 'np.finfo(np.float64).max',
          'np.finfo(float).tiny', 'np.finfo(float).resolution', 'np.finfo(float).precision', 'np.finfo(int)',
          'np.finfo(np.float64).smallest_normal', 'np.finfo(float).bits', 'np.finfo(float).min']
    return c


def sorting():
    c = []
    for a in ('np.array([3, 1, 2])', 'np.array([[3., 1, np.nan], [0, -1, 2]])', 'np.array([5, 5, 1, 5, 0])',
              'np.array([[True, False], [False, True]])', 'np.linspace(1, -1, 9).reshape(3, 3)', 'np.array([-0., 0., -1.])'):
        for ax in (None, 0, -1, 1):
            c.append('np.sort(%s, axis=%r)' % (a, ax))
            c.append('np.argsort(%s, axis=%r)' % (a, ax))
        c.append('np.unique(%s)' % a)
        c.append('np.unique(%s, return_counts=True)' % a)
        c.append('np.unique(%s, return_index=True, return_inverse=True)' % a)
    c += ['np.sort(np.ones(3), axis=1)', "np.argsort(np.ones(3), kind='wrong')", "np.sort(np.array([2, 1]), kind='stable')",
          'np.unique(np.array([1., np.nan, np.nan, 2.]))', 'np.unique(np.ones(3), axis=2)', 'np.unique(np.array([]))',
          'np.unique([3, 1, 3])']
    for v in ('3', '[0, 1, 3, 5, 7]', '2.5', '[[1, 4], [6, 10]]', 'np.nan'):
        for side in ('left', 'right'):
            c.append("np.searchsorted([1, 2, 3, 3, 5, 6], %s, side=%r)" % (v, side))
    c += ["np.searchsorted([1, 2], 1, side='mid')", 'np.searchsorted([3, 1, 2], 2, sorter=[1, 2, 0])',
          'np.isin(np.array([[1, 2], [3, 4]]), [2, 3])', 'np.isin(np.array([1, 2, 3]), [2], invert=True)',
          'np.isin(np.array([np.nan, 1.]), [np.nan, 1.])', 'np.isin(np.arange(5), np.array([[0, 4]]))']
    return c


def errors():
    return [
        'np.ones((2, 3)).reshape(1.5, 2)', 'np.ones(3).reshape(2, 2)', 'np.sum(np.ones(3), axis=1)', 'np.sum(np.ones(3), axis=1.5)',
        'np.ones(3)[5]', 'np.ones((2, 3))[0, 0, 0]', 'np.expand_dims(np.ones(3), 3)', 'np.linspace(0, 1, -1)',
        'np.dot(np.ones((2, 3)), np.ones((2, 3)))', 'np.matmul(np.ones((2, 3)), np.ones((2, 3)))', 'np.matmul(1, np.ones(2))',
        'np.matmul(np.ones((2, 1, 1)), np.ones((1, 1)))', 'np.matmul(np.arange(12.).reshape(2, 2, 3), np.arange(6.).reshape(3, 2))',
        'np.matmul(np.arange(3.), np.arange(6.).reshape(2, 3, 1))', 'np.matmul(np.ones((3, 1, 2)), np.ones((2, 2, 1)))',
        'np.max(np.ones(0))', 'np.argmax(np.ones(0))', 'np.ones(3).item()', 'np.amax(1, axis=0)', 'np.amax(np.array(1), axis=1)',
        'np.sum(np.array(4), axis=-1)', 'np.cumsum(np.ones(3), axis=1)', 'np.diff(np.ones(3), n=-1)', 'np.diff(np.array(3))',
        'np.diff(np.array([1, 4, 9, 16]), n=2)', 'np.diff(np.array([[1, 3, 6], [0, 5, 5]]), axis=0)',
        'np.diff(np.array([True, False, False, True]))', 'np.diff(np.arange(5.), prepend=0, append=[9, 10])',
        'np.diff(np.arange(4), n=5)', 'np.set_printoptions(wrongarg=True)', 'np.linalg.norm([3, 4], "fro")',
        'np.linalg.norm(np.ones((2, 2)), "fro", 0)', 'np.random.normal(0, -1)', 'np.random.randint(5, 3)',
        'np.moveaxis(np.ones((2, 3)), 0, 5)', 'np.roll(np.ones(3), 1, axis=2)', 'np.tril(np.ones(3), 0.5)',
        'np.round(np.ones(2), 1.5)',
        'np.sum(np.ones(3), wrongarg=1)', 'np.mean(np.ones(3), wrongarg=1)', 'np.max(np.ones(3), wrongarg=1)',
        'np.amin(np.ones(3), wrongarg=1)', 'np.argmax(np.ones(3), wrongarg=1)', 'np.all(np.ones(3), wrongarg=1)',
        'np.prod(np.ones(3), wrongarg=1)', 'np.linspace(0, 1, 5, wrongarg=1)', 'np.concatenate([np.ones(2)], wrongarg=1)',
        'np.std(np.ones(3), wrongarg=1)', 'np.median(np.ones(3), wrongarg=1)', 'np.allclose(1, 1, wrongarg=1)',
        'np.unique(np.ones(3), wrongarg=1)', 'np.sort(np.ones(3), wrongarg=1)', 'np.cumsum(np.ones(3), wrongarg=1)',
    ]


def methods():
    c = []
    for a in ('np.array([[3., 1.5, -2.], [0.25, 7., 1.]])', '(np.arange(12).reshape(3, 4) % 5)', 'np.array([[True, False], [True, True]])'):
        c += ['a = %s; a.sort(); a' % a, 'a = %s; a.sort(axis=0); a' % a, '%s.argsort()' % a, '%s.argsort(axis=0)' % a,
              '%s.round(1)' % a, '%s.nonzero()' % a, '%s.swapaxes(0, 1)' % a, '%s.repeat(2)' % a, '%s.repeat(2, axis=1)' % a,
              'np.array(%s.flat)' % a, '%s.T' % a, '%s.diagonal()' % a, '%s.trace()' % a, '%s.cumsum(axis=1)' % a,
              '%s.cumprod()' % a, '%s.var(ddof=1)' % a, '%s.std(axis=0)' % a, '%s.ptp(axis=1)' % a, '%s.flatten()' % a,
              '%s.ravel()' % a, '%s.transpose()' % a, '%s.reshape(-1)' % a, '%s.squeeze()' % a, '%s.clip(0, 2)' % a,
              '%s.astype(float)' % a, '%s.astype(int)' % a, '%s.astype(bool)' % a, '%s.tolist()' % a, '%s.item(1)' % a,
              '%s.dot(%s.T)' % (a, a), '%s.all(axis=0)' % a, '%s.any()' % a, '%s.argmax(axis=1)' % a, '%s.mean(axis=1)' % a]
    return c


FAMILIES = {
    'methods': ('numpy/core/tests/test_multiarray.py (the ndarray methods)', methods()),
    'reductions': ('numpy/core/tests/test_numeric.py, test_multiarray.py (TestStdVar, TestCumsum, TestArgmax)', reductions()),
    'statistics': ('numpy/lib/tests/test_function_base.py, test_nanfunctions.py (TestMedian, TestPercentile, TestAverage)', statistics()),
    'ufuncs': ('numpy/core/tests/test_umath.py (TestRemainder, TestSign, TestClip, TestRound, ...)', ufuncs()),
    'shape': ('numpy/core/tests/test_shape_base.py, numpy/lib/tests/test_shape_base.py, test_stride_tricks.py', shapes()),
    'indexing': ('numpy/core/tests/test_indexing.py', indexing()),
    'creation': ('numpy/core/tests/test_function_base.py, numpy/lib/tests/test_twodim_base.py, test_arraypad.py', creation()),
    'sorting': ('numpy/core/tests/test_multiarray.py (TestSort, TestArgsort), numpy/lib/tests/test_arraysetops.py', sorting()),
    'errors': ('numpy/core/tests/test_numeric.py, test_multiarray.py: the error cases', errors()),
}


M3 = 'np.array([[4., 1., 2.], [1., 5., 3.], [2., 3., 6.]])'
R34 = 'np.array([[1., 2., 3., 4.], [2., 0., 1., -1.], [3., 1., -2., 0.5]])'
NS = 'np.array([[2., -1., 0.5], [1., 3., 2.], [0., 1., -4.]])'
STK = 'np.array([[[2., 1.], [1., 3.]], [[5., 2.], [2., 1.]]])'


def linalg():
    t = {'tol': 1e-12}
    c = []
    for a in (M3, NS, STK, 'np.eye(3)', 'np.array([[1, 2], [3, 4]])', 'np.array([[0., 1.], [1., 0.]])'):
        for f in ('det', 'inv'):
            c.append(('np.linalg.%s(%s)' % (f, a), t))
        c.append(('np.linalg.slogdet(%s)' % a, t))
        c.append(('np.linalg.eigh(%s)[0]' % a, t))
        c.append(('np.linalg.eigvalsh(%s)' % a, t))
        c.append(('np.abs(np.linalg.eigh(%s)[1])' % a, {'tol': 1e-10}))
        c.append(('np.linalg.svd(%s, compute_uv=False)' % a, t))
        c.append(('np.linalg.matrix_rank(%s)' % a, t))
        c.append(('np.linalg.pinv(%s)' % a, {'tol': 1e-10}))
        c.append(('np.linalg.norm(%s)' % a, t))
        for o in ('fro', 'nuc', 1, -1, 2, -2, 'np.inf', '-np.inf'):
            c.append(('np.linalg.norm(%s, %s)' % (a, o if not isinstance(o, str) or o.startswith('-') or o.startswith('np') else repr(o)), {'tol': 1e-10}))
    for a in (M3, 'np.array([[2., 1.], [1., 2.]])', STK):
        c.append(('np.linalg.cholesky(%s)' % a, t))
    for a in (M3, NS, R34, 'np.array([[1., 2.], [3., 4.], [5., 6.]])'):
        for mode in ('reduced', 'complete', 'r'):
            c.append(('np.linalg.qr(%s, mode=%r)' % (a, mode), {'tol': 1e-10}))
        c.append(('np.abs(np.linalg.svd(%s)[0])' % a, {'tol': 1e-9}))
        c.append(('np.abs(np.linalg.svd(%s, full_matrices=False)[2])' % a, {'tol': 1e-9}))
        c.append(('u, s, vh = np.linalg.svd(%s, full_matrices=False); (u * s) @ vh' % a, {'tol': 1e-10}))
        c.append(('np.linalg.svd(%s)[1]' % a, t))
        c.append(('np.linalg.pinv(%s)' % a, {'tol': 1e-10}))
        c.append(('np.linalg.matrix_rank(%s)' % a, t))
    for a, b in ((M3, 'np.array([1., 2., 3.])'), (NS, 'np.array([[1., 0.], [0., 1.], [2., -1.]])'), (STK, 'np.array([[1., 2.], [3., 4.]])'),
                 ('np.eye(2)', 'np.ones(3)'), ('np.zeros((2, 2))', 'np.ones(2)')):
        c.append(('np.linalg.solve(%s, %s)' % (a, b), t))
    for a, b in (('np.array([[1., 1.], [1., 2.], [1., 3.], [1., 4.]])', 'np.array([6., 5., 7., 10.])'),
                 (R34, 'np.array([1., 2., 3.])'), ('np.array([[1., 2.], [2., 4.], [3., 6.]])', 'np.array([1., 2., 2.])'),
                 ('np.array([[1., 0.], [0., 1.], [1., 1.]])', 'np.array([[1., 2.], [3., 4.], [5., 7.]])')):
        c.append(('np.linalg.lstsq(%s, %s, rcond=None)[0]' % (a, b), {'tol': 1e-10}))
        c.append(('np.linalg.lstsq(%s, %s, rcond=None)[1]' % (a, b), {'tol': 1e-9}))
        c.append(('np.linalg.lstsq(%s, %s, rcond=None)[2]' % (a, b), t))
        c.append(('np.linalg.lstsq(%s, %s, rcond=None)[3]' % (a, b), t))
    c += [('np.linalg.inv(np.zeros((2, 2)))', t), 'np.linalg.inv(np.ones((2, 3)))', 'np.linalg.cholesky(-np.eye(2))',
          'np.linalg.det(np.ones(3))', 'np.linalg.norm([3, 4], "fro")', 'np.linalg.norm([3, 4], "nuc")',
          ('np.linalg.norm(np.arange(24.).reshape(2, 3, 4), axis=(1, 2))', t), ('np.linalg.norm(np.arange(6.).reshape(2, 3), axis=1)', t),
          ('np.linalg.norm(np.arange(6.).reshape(2, 3), ord=1, axis=0)', t), ('np.linalg.norm(np.arange(6.).reshape(2, 3), ord=np.inf, axis=1)', t),
          ('np.linalg.norm(np.arange(6.).reshape(2, 3), ord=0, axis=1)', t), ('np.linalg.norm(np.arange(6.).reshape(2, 3), ord=3, axis=1)', {'tol': 1e-14}),
          ('np.linalg.norm(np.array([3., 4.]), ord=-np.inf)', t), ('np.linalg.norm(np.arange(6.).reshape(2, 3), keepdims=True)', t),
          ('np.linalg.norm(np.arange(24.).reshape(2, 3, 4))', t), 'np.linalg.norm(np.arange(24.).reshape(2, 3, 4), ord=2)',
          'np.linalg.matrix_rank(np.zeros(3))', 'np.linalg.matrix_rank(np.ones(3))', 'np.linalg.qr(np.eye(2), mode="wrong")']
    for a, b in (('np.arange(6.).reshape(2, 3)', 'np.arange(12.).reshape(3, 4)'), ('np.arange(3.)', 'np.arange(3.)')):
        c += [('np.tensordot(%s, %s, 1)' % (a, b), t), ('np.inner(%s, %s)' % (a, a), t),
              ("np.einsum('ij,jk->ik', %s, %s)" % (a, b) if '2, 3' in a else "np.einsum('i,i', %s, %s)" % (a, b), t)]
    c += [("np.einsum('ii', np.arange(9.).reshape(3, 3))", t), ("np.einsum('ii->i', np.arange(9.).reshape(3, 3))", t),
          ("np.einsum('ij->ji', np.arange(6.).reshape(2, 3))", t), ("np.einsum('ij->', np.arange(6.).reshape(2, 3))", t),
          ("np.einsum('i,j->ij', np.arange(3.), np.arange(4.))", t), ("np.einsum('bij,bjk->bik', np.ones((2, 2, 3)), np.ones((2, 3, 2)))", t),
          ("np.einsum('ij,jk', np.ones((2, 3)), np.ones((2, 3)))", t), ("np.einsum('ij', np.arange(6).reshape(2, 3))", t),
          ('np.tensordot(np.arange(24.).reshape(2, 3, 4), np.arange(12.).reshape(4, 3), axes=((1, 2), (1, 0)))', t),
          ('np.tensordot(np.arange(6.).reshape(2, 3), np.arange(6.).reshape(2, 3), 0).shape', t),
          ('np.inner(np.arange(6.).reshape(2, 3), np.arange(4.))', t), ('np.outer(np.arange(3), np.arange(4))', t),
          ('np.dot(np.arange(24.).reshape(2, 3, 4), np.arange(4.))', t), ('np.matmul(np.arange(8.).reshape(2, 2, 2), np.arange(8.).reshape(2, 2, 2))', t)]
    return c


def random():
    c = []
    for seed in (0, 1, 42, 123):
        s = 'np.random.seed(%d); ' % seed
        c += [s + 'np.random.binomial(10, 0.3, size=20)', s + 'np.random.binomial(100, 0.6, size=20)',
              s + 'np.random.binomial(1000, 0.02, size=10)', s + 'np.random.binomial(5, 0.5)', s + 'np.random.binomial([5, 50, 500], 0.4)',
              s + 'np.random.binomial(20, [0.1, 0.9], size=(3, 2))', s + 'np.random.binomial(0, 0.5, size=3)',
              s + 'np.random.poisson(3, size=20)', s + 'np.random.poisson(50, size=20)', s + 'np.random.poisson(1e4, size=5)',
              s + 'np.random.poisson([0, 1, 10, 1000])', s + 'np.random.poisson()',
              s + 'np.random.exponential(2.5, size=10)', s + 'np.random.exponential()', s + 'np.random.exponential([1, 2, 3])',
              s + 'np.random.standard_exponential(size=(2, 3))', s + 'np.random.gamma(0.5, size=10)', s + 'np.random.gamma(2.5, 3, size=10)',
              s + 'np.random.gamma(1, 2, size=5)', s + 'np.random.gamma([0.3, 3, 30])', s + 'np.random.standard_gamma(4, size=6)',
              s + 'np.random.beta(0.5, 0.5, size=10)', s + 'np.random.beta(2, 3, size=10)', s + 'np.random.beta(0.3, 5, size=6)',
              s + 'np.random.beta([1, 2], [3, 0.5])', s + 'np.random.uniform(np.zeros(3), 1)', s + 'np.random.uniform([0, 10], [1, 20], size=(2, 2))',
              s + 'np.random.normal([0, 10], [1, 2])', s + 'np.random.normal(np.arange(3), 1, size=(2, 3))',
              s + 'np.random.gamma(2, 2); np.random.randn(3)', s + 'np.random.binomial(7, 0.2, size=3); np.random.rand(2)']
    c += ['np.random.normal(0, -1)', 'np.random.normal([0, 1], [1, -1])', 'np.random.binomial(-1, 0.5)', 'np.random.binomial(5, 1.5)',
          'np.random.poisson(-1)', 'np.random.exponential(-1)', 'np.random.beta(0, 1)', 'np.random.beta(1, 0)', 'np.random.gamma(-1)',
          'np.random.gamma(1, -1)', 'np.random.poisson(1e20)', 'np.random.binomial(3, np.nan)', 'np.random.uniform(np.zeros(3), 1, size=2)']
    return c


def exact_with_lapack(cases):
    """numpy's LAPACK routines through the addon give numpy's bits. Left to the tolerance: eigvalsh (numpy
    calls dsyevd without vectors there, tsdl with) and a vector norm of order 3 (numpy's SIMD power)."""
    out = []
    for c in cases:
        src, opts = (c, {}) if isinstance(c, str) else c
        if not any(k in src for k in ('eigvalsh', 'ord=3')):
            opts = dict(opts, exact_with_lapack=True)
        out.append((src, opts) if opts else src)
    return out


FAMILIES['linalg'] = ('numpy/linalg/tests/test_linalg.py, numpy/core/tests/test_einsum.py', exact_with_lapack(linalg()))
FAMILIES['random'] = ('numpy/random/tests/test_randomstate.py (legacy distributions)', random())
