/**
 * Disputes with their category and the disputed part of a document; the undisputed rest is what to demand
 * (条例 art. 15), and arts. 12 and 14 are offered where the regulation applies and the contract does not make the
 * audit or the internal process a condition.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { formatDay, formatMoney, parseTypedAmount } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { saveDispute } from '@/lib/toolkit/store';
import { regulationArguments, undisputedParts } from '@/lib/toolkit/disputes';
import { type Dispute, type DisputeCategory, disputeCategories } from '@/lib/toolkit/records';
import { useAccount } from '../account';
import { Field, buttonCls, inputCls, primaryCls } from '../fields';
import type { ToolkitData } from './data';
import { eligibilityOf } from './shared';

export function DisputesSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const open = a.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0);
  const [adding, setAdding] = useState(false);
  const [doc, setDoc] = useState(open[0]?.id ?? '');
  const [category, setCategory] = useState<DisputeCategory>('quality');
  const [amount, setAmount] = useState('');
  const [owner, setOwner] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [condition, setCondition] = useState(false);
  const [error, setError] = useState<string>();
  const parts = new Map(undisputedParts(a.receivables, data.disputes).map((p) => [p.receivableId, p]));
  const check = eligibilityOf(a, data.disputes, data.terms);
  // The regulation's arguments need an SME creditor and a covered debtor; unknown counts as not (yet) applying.
  const regulationApplies = check.conditions.every((c) =>
    c.key === 'weWereSme' || c.key === 'debtorCovered' ? c.met === true : true,
  );

  const save = async () => {
    const r = open.find((x) => x.id === doc);
    if (!r) return;
    const amt = parseTypedAmount(amount, r.amount.currency);
    if ('error' in amt || amt.minor <= 0) {
      setError(t('disputes.errors.amount'));
      return;
    }
    try {
      setError(undefined);
      await saveDispute(
        getDb(),
        {
          customerId: a.customer.id,
          receivableId: r.id,
          category,
          disputedMinor: amt.minor,
          currency: r.amount.currency,
          raisedOn: a.today,
          owner: owner.trim() || undefined,
          nextStep: nextStep.trim() || undefined,
          contractMakesItACondition: condition,
          status: 'open',
        },
        clock(),
      );
      notifyDataChanged();
      setAdding(false);
      setAmount('');
    } catch (e) {
      setError(t('disputes.errors.save', { message: (e as Error).message }));
    }
  };
  const [resolving, setResolving] = useState<{ id: string; text: string }>();
  const resolve = async (d: Dispute, resolution: string) => {
    if (!resolution.trim()) return;
    await saveDispute(
      getDb(),
      { ...d, status: 'resolved', resolvedOn: a.today, resolution: resolution.trim() },
      clock(),
    );
    notifyDataChanged();
    setResolving(undefined);
  };

  return (
    <div className="space-y-2" data-testid="disputes">
      {!adding && (
        <button type="button" className={buttonCls} data-testid="dispute-add" onClick={() => setAdding(true)}>
          {t('disputes.add')}
        </button>
      )}
      {adding && (
        <form
          className="grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          data-testid="dispute-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t('disputes.doc')}>
            <select className={inputCls} data-testid="dispute-doc" value={doc} onChange={(e) => setDoc(e.target.value)}>
              {open.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.docNumber} · {formatMoney(r.openMinor, r.amount.currency, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('disputes.category')}>
            <select
              className={inputCls}
              data-testid="dispute-category"
              value={category}
              onChange={(e) => setCategory(e.target.value as DisputeCategory)}
            >
              {disputeCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`disputes.categories.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('disputes.amount')} error={error}>
            <input
              className={inputCls}
              data-testid="dispute-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </Field>
          <Field label={t('disputes.owner')}>
            <input className={inputCls} value={owner} onChange={(e) => setOwner(e.target.value)} />
          </Field>
          <div className="col-span-2">
            <Field label={t('disputes.nextStep')}>
              <input className={inputCls} value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
            </Field>
          </div>
          <label className="col-span-2 flex gap-1 text-xs">
            <input type="checkbox" checked={condition} onChange={(e) => setCondition(e.target.checked)} />
            {t('disputes.condition')}
          </label>
          <button type="submit" className={`${primaryCls} col-span-2`} data-testid="dispute-save">
            {t('disputes.save')}
          </button>
        </form>
      )}
      {data.disputes.length === 0 && !adding && <p className="text-stone-700">{t('disputes.none')}</p>}
      <ul className="space-y-2">
        {data.disputes.map((d) => {
          const r = a.receivables.find((x) => x.id === d.receivableId);
          const part = parts.get(d.receivableId);
          const args =
            d.status === 'open' ? regulationArguments(d, regulationApplies, !!part && part.undisputedMinor > 0) : [];
          return (
            <li
              key={d.id}
              className="rounded border border-stone-200 p-1.5 text-xs"
              data-dispute-id={d.id}
              data-status={d.status}
            >
              <p className="font-medium">
                {r?.docNumber ?? d.receivableId} · {t(`disputes.categories.${d.category}`)} ·{' '}
                {formatMoney(d.disputedMinor, d.currency, lang)}
              </p>
              {(d.owner || d.nextStep) && (
                <p className="text-stone-700">{[d.owner, d.nextStep].filter(Boolean).join(' · ')}</p>
              )}
              {d.status === 'open' && part && part.undisputedMinor > 0 && (
                <p className="text-blue-900" data-testid="dispute-rest" data-undisputed-minor={part.undisputedMinor}>
                  {t('disputes.rest', {
                    doc: part.docNumber,
                    disputed: formatMoney(part.disputedMinor, part.currency, lang),
                    rest: formatMoney(part.undisputedMinor, part.currency, lang),
                  })}
                </p>
              )}
              {args.length > 0 && (
                <ul className="list-disc pl-4" data-testid="dispute-args">
                  {args.map((k) => (
                    <li key={k} data-article={k}>
                      {t(`disputes.args.${k}`)}
                    </li>
                  ))}
                </ul>
              )}
              {d.status === 'resolved' ? (
                <p className="text-emerald-800">
                  {t('disputes.resolved', {
                    date: formatDay(d.resolvedOn ?? a.today, lang),
                    resolution: d.resolution ?? '',
                  })}
                </p>
              ) : resolving?.id === d.id ? (
                <form
                  className="mt-1 flex gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void resolve(d, resolving.text);
                  }}
                >
                  <input
                    autoFocus
                    aria-label={t('disputes.resolution')}
                    placeholder={t('disputes.resolution')}
                    className={inputCls}
                    value={resolving.text}
                    onChange={(e) => setResolving({ id: d.id, text: e.target.value })}
                  />
                  <button type="submit" className={primaryCls}>
                    {t('disputes.resolve')}
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className={`${buttonCls} mt-1`}
                  onClick={() => setResolving({ id: d.id, text: '' })}
                >
                  {t('disputes.resolve')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
