/** The portfolio figure first: per currency, outstanding / overdue / % overdue, the aging bar, and the metrics. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import { agingColor, agingTextOn } from '@/components/aging/colors';
import { type MetricView, type Translate, agingSegments, currencyHead, metricViews } from './agingView';
import type { CurrencyFigures, PortfolioFigures } from './metrics';

/** i18next's `t` as the view helpers take it (./agingView.ts, shared with the plain first paint). */
function useTranslate(): Translate {
  const { t } = useTranslation(['popup', 'common']);
  return (key, params) => String(t(key, params ?? {}));
}

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
  const t = useTranslate();
  const cur = row.currency;
  const head = currencyHead(row, t, lang);
  return (
    <div className="rounded-md border border-stone-200 p-2" data-currency={cur}>
      <div className="flex items-baseline justify-between gap-2">
        <div>
          <div className="text-xs text-stone-600">{head.outstanding}</div>
          <div className="text-xl font-semibold tabular-nums" data-testid={`portfolio-total-${cur}`} data-minor={row.total}
            // The browser's Element Timing API reports when this figure was painted: what `npm run bench` measures.
            {...{ elementtiming: 'portfolio-total' }}>
            {head.total}
          </div>
        </div>
        <div className="text-right">
          <div className="text-xs text-stone-600">{head.overdueLabel}</div>
          <div className="font-semibold tabular-nums text-red-800" data-testid={`portfolio-overdue-${cur}`} data-minor={row.overdue}>
            {head.overdue}
          </div>
          <div className="text-xs text-stone-700">{head.overdueShare}</div>
        </div>
      </div>
      <AgingStack row={row} figures={figures} lang={lang} barLabel={head.barLabel} />
      <dl className="mt-2 grid grid-cols-4 gap-1 text-center" aria-label={head.metricsLabel}>
        {metricViews(row, t, lang).map((m) => <Metric key={m.key} m={m} />)}
      </dl>
    </div>
  );
}

/** A stacked bar over the aging buckets; each segment carries its label and share (colour is never the only carrier). */
function AgingStack({ row, figures, lang, barLabel }: { row: CurrencyFigures; figures: PortfolioFigures; lang: Lang; barLabel: string }) {
  const t = useTranslate();
  const segs = agingSegments(row, figures.buckets, t, lang);
  return (
    <div className="mt-2">
      <div role="img" aria-label={barLabel} className="flex h-4 w-full overflow-hidden rounded bg-stone-100">
        {segs.filter((s) => s.share > 0).map((s) => (
          <div key={s.key} style={{ width: `${s.share * 100}%`, background: agingColor(s.index), color: agingTextOn[Math.min(s.index, agingTextOn.length - 1)] }}
            title={s.title} className="h-full" />
        ))}
      </div>
      <ul className="mt-1 grid grid-cols-2 gap-x-2 text-xs" aria-label={barLabel}>
        {segs.map((s) => (
          <li key={s.key} className="flex items-center gap-1" data-bucket={s.key} data-minor={s.minor}>
            <span aria-hidden="true" className="inline-block h-2 w-2 shrink-0 rounded-sm" style={{ background: agingColor(s.index) }} />
            <span className="truncate" title={s.amount}>{s.legend}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Metric({ m }: { m: MetricView }) {
  const id = useId();
  return (
    <div className="rounded bg-stone-50 px-1 py-0.5">
      <dt className="text-xs text-stone-600">{m.name}</dt>
      <dd className="text-sm font-medium tabular-nums" title={m.tip} aria-describedby={id} tabIndex={0} data-metric={m.key}>
        {m.value}
      </dd>
      <span id={id} hidden>{m.tip}</span>
    </div>
  );
}
