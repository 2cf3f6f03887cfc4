// What the initialization notebook imports: the course's init_utils equivalents and public tests.
import type { NDArray } from '../../../../lib/np/ndarray';
import { load_circles_dataset } from '../../../../lib/datasets';

export type { Params } from '../../../../lib/course/common/types';
export { sigmoid, relu } from '../../../../lib/course/common/activations';
export {
  forward_propagation, backward_propagation, update_parameters, compute_loss, predict, predict_dec,
} from '../../../../lib/course/common/three_layer';
export * from './public_tests';

/** The two-rings dataset: 300 training points (seed 1) and 100 test points (seed 2), noise 0.05. */
export function load_dataset(): { train_X: NDArray; train_Y: NDArray; test_X: NDArray; test_Y: NDArray } {
  return load_circles_dataset();
}
