// Public tests: what students run after each graded function; each check prints ✓ or ✗.
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import { expectClose, runChecks } from '../../../../lib/course/testing';

export function scale_test(scale: (a: NDArray, k: number) => NDArray): void {
  runChecks('scale', [
    { name: 'scale([[1, 2], [3, 4]], 3) = [[3, 6], [9, 12]]', run: () => expectClose(scale(np.array([[1, 2], [3, 4]]), 3), [[3, 6], [9, 12]], 'the result') },
    { name: 'scale by 0.5', run: () => expectClose(scale(np.array([2, 4]), 0.5), [1, 2], 'the result') },
  ]);
}
