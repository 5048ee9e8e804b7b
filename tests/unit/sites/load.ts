/** Load saved pages into happy-dom for the reader tests. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';

/** lib/sites/<site>/fixtures, one folder per reader. */
export const SITES = resolve(__dirname, '../../../lib/sites');
/** Pages no reader may claim. */
export const NON_MATCHING = resolve(__dirname, '../../fixtures/pages/non-matching');

const SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  navigation: { disableChildFrameNavigation: true },
};

/**
 * happy-dom does not implement declarative shadow DOM (`<template shadowrootmode>` stays a template), so attach
 * the shadow roots the way a browser's parser would, innermost templates included.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): number {
  let n = 0;
  for (const t of Array.from(root.querySelectorAll('template[shadowrootmode]')) as HTMLTemplateElement[]) {
    const host = t.parentElement;
    if (!host || (host as Element).shadowRoot) continue;
    const sr = host.attachShadow({ mode: t.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    sr.appendChild(t.content);
    t.remove();
    n++;
    n += attachDeclarativeShadowRoots(sr);
  }
  return n;
}

export interface Loaded {
  doc: Document;
  windows: Window[];
  close(): void;
}

export function loadHtml(html: string, url: string, frames: Record<string, string> = {}): Loaded {
  const w = new Window({ url, settings: SETTINGS as never });
  const windows = [w];
  w.document.write(html);
  const doc = w.document as unknown as Document;
  attachDeclarativeShadowRoots(doc);
  // Same-origin iframes: happy-dom does not load them here, so give each its document by hand.
  for (const [sel, frameHtml] of Object.entries(frames)) {
    const el = doc.querySelector(sel);
    if (!el) throw new Error(`no frame ${sel}`);
    const fw = new Window({ url, settings: SETTINGS as never });
    fw.document.write(frameHtml);
    windows.push(fw);
    Object.defineProperty(el, 'contentDocument', { value: fw.document, configurable: true });
  }
  return { doc, windows, close: () => windows.forEach((x) => void x.happyDOM.close()) };
}

export interface Fixture {
  dir: string;
  name: string;
  url: string;
  html: string;
  frames: Record<string, string>;
  expect:
    | null
    | (Record<string, unknown> & {
        sentAtPattern?: string;
        /** The page shows wall time without a zone (`YYYY-MM-DDTHH:MM`), read in the runtime's zone. */ sentAtLocal?: string;
        bodyIncludes?: string[];
        bodyExcludes?: string[];
      });
  /** Fields that must not be in the context (a record the reader could not name). */
  absent?: string[];
  /** Keys of the site's SOURCES.md rows this fixture's markup follows. */
  sources?: string[];
  composeBox?: string;
}

/** The site folders: every directory under lib/sites holding a reader.ts. */
export function siteFolders(): string[] {
  return readdirSync(SITES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(SITES, d.name, 'reader.ts')))
    .map((d) => d.name)
    .sort();
}

function readDir(dir: string, d: string): Fixture[] {
  const out: Fixture[] = [];
  if (!existsSync(d)) return out;
  for (const f of readdirSync(d)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const name = f.slice(0, -5);
    const spec = JSON.parse(readFileSync(join(d, f), 'utf8'));
    const htmlPath = join(d, `${name}.html`);
    if (!existsSync(htmlPath)) throw new Error(`${dir}/${name}.json has no .html`);
    const frames: Record<string, string> = {};
    for (const [sel, file] of Object.entries((spec.frames ?? {}) as Record<string, string>))
      frames[sel] = readFileSync(join(d, file), 'utf8');
    out.push({
      dir,
      name,
      url: spec.url,
      html: readFileSync(htmlPath, 'utf8'),
      frames,
      expect: spec.expect,
      absent: spec.absent,
      sources: spec.sources,
      composeBox: spec.composeBox,
    });
  }
  return out;
}

/** Every fixture: each site folder's, then the non-matching pages. */
export function listFixtures(): Fixture[] {
  return [
    ...siteFolders().flatMap((s) => readDir(s, join(SITES, s, 'fixtures'))),
    ...readDir('non-matching', NON_MATCHING),
  ];
}
