/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // notebooks load the library from its runtime bundle (dist/): rebuild it if lib/ changed
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  testMatch: ['**/*.test.ts'],
  // hidden_tests.ts files load as tsx loads them for the tsdl command (no type check on require):
  // `tsdl validate` type-checks them itself and reports errors by line, which tests exercise.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false, exclude: ['**/hidden_tests.ts'] } }] },
};
