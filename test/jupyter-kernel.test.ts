// Runs real Jupyter (nbconvert + nbclient) on the locally registered tslab kernel,
// and checks `npm start`'s launcher fails helpfully where Jupyter is missing.
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { KERNEL_NAME, REPO_DIR, prepareJupyterEnv } from '../scripts/jupyter-env';

jest.setTimeout(60_000);

type Output = { output_type: string; name?: string; text?: string | string[] };
type Cell = { cell_type: string; source: string; outputs?: Output[] };

function notebook(sources: string[]) {
  return {
    cells: sources.map((source, i) => ({
      cell_type: 'code',
      execution_count: null,
      id: `cell-${i}`,
      metadata: {},
      outputs: [],
      source,
    })),
    metadata: {
      kernelspec: { display_name: 'TypeScript', language: 'typescript', name: KERNEL_NAME },
      language_info: { name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function streamOf(cell: Cell, name: 'stdout' | 'stderr'): string {
  return (cell.outputs ?? [])
    .filter((o) => o.output_type === 'stream' && o.name === name)
    .map((o) => (Array.isArray(o.text) ? o.text.join('') : o.text ?? ''))
    .join('');
}

let tmp: string;
beforeAll(() => {
  // Inside the repo (gitignored), where `import ... from 'tsdl'` resolves as in notebooks/.
  fs.mkdirSync(path.join(REPO_DIR, '.jupyter-local'), { recursive: true });
  tmp = fs.mkdtempSync(path.join(REPO_DIR, '.jupyter-local', 'test-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function executeNotebook(name: string, sources: string[], { allowErrors = false } = {}) {
  const { env } = prepareJupyterEnv();
  fs.writeFileSync(path.join(tmp, `${name}.ipynb`), JSON.stringify(notebook(sources)));
  const run = spawnSync(
    'jupyter',
    ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=50',
      ...(allowErrors ? ['--allow-errors'] : []), '--output', `${name}.out.ipynb`, `${name}.ipynb`],
    { cwd: tmp, env, encoding: 'utf8', timeout: 55_000 },
  );
  if (run.error) throw new Error(`could not run jupyter nbconvert: ${run.error.message}`);
  const outFile = path.join(tmp, `${name}.out.ipynb`);
  const cells: Cell[] | null = fs.existsSync(outFile) ? JSON.parse(fs.readFileSync(outFile, 'utf8')).cells : null;
  return { status: run.status, stderr: run.stderr, cells };
}

describe('tslab kernel registered in .jupyter-local', () => {
  test('kernel.json points at the repo tslab', () => {
    const { kernelJsonPath, localDir, env } = prepareJupyterEnv();
    expect(kernelJsonPath.startsWith(path.join(REPO_DIR, '.jupyter-local') + path.sep)).toBe(true);
    expect(JSON.parse(fs.readFileSync(kernelJsonPath, 'utf8'))).toEqual({
      argv: [process.execPath, path.join(REPO_DIR, 'bin', 'tsdl-kernel.js'), '--config-path', '{connection_file}'],
      display_name: 'TypeScript (tslab, tsdl)',
      language: 'typescript',
      env: {
        NODE_OPTIONS: `--require ${require.resolve('tsx/cjs')}`,
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        GLIBC_TUNABLES: (require('../scripts/malloc-tunables') as { MALLOC_TUNABLES: string }).MALLOC_TUNABLES,
      },
    });
    for (const key of ['JUPYTER_DATA_DIR', 'JUPYTER_CONFIG_DIR', 'JUPYTER_RUNTIME_DIR'] as const) {
      expect(env[key]!.startsWith(localDir)).toBe(true);
    }
  });

  test('nbconvert --execute runs TypeScript cells', () => {
    const sources = [
      'const x: number = 1 + 1;\nconsole.log(x)',
      "import { np } from 'tsdl'",
      'console.log(String(np.array([[1.5, 2], [3, 4]])))',
      'np.random.seed(3)\nconsole.log(`${np.random.randn(2, 3).mul(10)}`)',
    ];
    // --allow-errors so that a failing cell's message (tslab prints it to stderr) lands
    // in the executed notebook and shows up in the assertion below.
    const { status, stderr, cells } = executeNotebook('ok', sources, { allowErrors: true });
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(cells!.map((c) => streamOf(c, 'stderr'))).toEqual(sources.map(() => ''));
    expect(streamOf(cells![0], 'stdout')).toBe('2\n');
    expect(streamOf(cells![2], 'stdout')).toBe('[[1.5 2. ]\n [3.  4. ]]\n');
    expect(streamOf(cells![3], 'stdout')).toBe(
      '[[ 17.88628473   4.36509851   0.96497468]\n [-18.63492703  -2.77388203  -3.54758979]]\n');
  });

  test('a cell with a type error makes nbconvert fail', () => {
    const { status, stderr } = executeNotebook('type-error', ["const y: number = 'not a number';"]);
    expect(status).not.toBe(0);
    expect(stderr).toContain('CellExecutionError');
    expect(stderr).toContain("const y: number = 'not a number';");
  });
});

test('npm start without Jupyter on PATH exits non-zero with install help', () => {
  // Only node on PATH. Node's own dir is /usr/bin here, which also holds Jupyter,
  // so give it a dir of its own.
  const binDir = path.join(tmp, 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  fs.symlinkSync(process.execPath, path.join(binDir, 'node'));
  const run = spawnSync('node', [path.join(REPO_DIR, 'scripts', 'start-jupyter.js')], {
    env: { PATH: binDir, HOME: tmp },
    encoding: 'utf8',
    timeout: 10_000,
  });
  expect(run.error).toBeUndefined();
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('Jupyter was not found');
  expect(run.stderr).toContain('sudo apt-get install jupyter-notebook');
  expect(run.stderr).toContain('pip install notebook');
});
