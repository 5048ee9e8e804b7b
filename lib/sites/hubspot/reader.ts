/** HubSpot: object type and id from the URL, the name from the record's highlight card. Sources: SOURCES.md. */
import type { SiteReader } from '../types';
import { clean, ctx, emailAttr, firstText, isAppWord, mailtoEmails, qa, textOf, titleParts, uniqEmails } from '../dom';
import { hosts } from './hosts';

const HS_TYPES: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };

export function hubspotRecord(url: URL): { recordId: string; recordType: string } | null {
  const m = url.pathname.match(/^\/contacts\/\d+\/record\/(\d+-\d+)\/(\d+)(?:\/|$)/);
  if (m) return { recordId: m[2], recordType: HS_TYPES[m[1]] ?? m[1] };
  // Legacy (–2022): /contacts/<portal>/company/<id> [range-sync]
  const l = url.pathname.match(/^\/contacts\/\d+\/(company|contact|deal|ticket)\/(\d+)(?:\/|$)/);
  return l ? { recordId: l[2], recordType: l[1] } : null;
}

export const hubspot: SiteReader = {
  id: 'hubspot',
  kind: 'crm',
  label: 'HubSpot',
  hosts,
  matchesUrl: (u) =>
    u.protocol === 'https:' && /^app(?:-[a-z0-9]+)?\.hubspot\.com$/.test(u.hostname) && !!hubspotRecord(u),
  read(url, doc) {
    const rec = hubspotRecord(url);
    if (!rec) return null;
    // The highlight card [toggl]; then older test hooks (unconfirmed by a public recording, kept as fallbacks).
    const name =
      firstText(doc, [
        'div[data-selenium-test$="-highlight-details"] h3',
        '[data-selenium-test="highlightTitle"]',
        '[data-test-id="record-highlight-title"]',
        '[data-test-id="deal-name"]',
      ]) ?? [clean(titleParts(doc)[0])].find((t) => !isAppWord(t, 'HubSpot'));
    const emails = uniqEmails([
      ...mailtoEmails(doc),
      ...qa(doc, '[data-selenium-test="property-input-email"]', 10).map((e) => emailAttr(textOf(e))),
    ]);
    return ctx('hubspot', 'record', url, { ...rec, name, emails });
  },
};
