// Hidden tests: one entry per graded function (see grader/README.md, "Writing an assignment").
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';

export const tests: HiddenSuite = {
  scale: {
    points: 1,
    cases: [
      { name: '2x3 by 3', args: () => [np.arange(6).reshape(2, 3).astype('float64'), 3] },
      { name: 'column by -0.5', args: () => [np.array([[1], [2], [4]]), -0.5] },
    ],
    mistakes: [
      {
        message: 'add k instead of multiplying by it',
        impl: (a, k) => (a as NDArray).add(k as number),
        plant: { find: 'result = a.mul(k);', replace: 'result = a.add(k);' },
      },
    ],
  },
};
