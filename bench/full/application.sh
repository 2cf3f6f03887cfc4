#!/usr/bin/env bash
# Full-length run of the application source notebook (2 × 2500 training iterations), checking the
# course's final accuracies; the quick test suite runs it with TSDL_QUICK=1 instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)/application.ipynb
node bin/tsdl.js run grader/assignments/application/source.ipynb --out "$out"
python3 - "$out" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
text = ''.join(''.join(o.get('text', '')) for c in nb['cells'] for o in c.get('outputs', []) if o.get('output_type') == 'stream')
acc = [l for l in text.splitlines() if l.startswith('Accuracy:')]
want = ['Accuracy: 0.9999999999999998', 'Accuracy: 0.72', 'Accuracy: 0.9856459330143539', 'Accuracy: 0.8']
first = [l for l in text.splitlines() if l.startswith('Cost after iteration 0:')]
print('\n'.join(first + acc))
sys.exit(0 if acc == want else 1)
PY
