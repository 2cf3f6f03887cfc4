// The initialization source notebook executed by real Jupyter (nbconvert + nbclient) on the
// project-local tslab kernel, as a student's Jupyter would run it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { prepareJupyterEnv } from '../../scripts/jupyter-env';
import { REPO } from '../helpers/notebook-run';

type Out = { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> };
let cells: { cell_type: string; outputs?: Out[] }[] = [];
let status: number | null = null;
let stderr = '';

beforeAll(() => {
  const { env } = prepareJupyterEnv();
  // Under the repo, where `import ... from 'tsdl'` resolves as it does in notebooks/.
  const dir = fs.mkdtempSync(path.join(REPO, '.jupyter-local', 'nb-'));
  fs.copyFileSync(path.join(REPO, 'grader', 'assignments', 'initialization', 'source.ipynb'), path.join(dir, 'init.ipynb'));
  const run = spawnSync('jupyter', ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=600',
    '--output', 'init.out.ipynb', 'init.ipynb'], { cwd: dir, env, encoding: 'utf8', timeout: 900_000 });
  status = run.status;
  stderr = run.stderr;
  const out = path.join(dir, 'init.out.ipynb');
  if (fs.existsSync(out)) cells = (JSON.parse(fs.readFileSync(out, 'utf8')) as { cells: typeof cells }).cells;
  fs.rmSync(dir, { recursive: true, force: true });
}, 950_000);

const stdout = (): string => cells.flatMap((c) => c.outputs ?? [])
  .filter((o) => o.output_type === 'stream' && o.name === 'stdout')
  .map((o) => (Array.isArray(o.text) ? o.text.join('') : o.text ?? '')).join('');

test('nbconvert executes every cell', () => {
  expect({ status, stderr: status === 0 ? '' : stderr.slice(-3000) }).toEqual({ status: 0, stderr: '' });
});

test('the course values appear in the executed notebook', () => {
  const text = stdout();
  expect(text).toContain('W1 = [[ 17.88628473   4.36509851   0.96497468]\n [-18.63492703  -2.77388203  -3.54758979]]');
  expect(text).toContain('Cost after iteration 0: 0.6931471805599453');
  expect(text).toContain('Cost after iteration 0: 0.8830537463419761');
  expect(text.match(/Accuracy: [\d.]+/g)).toEqual([
    'Accuracy: 0.5', 'Accuracy: 0.5', 'Accuracy: 0.83', 'Accuracy: 0.86', 'Accuracy: 0.9933333333333333', 'Accuracy: 0.96',
  ]);
  expect(text.match(/All tests passed\./g)?.length).toBe(3);
});

test('figures are saved in the notebook with both renderings', () => {
  const shown = cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'display_data');
  expect(shown.length).toBeGreaterThanOrEqual(7);
  for (const d of shown) expect(Object.keys(d.data ?? {})).toEqual(expect.arrayContaining(['application/vnd.plotly.v1+json', 'text/html']));
});
