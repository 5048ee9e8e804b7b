/**
 * Payment promises: add one from the panel (usually mid-call), see each turn kept or broken by itself as payments
 * arrive or the date plus grace passes (lib/promises runs on every write), cancel or delete with undo.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { putPromise } from '@/lib/db/repo';
import { isoDate, newId, paymentPromiseSchema, type PaymentPromise } from '@/lib/domain';
import { addDays } from '@/lib/ledger';
import { formatDay, formatMoney } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useUndo } from './undo';
import { ContactPicker } from './contacts';
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
import { useClock } from '@/components/app/clock';
import { promisesInOrder, promiseWarnings } from '@/lib/promises/checks';

const formSchema = z
  .object({
    amount: z.string().max(40),
    currency: z.string().regex(/^[A-Za-z]{3}$/),
    date: isoDate,
  })
  .superRefine((d, ctx) => checkAmount(ctx, 'amount', d.amount, d.currency, true));

const statusCls: Record<PaymentPromise['status'], string> = {
  pending: 'bg-blue-100 text-blue-900',
  kept: 'bg-emerald-100 text-emerald-900',
  broken: 'bg-red-100 text-red-900',
  cancelled: 'bg-stone-100 text-stone-700',
};

export function PromisesCard() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang } = useApp();
  const a = useAccount();
  const { remove } = useUndo();
  const clock = useClock();
  const fieldError = useFieldError();
  const firstOpen = a.receivables.find((r) => r.openMinor > 0 && r.kind === 'invoice');
  const blank = () => ({
    amount: '',
    currency: firstOpen?.amount.currency ?? 'CNY',
    date: addDays(a.today, 7),
    promisedBy: '',
    note: '',
    invoices: [] as string[],
  });
  const [d, setD] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  // The next one due first: that is the one to watch (settled ones follow, latest first).
  const sorted = promisesInOrder(a.promises);
  const warnings = promiseWarnings(a.promises, a.receivables);
  const docOf = (id: string) => a.receivables.find((r) => r.id === id)?.docNumber ?? id;
  const openInvoices = a.receivables.filter(
    (r) => r.kind === 'invoice' && r.openMinor > 0 && r.amount.currency === d.currency.trim().toUpperCase(),
  );

  const save = async () => {
    const parsed = formSchema.safeParse(d);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    setErrors({});
    const at = clock();
    const now = at.getTime();
    await putPromise(
      getDb(),
      paymentPromiseSchema.parse({
        id: newId('pr'),
        customerId: a.customer.id,
        amount: typedMoney(d.amount, d.currency),
        date: d.date,
        source: 'call',
        status: 'pending',
        promisedBy: d.promisedBy ? a.contacts.find((c) => c.id === d.promisedBy)?.name : undefined,
        note: d.note.trim() || undefined,
        receivableIds: d.invoices,
        createdAt: now,
        updatedAt: now,
      }),
      at,
    );
    notifyDataChanged();
    setD(blank());
    setAdding(false);
  };
  const cancel = async (p: PaymentPromise) => {
    const at = clock();
    await putPromise(getDb(), { ...p, status: 'cancelled', updatedAt: at.getTime() }, at);
    notifyDataChanged();
  };

  return (
    <section aria-labelledby="promises-h" data-testid="promises" className="rounded border border-stone-200 p-2">
      <div className="flex items-center justify-between">
        <h2 id="promises-h" className="font-medium">
          {t('promises')}
        </h2>
        {!adding && (
          <button type="button" data-testid="promise-add" className={buttonCls} onClick={() => setAdding(true)}>
            {t('promise.add')}
          </button>
        )}
      </div>
      {adding && (
        <form
          data-testid="promise-form"
          className="mt-1 grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label={t('amount')} error={fieldError(errors.amount)}>
            <span className="flex gap-1">
              <input
                autoFocus
                inputMode="decimal"
                data-testid="promise-amount"
                className={inputCls}
                value={d.amount}
                onChange={(e) => setD({ ...d, amount: e.target.value })}
              />
              <input
                aria-label={t('currency')}
                maxLength={3}
                className={`${inputCls} w-14 uppercase`}
                value={d.currency}
                onChange={(e) => setD({ ...d, currency: e.target.value })}
              />
            </span>
          </Field>
          <Field label={t('date')} error={fieldError(errors.date)}>
            <input
              type="date"
              data-testid="promise-date"
              className={inputCls}
              value={d.date}
              onChange={(e) => setD({ ...d, date: e.target.value })}
            />
          </Field>
          <div className="col-span-2">
            <Field label={t('promise.by')}>
              <ContactPicker
                label={t('promise.by')}
                value={d.promisedBy || undefined}
                onChange={(id) => setD({ ...d, promisedBy: id ?? '' })}
              />
            </Field>
          </div>
          {openInvoices.length > 0 && (
            <fieldset className="col-span-2" data-testid="promise-invoices">
              <legend className="text-xs font-medium">{t('promiseChecks.invoices')}</legend>
              <ul
                className="max-h-24 overflow-y-auto rounded border border-stone-200 bg-white p-1"
                tabIndex={0}
                aria-label={t('promiseChecks.invoices')}
              >
                {openInvoices.map((r) => (
                  <li key={r.id}>
                    <label className="flex items-center gap-1 text-xs">
                      <input
                        type="checkbox"
                        data-testid="promise-invoice"
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
                        {r.docNumber} · {formatMoney(r.openMinor, r.amount.currency, lang)}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <input
            aria-label={t('promise.note')}
            placeholder={t('promise.note')}
            className={`${inputCls} col-span-2`}
            value={d.note}
            onChange={(e) => setD({ ...d, note: e.target.value })}
          />
          <span className="col-span-2 flex gap-1">
            <button type="submit" data-testid="promise-save" className={primaryCls}>
              {t('savePromise')}
            </button>
            <button
              type="button"
              className={buttonCls}
              onClick={() => {
                setAdding(false);
                setErrors({});
              }}
            >
              {t('common:cancel')}
            </button>
          </span>
        </form>
      )}
      {warnings.map((w) => (
        <p
          key={`${w.kind}-${w.kind === 'overlap' ? w.receivableId : w.currency}`}
          role="note"
          data-testid={`promise-warning-${w.kind}`}
          className="mt-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900"
        >
          {w.kind === 'overlap'
            ? t('promiseChecks.overlap', {
                doc: docOf(w.receivableId),
                dates: w.promiseIds.map((id) => formatDay(a.promises.find((p) => p.id === id)!.date, lang)).join(', '),
              })
            : t('promiseChecks.exceeds', {
                currency: w.currency,
                promised: formatMoney(w.promisedMinor, w.currency, lang),
                open: formatMoney(w.openMinor, w.currency, lang),
              })}
        </p>
      ))}
      {sorted.length === 0 && !adding && <p className="text-stone-700">{t('promise.empty')}</p>}
      <ul className="divide-y divide-stone-100">
        {sorted.map((p) => (
          <li
            key={p.id}
            className="flex flex-wrap items-center justify-between gap-x-2 py-1"
            data-promise-id={p.id}
            data-status={p.status}
          >
            <span className="tabular-nums">
              {formatDay(p.date, lang)} · {formatMoney(p.amount.minor, p.amount.currency, lang)}
              {p.coveredMinor > 0 && p.status !== 'kept' && (
                <span className="text-stone-700">
                  {' '}
                  · {t('promise.covered', { amount: formatMoney(p.coveredMinor, p.amount.currency, lang) })}
                </span>
              )}
              {p.promisedBy && <span className="text-stone-700"> · {p.promisedBy}</span>}
              {p.receivableIds.length > 0 && (
                <span className="text-stone-700">
                  {' '}
                  · {t('promiseChecks.covers', { docs: p.receivableIds.map(docOf).join(', ') })}
                </span>
              )}
            </span>
            <span className="flex items-center gap-1">
              <span className={`rounded px-1.5 text-xs ${statusCls[p.status]}`}>
                {t(`common:promiseStatus.${p.status}`)}
              </span>
              {p.status === 'pending' && (
                <button type="button" className="text-xs underline" onClick={() => void cancel(p)}>
                  {t('promise.cancel')}
                </button>
              )}
              <button
                type="button"
                className="text-xs text-stone-600 underline"
                aria-label={`${t('common:delete')} ${formatDay(p.date, lang)}`}
                onClick={() =>
                  void remove(
                    'promises',
                    [p.id],
                    `${formatDay(p.date, lang)} ${formatMoney(p.amount.minor, p.amount.currency, lang)}`,
                  )
                }
              >
                {t('common:delete')}
              </button>
            </span>
            {p.evidence && (
              <p className="w-full truncate text-xs text-stone-600" title={p.evidence}>
                {t('activity.evidence')}: {p.evidence}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
