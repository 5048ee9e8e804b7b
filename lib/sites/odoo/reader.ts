/**
 * Odoo: model and id from the URL (≤ 17.0 `/web#id=…&model=…`, 17.2+ `/odoo/<app>/<id>`), the name from the form
 * view's title field or the breadcrumb, the e-mail from the form's email field. Sources: SOURCES.md.
 */
import type { PageContext } from '../../domain';
import type { SiteReader } from '../types';
import { ctx, emailAttr, firstText, hostIs, mailtoEmails, q, qa, textOf, uniqEmails } from '../dom';
import { hosts } from './hosts';

const ODOO_APPS: Record<string, string> = {
  contacts: 'res.partner',
  customers: 'res.partner',
  crm: 'crm.lead',
  sales: 'sale.order',
  invoicing: 'account.move',
};

export function odooRecord(url: URL): { recordId: string; recordType?: string } | null {
  if (url.pathname === '/web' || url.pathname.startsWith('/web/')) {
    const p = new URLSearchParams(url.hash.replace(/^#/, ''));
    const id = p.get('id');
    if (id && /^\d+$/.test(id) && p.get('model')) return { recordId: id, recordType: p.get('model')! };
    return null;
  }
  // 17.2+: /odoo/contacts/9, /odoo/action-123/9, /odoo/crm/4/…  — the last numeric segment is the record.
  const m = url.pathname.match(/^\/odoo\/([a-z0-9_.-]+)(?:\/[a-z0-9_.-]+)*?\/(\d+)\/?$/i);
  if (m) return { recordId: m[2], recordType: ODOO_APPS[m[1]] ?? (m[1].includes('.') ? m[1] : undefined) };
  return null;
}

/** Shared with the generic reader: self-hosted Odoo has the same URLs and form markup. */
export function readOdoo(site: string, url: URL, doc: Document): PageContext | null {
  const rec = odooRecord(url);
  if (!rec) return null;
  const form = q(doc, '.o_form_view') ?? doc;
  // The form's title block `<div class="oe_title"><h1><field name="name"/>` [odoo-qweb]; then the breadcrumb's last
  // item, which Odoo's own tours check for the partner's name [odoo-tour] [toggl].
  const name =
    firstText(form, [
      '.oe_title .o_field_widget[name="name"] input',
      '.oe_title .o_field_widget[name="name"]',
      '.oe_title h1',
      '[name="name"] input',
      '[name="display_name"]',
    ]) ??
    firstText(doc, [
      '.o_breadcrumb .o_last_breadcrumb_item.active',
      '.o_last_breadcrumb_item.active .text-truncate',
      '.o_last_breadcrumb_item',
      '.o_control_panel_breadcrumbs .active',
    ]);
  const emails = uniqEmails([
    ...qa(
      form,
      '.o_field_widget[name="email"] input, .o_field_widget[name="email_from"] input, .o_field_widget[name="email"] a',
      10,
    ).map((e) => emailAttr(textOf(e)) ?? emailAttr(e.getAttribute('href'))),
    ...mailtoEmails(form),
  ]);
  return ctx(site, 'record', url, { ...rec, name, emails });
}

export const odoo: SiteReader = {
  id: 'odoo',
  kind: 'crm',
  label: 'Odoo',
  hosts,
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, 'odoo.com') && !!odooRecord(u),
  read: (url, doc) => readOdoo('odoo', url, doc),
};
