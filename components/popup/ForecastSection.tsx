/**
 * Expected collections per currency this week, this month and over the next 13 weeks (a small bar chart), against
 * the monthly target from Settings. The figures are the worker's forecast (each open invoice's open amount on its
 * expected day); the section shows "forecasting…" until the worker answers, so the popup's first paint never waits.
 */
import { useTranslation } from 'react-i18next';
import type { Lang, Money } from '@/lib/domain';
import { formatDay, formatMoney, formatPercent } from '@/lib/format';
import type { PortfolioForecast } from '@/lib/forecast/portfolio';
import type { Loaded } from '@/components/forecast/useForecast';

export interface ForecastSectionProps {
  forecast: Loaded<PortfolioForecast>;
  lang: Lang;
  monthlyTarget?: Money;
}

export function ForecastSection({ forecast, lang, monthlyTarget }: ForecastSectionProps) {
  const { t } = useTranslation('forecast');
  return (
    <section
      aria-labelledby="forecast-h"
      data-testid="forecast"
      className="rounded-md border border-stone-200 p-2 text-xs"
    >
      <h2 id="forecast-h" className="text-sm font-semibold">
        {t('popup.heading')}
      </h2>
      {forecast.state === 'loading' && (
        <p role="status" className="text-stone-600">
          {t('popup.computing')}
        </p>
      )}
      {forecast.state === 'failed' && (
        <p role="alert" className="text-red-800">
          {t('popup.failed', { message: forecast.message })}
        </p>
      )}
      {forecast.state === 'ready' && <Figures f={forecast.value} lang={lang} monthlyTarget={monthlyTarget} />}
    </section>
  );
}

function Figures({ f, lang, monthlyTarget }: { f: PortfolioForecast; lang: Lang; monthlyTarget?: Money }) {
  const { t } = useTranslation('forecast');
  const currencies = Object.keys(f.byCurrency).sort();
  if (!currencies.length) return <p className="text-stone-600">{t('popup.nothing')}</p>;
  return (
    <div className="mt-1 space-y-2" data-testid="forecast-ready" data-as-of={f.asOf}>
      {currencies.map((cur) => {
        const c = f.byCurrency[cur];
        const target =
          monthlyTarget && monthlyTarget.currency === cur && monthlyTarget.minor > 0 ? monthlyTarget : undefined;
        const max = Math.max(1, ...c.weeks);
        return (
          <div key={cur} data-testid={`forecast-${cur}`}>
            <dl className="grid grid-cols-2 gap-x-2">
              <dt className="text-stone-600">{t('popup.thisWeek')}</dt>
              <dd className="text-right tabular-nums" data-testid={`forecast-week-${cur}`} data-minor={c.thisWeek}>
                {formatMoney(c.thisWeek, cur, lang)}
              </dd>
              <dt className="text-stone-600">{t('popup.thisMonth')}</dt>
              <dd className="text-right tabular-nums" data-testid={`forecast-month-${cur}`} data-minor={c.thisMonth}>
                {formatMoney(c.thisMonth, cur, lang)}
              </dd>
            </dl>
            {target && (
              <p className="text-stone-700" data-testid={`forecast-target-${cur}`}>
                {t('popup.target', { amount: formatMoney(target.minor, cur, lang) })} ·{' '}
                {t('popup.ofTarget', { share: formatPercent(c.thisMonth / target.minor, lang) })}
              </p>
            )}
            {c.bills > 0 && c.nextBillMaturity && (
              <p
                className="text-stone-700"
                data-testid={`forecast-bills-${cur}`}
                data-minor={c.bills}
                data-next={c.nextBillMaturity}
              >
                {t('popup.bills', {
                  amount: formatMoney(c.bills, cur, lang),
                  date: formatDay(c.nextBillMaturity, lang),
                })}
              </p>
            )}
            <p className="mt-1 text-stone-600">{t('popup.weeks')}</p>
            <div
              role="img"
              aria-label={t('popup.chart', { currency: cur })}
              className="flex h-10 items-end gap-px"
              data-testid={`forecast-weeks-${cur}`}
            >
              {c.weeks.map((minor, i) => {
                const label = t('popup.week', {
                  date: formatDay(f.weekStarts[i], lang),
                  amount: formatMoney(minor, cur, lang),
                });
                return (
                  <span
                    key={f.weekStarts[i]}
                    title={label}
                    data-minor={minor}
                    data-week={f.weekStarts[i]}
                    className="flex-1 rounded-t-sm bg-blue-600"
                    style={{
                      height: `${Math.max(minor > 0 ? 6 : 2, Math.round((minor / max) * 100))}%`,
                      opacity: minor > 0 ? 1 : 0.25,
                    }}
                  />
                );
              })}
            </div>
          </div>
        );
      })}
      {!monthlyTarget && <p className="text-stone-600">{t('popup.noTarget')}</p>}
    </div>
  );
}
