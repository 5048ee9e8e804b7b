// Clears the previous run's result files so the totals never count a stale run.
import { existsSync, readdirSync, rmSync } from 'node:fs';
rmSync('.tmp/steps.json', { force: true });
if (existsSync('.tmp'))
  for (const f of readdirSync('.tmp'))
    if (/^vitest(-.+)?\.json$|^e2e.*\.tap$/.test(f)) rmSync(`.tmp/${f}`, { force: true });
