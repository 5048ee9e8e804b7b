// Runs the unit and component suite again with the clock moved, so a test that reads the real date fails the day
// it is written rather than months later: 400 days ahead and 30 days back (Debian's `faketime`, which moves
// Node's clock), and in a zone west of UTC. Each run writes its own Vitest JSON report for scripts/totals.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const runs = [
  { name: 'faketime+400d', cmd: 'faketime', pre: ['-f', '+400d'], env: {} },
  { name: 'faketime-30d', cmd: 'faketime', pre: ['-f', '-30d'], env: {} },
  { name: 'tz-los-angeles', cmd: null, pre: [], env: { TZ: 'America/Los_Angeles' } },
];
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
  const vitest = ['vitest', 'run', '--exclude', 'tests/unit/house/**', '--reporter=dot', '--reporter=json', `--outputFile.json=.tmp/vitest-${r.name}.json`];
  const [cmd, args] = r.cmd ? [r.cmd, [...r.pre, 'npx', ...vitest]] : ['npx', vitest];
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...r.env } });
  if (res.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
