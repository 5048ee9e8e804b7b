/**
 * What next: `suggestNext` for this customer today — level, technique(s), channel, the filled script with copy
 * (`c`) and, when the tab has a webmail compose box, insert; why, cautions and what is still unknown. One click
 * logs the step as an activity, which resets the preparations and moves the suggestion on.
 */
import { forwardRef, useImperativeHandle, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extensionUrl } from '@/lib/browser/pages';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { addActivity } from '@/lib/db/repo';
import { suggestNext } from '@/lib/playbook';
import { nineQuestions, techniques } from '@/lib/playbook/catalog';
import { newId } from '@/lib/domain';
import { daysBetween } from '@/lib/ledger';
import { send, notifyDataChanged } from '@/lib/browser/send';
import { useAccount } from './account';
import { buttonCls } from './fields';
import { useClock } from '@/components/app/clock';

export interface NextStepHandle { copy: () => Promise<void> }

export const NextStepCard = forwardRef<NextStepHandle, { customerId: string; composeTabId?: number }>(function NextStepCard({ customerId, composeTabId }, ref) {
  const { t } = useTranslation(['sidepanel', 'common']);
  const clock = useClock();
  const { lang } = useApp();
  const a = useAccount();
  const suggestion = useMemo(() => {
    // What the customer wrote lately (captured messages, call notes) is where the three traps show up.
    const recentMessages = a.activities.filter((x) => x.note && daysBetween(x.date, a.today) <= 60).map((x) => x.note!);
    const [y, m, d] = a.today.split('-').map(Number);
    return suggestNext({ ...a, recentMessages }, new Date(y, m - 1, d, 12), lang);
  }, [a, lang]);
  const [note, setNote] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const flash = (text: string, tone: 'ok' | 'error' = 'ok') => { setNote({ text, tone }); setTimeout(() => setNote(null), 2500); };
  const text = suggestion.subject ? `${suggestion.subject}\n\n${suggestion.script}` : suggestion.script;
  const copy = async () => {
    try { await navigator.clipboard.writeText(text); flash(t('copied')); } catch { flash(t('copyFailed'), 'error'); }
  };
  useImperativeHandle(ref, () => ({ copy }), [text]); // eslint-disable-line react-hooks/exhaustive-deps
  const insert = async () => {
    if (composeTabId === undefined) return;
    try {
      const r = await send<{ ok?: boolean }>({ type: 'compose/insert', tabId: composeTabId, text: suggestion.script });
      flash(r && r.ok === false ? t('insertNoCompose') : t('inserted'), r && r.ok === false ? 'error' : 'ok');
    } catch { flash(t('insertNoCompose'), 'error'); }
  };
  const log = async () => {
    await addActivity(getDb(), {
      id: newId('a'), customerId, date: a.today, channel: suggestion.channel, techniqueIds: suggestion.techniqueIds,
      outcome: 'other', nextDate: suggestion.nextDate, note: suggestion.script.slice(0, 2000), receivableIds: [], createdAt: clock().getTime(),
    }, clock());
    notifyDataChanged();
    flash(t('logged'));
  };
  return (
    <section data-testid="next-step" data-level={suggestion.level} data-channel={suggestion.channel} data-techniques={suggestion.techniqueIds.join(',')} aria-labelledby="next-h"
      className="rounded border border-emerald-300 bg-emerald-50 p-2">
      <h2 id="next-h" className="font-medium">{t('nextStep')}: {suggestion.levelName} · {t(`common:channels.${suggestion.channel}`)}</h2>
      <p className="text-stone-700">{suggestion.techniqueIds.map((id) => `${id}. ${techniques.find((x) => x.id === id)?.name[lang]}`).join(' · ')}</p>
      {suggestion.tone && (
        <p className="mt-1 text-xs text-stone-800" data-testid="tone">{t('toneFor', { contact: suggestion.tone.contact, type: suggestion.tone.name })} {suggestion.tone.note}</p>
      )}
      {suggestion.subject && <p className="mt-1 font-medium">{suggestion.subject}</p>}
      {/* Focusable: it scrolls when the script is long, and a keyboard user must be able to scroll it. */}
      <pre tabIndex={0} aria-labelledby="next-h" className="mt-1 max-h-60 overflow-y-auto whitespace-pre-wrap rounded bg-white p-2 font-sans focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600" data-testid="script">{suggestion.script}</pre>
      <div className="mt-1 flex flex-wrap items-center gap-1.5">
        <button type="button" className={buttonCls} aria-keyshortcuts="c" data-testid="copy-script" onClick={() => void copy()}>{t('copy')} <kbd className="text-xs text-stone-500">c</kbd></button>
        {composeTabId !== undefined && <button type="button" className={buttonCls} data-testid="insert-script" onClick={() => void insert()}>{t('insert')}</button>}
        <button type="button" className="rounded bg-emerald-700 px-2 py-0.5 text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-offset-1" data-testid="log-step" onClick={() => void log()}>{t('logStep')}</button>
        <span aria-live="polite" className={`text-xs ${note?.tone === 'error' ? 'text-red-800' : 'text-emerald-900'}`}>{note?.text ?? ''}</span>
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 text-xs">
        {(['balance-confirmation', 'collection-letter', 'lawyer-letter'] as const).map((k) => (
          <a key={k} className="underline" target="_blank" rel="noreferrer" data-testid={`letter-${k}`}
            href={extensionUrl(`/letter.html?customer=${encodeURIComponent(customerId)}&kind=${k}&lang=${lang}`)}>{t(`letters.${k}`)}</a>
        ))}
      </div>
      <details className="mt-1" open>
        <summary className="cursor-pointer text-xs font-medium uppercase text-stone-700">{t('why')}</summary>
        <ul className="list-disc pl-5" data-testid="why">{suggestion.why.map((w) => <li key={w}>{w}</li>)}</ul>
      </details>
      {suggestion.cautions.length > 0 && <details className="mt-1">
        <summary className="cursor-pointer text-xs font-medium uppercase text-stone-700">{t('cautions')} ({suggestion.cautions.length})</summary>
        <ul className="list-disc pl-5">{suggestion.cautions.map((w) => <li key={w}>{w}</li>)}</ul>
      </details>}
      {suggestion.missing.length > 0 && (
        <p className="mt-1 text-amber-900" data-testid="missing">{t('missingLead')} {suggestion.missing.map((n) => nineQuestions[n - 1]?.q[lang]).filter(Boolean).join('、')}</p>
      )}
    </section>
  );
});
