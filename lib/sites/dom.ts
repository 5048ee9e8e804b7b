/**
 * Small DOM helpers shared by the readers. They read text through textContent and attributes only (never
 * innerHTML), bound every walk, and swallow the exceptions a hostile or half-loaded page can throw.
 */
import type { PageContext } from '../domain';

export const NAME_MAX = 300;
export const BODY_MAX = 20_000;
export const SUBJECT_MAX = 500;
const EMAILS_MAX = 50;

// Zero-width, bidi controls, BOM, soft hyphen, and other C0/C1 controls except whitespace.
const INVISIBLE =
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Strip invisible characters, collapse whitespace, trim, and cap. */
export function clean(s: string | null | undefined, max = NAME_MAX): string | undefined {
  if (!s) return undefined;
  const t = s
    .slice(0, max * 4)
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
  return t || undefined;
}

/** Body text: keeps line breaks, drops invisible characters, caps at 20 000. */
export function cleanBody(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = s
    .slice(0, BODY_MAX * 2)
    .replace(INVISIBLE, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim()
    .slice(0, BODY_MAX);
  return t || undefined;
}

export function q(root: ParentNode | null | undefined, sel: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(sel);
  } catch {
    return null;
  }
}

/**
 * The first element, in document order, matching any of `sels`: one walk of the page where a query per selector
 * would walk it once each when none is there (a record page whose header has not rendered yet). Engines that
 * reject the list (happy-dom refuses some custom-element tag names in a list) are asked one selector at a time.
 */
export function qFirst(root: ParentNode | null | undefined, sels: string[]): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(sels.join(', '));
  } catch {
    for (const sel of sels) {
      const el = q(root, sel);
      if (el) return el;
    }
    return null;
  }
}

export function qa(root: ParentNode | null | undefined, sel: string, max = 200): Element[] {
  if (!root) return [];
  try {
    const list = root.querySelectorAll(sel);
    const out: Element[] = [];
    for (let i = 0; i < list.length && i < max; i++) out.push(list[i]);
    return out;
  } catch {
    return [];
  }
}

/** An element's visible-ish text: an input's value, otherwise textContent (through its open shadow root if empty). */
export function textOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const v = (el as HTMLInputElement).value;
  if (typeof v === 'string' && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) return v;
  const t = el.textContent ?? '';
  if (t.trim()) return t;
  const sr = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  return sr ? (sr.textContent ?? undefined) : undefined;
}

/** Elements that start and end a line of their own when a browser lays the message out. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
]);
/** Elements whose end leaves a blank line (a paragraph). */
const PARAGRAPH_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL']);
/** Elements whose text is never shown as the message. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'SVG',
  'svg',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
]);
const MAX_BODY_NODES = 20_000;

function shownNever(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*display\s*:\s*none/i.test(style);
}

/**
 * A message body as the reader sees it, read from the DOM's structure: `<br>` is a line break, a block (div, li,
 * tr…) its own line, a paragraph ends with a blank line, `<pre>` keeps its whitespace; elsewhere the source's
 * whitespace collapses as the browser collapses it. (`textContent` runs "Hi Emily,<br><br>We will remit…" into
 * "Hi Emily,We will remit…", and that would be kept as the evidence.) Bounded in nodes and characters.
 */
export function messageText(root: Element | null | undefined): string | undefined {
  if (!root) return undefined;
  if (root.tagName === 'INPUT' || root.tagName === 'TEXTAREA') return textOf(root);
  const out: string[] = [];
  let size = 0;
  let nodes = 0;
  /** Line breaks owed before the next visible text: only text that follows them makes them real. */
  let pending = 0;
  const text = (t: string) => {
    if (/\S/.test(t)) {
      if (pending && out.length) out.push('\n'.repeat(pending));
      pending = 0;
      out.push(t);
      size += t.length;
    } else if (!pending && out.length) out.push(' ');
  };
  const lineBreak = (n: number) => {
    if (out.length) pending = Math.max(pending, n);
  };
  const walk = (node: Node, pre: boolean) => {
    if (size > BODY_MAX * 2 || ++nodes > MAX_BODY_NODES) return;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      if (!pre) text(t.replace(/[ \t\r\n\f]+/g, ' '));
      else
        t.split(/\r?\n/).forEach((line, i) => {
          if (i > 0 && out.length) pending++;
          text(line);
        });
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const el = node as Element;
    if (node.nodeType === 1) {
      if (node !== root && shownNever(el)) return;
      if (el.tagName === 'BR') {
        if (out.length) pending++;
        return;
      }
      if (el.tagName === 'IMG') return;
    }
    const tag = node.nodeType === 1 ? el.tagName : '';
    const block = BLOCK_TAGS.has(tag) || PARAGRAPH_TAGS.has(tag);
    const para = PARAGRAPH_TAGS.has(tag);
    const inPre =
      pre || tag === 'PRE' || (node.nodeType === 1 && /white-space\s*:\s*pre/i.test(el.getAttribute('style') ?? ''));
    if (block) lineBreak(para ? 2 : 1);
    if (tag === 'TD' || tag === 'TH') text(' ');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c, inPre);
    if (block) lineBreak(para ? 2 : 1);
  };
  const sr = (root as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  walk(root, false);
  if (!out.join('').trim() && sr) walk(sr, false);
  return out.join('');
}

/** The first selector (in order) that yields a non-empty cleaned text. */
export function firstText(root: ParentNode | null | undefined, sels: string[], max = NAME_MAX): string | undefined {
  for (const s of sels) {
    for (const el of qa(root, s, 20)) {
      const t = clean(textOf(el), max) ?? clean(el.getAttribute('title'), max);
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * querySelectorAll that also looks inside open shadow roots (Lightning's native-shadow components). The light DOM
 * is asked first: in synthetic shadow (most of Lightning today) everything is there, and the isolated world sees
 * the DOM without the page's patched query methods. Only when that finds nothing does it walk into shadow roots,
 * and then it inspects at most `budget` elements in all, descending only into custom elements (a hyphen in the
 * tag name) — on a 100,000-node page an unbounded walk costs tens of milliseconds per read.
 */
export function deepQueryAll(root: ParentNode, sel: string, limit = 20, budget = 4000): Element[] {
  const out = qa(root, sel, limit);
  return out.length ? out : shadowQueryAll(root, sel, limit, budget);
}

/** deepQueryAll's walk into open shadow roots alone, for a caller that already knows the light DOM has none. */
export function shadowQueryAll(root: ParentNode, sel: string, limit = 20, budget = 4000): Element[] {
  const out: Element[] = [];
  const queue: ParentNode[] = [];
  const rootShadow = (root as Element).shadowRoot;
  if (rootShadow) queue.push(rootShadow);
  let spent = 0;
  // A TreeWalker visits elements lazily: querySelectorAll('*') would first list every element of the page.
  const enqueueHosts = (scope: ParentNode) => {
    const doc = (scope as Node).ownerDocument ?? (scope as Document);
    let walker: TreeWalker;
    try {
      walker = doc.createTreeWalker(scope as Node, 1 /* NodeFilter.SHOW_ELEMENT */);
    } catch {
      return;
    }
    for (let node = walker.nextNode(); node && spent < budget; node = walker.nextNode()) {
      spent++;
      const el = node as Element;
      if (!el.tagName.includes('-')) continue;
      const sr = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
      if (sr) queue.push(sr);
    }
  };
  enqueueHosts(root);
  while (queue.length && out.length < limit && spent < budget) {
    const scope = queue.shift()!;
    for (const el of qa(scope, sel, limit - out.length)) out.push(el);
    if (out.length < limit) enqueueHosts(scope);
  }
  return out;
}

export function deepText(root: ParentNode, sels: string[]): string | undefined {
  for (const s of sels) {
    for (const el of deepQueryAll(root, s, 5)) {
      const t = clean(textOf(el));
      if (t) return t;
    }
  }
  return undefined;
}

const EMAIL_RE = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const EMAIL_ONE = /^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** Every e-mail address in a string. */
export function emailsIn(s: string | null | undefined): string[] {
  if (!s) return [];
  return s.slice(0, 5000).match(EMAIL_RE) ?? [];
}

/** One address from an attribute value that should hold exactly one (`email`, `data-hovercard-id`, mailto:). */
export function emailAttr(v: string | null | undefined): string | undefined {
  if (!v) return undefined;
  let s = v.trim();
  if (/^mailto:/i.test(s)) s = s.slice(7).split('?')[0];
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep raw */
  }
  s = s.replace(/^<|>$/g, '').trim();
  return EMAIL_ONE.test(s) ? s : emailsIn(s)[0];
}

/** Lower-case, de-duplicate, drop the user's own mailboxes, cap. */
export function uniqEmails(list: Array<string | null | undefined>, exclude: Array<string | undefined> = []): string[] {
  const ex = new Set(exclude.filter(Boolean).map((e) => e!.toLowerCase()));
  const seen = new Set<string>();
  for (const raw of list) {
    if (!raw) continue;
    const e = raw.trim().toLowerCase();
    if (!EMAIL_ONE.test(e) || e.length > 254 || ex.has(e)) continue;
    seen.add(e);
    if (seen.size >= EMAILS_MAX) break;
  }
  return [...seen];
}

export function mailtoEmails(root: ParentNode | null | undefined): string[] {
  return qa(root, 'a[href^="mailto:" i]', 50)
    .map((a) => emailAttr(a.getAttribute('href')))
    .filter((e): e is string => !!e);
}

/** ISO string when the date text parses, else the raw text (capped). */
export function sentAtOf(raw: string | null | undefined): string | undefined {
  const s = clean(raw, 200);
  if (!s) return undefined;
  const zh = s.match(
    /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[^\d]*?(上午|下午|晚上|中午)?\s*(\d{1,2})[:：](\d{2}))?/,
  );
  if (zh) {
    let h = zh[5] ? Number(zh[5]) : 0;
    if ((zh[4] === '下午' || zh[4] === '晚上') && h < 12) h += 12;
    const d = new Date(Number(zh[1]), Number(zh[2]) - 1, Number(zh[3]), h, zh[6] ? Number(zh[6]) : 0);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  // Gmail's "Fri, Nov 20, 2026, 9:30 AM", Outlook's "Fri 11/20/2026 9:30 AM", ISO with offset; local time otherwise.
  const t = Date.parse(s.replace(/\s*\([^)]*\)\s*$/, ''));
  if (!Number.isNaN(t) && /\d{4}/.test(s)) return new Date(t).toISOString();
  return s.slice(0, 40);
}

/** The document of a same-origin iframe, or null (cross-origin, not loaded, or blocked). */
export function frameDoc(frame: Element | null): Document | null {
  if (!frame) return null;
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** Assemble a PageContext, dropping empty optional fields. */
export function ctx(site: string, kind: PageContext['kind'], url: URL, f: Partial<PageContext> = {}): PageContext {
  const out: PageContext = { site, kind, emails: f.emails ?? [], url: url.href.slice(0, 2000) };
  if (f.recordId) out.recordId = f.recordId.slice(0, 200);
  if (f.recordType) out.recordType = f.recordType.slice(0, 80);
  const name = clean(f.name);
  if (name) out.name = name;
  const subject = clean(f.subject, SUBJECT_MAX);
  if (subject) out.subject = subject;
  if (f.sentAt) out.sentAt = f.sentAt.slice(0, 40);
  const body = cleanBody(f.body);
  if (body) out.body = body;
  if (f.addressHidden) out.addressHidden = true;
  return out;
}

/** Every address in the text of these elements (plain-text fields, chips) or their input values. */
export function textEmails(els: Element[]): string[] {
  return els.flatMap((el) => emailsIn(textOf(el)));
}

/**
 * A header or title part that names the application or a page of it rather than a record ("Pipedrive", "Leads
 * Inbox", "Zoho CRM"): never a customer's name.
 */
export function isAppWord(s: string | undefined, label: string): boolean {
  if (!s) return true;
  const t = s.trim().toLowerCase();
  return (
    t === label.toLowerCase() ||
    /^(?:leads? inbox|leads|deals|contacts|organizations|people|home|inbox|loading…?|潜在客户|线索|首页)$/i.test(t) ||
    t.startsWith(label.toLowerCase() + ' ')
  );
}

/** Split "Name | Type | Product" style titles. */
export function titleParts(doc: Document): string[] {
  return (doc.title ?? '')
    .slice(0, 1000)
    .split(/\s+[|–—-]\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The demo pages served by `npm run demo` on http://127.0.0.1:<any port>. */
export const isDemoHost = (u: URL): boolean => u.protocol === 'http:' && u.hostname === '127.0.0.1';

/** The host is one of these domains or a subdomain of one. */
export const hostIs = (h: string, ...suffixes: string[]): boolean =>
  suffixes.some((s) => h === s || h.endsWith('.' + s));

export const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

/** The first address found in the given attributes of each matching element. */
export function attrEmails(root: ParentNode | null, sel: string, attrs: string[], max = 50): string[] {
  const out: string[] = [];
  for (const el of qa(root, sel, max)) {
    for (const a of attrs) {
      const e = emailAttr(el.getAttribute(a));
      if (e) {
        out.push(e);
        break;
      }
    }
  }
  return out;
}

/** The focused one of several compose editors, else the last (the newest reply box). */
export function pickEditor(doc: Document, sels: string[]): HTMLElement | null {
  for (const sel of sels) {
    const all = qa(doc, sel, 50) as HTMLElement[];
    if (!all.length) continue;
    return all.find((el) => el === doc.activeElement || el.contains(doc.activeElement)) ?? all[all.length - 1];
  }
  return null;
}
