/**
 * Salesforce: the record id from the URL (Lightning, console, one.app, Classic), the name from the record's
 * highlights panel, the addresses from its e-mail fields. Every selector is cited in SOURCES.md; the short names
 * in brackets below point there.
 */
import type { SiteReader } from '../types';
import {
  clean,
  ctx,
  deepQueryAll,
  emailAttr,
  firstText,
  hostIs,
  q,
  qa,
  qFirst,
  shadowQueryAll,
  textEmails,
  titleParts,
  uniqEmails,
} from '../dom';
import { hosts } from './hosts';

const SF_HOSTS = ['force.com', 'salesforce.com', 'sfcrmproducts.cn', 'sfcrmapps.cn', 'force.com.mcas.ms'];
// Real ids are 15 or 18 characters; Lightning paths are taken at 15–18 (test orgs and fixtures use odd lengths).
const SF_ID = /^[a-zA-Z0-9]{15,18}$/;
const SF_PREFIX: Record<string, string> = {
  '001': 'Account',
  '003': 'Contact',
  '006': 'Opportunity',
  '00Q': 'Lead',
  '500': 'Case',
};

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

/**
 * Lightning keeps earlier record views in the DOM, hidden; the one on screen is `.windowViewMode-normal` [toggl]
 * (a console tab maximised: `.windowViewMode-maximized`).
 */
function activeView(doc: Document): ParentNode {
  return q(doc, '.windowViewMode-normal') ?? q(doc, '.windowViewMode-maximized') ?? doc;
}

/**
 * The primary field of an LWC highlights panel (records-highlights2 [utam-highlights2], the Dynamic Highlights
 * primary row [utam-primary-row]). Slotted content is a light-DOM child carrying slot="primaryField" (native
 * shadow) or sits inside the rendered <slot name="primaryField"> (synthetic shadow, as the recorded XPaths
 * `//slot[@name='primaryField']/lightning-formatted-name` and `…/h1/slot/lightning-formatted-text` show
 * [recorded-xpaths]). Contacts and leads put a lightning-formatted-name there, accounts a lightning-formatted-text.
 * Nothing else in the panel is read: its secondary fields hold the job title, phone and owner.
 */
const LWC_PANELS = ['records-highlights2', 'record_flexipage-highlights-primary-row'];
const AURA_PANELS = ['.forceHighlightsPanel', '.forceHighlightsStencil', '.forceHighlightsStencilDesktop'];

/** The name in an LWC highlights panel, from its light DOM or its shadow root. */
function lwcName(host: Element): string | undefined {
  const scopes: ParentNode[] = [host];
  const sr = (host as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  if (sr) scopes.push(sr);
  for (const scope of scopes) {
    const name = firstText(scope, [
      '[slot="primaryField"] lightning-formatted-name',
      '[slot="primaryField"] lightning-formatted-text',
      '[slot="primaryField"]',
      'slot[name="primaryField"] lightning-formatted-name',
      'slot[name="primaryField"] lightning-formatted-text',
      'slot[name="primaryField"]',
    ]);
    if (name) return name;
  }
  return undefined;
}

/**
 * The record's highlights panel and the name in its primary field: the LWC panel (records-highlights2
 * [utam-highlights2], the Dynamic Highlights primary row [utam-primary-row]) or the Aura one (force:highlightsPanel,
 * 2016–2019 and orgs not moved to LWC [utam-aura-highlights]). In the LWC panel slotted content is a light-DOM
 * child carrying slot="primaryField" (native shadow) or sits inside the rendered <slot name="primaryField">
 * (synthetic shadow, as the recorded XPaths `//slot[@name='primaryField']/lightning-formatted-name` and
 * `…/h1/slot/lightning-formatted-text` show [recorded-xpaths]); contacts and leads put a lightning-formatted-name
 * there, accounts a lightning-formatted-text. Nothing else in the panel is read: its secondary fields hold the job
 * title, phone and owner.
 *
 * One query finds whichever panel comes first — the header comes early in the page, and when it has not rendered
 * yet one walk of the page is all a read costs, not one per selector — and only then are open shadow roots
 * searched, within deepQueryAll's budget.
 */
function highlights(view: ParentNode): { name?: string; panel?: Element } {
  const first = qFirst(view, [...LWC_PANELS, ...AURA_PANELS]);
  if (first && LWC_PANELS.includes(first.localName)) {
    return { name: lwcName(first), panel: first };
  }
  if (first) {
    // An Aura panel or stencil first; an LWC panel later in the page still wins.
    const lwc = qFirst(view, LWC_PANELS);
    const name = lwc ? lwcName(lwc) : undefined;
    if (lwc && name) return { name, panel: lwc };
    return {
      panel: first,
      name: firstText(first, [
        '.primaryField',
        'h1.slds-page-header__title .uiOutputText',
        '.slds-page-header__title .uiOutputText',
        'h1 .uiOutputText',
      ]),
    };
  }
  const hosts = [...shadowQueryAll(view, LWC_PANELS[0], 4), ...shadowQueryAll(view, LWC_PANELS[1], 2)];
  for (const host of hosts) {
    const name = lwcName(host);
    if (name) return { name, panel: host };
  }
  return { panel: hosts[0] };
}

/**
 * Addresses in the record's e-mail fields — lightning-formatted-email renders a mailto link
 * [utam-formatted-email] — searched in the header panel found and the record's detail panel only: a whole
 * Lightning page can hold a hundred thousand nodes of related lists, and before the header has rendered there is
 * no record to read addresses from.
 */
function recordEmails(view: ParentNode, panel: Element | undefined, lightning: boolean): string[] {
  // Classic's detail table; never on a Lightning host, where no panel yet means the record has not rendered.
  const detail = panel
    ? q(view, 'records-lwc-detail-panel, .forceDetailPanelDesktop')
    : lightning
      ? null
      : q(view, '.detailList');
  const regions = [panel, detail].filter((r): r is Element => !!r);
  const out: Array<string | undefined> = [];
  for (const region of regions) {
    out.push(...deepQueryAll(region, 'a[href^="mailto:" i]', 20, 1500).map((a) => emailAttr(a.getAttribute('href'))));
    out.push(
      ...textEmails(
        qa(
          region,
          'lightning-formatted-email, emailui-formatted-email-contact, emailui-formatted-email-lead, emailui-formatted-email-account',
          20,
        ),
      ),
    );
  }
  return uniqEmails(out);
}

export const salesforce: SiteReader = {
  id: 'salesforce',
  kind: 'crm',
  label: 'Salesforce',
  hosts,
  matchesUrl: (u) => u.protocol === 'https:' && hostIs(u.hostname, ...SF_HOSTS) && !!salesforceRecord(u),
  read(url, doc) {
    const rec = salesforceRecord(url);
    if (!rec) return null;
    const view = activeView(doc);
    const parts = titleParts(doc);
    const lightning = url.hostname.includes('.lightning.');
    const header = highlights(view);
    const name =
      header.name ??
      // Classic (–2019) detail page header [toggl]; Classic is never on a Lightning host.
      (lightning ? undefined : firstText(view, ['.bPageTitle h2.pageDescription', 'h2.topName'])) ??
      // document.title: "Acme Corp | Account | Salesforce" [toggl: title up to "| Salesforce"].
      (parts.length >= 2 && /salesforce/i.test(parts[parts.length - 1]) ? clean(parts[0]) : undefined);
    const recordType = rec.recordType ?? (parts.length >= 3 ? parts[1] : undefined);
    const emails = recordEmails(view, header.panel, lightning);
    return ctx('salesforce', 'record', url, { recordId: rec.recordId, recordType, name, emails });
  },
};
