// What the step-by-step notebook imports: the course's dnn_utils equivalents, test cases, public tests.
export type { Params } from '../../../../lib/course/common/types';
export { sigmoid, relu, sigmoid_backward, relu_backward } from '../../../../lib/course/common/dnn_utils';
export type { LinearCache, ActivationCache, LayerCache } from '../../../../lib/course/common/dnn_utils';
export * from './test_cases';
export * from './public_tests';
