/**
 * Logging an attempt in two keystrokes: a number for the channel (Enter keeps the suggested one), a letter for the
 * outcome; the activity is saved with what was sent and the invoices it covered, and Undo (or `z`) takes it back
 * for a few seconds. The five preparations reset only when the attempt was a visit or a letter (lib/db
 * addActivity), and the confirmation says which happened.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/lib/db/schema';
import { addActivity, preparationChannels, undoActivity, type LoggedAttempt } from '@/lib/db/repo';
import { channels, newId, outcomeKeys, outcomes, type Activity, type Channel } from '@/lib/domain';
import { notifyDataChanged } from '@/lib/browser/send';
import { useClock } from '@/components/app/clock';
import { buttonCls } from './fields';

type Outcome = Activity['outcome'];

/** One letter per outcome: the same letters as the popup's worklist rows (lib/domain `outcomeKeys`). */
export { outcomeKeys };
/** Channels by number, in the order of lib/domain `channels`. */
export const channelKey = (c: Channel) => String(channels.indexOf(c) + 1);

export const UNDO_LOG_MS = 8000;

export interface LogAttemptProps {
  customerId: string;
  date: string;
  suggestedChannel: Channel;
  techniqueIds?: number[];
  nextDate?: string;
  receivableIds: string[];
  sent?: Activity['sent'];
  /** The note kept with the activity (short; what was sent is in `sent`). */
  note?: string;
  onClose: () => void;
  onLogged?: (logged: LoggedAttempt) => void;
}

export function LogAttempt(p: LogAttemptProps) {
  const { t } = useTranslation(['sidepanel', 'common']);
  const clock = useClock();
  const [step, setStep] = useState<'channel' | 'outcome' | 'done' | 'undone'>('channel');
  const [channel, setChannel] = useState<Channel>(p.suggestedChannel);
  const [logged, setLogged] = useState<LoggedAttempt | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    box.current?.focus();
  }, [step]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async (outcome: Outcome) => {
    const activity: Activity = {
      id: newId('a'),
      customerId: p.customerId,
      date: p.date,
      channel,
      outcome,
      techniqueIds: p.techniqueIds ?? [],
      nextDate: p.nextDate && p.nextDate >= p.date ? p.nextDate : undefined,
      note: p.note?.slice(0, 2000) || undefined,
      receivableIds: p.receivableIds,
      sent: p.sent,
      createdAt: clock().getTime(),
    };
    const result = await addActivity(getDb(), activity, clock());
    notifyDataChanged();
    setLogged(result);
    setStep('done');
    p.onLogged?.(result);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => p.onClose(), UNDO_LOG_MS);
  };
  const undo = async () => {
    if (!logged) return;
    clearTimeout(timer.current);
    await undoActivity(getDb(), logged, clock());
    notifyDataChanged();
    setLogged(null);
    setStep('undone');
    timer.current = setTimeout(() => p.onClose(), 2500);
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // The panel's own shortcuts (/, n, c) must not fire while the keys choose a channel and an outcome.
    e.stopPropagation();
    const k = e.key.toLowerCase();
    if (k === 'escape' && step !== 'done') {
      e.preventDefault();
      p.onClose();
      return;
    }
    if (step === 'channel') {
      const c = channels.find((x) => channelKey(x) === k);
      if (c) {
        e.preventDefault();
        setChannel(c);
        setStep('outcome');
      } else if (k === 'enter') {
        e.preventDefault();
        setStep('outcome');
      }
    } else if (step === 'outcome') {
      const o = (Object.keys(outcomeKeys) as Outcome[]).find((x) => outcomeKeys[x] === k);
      if (o) {
        e.preventDefault();
        void save(o);
      } else if (k === 'backspace') {
        e.preventDefault();
        setStep('channel');
      }
    } else if (step === 'done' && (k === 'z' || k === 'u')) {
      e.preventDefault();
      void undo();
    }
  };

  const keyCls = 'mr-1 rounded border border-stone-400 bg-stone-50 px-1 font-mono text-xs';
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-label={t('attempt.title')}
      data-testid="log-attempt"
      data-step={step}
      onKeyDown={onKey}
      className="mt-1 rounded border border-emerald-400 bg-white p-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 print:hidden"
    >
      {step === 'channel' && (
        <>
          <p className="text-xs font-medium">
            {t('attempt.channelStep')}{' '}
            <span className="text-stone-600">
              {t('attempt.accept', { channel: t(`common:channels.${channel}`) })} · {t('attempt.cancel')}
            </span>
          </p>
          <div className="mt-1 flex flex-wrap gap-1">
            {channels.map((c) => (
              <button
                key={c}
                type="button"
                data-testid={`attempt-channel-${c}`}
                aria-pressed={c === channel}
                className={`${buttonCls} ${c === channel ? 'border-emerald-700 font-medium' : ''}`}
                onClick={() => {
                  setChannel(c);
                  setStep('outcome');
                }}
              >
                <kbd className={keyCls}>{channelKey(c)}</kbd>
                {t(`common:channels.${c}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {step === 'outcome' && (
        <>
          <p className="text-xs font-medium">
            {t(`common:channels.${channel}`)} — {t('attempt.outcomeStep')}{' '}
            <span className="text-stone-600">
              {t('attempt.back')} · {t('attempt.cancel')}
            </span>
          </p>
          <p className="text-xs text-stone-600" data-testid="attempt-keys-note">
            {t('attempt.sameKeys')}
          </p>
          <div className="mt-1 flex flex-wrap gap-1">
            {outcomes.map((o) => (
              <button
                key={o}
                type="button"
                data-testid={`attempt-outcome-${o}`}
                className={buttonCls}
                onClick={() => void save(o)}
              >
                <kbd className={keyCls}>{outcomeKeys[o]}</kbd>
                {t(`common:outcomes.${o}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {step === 'done' && logged && (
        <div role="status" className="flex flex-wrap items-center gap-2 text-sm" data-testid="attempt-logged">
          <span>
            {t('attempt.logged', {
              channel: t(`common:channels.${logged.activity.channel}`),
              outcome: t(`common:outcomes.${logged.activity.outcome}`),
            })}
          </span>
          <button
            type="button"
            data-testid="attempt-undo"
            className="rounded px-1 font-medium text-emerald-900 underline"
            onClick={() => void undo()}
          >
            {t('attempt.undo')} <kbd className={keyCls}>z</kbd>
          </button>
          <span className="w-full text-xs text-stone-700" data-testid="attempt-preparations">
            {preparationChannels.has(logged.activity.channel)
              ? t('attempt.preparationsReset')
              : t('attempt.preparationsKept')}
          </span>
        </div>
      )}
      {step === 'undone' && (
        <p role="status" className="text-sm" data-testid="attempt-undone">
          {t('attempt.undone')}
        </p>
      )}
    </div>
  );
}
