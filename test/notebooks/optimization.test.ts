// The optimization source notebook, run headless end to end, prints the course's values.
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'optimization', 'source.ipynb')); }, 900_000);

test('runs without errors and every public test passes', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(8);
  expect(run.lines.filter((l) => l.includes('✗'))).toEqual([]);
});

test('mini-batch sanity check', () => {
  expect(run.lines).toContain('mini batch sanity check: [ 0.90085595 -0.7612069   0.2344157 ]');
});

test('first epoch cost and the accuracies of gd, momentum and Adam are the course values', () => {
  expect(linesWith(run.lines, 'Cost after epoch 0:')[0]).toBe('Cost after epoch 0: 0.702405');
  expect(linesWith(run.lines, 'Accuracy:').slice(0, 3)).toEqual([
    'Accuracy: 0.7166666666666667', 'Accuracy: 0.7166666666666667', 'Accuracy: 0.9433333333333334',
  ]);
});

test('learning-rate decay runs: every-epoch decay, then scheduled gd, momentum and Adam', () => {
  expect(linesWith(run.lines, 'learning rate after epoch 4000:')).toEqual([
    'learning rate after epoch 4000: 0.000025', 'learning rate after epoch 4000: 0.020000',
    'learning rate after epoch 4000: 0.020000', 'learning rate after epoch 4000: 0.002000',
  ]);
  expect(linesWith(run.lines, 'Accuracy:').slice(3)).toEqual([
    'Accuracy: 0.6533333333333333', 'Accuracy: 0.9433333333333334', 'Accuracy: 0.9533333333333334', 'Accuracy: 0.94',
  ]);
});
