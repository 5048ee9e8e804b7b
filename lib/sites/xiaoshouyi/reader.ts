/**
 * 销售易: the legacy record pages (`/final/account.action?id=…`, linked to by public code) and SPA routes. No
 * public source records the record header's markup (SOURCES.md): the name comes from the page title, and a record
 * page whose title does not name the record counts as not read (the chip offers to link it).
 */
import type { SiteReader } from '../types';
import { clean, ctx, firstText, hostIs, isAppWord, mailtoEmails, titleParts, uniqEmails } from '../dom';
import { hosts } from './hosts';

export function xiaoshouyiRecord(url: URL): { recordId: string; recordType: string } | null {
  const a = url.pathname.match(/^\/final\/(account|contact|opportunity|lead)\.action$/);
  const id = url.searchParams.get('id');
  if (a && id && /^\d+$/.test(id)) return { recordId: id, recordType: a[1] };
  // SPA routes (not recorded publicly): …#/account/detail/123, /neoweb/…/account/123
  const m = (url.pathname + url.hash).match(
    /\/(account|contact|opportunity|lead)\/(?:detail\/|info\/)?(\d{3,})(?:[/?]|$)/,
  );
  return m ? { recordId: m[2], recordType: m[1] } : null;
}

export const xiaoshouyi: SiteReader = {
  id: 'xiaoshouyi',
  kind: 'crm',
  label: '销售易',
  hosts,
  matchesUrl: (u) =>
    /^https?:$/.test(u.protocol) && hostIs(u.hostname, 'xiaoshouyi.com', 'neocrm.com') && !!xiaoshouyiRecord(u),
  read(url, doc) {
    const rec = xiaoshouyiRecord(url);
    if (!rec) return null;
    const fromTitle = clean(titleParts(doc)[0]);
    const name =
      firstText(doc, ['[data-field="accountName"]', '[data-field="name"]', '.detail-header .name', '.account-name']) ??
      (isAppWord(fromTitle, '销售易') ? undefined : fromTitle);
    return ctx('xiaoshouyi', 'record', url, { ...rec, name, emails: uniqEmails(mailtoEmails(doc)) });
  },
};
