/**
 * The nine payment-process questions (客户付款流程九问) as a form that saves as you type, with a completeness
 * meter. An unanswered question shows what to ask and whom — the empty state teaches the method.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { putProfile } from '@/lib/db/repo';
import { budgetCycles, paymentProcessProfileSchema, type PaymentProcessProfile } from '@/lib/domain';
import { nineQuestionAnswered } from '@/lib/ledger';
import { nineQuestions } from '@/lib/playbook/catalog';
import { toMajor } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useAutosavedDraft } from './autosave';
import { ContactPicker } from './contacts';
import { Field, SaveStatus, buttonCls, checkAmount, inputCls, typedMoney, useFieldError } from './fields';

const day = z.string().regex(/^\s*(|[1-9]|[12]\d|3[01])\s*$/, 'day');
const draftSchema = z
  .object({
    collectionTrigger: z.string().max(500),
    amount: z.string().max(40),
    amountCurrency: z.string().regex(/^[A-Za-z]{3}$/),
    amountNote: z.string().max(500),
    budgetRequired: z.enum(['', 'yes', 'no']),
    budgetCycle: z.enum(['', ...budgetCycles]),
    budgetNote: z.string().max(500),
    initiatorContactId: z.string(),
    signerContactId: z.string(),
    keyPeople: z
      .array(z.object({ contactId: z.string(), role: z.string().max(500), ourOwner: z.string().max(500) }))
      .max(30),
    invoicingRequirements: z.string().max(500),
    bookClosingDay: day,
    bank: z.string().max(500),
    bankClosingDay: day,
    transferDays: z.string().regex(/^\s*(\d{1,2})?\s*$/, 'days'),
    fundingAndCredit: z.string().max(500),
  })
  .superRefine((d, ctx) => checkAmount(ctx, 'amount', d.amount, d.amountCurrency));
type Draft = z.infer<typeof draftSchema>;

export function profileToDraft(p: PaymentProcessProfile | undefined, baseCurrency: string): Draft {
  return {
    collectionTrigger: p?.collectionTrigger ?? '',
    amount: p?.amountToCollect ? String(toMajor(p.amountToCollect.minor, p.amountToCollect.currency)) : '',
    amountCurrency: p?.amountToCollect?.currency ?? baseCurrency,
    amountNote: p?.amountNote ?? '',
    budgetRequired: p?.budgetRequired === undefined ? '' : p.budgetRequired ? 'yes' : 'no',
    budgetCycle: p?.budgetCycle ?? '',
    budgetNote: p?.budgetNote ?? '',
    initiatorContactId: p?.initiatorContactId ?? '',
    signerContactId: p?.signerContactId ?? '',
    keyPeople: (p?.keyPeople ?? []).map((k) => ({
      contactId: k.contactId ?? '',
      role: k.role ?? '',
      ourOwner: k.ourOwner ?? '',
    })),
    invoicingRequirements: p?.invoicingRequirements ?? '',
    bookClosingDay: p?.bookClosingDay ? String(p.bookClosingDay) : '',
    bank: p?.bank ?? '',
    bankClosingDay: p?.bankClosingDay ? String(p.bankClosingDay) : '',
    transferDays: p?.transferDays !== undefined ? String(p.transferDays) : '',
    fundingAndCredit: p?.fundingAndCredit ?? '',
  };
}

export function draftToProfile(customerId: string, d: Draft, now: number): PaymentProcessProfile {
  const txt = (s: string) => s.trim() || undefined;
  const num = (s: string) => (s.trim() ? Number(s.trim()) : undefined);
  return paymentProcessProfileSchema.parse({
    customerId,
    collectionTrigger: txt(d.collectionTrigger),
    amountToCollect: typedMoney(d.amount, d.amountCurrency),
    amountNote: txt(d.amountNote),
    budgetRequired: d.budgetRequired === '' ? undefined : d.budgetRequired === 'yes',
    budgetCycle: d.budgetCycle || undefined,
    budgetNote: txt(d.budgetNote),
    initiatorContactId: txt(d.initiatorContactId),
    signerContactId: txt(d.signerContactId),
    keyPeople: d.keyPeople
      .filter((k) => k.contactId)
      .map((k) => ({ contactId: k.contactId, role: txt(k.role), ourOwner: txt(k.ourOwner) })),
    invoicingRequirements: txt(d.invoicingRequirements),
    bookClosingDay: num(d.bookClosingDay),
    bank: txt(d.bank),
    bankClosingDay: num(d.bankClosingDay),
    transferDays: num(d.transferDays),
    fundingAndCredit: txt(d.fundingAndCredit),
    updatedAt: now,
  });
}

export function NineQuestions() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang, settings } = useApp();
  const a = useAccount();
  const fieldError = useFieldError();
  const incoming = useMemo(() => profileToDraft(a.profile, settings.baseCurrency), [a.profile, settings.baseCurrency]);
  const { draft, set, state, issues } = useAutosavedDraft({
    schema: draftSchema,
    incoming,
    stamp: a.profile?.updatedAt,
    save: async (d, now) => {
      await putProfile(getDb(), draftToProfile(a.customer.id, d, now), new Date(now));
      notifyDataChanged();
    },
  });
  const answered = useMemo(() => {
    const parsed = draftSchema.safeParse(draft);
    return parsed.success
      ? nineQuestionAnswered(draftToProfile(a.customer.id, parsed.data, 0))
      : nineQuestionAnswered(a.profile);
  }, [draft, a.customer.id, a.profile]);
  const n = answered.filter(Boolean).length;
  const [open, setOpen] = useState(false);

  const q = (i: number, body: React.ReactNode) => {
    const item = nineQuestions[i];
    return (
      <li key={item.n} className="py-1.5" data-question={item.n} data-answered={answered[i]}>
        <div className="flex items-baseline gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block h-2 w-2 shrink-0 rounded-full ${answered[i] ? 'bg-emerald-600' : 'bg-stone-300'}`}
          />
          <span className="font-medium">
            {item.n}. {item.q[lang]}
          </span>
          <span className="sr-only">{answered[i] ? t('nine.answered') : t('nine.unanswered')}</span>
        </div>
        <p className="text-xs text-stone-600">{item.why[lang]}</p>
        {!answered[i] && (
          <p className="text-xs text-amber-900" data-testid={`ask-${item.n}`}>
            {t('nine.ask')}: {item.ask[lang]}
          </p>
        )}
        <div className="mt-1 space-y-1">{body}</div>
      </li>
    );
  };

  return (
    <details
      className="rounded border border-stone-200 p-2"
      data-testid="nine-questions"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary className="cursor-pointer font-medium">
        <span>{t('nine.title')}</span>
        <span
          className="ml-2 inline-flex items-center gap-1 align-middle font-normal"
          data-testid="nine-meter"
          data-answered={n}
        >
          <meter
            min={0}
            max={9}
            value={n}
            low={4}
            high={8}
            optimum={9}
            className="h-2 w-16"
            aria-label={t('nine.meter', { n })}
          />
          <span className="tabular-nums text-stone-700">{n}/9</span>
        </span>
        <span className="float-right">
          <SaveStatus state={state} />
        </span>
      </summary>
      {open && (
        <ol className="mt-1 divide-y divide-stone-100">
          {q(
            0,
            <textarea
              rows={2}
              aria-label={nineQuestions[0].q[lang]}
              data-testid="q1"
              className={inputCls}
              value={draft.collectionTrigger}
              placeholder={t('nine.q1placeholder')}
              onChange={(e) => set({ collectionTrigger: e.target.value })}
            />,
          )}
          {q(
            1,
            <>
              <span className="flex gap-1">
                <input
                  inputMode="decimal"
                  aria-label={t('nine.amount')}
                  placeholder={t('nine.amount')}
                  className={inputCls}
                  value={draft.amount}
                  onChange={(e) => set({ amount: e.target.value })}
                />
                <input
                  aria-label={t('currency')}
                  maxLength={3}
                  className={`${inputCls} w-14 uppercase`}
                  value={draft.amountCurrency}
                  onChange={(e) => set({ amountCurrency: e.target.value })}
                />
              </span>
              {(issues.amount || issues.amountCurrency) && (
                <span role="alert" className="block text-xs text-red-800">
                  {fieldError(issues.amount ?? issues.amountCurrency)}
                </span>
              )}
              <input
                aria-label={t('nine.amountNote')}
                placeholder={t('nine.amountNote')}
                className={inputCls}
                value={draft.amountNote}
                onChange={(e) => set({ amountNote: e.target.value })}
              />
            </>,
          )}
          {q(
            2,
            <>
              <span className="flex flex-wrap gap-1" role="radiogroup" aria-label={nineQuestions[2].q[lang]}>
                {(['yes', 'no', ''] as const).map((v) => (
                  <label key={v || 'unknown'} className="flex items-center gap-1">
                    <input
                      type="radio"
                      name="budgetRequired"
                      checked={draft.budgetRequired === v}
                      onChange={() => set({ budgetRequired: v })}
                    />
                    {t(`nine.budget.${v || 'unknown'}`)}
                  </label>
                ))}
              </span>
              {draft.budgetRequired === 'yes' && (
                <select
                  aria-label={t('nine.budgetCycle')}
                  className={inputCls}
                  value={draft.budgetCycle}
                  onChange={(e) => set({ budgetCycle: e.target.value as Draft['budgetCycle'] })}
                >
                  <option value="">{t('nine.budgetCycle')}</option>
                  {budgetCycles.map((c) => (
                    <option key={c} value={c}>
                      {t(`nine.cycles.${c}`)}
                    </option>
                  ))}
                </select>
              )}
              <input
                aria-label={t('nine.budgetNote')}
                placeholder={t('nine.budgetNote')}
                className={inputCls}
                value={draft.budgetNote}
                onChange={(e) => set({ budgetNote: e.target.value })}
              />
            </>,
          )}
          {q(
            3,
            <ContactPicker
              label={nineQuestions[3].q[lang]}
              testId="q4"
              value={draft.initiatorContactId || undefined}
              onChange={(id) => set({ initiatorContactId: id ?? '' })}
            />,
          )}
          {q(
            4,
            <ContactPicker
              label={nineQuestions[4].q[lang]}
              testId="q5"
              value={draft.signerContactId || undefined}
              onChange={(id) => set({ signerContactId: id ?? '' })}
            />,
          )}
          {q(
            5,
            <>
              {draft.keyPeople.map((k, i) => (
                <div
                  key={i}
                  className="grid grid-cols-1 gap-1 rounded bg-stone-50 p-1 min-[380px]:grid-cols-[1fr_1fr_auto]"
                >
                  <ContactPicker
                    label={t('nine.keyPerson')}
                    value={k.contactId || undefined}
                    onChange={(id) =>
                      set({ keyPeople: draft.keyPeople.map((x, j) => (j === i ? { ...x, contactId: id ?? '' } : x)) })
                    }
                  />
                  <input
                    aria-label={t('nine.keyRole')}
                    placeholder={t('nine.keyRole')}
                    className={inputCls}
                    value={k.role}
                    onChange={(e) =>
                      set({ keyPeople: draft.keyPeople.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)) })
                    }
                  />
                  <button
                    type="button"
                    className={buttonCls}
                    aria-label={t('nine.removeKeyPerson')}
                    onClick={() => set({ keyPeople: draft.keyPeople.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                  <input
                    aria-label={t('nine.ourOwner')}
                    placeholder={t('nine.ourOwner')}
                    className={`${inputCls} min-[380px]:col-span-3`}
                    value={k.ourOwner}
                    onChange={(e) =>
                      set({
                        keyPeople: draft.keyPeople.map((x, j) => (j === i ? { ...x, ourOwner: e.target.value } : x)),
                      })
                    }
                  />
                </div>
              ))}
              <button
                type="button"
                className={buttonCls}
                onClick={() =>
                  set({ keyPeople: [...draft.keyPeople, { contactId: '', role: '', ourOwner: settings.owner ?? '' }] })
                }
              >
                {t('nine.addKeyPerson')}
              </button>
            </>,
          )}
          {q(
            6,
            <textarea
              rows={2}
              aria-label={nineQuestions[6].q[lang]}
              className={inputCls}
              value={draft.invoicingRequirements}
              placeholder={t('nine.q7placeholder')}
              onChange={(e) => set({ invoicingRequirements: e.target.value })}
            />,
          )}
          {q(
            7,
            <div className="grid grid-cols-2 gap-1">
              <Field label={t('nine.bookClosingDay')} error={fieldError(issues.bookClosingDay)}>
                <input
                  inputMode="numeric"
                  className={inputCls}
                  value={draft.bookClosingDay}
                  onChange={(e) => set({ bookClosingDay: e.target.value })}
                />
              </Field>
              <Field label={t('nine.bankClosingDay')} error={fieldError(issues.bankClosingDay)}>
                <input
                  inputMode="numeric"
                  className={inputCls}
                  value={draft.bankClosingDay}
                  onChange={(e) => set({ bankClosingDay: e.target.value })}
                />
              </Field>
              <Field label={t('nine.bank')}>
                <input className={inputCls} value={draft.bank} onChange={(e) => set({ bank: e.target.value })} />
              </Field>
              <Field label={t('nine.transferDays')} error={fieldError(issues.transferDays)}>
                <input
                  inputMode="numeric"
                  className={inputCls}
                  value={draft.transferDays}
                  onChange={(e) => set({ transferDays: e.target.value })}
                />
              </Field>
            </div>,
          )}
          {q(
            8,
            <textarea
              rows={2}
              aria-label={nineQuestions[8].q[lang]}
              className={inputCls}
              value={draft.fundingAndCredit}
              placeholder={t('nine.q9placeholder')}
              onChange={(e) => set({ fundingAndCredit: e.target.value })}
            />,
          )}
        </ol>
      )}
    </details>
  );
}
