// Values the course prints that the numeric core alone must reproduce (issue: numeric core §4).
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as util from 'util';
import { np, pyStr } from '../lib';

test('seed(3); randn(2, 3) * 10 prints the course W1', () => {
  np.random.seed(3);
  const W1 = np.random.randn(2, 3).mul(10);
  expect(String(W1)).toBe('[[ 17.88628473   4.36509851   0.96497468]\n [-18.63492703  -2.77388203  -3.54758979]]');
});

test('mini-batch shuffle: X[:, permutation] first entries', () => {
  np.random.seed(1);
  const X = np.random.randn(12288, 148);
  const Y = np.random.randn(1, 148).lt(0.5);
  np.random.seed(0);
  const p = np.random.permutation(148);
  const shuffled = X.slice(':', p);
  expect(Y.dtype).toBe('bool');
  expect(String(shuffled.slice(0, '0:3'))).toBe('[ 0.90085595 -0.7612069   0.2344157 ]');
});

test('pairwise summation: 209 × (1/209) = 0.9999999999999998', () => {
  const s = np.sum(np.full([1, 209], 1 / 209));
  expect(pyStr(s)).toBe('0.9999999999999998');
});

test('repr of an array is what tslab shows for a bare expression', () => {
  expect(util.inspect(np.array([[1, 2], [3, 4]]))).toBe('array([[1, 2],\n       [3, 4]])');
});

test('the package imports from plain Node through the project TypeScript runner', () => {
  const repo = path.resolve(__dirname, '..');
  const run = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e',
    "const { np } = require('tsdl'); np.random.seed(3); console.log(String(np.random.randn(2).mul(10)))"],
  { cwd: repo, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('[17.88628473  4.36509851]\n');
});
