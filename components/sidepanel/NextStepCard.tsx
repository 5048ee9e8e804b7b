/**
 * What next: `suggestNext` for this customer today — level, technique(s), channel, the filled script with copy
 * (`c`) and, when the tab has a webmail compose box, insert; why, cautions and what is still unknown. The script
 * can be edited and the invoices it covers picked before it leaves (StepDraft); logging asks the channel and the
 * outcome, a keystroke each, with undo (LogAttempt), and keeps what was sent with the activity.
 */
import { forwardRef, useImperativeHandle, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionUrl } from '@/lib/browser/pages';
import { useApp } from '@/components/app/AppShell';
import { suggestNext } from '@/lib/playbook';
import { detectSignals } from '@/lib/signals';
import { nineQuestions, techniques } from '@/lib/playbook/catalog';
import { daysBetween } from '@/lib/ledger';
import { send } from '@/lib/browser/send';
import type { ComposeMismatch } from '@/lib/messaging/router';
import { useAccount } from './account';
import { buttonCls } from './fields';
import { LogAttempt } from './LogAttempt';
import { DraftText, InvoicePicker, coveredText, defaultScriptPick, itemsOf, useDraft } from './StepDraft';

/** "Visit", not "Visit · Visit": the channel is named only when it says more than the step's own name. */
export function stepHeading(step: string, channel: string): string {
  return step.trim().toLowerCase() === channel.trim().toLowerCase() ? step : `${step} · ${channel}`;
}

export interface NextStepHandle {
  copy: () => Promise<void>;
}

export const NextStepCard = forwardRef<NextStepHandle, { customerId: string; composeTabId?: number }>(
  function NextStepCard({ customerId, composeTabId }, ref) {
    const { t } = useTranslation(['sidepanel', 'common']);
    const { lang } = useApp();
    const a = useAccount();
    const suggestion = useMemo(() => {
      // What the customer wrote lately (captured messages, call notes) is where the three traps show up.
      const recentMessages = a.activities
        .filter((x) => x.note && daysBetween(x.date, a.today) <= 60)
        .map((x) => x.note!);
      // The customer's words as signals (new order, traps, refusal…): a script line that answers one quotes it.
      const signals = recentMessages.flatMap((text) => detectSignals(text));
      const [y, m, d] = a.today.split('-').map(Number);
      return suggestNext({ ...a, recentMessages, signals }, new Date(y, m - 1, d, 12), lang);
    }, [a, lang]);
    const [note, setNote] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
    const flash = (text: string, tone: 'ok' | 'error' = 'ok') => {
      setNote({ text, tone });
      setTimeout(() => setNote(null), 2500);
    };
    const items = useMemo(() => itemsOf(a.receivables, a.disputes), [a.receivables, a.disputes]);
    const draft = useDraft(suggestion.script, defaultScriptPick(items, a.today));
    const [logging, setLogging] = useState(false);
    // What leaves is the edited text and the invoices picked, never the suggestion behind it.
    const covered = coveredText(items, draft.picked, lang, t);
    const body = covered ? `${draft.text}\n\n${covered}` : draft.text;
    const text = suggestion.subject ? `${suggestion.subject}\n\n${body}` : body;
    // An insert or copy held back: the e-mail open in the tab is addressed to another customer (lib/messaging/router
    // recipientMismatch), with what was being done.
    const [mismatch, setMismatch] = useState<(ComposeMismatch & { action: 'insert' | 'copy' }) | null>(null);
    /**
     * Copy checks the recipient where it can: with a compose box open in the tab the panel follows, the same check as
     * the insert's; without one, where the text will be pasted is unknown, and the note says so and names the customer.
     */
    const copy = async (anyway = false) => {
      setMismatch(null);
      if (composeTabId !== undefined && !anyway) {
        const r = await send<{ ok?: boolean; mismatch?: ComposeMismatch }>({
          type: 'compose/check',
          tabId: composeTabId,
          customerId,
        }).catch(() => undefined);
        if (r?.mismatch) {
          setMismatch({ ...r.mismatch, action: 'copy' });
          return;
        }
      }
      try {
        await navigator.clipboard.writeText(text);
        flash(composeTabId !== undefined ? t('copied') : t('copiedUnchecked', { customer: a.customer.name }));
      } catch {
        flash(t('copyFailed'), 'error');
      }
    };
    useImperativeHandle(ref, () => ({ copy: () => copy() }), [text, composeTabId]); // eslint-disable-line react-hooks/exhaustive-deps
    const insert = async (anyway = false) => {
      if (composeTabId === undefined) return;
      setMismatch(null);
      try {
        const r = await send<{ ok?: boolean; mismatch?: ComposeMismatch }>({
          type: 'compose/insert',
          tabId: composeTabId,
          text: body,
          customerId,
          anyway,
        });
        if (r?.mismatch) {
          setMismatch({ ...r.mismatch, action: 'insert' });
          return;
        }
        flash(r && r.ok === false ? t('insertNoCompose') : t('inserted'), r && r.ok === false ? 'error' : 'ok');
      } catch {
        flash(t('insertNoCompose'), 'error');
      }
    };
    return (
      <section
        data-testid="next-step"
        data-level={suggestion.level}
        data-channel={suggestion.channel}
        data-techniques={suggestion.techniqueIds.join(',')}
        aria-labelledby="next-h"
        className="rounded border border-emerald-300 bg-emerald-50 p-2"
      >
        <h2 id="next-h" className="font-medium">
          {t('nextStep')}: {stepHeading(suggestion.levelName, String(t(`common:channels.${suggestion.channel}`)))}
        </h2>
        <p className="text-stone-700">
          {suggestion.techniqueIds.map((id) => `${id}. ${techniques.find((x) => x.id === id)?.name[lang]}`).join(' · ')}
        </p>
        {suggestion.tone && (
          <p className="mt-1 text-xs text-stone-800" data-testid="tone">
            {t('toneFor', { contact: suggestion.tone.contact, type: suggestion.tone.name })} {suggestion.tone.note}
          </p>
        )}
        {suggestion.subject && <p className="mt-1 font-medium">{suggestion.subject}</p>}
        <DraftText
          testId="script"
          value={draft.text}
          onChange={draft.setText}
          edited={draft.edited}
          onReset={draft.reset}
          pickedAfterEdit={draft.pickedAfterEdit}
        />
        <InvoicePicker
          items={items}
          picked={draft.picked}
          onChange={draft.setPicked}
          lang={lang}
          testId="script-invoices"
        />
        {covered && (
          <p className="mt-1 whitespace-pre-wrap text-xs text-stone-800" data-testid="script-covered">
            {covered}
          </p>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-1.5">
          <button
            type="button"
            className={buttonCls}
            aria-keyshortcuts="c"
            data-testid="copy-script"
            onClick={() => void copy()}
          >
            {t('copy')} <kbd className="text-xs text-stone-500">c</kbd>
          </button>
          {composeTabId !== undefined && (
            <button type="button" className={buttonCls} data-testid="insert-script" onClick={() => void insert()}>
              {t('insert')}
            </button>
          )}
          <button
            type="button"
            className="rounded bg-emerald-700 px-2 py-0.5 text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-1"
            data-testid="log-step"
            aria-expanded={logging}
            onClick={() => setLogging(true)}
          >
            {t('logStep')}
          </button>
          <span
            aria-live="polite"
            className={`text-xs ${note?.tone === 'error' ? 'text-red-800' : 'text-emerald-900'}`}
          >
            {note?.text ?? ''}
          </span>
        </div>
        {logging && (
          <LogAttempt
            customerId={customerId}
            date={a.today}
            suggestedChannel={suggestion.channel}
            techniqueIds={suggestion.techniqueIds}
            nextDate={suggestion.nextDate}
            receivableIds={draft.picked}
            onClose={() => setLogging(false)}
            onLogged={draft.clear}
            sent={{ kind: 'script', subject: suggestion.subject?.slice(0, 200), text: text.slice(0, 20_000) }}
          />
        )}
        {mismatch && (
          <div
            role="alert"
            data-testid="recipient-mismatch"
            className="mt-1 space-y-1 rounded border border-amber-400 bg-amber-50 p-2 text-amber-950"
          >
            <p>
              {t(mismatch.action === 'copy' ? 'recipientCheck.warnCopy' : 'recipientCheck.warn', {
                letterFor: mismatch.letterFor,
                recipients: mismatch.recipients
                  .map((r) => t('recipientCheck.recipient', { email: r.email, customer: r.customerName }))
                  .join(t('recipientCheck.separator')),
              })}
            </p>
            <div className="flex gap-1.5">
              {mismatch.action === 'copy' ? (
                <>
                  <button type="button" className={buttonCls} data-testid="copy-anyway" onClick={() => void copy(true)}>
                    {t('recipientCheck.copyAnyway')}
                  </button>
                  <button
                    type="button"
                    className={buttonCls}
                    data-testid="copy-cancel"
                    onClick={() => setMismatch(null)}
                  >
                    {t('recipientCheck.cancelCopy')}
                  </button>
                </>
              ) : (
                <>
                  <button
                    type="button"
                    className={buttonCls}
                    data-testid="insert-anyway"
                    onClick={() => void insert(true)}
                  >
                    {t('recipientCheck.insertAnyway')}
                  </button>
                  <button
                    type="button"
                    className={buttonCls}
                    data-testid="insert-cancel"
                    onClick={() => setMismatch(null)}
                  >
                    {t('recipientCheck.cancel')}
                  </button>
                </>
              )}
            </div>
          </div>
        )}
        <div className="mt-1 flex flex-wrap gap-x-3 text-xs">
          {(['balance-confirmation', 'collection-letter', 'lawyer-letter'] as const).map((k) => (
            <a
              key={k}
              className="underline"
              target="_blank"
              rel="noreferrer"
              data-testid={`letter-${k}`}
              href={extensionUrl(`/letter.html?customer=${encodeURIComponent(customerId)}&kind=${k}&lang=${lang}`)}
            >
              {t(`letters.${k}`)}
            </a>
          ))}
        </div>
        <details className="mt-1" open>
          <summary className="cursor-pointer text-xs font-medium uppercase text-stone-700">{t('why')}</summary>
          <ul className="list-disc pl-5" data-testid="why">
            {suggestion.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
        {suggestion.cautions.length > 0 && (
          <details className="mt-1">
            <summary className="cursor-pointer text-xs font-medium uppercase text-stone-700">
              {t('cautions')} ({suggestion.cautions.length})
            </summary>
            <ul className="list-disc pl-5">
              {suggestion.cautions.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </details>
        )}
        {suggestion.missing.length > 0 && (
          <p className="mt-1 text-amber-900" data-testid="missing">
            {t('missingLead')}{' '}
            {suggestion.missing
              .map((n) => nineQuestions[n - 1]?.q[lang])
              .filter(Boolean)
              .join('、')}
          </p>
        )}
      </section>
    );
  },
);
