import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in a real Chromium; they share one
// browser binary and a loopback server, so they run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
