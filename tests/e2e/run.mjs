// Runs the browser tests with Node's test runner, two files at a time by default (each launches its own browser
// profile and page servers on free ports, and waits for conditions, tests/e2e/wait.ts, not for fixed times;
// HUIKUAN_E2E_CONCURRENCY=1 runs them one by one), then the files below, which time a race against the machine,
// always alone. Writes TAP copies to .tmp/e2e-*.tap so .ci/run can total the counts (scripts/tap-counts.mjs).
import { readdirSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Files whose checks depend on how long something takes (a wipe pressed during an import, a worker stopped mid-write). */
const ALONE = ['bulk-writer', 'faults', 'import-safety'];

const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .sort()
  .map((f) => `tests/e2e/${f}`);
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const alone = (f) => ALONE.some((a) => f.endsWith(`/${a}.e2e.ts`));
const concurrency = Math.max(1, Number(process.env.HUIKUAN_E2E_CONCURRENCY ?? 2) || 2);
mkdirSync('.tmp', { recursive: true });
for (const f of readdirSync('.tmp').filter((x) => /^e2e.*\.tap$/.test(x))) rmSync(`.tmp/${f}`);

function run(name, list, n) {
  if (!list.length) return 0;
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${n}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=.tmp/e2e-${name}.tap`,
      ...list,
    ],
    { stdio: 'inherit' },
  );
  return r.status ?? 1;
}
const together = run(
  'together',
  selected.filter((f) => !alone(f)),
  concurrency,
);
const apart = run('alone', selected.filter(alone), 1);
process.exit(together || apart);
