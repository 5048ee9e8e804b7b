/**
 * When each open invoice of this customer is expected to be paid: the expected day with its 10–90 % range, the
 * chance it comes after the due date, and why ("expected 18 Dec: pays 9 days late on average, batch after the
 * 25th"); above them the customer's late probability for a new invoice. Computed by the worker.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { useWorkerAnswer } from '@/components/forecast/useForecast';
import { formatDay, formatMoney, formatPercent } from '@/lib/format';
import { forecastHeadline } from '@/lib/forecast/explain';
import { type CustomerForecast, RETENTION_FORECAST_SUFFIX } from '@/lib/forecast/portfolio';
import { useAccount } from './account';

export function ForecastCard() {
  const { t } = useTranslation('forecast');
  const { lang } = useApp();
  const a = useAccount();
  const answer = useWorkerAnswer<CustomerForecast>(
    { type: 'forecast/customer', customerId: a.customer.id },
    `${a.summary?.updatedAt ?? 0}|${a.today}`,
  );
  const docs = useMemo(() => new Map(a.receivables.map((r) => [r.id, r.docNumber])), [a.receivables]);
  // A held retention has its own row, due on its release date; a bill's cash comes at its maturity.
  const docOf = (id: string) => {
    if (id.endsWith(RETENTION_FORECAST_SUFFIX)) {
      const base = id.slice(0, -RETENTION_FORECAST_SUFFIX.length);
      return t('panel.retentionPart', { doc: docs.get(base) ?? base });
    }
    return docs.get(id) ?? id;
  };
  return (
    <section
      aria-labelledby="forecast-h"
      data-testid="forecast-card"
      className="space-y-1 rounded border border-stone-200 p-2"
    >
      <h2 id="forecast-h" className="font-medium">
        {t('panel.heading')}
      </h2>
      {answer.state === 'loading' && (
        <p role="status" className="text-xs text-stone-600">
          {t('panel.computing')}
        </p>
      )}
      {answer.state === 'failed' && (
        <p role="alert" className="text-xs text-red-800">
          {t('popup.failed', { message: answer.message })}
        </p>
      )}
      {answer.state === 'ready' && (
        <>
          {answer.value.lateProbability !== undefined ? (
            <p className="text-xs" data-testid="forecast-customer-late" data-p={answer.value.lateProbability}>
              {t('panel.customerLate', { share: formatPercent(answer.value.lateProbability, lang) })}
            </p>
          ) : (
            <p className="text-xs text-stone-600">{t('panel.noHistory')}</p>
          )}
          {answer.value.forecasts.length === 0 && <p className="text-xs text-stone-600">{t('panel.none')}</p>}
          <ul className="divide-y divide-stone-100">
            {answer.value.forecasts.map((f) => (
              <li
                key={f.id}
                className="py-1 text-xs"
                data-testid="forecast-invoice"
                data-receivable-id={f.id}
                data-expected={f.expectedDate}
                data-from={f.from}
                data-to={f.to}
                data-late={f.lateProbability}
              >
                <div className="flex justify-between gap-2">
                  <span className="font-medium">
                    {t('panel.invoice', {
                      doc: docOf(f.id),
                      amount: formatMoney(f.amount.minor, f.amount.currency, lang),
                    })}
                  </span>
                  <span className="tabular-nums">{t('expected', { date: formatDay(f.expectedDate, lang) })}</span>
                </div>
                <div className="flex justify-between gap-2 text-stone-700">
                  <span className="tabular-nums">
                    {t('range', { from: formatDay(f.from, lang), to: formatDay(f.to, lang) })}
                  </span>
                  <span>{t('lateChance', { share: formatPercent(f.lateProbability, lang) })}</span>
                </div>
                <p className="text-stone-600">{forecastHeadline(f, t, lang)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
