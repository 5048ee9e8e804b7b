// The unit suite's moved-clock runs (scripts/unit-clocks.mjs runs them, scripts/totals.mjs expects their reports).
export const clockRuns = [
  { name: 'faketime+400d-los-angeles', cmd: 'faketime', pre: ['-f', '+400d'], env: { TZ: 'America/Los_Angeles' } },
  { name: 'faketime-30d', cmd: 'faketime', pre: ['-f', '-30d'], env: {} },
];
