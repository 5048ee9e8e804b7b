/**
 * Least privilege: the built manifests' permissions must equal the reviewed baseline. Widening them (a new
 * permission, a new host) fails here until tests/fixtures/manifest-baseline.json is changed on purpose.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../demo/server';

const baseline = JSON.parse(readFileSync(join(root, 'tests/fixtures/manifest-baseline.json'), 'utf8'));
const sorted = (a: unknown) => [...((a as string[] | undefined) ?? [])].sort();

for (const target of ['chrome-mv3', 'firefox-mv2'] as const) {
  test(`${target} manifest permissions equal the reviewed baseline`, () => {
    const file = join(root, '.output', target, 'manifest.json');
    assert.ok(existsSync(file), `${file} missing: run npm run build`);
    const m = JSON.parse(readFileSync(file, 'utf8'));
    const want = baseline[target];
    // MV2 (Firefox) folds hosts into permissions; MV3 keeps them apart.
    assert.deepEqual(sorted(m.permissions), sorted(want.permissions));
    assert.deepEqual(sorted(m.host_permissions), sorted(want.host_permissions));
    assert.deepEqual(sorted(m.optional_host_permissions ?? m.optional_permissions), sorted(want.optional_host_permissions));
    assert.deepEqual(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort(), sorted(want.content_script_matches));
    assert.equal(m.externally_connectable, undefined, 'web pages must not be able to message the extension');
  });
}

test('extension pages have a strict content security policy', () => {
  const m = JSON.parse(readFileSync(join(root, '.output/chrome-mv3/manifest.json'), 'utf8'));
  const csp: string = m.content_security_policy?.extension_pages ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
  assert.doesNotMatch(csp, /script-src[^;]*(https?:|\*)/, 'no remote script sources');
  assert.match(csp, /object-src 'self'/);
  assert.match(csp, /connect-src 'self'/, 'extension pages may not open connections to the web');
});
