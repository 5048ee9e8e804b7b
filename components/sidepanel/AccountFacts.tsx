/**
 * What the collector judges about the account: the delinquency type (one of METHOD.md's seven, with its control
 * strategy), the credit rating and the next credit review, the credit limit, the customer type and fiscal year.
 * Saves as you type; the playbook reads all of it.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { putCustomer } from '@/lib/db/repo';
import { creditRatings, customerTypes, isoDate, type Customer } from '@/lib/domain';
import { delinquencyTypes } from '@/lib/playbook/catalog';
import { daysBetween } from '@/lib/ledger';
import { formatDay, toMajor } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useAutosavedDraft } from './autosave';
import { useUndo } from './undo';
import { Field, SaveStatus, buttonCls, checkAmount, inputCls, typedMoney, useFieldError } from './fields';

const draftSchema = z
  .object({
    delinquencyType: z.string(),
    creditRating: z.string(),
    nextCreditReview: z.union([z.literal(''), isoDate]),
    creditLimit: z.string().max(40),
    creditCurrency: z.string().regex(/^[A-Za-z]{3}$/),
    type: z.enum(customerTypes),
    fiscalYearStartMonth: z.string(),
    owner: z.string().max(500),
  })
  .superRefine((d, ctx) => checkAmount(ctx, 'creditLimit', d.creditLimit, d.creditCurrency));
type Draft = z.infer<typeof draftSchema>;

function toDraft(c: Customer, baseCurrency: string): Draft {
  return {
    delinquencyType: c.delinquencyType ? String(c.delinquencyType) : '',
    creditRating: c.creditRating ?? '',
    nextCreditReview: c.nextCreditReview ?? '',
    creditLimit: c.creditLimit ? String(toMajor(c.creditLimit.minor, c.creditLimit.currency)) : '',
    creditCurrency: c.creditLimit?.currency ?? baseCurrency,
    type: c.type,
    fiscalYearStartMonth: c.fiscalYearStartMonth ? String(c.fiscalYearStartMonth) : '',
    owner: c.owner ?? '',
  };
}

export function applyDraft(c: Customer, d: Draft, now: number): Customer {
  return {
    ...c,
    delinquencyType: d.delinquencyType ? Number(d.delinquencyType) : undefined,
    creditRating: (d.creditRating || undefined) as Customer['creditRating'],
    nextCreditReview: d.nextCreditReview || undefined,
    creditLimit: typedMoney(d.creditLimit, d.creditCurrency),
    type: d.type,
    fiscalYearStartMonth: d.fiscalYearStartMonth ? Number(d.fiscalYearStartMonth) : undefined,
    owner: d.owner.trim() || undefined,
    updatedAt: now,
  };
}

export function AccountFacts() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang, settings } = useApp();
  const a = useAccount();
  const fieldError = useFieldError();
  const { remove } = useUndo();
  const incoming = useMemo(() => toDraft(a.customer, settings.baseCurrency), [a.customer, settings.baseCurrency]);
  const { draft, set, state, issues } = useAutosavedDraft({
    schema: draftSchema,
    incoming,
    stamp: a.customer.updatedAt,
    save: async (d, now) => {
      const fresh = await getDb().customers.get(a.customer.id);
      if (!fresh) return;
      await putCustomer(getDb(), applyDraft(fresh, d, now), new Date(now));
      notifyDataChanged();
    },
  });
  const type = delinquencyTypes.find((d) => String(d.id) === draft.delinquencyType);
  // Open by default while an overdue account has no judged delinquency type: that judgement drives the playbook.
  // Closed cards render no form, which keeps a customer switch cheap.
  const [open, setOpen] = useState(
    () => !a.customer.delinquencyType && a.receivables.some((r) => r.openMinor > 0 && r.dueDate < a.today),
  );
  const review = a.customer.nextCreditReview;
  const reviewDue = review ? daysBetween(a.today, review) : undefined;

  return (
    <details
      className="rounded border border-stone-200 p-2"
      data-testid="account-facts"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium">
        {t('facts.title')}
        {type && <span className="ml-2 font-normal text-stone-700">· {type.name[lang]}</span>}
        {a.customer.creditRating && (
          <span className="ml-2 font-normal text-stone-700">
            · {t('facts.rating')} {a.customer.creditRating}
          </span>
        )}
      </summary>
      {open && (
        <>
          <div className="mt-2 grid grid-cols-1 gap-2 min-[380px]:grid-cols-2">
            <Field label={t('facts.delinquencyType')}>
              <select
                data-testid="delinquency-type"
                className={inputCls}
                value={draft.delinquencyType}
                onChange={(e) => set({ delinquencyType: e.target.value })}
              >
                <option value="">{t('facts.notJudged')}</option>
                {delinquencyTypes.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id}. {d.name[lang]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('facts.type')}>
              <select
                className={inputCls}
                value={draft.type}
                onChange={(e) => set({ type: e.target.value as Draft['type'] })}
              >
                {customerTypes.map((k) => (
                  <option key={k} value={k}>
                    {t(`common:customerTypes.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            {type && (
              <p className="text-stone-700 min-[380px]:col-span-2" data-testid="delinquency-strategy">
                {type.strategy[lang]}
              </p>
            )}
            <Field label={t('facts.creditRating')}>
              <select
                className={inputCls}
                value={draft.creditRating}
                onChange={(e) => set({ creditRating: e.target.value })}
              >
                <option value="">{t('facts.notRated')}</option>
                {creditRatings.map((r) => (
                  <option key={r} value={r}>
                    {r} · {t(`facts.ratings.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('facts.nextReview')}
              error={fieldError(issues.nextCreditReview)}
              hint={
                reviewDue === undefined
                  ? t('facts.reviewHint')
                  : reviewDue < 0
                    ? t('facts.reviewOverdue', { date: formatDay(review!, lang) })
                    : t('facts.reviewIn', { count: reviewDue })
              }
            >
              <input
                type="date"
                className={inputCls}
                value={draft.nextCreditReview}
                onChange={(e) => set({ nextCreditReview: e.target.value })}
              />
            </Field>
            <Field label={t('facts.creditLimit')} error={fieldError(issues.creditLimit ?? issues.creditCurrency)}>
              <span className="flex gap-1">
                <input
                  inputMode="decimal"
                  className={inputCls}
                  value={draft.creditLimit}
                  onChange={(e) => set({ creditLimit: e.target.value })}
                />
                <input
                  aria-label={t('currency')}
                  className={`${inputCls} w-14 uppercase`}
                  maxLength={3}
                  value={draft.creditCurrency}
                  onChange={(e) => set({ creditCurrency: e.target.value })}
                />
              </span>
            </Field>
            {draft.type === 'government' && (
              <Field label={t('facts.fiscalYear')} hint={t('facts.fiscalYearHint')}>
                <select
                  className={inputCls}
                  value={draft.fiscalYearStartMonth}
                  onChange={(e) => set({ fiscalYearStartMonth: e.target.value })}
                >
                  <option value="">{t('facts.fiscalYearDefault')}</option>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {t('facts.month', { m: i + 1 })}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field label={t('facts.owner')}>
              <input className={inputCls} value={draft.owner} onChange={(e) => set({ owner: e.target.value })} />
            </Field>
          </div>
          <div className="mt-1 flex items-center justify-between">
            <button
              type="button"
              className={buttonCls}
              data-testid="delete-customer"
              onClick={() => void remove('customers', [a.customer.id], a.customer.name)}
            >
              {t('facts.deleteCustomer')}
            </button>
            <SaveStatus state={state} />
          </div>
        </>
      )}
    </details>
  );
}
