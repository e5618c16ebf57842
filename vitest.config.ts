import { defineConfig } from 'vitest/config';

export const unitTestConfig = defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/app/**/*.test.ts', 'test/tooling/**/*.test.ts', 'test/hostile/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    globalSetup: ['test/setup/buildWasm.ts', 'test/setup/webgpu.ts'],
    setupFiles: ['test/setup/backends.ts'],
  },
});

export { unitTestConfig as default };
