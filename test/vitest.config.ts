import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Lives in test/ to keep the package's top level to what DESIGN lists; runs from the repo root.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one (1 on the 2-core CI machine); most io files
    // wait on loopback HTTP and child processes, so three workers halve the wall time there.
    maxWorkers: 3,
    restoreMocks: true,
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      // Pure units share one module graph per worker (a large import-time saving on 2 cores).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/sandbox/**'], isolate: false } },
      // Real loopback HTTP, adapters, end-to-end and package tests share one module graph per
      // worker too (import time was two thirds of the run on 2 cores); test/reset-nock.ts resets
      // nock's interceptors and net-connect switch around each file, the state files leaked.
      { extends: true, test: { name: 'io', isolate: false, setupFiles: ['test/reset-nock.ts'], include: ['test/unit/sandbox/**/*.test.ts', 'test/adapters/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/package/**/*.test.ts', 'test/redis/**/*.test.ts', 'test/notifications/**/*.test.ts', 'test/returns/**/*.test.ts', 'test/requirements/**/*.test.ts'] } },
    ],
  },
});
