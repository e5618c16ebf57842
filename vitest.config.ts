import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export const unitTestConfig = defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/app/**/*.test.ts', 'test/tooling/**/*.test.ts', 'test/hostile/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    // Two workers even on two cores: many tests wait on a child process (the CLI, Python, torchrun),
    // so one worker left a core idle (unit tests 614 s with one, 362 s with two on the build machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/setup/buildWasm.ts', 'test/setup/webgpu.ts'],
    setupFiles: ['test/setup/backends.ts'],
  },
});

export { unitTestConfig as default };
