"""Writes large random input sets with glibc's exp, log, pow and tanh to /tmp/libm_big/ for
bench/libm.bench.ts (mismatch counts over ~1e6 inputs per function). Not committed: ~40 MB.

Run with Debian's python3: /usr/bin/python3 bench/libm_reference_sets.py [n] [outdir]

Results come from libm through ctypes, i.e. the variant glibc's ifunc picks on this CPU (FMA on
any AVX2 machine). The same outputs from glibc's SSE2 variant (forced with GLIBC_TUNABLES) go
alongside as *.nofma.f64, so the bench can say how far ours is from machines without FMA.
Layout: <fn>.f64 holds the inputs then the outputs as little-endian float64 (pow: x, y, out).
"""
import ctypes
import json
import os
import subprocess
import sys

import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1_000_000
OUT = next((a for a in sys.argv[1:] if not a.isdigit() and not a.startswith('--')), '/tmp/libm_big')
NOFMA = '--nofma' in sys.argv

libm = ctypes.CDLL('libm.so.6')
for name in ('exp', 'log', 'tanh'):
    getattr(libm, name).restype = ctypes.c_double
    getattr(libm, name).argtypes = [ctypes.c_double]
libm.pow.restype = ctypes.c_double
libm.pow.argtypes = [ctypes.c_double, ctypes.c_double]


def mix(rng, parts):
    """Concatenates parts (each a function of a count) in proportion, shuffled."""
    total = sum(w for w, _ in parts)
    xs = np.concatenate([f(int(N * w / total)) for w, f in parts])
    xs = np.concatenate([xs, parts[0][1](N - len(xs))])
    rng.shuffle(xs)
    return xs


def wide(rng, lo, hi):
    """Positive doubles spread evenly in the exponent from 2^lo to 2^hi."""
    return lambda n: np.exp2(rng.uniform(lo, hi, n)) * rng.uniform(1, 2, n)


def inputs():
    rng = np.random.default_rng(20240601)
    log_x = mix(rng, [
        (4, lambda n: rng.random(n)),                              # polar method's r2, sigmoid outputs
        (2, wide(rng, -1074, 1023)),
        (1, lambda n: 1 + rng.uniform(-2**-4, float.fromhex("0x1.09p-4"), n)),  # near 1
        (1, lambda n: 1 + rng.uniform(-1e-8, 1e-8, n)),
        (1, lambda n: rng.uniform(0, 100, n)),
    ])
    exp_x = mix(rng, [
        (4, lambda n: rng.uniform(-50, 50, n)),
        (1, lambda n: rng.uniform(-1, 1, n)),
        (1, lambda n: rng.uniform(-746, 710, n)),
        (1, lambda n: rng.choice([-1, 1], n) * wide(rng, -60, 0)(n)),
        (1, lambda n: rng.uniform(-745.2, -708, n)),              # subnormal results
    ])
    n4 = N // 4
    base = np.concatenate([rng.random(n4), rng.uniform(0, 10, n4), np.full(n4, 0.9), rng.random(N - 3 * n4)])
    expo = np.concatenate([
        rng.choice([2.0, 0.5, 1.7, 3.0, -1.0, -0.5], n4),
        rng.uniform(-20, 20, n4),
        rng.integers(1, 10001, n4).astype(float),
        rng.integers(1, 10001, N - 3 * n4).astype(float),
    ])
    base[2 * n4:2 * n4 + n4 // 2] = 0.999
    tanh_x = mix(rng, [
        (4, lambda n: rng.uniform(-5, 5, n)),
        (1, lambda n: rng.uniform(-23, 23, n)),
        (1, lambda n: rng.choice([-1, 1], n) * wide(rng, -60, 1)(n)),
    ])
    return {'log': [log_x], 'exp': [exp_x], 'pow': [base, expo], 'tanh': [tanh_x]}


def outputs(args, fn):
    f = getattr(libm, fn)
    if len(args) == 1:
        return np.array([f(v) for v in args[0].tolist()])
    return np.array([f(a, b) for a, b in zip(args[0].tolist(), args[1].tolist())])


def main():
    os.makedirs(OUT, exist_ok=True)
    sets = inputs()
    suffix = '.nofma.f64' if NOFMA else '.f64'
    for fn, args in sets.items():
        out = outputs(args, fn)
        if NOFMA:
            out.astype('<f8').tofile(os.path.join(OUT, fn + suffix))
        else:
            np.concatenate(args + [out]).astype('<f8').tofile(os.path.join(OUT, fn + suffix))
    if not NOFMA:
        json.dump({'n': N, 'functions': {fn: len(a) for fn, a in sets.items()}},
                  open(os.path.join(OUT, 'manifest.json'), 'w'))
        env = dict(os.environ, GLIBC_TUNABLES='glibc.cpu.hwcaps=-AVX2,-FMA,-FMA4,-AVX512F')
        subprocess.check_call([sys.executable, __file__, str(N), OUT, '--nofma'], env=env)
        print(f'wrote {N} inputs per function to {OUT}')


if __name__ == '__main__':
    main()
