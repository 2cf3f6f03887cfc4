/**
 * The files `tsdl new <id>` writes: a minimal assignment that passes `tsdl validate` as created
 * (one graded function, its public test, hidden tests with a planted mistake), for the instructor
 * to grow. Imports from the repository are relative: grader/assignments/<id>/ is three folders
 * below it, its lib/ four.
 */
import type { Cell, Notebook } from '../notebook';

const code = (id: string, source: string, metadata: Cell['metadata'] = {}): Cell =>
  ({ cell_type: 'code', id, metadata, source, outputs: [], execution_count: null });
const markdown = (id: string, source: string): Cell => ({ cell_type: 'markdown', id, metadata: {}, source });

export function sourceNotebook(id: string, title: string): Notebook {
  return {
    nbformat: 4, nbformat_minor: 5,
    metadata: { tsdl: { title } },
    cells: [
      markdown('intro', `# ${title}\n\nWhat this assignment teaches, in your own words. Run each cell in order; fill in the code between \`START CODE HERE\` and \`END CODE HERE\`.`),
      code('imports', `import { np, NDArray } from 'tsdl';\nimport { scale_test } from 'tsdl/lib/course/${id}';`),
      markdown('scale-md', '## 1 - Scale an array\n\nImplement `scale(a, k)`, which returns every element of `a` multiplied by `k` (numpy: `a * k`).'),
      code('scale', [
        '// GRADED FUNCTION: scale',
        'function scale(a: NDArray, k: number): NDArray {',
        '  let result: NDArray;',
        '  // START CODE HERE (≈ 1 line of code)',
        '  // BEGIN SOLUTION',
        '  result = a.mul(k);',
        '  // END SOLUTION',
        '  // END CODE HERE',
        '  return result;',
        '}',
      ].join('\n'), { nbgrader: { points: 1 } }),
      code('scale-run', "console.log('scale = ' + scale(np.array([[1, 2], [3, 4]]), 3));"),
      code('scale-test', 'scale_test(scale);'),
    ],
  };
}

export const HIDDEN_TESTS = `// Hidden tests: one entry per graded function (see grader/README.md, "Writing an assignment").
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
`;

export const LIB_INDEX = `// What the notebook imports as 'tsdl/lib/course/<id>': helpers and public tests.
export * from './public_tests';
`;

export const PUBLIC_TESTS = `// Public tests: what students run after each graded function; each check prints ✓ or ✗.
import { np } from '../../../../lib/np';
import type { NDArray } from '../../../../lib/np/ndarray';
import { expectClose, runChecks } from '../../../../lib/course/testing';

export function scale_test(scale: (a: NDArray, k: number) => NDArray): void {
  runChecks('scale', [
    { name: 'scale([[1, 2], [3, 4]], 3) = [[3, 6], [9, 12]]', run: () => expectClose(scale(np.array([[1, 2], [3, 4]]), 3), [[3, 6], [9, 12]], 'the result') },
    { name: 'scale by 0.5', run: () => expectClose(scale(np.array([2, 4]), 0.5), [1, 2], 'the result') },
  ]);
}
`;
