/**
 * Zoho CRM: module and record id from the URL, the name and e-mail from the record header that Zoho's own Lyte
 * template renders (`crux-detailpage-header`) [zoho-crux-header]. Sources: SOURCES.md.
 */
import type { SiteReader } from '../types';
import { clean, ctx, firstText, isAppWord, mailtoEmails, q, textEmails, titleParts, uniqEmails } from '../dom';
import { hosts } from './hosts';

export function zohoRecord(url: URL): { recordId: string; recordType: string } | null {
  const m = url.pathname.match(/^\/crm\/(?:org\d+\/)?tab\/([A-Za-z0-9_]+)\/(\d{5,})(?:\/|$)/);
  return m ? { recordId: m[2], recordType: m[1] } : null;
}

export const zoho: SiteReader = {
  id: 'zoho',
  kind: 'crm',
  label: 'Zoho CRM',
  hosts,
  matchesUrl: (u) =>
    u.protocol === 'https:' &&
    /^crm\.(?:zoho\.(?:com|eu|in|com\.au|jp|com\.cn|sa|uk)|zohocloud\.ca)$/.test(u.hostname) &&
    !!zohoRecord(u),
  read(url, doc) {
    const rec = zohoRecord(url);
    if (!rec) return null;
    const header = q(doc, 'crux-detailpage-header') ?? q(doc, '.cxDvHeaderParent');
    // The header's first field is the record's name (Account_Name, Full_Name, Deal_Name); the second (two-field
    // modules) follows a hyphen in #recHeader2 and is not the name.
    const name =
      firstText(header ?? doc, ['#recHeader1', '.cxDvRecordHeader1']) ??
      [clean(titleParts(doc).find((p) => !isAppWord(p, 'Zoho CRM') && p !== rec.recordType))].find((t) => t);
    // The record's Email is printed as plain text under the name (`<div class="cxDvRecordEmail">`).
    const emails = uniqEmails([
      ...textEmails(header ? [...header.querySelectorAll('.cxDvRecordEmail')] : []),
      ...mailtoEmails(doc),
    ]);
    return ctx('zoho', 'record', url, { ...rec, name, emails });
  },
};
