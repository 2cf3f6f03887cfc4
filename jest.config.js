/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // notebooks load the library from its runtime bundle (dist/): rebuild it if lib/ changed
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false } }] },
};
