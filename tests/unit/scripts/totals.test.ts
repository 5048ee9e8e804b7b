import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tapCounts } from '../../../scripts/tap-counts.mjs';

const totalsScript = resolve(import.meta.dirname, '../../../scripts/totals.mjs');

/** The end of a node:test TAP copy, as tests/e2e/run.mjs writes it. */
const summary = (c: { pass: number; fail: number; cancelled: number }) =>
  [
    `1..${c.pass + c.fail + c.cancelled}`,
    `# tests ${c.pass + c.fail + c.cancelled}`,
    '# suites 0',
    `# pass ${c.pass}`,
    `# fail ${c.fail}`,
    `# cancelled ${c.cancelled}`,
    '# skipped 0',
    '# todo 0',
    '# duration_ms 1200.5',
    '',
  ].join('\n');

describe('the browser tests’ TAP counts (scripts/totals.mjs)', () => {
  it('counts a cancelled test (timed out, or cut off by its file) as failed', () => {
    expect(tapCounts(summary({ pass: 5, fail: 1, cancelled: 2 }))).toEqual({ passed: 5, failed: 3 });
  });

  it('reads the summary at the end, not a test’s own output printed as a TAP comment before it', () => {
    const tap = [
      'TAP version 13',
      '# Subtest: logs',
      '# pass 99',
      '# fail 0',
      'ok 1 - logs',
      summary({ pass: 1, fail: 0, cancelled: 0 }),
    ];
    expect(tapCounts(tap.join('\n'))).toEqual({ passed: 1, failed: 0 });
  });

  it('counts a copy cut off before its summary (the run was killed): its results and one failure', () => {
    const tap = [
      'TAP version 13',
      '# Subtest: a',
      'ok 1 - a',
      '  ---',
      '  ...',
      '# Subtest: b',
      'not ok 2 - b',
      '# Subtest: c',
      '    ok 1 - nested',
    ];
    expect(tapCounts(tap.join('\n'))).toEqual({ passed: 1, failed: 2 });
  });

  it('prints a timed-out node:test test as failed in the final line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-totals-'));
    try {
      const file = join(dir, 'timing.mjs');
      writeFileSync(
        file,
        [
          "import { test } from 'node:test';",
          "test('passes', () => {});",
          "test('times out', { timeout: 50 }, () => new Promise(() => {}));",
        ].join('\n'),
      );
      mkdirSync(join(dir, '.tmp'));
      const run = spawnSync(
        process.execPath,
        ['--test', '--test-reporter=tap', `--test-reporter-destination=${join(dir, '.tmp/e2e-together.tap')}`, file],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(run.status).toBe(1);
      const totals = spawnSync(process.execPath, [totalsScript], { cwd: dir, encoding: 'utf8' });
      expect(totals.stdout.trim()).toBe('1 passed, 1 failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
