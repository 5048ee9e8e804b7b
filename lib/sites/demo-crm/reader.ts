/** The demo CRM's record pages (demo/pages.ts renders them; this reader is their contract). */
import type { SiteReader } from '../types';
import { clean, ctx, isDemoHost, mailtoEmails, q, textOf, uniqEmails } from '../dom';
import { hosts } from './hosts';

export function demoRecord(url: URL): string | null {
  const m = url.pathname.match(/^\/crm\/accounts\/([A-Za-z0-9_-]+)\/?$/);
  return m ? m[1] : null;
}

export const demoCrm: SiteReader = {
  id: 'demo-crm',
  kind: 'crm',
  label: 'Demo CRM',
  hosts,
  matchesUrl: (u) => isDemoHost(u) && !!demoRecord(u),
  read(url, doc) {
    const id = demoRecord(url);
    const main = q(doc, 'main[data-record-id]');
    if (!id || !main) return null;
    const name = clean(textOf(q(main, '[data-field="account-name"]')));
    return ctx('demo-crm', 'record', url, {
      recordId: main.getAttribute('data-record-id') || id,
      recordType: 'account',
      name,
      emails: uniqEmails(mailtoEmails(main)),
    });
  },
};
