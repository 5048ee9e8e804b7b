/**
 * Page readers: what is on screen in a CRM or a webmail tab. `readPage` is part of the stable core API
 * (DESIGN.md). On a URL no reader knows it returns null without touching the DOM.
 */
import type { PageContext, UserSite } from '../domain';
import { readers } from './registry';
import { genericReader } from './generic';
import { pickEditor } from './dom';
import type { SiteKind } from './types';

export type { SiteReader, SiteKind, SiteHosts, HostTrust } from './types';
export { readers, readerForUrl, siteIds, siteKind, siteLabel } from './registry';
export { genericReader, compileMatchPattern, GENERIC_SITE } from './generic';

function toUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function readPage(url: string, doc: Document, userSites?: UserSite[]): PageContext | null {
  const u = toUrl(url);
  if (!u) return null;
  for (const r of readers) {
    if (!r.matchesUrl(u)) continue;
    const out = r.read(u, doc);
    if (out) return out;
  }
  for (const s of userSites ?? []) {
    const r = genericReader(s);
    if (!r.matchesUrl(u)) continue;
    const out = r.read(u, doc);
    if (out) return out;
  }
  return null;
}

/** 'crm' | 'mail' for a URL a built-in reader handles, from the URL alone. */
export function siteKindForUrl(url: string | URL): SiteKind | null {
  const u = toUrl(url);
  if (!u) return null;
  for (const r of readers) if (r.matchesUrl(u)) return r.kind;
  return null;
}

/** The editable element of the open compose box (the focused one if several), or null. */
export function findComposeBox(doc: Document, site: string): HTMLElement | null {
  const reader = readers.find((r) => r.id === site);
  if (reader?.composeBox) return reader.composeBox(doc);
  return pickEditor(doc, ['[contenteditable="true"][role="textbox"]', 'textarea']);
}
