import { defineConfig } from 'vitest/config';

// Two groups: `unit` is the fast default; `browser` drives Debian's Chromium end to end.
// Tests that need a real (multilingual) embedding model are named *.slow.test.ts and only run with `npm run test:slow`.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['**/*.e2e.test.ts', '**/*.slow.test.ts', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['src/**/*.e2e.test.ts', 'test/**/*.e2e.test.ts'], fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'slow', include: ['src/**/*.slow.test.ts', 'test/**/*.slow.test.ts'] },
      },
    ],
  },
});
