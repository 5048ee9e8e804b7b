// Runs the unit and component suite again with the clock moved, so a test that reads the real date fails the day
// it is written rather than months later: 400 days ahead in a zone west of UTC (Debian's `faketime`, which moves
// Node's clock, and America/Los_Angeles, where the local day differs from UTC's for eight hours a day), and 30 days
// back in the pinned zone. Two runs rather than three (the zone and the jump ahead used to run apart): a test that
// reads the real date or the runtime's zone fails in the first, and the suite's time stays inside CI's budget.
// Each run writes its own Vitest JSON report for scripts/totals.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

import { clockRuns as runs } from './clock-runs.mjs';
const only = process.argv.slice(2);
mkdirSync('.tmp', { recursive: true });
let failed = false;
for (const r of runs.filter((x) => !only.length || only.includes(x.name))) {
  if (r.cmd && spawnSync(r.cmd, ['--help'], { stdio: 'ignore' }).error) {
    console.error(`\n${r.name}: \`${r.cmd}\` is not installed (Debian/Ubuntu: sudo apt-get install -y faketime).`);
    failed = true;
    continue;
  }
  console.log(`\n── unit and component suite, clock moved: ${r.name}`);
  const vitest = [
    'vitest',
    'run',
    '--exclude',
    'tests/unit/house/**',
    '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=.tmp/vitest-${r.name}.json`,
  ];
  const [cmd, args] = r.cmd ? [r.cmd, [...r.pre, 'npx', ...vitest]] : ['npx', vitest];
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...r.env } });
  if (res.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
