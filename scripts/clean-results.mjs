// Clears the previous run's result files so the totals never count a stale run.
import { rmSync } from 'node:fs';
for (const f of ['.tmp/steps.json', '.tmp/vitest.json', '.tmp/e2e.tap']) rmSync(f, { force: true });
