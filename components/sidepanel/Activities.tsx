/**
 * What happened: log a call, visit, letter, email, IM or statement in a few keystrokes (`n` focuses it), with the
 * techniques used, the outcome, the next date and a note; then the timeline, newest first.
 */
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { addActivity } from '@/lib/db/repo';
import { activitySchema, channels, newId, outcomes, type Activity, type Channel } from '@/lib/domain';
import { addDays } from '@/lib/ledger';
import { techniques } from '@/lib/playbook/catalog';
import { formatDay } from '@/lib/format';
import { notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { useUndo } from './undo';
import { Field, buttonCls, inputCls, issuesByField, primaryCls, useFieldError } from './fields';
import { useClock } from '@/components/app/clock';

export interface QuickAddHandle {
  focus: () => void;
}

export const ActivityQuickAdd = forwardRef<QuickAddHandle>(function ActivityQuickAdd(_, ref) {
  const { t } = useTranslation(['sidepanel', 'common']);
  const clock = useClock();
  const { lang } = useApp();
  const a = useAccount();
  const fieldError = useFieldError();
  const first = useRef<HTMLSelectElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => first.current?.focus() }), []);
  const blank = () => ({
    channel: 'phone' as Channel,
    outcome: 'no-answer' as Activity['outcome'],
    date: a.today,
    nextDate: addDays(a.today, 3),
    note: '',
    techniqueIds: [] as number[],
    evidence: '',
  });
  const [d, setD] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [techOpen, setTechOpen] = useState(false);
  const save = async () => {
    const parsed = activitySchema.safeParse({
      id: newId('a'),
      customerId: a.customer.id,
      date: d.date,
      channel: d.channel,
      outcome: d.outcome,
      nextDate: d.nextDate || undefined,
      note: d.note.trim() || undefined,
      techniqueIds: d.techniqueIds,
      evidence: d.evidence.trim() || undefined,
      receivableIds: [],
      createdAt: clock().getTime(),
    });
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    if (parsed.data.nextDate && parsed.data.nextDate < parsed.data.date) {
      setErrors({ nextDate: 'next_before_date' });
      return;
    }
    setErrors({});
    await addActivity(getDb(), parsed.data, clock());
    notifyDataChanged();
    setD(blank());
    setSaved(true);
    setTimeout(() => setSaved(false), 2000);
  };
  const toggleTech = (id: number) =>
    setD({
      ...d,
      techniqueIds: d.techniqueIds.includes(id)
        ? d.techniqueIds.filter((x) => x !== id)
        : [...d.techniqueIds, id].sort((x, y) => x - y),
    });
  return (
    <form
      data-testid="activity-form"
      aria-label={t('activity.add')}
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="grid grid-cols-2 gap-1">
        <Field label={t('activity.channel')}>
          <select
            ref={first}
            data-testid="activity-channel"
            className={inputCls}
            value={d.channel}
            onChange={(e) => setD({ ...d, channel: e.target.value as Channel })}
          >
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`common:channels.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('activity.outcome')}>
          <select
            data-testid="activity-outcome"
            className={inputCls}
            value={d.outcome}
            onChange={(e) => setD({ ...d, outcome: e.target.value as Activity['outcome'] })}
          >
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t(`common:outcomes.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('activity.date')} error={fieldError(errors.date)}>
          <input
            type="date"
            className={inputCls}
            value={d.date}
            onChange={(e) => setD({ ...d, date: e.target.value })}
          />
        </Field>
        <Field label={t('activity.nextDate')} error={fieldError(errors.nextDate)}>
          <input
            type="date"
            data-testid="activity-next"
            className={inputCls}
            value={d.nextDate}
            onChange={(e) => setD({ ...d, nextDate: e.target.value })}
          />
        </Field>
      </div>
      <details open={techOpen} onToggle={(e) => setTechOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer text-xs text-stone-700">
          {t('activity.techniques')}
          {d.techniqueIds.length > 0 && `: ${d.techniqueIds.join(', ')}`}
        </summary>
        {techOpen && (
          <div className="mt-1 grid max-h-40 grid-cols-1 gap-0.5 overflow-y-auto min-[380px]:grid-cols-2">
            {techniques.map((x) => (
              <label key={x.id} className="flex items-center gap-1 text-xs">
                <input type="checkbox" checked={d.techniqueIds.includes(x.id)} onChange={() => toggleTech(x.id)} />
                {x.id}. {x.name[lang]}
              </label>
            ))}
          </div>
        )}
      </details>
      <textarea
        rows={2}
        aria-label={t('activity.note')}
        placeholder={t('activity.notePlaceholder')}
        data-testid="activity-note"
        className={inputCls}
        value={d.note}
        onChange={(e) => setD({ ...d, note: e.target.value })}
      />
      <input
        aria-label={t('activity.evidence')}
        placeholder={t('activity.evidencePlaceholder')}
        className={inputCls}
        value={d.evidence}
        onChange={(e) => setD({ ...d, evidence: e.target.value })}
      />
      <div className="flex items-center gap-2">
        <button type="submit" data-testid="activity-save" className={primaryCls}>
          {t('activity.save')}
        </button>
        <span className="text-xs text-stone-600">{t('activity.keys')}</span>
        <span aria-live="polite" className="text-xs text-emerald-800">
          {saved ? t('common:saved') : ''}
        </span>
      </div>
    </form>
  );
});

export function ActivityTimeline() {
  const { t } = useTranslation(['sidepanel', 'common']);
  const { lang } = useApp();
  const a = useAccount();
  const { remove } = useUndo();
  const [all, setAll] = useState(false);
  const list = all ? a.activities : a.activities.slice(0, 8);
  if (a.activities.length === 0)
    return (
      <p className="text-stone-700" data-testid="timeline-empty">
        {t('activity.empty')}
      </p>
    );
  return (
    <>
      <ol className="divide-y divide-stone-100" data-testid="timeline">
        {list.map((x) => (
          <li key={x.id} className="py-1" data-activity-id={x.id}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">
                {formatDay(x.date, lang)} · {t(`common:channels.${x.channel}`)} · {t(`common:outcomes.${x.outcome}`)}
              </span>
              <button
                type="button"
                className="shrink-0 text-xs text-stone-600 underline"
                aria-label={`${t('common:delete')} ${formatDay(x.date, lang)}`}
                onClick={() =>
                  void remove('activities', [x.id], `${formatDay(x.date, lang)} ${t(`common:channels.${x.channel}`)}`)
                }
              >
                {t('common:delete')}
              </button>
            </div>
            {x.techniqueIds.length > 0 && (
              <div className="text-xs text-stone-700">
                {x.techniqueIds
                  .map((id) => techniques.find((q) => q.id === id)?.name[lang])
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            )}
            {x.note && (
              <p className="line-clamp-3 whitespace-pre-wrap text-stone-800" title={x.note}>
                {x.note}
              </p>
            )}
            {x.sent && (
              <details className="text-xs" data-testid="sent-text">
                <summary className="cursor-pointer text-stone-700">
                  {t('sent.whatWasSent')}
                  {x.sent.reference ? ` · ${x.sent.reference}` : ''}
                </summary>
                <pre className="mt-0.5 max-h-48 overflow-y-auto whitespace-pre-wrap rounded bg-stone-50 p-1 font-sans">
                  {x.sent.text}
                </pre>
              </details>
            )}
            {x.evidence && (
              <p className="text-xs text-stone-600">
                {t('activity.evidence')}: {x.evidence}
              </p>
            )}
            {x.nextDate && (
              <p className="text-xs text-stone-700">{t('activity.next', { date: formatDay(x.nextDate, lang) })}</p>
            )}
          </li>
        ))}
      </ol>
      {a.activities.length > 8 && (
        <button type="button" className={buttonCls} onClick={() => setAll(!all)}>
          {all ? t('showLess') : t('showAll', { count: a.activities.length })}
        </button>
      )}
    </>
  );
}
