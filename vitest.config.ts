import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Days are decided in the runtime's zone: pin it (China, where most users are) unless a run names another one —
// `npm test` also runs the suite in America/Los_Angeles, west of UTC, and under faketime (scripts/unit-clocks.mjs).
process.env.TZ ??= 'Asia/Shanghai';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    globals: true,
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20_000,
  },
});
