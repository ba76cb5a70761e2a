import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        // One temporary folder per run, removed at its end (test/temporary-folders.ts).
        globalSetup: ['test/temporary-folders.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
    },
});
