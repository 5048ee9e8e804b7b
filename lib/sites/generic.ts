/**
 * A reader the user defines for a CRM the extension does not know (self-hosted Odoo, an in-house system): a match
 * pattern for the pages, optional selectors for the name and e-mails, and optional regexes for the name and the
 * record id. User input is treated as untrusted: bad selectors and regexes match nothing, inputs are capped.
 */
import type { PageContext, UserSite } from '../domain';
import type { SiteReader } from './types';
import { clean, ctx, emailAttr, emailsIn, mailtoEmails, q, qa, textOf, uniqEmails } from './dom';
import { odooRecord, readOdoo } from './odoo/reader';

export const GENERIC_SITE = 'generic';

const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Compile a WebExtension match pattern (`https://*.example.com/crm/*`, `<all_urls>`) to a URL test; null if invalid. */
export function compileMatchPattern(pattern: string): ((u: URL) => boolean) | null {
  const p = pattern.trim();
  if (p === '<all_urls>') return (u) => /^(https?|file):$/.test(u.protocol);
  const m = p.match(/^(\*|https?|file):\/\/(\*|(?:\*\.)?[^/*:]+)(?::(\d+|\*))?(\/.*)$/);
  if (!m) return null;
  const [, scheme, host, port, path] = m;
  const hostRe =
    host === '*'
      ? /^.*$/
      : host.startsWith('*.')
        ? new RegExp(`^(?:[^.]+\\.)*${esc(host.slice(2).toLowerCase())}$`)
        : new RegExp(`^${esc(host.toLowerCase())}$`);
  const pathRe = new RegExp(`^${path.split('*').map(esc).join('.*')}$`, 's');
  return (u) => {
    const proto = u.protocol.slice(0, -1);
    if (scheme === '*' ? !/^https?$/.test(proto) : proto !== scheme) return false;
    if (port && port !== '*' && u.port !== port) return false;
    return hostRe.test(u.hostname) && pathRe.test(u.pathname + u.search);
  };
}

function safeRegex(src: string | undefined): RegExp | null {
  if (!src) return null;
  try {
    return new RegExp(src, 'u');
  } catch {
    try {
      return new RegExp(src);
    } catch {
      return null;
    }
  }
}
const pick = (m: RegExpMatchArray | null) => (m ? (m.slice(1).find((g) => g) ?? m[0]) : undefined);

export function genericReader(site: UserSite): SiteReader {
  const test = compileMatchPattern(site.hostPattern);
  const nameRe = safeRegex(site.nameRegex);
  const idRe = safeRegex(site.recordIdRegex);
  return {
    id: GENERIC_SITE,
    kind: 'crm',
    label: site.label,
    hosts: { matches: [site.hostPattern], trust: 'vendor' },
    matchesUrl: (u) => !!test && test(u),
    read(url, doc): PageContext | null {
      // Self-hosted Odoo needs no selectors: its URL and form markup are the same as on odoo.com.
      if (!site.nameSelector && !idRe && odooRecord(url) && q(doc, '.o_form_view')) {
        const r = readOdoo(GENERIC_SITE, url, doc);
        if (r) return { ...r, recordType: r.recordType ?? site.id };
      }
      let raw = site.nameSelector ? textOf(q(doc, site.nameSelector)) : doc.title;
      if (raw && nameRe) raw = pick(raw.slice(0, 2000).match(nameRe));
      const name = clean(raw);
      const recordId = idRe ? clean(pick(url.href.slice(0, 2000).match(idRe)), 200) : undefined;
      if (!name && !recordId) return null;
      const emails = site.emailSelector
        ? qa(doc, site.emailSelector, 50).flatMap((e) => [
            emailAttr(e.getAttribute('href')),
            ...emailsIn(textOf(e)),
            ...mailtoEmails(e),
          ])
        : mailtoEmails(doc);
      return ctx(GENERIC_SITE, 'record', url, { recordId, name, emails: uniqEmails(emails) });
    },
  };
}
