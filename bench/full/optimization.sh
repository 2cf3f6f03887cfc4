#!/usr/bin/env bash
# Full comparison of the optimization source notebook with numpy: runs the notebook (all seven
# 5000-epoch trainings) with `tsdl run` and bench/numpy/optimization.py with Debian's numpy, checks that
# every printed line is the same (test-case arrays, mini-batch shapes, costs, learning rates,
# accuracies) and that the course's accuracies come out, and prints the time of each training side by
# side. The test suite runs the same notebook in full (test/notebooks/optimization.test.ts); this
# script adds the line-by-line numpy diff and the timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node bin/tsdl.js run grader/assignments/optimization/source.ipynb --out "$dir/optimization.ipynb"
/usr/bin/python3 bench/numpy/optimization.py > "$dir/numpy.txt" 2> "$dir/numpy-times.txt"
/usr/bin/python3 - "$dir/optimization.ipynb" "$dir/numpy.txt" "$dir/numpy-times.txt" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
ours, runs = [], []
for c in nb['cells']:
    text = ''.join(''.join(o.get('text', '')) for o in c.get('outputs', []) if o.get('output_type') == 'stream')
    ours += [l for l in text.splitlines() if '✓' not in l and 'All tests passed.' not in l]
    src = ''.join(c['source'])
    if c['cell_type'] == 'code' and ' = model(' in src:
        runs.append(c['metadata']['tsdl']['timing']['run_ms'] / 1000)
theirs = open(sys.argv[2]).read().splitlines()
ok = True
if ours != theirs:
    ok = False
    print('printed lines differ from numpy:')
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            print(f'  line {i + 1}: tsdl {a!r} / numpy {b!r}')
    if len(ours) != len(theirs):
        print(f'  tsdl printed {len(ours)} lines, numpy {len(theirs)}')
else:
    print(f'all {len(ours)} printed lines are the same as numpy\'s')
acc = [l for l in ours if l.startswith('Accuracy:')]
want = ['Accuracy: 0.7166666666666667', 'Accuracy: 0.7166666666666667', 'Accuracy: 0.9433333333333334',
        'Accuracy: 0.6533333333333333', 'Accuracy: 0.9433333333333334', 'Accuracy: 0.9533333333333334', 'Accuracy: 0.94']
print('\n'.join(acc))
if acc != want:
    ok = False
    print('accuracies differ from the course values:', want)
np_times = [float(l.split(': ')[1]) for l in open(sys.argv[3]) if l.startswith('numpy seconds (')]
names = [l.split('(')[1].split(')')[0] for l in open(sys.argv[3]) if l.startswith('numpy seconds (')]
print(f'{"training":30s} {"tsdl s":>8s} {"numpy s":>8s}   (tsdl: the whole cell, with predict and plots)')
for name, t, n in zip(names, runs, np_times):
    print(f'{name:30s} {t:8.2f} {n:8.2f}')
print(f'{"total":30s} {sum(runs):8.2f} {sum(np_times):8.2f}')
sys.exit(0 if ok else 1)
PY
