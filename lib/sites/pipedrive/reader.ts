/**
 * Pipedrive: deals, people, organisations and leads by URL. No public source records the detail views' markup
 * (SOURCES.md); the name comes from the detail view's heading, and a heading or title part that only names the
 * application or the Leads Inbox ("Pipedrive") is never taken — without a name the page counts as not read.
 */
import type { SiteReader } from '../types';
import { clean, ctx, firstText, isAppWord, mailtoEmails, q, qa, textOf, titleParts, uniqEmails } from '../dom';
import { hosts } from './hosts';

export function pipedriveRecord(url: URL): { recordId: string; recordType: string } | null {
  const m = url.pathname.match(/^\/(deal|person|organization)\/(\d+)(?:\/|$)/);
  if (m) return { recordId: m[2], recordType: m[1] };
  // Leads Inbox with a lead open: /leads/inbox/<uuid> [url-public]
  const l = url.pathname.match(/^\/leads\/inbox\/([0-9a-f-]{36})(?:\/|$)/);
  return l ? { recordId: l[1], recordType: 'lead' } : null;
}

const notApp = (s: string | undefined) => (isAppWord(s, 'Pipedrive') ? undefined : s);

function headingName(root: ParentNode): string | undefined {
  for (const el of qa(
    root,
    '[data-testid="header-title"], [data-test="header-title"], [data-testid="detail-view-title"], h1, [role="heading"][aria-level="1"], h2',
    20,
  )) {
    const t = notApp(clean(textOf(el)));
    if (t) return t;
  }
  return undefined;
}

export const pipedrive: SiteReader = {
  id: 'pipedrive',
  kind: 'crm',
  label: 'Pipedrive',
  hosts,
  matchesUrl: (u) =>
    u.protocol === 'https:' &&
    /^[a-z0-9-]+\.pipedrive\.com$/.test(u.hostname) &&
    !/^(www|developers|support|status|api|webforms|leadbooster-chat)\./.test(u.hostname) &&
    !!pipedriveRecord(u),
  read(url, doc) {
    const rec = pipedriveRecord(url);
    if (!rec) return null;
    // A lead opens beside the inbox list: prefer a dialog or detail region over the list's own heading.
    const detail = rec.recordType === 'lead' ? (q(doc, '[role="dialog"]') ?? q(doc, '[role="main"]') ?? doc) : doc;
    const name =
      headingName(detail) ??
      (detail !== doc ? headingName(doc) : undefined) ??
      notApp(firstText(doc, ['.detailView h1'])) ??
      notApp(clean(titleParts(doc)[0]));
    return ctx('pipedrive', 'record', url, { ...rec, name, emails: uniqEmails(mailtoEmails(doc)) });
  },
};
