// The regularization source notebook, run headless end to end, prints the course's values.
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'regularization', 'source.ipynb')); }, 600_000);

test('runs without errors and every public test passes', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(4);
  expect(run.lines.filter((l) => l.includes('✗'))).toEqual([]);
});

test('public test values', () => {
  const text = run.lines.join('\n');
  expect(text).toContain('cost = 1.7864859451590758');
  expect(text).toContain('A3 = [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]]');
  expect(text).toContain('dW3 = [[-1.77691347 -0.11832879 -0.09397446]]');
});

test('first costs and accuracies of the three trainings are the course values', () => {
  expect(linesWith(run.lines, 'Cost after iteration 0:')).toEqual([
    'Cost after iteration 0: 0.6557412523481002',
    'Cost after iteration 0: 0.6974484493131264',
    'Cost after iteration 0: 0.6543912405149825',
  ]);
  expect(linesWith(run.lines, 'Accuracy:')).toEqual([
    'Accuracy: 0.9478672985781991', 'Accuracy: 0.915',
    'Accuracy: 0.9383886255924171', 'Accuracy: 0.93',
    'Accuracy: 0.9289099526066351', 'Accuracy: 0.95',
  ]);
});
