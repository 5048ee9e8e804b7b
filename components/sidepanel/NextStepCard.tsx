/** The next step from `suggestNext`: technique, channel, the filled script, why, cautions and what is missing. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { addActivity, loadAccountRows } from '@/lib/db/repo';
import { suggestNext } from '@/lib/playbook';
import { techniques } from '@/lib/playbook/catalog';
import { newId, toIsoDay } from '@/lib/domain';
import { allocate } from '@/lib/ledger';
import { notifyDataChanged } from '@/lib/browser/send';

export function NextStepCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('sidepanel');
  const { lang } = useApp();
  const rows = useLiveQuery(() => loadAccountRows(getDb(), customerId), [customerId]);
  const suggestion = useMemo(() => {
    if (!rows) return undefined;
    return suggestNext({ ...rows, receivables: allocate(rows.receivables, rows.payments) }, new Date(), lang);
  }, [rows, lang]);
  const [copied, setCopied] = useState(false);
  if (!suggestion) return <section className="min-h-40 rounded border border-stone-200 p-2" aria-busy="true" />;
  const log = async () => {
    const now = Date.now();
    await addActivity(getDb(), {
      id: newId('a'), customerId, date: toIsoDay(new Date()), channel: suggestion.channel, techniqueIds: suggestion.techniqueIds,
      outcome: 'other', nextDate: suggestion.nextDate, note: suggestion.script.slice(0, 2000), receivableIds: [], createdAt: now,
    });
    notifyDataChanged();
  };
  return (
    <section data-testid="next-step" aria-label={t('nextStep')} className="rounded border border-emerald-300 bg-emerald-50 p-2">
      <h2 className="font-medium">{t('nextStep')}: {suggestion.levelName} · {t(`common:channels.${suggestion.channel}`)}</h2>
      <p className="text-stone-700">{suggestion.techniqueIds.map((id) => `${id} ${techniques.find((x) => x.id === id)?.name[lang]}`).join(' · ')}</p>
      {suggestion.subject && <p className="mt-1 font-medium">{suggestion.subject}</p>}
      <pre className="mt-1 whitespace-pre-wrap rounded bg-white p-2 font-sans" data-testid="script">{suggestion.script}</pre>
      <div className="mt-1 flex flex-wrap gap-2">
        <button type="button" className="rounded border px-2 py-0.5" onClick={() => void navigator.clipboard.writeText(suggestion.script).then(() => setCopied(true))}>{copied ? t('copied') : t('copy')}</button>
        <button type="button" className="rounded bg-emerald-700 px-2 py-0.5 text-white" data-testid="log-step" onClick={() => void log()}>{t('logStep')}</button>
        {(['balance-confirmation', 'collection-letter', 'lawyer-letter'] as const).map((k) => (
          <a key={k} className="underline" target="_blank" rel="noreferrer" href={browser.runtime.getURL(`/letter.html?customer=${encodeURIComponent(customerId)}&kind=${k}&lang=${lang}` as '/letter.html')}>{t(`letters.${k}`)}</a>
        ))}
      </div>
      <h3 className="mt-2 text-xs font-medium uppercase text-stone-600">{t('why')}</h3>
      <ul className="list-disc pl-5">{suggestion.why.map((w) => <li key={w}>{w}</li>)}</ul>
      {suggestion.cautions.length > 0 && <><h3 className="mt-1 text-xs font-medium uppercase text-stone-600">{t('cautions')}</h3>
        <ul className="list-disc pl-5">{suggestion.cautions.map((w) => <li key={w}>{w}</li>)}</ul></>}
      {suggestion.missing.length > 0 && <p className="mt-1 text-amber-900">{t('missing', { list: suggestion.missing.join(', ') })}</p>}
    </section>
  );
}
