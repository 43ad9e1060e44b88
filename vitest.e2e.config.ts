import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in a real Chromium; they share one
// browser binary and a loopback server, so they run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A loaded CI machine (2 cores) can take more than vitest's default second to
    // render a panel change; polls that need longer say so themselves.
    expect: { poll: { timeout: 10_000 } },
  },
});
