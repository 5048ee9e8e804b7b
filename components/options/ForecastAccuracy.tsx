/**
 * How right the payment forecast has been on the user's own settled invoices: the worker back-tests it the way the
 * benchmark does (lib/forecast/evaluate.ts) when asked — a large book takes the worker a few seconds, so it is a
 * button, not done on every visit.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { askWorker } from '@/components/forecast/useForecast';
import { useClock } from '@/components/app/clock';
import { errorText } from '@/lib/i18n/userError';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Evaluation } from '@/lib/forecast/evaluate';
import { Card } from './ui';

export function ForecastAccuracy() {
  const { t } = useTranslation(['forecast', 'common']);
  const { lang } = useApp();
  const clock = useClock();
  const [state, setState] = useState<'idle' | 'running' | { result: Evaluation } | { error: string }>('idle');
  const run = () => {
    setState('running');
    askWorker<Evaluation>({ type: 'forecast/accuracy' }, clock)
      .then((result) => setState({ result }))
      .catch((e: unknown) => setState({ error: errorText(t, e) }));
  };
  const r = typeof state === 'object' && 'result' in state ? state.result : undefined;
  return (
    <Card title={t('accuracy.heading')} testId="forecast-accuracy">
      <p className="text-sm text-stone-700">{t('accuracy.body')}</p>
      <button
        type="button"
        onClick={run}
        disabled={state === 'running'}
        data-testid="forecast-accuracy-run"
        className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100 disabled:opacity-60"
      >
        {state === 'running' ? t('accuracy.computing') : t('accuracy.run')}
      </button>
      {r &&
        (r.forecasts > 0 && Number.isFinite(r.mae) ? (
          <p
            className="text-sm"
            data-testid="forecast-accuracy-figures"
            data-mae={r.mae}
            data-coverage={r.coverage}
            data-auc={r.auc}
          >
            {t('accuracy.figures', {
              mae: formatNumber(r.mae, lang, 1),
              coverage: formatPercent(r.coverage, lang),
              auc: Number.isFinite(r.auc) ? formatNumber(r.auc, lang, 2) : '—',
              count: r.forecasts,
              months: r.asOfDays.length,
            })}
          </p>
        ) : (
          <p className="text-sm text-stone-600" data-testid="forecast-accuracy-figures">
            {t('accuracy.notEnough')}
          </p>
        ))}
      {typeof state === 'object' && 'error' in state && (
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      )}
    </Card>
  );
}
