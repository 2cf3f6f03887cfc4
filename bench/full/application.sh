#!/usr/bin/env bash
# Full-length run of the application source notebook (2 × 2500 training iterations), checking the
# course's values: both first costs (relative difference < 1e-12; the L-layer one digit for digit) and
# the four final accuracies exactly. Prints every cost line and the time per training iteration.
# The quick test suite runs the same notebook with TSDL_QUICK=1 instead (test/notebooks/application.test.ts).
# Usage: bench/full/application.sh [executed.ipynb]   (default: a temporary file, kept and named)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)/application.ipynb}
unset TSDL_QUICK
node bin/tsdl.js run grader/assignments/application/source.ipynb --out "$out"
echo "executed notebook: $out"
node - "$out" <<'JS'
const nb = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const text = (o) => (Array.isArray(o.text) ? o.text.join('') : o.text ?? '');
const lines = [];
for (const c of nb.cells) {
  if (c.cell_type !== 'code') continue;
  const src = Array.isArray(c.source) ? c.source.join('') : c.source;
  const m = /num_iterations: iterations\((\d+)\)/.exec(src);
  const t = c.metadata?.tsdl?.timing;
  if (m && t) console.log(`${/two_layer_model/.test(src) ? 'two_layer_model' : 'L_layer_model'}: ${(t.run_ms / 1000).toFixed(1)} s for ${m[1]} iterations, ${(t.run_ms / Number(m[1])).toFixed(1)} ms per iteration`);
  for (const o of c.outputs ?? []) if (o.output_type === 'stream' && o.name === 'stdout') lines.push(...text(o).split('\n'));
}
const costs = lines.filter((l) => l.startsWith('Cost after iteration'));
const acc = lines.filter((l) => l.startsWith('Accuracy:'));
console.log([...costs, ...acc].join('\n'));
const problems = [];
const first = costs.filter((l) => l.startsWith('Cost after iteration 0:')).map((l) => Number(l.split(': ')[1]));
const course = [0.693049735659989, 0.7717493284237686];
course.forEach((c, i) => {
  const rel = Math.abs(first[i] - c) / c;
  console.log(`first cost ${i + 1}: ${first[i]} (course ${c}, relative difference ${rel.toExponential(1)})`);
  if (!(rel < 1e-12)) problems.push(`first cost ${first[i]} is not the course's ${c}`);
});
if (costs.filter((l) => l.startsWith('Cost after iteration 2499:')).length !== 2) problems.push('not a full 2500-iteration run');
const want = ['Accuracy: 0.9999999999999998', 'Accuracy: 0.72', 'Accuracy: 0.9856459330143539', 'Accuracy: 0.8'];
if (JSON.stringify(acc) !== JSON.stringify(want)) problems.push(`accuracies ${JSON.stringify(acc)}, the course's ${JSON.stringify(want)}`);
if (problems.length) { console.error('FAILED:\n' + problems.join('\n')); process.exit(1); }
console.log('OK: the course values (first costs, train/test accuracies of both models)');
JS
