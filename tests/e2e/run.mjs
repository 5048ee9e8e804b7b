// Runs the browser tests with Node's test runner, one file at a time (they share one machine's Chromium).
// Writes a TAP copy to .tmp/e2e.tap so .ci/run can total the counts.
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const files = readdirSync('tests/e2e').filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => `tests/e2e/${f}`);
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
mkdirSync('.tmp', { recursive: true });
const r = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=1',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', '--test-reporter-destination=.tmp/e2e.tap',
  ...selected,
], { stdio: 'inherit' });
process.exit(r.status ?? 1);
