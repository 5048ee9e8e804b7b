/**
 * What the aging summary says, computed once for both of its renderers: the React one (./AgingSection.tsx) and the
 * plain DOM one that paints before React has loaded (./firstPaint.ts). Both take their words and numbers from
 * here, so the first paint and the React summary that replaces it cannot drift apart. No React, no i18next.
 */
import type { Lang } from '@/lib/domain';
import type { AgingBucket } from '@/lib/ledger/aging';
import { metricFormulas } from '@/lib/ledger/metrics';
import { formatMoney, formatNumber, formatPercent } from '@/lib/format';
import type { CurrencyFigures } from './metrics';

/** The part of i18next's `t` the summary uses: a key (optionally `ns:key`) and interpolation values. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** "Not yet due", "1–30 days", "Over 90 days" for any bucket bounds. */
export function bucketLabelWith(b: AgingBucket, t: Translate): string {
  if (b.key === 'current') return t('common:buckets.current');
  if (b.toDays === null) return t('common:bucketOver', { from: (b.fromDays ?? 1) - 1 });
  return t('common:bucketRange', { from: b.fromDays, to: b.toDays });
}

export interface AgingSegment {
  key: string;
  /** Bucket index: 0 = not yet due … last = oldest (picks the colour). */
  index: number;
  minor: number;
  share: number;
  label: string;
  /** The segment's tooltip on the bar. */
  title: string;
  /** Full amount (the legend item's tooltip). */
  amount: string;
  /** "1–30 days: ¥1.2K · 12%" as the legend shows it. */
  legend: string;
}

export function agingSegments(row: CurrencyFigures, buckets: AgingBucket[], t: Translate, lang: Lang): AgingSegment[] {
  const total = row.amounts.reduce((a, b) => a + Math.max(0, b), 0);
  return buckets.map((b, index) => {
    const minor = row.amounts[index] ?? 0;
    const share = total > 0 ? Math.max(0, minor) / total : 0;
    const label = bucketLabelWith(b, t);
    const amount = formatMoney(minor, row.currency, lang);
    const pct = formatPercent(share, lang);
    return {
      key: b.key, index, minor, share, label, amount,
      title: t('popup:aging.segment', { bucket: label, amount, share: pct }),
      legend: `${label}: ${formatMoney(minor, row.currency, lang, { compact: true })} · ${pct}`,
    };
  });
}

export type MetricName = 'dso' | 'bpdso' | 'add' | 'cei';

export interface MetricView {
  key: MetricName;
  /** The short name above the value ("DSO"). */
  name: string;
  value: string;
  /** Name, value and formula (and why it is missing), the value's tooltip. */
  tip: string;
}

export function metricViews(row: CurrencyFigures, t: Translate, lang: Lang): MetricView[] {
  const days = (v: number | undefined) => (v === undefined ? '—' : t('popup:metrics.days', { value: formatNumber(v, lang, 0) }));
  const items: Array<{ key: MetricName; value: string; raw?: number }> = [
    { key: 'dso', value: days(row.dso), raw: row.dso },
    { key: 'bpdso', value: days(row.bpdso), raw: row.bpdso },
    { key: 'add', value: days(row.add), raw: row.add },
    { key: 'cei', value: row.cei === undefined ? '—' : formatPercent(row.cei / 100, lang), raw: row.cei },
  ];
  return items.map(({ key, value, raw }) => {
    const formula = metricFormulas[key][lang] + (raw === undefined ? ` ${t('popup:metrics.notAvailable')}` : '');
    return { key, name: t(`popup:metrics.${key}`), value, tip: t('popup:metrics.tooltip', { name: t(`popup:metrics.names.${key}`), value, formula }) };
  });
}

/** The money figures at the top of a currency block. */
export function currencyHead(row: CurrencyFigures, t: Translate, lang: Lang) {
  return {
    outstanding: `${t('popup:aging.outstanding')} · ${row.currency}`,
    total: formatMoney(row.total, row.currency, lang),
    overdueLabel: t('popup:aging.overdue'),
    overdue: formatMoney(row.overdue, row.currency, lang),
    overdueShare: t('popup:aging.overdueShare', { share: formatPercent(row.overdueShare, lang) }),
    barLabel: t('popup:aging.barLabel', { currency: row.currency }),
    metricsLabel: t('popup:metrics.heading', { currency: row.currency }),
  };
}
