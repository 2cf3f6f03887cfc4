// What the logistic-regression notebook imports as 'tsdl/lib/course/logistic_regression': its dataset and public tests.
export { load_dataset } from './dataset';
export * from './public_tests';
