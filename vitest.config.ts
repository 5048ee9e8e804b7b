import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Days are decided in the runtime's zone: pin it (China, where most users are) unless a run names another one —
// `npm test` also runs the suite 400 days ahead in America/Los_Angeles and 30 days back (scripts/unit-clocks.mjs).
process.env.TZ ??= 'Asia/Shanghai';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    globals: true,
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20_000,
    projects: [
      // The lib/ tests share their worker's module cache (`isolate: false`): each makes its own database and
      // clock, none keeps state in a module, and loading the modules once per worker rather than once per file
      // halves the suite's CPU time (68 s against 127 s, measured on this machine).
      { extends: true, test: { name: 'lib', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // Component tests render into a page (happy-dom) whose document and React roots must not carry over.
      { extends: true, test: { name: 'components', include: ['tests/unit/**/*.test.tsx'] } },
    ],
  },
});
