/**
 * The popup's summary as it was painted, kept as data: a tree of tags, attributes and text that rebuilds the same
 * DOM without formatting a single number. Extension pages store today's and the next days' summaries beside the
 * localStorage copy of the rows they were computed from (./firstCopy.ts), so the popup's first paint on those days
 * is a JSON parse and a few dozen createElement calls instead of the figures, the number formatters and the
 * translations (10–25 ms of the first paint on a loaded machine).
 *
 * The stored tree is rebuilt with createElement, setAttribute and text nodes only, and only from the tags and
 * attributes the summary uses: anything else in it (a damaged or foreign entry) is refused and the summary is
 * computed from the rows instead. Tiny and dependency-free: the first-paint script imports it.
 */
import type { Lang } from '@/lib/domain';

/** An element: tag, attribute names and values alternating, then children (elements or text). */
export type PaintedNode = [tag: string, attrs: string[], ...children: PaintedChild[]];
export type PaintedChild = PaintedNode | string;

/** The summary painted for one day (aging and metrics are as of that day) in one language. */
export interface PaintedSummary { day: string; lang: Lang; tree: PaintedNode }

/** How many days, from today, extension pages keep painted summaries for: a popup opened over a weekend still has one. */
export const PAINTED_DAYS = 3;

const TAGS = new Set(['main', 'header', 'h1', 'h2', 'button', 'section', 'div', 'ul', 'li', 'span', 'dl', 'dt', 'dd', 'p']);
const ATTRIBUTES = /^(?:class|style|title|role|id|hidden|tabindex|type|elementtiming|aria-[a-z]+|data-[a-z-]+)$/;

/** The element as data (elements and text only: the summary has no other nodes). */
export function toPainted(el: Element): PaintedNode {
  const attrs: string[] = [];
  for (const a of el.attributes) attrs.push(a.name, a.value);
  const children: PaintedChild[] = [];
  for (const c of el.childNodes) {
    if (c.nodeType === 1) children.push(toPainted(c as Element));
    else if (c.nodeType === 3) children.push(c.textContent ?? '');
  }
  return [el.tagName.toLowerCase(), attrs, ...children];
}

/** The element the data describes, or undefined when any part of it is not what a summary holds. */
export function fromPainted(node: unknown, doc: Document): HTMLElement | undefined {
  if (!Array.isArray(node) || typeof node[0] !== 'string' || !TAGS.has(node[0]) || !Array.isArray(node[1])) return undefined;
  const attrs = node[1] as unknown[];
  if (attrs.length % 2 !== 0) return undefined;
  const el = doc.createElement(node[0]);
  for (let i = 0; i < attrs.length; i += 2) {
    const [name, value] = [attrs[i], attrs[i + 1]];
    if (typeof name !== 'string' || typeof value !== 'string' || !ATTRIBUTES.test(name)) return undefined;
    el.setAttribute(name, value);
  }
  for (let i = 2; i < node.length; i++) {
    const c = node[i] as unknown;
    if (typeof c === 'string') {
      el.append(doc.createTextNode(c));
      continue;
    }
    const child = fromPainted(c, doc);
    if (!child) return undefined;
    el.append(child);
  }
  return el;
}

/** The entry for `day` in `lang` among stored entries of unchecked shape. */
export function paintedFor(stored: readonly unknown[], day: string, lang: Lang): PaintedSummary | undefined {
  return stored.find((s): s is PaintedSummary => !!s && typeof s === 'object'
    && (s as PaintedSummary).day === day && (s as PaintedSummary).lang === lang && Array.isArray((s as PaintedSummary).tree));
}
