/**
 * One naming scheme (README "Contributing"): modules are camelCase (React components PascalCase), folders
 * kebab-case, and a unit test is named after the module it tests — `<module>[.<scenario>].test.ts(x)`, where
 * <module> is a file or folder of lib/, components/, bench/ or scripts/ (or a root config file) — so the test of
 * a module is found from its name, and the module of a failing test from the test's.
 */
import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const source = tracked.filter((f) => /^(lib|components)\/.*\.tsx?$/.test(f) && !f.includes('/fixtures/'));
const stem = (f: string) => basename(f).replace(/\..*$/, '');

describe('the naming scheme', () => {
  it('names modules in camelCase and React components in PascalCase', () => {
    const wrong = source.filter(
      (f) => !(f.endsWith('.tsx') ? /^[A-Za-z][A-Za-z0-9]*$/ : /^[a-z][A-Za-z0-9]*$/).test(stem(f)),
    );
    expect(wrong).toEqual([]);
  });

  it('names folders in kebab-case', () => {
    const folders = new Set(source.flatMap((f) => dirname(f).split('/')));
    expect([...folders].filter((d) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(d))).toEqual([]);
  });

  it('names each unit test after a module it tests', () => {
    const modules = new Set<string>();
    for (const f of tracked) {
      if (/^(lib|components|bench|scripts)\//.test(f) && /\.(tsx?|mjs)$/.test(f)) {
        modules.add(stem(f));
        for (const d of dirname(f).split('/').slice(1)) modules.add(d);
      } else if (!f.includes('/')) modules.add(stem(f));
    }
    // tests/unit/house/ checks the repository as a whole (its walls, its names), not one module.
    const tests = tracked.filter((f) => /^tests\/unit\/.*\.test\.tsx?$/.test(f) && !f.startsWith('tests/unit/house/'));
    expect(tests.length).toBeGreaterThan(50);
    expect(tests.filter((f) => !modules.has(stem(f)))).toEqual([]);
  });
});
