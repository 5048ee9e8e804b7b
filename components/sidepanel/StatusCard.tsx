/**
 * How much and how late: overdue first, then outstanding, the aging bar and the oldest item, per currency (never
 * added across currencies); then credit use, payment behaviour, promises and the limitation deadline. Disputed
 * documents are shown apart: overdue, the aging bar and the oldest item count undisputed items only (条例 art. 15),
 * and outstanding includes both.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { AgingBar } from '@/components/aging/AgingBar';
import { agingReport, daysBetween, limitationStatus, splitByDue } from '@/lib/ledger';
import { splitDisputed } from '@/lib/ledger/disputed';
import { formatDay, formatMoney, formatNumber, formatPercent } from '@/lib/format';
import { useAccount } from './account';

export function StatusCard() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang, settings } = useApp();
  const a = useAccount();
  const { today } = a;
  const all = useMemo(
    () => a.receivables.filter((r) => r.openMinor > 0 && r.kind === 'invoice' && r.status === 'open'),
    [a.receivables],
  );
  // The one split (lib/ledger/disputed.ts): a document disputed in part counts its undisputed rest as open.
  const split = useMemo(() => splitDisputed(all, a.disputes), [all, a.disputes]);
  // A held retention (质保金) counts on its release date: open, but not overdue before it (lib/ledger/retention.ts).
  const open = useMemo(
    () =>
      splitByDue(split.filter((x) => x.undisputedMinor > 0).map((x) => ({ ...x.doc, openMinor: x.undisputedMinor }))),
    [split],
  );
  const held = useMemo(() => {
    const m = new Map<string, { minor: number; release: string }>();
    for (const r of open)
      if (r.retentionPart && r.dueDate >= today) {
        const e = m.get(r.amount.currency);
        m.set(r.amount.currency, {
          minor: (e?.minor ?? 0) + r.openMinor,
          release: e && e.release < r.dueDate ? e.release : r.dueDate,
        });
      }
    return m;
  }, [open, today]);
  const disputed = useMemo(() => {
    const m = new Map<string, { minor: number; count: number }>();
    for (const x of split)
      if (x.disputedMinor > 0) {
        const e = m.get(x.doc.amount.currency) ?? { minor: 0, count: 0 };
        m.set(x.doc.amount.currency, { minor: e.minor + x.disputedMinor, count: e.count + 1 });
      }
    return m;
  }, [split]);
  const report = useMemo(
    () =>
      agingReport(
        open.map((r) => ({
          dueDate: r.dueDate,
          issueDate: r.issueDate,
          open: { minor: r.openMinor, currency: r.amount.currency },
        })),
        today,
        settings.agingBuckets,
      ),
    [open, today, settings.agingBuckets],
  );
  const currencies = [...new Set([...Object.keys(report.byCurrency), ...disputed.keys()])].sort();
  const noRow = { overdue: 0, total: 0, amounts: report.buckets.map(() => 0) };
  const oldest = open.filter((r) => r.dueDate < today).sort((x, y) => x.dueDate.localeCompare(y.dueDate))[0];
  const pending = a.promises.filter((p) => p.status === 'pending').sort((x, y) => x.date.localeCompare(y.date))[0];
  const kept = a.promises.filter((p) => p.status === 'kept').length;
  const broken = a.promises.filter((p) => p.status === 'broken').length;
  const limit = a.summary?.limitationDeadline
    ? limitationStatus(a.summary.limitationDeadline, today, settings.limitationWarnDays)
    : undefined;
  const credit = a.customer.creditLimit;
  const creditUse =
    credit && credit.minor > 0 ? (report.byCurrency[credit.currency]?.total ?? 0) / credit.minor : undefined;
  const avgLate = a.summary?.avgDaysLate;

  return (
    <section aria-label={t('status')} data-testid="status" className="space-y-2 rounded border border-stone-200 p-2">
      {currencies.length === 0 && <p data-testid="nothing-open">{t('nothingOpen')}</p>}
      {currencies.map((cur) => {
        const row = report.byCurrency[cur] ?? noRow;
        const dis = disputed.get(cur);
        return (
          <div key={cur} data-currency={cur}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span>
                {t('overdue')}{' '}
                <strong
                  data-testid={`overdue-${cur}`}
                  data-minor={row.overdue}
                  className={`text-lg tabular-nums ${row.overdue > 0 ? 'text-red-800' : ''}`}
                >
                  {formatMoney(row.overdue, cur, lang)}
                </strong>
              </span>
              <span className="text-stone-700">
                {t('outstanding')}{' '}
                <strong
                  data-testid={`outstanding-${cur}`}
                  data-minor={row.total + (dis?.minor ?? 0)}
                  className="tabular-nums"
                >
                  {formatMoney(row.total + (dis?.minor ?? 0), cur, lang)}
                </strong>
              </span>
            </div>
            {dis && (
              <p className="text-amber-900" data-testid={`disputed-${cur}`} data-minor={dis.minor}>
                {t('common:playbook.status.disputed')}{' '}
                <strong className="tabular-nums">{formatMoney(dis.minor, cur, lang)}</strong>
                <span className="text-xs"> · {t('common:playbook.status.disputedNote', { count: dis.count })}</span>
              </p>
            )}
            {held.get(cur) && (
              <p className="text-stone-700" data-testid={`retention-held-${cur}`} data-minor={held.get(cur)!.minor}>
                {t('retentionHeld', {
                  amount: formatMoney(held.get(cur)!.minor, cur, lang),
                  date: formatDay(held.get(cur)!.release, lang),
                })}
              </p>
            )}
            <AgingBar buckets={report.buckets} amounts={row.amounts} currency={cur} lang={lang} />
          </div>
        );
      })}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-stone-800">
        {oldest && (
          <>
            <dt className="text-stone-600">{t('oldestItem')}</dt>
            <dd data-testid="oldest">
              {oldest.docNumber} · {formatMoney(oldest.openMinor, oldest.amount.currency, lang)} ·{' '}
              {t('common:daysOverdue', { count: daysBetween(oldest.dueDate, today) })}
            </dd>
          </>
        )}
        {credit && (
          <>
            <dt className="text-stone-600">{t('creditUse')}</dt>
            <dd className={creditUse !== undefined && creditUse > 1 ? 'font-medium text-red-800' : ''}>
              {formatMoney(report.byCurrency[credit.currency]?.total ?? 0, credit.currency, lang)} /{' '}
              {formatMoney(credit.minor, credit.currency, lang)}
              {creditUse !== undefined && ` (${formatPercent(creditUse, lang)})`}
            </dd>
          </>
        )}
        <dt className="text-stone-600">{t('avgDaysLate')}</dt>
        <dd data-testid="avg-days-late">
          {avgLate === undefined ? t('noHistory') : t('daysValue', { days: formatNumber(avgLate, lang) })}
        </dd>
        <dt className="text-stone-600">{t('promiseStatus')}</dt>
        <dd data-testid="promise-status">
          {pending
            ? t('nextPromise', {
                date: formatDay(pending.date, lang),
                amount: formatMoney(pending.amount.minor, pending.amount.currency, lang),
              })
            : t('noPendingPromise')}
          {kept + broken > 0 && <span className="text-stone-600"> · {t('promiseHistory', { kept, broken })}</span>}
        </dd>
      </dl>
      {limit && limit.status !== 'ok' && (
        <p role="alert" data-testid="limitation-warning" className="rounded bg-red-50 p-1.5 text-red-900">
          {limit.status === 'expired'
            ? t('limitationExpired', { date: formatDay(a.summary!.limitationDeadline!, lang) })
            : t('limitationWarn', { date: formatDay(a.summary!.limitationDeadline!, lang), days: limit.daysLeft })}
        </p>
      )}
    </section>
  );
}
