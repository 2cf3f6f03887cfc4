// The step-by-step source notebook, run headless end to end, prints the course's values.
import * as path from 'path';
import { REPO, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'step_by_step', 'source.ipynb')); }, 300_000);

test('runs without errors and all ten public tests pass', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(10);
});

test('course values', () => {
  const text = run.lines.join('\n');
  expect(text).toContain('W1 = [[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]');
  expect(text).toContain('Z = [[ 3.26295337 -1.23429987]]');
  expect(text).toContain('With sigmoid: A = [[0.96890023 0.11013289]]');
  expect(text).toContain('AL = [[0.03921668 0.70498921 0.19734387 0.04728177]]');
  expect(text).toContain('cost = 0.2797765635793422');
});
