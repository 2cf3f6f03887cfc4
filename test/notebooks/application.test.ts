// The application source notebook, run headless with TSDL_QUICK=1 (2 of the 2500 training iterations
// per model; bench/full/application.sh runs it in full and checks the final accuracies).
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'application', 'source.ipynb'), { TSDL_QUICK: '1' }); }, 600_000);

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const num = (line: string): number => Number(line.split(': ')[1]);

test('runs without errors; both public tests pass on the real cat data', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(2);
  expect(run.lines.filter((l) => l.includes('✗'))).toEqual([]);
  expect(run.lines).toContain('Number of training examples: 209');
  expect(run.lines).toContain('Number of testing examples: 50');
  expect(run.lines).toContain('train_x_orig shape: (209, 64, 64, 3)');
  expect(run.lines).toContain("train_x's shape: (12288, 209)");
  expect(run.lines).toContain("test_x's shape: (12288, 50)");
});

test('the shortened trainings say so', () => {
  expect(linesWith(run.lines, '(TSDL_QUICK is set: running 2 of 2500 iterations)').length).toBe(2);
});

test('first costs of both models are the course values', () => {
  const first = linesWith(run.lines, 'Cost after iteration 0:');
  expect(first.length).toBe(2);
  // The course prints 0.693049735659989; tsdl 0.6930497356599887 (the dot products' summation order,
  // relative difference 4e-16).
  expect(rel(num(first[0]), 0.693049735659989)).toBeLessThan(1e-12);
  expect(first[1]).toBe('Cost after iteration 0: 0.7717493284237686');
});

test('second iteration and the shortened models\' accuracies match numpy (bench/numpy/application.py, 2 iterations)', () => {
  const second = linesWith(run.lines, 'Cost after iteration 1:');
  expect(second[0]).toBe('Cost after iteration 1: 0.6926114346158595');
  // numpy prints 0.6979908448967276 here, tsdl 0.6979908448967274 (relative difference 3e-16).
  expect(rel(num(second[1]), 0.6979908448967276)).toBeLessThan(1e-12);
  expect(linesWith(run.lines, 'Accuracy:')).toEqual([
    'Accuracy: 0.6172248803827751', 'Accuracy: 0.36000000000000004',
    'Accuracy: 0.5933014354066986', 'Accuracy: 0.32000000000000006',
  ]);
});

test('the cat picture, both cost curves and the mislabelled images are displayed', () => {
  expect(run.displays.length).toBe(4);
  for (const d of run.displays) expect(Object.keys(d.data ?? {})).toContain('application/vnd.plotly.v1+json');
});
