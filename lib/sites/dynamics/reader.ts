/**
 * Dynamics 365 / Dataverse model-driven apps: entity and id from the URL, the name from the form header's
 * `h1[data-id="header_title"]` title attribute and the e-mail addresses from the e-mail fields' input values, as
 * Microsoft's own UI-test framework reads them [easyrepro]. Sources: SOURCES.md.
 */
import type { SiteReader } from '../types';
import { clean, ctx, emailAttr, mailtoEmails, q, qa, textOf, titleParts, uniqEmails } from '../dom';
import { hosts } from './hosts';

const D365_ETC: Record<string, string> = { '1': 'account', '2': 'contact', '3': 'opportunity', '4': 'lead' };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function dynamicsRecord(url: URL): { recordId: string; recordType: string } | null {
  if (!/\/main\.aspx$/i.test(url.pathname)) return null;
  // Unified Interface puts the parameters in the query; some legacy links in the hash.
  const p = new URLSearchParams(url.search);
  if (!p.get('id') && url.hash.includes('=')) for (const [k, v] of new URLSearchParams(url.hash.slice(1))) p.set(k, v);
  const type = p.get('etn') ?? D365_ETC[p.get('etc') ?? ''];
  const id = (p.get('id') ?? '').replace(/[{}]/g, '').toLowerCase();
  const pt = (p.get('pagetype') ?? 'entityrecord').toLowerCase();
  if (pt !== 'entityrecord' || !type || !GUID.test(id)) return null;
  return { recordId: id, recordType: type };
}

/**
 * E-mail fields are text inputs whose value is the address (`input[data-id="emailaddress1.fieldControl-mail-text-input"]`,
 * the form's and the header flyout's copy) [easyrepro] [recorded-d365-inputs]: no mailto link is rendered.
 */
function fieldEmails(doc: Document): Array<string | undefined> {
  const inputs = qa(
    doc,
    'input[data-id$=".fieldControl-mail-text-input"], [data-id*="emailaddress"][data-id$="-FieldSectionItemContainer"] input, [data-id^="header_emailaddress"] input',
    20,
  );
  return inputs.map((i) => emailAttr(textOf(i)) ?? emailAttr(i.getAttribute('title')));
}

export const dynamics: SiteReader = {
  id: 'dynamics',
  kind: 'crm',
  label: 'Dynamics 365',
  hosts,
  matchesUrl: (u) =>
    u.protocol === 'https:' && /^[a-z0-9-]+\.crm\d*\.dynamics\.(?:com|cn)$/.test(u.hostname) && !!dynamicsRecord(u),
  read(url, doc) {
    const rec = dynamicsRecord(url);
    if (!rec) return null;
    // `//*[@data-id='header_title']`, read through its title attribute (the visible text may be truncated or end in
    // "- Saved") [easyrepro]; `#headerContainer h1` [toggl].
    const h =
      q(doc, '[data-id="header_title"]') ?? q(doc, '[data-id="form-header"] h1') ?? q(doc, '#headerContainer h1');
    let name = clean(h?.getAttribute('title')) ?? clean(textOf(h));
    // "Account: Acme Corp - Dynamics 365" / "Acme Corp - Sales Hub"
    if (!name) {
      const parts = titleParts(doc);
      if (parts.length >= 2)
        name = clean(parts[0].replace(/^(?:Account|Contact|Opportunity|Lead|客户|联系人|商机|潜在顾客):\s*/i, ''));
    }
    return ctx('dynamics', 'record', url, {
      ...rec,
      name,
      emails: uniqEmails([...fieldEmails(doc), ...mailtoEmails(doc)]),
    });
  },
};
