// Prints one line "N passed, N failed" over every test the last `npm test` ran: the Vitest JSON report, the
// browser tests' TAP copy, and the checks (type check, lint) recorded by scripts/step.mjs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { clockRuns } from './clock-runs.mjs';
import { tapCounts } from './tap-counts.mjs';

let passed = 0;
let failed = 0;
if (existsSync('.tmp/steps.json')) {
  for (const ok of Object.values(JSON.parse(readFileSync('.tmp/steps.json', 'utf8')))) {
    if (ok) passed++;
    else failed++;
  }
}
// The suite's own run and its moved-clock runs (scripts/unit-clocks.mjs): .tmp/vitest.json, .tmp/vitest-*.json.
const vitestReports = existsSync('.tmp') ? readdirSync('.tmp').filter((f) => /^vitest(-.+)?\.json$/.test(f)) : [];
for (const file of vitestReports) {
  const v = JSON.parse(readFileSync(`.tmp/${file}`, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  // A test file that failed to load has no tests in it; count it as one failure.
  for (const f of v.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
}
// The browser tests' TAP copies (tests/e2e/run.mjs): .tmp/e2e-*.tap; a cancelled test (timed out) counts as failed.
const taps = existsSync('.tmp') ? readdirSync('.tmp').filter((f) => /^e2e.*\.tap$/.test(f)) : [];
for (const file of taps) {
  const counts = tapCounts(readFileSync(`.tmp/${file}`, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
}
// Under CI a suite that never started (an earlier step failed) counts as a failure, not as nothing.
const expectedSteps = process.argv.includes('--expect-all');
if (expectedSteps && !taps.length) failed++;
for (const { name } of clockRuns) {
  if (expectedSteps && !existsSync(`.tmp/vitest-${name}.json`)) failed++;
}
console.log(`${passed} passed, ${failed} failed`);
