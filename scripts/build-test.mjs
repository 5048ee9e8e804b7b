// The demo/test build: the production build plus the loopback address (build/site-hosts.ts), written to
// .output/<target>-test. `node scripts/build-test.mjs [chrome] [firefox]` (both by default).
import { spawnSync } from 'node:child_process';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const target of targets) {
  const args = ['wxt', 'build', ...(target === 'chrome' ? [] : ['-b', target])];
  const r = spawnSync('npx', args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, HUIKUAN_BUILD: 'test' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
