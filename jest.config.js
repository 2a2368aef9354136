/** Two projects: fast in-process tests, and end-to-end tests that drive the Agents Playground in Chromium. */
const tsJest = ['ts-jest', { diagnostics: false }];
// intl-messageformat (ICU plurals) ships only as ES modules: jest compiles it and its @formatjs parts.
const esmOnly = ['intl-messageformat', '@formatjs'];
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': tsJest,
    '^.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  clearMocks: true,
};
module.exports = {
  // An upper bound for a stuck test, not a race: on a busy 2-core CI machine a conversation test that
  // starts the bot can take several seconds. Tests never depend on how fast they run.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test'], testPathIgnorePatterns: ['/test/e2e/'] },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      slowTestThreshold: 60,
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-setup.ts'],
    },
  ],
};
