// What the regularization notebook imports: the course's reg_utils equivalents, test cases, public tests.
import type { NDArray } from '../../../../lib/np/ndarray';
import { load_2D_dataset } from '../../../../lib/datasets';

export type { Params } from '../../../../lib/course/common/types';
export { sigmoid, relu } from '../../../../lib/course/common/activations';
export { update_parameters, predict, predict_dec } from '../../../../lib/course/common/three_layer';
export { initialize_parameters, forward_propagation, backward_propagation, compute_cost } from '../../../../lib/course/common/reg_utils';
export type { Cache, DropoutCache } from '../../../../lib/course/common/reg_utils';
export * from './test_cases';
export * from './public_tests';

/** data.mat's 2-D points: 211 training and 200 test examples, one column each. */
export function load_dataset(): { train_X: NDArray; train_Y: NDArray; test_X: NDArray; test_Y: NDArray } {
  return load_2D_dataset();
}
