// The initialization source notebook, run headless end to end, prints the course's values.
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'initialization', 'source.ipynb')); }, 300_000);

test('runs without errors', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
});

test('public tests all pass', () => {
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(3);
  expect(run.lines.filter((l) => l.includes('✗'))).toEqual([]);
});

test('initial parameters print as the course shows them', () => {
  const text = run.lines.join('\n');
  expect(text).toContain('W1 = [[ 17.88628473   4.36509851   0.96497468]\n [-18.63492703  -2.77388203  -3.54758979]]');
  expect(text).toContain('W2 = [[-0.82741481 -6.27000677]]');
  expect(text).toContain('W1 = [[ 1.78862847  0.43650985]\n [ 0.09649747 -1.8634927 ]\n [-0.2773882  -0.35475898]\n [-0.08274148 -0.62700068]]');
});

test('costs and accuracies of the three trainings', () => {
  const costs0 = linesWith(run.lines, 'Cost after iteration 0:');
  expect(costs0).toEqual([
    'Cost after iteration 0: 0.6931471805599453',
    'Cost after iteration 0: inf',
    'Cost after iteration 0: 0.8830537463419761',
  ]);
  // The course prints 0.07357895962677366; numpy on this machine 0.07357895962677363 (BLAS order).
  const he14000 = Number(linesWith(run.lines, 'Cost after iteration 14000:')[2].split(': ')[1]);
  expect(Math.abs(he14000 - 0.07357895962677366) / 0.07357895962677366).toBeLessThan(1e-12);
  expect(linesWith(run.lines, 'Accuracy:')).toEqual([
    'Accuracy: 0.5', 'Accuracy: 0.5',
    'Accuracy: 0.83', 'Accuracy: 0.86',
    'Accuracy: 0.9933333333333333', 'Accuracy: 0.96',
  ]);
});

test('plots are plotly bundles with a one-line HTML fallback', () => {
  expect(run.displays.length).toBeGreaterThanOrEqual(7);
  for (const d of run.displays) {
    expect(Object.keys(d.data ?? {})).toEqual(expect.arrayContaining(['application/vnd.plotly.v1+json', 'text/html']));
  }
});
