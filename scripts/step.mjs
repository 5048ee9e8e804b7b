// Runs a check (type check, lint) and records its outcome in .tmp/steps.json, so that .ci/run's closing
// "N passed, N failed" counts a check that failed before any test could run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';

const [name, cmd, ...args] = process.argv.slice(2);
const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
mkdirSync('.tmp', { recursive: true });
const file = '.tmp/steps.json';
const steps = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
steps[name] = r.status === 0;
writeFileSync(file, JSON.stringify(steps));
process.exit(r.status ?? 1);
