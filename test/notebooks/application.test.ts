// The application source notebook, run headless with TSDL_QUICK=1 (2 of the 2500 training iterations
// per model; bench/full/application.sh runs it in full and checks the final accuracies).
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'application', 'source.ipynb'), { TSDL_QUICK: '1' }); }, 600_000);

test('runs without errors; both public tests pass on the real cat data', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(2);
  expect(run.lines).toContain("train_x's shape: (12288, 209)");
  expect(run.lines).toContain("test_x's shape: (12288, 50)");
});

test('first costs of both models are the course values', () => {
  const [two, deep] = linesWith(run.lines, 'Cost after iteration 0:').map((l) => Number(l.split(': ')[1]));
  // The course prints 0.693049735659989; here 0.6930497356599887 (the dot products' summation order).
  expect(Math.abs(two - 0.693049735659989) / 0.693049735659989).toBeLessThan(1e-12);
  expect(linesWith(run.lines, 'Cost after iteration 0:')[1]).toBe('Cost after iteration 0: 0.7717493284237686');
  expect(deep).toBe(0.7717493284237686);
});

test('the images and cost curves are displayed', () => {
  expect(run.displays.length).toBeGreaterThanOrEqual(4);
});
