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

/** The toy source with every solution replaced by a stub that throws, as `tsdl release` makes it. */
export function stubbed(nb = loadToySource()): Notebook {
  for (const c of nb.cells) {
    if (!src(c).startsWith('// GRADED FUNCTION')) continue;
    c.source = src(c).replace(/\/\/ BEGIN SOLUTION\n[\s\S]*?\/\/ END SOLUTION\n/, "throw new Error('not implemented');\n");
  }
  return nb;
}

/** `line` added at the top of the graded cell of `fn` (after its marker). */
export function withLine(fn: string, line: string, nb = loadToySource()): Notebook {
  const cell = nb.cells.find((c) => src(c).startsWith(`// GRADED FUNCTION: ${fn}`));
  if (!cell) throw new Error(`no graded cell ${fn}`);
  const [marker, ...rest] = src(cell).split('\n');
  cell.source = [marker, line, ...rest].join('\n');
  return nb;
}

const extraCell = (nb: Notebook, source: string): Notebook => {
  nb.cells.push({ cell_type: 'code', metadata: {}, source, outputs: [], execution_count: null });
  return nb;
};

const linkCase = (file: string, target: string, message: RegExp): HostileCase => ({
  file, score: 0, feedback: { scale: message, init_weights: message, scale_all: message },
  write: (dir) => fs.symlinkSync(target, path.join(dir, file)),
});

/** Marker files that an escape would create; none may exist after grading. */
export const PWNED = '/tmp/tsdl-pwned';

/** Cases of the isolation threat model: each is graded as an honest grader grades its code. `port`: a listener of the test. */
export function isolationCases(port: number): HostileCase[] {
  return [
    // The verdict: a released stub plus one line must still score 0.
    nbCase('40-stub-message-listener.ipynb', () => withLine('scale', ("(globalThis as any).process.on('message', () => undefined);"), stubbed()), 0),
    nbCase('41-stub-iterator-patch.ipynb', () => withLine('scale', ('Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true, value: undefined });'), stubbed()), 0),
    nbCase('42-stub-runtime-entry-patch.ipynb', () => withLine('scale', ("Object.defineProperty(globalThis, '__tsdl_go', { value: () => undefined });"), stubbed()), 0),
    nbCase('43-stub-json-patch.ipynb', () => withLine('scale', ("(JSON as any).stringify = () => '{\"ok\":true,\"value\":{\"t\":\"num\",\"v\":1}}';"), stubbed()), 0),
    nbCase('44-stub-global-rebind.ipynb', () => withLine('scale', ("(globalThis as any).JSON = { stringify: () => '{}', parse: () => ({ ok: true }) };"), stubbed()), 0),
    nbCase('45-stub-exports-of-others.ipynb', () => withLine('scale_all', ("(exports as any).init_weights = () => ({});"), stubbed()), 0),
    // Escapes through the realm's constructors find no process; the functions stay correct.
    nbCase('46-constructor-escape.ipynb', () => withSolution('scale', ("const F = (x as any).constructor.constructor;\n    if (F('return typeof process')() !== 'undefined') F('return process')().mainModule.require('fs').writeFileSync('" + PWNED + "-46', 'x');\n    y = x.mul(k);")), 4),
    nbCase('47-error-constructor-escape.ipynb', () => withSolution('scale', ("try { np.dot(np.ones([2, 3]), np.ones([2, 3])); } catch (e) {\n      const F = (e as any).constructor.constructor;\n      if (F('return typeof process')() !== 'undefined') F('return process')().mainModule.require('fs').writeFileSync('" + PWNED + "-47', 'x');\n    }\n    y = x.mul(k);")), 4),
    nbCase('48-prepare-stack-trace.ipynb', () => withSolution('scale', ("try { (Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames.map((f) => f.getThis()); } catch { /* frozen */ }\n    y = x.mul(k);")), 4),
    // The reference of a callee exists only while its caller is tested, and never as source.
    nbCase('49-callee-source-in-feedback.ipynb', () => withSolution('scale_all', ('throw new Error(String(scale));'), stubbed()), 0, { scale_all: /raised Error/ }),
    nbCase('50-own-function-through-caller.ipynb', () => withSolution('scale', 'y = scale_all({ v: x }, k).v;'), 2, { scale: /Maximum call stack|raised/ }),
    // The network: no listener reached, no module for it.
    nbCase('51-network-modules.ipynb', () => withSolution('scale', (`for (const m of ['net', 'http', 'dgram', 'child_process', 'fs']) { try { const mod: any = require(m); mod.connect?.(${port}, '127.0.0.1'); } catch { /* refused */ } }\n    y = x.mul(k);`)), 4),
    nbCase('52-network-globals.ipynb', () => withSolution('scale', (`const g: any = globalThis;\n    try { g.fetch?.('http://127.0.0.1:${port}/'); } catch { /* none */ }\n    try { g.process?.getBuiltinModule?.('net').connect(${port}, '127.0.0.1'); } catch { /* none */ }\n    y = x.mul(k);`)), 4),
    nbCase('53-dynamic-import.ipynb', () => withSolution('scale', ("(Function('return import(\"net\")')() as Promise<any>).then((m) => m.connect(" + port + ", '127.0.0.1'), () => undefined);\n    y = x.mul(k);")), 4),
    // The library and intrinsics are frozen; internals are not public.
    nbCase('54-replace-np-sum.ipynb', () => withSolution('scale', ("try { (np as any).sum = () => 42; } catch { /* frozen */ }\n    y = x.mul(k);")), 4),
    nbCase('55-np-internals.ipynb', () => withSolution('scale', ("y = ('nativeBinary' in np || 'nativeBinaryCode' in np || 'clearNegativeZero' in np) ? x : x.mul(k);")), 4),
    // The trusted side: sizes and times stay bounded.
    nbCase('56-huge-error-name.ipynb', () => withSolution('scale', ("const e = new Error('x'); e.name = 'N'.repeat(20_000_000); throw e;")), 2, { scale: /raised Error: x$/m }),
    nbCase('57-huge-string-result.ipynb', () => withSolution('scale', ("y = 'x'.repeat(50_000_000) as any;")), 2, { scale: /should be an array/ }),
    nbCase('58-huge-array-result.ipynb', () => withSolution('scale', ('y = np.zeros([3000, 1000]);')), 2, { scale: /got an array with … elements/ }),
    nbCase('59-long-line-stack.ipynb', () => withSolution('scale', `const s = '${'a1 '.repeat(200_000)}'; if (s.length) throw new Error('long line');`), 2, { scale: /raised Error: long line/ }),
    nbCase('60-compile-bomb.ipynb', () => withCell('scale_all', `// GRADED FUNCTION: scale_all
type A = ${Array.from({ length: 3000 }, (_, i) => `'a${i}'`).join(' | ')};
type B = ${Array.from({ length: 3000 }, (_, i) => `'b${i}'`).join(' | ')};
const a = 'a1' as A; const b: B = a as unknown as B;
function scale_all(p: Params, k: number): Params { const out: Params = {}; for (const key of Object.keys(p)) out[key] = scale(p[key], k); void b; return out; }`), (s) => s === 3 || s === 4),
    nbCase('61-timers.ipynb', () => withSolution('scale', ("const g: any = globalThis; try { g.setInterval(() => { for (;;) { /* busy */ } }, 0); } catch { /* no timers */ }\n    y = x.mul(k);")), 4),
    nbCase('62-top-level-busy-loop.ipynb', () => withLine('init_weights', 'for (;;) { /* busy */ }'), 4, { init_weights: /note: the cell raised an exception when it ran: TimeoutError/ }),
    // Intake: only regular files; a declaration without a body defines nothing.
    linkCase('63-symlink-to-source.ipynb', path.join(TOY, 'source.ipynb'), /symbolic link/),
    linkCase('64-symlink-to-passwd.ipynb', '/etc/passwd', /symbolic link/),
    {
      file: '65-fifo.ipynb', score: 0, feedback: { scale: /not a regular file/ },
      write: (dir) => { require('child_process').execFileSync('mkfifo', [path.join(dir, '65-fifo.ipynb')]); },
    },
    { file: '66-folder.ipynb', score: 0, feedback: { scale: /not a regular file/ }, write: (dir) => fs.mkdirSync(path.join(dir, '66-folder.ipynb')) },
    nbCase('67-declare-after.ipynb', () => extraCell(loadToySource(), 'declare function scale(x: NDArray, k: number): NDArray;\ndeclare function init_weights(n: number, m: number): Params;'), 4),
    // Feedback never gives a hidden input or expected value away.
    nbCase('68-throw-inputs.ipynb', () => withSolution('scale', 'throw new Error(`inputs ${String(x)} and ${k}`);'), 2, { scale: /your code raised Error: inputs/ }),
    nbCase('69-ratio-probe.ipynb', () => withSolution('scale', 'y = x.mul(k).mul(1.13);'), 2, { scale: /values differ at the result\[0, 1\]$|values differ at the result\[0, 0\]$/m }),
    nbCase('70-weights-ratio-probe.ipynb', () => withSolution('init_weights', 'W = np.random.randn(n, m).mul(0.0113);'), 3, { init_weights: /values differ at W\[0, 0\]$/m }),
    nbCase('collide a.ipynb', () => loadToySource(), 4),
    nbCase('collide_a.ipynb', () => stubbed(), 0),
  ];
}

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
