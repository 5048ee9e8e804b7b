/**
 * Money received: record a full or partial payment (date, amount, reference) applied to the invoices the customer
 * named or oldest first. The ledger then recomputes the balances, the summary, the popup's totals and any promise
 * the payment covers (lib/promises), in the same write; the toast's Undo takes the payment out again. The payments
 * already held are listed newest first, each deletable with undo.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { deleteRecords, putPayment } from '@/lib/db/repo';
import { isoDate, newId, paymentSchema } from '@/lib/domain';
import { allocationsFor, openAfter } from '@/lib/ledger/paymentPlan';
import { formatDay, formatMoney } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useUndo } from './undo';
import {
  Field,
  buttonCls,
  checkAmount,
  inputCls,
  issuesByField,
  primaryCls,
  typedMoney,
  useFieldError,
} from './fields';

const formSchema = z
  .object({
    amount: z.string().max(40),
    currency: z.string().regex(/^[A-Za-z]{3}$/),
    date: isoDate,
    reference: z.string().max(200),
  })
  .superRefine((d, ctx) => checkAmount(ctx, 'amount', d.amount, d.currency, true));

export function PaymentsCard() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang } = useApp();
  const a = useAccount();
  const clock = useClock();
  const { remove, recorded } = useUndo();
  const fieldError = useFieldError();
  const openInvoices = a.receivables
    .filter((r) => r.kind === 'invoice' && r.openMinor > 0 && r.status !== 'cancelled')
    .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0));
  const firstCurrency = openInvoices[0]?.amount.currency ?? a.settings.baseCurrency;
  const blank = () => ({
    amount: '',
    currency: firstCurrency,
    date: a.today,
    reference: '',
    mode: 'oldest' as 'oldest' | 'invoices',
    invoices: [] as string[],
  });
  const [d, setD] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const currency = d.currency.trim().toUpperCase();
  const inCurrency = openInvoices.filter((r) => r.amount.currency === currency);
  const openTotal = inCurrency.reduce((s, r) => s + r.openMinor, 0);
  const money = typedMoney(d.amount, d.currency);
  const after = money ? openAfter(openTotal, money.minor) : undefined;
  const payments = [...a.payments].sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));

  const save = async () => {
    const parsed = formSchema.safeParse(d);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    if (d.mode === 'invoices' && !d.invoices.length) {
      setErrors({ invoices: 'pick-invoices' });
      return;
    }
    if (d.date > a.today) {
      setErrors({ date: 'future-date' });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const at = clock();
      const amount = typedMoney(d.amount, d.currency)!;
      const chosen = inCurrency.filter((r) => d.invoices.includes(r.id));
      const payment = paymentSchema.parse({
        id: newId('pay'),
        customerId: a.customer.id,
        date: d.date,
        amount,
        allocations: d.mode === 'invoices' ? allocationsFor(amount.minor, chosen) : [],
        ...(d.reference.trim() ? { reference: d.reference.trim() } : {}),
        updatedAt: at.getTime(),
      });
      await putPayment(getDb(), payment, at);
      notifyDataChanged();
      const label = `${formatDay(payment.date, lang)} ${formatMoney(amount.minor, amount.currency, lang)}`;
      recorded(label, async () => {
        await deleteRecords(getDb(), 'payments', [payment.id], label, clock(), a.customer.id);
        notifyDataChanged();
      });
      setD(blank());
      setAdding(false);
    } finally {
      setSaving(false);
    }
  };

  const errorText = (code: string | undefined) =>
    code === 'pick-invoices'
      ? t('payments.pickInvoices')
      : code === 'future-date'
        ? t('payments.futureDate')
        : fieldError(code);

  return (
    <section aria-labelledby="payments-h" data-testid="payments" className="rounded border border-stone-200 p-2">
      <div className="flex items-center justify-between">
        <h2 id="payments-h" className="font-medium">
          {t('payments.title')}
        </h2>
        {!adding && (
          <button type="button" data-testid="payment-add" className={buttonCls} onClick={() => setAdding(true)}>
            {t('payments.add')}
          </button>
        )}
      </div>
      {adding && (
        <form
          data-testid="payment-form"
          className="mt-1 grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t('amount')} error={errorText(errors.amount)}>
            <span className="flex gap-1">
              <input
                autoFocus
                inputMode="decimal"
                data-testid="payment-amount"
                className={inputCls}
                value={d.amount}
                onChange={(e) => setD({ ...d, amount: e.target.value })}
              />
              <input
                aria-label={t('currency')}
                data-testid="payment-currency"
                maxLength={3}
                className={`${inputCls} w-14 uppercase`}
                value={d.currency}
                onChange={(e) => setD({ ...d, currency: e.target.value, invoices: [] })}
              />
            </span>
          </Field>
          <Field label={t('payments.date')} error={errorText(errors.date)}>
            <input
              type="date"
              data-testid="payment-date"
              max={a.today}
              className={inputCls}
              value={d.date}
              onChange={(e) => setD({ ...d, date: e.target.value })}
            />
          </Field>
          <div className="col-span-2">
            <Field label={t('payments.reference')}>
              <input
                data-testid="payment-reference"
                className={inputCls}
                value={d.reference}
                placeholder={t('payments.referenceHint')}
                onChange={(e) => setD({ ...d, reference: e.target.value })}
              />
            </Field>
          </div>
          <fieldset className="col-span-2 space-y-0.5" data-testid="payment-allocation">
            <legend className="text-xs font-medium">{t('payments.applyTo')}</legend>
            <label className="flex items-center gap-1 text-xs">
              <input
                type="radio"
                name="payment-mode"
                checked={d.mode === 'oldest'}
                onChange={() => setD({ ...d, mode: 'oldest', invoices: [] })}
                data-testid="payment-mode-oldest"
              />
              {t('payments.oldestFirst')}
            </label>
            <label className="flex items-center gap-1 text-xs">
              <input
                type="radio"
                name="payment-mode"
                checked={d.mode === 'invoices'}
                onChange={() => setD({ ...d, mode: 'invoices' })}
                data-testid="payment-mode-invoices"
              />
              {t('payments.toInvoices')}
            </label>
            {d.mode === 'invoices' && (
              <ul
                className="max-h-32 overflow-y-auto rounded border border-stone-200 bg-white p-1"
                tabIndex={0}
                aria-label={t('payments.toInvoices')}
              >
                {inCurrency.map((r) => (
                  <li key={r.id}>
                    <label className="flex items-center gap-1 text-xs">
                      <input
                        type="checkbox"
                        data-testid="payment-invoice"
                        data-doc={r.docNumber}
                        checked={d.invoices.includes(r.id)}
                        onChange={(e) =>
                          setD({
                            ...d,
                            invoices: e.target.checked ? [...d.invoices, r.id] : d.invoices.filter((x) => x !== r.id),
                          })
                        }
                      />
                      <span className="min-w-0 truncate">
                        {r.docNumber} · {t('payments.due', { date: formatDay(r.dueDate, lang) })} ·{' '}
                        {formatMoney(r.openMinor, r.amount.currency, lang)}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {errors.invoices && (
              <p role="alert" className="text-xs text-red-800">
                {errorText(errors.invoices)}
              </p>
            )}
          </fieldset>
          {money && after && (
            <p className="col-span-2 text-xs text-stone-700" data-testid="payment-preview">
              {after.overpaid > 0
                ? t('payments.overpaid', { amount: formatMoney(after.overpaid, money.currency, lang) })
                : t('payments.leaves', { amount: formatMoney(after.open, money.currency, lang) })}
            </p>
          )}
          <span className="col-span-2 flex gap-1">
            <button type="submit" data-testid="payment-save" disabled={saving} className={primaryCls}>
              {t('payments.save')}
            </button>
            <button
              type="button"
              className={buttonCls}
              onClick={() => {
                setAdding(false);
                setErrors({});
                setD(blank());
              }}
            >
              {t('common:cancel')}
            </button>
          </span>
        </form>
      )}
      {payments.length === 0 && !adding && <p className="text-stone-700">{t('payments.none')}</p>}
      <ul className="divide-y divide-stone-100">
        {payments.slice(0, 20).map((p) => {
          const label = `${formatDay(p.date, lang)} ${formatMoney(p.amount.minor, p.amount.currency, lang)}`;
          return (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-x-2 py-1" data-payment-id={p.id}>
              <span className="tabular-nums">
                {label}
                {p.reference && <span className="text-stone-700"> · {p.reference}</span>}
              </span>
              <button
                type="button"
                className="text-xs text-stone-600 underline"
                aria-label={`${t('common:delete')} ${label}`}
                onClick={() => void remove('payments', [p.id], label, a.customer.id)}
              >
                {t('common:delete')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
