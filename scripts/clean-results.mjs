// Clears the previous run's result files so the totals never count a stale run.
import { existsSync, readdirSync, rmSync } from 'node:fs';
for (const f of ['.tmp/steps.json', '.tmp/e2e.tap']) rmSync(f, { force: true });
if (existsSync('.tmp')) for (const f of readdirSync('.tmp')) if (/^vitest(-.+)?\.json$/.test(f)) rmSync(`.tmp/${f}`, { force: true });
