/** A stacked bar over the aging buckets for one currency; every segment carries its label (colour is never alone). */
import { useTranslation } from 'react-i18next';
import type { Lang } from '@/lib/domain';
import type { AgingBucket } from '@/lib/ledger';
import { formatMoney, formatPercent } from '@/lib/format';
import { bucketLabel } from './bucketLabel';
import { agingColor, agingTextOn } from './colors';

export function AgingBar({
  buckets,
  amounts,
  currency,
  lang,
}: {
  buckets: AgingBucket[];
  amounts: number[];
  currency: string;
  lang: Lang;
}) {
  const { t } = useTranslation('common');
  const total = amounts.reduce((a, b) => a + Math.max(0, b), 0);
  const segs = buckets
    .map((b, i) => ({ i, label: bucketLabel(b, t), minor: amounts[i] ?? 0 }))
    .map((s) => ({ ...s, share: total > 0 ? Math.max(0, s.minor) / total : 0 }));
  const describe = segs
    .filter((s) => s.minor > 0)
    .map((s) => `${s.label} ${formatMoney(s.minor, currency, lang)}`)
    .join(', ');
  return (
    <div data-testid={`aging-bar-${currency}`}>
      <div role="img" aria-label={describe} className="flex h-3 w-full overflow-hidden rounded bg-stone-100">
        {segs
          .filter((s) => s.share > 0)
          .map((s) => (
            <div
              key={s.i}
              title={`${s.label}: ${formatMoney(s.minor, currency, lang)} (${formatPercent(s.share, lang)})`}
              style={{
                width: `${s.share * 100}%`,
                background: agingColor(s.i),
                color: agingTextOn[Math.min(s.i, agingTextOn.length - 1)],
              }}
            />
          ))}
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-stone-700">
        {segs
          .filter((s) => s.minor > 0)
          .map((s) => (
            <li key={s.i} className="flex items-center gap-1 tabular-nums">
              <span
                aria-hidden="true"
                className="inline-block h-2 w-2 rounded-sm"
                style={{ background: agingColor(s.i) }}
              />
              {s.label} {formatMoney(s.minor, currency, lang, { compact: true })}
            </li>
          ))}
      </ul>
    </div>
  );
}
