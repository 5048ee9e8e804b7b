/**
 * Least privilege, per build: the production manifests' permissions and content-script matches equal the reviewed
 * baseline (tests/fixtures/manifest-baseline.json; widening them fails here until the baseline is changed on
 * purpose), the demo/test builds add exactly the loopback address and nothing else, and only Chrome's badge frame
 * is reachable through a per-session URL.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../demo/server';

const baseline = JSON.parse(readFileSync(join(root, 'tests/fixtures/manifest-baseline.json'), 'utf8'));
const sorted = (a: unknown) => [...((a as string[] | undefined) ?? [])].sort();
const LOOPBACK: string[] = baseline.testBuildAdds;

function manifest(dir: string) {
  const file = join(root, '.output', dir, 'manifest.json');
  assert.ok(existsSync(file), `${file} missing: run npm run build and npm run build:test`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
const csMatches = (m: { content_scripts: Array<{ matches: string[] }> }) =>
  m.content_scripts.flatMap((c) => c.matches).sort();
const csExcludes = (m: { content_scripts: Array<{ exclude_matches?: string[] }> }) =>
  m.content_scripts.flatMap((c) => c.exclude_matches ?? []).sort();

for (const target of ['chrome-mv3', 'firefox-mv2'] as const) {
  test(`${target} (production) permissions equal the reviewed baseline and match no loopback address`, () => {
    const m = manifest(target);
    const want = baseline[target];
    // MV2 (Firefox) folds hosts into permissions; MV3 keeps them apart.
    assert.deepEqual(sorted(m.permissions), sorted(want.permissions));
    assert.deepEqual(sorted(m.host_permissions), sorted(want.host_permissions));
    assert.deepEqual(
      sorted(m.optional_host_permissions ?? m.optional_permissions),
      sorted(want.optional_host_permissions),
    );
    assert.deepEqual(csMatches(m), sorted(want.content_script_matches));
    assert.deepEqual(csExcludes(m), sorted(want.content_script_exclude_matches));
    assert.equal(m.externally_connectable, undefined, 'web pages must not be able to message the extension');
    const everything = JSON.stringify([
      m.permissions,
      m.host_permissions,
      m.content_scripts,
      m.web_accessible_resources,
    ]);
    assert.doesNotMatch(everything, /127\.0\.0\.1|localhost/, 'a production build runs on no loopback address');
  });

  test(`${target}-test adds exactly the loopback address to the production build`, () => {
    const prod = manifest(target);
    const t = manifest(`${target}-test`);
    const hosts = (m: { host_permissions?: string[]; permissions: string[] }) =>
      sorted(m.host_permissions?.length ? m.host_permissions : m.permissions);
    assert.deepEqual(hosts(t), sorted([...hosts(prod), ...LOOPBACK]));
    for (const [i, cs] of t.content_scripts.entries()) {
      assert.deepEqual(
        sorted(cs.matches),
        sorted([...prod.content_scripts[i].matches, ...LOOPBACK]),
        `content script ${cs.js}`,
      );
    }
  });

  test(`${target}-test runs the production build's code: only the manifest differs`, () => {
    // A WXT mode other than production would give the pages React's development build (StrictMode's double
    // effects), so the browser tests would not test what users run.
    const files = (dir: string) =>
      readdirSync(join(root, '.output', dir), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(join(root, '.output', dir).length))
        .sort();
    const prod = files(target);
    assert.deepEqual(files(`${target}-test`), prod, 'the same files, with the same content hashes');
    for (const f of prod.filter((x) => x.endsWith('.js'))) {
      assert.ok(
        readFileSync(join(root, '.output', `${target}-test`, f)).equals(readFileSync(join(root, '.output', target, f))),
        f,
      );
    }
  });
}

test('the badge frame is web-accessible to the supported hosts only, and in Chrome only through a per-session URL', () => {
  const m = manifest('chrome-mv3');
  assert.equal(m.web_accessible_resources.length, 1);
  const [war] = m.web_accessible_resources;
  assert.deepEqual(war.resources, ['badge.html']);
  assert.equal(war.use_dynamic_url, true);
  assert.deepEqual(sorted(war.matches), sorted(baseline['chrome-mv3'].host_permissions));
});

test('hosts where strangers publish pages are not matched: Pipedrive web forms, Dynamics marketing pages', () => {
  const m = manifest('chrome-mv3');
  const all = csMatches(m);
  assert.ok(
    !all.includes('https://*.dynamics.com/*'),
    'no *.dynamics.com: *.mkt.dynamics.com serves tenants\u2019 public forms',
  );
  assert.ok(csExcludes(m).includes('https://webforms.pipedrive.com/*'));
});

test('extension pages have a strict content security policy', () => {
  const m = manifest('chrome-mv3');
  const csp: string = m.content_security_policy?.extension_pages ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
  assert.doesNotMatch(csp, /script-src[^;]*(https?:|\*)/, 'no remote script sources');
  assert.match(csp, /object-src 'self'/);
  // Team sharing talks to a CouchDB server the user names at runtime, so connect-src cannot list it; the only
  // module that connects is lib/sync/couch.ts (ESLint), and tests/e2e/trust.e2e.ts sees no request without it.
  assert.match(
    csp,
    /connect-src 'self' https: http:(;|$)/,
    'connections: the extension itself and the team server (http/https only)',
  );
  assert.doesNotMatch(csp, /connect-src[^;]*(\*|wss?:|data:|blob:)/, 'no websockets, data or wildcard connections');
});

// The storage-full fault hook of the browser tests (lib/db/faultHooks.ts) is in both builds (the same code) and is
// armed by a manifest granting the loopback address: the production manifests must not.
for (const target of ['chrome-mv3', 'firefox-mv2'] as const) {
  test(`${target}: the production manifest cannot arm the test fault hook; the test build's can`, () => {
    const hosts = (m: { host_permissions?: string[]; permissions?: string[] }) => [
      ...(m.host_permissions ?? []),
      ...(m.permissions ?? []),
    ];
    assert.ok(
      !hosts(manifest(target)).some((p) => LOOPBACK.includes(p)),
      'the production manifest grants the loopback address',
    );
    if (existsSync(join(root, '.output', `${target}-test`, 'manifest.json'))) {
      assert.ok(
        hosts(manifest(`${target}-test`)).some((p) => LOOPBACK.includes(p)),
        'the test build cannot arm the fault hook',
      );
    }
  });
}
