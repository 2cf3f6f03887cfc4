/**
 * Errors as a student sees them, through `tsdl run` and through the real kernel under Jupyter:
 * a runtime error starts at the student's cell and line (the cell's own line numbers), library,
 * tslab and Node frames hidden unless TSDL_FULL_TRACES=1; numpy's error class names; and compile
 * errors from Python habits gain one line with the tsdl form.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { KERNEL_NAME, REPO_DIR, prepareJupyterEnv } from '../scripts/jupyter-env';

jest.setTimeout(180_000);

const CELLS = [
  "import { np } from 'tsdl';",
  'const W = np.zeros([2, 3]);\nconst X = np.zeros([4, 5]);',
  // the failing np.dot is on line 4 of its cell
  '// a product\nconsole.log(`${W.shape} ${X.shape}`);\n\nconst Z = np.dot(W, X);',
  // called from the next cell: the frames are in two cells
  'function layer(A: typeof W): typeof W {\n  // a comment\n  return A.add(np.ones([3]).slice(\'0:2\'));\n}',
  'console.log("before");\nlayer(W);',
  'W.get(5, 0);',
  'const b = np.zeros([2, 1]);\nconst Y = W * X + b;',
  'const z = np.zeros(2, 3);',
  'const s = np.sum(W, axis=1);',
];

interface Output { output_type: string; name?: string; text?: string | string[]; ename?: string; evalue?: string; traceback?: string[] }

function notebook(): object {
  return {
    cells: CELLS.map((source, i) => ({ cell_type: 'code', execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source })),
    metadata: { kernelspec: { display_name: 'TypeScript', language: 'typescript', name: KERNEL_NAME } },
    nbformat: 4, nbformat_minor: 5,
  };
}

let dir: string;
beforeAll(() => {
  fs.mkdirSync(path.join(REPO_DIR, '.jupyter-local'), { recursive: true });
  dir = fs.mkdtempSync(path.join(REPO_DIR, '.jupyter-local', 'errors-test-'));
  fs.writeFileSync(path.join(dir, 'e.ipynb'), JSON.stringify(notebook()));
});
afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

function tsdlRun(env: Record<string, string> = {}): Output[][] {
  const out = path.join(dir, `out-${Object.keys(env).join('-') || 'plain'}.ipynb`);
  const r = spawnSync(process.execPath, [path.join(REPO_DIR, 'bin', 'tsdl.js'), 'run', path.join(dir, 'e.ipynb'), '--allow-errors', '--out', out],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  expect(r.status).toBe(0);
  return (JSON.parse(fs.readFileSync(out, 'utf8')) as { cells: { outputs: Output[] }[] }).cells.map((c) => c.outputs);
}

const text = (o: Output) => [o.text ?? ''].flat().join('');

describe('tsdl run', () => {
  let outs: Output[][];
  beforeAll(() => { outs = tsdlRun(); });

  test("a library error starts at the student's line, with numpy's class name", () => {
    const err = outs[2].find((o) => o.output_type === 'error')!;
    expect(err.ename).toBe('ValueError');
    expect(err.traceback!.slice(0, 3)).toEqual([
      'In [3], line 4',
      '    const Z = np.dot(W, X);',
      'ValueError: shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)',
    ]);
    expect(err.traceback!.join('\n')).not.toMatch(/runtime\.js|node_modules|node:|evalmachine/);
    expect(err.traceback![err.traceback!.length - 1]).toMatch(/frames? inside tsdl, tslab and Node hidden; TSDL_FULL_TRACES=1 shows them/);
  });

  test('a function from an earlier cell: its cell and line first, then the caller', () => {
    const err = outs[4].find((o) => o.output_type === 'error')!;
    expect(err.ename).toBe('ValueError');
    expect(err.traceback!.slice(0, 5)).toEqual([
      'In [4], line 3, in layer',
      "    return A.add(np.ones([3]).slice('0:2'));",
      'ValueError: operands could not be broadcast together with shapes (2,3) (2,) ',
      'called from In [5], line 2',
      '    layer(W);',
    ]);
  });

  test('an index out of bounds is an IndexError', () => {
    const err = outs[5].find((o) => o.output_type === 'error')!;
    expect([err.ename, err.traceback![0], err.traceback![2]]).toEqual(['IndexError', 'In [6], line 1', 'IndexError: index 5 is out of bounds for axis 0 with size 2']);
  });

  test('compile errors from Python habits gain one line with the tsdl form', () => {
    const lines = (i: number) => outs[i].find((o) => o.output_type === 'error')!.traceback!.join('\n').split('\n');
    const hints = (i: number) => lines(i).filter((l) => l.startsWith('hint: '));
    expect(hints(6)).toEqual(["hint: arrays have no operators in TypeScript: write np.dot(W, X).add(b) for a matrix product, or W.mul(X).add(b) element-wise (numpy's W * X + b)."]);
    expect(lines(6)).toContain("2:11 - The left-hand side of an arithmetic operation must be of type 'any', 'number', 'bigint' or an enum type.");
    expect(hints(7)).toEqual(['hint: the shape is one array: np.zeros([2, 3]).']);
    expect(hints(8)).toEqual(['hint: keyword arguments are an options object: np.sum(W, { axis: 1 }).']);
  });
});

test('TSDL_FULL_TRACES=1 shows every frame, the cells still at their own lines', () => {
  const outs = tsdlRun({ TSDL_FULL_TRACES: '1' });
  const tb = outs[2].find((o) => o.output_type === 'error')!.traceback!;
  expect(tb[0]).toBe('ValueError: shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)');
  expect(tb.some((l) => /runtime\.js/.test(l))).toBe(true);
  expect(tb).toContain('    at In [3], line 4:  const Z = np.dot(W, X);');
});

test('the Jupyter kernel prints the same view (real jupyter nbconvert)', () => {
  // tslab drops the requests queued behind a failed cell, as a kernel stopping on error does: one error, last
  const cells = [CELLS[0], CELLS[1], CELLS[3], CELLS[4]];
  const nb = notebook() as { cells: { source: string }[] };
  nb.cells = nb.cells.filter((c) => cells.includes(c.source));
  fs.writeFileSync(path.join(dir, 'k.ipynb'), JSON.stringify(nb));
  const { env } = prepareJupyterEnv();
  const r = spawnSync('jupyter', ['nbconvert', '--to', 'notebook', '--execute', '--allow-errors', '--ExecutePreprocessor.timeout=60',
    '--output', 'k.out.ipynb', 'k.ipynb'], { cwd: dir, env, encoding: 'utf8', timeout: 150_000 });
  expect(r.status).toBe(0);
  const outs = (JSON.parse(fs.readFileSync(path.join(dir, 'k.out.ipynb'), 'utf8')) as { cells: { outputs: Output[] }[] }).cells.map((c) => c.outputs);
  const stderr = outs[3].filter((o) => o.name === 'stderr').map(text).join('').split('\n');
  expect(stderr.slice(0, 5)).toEqual([
    'In [3], line 3, in layer',
    "    return A.add(np.ones([3]).slice('0:2'));",
    'ValueError: operands could not be broadcast together with shapes (2,3) (2,) ',
    'called from In [4], line 2',
    '    layer(W);',
  ]);
  expect(stderr[5]).toMatch(/frames? inside tsdl, tslab and Node hidden/);
});
