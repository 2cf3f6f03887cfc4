// What the optimization notebook imports: the course's opt_utils equivalents, test cases, public tests.
export type { Params } from '../../../../lib/course/common/types';
export { forward_propagation, backward_propagation, predict, predict_dec } from '../../../../lib/course/common/three_layer';
export { initialize_parameters, compute_cost, load_dataset } from './opt_utils';
export * from './test_cases';
export * from './public_tests';
