// The gradient-checking source notebook, run headless end to end, prints the course's values.
import * as path from 'path';
import { REPO, linesWith, runNotebookCli, NotebookRun } from '../helpers/notebook-run';

let run: NotebookRun;
beforeAll(() => { run = runNotebookCli(path.join(REPO, 'grader', 'assignments', 'gradient_checking', 'source.ipynb')); }, 300_000);

test('runs without errors and every public test passes', () => {
  expect(run.errors).toEqual([]);
  expect(run.status).toBe(0);
  expect(run.lines.filter((l) => l.includes('All tests passed.')).length).toBe(4);
});

test('one-dimensional checks print the course values exactly', () => {
  expect(linesWith(run.lines, 'J = ')).toEqual(['J = 8']);
  expect(linesWith(run.lines, 'dtheta = ')).toEqual(['dtheta = 2']);
  const text = run.lines.join('\n');
  expect(text).toContain('Your backward propagation works perfectly fine! difference = 2.919335883291695e-10');
  expect(text).toContain('Your backward propagation works perfectly fine! difference = 7.814075313343006e-11');
});

test('the N-D check finds the planted mistakes (course: 0.2850931567761623), and the fix gives about 1.19e-07', () => {
  const line = run.lines.find((l) => l.includes('There is a mistake in the backward propagation!'))!;
  const d = Number(/difference = ([-\d.e]+)/.exec(line)![1]);
  // The last digits depend on the BLAS and libm: with the native addon tsdl prints what this machine's
  // numpy prints (0.2850931567761624); with V8's Math.log and index-order sums 0.28509315677616237.
  // The course value must hold to 1e-12.
  expect(Math.abs(d - 0.2850931567761623) / 0.2850931567761623).toBeLessThan(1e-12);
  const fixed = Number(linesWith(run.lines, 'difference with the corrected gradients = ')[0].split(' = ')[1]);
  expect(fixed).toBeGreaterThan(1.18e-7);
  expect(fixed).toBeLessThan(1.20e-7);
});
