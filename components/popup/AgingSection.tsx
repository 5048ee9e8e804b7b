/** The portfolio figure first: per currency, outstanding / overdue / % overdue, the aging bar, and the metrics. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import { formatMoney, formatNumber, formatPercent } from '@/lib/format';
import { metricFormulas } from '@/lib/ledger';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { bucketLabel } from './labels';
import type { CurrencyFigures, PortfolioFigures } from './metrics';

export function AgingSection({ figures, lang }: { figures: PortfolioFigures; lang: Lang }) {
  const { t } = useTranslation(['popup', 'common']);
  return (
    <section aria-labelledby="aging-h" className="space-y-2">
      <h2 id="aging-h" className="sr-only">{t('aging.heading')}</h2>
      {figures.rows.map((row) => <CurrencyBlock key={row.currency} row={row} figures={figures} lang={lang} />)}
    </section>
  );
}

function CurrencyBlock({ row, figures, lang }: { row: CurrencyFigures; figures: PortfolioFigures; lang: Lang }) {
  const { t } = useTranslation(['popup', 'common']);
  const cur = row.currency;
  const money = (m: number) => formatMoney(m, cur, lang);
  return (
    <div className="rounded-md border border-stone-200 p-2" data-currency={cur}>
      <div className="flex items-baseline justify-between gap-2">
        <div>
          <div className="text-xs text-stone-600">{t('aging.outstanding')} · {cur}</div>
          <div className="text-xl font-semibold tabular-nums" data-testid={`portfolio-total-${cur}`} data-minor={row.total}>
            {money(row.total)}
          </div>
        </div>
        <div className="text-right">
          <div className="text-xs text-stone-600">{t('aging.overdue')}</div>
          <div className="font-semibold tabular-nums text-red-800" data-testid={`portfolio-overdue-${cur}`} data-minor={row.overdue}>
            {money(row.overdue)}
          </div>
          <div className="text-xs text-stone-700">{t('aging.overdueShare', { share: formatPercent(row.overdueShare, lang) })}</div>
        </div>
      </div>
      <AgingStack row={row} figures={figures} lang={lang} />
      <Metrics row={row} lang={lang} />
    </div>
  );
}

/** A stacked bar over the aging buckets; each segment carries its label and share (colour is never the only carrier). */
function AgingStack({ row, figures, lang }: { row: CurrencyFigures; figures: PortfolioFigures; lang: Lang }) {
  const { t } = useTranslation(['popup', 'common']);
  const total = row.amounts.reduce((a, b) => a + Math.max(0, b), 0);
  const segs = figures.buckets.map((b, i) => {
    const minor = row.amounts[i] ?? 0;
    const share = total > 0 ? Math.max(0, minor) / total : 0;
    return { b, i, minor, share, label: bucketLabel(b, t) };
  });
  return (
    <div className="mt-2">
      <div role="img" aria-label={t('aging.barLabel', { currency: row.currency })} className="flex h-4 w-full overflow-hidden rounded bg-stone-100">
        {segs.filter((s) => s.share > 0).map((s) => (
          <div key={s.b.key} style={{ width: `${s.share * 100}%`, background: agingColor(s.i), color: agingTextOn[Math.min(s.i, agingTextOn.length - 1)] }}
            title={t('aging.segment', { bucket: s.label, amount: formatMoney(s.minor, row.currency, lang), share: formatPercent(s.share, lang) })}
            className="h-full" />
        ))}
      </div>
      <ul className="mt-1 grid grid-cols-2 gap-x-2 text-xs" aria-label={t('aging.barLabel', { currency: row.currency })}>
        {segs.map((s) => (
          <li key={s.b.key} className="flex items-center gap-1" data-bucket={s.b.key} data-minor={s.minor}>
            <span aria-hidden="true" className="inline-block h-2 w-2 shrink-0 rounded-sm" style={{ background: agingColor(s.i) }} />
            <span className="truncate" title={formatMoney(s.minor, row.currency, lang)}>
              {s.label}: {formatMoney(s.minor, row.currency, lang, { compact: true })} · {formatPercent(s.share, lang)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Metrics({ row, lang }: { row: CurrencyFigures; lang: Lang }) {
  const { t } = useTranslation('popup');
  const days = (v: number | undefined) => (v === undefined ? '—' : t('metrics.days', { value: formatNumber(v, lang, 0) }));
  const items: Array<{ key: 'dso' | 'bpdso' | 'add' | 'cei'; value: string; raw?: number }> = [
    { key: 'dso', value: days(row.dso), raw: row.dso },
    { key: 'bpdso', value: days(row.bpdso), raw: row.bpdso },
    { key: 'add', value: days(row.add), raw: row.add },
    { key: 'cei', value: row.cei === undefined ? '—' : formatPercent(row.cei / 100, lang), raw: row.cei },
  ];
  return (
    <dl className="mt-2 grid grid-cols-4 gap-1 text-center" aria-label={t('metrics.heading', { currency: row.currency })}>
      {items.map((m) => <Metric key={m.key} k={m.key} value={m.value} missing={m.raw === undefined} lang={lang} />)}
    </dl>
  );
}

function Metric({ k, value, missing, lang }: { k: 'dso' | 'bpdso' | 'add' | 'cei'; value: string; missing: boolean; lang: Lang }) {
  const { t } = useTranslation('popup');
  const id = useId();
  const formula = metricFormulas[k][lang] + (missing ? ` ${t('metrics.notAvailable')}` : '');
  const tip = t('metrics.tooltip', { name: t(`metrics.names.${k}`), value, formula });
  return (
    <div className="rounded bg-stone-50 px-1 py-0.5">
      <dt className="text-xs text-stone-600">{t(`metrics.${k}`)}</dt>
      <dd className="text-sm font-medium tabular-nums" title={tip} aria-describedby={id} tabIndex={0} data-metric={k}>
        {value}
      </dd>
      <span id={id} hidden>{tip}</span>
    </div>
  );
}
