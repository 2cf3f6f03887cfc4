// The optimization source notebook, run headless end to end (all seven 5000-epoch trainings: about
// 35 s of CPU here), prints the course's values. Every printed number below is also what numpy prints
// for the same computations (bench/numpy/optimization.py; bench/full/optimization.sh diffs all lines).
// The costs print with %f, so the last-digit differences of the dot products' summation order (at most
// 3e-15 relative on the full-precision costs, measured) never show.
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'optimization', 'source.ipynb')); }, 900_000);

/** The lines a model run prints: the cost (and with decay the learning rate) every 1000 epochs, then the accuracy. */
function trainingLines(costs: string[], accuracy: string, rates?: string[]): string[] {
  return [...costs.flatMap((c, k) => [`Cost after epoch ${k * 1000}: ${c}`,
    ...(rates ? [`learning rate after epoch ${k * 1000}: ${rates[k]}`] : [])]), `Accuracy: ${accuracy}`];
}
const schedule = (lr0: number): string[] => [1, 2, 3, 4, 5].map((d) => (lr0 / d).toFixed(6));

const RUNS: Record<string, string[]> = {
  gd: trainingLines(['0.702405', '0.668101', '0.635288', '0.600491', '0.573367'], '0.7166666666666667'),
  momentum: trainingLines(['0.702413', '0.668167', '0.635388', '0.600591', '0.573444'], '0.7166666666666667'),
  adam: trainingLines(['0.702166', '0.167845', '0.141316', '0.138788', '0.136066'], '0.9433333333333334'),
  'gd, update_lr every epoch': trainingLines(['0.701091', '0.661884', '0.658620', '0.656765', '0.655486'], '0.6533333333333333',
    ['0.100000', '0.000100', '0.000050', '0.000033', '0.000025']),
  'gd, schedule_lr_decay': trainingLines(['0.701091', '0.127161', '0.120304', '0.117033', '0.117512'], '0.9433333333333334', schedule(0.1)),
  'momentum, schedule_lr_decay': trainingLines(['0.702226', '0.128974', '0.125965', '0.123375', '0.123218'], '0.9533333333333334', schedule(0.1)),
  'adam, schedule_lr_decay': trainingLines(['0.699346', '0.130074', '0.129826', '0.129282', '0.128361'], '0.94', schedule(0.01)),
};

const printed = (): string[] => run.lines.filter((l) => /^(Cost after epoch|learning rate after epoch|Accuracy:)/.test(l));

test('runs without errors and every public test passes', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(8);
  expect(run.lines.filter((l) => l.includes('✗'))).toEqual([]);
});

test('the graded functions on the course test cases print the course values', () => {
  const text = run.lines.join('\n');
  // update_parameters_with_gd, update_parameters_with_momentum, update_parameters_with_adam: W1 and b2
  expect(text).toContain('W1 =\n[[ 1.63535156 -0.62320365 -0.53718766]\n [-1.07799357  0.85639907 -2.29470142]]');
  expect(text).toContain('b2 =\n[[-0.88020257]\n [ 0.02561572]\n [ 0.57539477]]');
  expect(text).toContain('W1 =\n[[ 1.62544598 -0.61290114 -0.52907334]\n [-1.07347112  0.86450677 -2.30085497]]');
  expect(text).toContain('v["dW1"] =\n[[-0.11006192  0.11447237  0.09015907]\n [ 0.05024943  0.09008559 -0.06837279]]');
  expect(text).toContain('W1 =\n[[ 1.63942428 -0.6268425  -0.54320974]\n [-1.08782943  0.85036983 -2.2865723 ]]');
  expect(text).toContain('b2 =\n[[-0.89228024]\n [ 0.02707193]\n [ 0.56782561]]');
  expect(linesWith(run.lines, 'shape of the ')).toEqual([
    'shape of the 1st mini_batch_X: (12288, 64)', 'shape of the 2nd mini_batch_X: (12288, 64)', 'shape of the 3rd mini_batch_X: (12288, 20)',
    'shape of the 1st mini_batch_Y: (1, 64)', 'shape of the 2nd mini_batch_Y: (1, 64)', 'shape of the 3rd mini_batch_Y: (1, 20)',
  ]);
  expect(run.lines).toContain('mini batch sanity check: [ 0.90085595 -0.7612069   0.2344157 ]');
  expect(linesWith(run.lines, 'Updated learning rate')).toEqual([
    'Updated learning rate:  0.16666666666666666',
    'Updated learning rate after 10 epochs:  0.5',
    'Updated learning rate after 100 epochs:  0.3846153846153846',
  ]);
});

test('first epoch cost and the accuracies of gd, momentum and Adam are the course values', () => {
  expect(linesWith(run.lines, 'Cost after epoch 0:')[0]).toBe('Cost after epoch 0: 0.702405');
  expect(linesWith(run.lines, 'Accuracy:').slice(0, 3)).toEqual([
    'Accuracy: 0.7166666666666667', 'Accuracy: 0.7166666666666667', 'Accuracy: 0.9433333333333334',
  ]);
});

test('all seven trainings print the course lines: costs, learning rates, accuracies', () => {
  expect(printed()).toEqual(Object.values(RUNS).flat());
});

test('every training shows its cost curve and decision boundary', () => {
  expect(run.displays.length).toBe(1 + 2 * 7); // the dataset, then a cost curve and a boundary per run
});
