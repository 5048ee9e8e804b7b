/**
 * The popup's summary — header and aging per currency — as plain DOM. It is the only renderer of the summary: the
 * first-paint script (./firstPaint.ts) paints it from the mirrored meta rows before any module has loaded, and the
 * live popup (./LiveSummary.tsx) repaints it from its live query whenever the rows change. No React, i18next, Dexie
 * or Zod, so the first-paint script stays small; text goes in through textContent only.
 */
import type { Lang } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import type { MetaRows } from '@/lib/db/metaMirror';
import { DEFAULT_BUCKET_DAYS } from '@/lib/ledger/aging';
import { browserLang, pickLang } from '@/lib/i18n/lang';
import { common } from '@/lib/i18n/common';
import { popup } from '@/lib/i18n/popup';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { type Translate, agingSegments, currencyHead, metricViews } from './agingView';
import { portfolioFigures } from './metrics';
import summaryCss from './summary.css?inline';

/** The aggregate as the summary may trust it: the shape lib/db/portfolio.ts writes, else nothing. */
export function trustedPortfolio(v: unknown): PortfolioAggregate | undefined {
  const a = v as PortfolioAggregate | undefined;
  return a && typeof a === 'object' && typeof a.customers === 'number' && !!a.openByDue && typeof a.openByDue === 'object'
    && !!a.salesByMonth && !!a.collectedByMonth ? a : undefined;
}

/** The two settings the summary shows, read leniently from the stored row: the UI language and the bucket bounds. */
export function displaySettings(v: unknown): { lang: Lang; bucketDays: number[] } {
  const s = (v && typeof v === 'object' ? v : {}) as { language?: unknown; agingBuckets?: unknown };
  const language = s.language === 'zh' || s.language === 'en' ? s.language : undefined;
  const b = s.agingBuckets;
  const ok = Array.isArray(b) && b.length >= 1 && b.length <= 8 && b.every((x) => Number.isInteger(x) && x > 0);
  return { lang: pickLang(language, browserLang()), bucketDays: ok ? (b as number[]) : DEFAULT_BUCKET_DAYS };
}

const resources = { common, popup } as const;

/** i18next's lookup and `{{name}}` interpolation over the popup's resources (the summary uses no plurals). */
export function plainTranslate(lang: Lang): Translate {
  return (key, params) => {
    const colon = key.indexOf(':');
    const ns = (colon > 0 ? key.slice(0, colon) : 'popup') as keyof typeof resources;
    let v: unknown = resources[ns]?.[lang];
    for (const part of key.slice(colon + 1).split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (typeof v !== 'string') return key.slice(colon + 1);
    return v.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
  };
}

type Attrs = Record<string, string | number | boolean | undefined>;

function h(tag: string, attrs: Attrs, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  el.append(...children);
  return el;
}

const colors = (index: number) => ({ background: agingColor(index), color: agingTextOn[Math.min(index, agingTextOn.length - 1)] });

function openOptionsPage(): void {
  const c = (globalThis as { chrome?: { runtime?: { openOptionsPage?: () => unknown } } }).chrome;
  void c?.runtime?.openOptionsPage?.();
}

export interface SummaryInput {
  rows: MetaRows;
  asOf: string;
  /** Show only this currency (the worklist's currency filter). */
  currency?: string;
}

let tipIds = 0;

function currencyBlock(row: ReturnType<typeof portfolioFigures>['rows'][number], buckets: ReturnType<typeof portfolioFigures>['buckets'],
  t: Translate, lang: Lang): HTMLElement {
  const cur = row.currency;
  const head = currencyHead(row, t, lang);
  const segs = agingSegments(row, buckets, t, lang);
  const bar = h('div', { role: 'img', 'aria-label': head.barLabel, class: 'flex h-4 w-full overflow-hidden rounded bg-stone-100' },
    ...segs.filter((s) => s.share > 0).map((s) => {
      const seg = h('div', { title: s.title, class: 'h-full' });
      Object.assign(seg.style, { width: `${s.share * 100}%`, ...colors(s.index) });
      return seg;
    }));
  const legend = h('ul', { class: 'mt-1 grid grid-cols-2 gap-x-2 text-xs', 'aria-label': head.barLabel },
    ...segs.map((s) => {
      const swatch = h('span', { 'aria-hidden': 'true', class: 'inline-block h-2 w-2 shrink-0 rounded-sm' });
      swatch.style.background = agingColor(s.index);
      return h('li', { class: 'flex items-center gap-1', 'data-bucket': s.key, 'data-minor': s.minor },
        swatch, h('span', { class: 'truncate', title: s.amount }, s.legend));
    }));
  const metrics = h('dl', { class: 'mt-2 grid grid-cols-4 gap-1 text-center', 'aria-label': head.metricsLabel },
    ...metricViews(row, t, lang).map((m) => {
      const id = `summary-tip-${tipIds++}`;
      return h('div', { class: 'rounded bg-stone-50 px-1 py-0.5' },
        h('dt', { class: 'text-xs text-stone-600' }, m.name),
        h('dd', { class: 'text-sm font-medium tabular-nums', title: m.tip, 'aria-describedby': id, tabindex: 0, 'data-metric': m.key }, m.value),
        h('span', { id, hidden: true }, m.tip));
    }));
  return h('div', { class: 'rounded-md border border-stone-200 p-2', 'data-currency': cur },
    h('div', { class: 'flex items-baseline justify-between gap-2' },
      h('div', {},
        h('div', { class: 'text-xs text-stone-600' }, head.outstanding),
        // Element Timing reports when this figure was painted: what `npm run bench` measures.
        h('div', { class: 'text-xl font-semibold tabular-nums', 'data-testid': `portfolio-total-${cur}`, 'data-minor': row.total, elementtiming: 'portfolio-total' }, head.total)),
      h('div', { class: 'text-right' },
        h('div', { class: 'text-xs text-stone-600' }, head.overdueLabel),
        h('div', { class: 'font-semibold tabular-nums text-red-800', 'data-testid': `portfolio-overdue-${cur}`, 'data-minor': row.overdue }, head.overdue),
        h('div', { class: 'text-xs text-stone-700' }, head.overdueShare))),
    h('div', { class: 'mt-2' }, bar, legend),
    metrics);
}

/** The summary's DOM, or undefined when there is nothing to summarise (no store, an empty portfolio, a bad row). */
export function summaryElement(input: SummaryInput): HTMLElement | undefined {
  const portfolio = trustedPortfolio(input.rows.portfolio);
  if (!portfolio || portfolio.customers === 0) return undefined;
  const { lang, bucketDays } = displaySettings(input.rows.settings);
  const t = plainTranslate(lang);
  let figures: ReturnType<typeof portfolioFigures>;
  try {
    figures = portfolioFigures(portfolio, input.asOf, bucketDays);
  } catch {
    return undefined; // a row this code cannot summarise: the live popup validates and explains it
  }
  const rows = input.currency ? figures.rows.filter((r) => r.currency === input.currency) : figures.rows;
  const settings = h('button', { type: 'button', class: 'rounded px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-100' }, t('settings'));
  settings.addEventListener('click', openOptionsPage);
  return h('div', { class: 'space-y-2', 'data-testid': 'summary' },
    h('header', { class: 'flex items-center justify-between' },
      h('h1', { class: 'text-base font-semibold' }, `${t('common:appName')} · ${t('title')}`), settings),
    h('section', { 'aria-labelledby': 'aging-h', class: 'space-y-2' },
      h('h2', { id: 'aging-h', class: 'sr-only' }, t('aging.heading')),
      ...rows.map((row) => currencyBlock(row, figures.buckets, t, lang))));
}

export const SUMMARY_STYLE_ID = 'huikuan-summary-style';

/**
 * Paints the summary of `input` into `host` (empties it when there is nothing to summarise), unless `host` already
 * shows exactly that. Puts the summary's own small stylesheet (Tailwind over this file, built in as text) in the
 * page once, so the first frame waits for no stylesheet download. Returns whether a summary is shown.
 */
export function paintSummary(host: HTMLElement, input: SummaryInput, css: string = summaryCss): boolean {
  const doc = host.ownerDocument;
  const key = `${input.asOf}|${input.currency ?? ''}|${serialiseRows(input.rows)}`;
  if (host.dataset.summaryKey === key) return host.childElementCount > 0;
  if (!doc.getElementById(SUMMARY_STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = SUMMARY_STYLE_ID;
    style.textContent = css;
    doc.head.append(style);
  }
  const el = summaryElement(input);
  doc.documentElement.lang = displaySettings(input.rows.settings).lang === 'zh' ? 'zh-CN' : 'en';
  host.dataset.summaryKey = key;
  if (el) host.replaceChildren(el); else host.replaceChildren();
  return !!el;
}

const serialiseRows = (rows: MetaRows) => JSON.stringify([rows.settings ?? null, rows.portfolio ?? null]);
