/** Collected this month against the target, promises kept, days to collect and its trend. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import { formatMoney, formatNumber, formatPercent } from '@/lib/format';
import type { Scoreboard } from './metrics';

export function ScoreboardSection({ board, lang }: { board: Scoreboard; lang: Lang }) {
  const { t } = useTranslation('popup');
  const collected = Object.entries(board.collectedThisMonth).sort(([a], [b]) => (a < b ? -1 : 1));
  const d = board.daysToCollect;
  let trend = '';
  if (d?.trend !== undefined) {
    const delta = formatNumber(Math.abs(d.trend), lang, 0);
    trend =
      Math.abs(d.trend) < 0.5
        ? t('scoreboard.trendSame')
        : d.trend < 0
          ? t('scoreboard.trendBetter', { delta })
          : t('scoreboard.trendWorse', { delta });
  }
  return (
    <section
      aria-labelledby="score-h"
      data-testid="scoreboard"
      className="rounded-md border border-stone-200 p-2 text-xs"
    >
      <h2 id="score-h" className="text-sm font-semibold">
        {t('scoreboard.heading')}
      </h2>
      <dl className="mt-1 space-y-1">
        <div>
          <dt className="text-stone-600">{t('scoreboard.collected')}</dt>
          <dd className="tabular-nums">
            {collected.length === 0
              ? t('scoreboard.nothingCollected')
              : collected.map(([cur, minor]) => (
                  <span key={cur} className="mr-2" data-collected={cur} data-minor={minor}>
                    {formatMoney(minor, cur, lang)}
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">{t('scoreboard.target')}</dt>
          <dd>
            {board.target ? (
              <>
                <span className="tabular-nums">
                  {t('scoreboard.targetProgress', {
                    collected: formatMoney(board.target.collected, board.target.currency, lang),
                    target: formatMoney(board.target.minor, board.target.currency, lang),
                    share: formatPercent(board.target.ratio, lang),
                  })}
                </span>
                <progress
                  className="block h-2 w-full"
                  max={1}
                  value={Math.min(1, board.target.ratio)}
                  aria-label={t('scoreboard.targetLabel')}
                />
              </>
            ) : (
              t('scoreboard.noTarget')
            )}
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">{t('scoreboard.kept')}</dt>
          <dd className="tabular-nums">
            {board.keptRatio === undefined
              ? t('scoreboard.noPromises')
              : t('scoreboard.keptValue', {
                  ratio: formatPercent(board.keptRatio, lang),
                  kept: board.kept,
                  broken: board.broken,
                })}
          </dd>
        </div>
        {d && (
          <div>
            <dt className="text-stone-600">{t('scoreboard.daysToCollect', { currency: d.currency })}</dt>
            <dd className="tabular-nums">
              {d.now === undefined ? '—' : t('scoreboard.daysToCollectValue', { now: formatNumber(d.now, lang, 0) })}
              {trend && (
                <span className="ml-2 text-stone-700">
                  {d.trend! < 0 ? '↓ ' : d.trend! > 0 ? '↑ ' : ''}
                  {trend}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
