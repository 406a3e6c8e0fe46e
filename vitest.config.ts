import { defineConfig } from 'vitest/config';

// Three layers of tests, one runner. `npm test` starts the services the
// integration and e2e projects need and passes their addresses in the env.
// A stray `.only` fails the run instead of silently dropping the other tests
// (projects do not inherit root options, so each one says it).
const strict = { allowOnly: false };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...strict,
          name: 'unit',
          include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          ...strict,
          name: 'integration',
          include: ['apps/api/src/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          ...strict,
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
