"""numpy (OpenBLAS) timings of the application notebook's matrix products, for bench/matmul.ts.

Run with Debian's /usr/bin/python3; set the thread count with OPENBLAS_NUM_THREADS (1 or 2).
Prints one JSON object: {name: median milliseconds} over --reps repetitions after warm-up.
"""
import json
import sys
import time

import numpy as np


def median_ms(f, reps):
    for _ in range(5):
        f()
    t = []
    for _ in range(reps):
        s = time.perf_counter()
        f()
        t.append(time.perf_counter() - s)
    t.sort()
    return t[len(t) // 2] * 1e3


def main():
    reps = int(sys.argv[sys.argv.index('--reps') + 1]) if '--reps' in sys.argv else 21
    rng = np.random.default_rng(1)
    X = rng.standard_normal((12288, 209))
    out = {}
    for h in (7, 20):
        W = rng.standard_normal((h, 12288))
        dZ = rng.standard_normal((h, 209))
        out[f'W1·X ({h}×12288·12288×209)'] = median_ms(lambda: W @ X, reps)
        out[f'dZ·Xᵀ ({h}×209·209×12288)'] = median_ms(lambda: dZ @ X.T, reps)
        out[f'W1ᵀ·dZ (12288×{h}·{h}×209)'] = median_ms(lambda: W.T @ dZ, reps)
    W2 = rng.standard_normal((7, 20))
    dZ2 = rng.standard_normal((7, 209))
    out['W2ᵀ·dZ2 (20×7·7×209)'] = median_ms(lambda: W2.T @ dZ2, reps * 10)
    W3 = rng.standard_normal((1, 7))
    A2 = rng.standard_normal((7, 209))
    out['W3·A2 (1×7·7×209)'] = median_ms(lambda: W3 @ A2, reps * 10)
    A1 = rng.standard_normal((20, 209))
    out['W2·A1 (7×20·20×209)'] = median_ms(lambda: W2 @ A1, reps * 10)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
