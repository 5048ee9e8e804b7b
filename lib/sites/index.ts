/**
 * Page readers: what is on screen in a CRM or a webmail tab. `readPage` is part of the stable core API
 * (DESIGN.md). On a URL no reader knows it returns null without touching the DOM.
 */
import type { PageContext, UserSite } from '../domain';
import { readers } from './registry';
import { genericReader } from './generic';
import { frameDoc, q, qa } from './dom';
import type { SiteKind } from './types';

export type { SiteReader, SiteKind } from './types';
export { readers, readerForUrl, siteIds, siteKind } from './registry';
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

const COMPOSE: Record<string, string[]> = {
  gmail: ['div[aria-label="Message Body"][contenteditable="true"]', 'div.editable[contenteditable="true"]', 'div[g_editable="true"][contenteditable="true"]'],
  outlook: ['div[role="textbox"][contenteditable="true"]', '[id^="editorParent_"] [contenteditable="true"]'],
  qqmail: ['.mail-compose-page [contenteditable="true"]', '.mail-compose-page textarea'],
  'demo-mail': ['textarea[data-compose-body]'],
};
const COMPOSE_FRAMES: Record<string, string> = {
  mail163: 'iframe.APP-editor-iframe',
  qqmail: 'iframe[name="mainFrame"], #mainFrame',
};

/** The editable element of the open compose box (the focused one if several), or null. */
export function findComposeBox(doc: Document, site: string): HTMLElement | null {
  const sels = COMPOSE[site] ?? ['[contenteditable="true"][role="textbox"]', 'textarea'];
  for (const sel of sels) {
    const all = qa(doc, sel, 50) as HTMLElement[];
    if (!all.length) continue;
    return all.find((el) => el === doc.activeElement || el.contains(doc.activeElement)) ?? all[all.length - 1];
  }
  const frameSel = COMPOSE_FRAMES[site];
  if (frameSel) {
    for (const f of qa(doc, frameSel, 10)) {
      const d = frameDoc(f);
      if (!d) continue;
      // 163's editor iframe body is itself contenteditable; QQ legacy compose has its own editor iframe inside.
      if (site === 'mail163' && d.body) return d.body;
      const inner = q(d, '[contenteditable="true"]') ?? frameDoc(q(d, 'iframe.qmEditorIfrmEditArea'))?.body;
      if (inner) return inner as HTMLElement;
    }
  }
  return null;
}
