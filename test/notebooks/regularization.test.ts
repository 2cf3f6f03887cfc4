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
  expect(text).toContain([
    'dA1 = [[ 0.36544439  0.         -0.00188233  0.         -0.17408748]',
    ' [ 0.65515713  0.         -0.00337459  0.         -0.        ]]',
    'dA2 = [[ 0.58180856  0.         -0.00299679  0.         -0.27715731]',
    ' [ 0.          0.53159854 -0.          0.53159854 -0.34089673]',
    ' [ 0.          0.         -0.00292733  0.         -0.        ]]',
  ].join('\n'));
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

test('later costs match numpy (bench/numpy/regularization.py) to 1e-12 relative', () => {
  // numpy on this machine; tsdl's differ in the last digits on some lines because numpy's matrix
  // products (BLAS) round differently: measured 3.9e-13 (no regularization, iteration 20000),
  // 2e-16 (L2, 10000), 1e-16 (dropout, 10000); the others are identical.
  const numpy = [
    0.16329987525724216, 0.13851642423254343,
    0.2684918873282239, 0.2680916337127301,
    0.061016986574905605, 0.060582435798513114,
  ];
  const got = linesWith(run.lines, 'Cost after iteration ').filter((l) => !l.startsWith('Cost after iteration 0:'))
    .map((l) => Number(l.split(': ')[1]));
  expect(got).toHaveLength(numpy.length);
  got.forEach((v, i) => expect(Math.abs(v - numpy[i]) / numpy[i]).toBeLessThan(1e-12));
});
