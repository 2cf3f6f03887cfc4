#!/usr/bin/env bash
# `npm run setup`: installs the Debian/Ubuntu packages tsdl needs (only those missing), then `npm ci`.
#   jupyter-notebook, jupyter-nbconvert, python3-nbclient   the notebook server and the kernel tests
#   python3-numpy/-sklearn/-scipy/-h5py                     reference numpy for fixtures and benchmarks
#   gcc, libc6-dev, libopenblas-dev                         the native addon (numpy's BLAS calls)
#   bubblewrap                                              grading isolation
#   redis-server                                            queued grading
#   chromium                                                the browser test (driven by playwright-core)
# Without apt-get, or without root and sudo, it prints the exact command to run and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient
          python3-numpy python3-sklearn python3-scipy python3-h5py
          gcc libc6-dev libopenblas-dev bubblewrap redis-server chromium)
if ! command -v node >/dev/null 2>&1; then PACKAGES+=(nodejs npm); fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${PACKAGES[@]}"; do installed "$pkg" || missing+=("$pkg"); done
else
  missing=("${PACKAGES[@]}")
fi

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then SUDO=(sudo); else SUDO=(none); fi
  fi
  if ! command -v apt-get >/dev/null 2>&1 || [ "${SUDO[0]:-}" = none ]; then
    why="apt-get was not found"
    command -v apt-get >/dev/null 2>&1 && why="this needs root or sudo"
    cat >&2 <<MSG
tsdl setup: cannot install system packages ($why). Install these, then run \`npm run setup\` again:
  sudo apt-get install ${missing[*]}
(On another system: Jupyter Notebook with nbconvert and nbclient, Python 3 with numpy, scikit-learn,
scipy and h5py, a C compiler with OpenBLAS headers, bubblewrap, Redis, Chromium, and Node >= 20 with npm.)
MSG
    exit 1
  fi
  echo "tsdl setup: installing ${missing[*]}"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" apt-get install -y "${missing[@]}" </dev/null
else
  echo "tsdl setup: Debian packages already installed"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "tsdl setup: Node $(node -v) is too old; tsdl needs Node >= 20 (https://nodejs.org, or NodeSource's Debian packages)." >&2
  exit 1
fi
echo "tsdl setup: node $(node -v), npm $(npm -v); npm ci"
npm ci </dev/null
echo "tsdl setup: done. \`npm start\` opens the assignments; \`npm test\` runs the tests."
