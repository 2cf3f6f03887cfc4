// What the notebook imports as 'tsdl/lib/course/logistic_regression': helpers and public tests.
export * from './public_tests';
