/** Two projects: fast in-process tests, and end-to-end tests that drive the Agents Playground in Chromium. */
const tsJest = ['ts-jest', { diagnostics: false }];
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  clearMocks: true,
};
const cosmosTests = [
  '<rootDir>/test/features/**/*.conversation.test.ts',
  '<rootDir>/test/features/**/*.service.test.ts',
  '<rootDir>/test/features/**/*.jobs.test.ts',
  '<rootDir>/test/app/*conversation*.test.ts',
  '<rootDir>/test/app/auth-and-restart.test.ts',
  '<rootDir>/test/platform/signups/signups.service.test.ts',
];
module.exports = {
  // An upper bound for a stuck test, not a race: on a busy 2-core CI machine a conversation test that
  // starts the bot can take several seconds. Tests never depend on how fast they run.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/test/e2e/'],
      setupFilesAfterEnv: ['<rootDir>/test/support/test-store.setup.ts'],
    },
    // The conversation and service tests again, every bot and fixture on a Cosmos test server
    // (test/support/test-store.ts). Tests about SQLite itself, the storage contract suites (which run
    // both stores themselves) and store-free tests (cards, rules, schemas, HTTP edge) stay in `unit`.
    {
      ...common,
      displayName: 'unit-cosmos',
      roots: ['<rootDir>/test'],
      testMatch: cosmosTests,
      setupFiles: ['<rootDir>/test/support/cosmos-store.env.ts'],
      setupFilesAfterEnv: [
        '<rootDir>/test/support/test-store.setup.ts',
        '<rootDir>/test/support/cosmos-store.timeout.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      slowTestThreshold: 60,
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-setup.ts'],
    },
  ],
};
