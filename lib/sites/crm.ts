/**
 * CRM record readers. Each reads the URL first (record id, object type) and only then the DOM for the display
 * name and e-mail addresses. Selectors prefer attributes, ARIA and data-* hooks; generated class names appear
 * only as dated fallbacks.
 */
import type { SiteReader } from './types';
import { clean, ctx, isDemoHost, deepQueryAll, deepText, emailAttr, firstText, mailtoEmails, q, qa, textOf, titleParts, uniqEmails } from './dom';

const hostIs = (h: string, ...suffixes: string[]) => suffixes.some((s) => h === s || h.endsWith('.' + s));

// ---------------------------------------------------------------------------------------------------- Salesforce
const SF_HOSTS = ['force.com', 'salesforce.com', 'sfcrmproducts.cn', 'sfcrmapps.cn', 'force.com.mcas.ms'];
// Real ids are 15 or 18 characters; Lightning paths are taken at 15–18 (test orgs and fixtures use odd lengths).
const SF_ID = /^[a-zA-Z0-9]{15,18}$/;
const SF_PREFIX: Record<string, string> = { '001': 'Account', '003': 'Contact', '006': 'Opportunity', '00Q': 'Lead', '500': 'Case' };

export function salesforceRecord(url: URL): { recordId: string; recordType?: string } | null {
  // Lightning and console: /lightning/r/Account/001.../view (console adds ?ws=...).
  const m = url.pathname.match(/^\/lightning\/r\/([A-Za-z0-9_]+)\/([a-zA-Z0-9]{15,18})(?:\/|$)/);
  if (m && SF_ID.test(m[2])) return { recordId: m[2], recordType: m[1] };
  // Old one.app console: /one/one.app#/sObject/001.../view
  if (url.pathname.startsWith('/one/one.app')) {
    const h = url.hash.match(/\/sObject\/([a-zA-Z0-9]{15,18})(?:\/|$)/);
    if (h && SF_ID.test(h[1])) return { recordId: h[1], recordType: SF_PREFIX[h[1].slice(0, 3)] };
  }
  // Classic (and Classic on China hosts): /001xx000003DGb2 or /001xx000003DGb2AAA[/e]
  if (!url.hostname.includes('.lightning.')) {
    const c = url.pathname.match(/^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})(?:\/|$)/);
    if (c && /\d/.test(c[1])) return { recordId: c[1], recordType: SF_PREFIX[c[1].slice(0, 3)] };
  }
  return null;
}

const salesforce: SiteReader = {
  id: 'salesforce',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, ...SF_HOSTS) && !!salesforceRecord(u),
  read(url, doc) {
    const rec = salesforceRecord(url);
    if (!rec) return null;
    const parts = titleParts(doc);
    // Lightning (2019–): the highlights panel renders the name inside (possibly nested) open shadow roots.
    let name: string | undefined;
    for (const host of deepQueryAll(doc, 'records-highlights2, force-highlights2, records-lwc-highlights-panel, records-entity-label-and-name', 4)) {
      name = deepText(host, ['[slot="primaryField"] lightning-formatted-text', 'lightning-formatted-text', 'lightning-formatted-name', '[slot="primaryField"]']);
      if (name) break;
    }
    // Classic (–2019) and SLDS page headers.
    name ??= firstText(doc, ['h1.slds-page-header__title', '.bPageTitle h2.pageDescription', 'h2.topName']);
    // document.title: "Acme Corp | Account | Salesforce"
    if (!name && parts.length >= 2 && /salesforce/i.test(parts[parts.length - 1])) name = clean(parts[0]);
    const recordType = rec.recordType ?? (parts.length >= 3 ? parts[1] : undefined);
    const emails = uniqEmails(deepQueryAll(doc, 'a[href^="mailto:"]', 20).map((a) => emailAttr(a.getAttribute('href'))));
    return ctx('salesforce', 'record', url, { recordId: rec.recordId, recordType, name, emails });
  },
};

// ------------------------------------------------------------------------------------------------------- HubSpot
const HS_TYPES: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };
export function hubspotRecord(url: URL): { recordId: string; recordType: string } | null {
  const m = url.pathname.match(/^\/contacts\/\d+\/record\/(\d+-\d+)\/(\d+)(?:\/|$)/);
  if (m) return { recordId: m[2], recordType: HS_TYPES[m[1]] ?? m[1] };
  // Legacy (–2022): /contacts/<portal>/company/<id>
  const l = url.pathname.match(/^\/contacts\/\d+\/(company|contact|deal|ticket)\/(\d+)(?:\/|$)/);
  return l ? { recordId: l[2], recordType: l[1] } : null;
}
const hubspot: SiteReader = {
  id: 'hubspot',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && /^app(?:-[a-z0-9]+)?\.hubspot\.com$/.test(u.hostname) && !!hubspotRecord(u),
  read(url, doc) {
    const rec = hubspotRecord(url);
    if (!rec) return null;
    const name = firstText(doc, [
      '[data-selenium-test="highlightTitle"]', '[data-test-id="record-highlight-title"]', '[data-test-id="deal-name"]',
      '[data-selenium-test="highlightTitle"] input', 'h1',
    ]) ?? clean(titleParts(doc)[0]);
    const emails = uniqEmails([...mailtoEmails(doc), ...qa(doc, '[data-selenium-test="property-input-email"]', 10).map((e) => emailAttr(textOf(e)))]);
    return ctx('hubspot', 'record', url, { ...rec, name, emails });
  },
};

// ---------------------------------------------------------------------------------------------------------- Zoho
export function zohoRecord(url: URL): { recordId: string; recordType: string } | null {
  const m = url.pathname.match(/^\/crm\/(?:org\d+\/)?tab\/([A-Za-z0-9_]+)\/(\d{5,})(?:\/|$)/);
  return m ? { recordId: m[2], recordType: m[1] } : null;
}
const zoho: SiteReader = {
  id: 'zoho',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && /^crm\.(?:zoho\.(?:com|eu|in|com\.au|jp|com\.cn|sa|uk)|zohocloud\.ca)$/.test(u.hostname) && !!zohoRecord(u),
  read(url, doc) {
    const rec = zohoRecord(url);
    if (!rec) return null;
    const name = firstText(doc, [
      '[data-zcqa="detailView_recordName"]', '[data-zcqa="dv_recordName"]', '[data-zcqa*="recordName" i]',
      // Classic detail header (–2021): <span id="headervalue_ACCOUNTNAME">
      '[id^="headervalue_"]', '#subvalue_ACCOUNTNAME', 'h1',
    ]) ?? clean(titleParts(doc).find((p) => !/zoho/i.test(p) && p !== rec.recordType));
    return ctx('zoho', 'record', url, { ...rec, name, emails: uniqEmails(mailtoEmails(doc)) });
  },
};

// ----------------------------------------------------------------------------------------------------- Pipedrive
export function pipedriveRecord(url: URL): { recordId: string; recordType: string } | null {
  const m = url.pathname.match(/^\/(deal|person|organization)\/(\d+)(?:\/|$)/);
  if (m) return { recordId: m[2], recordType: m[1] };
  const l = url.pathname.match(/^\/leads\/inbox\/([0-9a-f-]{36})(?:\/|$)/);
  return l ? { recordId: l[1], recordType: 'lead' } : null;
}
const pipedrive: SiteReader = {
  id: 'pipedrive',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && /^[a-z0-9-]+\.pipedrive\.com$/.test(u.hostname)
    && !/^(www|developers|support|status|api)\./.test(u.hostname) && !!pipedriveRecord(u),
  read(url, doc) {
    const rec = pipedriveRecord(url);
    if (!rec) return null;
    const name = firstText(doc, [
      '[data-testid="header-title"]', '[data-test="header-title"]', '[data-testid="detail-view-title"]',
      '.detailView h1', 'h1',
    ]) ?? clean(titleParts(doc)[0]);
    return ctx('pipedrive', 'record', url, { ...rec, name, emails: uniqEmails(mailtoEmails(doc)) });
  },
};

// ------------------------------------------------------------------------------------------------------ Dynamics
const D365_ETC: Record<string, string> = { '1': 'account', '2': 'contact', '3': 'opportunity', '4': 'lead' };
export function dynamicsRecord(url: URL): { recordId: string; recordType: string } | null {
  if (!/\/main\.aspx$/i.test(url.pathname)) return null;
  // Unified Interface puts the parameters in the query; some legacy links in the hash.
  const p = new URLSearchParams(url.search);
  if (!p.get('id') && url.hash.includes('=')) for (const [k, v] of new URLSearchParams(url.hash.slice(1))) p.set(k, v);
  const type = p.get('etn') ?? D365_ETC[p.get('etc') ?? ''];
  const id = (p.get('id') ?? '').replace(/[{}]/g, '').toLowerCase();
  const pt = (p.get('pagetype') ?? 'entityrecord').toLowerCase();
  if (pt !== 'entityrecord' || !type || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  return { recordId: id, recordType: type };
}
const dynamics: SiteReader = {
  id: 'dynamics',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, 'dynamics.com', 'crm.dynamics.cn') && !!dynamicsRecord(u),
  read(url, doc) {
    const rec = dynamicsRecord(url);
    if (!rec) return null;
    // Unified Interface (2018–): <h1 data-id="header_title" title="Acme">; the visible h1 may be truncated.
    const h = q(doc, 'h1[data-id="header_title"]') ?? q(doc, '[data-id="form-header"] h1') ?? q(doc, '#formHeaderTitle');
    let name = clean(h?.getAttribute('title')) ?? clean(textOf(h));
    // "Acme Corp - Dynamics 365" / "Account: Acme Corp - Sales Hub"
    if (!name) {
      const parts = titleParts(doc);
      if (parts.length >= 2) name = clean(parts[0].replace(/^(?:Account|Contact|Opportunity|Lead|客户|联系人|商机|潜在顾客):\s*/i, ''));
    }
    return ctx('dynamics', 'record', url, { ...rec, name, emails: uniqEmails(mailtoEmails(doc)) });
  },
};

// ---------------------------------------------------------------------------------------------------------- Odoo
const ODOO_APPS: Record<string, string> = { contacts: 'res.partner', customers: 'res.partner', crm: 'crm.lead', sales: 'sale.order', invoicing: 'account.move' };
export function odooRecord(url: URL): { recordId: string; recordType?: string } | null {
  // ≤ 17.0: /web#id=42&model=res.partner&view_type=form
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
function readOdoo(site: string, url: URL, doc: Document) {
  const rec = odooRecord(url);
  if (!rec) return null;
  const form = q(doc, '.o_form_view') ?? doc;
  const name = firstText(form, [
    '.oe_title .o_field_widget[name="name"] input', '.oe_title .o_field_widget[name="name"]', '.oe_title h1',
    '[name="name"] input', '[name="display_name"]',
  ]) ?? firstText(doc, ['.o_breadcrumb .active', '.o_last_breadcrumb_item', '.o_control_panel_breadcrumbs .active']);
  const emails = uniqEmails([
    ...qa(form, '.o_field_widget[name="email"] input, .o_field_widget[name="email_from"] input, .o_field_widget[name="email"] a', 10)
      .map((e) => emailAttr(textOf(e)) ?? emailAttr(e.getAttribute('href'))),
    ...mailtoEmails(form),
  ]);
  return ctx(site, 'record', url, { ...rec, name, emails });
}
const odoo: SiteReader = {
  id: 'odoo',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, 'odoo.com') && !!odooRecord(u),
  read: (url, doc) => readOdoo('odoo', url, doc),
};

// ------------------------------------------------------------------------------------------------ 纷享销客 fxiaoke
export function fxiaokeRecord(url: URL): { recordId?: string; recordType: string } | null {
  // Hash-routed: #crm/detail/=/AccountObj/<id>, #paasapp/detail/=/appId_CRM/AccountObj/<id>; the list route
  // #crm/list/=/AccountObj opens records in a drawer (read from the DOM).
  const h = decodeURIComponent(url.hash);
  const d = h.match(/^#(?:crm|paasapp)\/(?:[^=]*\/)?detail\/=\/(?:appId_\w+\/)?(\w+)\/(\w+)/);
  if (d) return { recordType: d[1], recordId: d[2] };
  const l = h.match(/^#(?:crm|paasapp)\/list\/=\/(?:appId_\w+\/)?(\w+)/);
  return l ? { recordType: l[1] } : null;
}
const fxiaoke: SiteReader = {
  id: 'fxiaoke',
  kind: 'crm',
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, 'fxiaoke.com') && !!fxiaokeRecord(u),
  read(url, doc) {
    const rec = fxiaokeRecord(url);
    if (!rec) return null;
    // The detail page / drawer (2023–, modelled, to verify in a real tenant): the root carries the object's API
    // name and data id.
    const root = q(doc, '[data-apiname][data-dataid]') ?? q(doc, '.crm-detail, .crm-d-layout');
    const recordId = rec.recordId ?? clean(root?.getAttribute('data-dataid'), 200);
    if (!recordId) return null;
    const recordType = root?.getAttribute('data-apiname') ?? rec.recordType;
    const name = firstText(root ?? doc, ['[data-field="name"]', '.d-top .name', '.crm-d-header .name', '.detail-header h1', 'h1']);
    return ctx('fxiaoke', 'record', url, { recordId, recordType, name, emails: uniqEmails(mailtoEmails(root ?? doc)) });
  },
};

// ------------------------------------------------------------------------------------------- 销售易 xiaoshouyi/neocrm
export function xiaoshouyiRecord(url: URL): { recordId: string; recordType: string } | null {
  // Legacy (–2020): /final/account.action?id=123
  const a = url.pathname.match(/^\/final\/(account|contact|opportunity|lead)\.action$/);
  const id = url.searchParams.get('id');
  if (a && id && /^\d+$/.test(id)) return { recordId: id, recordType: a[1] };
  // SPA routes (modelled): …#/account/detail/123, /neoweb/…/account/123
  const m = (url.pathname + url.hash).match(/\/(account|contact|opportunity|lead)\/(?:detail\/|info\/)?(\d{3,})(?:[/?]|$)/);
  return m ? { recordId: m[2], recordType: m[1] } : null;
}
const xiaoshouyi: SiteReader = {
  id: 'xiaoshouyi',
  kind: 'crm',
  matchesUrl: (u) => /^https?:$/.test(u.protocol) && hostIs(u.hostname, 'xiaoshouyi.com', 'neocrm.com') && !!xiaoshouyiRecord(u),
  read(url, doc) {
    const rec = xiaoshouyiRecord(url);
    if (!rec) return null;
    const name = firstText(doc, ['[data-field="accountName"]', '[data-field="name"]', '.detail-header .name', '.account-name', 'h1'])
      ?? clean(titleParts(doc)[0]);
    return ctx('xiaoshouyi', 'record', url, { ...rec, name, emails: uniqEmails(mailtoEmails(doc)) });
  },
};

// ---------------------------------------------------------------------------------------------------------- Demo
export function demoRecord(url: URL): string | null {
  const m = url.pathname.match(/^\/crm\/accounts\/([A-Za-z0-9_-]+)\/?$/);
  return m ? m[1] : null;
}
const demoCrm: SiteReader = {
  id: 'demo-crm',
  kind: 'crm',
  matchesUrl: (u) => isDemoHost(u) && !!demoRecord(u),
  read(url, doc) {
    const id = demoRecord(url);
    const main = q(doc, 'main[data-record-id]');
    if (!id || !main) return null;
    const name = clean(textOf(q(main, '[data-field="account-name"]')));
    return ctx('demo-crm', 'record', url, {
      recordId: main.getAttribute('data-record-id') || id, recordType: 'account', name, emails: uniqEmails(mailtoEmails(main)),
    });
  },
};

export const crmReaders: SiteReader[] = [salesforce, hubspot, zoho, pipedrive, dynamics, odoo, fxiaoke, xiaoshouyi, demoCrm];
export { readOdoo };
