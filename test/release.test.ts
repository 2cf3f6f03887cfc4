// `tsdl release`: solution markers → stubs that type-check in tslab, recounted N, graded-cell
// metadata, deterministic output, --check; the released fixture run through `tsdl run`.
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { CodeCell, Notebook, Output, readNotebook, serializeNotebook } from '../grader/notebook';
import {
  KERNELSPEC, LANGUAGE_INFO, MARKDOWN_PLACEHOLDER, ReleaseError, countCodeLines, releaseCode, releaseMarkdown, releaseNotebook,
} from '../grader/release';

jest.setTimeout(180_000);

const REPO_DIR = path.resolve(__dirname, '..');
const SOURCE_FIXTURE = path.join(REPO_DIR, 'test', 'fixtures', 'notebooks', 'release_source.ipynb');
const BIN = path.join(REPO_DIR, 'bin', 'tsdl.js');

interface CliResult { code: number | null; stdout: string; stderr: string }

function tsdl(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 150_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const ctx = { file: 'src.ipynb', index: 4 };
const lines = (...l: string[]) => l.join('\n');
const stubFor = (name: string) =>
  `throw new Error('not implemented: ${name} — fill in the code between START CODE HERE and END CODE HERE');`;

describe('code cell markers', () => {
  test('a solution becomes a comment and a throw at its indentation; N is recounted', () => {
    const source = lines(
      '// GRADED FUNCTION: relu',
      'function relu(Z: number[]): number[] {',
      '  let A: number[];',
      '  // START CODE HERE (≈ 7 lines of code)',
      '  // BEGIN SOLUTION',
      '  // one line of comment',
      '  A = Z.map((z) =>',
      '    Math.max(0, z));',
      '',
      '  /* block',
      '     comment */ const unused = 1;',
      '  // END SOLUTION',
      '  // END CODE HERE',
      '  return A;',
      '}',
    );
    const { source: out, gradedFunction, solutions } = releaseCode(source, ctx);
    expect(gradedFunction).toBe('relu');
    expect(solutions).toBe(1);
    expect(out).toBe(lines(
      '// GRADED FUNCTION: relu',
      'function relu(Z: number[]): number[] {',
      '  let A: number[];',
      '  // START CODE HERE (≈ 3 lines of code)',
      '  // Your code here: replace the line below.',
      `  ${stubFor('relu')}`,
      '  // END CODE HERE',
      '  return A;',
      '}',
    ));
  });

  test('"line" for one, the hint added when missing, other START blocks left alone', () => {
    const out = releaseCode(lines(
      'function f(): number {',
      '  let x = 0;',
      '  // START CODE HERE',
      '  // BEGIN SOLUTION',
      '  x = 1;',
      '  // END SOLUTION',
      '  // END CODE HERE',
      '  // START CODE HERE (≈ 5 lines of code)',
      '  x += 0; // already a template for the student',
      '  // END CODE HERE',
      '  return x;',
      '}',
    ), ctx).source;
    expect(out.split('\n')[2]).toBe('  // START CODE HERE (≈ 1 line of code)');
    expect(out.split('\n')[6]).toBe('  // START CODE HERE (≈ 5 lines of code)');
  });

  test('the stub names the enclosing function (arrow functions, inside loops), else the cell', () => {
    const arrow = releaseCode(lines(
      'const total = (xs: number[]): number => {',
      '  let t = 0;',
      '  for (const x of xs) {',
      '    if (x > 0) {',
      '      // START CODE HERE (≈ 1 line of code)',
      '      // BEGIN SOLUTION',
      '      t += x;',
      '      // END SOLUTION',
      '      // END CODE HERE',
      '    }',
      '  }',
      '  return t;',
      '};',
    ), ctx).source;
    expect(arrow).toContain(`\n      // Your code here: replace the line below.\n      ${stubFor('total')}\n`);
    const top = releaseCode(lines(
      'let answer: number;',
      '// START CODE HERE (≈ 1 line of code)',
      '// BEGIN SOLUTION',
      'answer = 42;',
      '// END SOLUTION',
      '// END CODE HERE',
    ), { ...ctx, label: 'cell 2' }).source;
    expect(top).toContain(`\n${stubFor('cell 2')}\n`);
  });

  test('counting lines of code: blanks and comments do not count', () => {
    expect(countCodeLines(['', '  // c', 'a = 1;', '/* x', ' y */', '/** z */', 'b = 2; // trailing', '  '])).toBe(2);
  });

  test.each([
    ['nested BEGIN SOLUTION', ['// START CODE HERE', '// BEGIN SOLUTION', '// BEGIN SOLUTION', '// END SOLUTION', '// END SOLUTION', '// END CODE HERE'],
      'src.ipynb: cell 4, line 3: BEGIN SOLUTION inside the solution block opened at line 2 (blocks cannot nest)'],
    ['nested START CODE HERE', ['// START CODE HERE', '// START CODE HERE', '// END CODE HERE', '// END CODE HERE'],
      'src.ipynb: cell 4, line 2: START CODE HERE inside the START CODE HERE block opened at line 1 (blocks cannot nest)'],
    ['END SOLUTION without BEGIN', ['// START CODE HERE', 'x;', '// END SOLUTION', '// END CODE HERE'],
      'src.ipynb: cell 4, line 3: END SOLUTION without a BEGIN SOLUTION'],
    ['a solution outside START CODE HERE', ['// BEGIN SOLUTION', 'x;', '// END SOLUTION'],
      'src.ipynb: cell 4, line 1: BEGIN SOLUTION outside START CODE HERE … END CODE HERE'],
    ['an unclosed solution', ['// START CODE HERE', '// BEGIN SOLUTION', 'x;'],
      'src.ipynb: cell 4, line 2: BEGIN SOLUTION is never closed by END SOLUTION'],
    ['END CODE HERE inside the solution', ['// START CODE HERE', '// BEGIN SOLUTION', '// END CODE HERE', '// END SOLUTION'],
      'src.ipynb: cell 4, line 3: END CODE HERE before the END SOLUTION of the block opened at line 2'],
    ['an unclosed START CODE HERE', ['x;', '// START CODE HERE', '// BEGIN SOLUTION', '// END SOLUTION'],
      'src.ipynb: cell 4, line 2: START CODE HERE is never closed by END CODE HERE'],
    ['END CODE HERE alone', ['// END CODE HERE'], 'src.ipynb: cell 4, line 1: END CODE HERE without a START CODE HERE'],
    ['a GRADED FUNCTION marker below the first line', ['const a = 1;', '// GRADED FUNCTION: f'],
      'src.ipynb: cell 4, line 2: `// GRADED FUNCTION: <name>` must be the first line of its cell'],
  ])('%s is an error naming file, cell and line', (_label, source, message) => {
    expect(() => releaseCode(source.join('\n'), ctx)).toThrow(ReleaseError);
    expect(() => releaseCode(source.join('\n'), ctx)).toThrow(message);
  });

  test('markdown answers become a placeholder; unbalanced markers are errors', () => {
    expect(releaseMarkdown('Q?\n<!-- BEGIN SOLUTION -->\nA.\nMore.\n<!-- END SOLUTION -->\nEnd', ctx)).toBe(`Q?\n${MARKDOWN_PLACEHOLDER}\nEnd`);
    expect(() => releaseMarkdown('<!-- BEGIN SOLUTION -->\nA.', ctx))
      .toThrow('src.ipynb: cell 4, line 1: <!-- BEGIN SOLUTION --> is never closed by <!-- END SOLUTION -->');
    expect(() => releaseMarkdown('A\n<!-- END SOLUTION -->', ctx))
      .toThrow('src.ipynb: cell 4, line 2: <!-- END SOLUTION --> without a <!-- BEGIN SOLUTION -->');
    expect(() => releaseMarkdown('<!-- BEGIN SOLUTION -->\n<!-- BEGIN SOLUTION -->', ctx))
      .toThrow('src.ipynb: cell 4, line 2: <!-- BEGIN SOLUTION --> inside the solution opened at line 1 (blocks cannot nest)');
  });
});

describe('releasing a notebook', () => {
  const source = readNotebook(SOURCE_FIXTURE);
  const released = releaseNotebook(source, SOURCE_FIXTURE);
  const byId = (nb: Notebook, id: string) => nb.cells.find((c) => c.id === id)!;

  test('solution-only cells dropped, ids kept, outputs and counts cleared, notebook metadata normalized', () => {
    expect(released.cells.map((c) => c.id)).toEqual(source.cells.map((c) => c.id).filter((id) => id !== 'rel-8'));
    for (const c of released.cells) {
      if (c.cell_type === 'code') expect([c.execution_count, c.outputs]).toEqual([null, []]);
    }
    expect(released.metadata).toEqual({ kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO, tsdl: { title: 'Release fixture' } });
    expect(KERNELSPEC).toEqual({ name: 'tslab', display_name: 'TypeScript (tslab, tsdl)', language: 'typescript' });
    expect(released.nbformat_minor).toBe(5);
  });

  test('graded cells carry nbgrader and tsdl metadata written from the marker, points kept', () => {
    expect(byId(released, 'rel-2').metadata).toEqual({
      nbgrader: { grade: true, grade_id: 'scale', locked: false, points: 2, solution: true, schema_version: 3 },
      tsdl: { graded_function: 'scale' },
    });
    expect(byId(released, 'rel-4').metadata).toEqual({
      nbgrader: { grade: true, grade_id: 'sum_squares', locked: false, points: 1, solution: true, schema_version: 3 },
      tsdl: { graded_function: 'sum_squares' },
    });
    expect(byId(released, 'rel-1').metadata).toEqual({ deletable: false, editable: false, tsdl: { locked: true } });
    expect(byId(released, 'rel-7').source).toContain(MARKDOWN_PLACEHOLDER);
    expect(byId(released, 'rel-7').source).not.toContain('allocates');
  });

  const withCell = (i: number, change: (c: CodeCell) => void): Notebook => {
    const nb = structuredClone(source);
    change(nb.cells[i] as CodeCell);
    return nb;
  };
  test.each([
    ['graded metadata without the marker', withCell(3, (c) => { c.metadata = { nbgrader: { grade: true } }; }),
      /code cell 3, line 1: the metadata says the cell is graded \(nbgrader\.grade is true\) but its first line is not/],
    ['a marker naming a function the cell does not declare', withCell(3, (c) => { c.source = '// GRADED FUNCTION: nope\nconst x = 1;'; }),
      /code cell 3, line 1: GRADED FUNCTION nope, but the cell declares no function nope/],
    ['two cells grading the same function', withCell(4, (c) => { c.source = c.source.replace(/sum_squares/g, 'scale'); }),
      /code cell 4, line 1: GRADED FUNCTION scale is already the graded function of code cell 2/],
  ])('%s is an error', (_label, nb, message) => {
    expect(() => releaseNotebook(nb, 'x.ipynb')).toThrow(message);
  });

  test('deterministic: the same source gives the same bytes', () => {
    expect(serializeNotebook(releaseNotebook(readNotebook(SOURCE_FIXTURE), SOURCE_FIXTURE))).toBe(serializeNotebook(released));
  });
});

describe('tsdl release and the released notebook under tsdl run', () => {
  let work: string;
  let assignments: string;
  let notebooks: string;
  const runs: Record<string, CliResult> = {};

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-release-test-'));
    fs.symlinkSync(path.join(REPO_DIR, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    assignments = path.join(work, 'assignments');
    notebooks = path.join(work, 'notebooks');
    fs.mkdirSync(path.join(assignments, 'demo'), { recursive: true });
    fs.copyFileSync(SOURCE_FIXTURE, path.join(assignments, 'demo', 'source.ipynb'));
    runs.release = await tsdl(['release', '--assignments', assignments, '--notebooks', notebooks], work);
    // The source runs clean; the released notebook fails at its first stub (and, with
    // --allow-errors, at every stub), never with a compile error.
    fs.copyFileSync(SOURCE_FIXTURE, path.join(work, 'source.ipynb'));
    fs.copyFileSync(path.join(notebooks, 'demo.ipynb'), path.join(work, 'demo.ipynb'));
    const [src, stop, all] = await Promise.all([
      tsdl(['run', 'source.ipynb', '--out', 'source.out.ipynb'], work),
      tsdl(['run', 'demo.ipynb', '--out', 'demo.stop.ipynb'], work),
      tsdl(['run', 'demo.ipynb', '--allow-errors', '--out', 'demo.all.ipynb'], work),
    ]);
    Object.assign(runs, { src, stop, all });
  });

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const outputsOf = (file: string): Output[][] =>
    readNotebook(path.join(work, file)).cells.filter((c): c is CodeCell => c.cell_type === 'code').map((c) => c.outputs);
  const errors = (file: string) => outputsOf(file).flat().filter((o) => o.output_type === 'error') as Extract<Output, { output_type: 'error' }>[];

  test('release writes notebooks/<id>.ipynb; a second release leaves identical bytes', async () => {
    expect(runs.release.code).toBe(0);
    expect(runs.release.stdout).toBe('wrote notebooks/demo.ipynb\n');
    const target = path.join(notebooks, 'demo.ipynb');
    const first = fs.readFileSync(target, 'utf8');
    expect(first).toBe(serializeNotebook(releaseNotebook(readNotebook(SOURCE_FIXTURE), SOURCE_FIXTURE, 'demo')));
    expect(JSON.parse(first).metadata.tsdl.assignment).toBe('demo');
    const again = await tsdl(['release', 'demo', '--assignments', assignments, '--notebooks', notebooks], work);
    expect(again).toEqual({ code: 0, stdout: 'unchanged notebooks/demo.ipynb\n', stderr: '' });
    expect(fs.readFileSync(target, 'utf8')).toBe(first);
  });

  test('--check passes when up to date, and lists stale or orphan notebooks without writing', async () => {
    const args = ['release', '--check', '--assignments', assignments, '--notebooks', notebooks];
    expect(await tsdl(args, work)).toEqual({ code: 0, stdout: 'tsdl release --check: 1 notebook(s) up to date\n', stderr: '' });
    const target = path.join(notebooks, 'demo.ipynb');
    const good = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(target, good.replace('not implemented', 'NOT IMPLEMENTED'));
    fs.writeFileSync(path.join(notebooks, 'gone.ipynb'), '{}');
    const stale = await tsdl(args, work);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('stale: notebooks/demo.ipynb differs from the release of assignments/demo/source.ipynb');
    expect(stale.stderr).toContain('stale: notebooks/gone.ipynb has no source notebook');
    expect(stale.stderr).toContain('run `npx tsdl release demo`');
    expect(fs.readFileSync(target, 'utf8')).toContain('NOT IMPLEMENTED'); // nothing written
    fs.rmSync(path.join(notebooks, 'gone.ipynb'));
    fs.writeFileSync(target, good);
  });

  test('bad markers: exit 1 naming file, cell and line, nothing written; unknown ids are errors', async () => {
    const bad = path.join(work, 'bad');
    const nb = readNotebook(SOURCE_FIXTURE);
    (nb.cells[2] as CodeCell).source = (nb.cells[2] as CodeCell).source.replace('  // END SOLUTION\n', '');
    fs.mkdirSync(path.join(bad, 'broken'), { recursive: true });
    fs.writeFileSync(path.join(bad, 'broken', 'source.ipynb'), serializeNotebook(nb));
    const r = await tsdl(['release', '--assignments', bad, '--notebooks', path.join(work, 'bad-out')], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${path.join(bad, 'broken', 'source.ipynb')}: code cell 2, line 11: END CODE HERE before the END SOLUTION of the block opened at line 5\n`);
    expect(fs.existsSync(path.join(work, 'bad-out'))).toBe(false);
    const unknown = await tsdl(['release', 'nope', '--assignments', assignments, '--notebooks', notebooks], work);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no assignment "nope"');
  });

  test('the source runs clean under tsdl run', () => {
    expect({ code: runs.src.code, stderr: runs.src.stderr }).toEqual({ code: 0, stderr: '' });
    expect(outputsOf('source.out.ipynb').map((o) => o.map((x) => (x.output_type === 'stream' ? x.text : x.output_type)).join(''))).toEqual(
      ['', '', '[3 6]\n', '', '14\n', 'answer = 42\n', 'instructor-only check: true\n', 'done\n']);
  });

  test('the released notebook type-checks and stops at the first stub with "not implemented"', () => {
    expect(runs.stop.code).toBe(1);
    expect(runs.stop.stderr).toBe(
      'tsdl run: code cell 3 (In [3]) failed: Error: not implemented: scale — fill in the code between START CODE HERE and END CODE HERE\n');
    expect(errors('demo.stop.ipynb').map((e) => e.evalue)).toEqual([
      'not implemented: scale — fill in the code between START CODE HERE and END CODE HERE',
    ]);
    // With --allow-errors every stub is reached, and none of the cells fails to compile.
    expect(runs.all.code).toBe(0);
    expect(errors('demo.all.ipynb').map((e) => `${e.ename}: ${e.evalue.split(' — ')[0]}`)).toEqual([
      'Error: not implemented: scale',
      'Error: not implemented: sum_squares',
      'Error: not implemented: code cell 6',
    ]);
    expect(outputsOf('demo.all.ipynb').at(-1)).toEqual([{ output_type: 'stream', name: 'stdout', text: 'done\n' }]);
  });

  test('the repository\'s notebooks/ is what `tsdl release` writes (run it after changing a source)', async () => {
    const r = await tsdl(['release', '--check'], REPO_DIR);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
