// What the gradient-checking notebook imports: the course's gc_utils equivalents, the 3-layer network
// and its test case, and the public tests.
export type { Params } from '../../../../lib/course/common/types';
export { sigmoid, relu } from '../../../../lib/course/common/activations';
export { dictionary_to_vector, vector_to_dictionary, gradients_to_vector } from './gc_utils';
export { forward_propagation_n, gradient_check_n_test_case } from './network';
export type { CacheN } from './network';
export * from './public_tests';
