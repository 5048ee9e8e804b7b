/**
 * The hosts the extension runs on: each site folder's hosts.ts, gathered. These are the manifest's content-script
 * matches and host permissions in a production build; the demo/test build adds the loopback address (wxt.config.ts)
 * so that `npm run demo` and the browser tests run the real content scripts. Widening them is a deliberate change
 * pinned by tests/e2e/manifest.e2e.ts and tests/fixtures/manifest-baseline.json.
 */
import { readers } from './registry';
import type { HostTrust } from './types';
import { compileMatchPattern } from './generic';
export { LOOPBACK_MATCHES } from './demo-crm/hosts';

const of = (kind: 'crm' | 'mail', key: 'matches' | 'excludeMatches') => [
  ...new Set(readers.filter((r) => r.kind === kind).flatMap((r) => r.hosts[key] ?? [])),
];

export const crmHostMatches: readonly string[] = of('crm', 'matches');
export const mailHostMatches: readonly string[] = of('mail', 'matches');
export const crmExcludeMatches: readonly string[] = of('crm', 'excludeMatches');
export const mailExcludeMatches: readonly string[] = of('mail', 'excludeMatches');

const trustTests = readers.flatMap((r) =>
  r.hosts.matches.map((p) => ({ site: r.id, trust: r.hosts.trust, test: compileMatchPattern(p) })),
);

/**
 * Whether a page's host needs the user's confirmation before figures are shown there: its site's hosts are ones
 * strangers can publish on (Odoo Online). Unknown hosts (the user's own sites) are the user's choice: 'vendor'.
 */
export function hostTrust(siteId: string, pageUrl: string): HostTrust {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return 'confirm';
  }
  const hit = trustTests.find((t) => t.site === siteId && t.test?.(u));
  return hit?.trust ?? 'vendor';
}
