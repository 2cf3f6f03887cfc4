// The logistic-regression source notebook, run headless end to end, prints the course's published values
// for its test cases, and on the seeded blobs what numpy 1.24 prints for the same program (numpy's run of
// the same steps printed these very lines, b to the last digit).
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'logistic_regression', 'source.ipynb')); }, 300_000);

test('runs without errors, and every public test passes', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(6);
  expect(run.lines.filter((l) => l.includes('✗'))).toEqual([]);
});

test("the course's published values", () => {
  const text = run.lines.join('\n');
  expect(text).toContain('sigmoid([0, 2]) = [0.5        0.88079708]');
  expect(text).toContain('dw = [[0.99845601]\n [2.39507239]]\ndb = 0.001455578136784208\ncost = 5.801545319394553');
  expect(text).toContain('w = [[0.19033591]\n [0.12259159]]\nb = 1.9253598300845747\ndw = [[0.67752042]\n [1.41625495]]');
  expect(text).toContain('predictions = [[1. 1. 0.]]');
});

test('training on the blobs prints what numpy prints', () => {
  const costs = linesWith(run.lines, 'Cost after iteration');
  expect(costs).toHaveLength(20);
  expect(costs.slice(0, 4)).toEqual([
    'Cost after iteration 0: 0.693147', 'Cost after iteration 100: 0.273558',
    'Cost after iteration 200: 0.261490', 'Cost after iteration 300: 0.258763',
  ]);
  expect(costs[19]).toBe('Cost after iteration 1900: 0.257405');
  expect(linesWith(run.lines, 'train accuracy')).toEqual(['train accuracy: 91.0 %']);
  expect(linesWith(run.lines, 'test accuracy')).toEqual(['test accuracy: 90.0 %']);
  expect(run.lines.join('\n')).toContain('w = [[1.74484178]\n [1.51102733]]\nb = -0.21474337252666661');
});
