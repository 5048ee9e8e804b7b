/**
 * Every built-in page reader, CRM first; one folder each (reader.ts, hosts.ts, fixtures/, SOURCES.md). The order
 * matters only where hosts overlap (the demo pages on 127.0.0.1). tests/unit/sites/registry.test.ts checks that
 * every folder is registered and has fixtures and sources.
 */
import type { SiteReader, SiteKind } from './types';
import { salesforce } from './salesforce/reader';
import { hubspot } from './hubspot/reader';
import { zoho } from './zoho/reader';
import { pipedrive } from './pipedrive/reader';
import { dynamics } from './dynamics/reader';
import { odoo } from './odoo/reader';
import { fxiaoke } from './fxiaoke/reader';
import { xiaoshouyi } from './xiaoshouyi/reader';
import { demoCrm } from './demo-crm/reader';
import { gmail } from './gmail/reader';
import { outlook } from './outlook/reader';
import { qqmail } from './qqmail/reader';
import { mail163 } from './mail163/reader';
import { demoMail } from './demo-mail/reader';

export const readers: readonly SiteReader[] = [
  salesforce,
  hubspot,
  zoho,
  pipedrive,
  dynamics,
  odoo,
  fxiaoke,
  xiaoshouyi,
  demoCrm,
  gmail,
  outlook,
  qqmail,
  mail163,
  demoMail,
];

export const siteIds: readonly string[] = readers.map((r) => r.id);

export function readerForUrl(url: URL): SiteReader | undefined {
  for (const r of readers) if (r.matchesUrl(url)) return r;
  return undefined;
}

export function siteKind(id: string): SiteKind | undefined {
  return readers.find((r) => r.id === id)?.kind;
}

export function siteLabel(id: string): string {
  return readers.find((r) => r.id === id)?.label ?? id;
}
