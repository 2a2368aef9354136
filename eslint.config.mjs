import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botFrameworks = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', 'restify'];
const adapters = ['**/storage/sqlite-store', '**/storage/cosmos-store', 'better-sqlite3', '@azure/cosmos'];

export default tseslint.config(
  { ignores: ['lib/**', 'node_modules/**', 'coverage/**', '.data/**', '.playground/**', 'appPackage/build/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The bot frameworks are past end of support: they stay at the edge (ARCHITECTURE.md).
    files: ['src/features/**/*.ts', 'src/platform/**/*.ts', 'src/storage/**/*.ts'],
    ignores: ['src/features/*/*.handlers.ts', 'src/features/*/index.ts', 'src/platform/bot/**', 'src/platform/delivery/bot-proactive-sender.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: botFrameworks, message: 'Bot frameworks are imported only at the edge: app.ts, server.ts, platform/bot, *.handlers.ts.' }] }],
    },
  },
  {
    // Features depend on ports, never on a storage adapter, and never on another feature.
    files: ['src/features/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: adapters, message: 'Features use the DocumentStore port, not an adapter.' },
        { group: ['../*/**', '!../../**'], message: 'A feature never imports another feature.' },
      ] }],
    },
  },
  {
    files: ['src/features/*/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: botFrameworks, message: 'Bot frameworks are imported only at the edge.' },
        { group: adapters, message: 'Features use the DocumentStore port, not an adapter.' },
        { group: ['../../*/**', '!../../../**'], message: 'A feature never imports another feature.' },
      ] }],
    },
  },
  {
    // Services, repositories, schemas: no bot framework (handlers and index.ts are the feature's edge).
    files: ['src/features/*/*.ts'],
    ignores: ['src/features/*/*.handlers.ts', 'src/features/*/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: botFrameworks, message: 'Bot frameworks are imported only at the edge.' },
        { group: adapters, message: 'Features use the DocumentStore port, not an adapter.' },
        { group: ['../*/**', '!../../**'], message: 'A feature never imports another feature.' },
      ] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
