/**
 * One receivable: its figures, the six self-questions (回款前的六个自问) with completeness, payments and credit
 * notes applied, the dispute, the limitation deadline with the events that restarted it, and the evidence.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { putReceivable } from '@/lib/db/repo';
import { findReceivables } from '@/lib/db/ledgers';
import { selfQuestionKeys, type OpenReceivable, type Receivable, type SelfQuestions } from '@/lib/domain';
import {
  allocateWithCredit,
  daysBetween,
  limitationDeadline,
  limitationStatus,
  partialPaymentInterruptions,
} from '@/lib/ledger';
import { formatDay, formatMoney } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useAutosavedDraft } from './autosave';
import { useUndo } from './undo';
import { SaveStatus, buttonCls, inputCls } from './fields';

const draftSchema = z.object({
  ...(Object.fromEntries(selfQuestionKeys.map((k) => [k, z.string().max(500)])) as Record<
    (typeof selfQuestionKeys)[number],
    z.ZodString
  >),
  disputed: z.boolean(),
  disputeReason: z.string().max(500),
});
type Draft = z.infer<typeof draftSchema>;

const toDraft = (r: Receivable): Draft => ({
  ...(Object.fromEntries(selfQuestionKeys.map((k) => [k, r.selfQuestions[k] ?? ''])) as Record<
    (typeof selfQuestionKeys)[number],
    string
  >),
  disputed: r.disputed,
  disputeReason: r.disputeReason ?? '',
});

export function selfQuestionsAnswered(q: SelfQuestions): number {
  return selfQuestionKeys.filter((k) => (q[k] ?? '').trim() !== '').length;
}

export function ReceivableDetail({ receivable: r, onClose }: { receivable: OpenReceivable; onClose: () => void }) {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang, settings } = useApp();
  const a = useAccount();
  const { remove } = useUndo();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const incoming = useMemo(() => toDraft(r), [r]);
  const { draft, set, state } = useAutosavedDraft({
    schema: draftSchema,
    incoming,
    stamp: r.updatedAt,
    save: async (d, now) => {
      const [fresh] = await findReceivables(getDb(), r.customerId, [r.id]);
      if (!fresh) return;
      const selfQuestions = Object.fromEntries(
        selfQuestionKeys.map((k) => [k, d[k].trim() || undefined]).filter(([, v]) => v),
      ) as SelfQuestions;
      await putReceivable(
        getDb(),
        {
          ...fresh,
          selfQuestions,
          disputed: d.disputed,
          disputeReason: d.disputeReason.trim() || undefined,
          updatedAt: now,
        },
        new Date(now),
      );
      notifyDataChanged();
    },
  });

  const applications = useMemo(
    () => allocateWithCredit(a.receivables, a.payments).applications.filter((x) => x.receivableId === r.id),
    [a.receivables, a.payments, r.id],
  );
  const limitation = useMemo(() => {
    const res = limitationDeadline(
      r,
      { years: settings.limitationYears },
      partialPaymentInterruptions(r.id, applications),
    );
    return { ...res, ...limitationStatus(res.deadline, a.today, settings.limitationWarnDays) };
  }, [r, applications, settings.limitationYears, settings.limitationWarnDays, a.today]);
  const answered = selfQuestionKeys.filter((k) => draft[k].trim() !== '').length;
  const open = r.openMinor > 0 && r.status === 'open';
  const late = daysBetween(r.dueDate, a.today);
  const paymentRef = (id: string) => a.payments.find((p) => p.id === id)?.reference;

  return (
    <section
      aria-labelledby="recv-detail-h"
      data-testid="receivable-detail"
      data-receivable-id={r.id}
      className="space-y-2 rounded border border-stone-200 p-2"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="flex items-center justify-between gap-2">
        <button type="button" className={buttonCls} data-testid="recv-back" onClick={onClose}>
          ← {t('recv.back')}
        </button>
        <SaveStatus state={state} />
      </div>
      <h2
        id="recv-detail-h"
        ref={heading}
        tabIndex={-1}
        className="break-all text-base font-semibold focus:outline-none"
      >
        {r.docNumber}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-stone-600">{t('recv.amount')}</dt>
        <dd className="tabular-nums">{formatMoney(r.amount.minor, r.amount.currency, lang)}</dd>
        <dt className="text-stone-600">{t('recv.openAmount')}</dt>
        <dd className="tabular-nums font-medium" data-testid="detail-open">
          {formatMoney(r.openMinor, r.amount.currency, lang)}
        </dd>
        <dt className="text-stone-600">{t('recv.issued')}</dt>
        <dd>{formatDay(r.issueDate, lang)}</dd>
        <dt className="text-stone-600">{t('recv.dueLabel')}</dt>
        <dd>
          {formatDay(r.dueDate, lang)}
          {open && late > 0 && <span className="text-red-800"> · {t('common:daysOverdue', { count: late })}</span>}
        </dd>
        {r.contractRef && (
          <>
            <dt className="text-stone-600">{t('recv.contract')}</dt>
            <dd>{r.contractRef}</dd>
          </>
        )}
        {r.writtenOff > 0 && (
          <>
            <dt className="text-stone-600">{t('recv.writtenOff')}</dt>
            <dd className="tabular-nums">{formatMoney(r.writtenOff, r.amount.currency, lang)}</dd>
          </>
        )}
        {open && (
          <>
            <dt className="text-stone-600">{t('recv.limitation')}</dt>
            <dd
              data-testid="detail-limitation"
              className={limitation.status === 'ok' ? '' : 'font-medium text-red-800'}
            >
              {formatDay(limitation.deadline, lang)} ·{' '}
              {t('recv.limitationSince', {
                event: t(`recv.events.${limitation.startKind}`),
                date: formatDay(limitation.startDate, lang),
              })}
            </dd>
          </>
        )}
      </dl>

      <fieldset className="rounded bg-stone-50 p-1.5">
        <legend className="font-medium">
          {t('self.title')}{' '}
          <span className="font-normal tabular-nums text-stone-700" data-testid="self-count">
            {answered}/6
          </span>
        </legend>
        <div className="space-y-1">
          {selfQuestionKeys.map((k, i) => (
            <label key={k} className="block">
              <span className="text-xs font-medium text-stone-700">
                {i + 1}. {t(`self.q.${k}`)}
              </span>
              <input
                className={inputCls}
                data-testid={`self-${k}`}
                value={draft[k]}
                placeholder={t(`self.hint.${k}`)}
                onChange={(e) => set({ [k]: e.target.value } as Partial<Draft>)}
              />
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="rounded bg-stone-50 p-1.5">
        <legend className="font-medium">{t('recv.dispute')}</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="detail-disputed"
            checked={draft.disputed}
            onChange={(e) => set({ disputed: e.target.checked })}
          />
          {t('recv.isDisputed')}
        </label>
        {draft.disputed && (
          <input
            className={`${inputCls} mt-1`}
            aria-label={t('recv.disputeReason')}
            placeholder={t('recv.disputeReason')}
            value={draft.disputeReason}
            onChange={(e) => set({ disputeReason: e.target.value })}
          />
        )}
      </fieldset>

      <div>
        <h3 className="font-medium">{t('recv.applied')}</h3>
        {applications.length === 0 ? (
          <p className="text-stone-700">{t('recv.noPayments')}</p>
        ) : (
          <ul className="tabular-nums">
            {applications.map((x, i) => (
              <li key={i}>
                {formatDay(x.date, lang)} · {formatMoney(x.minor, r.amount.currency, lang)} ·{' '}
                {x.source === 'payment' ? (paymentRef(x.sourceId) ?? t('recv.payment')) : t('recv.creditNote')}
              </li>
            ))}
          </ul>
        )}
      </div>
      {r.interruptions.length > 0 && (
        <div>
          <h3 className="font-medium">{t('recv.interruptions')}</h3>
          <ul>
            {r.interruptions.map((x, i) => (
              <li key={i}>
                {formatDay(x.date, lang)} · {t(`recv.events.${x.kind}`)}
                {x.evidence && ` · ${x.evidence}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.evidence.length > 0 && (
        <div>
          <h3 className="font-medium">{t('activity.evidence')}</h3>
          <ul>
            {r.evidence.map((e, i) => (
              <li key={i} className="break-all text-stone-800">
                {e}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className={buttonCls}
        data-testid="detail-delete"
        onClick={() => {
          onClose();
          void remove('receivables', [r.id], r.docNumber, r.customerId);
        }}
      >
        {t('recv.delete')}
      </button>
    </section>
  );
}
