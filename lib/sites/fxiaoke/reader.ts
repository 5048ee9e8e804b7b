/**
 * 纷享销客: a hash-routed SPA. A record opens in a detail drawer over its list (`#crm/list/=/SalesOrderObj`), or at
 * a detail route (`#crm/detail/=/AccountObj/<id>`, `#paasapp/detail/=/appId_CRM/AccountObj/<id>`). The drawer
 * shows each field as `.faci-field-display` with a label and a value [fxiaoke-dom]. The customer is the record's
 * own name on 客户 (AccountObj) and its 客户名称 lookup (`account_id`) everywhere else — orders, contacts,
 * opportunities and receivables all name the customer that way. Sources: SOURCES.md.
 */
import type { SiteReader } from '../types';
import { clean, ctx, emailsIn, hostIs, mailtoEmails, q, qa, textOf, uniqEmails } from '../dom';
import { hosts } from './hosts';

export function fxiaokeRecord(url: URL): { recordId?: string; recordType: string } | null {
  const h = decodeURIComponent(url.hash);
  const d = h.match(/^#(?:crm|paasapp)\/(?:[^=]*\/)?detail\/=\/(?:appId_\w+\/)?(\w+)\/(\w+)/);
  if (d) return { recordType: d[1], recordId: d[2] };
  const l = h.match(/^#(?:crm|paasapp)\/list\/=\/(?:appId_\w+\/)?(\w+)/);
  return l ? { recordType: l[1] } : null;
}

interface Field {
  api: string;
  label: string;
  value: string;
}

function fields(doc: Document): Field[] {
  return qa(doc, '.faci-field-display', 300).map((block) => ({
    api: block.getAttribute('data-apiname') ?? '',
    label: clean(textOf(q(block, '.faci-field-display_label'))) ?? '',
    value: clean(textOf(q(block, '.faci-field-display_value'))) ?? '',
  }));
}

export const fxiaoke: SiteReader = {
  id: 'fxiaoke',
  kind: 'crm',
  label: '纷享销客',
  hosts,
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, 'fxiaoke.com') && !!fxiaokeRecord(u),
  read(url, doc) {
    const rec = fxiaokeRecord(url);
    if (!rec) return null;
    const fs = fields(doc);
    // A list with no record open is not a record page; a detail route is one even before its fields arrive.
    if (!fs.length && !rec.recordId) return null;
    const value = (api: string, label: RegExp) =>
      fs.find((f) => f.value && (f.api === api || label.test(f.label)))?.value;
    const name =
      rec.recordType === 'AccountObj'
        ? value('name', /^客户名称$/)
        : (value('account_id', /^客户名称$/) ?? value('name', /^(?:客户名称|名称)$/));
    const emailFields = fs.filter((f) => /email/i.test(f.api) || /邮箱|邮件|e-?mail/i.test(f.label));
    const emails = uniqEmails([
      ...emailFields.flatMap((f) => emailsIn(f.value)),
      ...mailtoEmails(q(doc, '.faci-field-display')?.parentElement ?? null),
    ]);
    return ctx('fxiaoke', 'record', url, { recordId: rec.recordId, recordType: rec.recordType, name, emails });
  },
};
