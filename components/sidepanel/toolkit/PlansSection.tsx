/**
 * 还款计划: agree instalments over chosen documents (total split evenly, first date, every N months), print the
 * agreement, follow each instalment by its promise, and on a missed one send the acceleration notice the terms allow.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionUrl } from '@/lib/browser/pages';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { addMonths } from '@/lib/ledger/dates';
import { formatDay, formatMoney, parseTypedAmount, toMajor } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { acceleratePlan, createPaymentPlan } from '@/lib/toolkit/store';
import { evenInstalments, planProgress } from '@/lib/toolkit/plans';
import type { PaymentPlan } from '@/lib/toolkit/records';
import { useAccount } from '../account';
import { Field, buttonCls, inputCls, primaryCls } from '../fields';
import type { ToolkitData } from './data';

const stateCls: Record<string, string> = {
  pending: 'bg-blue-100 text-blue-900',
  kept: 'bg-emerald-100 text-emerald-900',
  'partly-kept': 'bg-amber-100 text-amber-900',
  broken: 'bg-red-100 text-red-900',
  cancelled: 'bg-stone-100 text-stone-700',
};

export function PlansSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const a = useAccount();
  const clock = useClock();
  const overdue = a.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0);
  const currency = overdue[0]?.amount.currency ?? 'CNY';
  const [adding, setAdding] = useState(false);
  const [docs, setDocs] = useState<string[]>(() =>
    overdue.filter((r) => r.amount.currency === currency).map((r) => r.id),
  );
  const sumDocs = overdue.filter((r) => docs.includes(r.id)).reduce((s, r) => s + r.openMinor, 0);
  const [total, setTotal] = useState(() => String(toMajor(sumDocs, currency)));
  const [count, setCount] = useState('3');
  const [first, setFirst] = useState(() => addMonths(a.today, 1));
  const [every, setEvery] = useState('1');
  const [grace, setGrace] = useState('0');
  const [accelerate, setAccelerate] = useState(true);
  const [error, setError] = useState<string>();

  const save = async () => {
    const amt = parseTypedAmount(total, currency);
    const n = Number(count);
    if (!docs.length) {
      setError(t('plans.errors.docs'));
      return;
    }
    if ('error' in amt || amt.minor <= 0) {
      setError(t('plans.errors.total'));
      return;
    }
    if (!Number.isInteger(n) || n < 1 || n > 120) {
      setError(t('plans.errors.count'));
      return;
    }
    try {
      setError(undefined);
      const rows = evenInstalments(amt.minor, n, first, Math.max(1, Number(every) || 1), addMonths);
      await createPaymentPlan(
        getDb(),
        {
          customerId: a.customer.id,
          agreedOn: a.today,
          receivableIds: docs,
          graceDays: Math.max(0, Number(grace) || 0),
          accelerateOnMiss: accelerate,
          instalments: rows.map((r) => ({ date: r.date, amount: { minor: r.minor, currency } })),
        },
        clock(),
      );
      notifyDataChanged();
      setAdding(false);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="space-y-2" data-testid="plans">
      {!adding && (
        <button type="button" className={buttonCls} data-testid="plan-add" onClick={() => setAdding(true)}>
          {t('plans.create')}
        </button>
      )}
      {adding && (
        <form
          className="grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          data-testid="plan-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset className="col-span-2 text-xs">
            <legend className="font-medium text-stone-700">{t('plans.covered')}</legend>
            {overdue
              .filter((r) => r.amount.currency === currency)
              .map((r) => (
                <label key={r.id} className="flex gap-1">
                  <input
                    type="checkbox"
                    checked={docs.includes(r.id)}
                    onChange={(e) => setDocs(e.target.checked ? [...docs, r.id] : docs.filter((x) => x !== r.id))}
                  />
                  {r.docNumber} · {formatMoney(r.openMinor, currency, lang)}
                </label>
              ))}
          </fieldset>
          <Field label={`${t('plans.total')} (${currency})`}>
            <input
              className={inputCls}
              data-testid="plan-total"
              inputMode="decimal"
              value={total}
              onChange={(e) => setTotal(e.target.value)}
            />
          </Field>
          <Field label={t('plans.count')}>
            <input
              className={inputCls}
              data-testid="plan-count"
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          </Field>
          <Field label={t('plans.first')}>
            <input
              type="date"
              className={inputCls}
              data-testid="plan-first"
              value={first}
              onChange={(e) => setFirst(e.target.value)}
            />
          </Field>
          <Field label={t('plans.every')}>
            <input className={inputCls} inputMode="numeric" value={every} onChange={(e) => setEvery(e.target.value)} />
          </Field>
          <Field label={t('plans.grace')}>
            <input className={inputCls} inputMode="numeric" value={grace} onChange={(e) => setGrace(e.target.value)} />
          </Field>
          <label className="col-span-2 flex gap-1 text-xs">
            <input type="checkbox" checked={accelerate} onChange={(e) => setAccelerate(e.target.checked)} />
            {t('plans.accelerate')}
          </label>
          <button type="submit" className={`${primaryCls} col-span-2`} data-testid="plan-save">
            {t('plans.save')}
          </button>
          {error && (
            <p role="alert" className="col-span-2 text-xs text-red-800">
              {error}
            </p>
          )}
        </form>
      )}
      {data.plans.length === 0 && !adding && <p className="text-stone-700">{t('plans.none')}</p>}
      <ul className="space-y-2">
        {data.plans.map((p) => (
          <PlanRow key={p.id} plan={p} />
        ))}
      </ul>
    </div>
  );
}

function PlanRow({ plan }: { plan: PaymentPlan }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const progress = planProgress(plan, a.promises);
  const url = extensionUrl(`/statement.html?plan=${encodeURIComponent(plan.id)}&lang=${lang}`);
  const status = progress.completed ? 'completed' : plan.status;
  const accelerate = async () => {
    await acceleratePlan(getDb(), plan.id, a.today, progress.restMinor, clock());
    notifyDataChanged();
  };
  return (
    <li className="rounded border border-stone-200 p-1.5" data-plan-id={plan.id} data-status={status}>
      <div className="flex flex-wrap items-center justify-between gap-1">
        <span className="font-medium">{plan.reference}</span>
        <span className="text-xs" data-testid="plan-status">
          {t(`plans.status.${status}`)}
        </span>
      </div>
      <ol className="mt-1 space-y-0.5 text-xs tabular-nums">
        {progress.instalments.map((i) => (
          <li key={i.index} className="flex justify-between gap-1" data-instalment={i.index + 1} data-state={i.state}>
            <span>
              {t('plans.instalment', {
                n: i.index + 1,
                date: formatDay(i.date, lang),
                amount: formatMoney(i.minor, i.currency, lang),
              })}
              {i.paidMinor > 0 && i.state !== 'kept' && ` · ${formatMoney(i.paidMinor, i.currency, lang)}`}
            </span>
            <span className={`rounded px-1 ${stateCls[i.state]}`}>{t(`plans.state.${i.state}`)}</span>
          </li>
        ))}
      </ol>
      <p className="mt-1 text-xs text-stone-700">{t('plans.limitation')}</p>
      {progress.shouldAccelerate && progress.missed && (
        <div className="mt-1 rounded border border-red-300 bg-red-50 p-1.5 text-xs" data-testid="plan-missed">
          <p>
            {t('plans.missed', {
              n: progress.missed.index + 1,
              amount: formatMoney(progress.restMinor, progress.currency, lang),
            })}
          </p>
          <button
            type="button"
            className={`${primaryCls} mt-1`}
            data-testid="plan-accelerate"
            onClick={() => void accelerate()}
          >
            {t('plans.accelerateNow')}
          </button>
        </div>
      )}
      {plan.status === 'accelerated' && plan.acceleratedOn && (
        <p className="mt-1 text-xs text-red-800" data-testid="plan-accelerated">
          {t('plans.accelerated', { date: formatDay(plan.acceleratedOn, lang) })}
        </p>
      )}
      <a
        className={`${buttonCls} mt-1 inline-block text-xs`}
        href={url}
        target="_blank"
        rel="noopener"
        data-testid="plan-print"
      >
        {t('plans.print')}
      </a>
    </li>
  );
}
