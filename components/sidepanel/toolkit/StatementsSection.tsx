/**
 * 对账单 with its evidence trail: create one as of a day (all open documents or picked ones), print it or take
 * the XLSX, then record it sent (how, waybill or e-mail), received, and the sealed copy returned. The seal puts a
 * limitation interruption on every document listed; an unreturned statement becomes a follow-up after N days.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionUrl } from '@/lib/browser/pages';
import { useApp } from '@/components/app/AppShell';
import { useClock } from '@/components/app/clock';
import { downloadFile, MIME } from '@/components/options/download';
import { getDb } from '@/lib/db/schema';
import { formatDay, formatMoney } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { type DeliveryMethod, type Statement, deliveryMethods } from '@/lib/toolkit/records';
import {
  DEFAULT_SEAL_FOLLOW_UP_DAYS,
  createStatement,
  recordSealedCopy,
  recordStatementReceived,
  recordStatementSent,
} from '@/lib/toolkit/store';
import { statementProgress, statementTotals, statementWorkbook } from '@/lib/toolkit/statements';
import { useAccount } from '../account';
import { Field, buttonCls, inputCls, primaryCls } from '../fields';
import type { ToolkitData } from './data';

const statusCls: Record<Statement['status'], string> = {
  draft: 'bg-stone-100 text-stone-800',
  sent: 'bg-blue-100 text-blue-900',
  received: 'bg-amber-100 text-amber-900',
  sealed: 'bg-emerald-100 text-emerald-900',
};

export function StatementsSection({ data }: { data: ToolkitData }) {
  const { t } = useTranslation('toolkit');
  const { lang } = useApp();
  const a = useAccount();
  const clock = useClock();
  const [asOf, setAsOf] = useState(a.today);
  const [pickAll, setPickAll] = useState(true);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const open = a.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0);

  const create = async () => {
    try {
      setError(undefined);
      await createStatement(getDb(), a.customer.id, asOf, pickAll ? undefined : picked, clock());
      notifyDataChanged();
    } catch (e) {
      setError(t('statements.error', { message: (e as Error).message }));
    }
  };

  return (
    <div className="space-y-2" data-testid="statements">
      <div className="grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5">
        <Field label={t('statements.asOf')}>
          <input
            type="date"
            data-testid="statement-asof"
            className={inputCls}
            value={asOf}
            max={a.today}
            onChange={(e) => setAsOf(e.target.value)}
          />
        </Field>
        <label className="flex items-end gap-1 text-xs">
          <input type="checkbox" checked={pickAll} onChange={(e) => setPickAll(e.target.checked)} />
          {t('statements.all')}
        </label>
        {!pickAll && (
          <ul className="col-span-2 max-h-32 overflow-auto text-xs">
            {open.map((r) => (
              <li key={r.id}>
                <label className="flex gap-1">
                  <input
                    type="checkbox"
                    checked={picked.includes(r.id)}
                    data-receivable-id={r.id}
                    onChange={(e) => setPicked(e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id))}
                  />
                  {r.docNumber} · {formatDay(r.dueDate, lang)}
                </label>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          data-testid="statement-create"
          className={`${primaryCls} col-span-2`}
          onClick={() => void create()}
        >
          {t('statements.create')}
        </button>
        {error && (
          <p role="alert" className="col-span-2 text-xs text-red-800">
            {error}
          </p>
        )}
      </div>
      {data.statements.length === 0 && <p className="text-stone-700">{t('statements.none')}</p>}
      <ul className="space-y-2">
        {data.statements.map((s) => (
          <StatementRow key={s.id} s={s} />
        ))}
      </ul>
    </div>
  );
}

type Step = 'sent' | 'received' | 'sealed';

function StatementRow({ s }: { s: Statement }) {
  const { t } = useTranslation('toolkit');
  const { t: td } = useTranslation('documents');
  const { lang } = useApp();
  const clock = useClock();
  const a = useAccount();
  const [step, setStep] = useState<Step>();
  const [on, setOn] = useState(a.today);
  const [via, setVia] = useState<DeliveryMethod>('ems');
  const [tracking, setTracking] = useState('');
  const [note, setNote] = useState('');
  const [days, setDays] = useState(String(DEFAULT_SEAL_FOLLOW_UP_DAYS));
  const [error, setError] = useState<string>();
  const followDays = Number(days) || DEFAULT_SEAL_FOLLOW_UP_DAYS;
  const progress = statementProgress(s, a.today, followDays);
  const totals = [...statementTotals(s.lines)].map(([c, m]) => formatMoney(m, c, lang)).join(' + ');
  const letterUrl = extensionUrl(`/statement.html?statement=${encodeURIComponent(s.id)}&lang=${lang}`);

  const submit = async () => {
    const db = getDb();
    const at = clock();
    try {
      setError(undefined);
      if (step === 'sent')
        await recordStatementSent(
          db,
          s.id,
          { on, via, tracking: tracking.trim(), note: note.trim(), followUpDays: followDays },
          at,
        );
      if (step === 'received') await recordStatementReceived(db, s.id, on, at);
      if (step === 'sealed') await recordSealedCopy(db, s.id, { on, note: note.trim() }, at);
      notifyDataChanged();
      setStep(undefined);
    } catch (e) {
      setError(t('statements.error', { message: (e as Error).message }));
    }
  };
  const xlsx = () =>
    downloadFile(statementWorkbook(s, a.customer, { lang, t: td }) as BlobPart, `${s.reference}.xlsx`, MIME.xlsx);

  return (
    <li className="rounded border border-stone-200 p-1.5" data-statement-id={s.id} data-status={s.status}>
      <div className="flex flex-wrap items-center justify-between gap-1">
        <span className="font-medium">{s.reference}</span>
        <span className={`rounded px-1.5 text-xs ${statusCls[s.status]}`} data-testid="statement-status">
          {t(`statements.status.${s.status}`)}
        </span>
      </div>
      <p className="text-xs text-stone-700 tabular-nums">
        {formatDay(s.asOf, lang)} · {t('statements.lines', { count: s.lines.length })} · {totals}
      </p>
      {s.sentOn && (
        <p className="text-xs text-stone-700">
          {t('statements.trail', {
            sent: formatDay(s.sentOn, lang),
            via: t(`statements.viaKinds.${s.sentVia ?? 'other'}`),
            tracking: s.tracking ? ` · ${s.tracking}` : '',
          })}
        </p>
      )}
      {progress.overdueForSeal && progress.followUpOn && (
        <p className="text-xs text-amber-800" data-testid="statement-follow-up">
          {t('statements.followUp', { date: formatDay(s.sentOn!, lang), due: formatDay(progress.followUpOn, lang) })}
        </p>
      )}
      {s.status === 'sealed' && s.sealedOn && (
        <p className="text-xs text-emerald-800" data-testid="statement-sealed-note">
          {t('statements.sealedOn', { date: formatDay(s.sealedOn, lang) })}
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-1 text-xs">
        <a className={buttonCls} href={letterUrl} target="_blank" rel="noopener" data-testid="statement-print">
          {t('statements.print')}
        </a>
        <button type="button" className={buttonCls} onClick={xlsx} data-testid="statement-xlsx">
          {t('statements.xlsx')}
        </button>
        {s.status !== 'sealed' &&
          (['sent', 'received', 'sealed'] as const)
            .filter((k) => k === 'sent' || s.status !== 'draft')
            .map((k) => (
              <button
                key={k}
                type="button"
                className={buttonCls}
                data-testid={`statement-${k}`}
                onClick={() => setStep(k)}
              >
                {t(`statements.${k}`)}
              </button>
            ))}
      </div>
      {step && (
        <form
          className="mt-1 grid grid-cols-2 gap-1 rounded bg-stone-50 p-1.5"
          data-testid="statement-step-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t('statements.on')}>
            <input
              type="date"
              className={inputCls}
              data-testid="statement-step-date"
              value={on}
              onChange={(e) => setOn(e.target.value)}
            />
          </Field>
          {step === 'sent' && (
            <>
              <Field label={t('statements.via')}>
                <select
                  className={inputCls}
                  value={via}
                  data-testid="statement-via"
                  onChange={(e) => setVia(e.target.value as DeliveryMethod)}
                >
                  {deliveryMethods.map((m) => (
                    <option key={m} value={m}>
                      {t(`statements.viaKinds.${m}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('statements.tracking')}>
                <input
                  className={inputCls}
                  data-testid="statement-tracking"
                  value={tracking}
                  onChange={(e) => setTracking(e.target.value)}
                />
              </Field>
              <Field label={t('statements.followUpDays')}>
                <input
                  inputMode="numeric"
                  className={inputCls}
                  data-testid="statement-follow-days"
                  value={days}
                  onChange={(e) => setDays(e.target.value)}
                />
              </Field>
            </>
          )}
          {step !== 'received' && (
            <div className="col-span-2">
              <Field label={t('statements.note')}>
                <input
                  className={inputCls}
                  data-testid="statement-note"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              </Field>
            </div>
          )}
          <button type="submit" className={`${primaryCls} col-span-2`} data-testid="statement-step-save">
            {t('statements.save')}
          </button>
          {error && (
            <p role="alert" className="col-span-2 text-xs text-red-800">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
