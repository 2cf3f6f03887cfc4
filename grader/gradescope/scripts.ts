/**
 * The two scripts Gradescope runs. setup.sh installs Node 20 and what grading needs on Gradescope's
 * Ubuntu image, then the repository's packages. run_autograder grades the submission and, through an
 * EXIT trap, always leaves a results.json: when grading crashes or is killed it writes a zero score
 * that says so. $TSDL_AUTOGRADER_ROOT replaces /autograder (tests run it in a temporary tree).
 */
import type { Visibility } from '../report/gradescope';

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function setupSh(): string {
  return `#!/usr/bin/env bash
# Runs once when Gradescope builds the autograder image (Ubuntu, as root).
set -euo pipefail
ROOT="\${TSDL_AUTOGRADER_ROOT:-/autograder}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# bubblewrap: the sandbox's OS isolation; build tools and python3: better-sqlite3 and the native addon
# compile from source; libopenblas: the addon's BLAS calls.
apt-get install -y --no-install-recommends ca-certificates curl gnupg bubblewrap build-essential python3 pkg-config libopenblas-dev
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
cd "$ROOT/source/tsdl"
npm ci --no-audit --no-fund
`;
}

export function runAutograder(assignment: string, hiddenDetail: Visibility, limits: { timeoutSec: number; memoryMb: number }): string {
  return `#!/usr/bin/env bash
# Grades the notebook in $ROOT/submission into $ROOT/results/results.json.
ROOT="\${TSDL_AUTOGRADER_ROOT:-/autograder}"
RESULTS="$ROOT/results/results.json"
mkdir -p "$ROOT/results"
rm -f "$RESULTS"

fallback() {
  local code="$1"
  # A results.json the grader wrote and node can parse stays; anything else becomes a zero that says why.
  if [ -s "$RESULTS" ] && node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (typeof r.score !== "number") process.exit(1)' "$RESULTS" 2>/dev/null; then
    return
  fi
  printf '%s\\n' '{"score": 0, "output": "The autograder stopped before it could grade this submission (exit status '"$code"'). This is a problem of the grader, not of your work: resubmit, and tell the course staff if it happens again.", "output_format": "text", "visibility": "visible", "tests": []}' > "$RESULTS"
}
trap 'fallback $?' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

cd "$ROOT/source/tsdl" || exit 2
node bin/tsdl.js autograde ${q(assignment)} --root "$ROOT" --hidden-detail ${q(hiddenDetail)} --timeout ${limits.timeoutSec} --memory ${limits.memoryMb}
`;
}
