"""numpy for the benchmark scripts: as this machine has it (OpenBLAS, numpy's own SIMD loops),
which is what a student's or a grader's numpy runs. TSDL_BENCH_PORTABLE=1 switches the SIMD
loops off instead, as the fixture generators do (test/fixtures/portable_numpy.py), to compare
against the slower glibc-exact numpy.

Each script times its library imports (this module's `import numpy`, and sklearn/scipy/h5py where it
uses them) and prints `numpy import seconds: X` to stderr, beside `numpy seconds: X` for the numeric
work, which starts after the imports; bench/run-all.ts sets the import time against the notebook's
import cell."""
import os
import sys

if os.environ.get("TSDL_BENCH_PORTABLE") == "1":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures"))
    from portable_numpy import np  # noqa: E402,F401
else:
    import numpy as np  # noqa: F401


def boundary_predictions(forward, p, X, h=0.01, margin=1):
    """What a decision-boundary plot computes, as lib/plot/boundary.ts does it: the model's predictions
    (forward(points, p)[0] > 0.5) on a grid with step h over the data's range widened by margin on each
    side, as points (2, k), x fastest. The drawing is not part of it."""
    xs = np.arange(X[0, :].min() - margin, X[0, :].max() + margin, h)
    ys = np.arange(X[1, :].min() - margin, X[1, :].max() + margin, h)
    xx, yy = np.meshgrid(xs, ys)
    return forward(np.c_[xx.ravel(), yy.ravel()].T, p)[0] > 0.5
