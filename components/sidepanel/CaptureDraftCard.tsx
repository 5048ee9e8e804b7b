/** A capture waiting in the side panel: the parsed message as an editable draft the user confirms. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { putPromise } from '@/lib/db/repo';
import { newId, toIsoDay } from '@/lib/domain';
import { parseCapture } from '@/lib/capture';
import { send, notifyDataChanged } from '@/lib/browser/send';
import type { TabContextView } from '@/lib/messaging/protocol';

export function CaptureDraftCard({ customerId, draft, tabId }: { customerId: string; draft: NonNullable<TabContextView['draft']>; tabId: number }) {
  const { t } = useTranslation('sidepanel');
  const { lang } = useApp();
  const parsed = useMemo(() => parseCapture(draft.text, { now: draft.sentAt && !Number.isNaN(Date.parse(draft.sentAt)) ? new Date(draft.sentAt) : new Date(), lang }), [draft, lang]);
  const first = parsed.promise?.amount ?? parsed.amounts[0];
  const [amount, setAmount] = useState(first ? (first.minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }) : '');
  const [currency, setCurrency] = useState(first?.currency ?? 'CNY');
  const [date, setDate] = useState(parsed.promise?.date ?? parsed.dates[0] ?? toIsoDay(new Date()));
  const save = async () => {
    const minor = Math.round(Number(amount.replace(/,/g, '')) * 100);
    if (!Number.isFinite(minor) || minor <= 0) return;
    const now = Date.now();
    await putPromise(getDb(), {
      id: newId('pr'), customerId, amount: { minor, currency }, date, source: 'capture', status: 'pending', coveredMinor: 0,
      receivableIds: [], evidence: [draft.subject, draft.sentAt, draft.url].filter(Boolean).join(' · ').slice(0, 500), createdAt: now, updatedAt: now,
    });
    notifyDataChanged();
    await send({ type: 'draft/clear', tabId });
  };
  return (
    <section data-testid="capture-draft" aria-label={t('captureTitle')} className="rounded border border-blue-300 bg-blue-50 p-2">
      <h2 className="font-medium">{t('captureTitle')}</h2>
      <p className="line-clamp-3 text-stone-700">{draft.text}</p>
      <label className="block">{t('amount')} <input data-testid="capture-amount" value={amount} onChange={(e) => setAmount(e.target.value)} className="rounded border px-1" /></label>
      <label className="block">{t('currency')} <input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} className="w-16 rounded border px-1" /></label>
      <label className="block">{t('date')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} className="rounded border px-1" /></label>
      <button type="button" data-testid="capture-save" onClick={() => void save()} className="mt-1 rounded bg-blue-700 px-2 py-1 text-white">{t('savePromise')}</button>
    </section>
  );
}

