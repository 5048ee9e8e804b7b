/**
 * 质保金 / deposits: record the part of an invoice held until a warranty end, an acceptance or the end of a deposit's
 * term (an amount or a percentage of the document, and the release date). Before that date the part is open but
 * not overdue anywhere; in the reminder days before it the worklist and a reminder ask for it; after it, it is
 * demanded like any overdue document, with the 条例 art. 13 (deposits returned on time) as the argument.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { getDb } from '@/lib/db/schema';
import { addDays, daysBetween } from '@/lib/ledger/dates';
import { heldMinor, releaseDueDate, retentionOfPercent, retentionState } from '@/lib/ledger/retention';
import { formatDay, formatMoney, parseTypedAmount } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { ToolkitRefusal, clearRetention, saveRetention } from '@/lib/toolkit/store';
import { type RetentionBasis, isoDate, retentionBases } from '@/lib/domain';
import { useAccount } from '../account';
import { Field, buttonCls, inputCls, primaryCls } from '../fields';
import type { KeyOf } from '@/lib/i18n/types';

const stateCls: Record<string, string> = {
  held: 'bg-stone-100 text-stone-800',
  remind: 'bg-amber-100 text-amber-900',
  due: 'bg-amber-100 text-amber-900',
  overdue: 'bg-red-100 text-red-900',
  settled: 'bg-emerald-100 text-emerald-900',
};

export function RetentionSection() {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const invoices = a.receivables.filter((r) => r.kind === 'invoice' && r.status === 'open');
  const withRetention = invoices.filter((r) => r.retention);
  const candidates = invoices.filter((r) => r.openMinor > 0);
  const [adding, setAdding] = useState(false);
  const [doc, setDoc] = useState(candidates[0]?.id ?? '');
  const [mode, setMode] = useState<'percent' | 'amount'>('percent');
  const [value, setValue] = useState('5');
  const [release, setRelease] = useState('');
  const [basis, setBasis] = useState<RetentionBasis>('warranty');
  const [remind, setRemind] = useState('30');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const chosen = candidates.find((r) => r.id === doc);
  const percent = Number(value.replace(',', '.'));
  const preview =
    chosen && mode === 'percent' && Number.isFinite(percent) && percent > 0 && percent <= 100
      ? retentionOfPercent(chosen.amount.minor, percent)
      : undefined;

  const save = async () => {
    if (!chosen) {
      setError(t('retention.errors.noDocument'));
      return;
    }
    if (!isoDate.safeParse(release).success) {
      setError(t('retention.errors.release'));
      return;
    }
    const days = Number(remind);
    if (!Number.isInteger(days) || days < 0 || days > 365) {
      setError(t('retention.errors.remind'));
      return;
    }
    let amount: { minor: number } | { percent: number };
    if (mode === 'percent') {
      if (!(Number.isFinite(percent) && percent > 0 && percent <= 100)) {
        setError(t('retention.errors.percent'));
        return;
      }
      amount = { percent };
    } else {
      const amt = parseTypedAmount(value, chosen.amount.currency);
      if ('error' in amt || amt.minor <= 0) {
        setError(t('retention.errors.amount'));
        return;
      }
      amount = { minor: amt.minor };
    }
    try {
      setError(undefined);
      await saveRetention(
        getDb(),
        {
          customerId: a.customer.id,
          receivableId: chosen.id,
          releaseDate: release,
          basis,
          remindDays: days,
          note: note.trim() || undefined,
          ...amount,
        },
        clock(),
      );
      notifyDataChanged();
      setAdding(false);
    } catch (e) {
      setError(
        e instanceof ToolkitRefusal
          ? t(`retention.errors.${e.code}` as KeyOf<'toolkit'>)
          : t('retention.errors.save', { message: (e as Error).message }),
      );
    }
  };
  const remove = async (receivableId: string) => {
    await clearRetention(getDb(), a.customer.id, receivableId, clock());
    notifyDataChanged();
  };

  return (
    <div className="space-y-2" data-testid="retention">
      <p className="text-xs text-stone-700">{t('retention.intro')}</p>
      {!adding && (
        <button
          type="button"
          className={buttonCls}
          data-testid="retention-add"
          onClick={() => setAdding(true)}
          disabled={!candidates.length}
        >
          {t('retention.add')}
        </button>
      )}
      {adding && (
        <form
          className="grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          data-testid="retention-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="col-span-2">
            <Field label={t('retention.doc')}>
              <select
                className={inputCls}
                data-testid="retention-doc"
                value={doc}
                onChange={(e) => setDoc(e.target.value)}
              >
                {candidates.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.docNumber} · {formatMoney(r.amount.minor, r.amount.currency, lang)} ·{' '}
                    {t('retention.dueOn', { date: formatDay(r.dueDate, lang) })}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field label={t('retention.mode')}>
            <select
              className={inputCls}
              data-testid="retention-mode"
              value={mode}
              onChange={(e) => setMode(e.target.value as 'percent' | 'amount')}
            >
              <option value="percent">{t('retention.modes.percent')}</option>
              <option value="amount">{t('retention.modes.amount')}</option>
            </select>
          </Field>
          <Field
            label={mode === 'percent' ? t('retention.percent') : t('retention.amount')}
            hint={
              preview !== undefined && chosen
                ? t('retention.preview', { amount: formatMoney(preview, chosen.amount.currency, lang) })
                : undefined
            }
          >
            <input
              className={inputCls}
              data-testid="retention-value"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          </Field>
          <Field label={t('retention.release')}>
            <input
              type="date"
              className={inputCls}
              data-testid="retention-release"
              value={release}
              onChange={(e) => setRelease(e.target.value)}
            />
          </Field>
          <Field label={t('retention.basis')}>
            <select
              className={inputCls}
              data-testid="retention-basis"
              value={basis}
              onChange={(e) => setBasis(e.target.value as RetentionBasis)}
            >
              {retentionBases.map((b) => (
                <option key={b} value={b}>
                  {t(`retention.bases.${b}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('retention.remind')}>
            <input
              className={inputCls}
              data-testid="retention-remind"
              inputMode="numeric"
              value={remind}
              onChange={(e) => setRemind(e.target.value)}
            />
          </Field>
          <Field label={t('retention.note')}>
            <input className={inputCls} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          {error && (
            <p role="alert" className="col-span-2 text-xs text-red-800" data-testid="retention-error">
              {error}
            </p>
          )}
          <button type="submit" className={`${primaryCls} col-span-2`} data-testid="retention-save">
            {t('retention.save')}
          </button>
        </form>
      )}
      {withRetention.length === 0 && !adding && <p className="text-stone-700">{t('retention.none')}</p>}
      <ul className="space-y-2">
        {withRetention.map((r) => {
          const state = retentionState(r, a.today)!;
          const held = heldMinor(r);
          const releaseOn = releaseDueDate(r);
          const cur = r.amount.currency;
          const params = {
            doc: r.docNumber,
            amount: formatMoney(held || r.retention!.minor, cur, lang),
            date: formatDay(releaseOn, lang),
            remindOn: formatDay(addDays(releaseOn, -r.retention!.remindDays), lang),
            days: Math.abs(daysBetween(a.today, releaseOn)),
          };
          return (
            <li
              key={r.id}
              className="rounded border border-stone-200 p-1.5 text-xs"
              data-testid="retention-item"
              data-receivable-id={r.id}
              data-state={state}
              data-held-minor={held}
              data-release={releaseOn}
            >
              <p className="flex flex-wrap items-center justify-between gap-1">
                <span className="font-medium">
                  {r.docNumber} · {t(`retention.bases.${r.retention!.basis}`)} ·{' '}
                  {formatMoney(r.retention!.minor, cur, lang)}
                  {r.retention!.percent !== undefined && ` (${r.retention!.percent}%)`}
                </span>
                <span className={`rounded px-1 ${stateCls[state]}`}>{t(`retention.states.${state}`)}</span>
              </p>
              <p className={state === 'overdue' ? 'text-red-900' : 'text-stone-800'} data-testid="retention-say">
                {t(`retention.say.${state}`, params)}
              </p>
              {(state === 'remind' || state === 'due' || state === 'overdue') && (
                <p className="text-blue-900" data-testid="retention-art13">
                  {t('retention.art13')}
                </p>
              )}
              {r.retention!.note && <p className="text-stone-600">{r.retention!.note}</p>}
              <button
                type="button"
                className={`${buttonCls} mt-1`}
                data-testid="retention-remove"
                onClick={() => void remove(r.id)}
              >
                {t('retention.remove')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
