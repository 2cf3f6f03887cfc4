/**
 * Hidden tests for the initialization assignment. Each graded function is worth 1 point, split
 * evenly over its cases. Inputs differ from the public tests (other layer sizes, deeper and
 * single-layer networks); expected values come from the source notebook's reference solutions.
 */
import { np } from '../../../lib';
import type { NDArray } from '../../../lib';
import type { HiddenSuite } from '../../grade/hidden';

type Params = Record<string, NDArray>;

const layerCases = [
  { name: 'layers [4, 3, 2]', args: () => [[4, 3, 2]] },
  { name: 'layers [5, 1]', args: () => [[5, 1]] },
  { name: 'layers [2, 6, 4, 3, 1]', args: () => [[2, 6, 4, 3, 1]] },
];

function init(dims: number[], weight: (rows: number, cols: number) => NDArray, seed?: number): Params {
  if (seed !== undefined) np.random.seed(seed);
  const p: Params = {};
  for (let l = 1; l < dims.length; l++) {
    p['W' + l] = weight(dims[l], dims[l - 1]);
    p['b' + l] = np.zeros([dims[l], 1]);
  }
  return p;
}

export const tests: HiddenSuite = {
  initialize_parameters_zeros: {
    points: 1,
    cases: layerCases,
    mistakes: [
      { message: 'W has its dimensions swapped: it should be (layers_dims[l], layers_dims[l - 1])', impl: (d) => init(d as number[], (r, c) => np.zeros([c, r])),
        plant: { find: "np.zeros([layers_dims[l], layers_dims[l - 1]])", replace: "np.zeros([layers_dims[l - 1], layers_dims[l]])" } },
      { message: 'initialize the weights with np.zeros, not np.ones', impl: (d) => init(d as number[], (r, c) => np.ones([r, c])),
        plant: { find: "np.zeros([layers_dims[l], layers_dims[l - 1]])", replace: "np.ones([layers_dims[l], layers_dims[l - 1]])" } },
    ],
  },
  initialize_parameters_random: {
    points: 1,
    cases: layerCases,
    mistakes: [
      { message: 'use np.random.randn (standard normal), not np.random.rand (uniform on [0, 1))', impl: (d) => init(d as number[], (r, c) => np.random.rand(r, c).mul(10), 3),
        plant: { find: 'np.random.randn(layers_dims[l], layers_dims[l - 1]).mul(10)', replace: 'np.random.rand(layers_dims[l], layers_dims[l - 1]).mul(10)' } },
      { message: 'multiply the random weights by 10', impl: (d) => init(d as number[], (r, c) => np.random.randn(r, c), 3),
        plant: { find: 'np.random.randn(layers_dims[l], layers_dims[l - 1]).mul(10)', replace: 'np.random.randn(layers_dims[l], layers_dims[l - 1])' } },
    ],
  },
  initialize_parameters_he: {
    points: 1,
    cases: layerCases,
    mistakes: [
      { message: 'the scale uses the current layer size: it should be sqrt(2 / layers_dims[l - 1])', impl: (d) => init(d as number[], (r, c) => np.random.randn(r, c).mul(Math.sqrt(2 / r)), 3),
        plant: { find: 'Math.sqrt(2 / layers_dims[l - 1])', replace: 'Math.sqrt(2 / layers_dims[l])' } },
      { message: 'the scale should be sqrt(2 / layers_dims[l - 1]), not sqrt(1 / layers_dims[l - 1])', impl: (d) => init(d as number[], (r, c) => np.random.randn(r, c).mul(Math.sqrt(1 / c)), 3),
        plant: { find: 'Math.sqrt(2 / layers_dims[l - 1])', replace: 'Math.sqrt(1 / layers_dims[l - 1])' } },
      { message: 'use np.random.randn (standard normal), not np.random.rand (uniform on [0, 1))', impl: (d) => init(d as number[], (r, c) => np.random.rand(r, c).mul(Math.sqrt(2 / c)), 3),
        plant: { find: 'np.random.randn(layers_dims[l], layers_dims[l - 1])', replace: 'np.random.rand(layers_dims[l], layers_dims[l - 1])' } },
    ],
  },
};
