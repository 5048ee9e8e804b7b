/**
 * The popup's summary — header, then per currency outstanding / overdue, the aging bar and DSO, Best Possible DSO,
 * ADD and CEI — as plain DOM. The only renderer of the summary: the first-paint script (./firstPaint.ts) paints it
 * from the mirrored meta rows before any module has loaded, and the live popup (./LiveSummary.tsx) repaints it when
 * the rows change. No React, i18next, Dexie or Zod, so that script stays small; text goes in through textContent.
 */
import type { Lang } from '@/lib/domain';
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import type { MetaRows } from '@/lib/db/metaMirror';
import { type AgingBucket, DEFAULT_BUCKET_DAYS } from '@/lib/ledger/aging';
import { pickLang } from '@/lib/i18n/lang';
import { browserLang } from '@/lib/browser/lang';
import type { KeyOf } from '@/lib/i18n/types';
import * as commonEn from '@/lib/i18n/locales/en/common.json';
import * as commonZh from '@/lib/i18n/locales/zh/common.json';
import * as popupEn from '@/lib/i18n/locales/en/popup.json';
import * as popupZh from '@/lib/i18n/locales/zh/popup.json';
import { formatMoney, formatNumber, formatPercent } from '@/lib/format';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { bucketLabel } from '@/components/aging/bucketLabel';
import { type CurrencyFigures, portfolioFigures } from './metrics';
import summaryCss from './summary.css?inline';

/** The aggregate as the summary may trust it: the shape lib/db/portfolio.ts writes, else nothing. */
export function trustedPortfolio(v: unknown): PortfolioAggregate | undefined {
  const a = v as PortfolioAggregate | undefined;
  return a &&
    typeof a === 'object' &&
    typeof a.customers === 'number' &&
    !!a.openByDue &&
    typeof a.openByDue === 'object' &&
    !!a.salesByMonth &&
    !!a.collectedByMonth
    ? a
    : undefined;
}

/** The two settings the summary shows, read leniently from the stored row: the UI language and the bucket bounds. */
export function displaySettings(v: unknown): { lang: Lang; bucketDays: number[] } {
  const s = (v && typeof v === 'object' ? v : {}) as { language?: unknown; agingBuckets?: unknown };
  const language = s.language === 'zh' || s.language === 'en' ? s.language : undefined;
  const b = s.agingBuckets;
  const ok = Array.isArray(b) && b.length >= 1 && b.length <= 8 && b.every((x) => Number.isInteger(x) && x > 0);
  return { lang: pickLang(language, browserLang()), bucketDays: ok ? (b as number[]) : DEFAULT_BUCKET_DAYS };
}

/**
 * The summary's strings in both languages (this script runs before the language's own file could be fetched; the
 * live popup loads only its language's files, lib/i18n/core.ts): only the parts of the two namespaces it uses, each
 * named, so the bundler leaves the rest of the locale files (55 KB) out of the first-paint script.
 */
const resources = {
  common: {
    en: {
      appName: commonEn.appName,
      buckets: commonEn.buckets,
      bucketOver: commonEn.bucketOver,
      bucketRange: commonEn.bucketRange,
    },
    zh: {
      appName: commonZh.appName,
      buckets: commonZh.buckets,
      bucketOver: commonZh.bucketOver,
      bucketRange: commonZh.bucketRange,
    },
  },
  popup: {
    en: { title: popupEn.title, settings: popupEn.settings, aging: popupEn.aging, metrics: popupEn.metrics },
    zh: { title: popupZh.title, settings: popupZh.settings, aging: popupZh.aging, metrics: popupZh.metrics },
  },
} as const;

/** A key the summary looks up: the popup's (bare or `popup:`) or `common:`'s, checked against the locale files. */
type SummaryKey = KeyOf<'popup'> | `popup:${KeyOf<'popup'>}` | `common:${KeyOf<'common'>}`;
type Translate = (key: SummaryKey, params?: Record<string, unknown>) => string;

/** i18next's lookup and `{{name}}` interpolation over the popup's resources (the summary uses no plurals). */
export function plainTranslate(lang: Lang): Translate {
  return (key, params) => {
    const colon = key.indexOf(':');
    const ns = (colon > 0 ? key.slice(0, colon) : 'popup') as keyof typeof resources;
    let v: unknown = resources[ns]?.[lang];
    for (const part of key.slice(colon + 1).split('.'))
      v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    if (typeof v !== 'string') return key.slice(colon + 1);
    return v.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );
  };
}

function h(
  tag: string,
  attrs: Record<string, string | number | undefined>,
  ...children: Array<Node | string>
): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

function openOptionsPage(): void {
  const c = (globalThis as { chrome?: { runtime?: { openOptionsPage?: () => unknown } } }).chrome;
  void c?.runtime?.openOptionsPage?.();
}

let tipIds = 0;

/** The bar and its legend: every segment carries its label and share (colour is never the only carrier). */
function agingStack(
  row: CurrencyFigures,
  buckets: AgingBucket[],
  t: Translate,
  lang: Lang,
  label: string,
): HTMLElement {
  const total = row.amounts.reduce((a, b) => a + Math.max(0, b), 0);
  const segs = buckets.map((b, i) => {
    const minor = row.amounts[i] ?? 0;
    const share = total > 0 ? Math.max(0, minor) / total : 0;
    return { key: b.key, i, minor, share, label: bucketLabel(b, t), pct: formatPercent(share, lang) };
  });
  const bar = h(
    'div',
    { role: 'img', 'aria-label': label, class: 'flex h-4 w-full overflow-hidden rounded bg-stone-100' },
    ...segs
      .filter((s) => s.share > 0)
      .map((s) => {
        const seg = h('div', {
          title: t('popup:aging.segment', {
            bucket: s.label,
            amount: formatMoney(s.minor, row.currency, lang),
            share: s.pct,
          }),
          class: 'h-full',
        });
        Object.assign(seg.style, {
          width: `${s.share * 100}%`,
          background: agingColor(s.i),
          color: agingTextOn[Math.min(s.i, agingTextOn.length - 1)],
        });
        return seg;
      }),
  );
  const legend = h(
    'ul',
    { class: 'mt-1 grid grid-cols-2 gap-x-2 text-xs', 'aria-label': label },
    ...segs.map((s) => {
      const swatch = h('span', { 'aria-hidden': 'true', class: 'inline-block h-2 w-2 shrink-0 rounded-sm' });
      swatch.style.background = agingColor(s.i);
      return h(
        'li',
        { class: 'flex items-center gap-1', 'data-bucket': s.key, 'data-minor': s.minor },
        swatch,
        h(
          'span',
          { class: 'truncate', title: formatMoney(s.minor, row.currency, lang) },
          `${s.label}: ${formatMoney(s.minor, row.currency, lang, { compact: true })} · ${s.pct}`,
        ),
      );
    }),
  );
  return h('div', { class: 'mt-2' }, bar, legend);
}

function metrics(row: CurrencyFigures, t: Translate, lang: Lang): HTMLElement {
  const days = (v: number | undefined) =>
    v === undefined ? '—' : t('popup:metrics.days', { value: formatNumber(v, lang, 0) });
  const items = [
    ['dso', days(row.dso), row.dso],
    ['bpdso', days(row.bpdso), row.bpdso],
    ['add', days(row.add), row.add],
    ['cei', row.cei === undefined ? '—' : formatPercent(row.cei / 100, lang), row.cei],
  ] as const;
  return h(
    'dl',
    {
      class: 'mt-2 grid grid-cols-4 gap-1 text-center',
      'aria-label': t('popup:metrics.heading', { currency: row.currency }),
    },
    ...items.map(([key, value, raw]) => {
      const formula =
        t(`popup:metrics.formulas.${key}`) + (raw === undefined ? ` ${t('popup:metrics.notAvailable')}` : '');
      const tip = t('popup:metrics.tooltip', { name: t(`popup:metrics.names.${key}`), value, formula });
      const id = `summary-tip-${tipIds++}`;
      return h(
        'div',
        { class: 'rounded bg-stone-50 px-1 py-0.5' },
        h('dt', { class: 'text-xs text-stone-600' }, t(`popup:metrics.${key}`)),
        h(
          'dd',
          {
            class: 'text-sm font-medium tabular-nums',
            title: tip,
            'aria-describedby': id,
            tabindex: 0,
            'data-metric': key,
          },
          value,
        ),
        h('span', { id, hidden: '' }, tip),
      );
    }),
  );
}

function currencyBlock(row: CurrencyFigures, buckets: AgingBucket[], t: Translate, lang: Lang): HTMLElement {
  const cur = row.currency;
  return h(
    'div',
    { class: 'rounded-md border border-stone-200 p-2', 'data-currency': cur },
    h(
      'div',
      { class: 'flex items-baseline justify-between gap-2' },
      h(
        'div',
        {},
        h('div', { class: 'text-xs text-stone-600' }, `${t('popup:aging.outstanding')} · ${cur}`),
        // Element Timing reports when this figure was painted: what `npm run bench` measures.
        h(
          'div',
          {
            class: 'text-xl font-semibold tabular-nums',
            'data-testid': `portfolio-total-${cur}`,
            'data-minor': row.total,
            elementtiming: 'portfolio-total',
          },
          formatMoney(row.total, cur, lang),
        ),
      ),
      h(
        'div',
        { class: 'text-right' },
        h('div', { class: 'text-xs text-stone-600' }, t('popup:aging.overdue')),
        h(
          'div',
          {
            class: 'font-semibold tabular-nums text-red-800',
            'data-testid': `portfolio-overdue-${cur}`,
            'data-minor': row.overdue,
          },
          formatMoney(row.overdue, cur, lang),
        ),
        h(
          'div',
          { class: 'text-xs text-stone-700' },
          t('popup:aging.overdueShare', { share: formatPercent(row.overdueShare, lang) }),
        ),
      ),
    ),
    agingStack(row, buckets, t, lang, t('popup:aging.barLabel', { currency: cur })),
    metrics(row, t, lang),
  );
}

export interface SummaryInput {
  rows: MetaRows;
  asOf: string;
  /** Show only this currency (the worklist's currency filter). */
  currency?: string;
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
  const settings = h(
    'button',
    { type: 'button', class: 'rounded px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-100' },
    t('settings'),
  );
  settings.addEventListener('click', openOptionsPage);
  return h(
    'div',
    { class: 'space-y-2', 'data-testid': 'summary' },
    h(
      'header',
      { class: 'flex items-center justify-between' },
      h('h1', { class: 'text-base font-semibold' }, `${t('common:appName')} · ${t('title')}`),
      settings,
    ),
    h(
      'section',
      { 'aria-labelledby': 'aging-h', class: 'space-y-2' },
      h('h2', { id: 'aging-h', class: 'sr-only' }, t('aging.heading')),
      ...figures.rows
        .filter((r) => !input.currency || r.currency === input.currency)
        .map((r) => currencyBlock(r, figures.buckets, t, lang)),
    ),
  );
}

export const SUMMARY_STYLE_ID = 'huikuan-summary-style';

/**
 * Paints the summary of `input` into `host` (empties it when there is nothing to summarise), unless `host` already
 * shows exactly that. Puts the summary's own small stylesheet (Tailwind over this file, built in as text) in the
 * page once, so the first frame waits for no stylesheet download. Returns whether a summary is shown.
 */
export function paintSummary(host: HTMLElement, input: SummaryInput, css: string = summaryCss): boolean {
  const doc = host.ownerDocument;
  const key = JSON.stringify([
    input.asOf,
    input.currency ?? '',
    input.rows.settings ?? null,
    input.rows.portfolio ?? null,
  ]);
  if (host.dataset.summaryKey === key) return host.childElementCount > 0;
  if (!doc.getElementById(SUMMARY_STYLE_ID))
    doc.head.append(Object.assign(doc.createElement('style'), { id: SUMMARY_STYLE_ID, textContent: css }));
  const el = summaryElement(input);
  doc.documentElement.lang = displaySettings(input.rows.settings).lang === 'zh' ? 'zh-CN' : 'en';
  host.dataset.summaryKey = key;
  host.replaceChildren(...(el ? [el] : []));
  return !!el;
}
