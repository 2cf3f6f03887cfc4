/**
 * Builds the hostile and broken submissions corpus for the toy assignment
 * (test/fixtures/grader/toy): each case is a notebook (or junk file) plus what its grade must be.
 * Patches of Math, prototypes or np throw a TypeError in the sandbox (its built-ins and the library
 * are frozen and cells are strict code), so they cost the function that tries them and nothing else.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const TOY = path.join(__dirname, '..', 'fixtures', 'grader', 'toy');

type Cell = { cell_type: string; id?: string; metadata: Record<string, unknown>; source: string | string[]; outputs?: unknown[]; execution_count?: null };
interface Notebook { cells: Cell[]; metadata: Record<string, unknown>; nbformat: number; nbformat_minor: number }

export function loadToySource(): Notebook {
  return JSON.parse(fs.readFileSync(path.join(TOY, 'source.ipynb'), 'utf8')) as Notebook;
}

const src = (c: Cell): string => (Array.isArray(c.source) ? c.source.join('') : c.source);

/** The toy source with the solution of `fn` replaced by `body` (which must set the solution's variable). */
export function withSolution(fn: string, body: string, nb = loadToySource()): Notebook {
  const cell = nb.cells.find((c) => src(c).startsWith(`// GRADED FUNCTION: ${fn}`));
  if (!cell) throw new Error(`no graded cell ${fn}`);
  cell.source = src(cell).replace(/\/\/ BEGIN SOLUTION\n[\s\S]*?\/\/ END SOLUTION\n/, `${body}\n`);
  return nb;
}

/** The toy source with the whole graded cell of `fn` replaced. */
export function withCell(fn: string, source: string, nb = loadToySource()): Notebook {
  const cell = nb.cells.find((c) => src(c).startsWith(`// GRADED FUNCTION: ${fn}`));
  if (!cell) throw new Error(`no graded cell ${fn}`);
  cell.source = source;
  return nb;
}

export interface HostileCase {
  file: string;
  /** Writes the submission into `dir`. */
  write: (dir: string) => void;
  /** Expected total score (toy max is 4), and a fragment each named function's feedback must contain. */
  score: number | ((s: number) => boolean);
  feedback?: Record<string, string | RegExp>;
}

const nbCase = (file: string, make: () => Notebook, score: HostileCase['score'], feedback?: HostileCase['feedback']): HostileCase => ({
  file, score, feedback, write: (dir) => fs.writeFileSync(path.join(dir, file), JSON.stringify(make())),
});
const rawCase = (file: string, bytes: Buffer | string, message: RegExp): HostileCase => ({
  file, score: 0, feedback: { scale: message, init_weights: message, scale_all: message }, write: (dir) => fs.writeFileSync(path.join(dir, file), bytes),
});

export function hostileCases(): HostileCase[] {
  return [
    nbCase('01-correct.ipynb', () => loadToySource(), 4),
    nbCase('02-infinite-loop.ipynb', () => withSolution('scale', 'while (true) { /* spin */ }\n    y = x;'), 2, { scale: /time limit reached/ }),
    nbCase('03-memory-bomb.ipynb', () => withSolution('scale', 'const hog: Float64Array[] = [];\n    while (true) hog.push(new Float64Array(1 << 24).fill(1));\n    y = x;'), 2, { scale: /memory limit reached|time limit reached/ }),
    nbCase('04-process-exit.ipynb', () => withSolution('scale', 'process.exit(0);\n    y = x;'), 2, { scale: /ReferenceError: process is not defined/ }),
    nbCase('05-exit-at-top-level.ipynb', () => withCell('scale', '// GRADED FUNCTION: scale\nprocess.exit(1);\nfunction scale(x: NDArray, k: number): NDArray { return x.mul(k); }'), 4),
    nbCase('06-throw-at-top-level.ipynb', () => withCell('init_weights', "// GRADED FUNCTION: init_weights\nthrow new Error('boom');\nfunction init_weights(n: number, m: number): Params { np.random.seed(3); return { W: np.random.randn(n, m).mul(0.01), b: np.zeros([n, 1]) }; }"), 4, { init_weights: /note: the cell raised an exception when it ran: Error: boom/ }),
    nbCase('07-patch-math.ipynb', () => withSolution('scale', 'Math.sqrt = () => 42; Math.exp = () => 0;\n    y = x.mul(k);'), 2, { scale: /TypeError: Cannot assign to read only property 'sqrt'/ }),
    nbCase('08-patch-array-prototype.ipynb', () => withSolution('scale', '(Array.prototype as unknown as Record<string, unknown>).map = () => [];\n    (Object.prototype as unknown as Record<string, unknown>).polluted = 1;\n    y = x.mul(k);'), 2, { scale: /TypeError: Cannot assign to read only property 'map'/ }),
    nbCase('09-patch-np.ipynb', () => withSolution('init_weights', "(np.random as unknown as Record<string, unknown>).randn = () => np.ones([1, 1]);\n    W = np.ones([n, m]).mul(0.01);"), 3, { init_weights: /TypeError: Cannot set property randn/ }),
    nbCase('10-read-grader-files.ipynb', () => withSolution('scale', "const fs = require('fs') as typeof import('fs');\n    fs.readFileSync('grader/assignments/initialization/hidden_tests.ts', 'utf8');\n    y = x.mul(k);"), 2, { scale: /Cannot use module 'fs'/ }),
    nbCase('11-write-files.ipynb', () => withSolution('scale', "(globalThis as unknown as { process: { binding(n: string): unknown } }).process.binding('fs');\n    y = x.mul(k);"), 2, { scale: /raised/ }),
    nbCase('12-spawn-process.ipynb', () => withSolution('scale', "(require('child_process') as typeof import('child_process')).execSync('touch /tmp/tsdl-pwned');\n    y = x.mul(k);"), 2, { scale: /Cannot use module 'child_process'/ }),
    nbCase('13-open-socket.ipynb', () => withSolution('scale', "(require('net') as typeof import('net')).connect(9, '127.0.0.1');\n    y = x.mul(k);"), 2, { scale: /Cannot use module 'net'/ }),
    nbCase('14-huge-stdout.ipynb', () => withSolution('scale', "for (let i = 0; i < 200000; i++) console.log('spam spam spam spam spam spam spam spam spam spam spam ' + i);\n    y = x.mul(k);"), 4),
    nbCase('15-never-settles.ipynb', () => withSolution('scale', 'y = new Promise(() => { /* never */ }) as unknown as NDArray;'), 2, { scale: /the returned Promise never settles while grading/ }),
    nbCase('16-atomics-wait.ipynb', () => withSolution('scale', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\n    y = x;'), 2, { scale: /time limit reached/ }),
    nbCase('17-deep-recursion.ipynb', () => withSolution('scale', 'const down = (n: number): number => down(n + 1) + 1;\n    down(0);\n    y = x;'), 2, { scale: /RangeError: Maximum call stack size exceeded \(line \d+ of your cell\)/ }),
    rawCase('18-invalid-json.ipynb', '{"cells": [', /not a valid notebook \(not JSON/),
    rawCase('19-not-a-notebook.ipynb', '{"hello": "world"}', /not a Jupyter notebook/),
    nbCase('20-empty-notebook.ipynb', () => ({ ...loadToySource(), cells: [] }), 0, { scale: /was not found/ }),
    rawCase('21-binary-junk.ipynb', crypto.randomBytes(4096), /not a valid notebook/),
    {
      file: '22-fifty-megabytes.ipynb', score: 4,
      write: (dir) => {
        const nb = loadToySource();
        nb.cells.push({ cell_type: 'code', metadata: {}, source: '', execution_count: null, outputs: [{ output_type: 'stream', name: 'stdout', text: 'x'.repeat(50 * 1024 * 1024) }] });
        fs.writeFileSync(path.join(dir, '22-fifty-megabytes.ipynb'), JSON.stringify(nb));
      },
    },
    nbCase('23-renamed-function.ipynb', () => withCell('scale', '// GRADED FUNCTION: scale\nfunction scale_renamed(x: NDArray, k: number): NDArray { return x.mul(k); }'), 2, { scale: /scale was not found/ }),
    nbCase('24-wrong-return-type.ipynb', () => withCell('init_weights', '// GRADED FUNCTION: init_weights\nfunction init_weights(n: number, m: number): Params { return [n, m] as unknown as Params; }'), 3, { init_weights: /should be an object with keys W, b, got a list of 2/ }),
    nbCase('25-nan-output.ipynb', () => withSolution('scale', 'y = x.mul(NaN);'), 2, { scale: /is NaN/ }),
    nbCase('26-infinity-output.ipynb', () => withSolution('scale', 'y = x.mul(k).div(0);'), 2, { scale: /is (-)?Infinity|values differ/ }),
    {
      file: '27-duplicated-graded-cell.ipynb', score: 4,
      write: (dir) => {
        const nb = withSolution('scale', 'y = x.add(k);');
        nb.cells.push({ ...loadToySource().cells.find((c) => src(c).startsWith('// GRADED FUNCTION: scale'))!, id: 'dup' });
        fs.writeFileSync(path.join(dir, '27-duplicated-graded-cell.ipynb'), JSON.stringify(nb));
      },
    },
    nbCase('28-type-error.ipynb', () => withSolution('scale', "y = x.mul('two');"), 2, { scale: /does not compile:\n\d+:\d+ - Argument of type/ }),
    nbCase('29-cell-type-changed.ipynb', () => {
      const nb = loadToySource();
      for (const c of nb.cells) if (src(c).startsWith('// GRADED FUNCTION')) c.cell_type = 'markdown';
      nb.metadata = { kernelspec: { name: 'python3', display_name: 'Python 3' } };
      return nb;
    }, 4),
    nbCase('30-reordered-and-merged.ipynb', () => {
      const nb = loadToySource();
      const graded = nb.cells.filter((c) => src(c).startsWith('// GRADED FUNCTION'));
      const merged = graded.map(src).reverse().join('\n\n');
      nb.cells = [...nb.cells.filter((c) => !graded.includes(c)), { cell_type: 'code', metadata: {}, source: merged, outputs: [], execution_count: null }];
      return nb;
    }, 4),
    nbCase('31-known-mistake.ipynb', () => withSolution('init_weights', 'W = np.random.rand(n, m).mul(0.01);'), 3, { init_weights: /known mistake: np\.random\.rand was used instead of np\.random\.randn/ }),
    nbCase('32-constant-factor.ipynb', () => withSolution('scale', 'y = x.mul(k).mul(2);'), 2, { scale: /2 times the expected ones/ }),
    nbCase('33-getter-object.ipynb', () => withCell('init_weights', "// GRADED FUNCTION: init_weights\nfunction init_weights(n: number, m: number): Params { const o = {} as Params; Object.defineProperty(o, 'W', { get() { throw new Error('gotcha'); }, enumerable: true }); return o; }"), 3, { init_weights: /missing key 'b'|getter/ }),
    nbCase('34-shape-swapped.ipynb', () => withSolution('init_weights', 'W = np.random.randn(m, n).mul(0.01);'), 3, { init_weights: /W has shape \(2, 4\), expected \(4, 2\)/ }),
  ];
}
