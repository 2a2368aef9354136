/** Two projects: fast in-process tests, and end-to-end tests that drive the Agents Playground in Chromium. */
const tsJest = ['ts-jest', { diagnostics: false }];
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  clearMocks: true,
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test'], testPathIgnorePatterns: ['/test/e2e/'] },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/test/e2e'], slowTestThreshold: 60, setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-setup.ts'] },
  ],
};
