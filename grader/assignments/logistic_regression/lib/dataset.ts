/**
 * Two seeded blobs in the plane, one per class: each example's label is a fair coin (np.random.rand
 * > 0.5), and its two features are standard normal draws shifted by +1 for class 1 and -1 for
 * class 0. Train: 200 examples (seed 1); test: 100 examples (seed 2). One example per column.
 */
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';

function blobs(m: number, seed: number): [NDArray, NDArray] {
  np.random.seed(seed);
  const Y = np.random.rand(1, m).gt(0.5).astype('float64');
  const shift = Y.mul(2).sub(1);
  const X = np.random.randn(2, m).add(shift);
  return [X, Y];
}

export function load_dataset(): { train_X: NDArray; train_Y: NDArray; test_X: NDArray; test_Y: NDArray } {
  const [train_X, train_Y] = blobs(200, 1);
  const [test_X, test_Y] = blobs(100, 2);
  return { train_X, train_Y, test_X, test_Y };
}
