// Notebook I/O (grader/notebook) and the headless runner behind `tsdl run` (grader/run),
// the latter through the real CLI in child processes, checked against nbformat's own validator.
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  CodeCell, Notebook, NotebookFormatError, Output, parseNotebook, readNotebook, serializeNotebook, splitLines,
} from '../grader/notebook';

jest.setTimeout(180_000);

const REPO_DIR = path.resolve(__dirname, '..');
const FIXTURES = path.join(REPO_DIR, 'test', 'fixtures', 'notebooks');
const BIN = path.join(REPO_DIR, 'bin', 'tsdl.js');

interface CliResult { code: number | null; stdout: string; stderr: string }

function tsdl(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 150_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function python(script: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } },
      (err, stdout, stderr) => resolve({ ok: !err, stdout, stderr }));
  });
}

const NBFORMAT_VALIDATE = 'import nbformat, sys\nfor f in sys.argv[1:]:\n    nbformat.validate(nbformat.read(f, as_version=4))\n';
const NBFORMAT_REWRITE = "import nbformat, sys\nsys.stdout.write(nbformat.writes(nbformat.read(sys.argv[1], as_version=4)) + '\\n')\n";

const codeCells = (nb: Notebook): CodeCell[] => nb.cells.filter((c): c is CodeCell => c.cell_type === 'code');
const stream = (outputs: Output[], name: 'stdout' | 'stderr'): string =>
  outputs.map((o) => (o.output_type === 'stream' && o.name === name ? o.text : '')).join('');

describe('notebook I/O', () => {
  const minimal = (cells: unknown[]) => JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });

  test('reading and writing a fixture gives back its bytes, which are nbformat.writes\' bytes', async () => {
    for (const name of ['basic', 'release_source']) {
      const file = path.join(FIXTURES, `${name}.ipynb`);
      const text = fs.readFileSync(file, 'utf8');
      expect(serializeNotebook(readNotebook(file))).toBe(text);
      expect(await pythonRewrite(file)).toBe(text);
    }
  });

  test('multi-line strings split as Python\'s splitlines(keepends=True) does', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(splitLines('a\r\nb\rc\n\nd')).toEqual(['a\r\n', 'b\r', 'c\n', '\n', 'd']);
    expect(splitLines('x\u2028y\fz')).toEqual(['x\u2028', 'y\f', 'z']);
  });

  test('sources and text/* data are joined on read and split on write; JSON data is kept whole', () => {
    const nb = parseNotebook(minimal([{
      cell_type: 'code', id: 'c1', metadata: { z: 1, a: 2 }, execution_count: 3, source: ['x = 1\n', 'y'],
      outputs: [{ output_type: 'display_data', metadata: {}, data: { 'text/html': ['<b>\n', '</b>'], 'application/json': { b: 1, a: [1, 2] }, 'image/png': 'iVBO' } }],
    }]), 'mem.ipynb');
    const cell = nb.cells[0] as CodeCell;
    expect(cell.source).toBe('x = 1\ny');
    expect(cell.outputs[0]).toEqual({
      output_type: 'display_data', metadata: {}, data: { 'text/html': '<b>\n</b>', 'application/json': { b: 1, a: [1, 2] }, 'image/png': 'iVBO' },
    });
    const text = serializeNotebook(nb);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('"source": [\n    "x = 1\\n",\n    "y"\n   ]');
    expect(text).toContain('"metadata": {\n    "a": 2,\n    "z": 1\n   }');
    expect(text).toContain('"text/html": [\n       "<b>\\n",\n       "</b>"\n      ]');
    expect(serializeNotebook(parseNotebook(text, 'again.ipynb'))).toBe(text);
  });

  test('cells without ids (nbformat < 4.5) get deterministic, unique ids; output is 4.5', () => {
    const text = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: 'same' },
        { cell_type: 'markdown', metadata: {}, source: 'same' },
        { cell_type: 'code', metadata: {}, source: '', outputs: [], execution_count: null },
      ],
      metadata: {}, nbformat: 4, nbformat_minor: 2,
    });
    const a = parseNotebook(text, 'old.ipynb');
    const b = parseNotebook(text, 'old.ipynb');
    expect(a.cells.map((c) => c.id)).toEqual(b.cells.map((c) => c.id));
    expect(new Set(a.cells.map((c) => c.id)).size).toBe(3);
    for (const c of a.cells) expect(c.id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(JSON.parse(serializeNotebook(a)).nbformat_minor).toBe(5);
  });

  const cell = (c: object) => JSON.stringify({ cells: [c], metadata: {}, nbformat: 4, nbformat_minor: 5 });
  test.each([
    ['not JSON', '{ "cells": [', /^bad\.ipynb: not valid JSON/],
    ['a list', '[1, 2]', /^bad\.ipynb: not a Jupyter notebook \(the top level is a list/],
    ['an object without cells', '{"a": 1}', /^bad\.ipynb: not a Jupyter notebook \(no "nbformat" and no "cells"\)/],
    ['nbformat 3', '{"worksheets": [], "metadata": {}, "nbformat": 3, "nbformat_minor": 0}', /^bad\.ipynb: nbformat 3 is not supported/],
    ['no cells', '{"metadata": {}, "nbformat": 4, "nbformat_minor": 5}', /^bad\.ipynb: missing "cells"/],
    ['cells not a list', '{"cells": {}, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', /^bad\.ipynb: "cells" must be a list/],
    ['no notebook metadata', '{"cells": [], "nbformat": 4, "nbformat_minor": 5}', /^bad\.ipynb: missing notebook "metadata"/],
    ['an unknown cell type', cell({ cell_type: 'python', source: '', metadata: {} }),
      /^bad\.ipynb: cell 0: "cell_type" must be "code", "markdown" or "raw", found "python"/],
    ['a numeric source', cell({ cell_type: 'code', source: 3, metadata: {}, outputs: [] }),
      /^bad\.ipynb: cell 0: "source" must be a string or a list of strings/],
    ['a code cell without outputs', cell({ cell_type: 'code', source: '', metadata: {} }),
      /^bad\.ipynb: cell 0: code cells need an "outputs" list/],
    ['a stdin stream', cell({ cell_type: 'code', source: '', metadata: {}, outputs: [{ output_type: 'stream', name: 'stdin', text: '' }] }),
      /^bad\.ipynb: cell 0, output 0: stream "name" must be "stdout" or "stderr"/],
    ['a bad cell id', cell({ cell_type: 'raw', id: 'a b', source: '', metadata: {} }), /^bad\.ipynb: cell 0: "id" must be 1–64 characters/],
    ['duplicate ids', '{"cells": [{"cell_type": "raw", "id": "x", "source": "", "metadata": {}}, {"cell_type": "raw", "id": "x", "source": "", "metadata": {}}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
      /^bad\.ipynb: cells 0 and 1 have the same id "x"/],
  ])('rejects %s, naming the file and the problem', (_label, text, message) => {
    expect(() => parseNotebook(text, 'bad.ipynb')).toThrow(NotebookFormatError);
    expect(() => parseNotebook(text, 'bad.ipynb')).toThrow(message);
  });

  test('a missing file is named in the error', () => {
    expect(() => readNotebook('/nonexistent/x.ipynb')).toThrow('/nonexistent/x.ipynb: no such file');
  });
});

async function pythonRewrite(file: string): Promise<string> {
  const r = await python(NBFORMAT_REWRITE, [file]);
  if (!r.ok) throw new Error(r.stderr);
  return r.stdout;
}

describe('tsdl run', () => {
  let work: string;
  const runs: Record<string, CliResult> = {};
  const out = (name: string) => path.join(work, name);
  const executed = (name: string) => readNotebook(out(name));

  beforeAll(async () => {
    // Outside the repo, with the repo's node_modules, so `import ... from 'tsdl'` resolves as in notebooks/.
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-run-test-'));
    fs.symlinkSync(path.join(REPO_DIR, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    for (const f of ['basic', 'type_error', 'runtime_error', 'timeout']) {
      fs.copyFileSync(path.join(FIXTURES, `${f}.ipynb`), path.join(work, `${f}.ipynb`));
    }
    fs.writeFileSync(path.join(work, 'broken.ipynb'), '{"cells": [');
    // The runs are independent processes: start them together.
    const jobs: Record<string, string[]> = {
      basic: ['run', 'basic.ipynb'], // default output: basic.executed.ipynb
      type_error: ['run', 'type_error.ipynb', '--out', 'type_error.out.ipynb'],
      runtime_error: ['run', 'runtime_error.ipynb', '--allow-errors', '--out', 'runtime_error.out.ipynb'],
      timeout: ['run', 'timeout.ipynb', '--allow-errors', '--timeout', '1.5', '-o', 'timeout.out.ipynb'],
      broken: ['run', 'broken.ipynb'],
    };
    const results = await Promise.all(Object.entries(jobs).map(async ([k, args]) => [k, await tsdl(args, work)] as const));
    for (const [k, r] of results) runs[k] = r;
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('a clean notebook: exit 0, outputs per cell, executed copy beside the input, input untouched', () => {
    const r = runs.basic;
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^tsdl run: 10 of 11 code cells run, 0 failed; compile \d+\.\d\d s, run \d+\.\d\d s \(startup .*\) → .*basic\.executed\.ipynb\n$/);
    expect(fs.readFileSync(path.join(work, 'basic.ipynb'), 'utf8')).toBe(fs.readFileSync(path.join(FIXTURES, 'basic.ipynb'), 'utf8'));

    const cells = codeCells(executed('basic.executed.ipynb'));
    expect(cells.map((c) => c.execution_count)).toEqual([1, 2, 3, null, 4, 5, 6, 7, 8, 9, 10]);
    const [first, loop, shared, empty, lastExpr] = cells;
    expect(first.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'hello\nsecond line\n' },
      { output_type: 'stream', name: 'stderr', text: 'to stderr\n' },
    ]);
    expect(stream(loop.outputs, 'stdout')).toBe('total = 10\n');
    expect(stream(shared.outputs, 'stdout')).toBe('HELLO 20\n'); // variables from earlier cells
    expect(empty.outputs).toEqual([]); // empty cells are skipped, as nbclient does
    // tslab prints a cell's last expression with console.log (util.inspect), to stdout.
    expect(lastExpr.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: '{ a: 1, b: [ 1, 2 ] }\n' }]);
    expect(stream(cells[10].outputs, 'stdout')).toBe('52 5\nlast\n');
  });

  test('display_data: tslab.display.html and a multi-mime bundle through lastWriteDisplayData', () => {
    const cells = codeCells(executed('basic.executed.ipynb'));
    expect(cells[5].outputs).toEqual([{ output_type: 'display_data', data: { 'text/html': '<b>x</b>' }, metadata: {} }]);
    expect(cells[6].outputs).toEqual([{
      output_type: 'display_data',
      metadata: {},
      data: {
        'application/vnd.plotly.v1+json': { data: [{ x: [1, 2], y: [3, 4], type: 'scatter' }], layout: { title: 'fig' } },
        'text/html': '<div class="plot">\n  figure\n</div>',
        'text/plain': 'Figure(1 trace)',
      },
    }]);
    // newDisplay(): the second write updates the first output in place.
    expect(cells[9].outputs).toEqual([{ output_type: 'display_data', data: { 'text/plain': 'second' }, metadata: {} }]);
  });

  test("import { np } from 'tsdl' and top-level await", () => {
    const cells = codeCells(executed('basic.executed.ipynb'));
    expect(cells[7].outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: '[[1.5 2. ]\n [3.  4. ]]\n' }]);
    expect(cells[8].outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'awaited 42\n' }]);
  });

  type Timing = { compile_ms: number; run_ms: number; kernel_ms: number };
  const timingOf = (cell: CodeCell): Timing | undefined => (cell.metadata.tsdl as { timing?: Timing } | undefined)?.timing;

  test('timing metadata: compile_ms, run_ms and kernel_ms per executed cell, totals on the notebook', () => {
    const nb = executed('basic.executed.ipynb');
    for (const cell of codeCells(nb)) {
      if (cell.execution_count === null) {
        expect(cell.metadata.tsdl).toBeUndefined();
        continue;
      }
      const timing = timingOf(cell)!;
      expect(Object.keys(timing).sort()).toEqual(['compile_ms', 'kernel_ms', 'run_ms']);
      for (const v of Object.values(timing)) {
        expect(typeof v).toBe('number');
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(timing.compile_ms).toBeGreaterThan(0); // every cell is type-checked
    }
    const run = (nb.metadata.tsdl as { run: Record<string, number> }).run;
    expect(Object.keys(run).sort()).toEqual(['compile_ms', 'kernel_ms', 'run_ms', 'startup_ms']);
    for (const k of ['compile_ms', 'run_ms', 'kernel_ms'] as const) {
      const sum = codeCells(nb).reduce((s, c) => s + (timingOf(c)?.[k] ?? 0), 0);
      expect(run[k]).toBeCloseTo(sum, 0);
    }
  });

  test('a type error: error output with tslab\'s message, later cells not run, exit 1', () => {
    const r = runs.type_error;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("tsdl run: code cell 2 (In [2]) failed: CompileError: 1:7 - Type 'string' is not assignable to type 'number'.\n");
    expect(r.stdout).toMatch(/^tsdl run: 2 of 3 code cells run, 1 failed;/);
    const cells = codeCells(executed('type_error.out.ipynb'));
    expect(stream(cells[0].outputs, 'stdout')).toBe('before 1\n');
    expect(cells[1].outputs).toEqual([{
      output_type: 'error',
      ename: 'CompileError',
      evalue: "1:7 - Type 'string' is not assignable to type 'number'.",
      traceback: ["1:7 - Type 'string' is not assignable to type 'number'."],
    }]);
    expect(cells[2]).toMatchObject({ execution_count: null, outputs: [] });
  });

  test('a runtime error with --allow-errors: error output, later cells still run, exit 0', () => {
    const r = runs.runtime_error;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('tsdl run: code cell 2 (In [2]) failed: RangeError: boom at 3\n');
    const cells = codeCells(executed('runtime_error.out.ipynb'));
    const [printed, error] = cells[1].outputs;
    expect(printed).toEqual({ output_type: 'stream', name: 'stdout', text: 'about to fail\n' });
    expect(error).toMatchObject({ output_type: 'error', ename: 'RangeError', evalue: 'boom at 3' });
    // The student's view, as the kernel prints it: their cell and line first, at the lines of the
    // cell (not of the JavaScript tslab runs), then the error, then the callers; other frames hidden.
    const traceback = (error as { traceback: string[] }).traceback;
    expect(traceback.slice(0, 5)).toEqual([
      'In [2], line 2, in explode',
      "    throw new RangeError('boom at ' + at);",
      'RangeError: boom at 3',
      'called from In [2], line 5',
      '    explode(3);',
    ]);
    expect(traceback[5]).toMatch(/^\(\d+ frames? inside tsdl, tslab and Node hidden; TSDL_FULL_TRACES=1 shows them\)$/);
    expect(traceback).toHaveLength(6);
    // A cell that did not run to its end has no span of its own: all its time is run time.
    expect(timingOf(cells[1])!.kernel_ms).toBe(0);
    expect(timingOf(cells[2])!.run_ms).toBeGreaterThanOrEqual(0);
    expect(cells[2]).toMatchObject({ execution_count: 3, outputs: [{ output_type: 'stream', name: 'stdout', text: 'still running\n' }] });
  });

  test('--timeout interrupts a busy loop and a pending await, like a kernel interrupt', () => {
    const r = runs.timeout;
    expect(r.code).toBe(0);
    const cells = codeCells(executed('timeout.out.ipynb'));
    const [loop, pending, after] = cells.map((c) => c.outputs);
    expect(loop[0]).toMatchObject({ output_type: 'error', ename: 'CellTimeoutError' });
    expect((loop[0] as { traceback: string[] }).traceback[1]).toBe('Error: Script execution was interrupted by `SIGINT`');
    expect(pending[0]).toMatchObject({ output_type: 'error', ename: 'CellTimeoutError' });
    expect((pending[0] as { traceback: string[] }).traceback[1]).toBe('Error: Interrupted asynchronously');
    expect(after).toEqual([{ output_type: 'stream', name: 'stdout', text: 'after\n' }]);
    expect(r.stderr.split('\n').filter((l) => l.includes('timed out'))).toHaveLength(2);
  });

  test('executed notebooks are valid for nbformat and written as nbformat writes them', async () => {
    const files = ['basic.executed.ipynb', 'type_error.out.ipynb', 'runtime_error.out.ipynb', 'timeout.out.ipynb'].map(out);
    const v = await python(NBFORMAT_VALIDATE, files);
    expect(v.stderr).toBe('');
    expect(v.ok).toBe(true);
    for (const f of files) expect(await pythonRewrite(f)).toBe(fs.readFileSync(f, 'utf8'));
  });

  test('a file that is not a notebook: exit 1, message naming it, nothing written', () => {
    const r = runs.broken;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^broken\.ipynb: not valid JSON/);
    expect(fs.existsSync(path.join(work, 'broken.executed.ipynb'))).toBe(false);
  });
});
