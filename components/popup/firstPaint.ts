/**
 * The popup's first paint, in plain DOM: the header and the aging summary, painted from the rows the first read
 * (./firstRead.ts) just took from IndexedDB, before React, i18next, Dexie or Zod are loaded. It builds the same
 * elements, classes and attributes as the React summary (PopupHeader + ./AgingSection.tsx), with the words and
 * numbers from the same helpers (./agingView.ts) and the same locale resources, so when React mounts on the same
 * root and replaces these nodes nothing moves. Text goes in through textContent only.
 */
import type { Lang } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import { DEFAULT_BUCKET_DAYS } from '@/lib/ledger/aging';
import { browserLang, pickLang } from '@/lib/i18n/lang';
import { common } from '@/lib/i18n/common';
import { popup } from '@/lib/i18n/popup';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { type Translate, agingSegments, currencyHead, metricViews } from './agingView';
import type { FirstRead } from './firstRead';
import { type FirstCopy, readFirstCopy, saveFirstCopy, savePainted, serialiseFirstRead } from './firstCopy';
import { PAINTED_DAYS, type PaintedSummary, fromPainted, paintedFor, toPainted } from './paintedSummary';
import type { FirstPaintHandoff } from './handoff';
import { portfolioFigures } from './metrics';
import { formatMoney, formatNumber, formatPercent } from '@/lib/format';
import firstPaintCss from './firstPaint.css?inline';

/** The aggregate as the first paint may trust it: the shape lib/db/portfolio.ts writes, else nothing. */
export function firstPortfolio(v: unknown): PortfolioAggregate | undefined {
  const a = v as PortfolioAggregate | undefined;
  return a && typeof a === 'object' && typeof a.customers === 'number' && !!a.openByDue && typeof a.openByDue === 'object'
    && !!a.salesByMonth && !!a.collectedByMonth ? a : undefined;
}

/**
 * The two settings the summary shows, read leniently from the stored row (the full validation with the settings
 * schema runs in the live popup a moment later): the UI language and the aging bucket bounds.
 */
export function firstDisplaySettings(v: unknown): { language?: Lang; bucketDays: number[] } {
  const s = (v && typeof v === 'object' ? v : {}) as { language?: unknown; agingBuckets?: unknown };
  const language = s.language === 'zh' || s.language === 'en' ? s.language : undefined;
  const b = s.agingBuckets;
  const ok = Array.isArray(b) && b.length >= 1 && b.length <= 8 && b.every((x) => Number.isInteger(x) && x > 0);
  return { language, bucketDays: ok ? (b as number[]) : DEFAULT_BUCKET_DAYS };
}

/** Today in local time, as lib/domain's toIsoDay computes it (that module would bring Zod into this chunk). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const resources = { common, popup } as const;
type Ns = keyof typeof resources;

/**
 * i18next's lookup and `{{name}}` interpolation over the popup's own resources (escaping off, as lib/i18n/core
 * configures it; the summary's strings use no plurals or nesting). A missing key reads as the key, as in i18next.
 */
export function plainTranslate(lang: Lang, defaultNs: Ns = 'popup'): Translate {
  return (key, params) => {
    const colon = key.indexOf(':');
    const ns = colon > 0 ? (key.slice(0, colon) as Ns) : defaultNs;
    const path = colon > 0 ? key.slice(colon + 1) : key;
    let v: unknown = resources[ns]?.[lang];
    for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (typeof v !== 'string') return path;
    return v.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
  };
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes in the order given (the order React writes them) and text or children. */
function h(tag: string, attrs: Attrs, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

function withStyle(el: HTMLElement, style: Partial<Record<'width' | 'background' | 'color', string>>): HTMLElement {
  // Set through the style object like React does, so the serialised attribute is the same.
  for (const [k, v] of Object.entries(style)) el.style[k as 'width' | 'background' | 'color'] = v;
  return el;
}

function openOptionsPage(): void {
  const c = (globalThis as { chrome?: { runtime?: { openOptionsPage?: () => Promise<void> | void } } }).chrome;
  void c?.runtime?.openOptionsPage?.();
}

/** The React summary's DOM for `portfolio` on day `asOf`; `ids` names the metric tooltips (React's useId does). */
export function summaryElement(portfolio: PortfolioAggregate, asOf: string, bucketDays: number[], lang: Lang,
  ids: () => string = counter()): HTMLElement {
  const t = plainTranslate(lang);
  const figures = portfolioFigures(portfolio, asOf, bucketDays);
  const settings = h('button', { type: 'button', class: 'rounded px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-100' }, t('settings'));
  settings.addEventListener('click', openOptionsPage);
  const blocks = figures.rows.map((row) => {
    const cur = row.currency;
    const head = currencyHead(row, t, lang);
    const segs = agingSegments(row, figures.buckets, t, lang);
    const bar = h('div', { role: 'img', 'aria-label': head.barLabel, class: 'flex h-4 w-full overflow-hidden rounded bg-stone-100' },
      ...segs.filter((s) => s.share > 0).map((s) => {
        const seg = withStyle(document.createElement('div'), {
          width: `${s.share * 100}%`, background: agingColor(s.index), color: agingTextOn[Math.min(s.index, agingTextOn.length - 1)],
        });
        seg.setAttribute('title', s.title);
        seg.setAttribute('class', 'h-full');
        return seg;
      }));
    const legend = h('ul', { class: 'mt-1 grid grid-cols-2 gap-x-2 text-xs', 'aria-label': head.barLabel },
      ...segs.map((s) => h('li', { class: 'flex items-center gap-1', 'data-bucket': s.key, 'data-minor': s.minor },
        withStyle(h('span', { 'aria-hidden': 'true', class: 'inline-block h-2 w-2 shrink-0 rounded-sm' }), { background: agingColor(s.index) }),
        h('span', { class: 'truncate', title: s.amount }, s.legend))));
    const metrics = h('dl', { class: 'mt-2 grid grid-cols-4 gap-1 text-center', 'aria-label': head.metricsLabel },
      ...metricViews(row, t, lang).map((m) => {
        const id = ids();
        return h('div', { class: 'rounded bg-stone-50 px-1 py-0.5' },
          h('dt', { class: 'text-xs text-stone-600' }, m.name),
          h('dd', { class: 'text-sm font-medium tabular-nums', title: m.tip, 'aria-describedby': id, tabindex: 0, 'data-metric': m.key }, m.value),
          h('span', { id, hidden: true }, m.tip));
      }));
    return h('div', { class: 'rounded-md border border-stone-200 p-2', 'data-currency': cur },
      h('div', { class: 'flex items-baseline justify-between gap-2' },
        h('div', {},
          h('div', { class: 'text-xs text-stone-600' }, head.outstanding),
          h('div', { class: 'text-xl font-semibold tabular-nums', 'data-testid': `portfolio-total-${cur}`, 'data-minor': row.total, elementtiming: 'portfolio-total' }, head.total)),
        h('div', { class: 'text-right' },
          h('div', { class: 'text-xs text-stone-600' }, head.overdueLabel),
          h('div', { class: 'font-semibold tabular-nums text-red-800', 'data-testid': `portfolio-overdue-${cur}`, 'data-minor': row.overdue }, head.overdue),
          h('div', { class: 'text-xs text-stone-700' }, head.overdueShare))),
      h('div', { class: 'mt-2' }, bar, legend),
      metrics);
  });
  return h('main', { class: 'w-[380px] space-y-2 p-2 text-sm', 'data-testid': 'popup' },
    h('header', { class: 'flex items-center justify-between' },
      h('h1', { class: 'text-base font-semibold' }, `${t('common:appName')} · ${t('title')}`),
      settings),
    h('section', { 'aria-labelledby': 'aging-h', class: 'space-y-2' },
      h('h2', { id: 'aging-h', class: 'sr-only' }, t('aging.heading')),
      ...blocks),
    h('p', { class: 'p-1 text-stone-600', 'aria-busy': 'true' }, t('loading')));
}

function counter(): () => string {
  let n = 0;
  return () => `first-paint-${n++}`;
}

export interface FirstPaint {
  lang: Lang;
  /** The aggregate read, when it has the shape the store writes. */
  portfolio?: PortfolioAggregate;
  /** The painted summary; absent when there was nothing to summarise (no store, or an empty one). */
  painted?: HTMLElement;
  /** Where the painted summary came from: a stored painted summary, or figures computed from the rows. */
  from?: 'summary' | 'figures';
}

/** The summary's header button opens the options, as React's does. */
function wireSummary(painted: HTMLElement): void {
  painted.querySelector('header button')?.addEventListener('click', openOptionsPage);
}

function show(container: HTMLElement, painted: HTMLElement, lang: Lang): void {
  const doc = container.ownerDocument;
  doc.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  addFirstPaintStyle(doc);
  container.replaceChildren(painted);
}

/** The language and bucket bounds `rows` call for. */
function displayOf(rows: FirstRead | undefined): { lang: Lang; bucketDays: number[] } {
  const display = firstDisplaySettings(rows?.settings);
  return { lang: pickLang(display.language, browserLang()), bucketDays: display.bucketDays };
}

/** Chooses the language and, when the store holds a portfolio, paints its summary into `container`. */
export function paintFirst(container: HTMLElement, rows: FirstRead | undefined, now: Date): FirstPaint {
  const { lang, bucketDays } = displayOf(rows);
  const portfolio = firstPortfolio(rows?.portfolio);
  // Nothing to summarise: the live popup shows the onboarding.
  if (!portfolio || portfolio.customers === 0) return { lang, portfolio };
  let painted: HTMLElement;
  try {
    painted = summaryElement(portfolio, localDay(now), bucketDays, lang);
  } catch {
    // A row this code cannot summarise: paint nothing and let the live popup read and validate it.
    return { lang };
  }
  show(container, painted, lang);
  return { lang, portfolio, painted, from: 'figures' };
}

/**
 * Paints the copy's stored summary for today in the language the copy's settings call for, when there is one:
 * the same DOM paintFirst would build from the copy's rows, without computing it. Undefined when there is none.
 */
export function paintStored(container: HTMLElement, copy: FirstCopy, now: Date): FirstPaint | undefined {
  const { lang } = displayOf(copy.rows);
  const stored = paintedFor(copy.painted, localDay(now), lang);
  const painted = stored && fromPainted(stored.tree, container.ownerDocument);
  if (!painted) return undefined;
  wireSummary(painted);
  show(container, painted, lang);
  return { lang, portfolio: firstPortfolio(copy.rows.portfolio), painted, from: 'summary' };
}

/** The local days `from` and the `days - 1` after it. */
function daysFrom(from: Date, days = PAINTED_DAYS): string[] {
  // Noon, so a daylight-saving change cannot make two of the days the same local day.
  return Array.from({ length: days }, (_, i) => localDay(new Date(from.getFullYear(), from.getMonth(), from.getDate() + i, 12)));
}

/** The summaries of `rows` painted for `days` days from `from`, for the stored copy; none for an empty portfolio. */
export function paintedSummaries(rows: FirstRead, from: Date, days = PAINTED_DAYS): PaintedSummary[] {
  const { lang, bucketDays } = displayOf(rows);
  const portfolio = firstPortfolio(rows.portfolio);
  if (!portfolio || portfolio.customers === 0) return [];
  return daysFrom(from, days).map((day) => ({ day, lang, tree: toPainted(summaryElement(portfolio, day, bucketDays, lang)) }));
}

/**
 * Makes sure the stored copy of `rows` carries painted summaries for today and the next days: computes and stores
 * them when any is missing (new rows, a new day, another language). Extension pages call it when the rows change,
 * in idle time. Returns whether it stored new ones.
 */
export function keepPaintedSummaries(rows: FirstRead, now: Date, storage?: Storage): boolean {
  const copy = readFirstCopy(storage);
  const text = serialiseFirstRead(rows);
  if (!copy || copy.text !== text) return false;
  const { lang } = displayOf(rows);
  if (daysFrom(now).every((day) => paintedFor(copy.painted, day, lang))) return false;
  return savePainted(text, paintedSummaries(rows, now), storage);
}

export const FIRST_PAINT_STYLE_ID = 'huikuan-first-paint-style';

/**
 * Puts the first paint's own stylesheet (./firstPaint.css, built in as text) in the page, once. The page's full
 * stylesheet comes with the live popup, so the summary's first frame waits for no stylesheet download.
 */
export function addFirstPaintStyle(doc: Document, css: string = firstPaintCss): void {
  if (doc.getElementById(FIRST_PAINT_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = FIRST_PAINT_STYLE_ID;
  style.textContent = css;
  doc.head.append(style);
}

/** The popup's root once the parser has created it (the first read may answer before the body is parsed). */
function whenRoot(doc: Document, id: string): Promise<HTMLElement> {
  const el = doc.getElementById(id);
  if (el || doc.readyState !== 'loading') return el ? Promise.resolve(el) : Promise.reject(new Error(`no #${id}`));
  return new Promise((resolve, reject) => {
    doc.addEventListener('readystatechange', () => {
      const found = doc.getElementById(id);
      if (found) resolve(found); else reject(new Error(`no #${id}`));
    }, { once: true });
  });
}

/**
 * Resolves after the browser has run the next frame's main-thread work (style, layout, paint): a task queued from
 * requestAnimationFrame runs once that frame is handed to the compositor. Without frames (a hidden page) a plain
 * task stands in.
 */
function afterNextFrame(win: (Window & typeof globalThis) | null): Promise<void> {
  return new Promise((resolve) => {
    if (!win || typeof win.requestAnimationFrame !== 'function' || win.document.visibilityState === 'hidden') {
      setTimeout(resolve, 0);
      return;
    }
    win.requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/**
 * Paints the summary as early as anything can be known: at once from the localStorage copy (./firstCopy.ts) when
 * there is one, then checks it against the store's rows. When they differ (data changed with no extension page
 * open) the store's rows are painted over it straight away and become the copy. Without a copy it paints from the
 * store's rows, building the number formatters while they are on their way. The hand-off always carries the
 * store's rows: React validates and shows those.
 *
 * `read` starts the store's read. After a paint from the copy it is called only once that frame is out: decoding
 * the aggregate row on arrival would otherwise take the main thread just when the frame needs it. `painted` is
 * called once, as soon as the first summary (or the decision that there is none) is on its way to the screen.
 */
export async function paintFromStore(read: () => Promise<FirstRead | undefined>, now: () => Date, opts: {
  painted?: () => void; rootId?: string; doc?: Document; copy?: FirstCopy;
} = {}): Promise<FirstPaintHandoff> {
  const { rootId = 'root', doc = document, copy = readFirstCopy() } = opts;
  let told = false;
  const tell = () => { if (!told) { told = true; opts.painted?.(); } };
  try {
    let early: FirstPaint | undefined;
    let first: Promise<FirstRead | undefined>;
    if (copy) {
      const root = await whenRoot(doc, rootId);
      early = paintStored(root, copy, now()) ?? paintFirst(root, copy.rows, now());
      if (early.painted) {
        await afterNextFrame(doc.defaultView);
        tell();
      }
      first = read();
    } else {
      first = read();
      warmFormatters();
    }
    const rows = await first;
    const root = await whenRoot(doc, rootId);
    if (early && rows && copy!.text === serialiseFirstRead(rows)) return { rows, paint: early };
    // The copy was out of date: its figures must not stay up while the store's are painted.
    if (early?.painted) root.replaceChildren();
    const paint = paintFirst(root, rows, now());
    saveFirstCopy(rows);
    return { rows, paint };
  } finally {
    tell();
  }
}

/**
 * Builds the number formatters the summary uses, in both languages, while the IndexedDB read is on its way: the
 * first formatter of a fresh page loads the locale's data, tens of milliseconds that would otherwise come after
 * the read. The formatters are cached by lib/format, so the paint reuses them.
 */
export function warmFormatters(currencies: readonly string[] = ['CNY', 'USD']): void {
  for (const lang of ['zh', 'en'] as const) {
    for (const c of currencies) {
      formatMoney(1, c, lang);
      formatMoney(1, c, lang, { compact: true });
    }
    formatPercent(0.5, lang);
    formatNumber(1, lang, 0);
  }
}
