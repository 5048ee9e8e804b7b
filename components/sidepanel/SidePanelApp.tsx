/**
 * The side panel: the customer of the active tab (or `?customer=`), its figures per currency, a capture draft to
 * confirm, and its promises. Follows the tab through the background's `tab/updated` broadcasts.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { useApp } from '@/components/app/AppShell';
import { getDb } from '@/lib/db/schema';
import { addActivity, loadAccountRows, putPromise } from '@/lib/db/repo';
import { suggestNext } from '@/lib/playbook';
import { techniques } from '@/lib/playbook/catalog';
import { newId, toIsoDay } from '@/lib/domain';
import { formatMoney, formatDay } from '@/lib/format';
import { allocate, daysBetween } from '@/lib/ledger';
import { parseCapture } from '@/lib/capture';
import { send, notifyDataChanged } from '@/lib/browser/send';
import { confidentMatch } from '@/lib/messaging/router';
import type { TabContextView } from '@/lib/messaging/protocol';

function useTabContext(): { view: TabContextView | null; customerParam: string | null } {
  const params = new URLSearchParams(location.search);
  const customerParam = params.get('customer');
  const [tabId, setTabId] = useState<number | null>(params.get('tab') ? Number(params.get('tab')) : null);
  const [view, setView] = useState<TabContextView | null>(null);
  useEffect(() => {
    if (tabId !== null || customerParam) return;
    void browser.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => {
      const t = tabs.find((x) => !x.url?.startsWith(browser.runtime.getURL('/')));
      if (t?.id != null) setTabId(t.id);
    });
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [tabId, customerParam]);
  useEffect(() => {
    if (tabId === null) return;
    const load = () => void send<TabContextView>({ type: 'tab/context', tabId }).then(setView).catch(() => undefined);
    load();
    const onMsg = (m: unknown) => {
      const msg = m as { type?: string; tabId?: number };
      if ((msg.type === 'tab/updated' && msg.tabId === tabId) || msg.type === 'data/changed') load();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMsg);
    return () => browser.runtime.onMessage.removeListener(onMsg);
  }, [tabId]);
  return { view, customerParam };
}

export function SidePanelApp() {
  const { t } = useTranslation('sidepanel');
  const { lang } = useApp();
  const { view, customerParam } = useTabContext();
  const customerId = customerParam ?? (view ? confidentMatch(view.matches)?.customerId : undefined) ?? null;
  const today = toIsoDay(new Date());
  const data = useLiveQuery(async () => {
    if (!customerId) return null;
    const db = getDb();
    const [customer, receivables, payments, promises] = await Promise.all([
      db.customers.get(customerId), db.receivables.where('customerId').equals(customerId).toArray(),
      db.payments.where('customerId').equals(customerId).toArray(), db.promises.where('customerId').equals(customerId).toArray(),
    ]);
    return customer ? { customer, receivables, payments, promises } : null;
  }, [customerId]);
  const figures = useMemo(() => {
    if (!data) return [];
    const by = new Map<string, { open: number; overdue: number; oldest?: string }>();
    for (const r of allocate(data.receivables, data.payments)) {
      if (r.openMinor <= 0) continue;
      const f = by.get(r.amount.currency) ?? { open: 0, overdue: 0 };
      f.open += r.openMinor;
      if (r.dueDate < today) { f.overdue += r.openMinor; if (!f.oldest || r.dueDate < f.oldest) f.oldest = r.dueDate; }
      by.set(r.amount.currency, f);
    }
    return [...by].sort();
  }, [data, today]);

  if (!customerId) {
    return <main className="p-4 text-sm" data-testid="no-customer">{view?.ctx ? t('notLinked', { name: view.ctx.name ?? view.ctx.emails[0] ?? '' }) : t('noPage')}</main>;
  }
  if (!data) return <main className="p-4 text-sm" aria-busy="true">{t('loading')}</main>;
  return (
    <main className="space-y-3 p-3 text-sm" data-customer-id={customerId} data-ready="true">
      <header>
        <h1 className="text-lg font-semibold">{data.customer.name}</h1>
      </header>
      {view?.draft && <CaptureDraftCard customerId={customerId} draft={view.draft} tabId={view.tabId} />}
      <section aria-label={t('status')} className="rounded border border-stone-200 p-2">
        {figures.length === 0 && <p>{t('nothingOpen')}</p>}
        {figures.map(([cur, f]) => (
          <div key={cur} className="flex flex-wrap gap-x-4">
            <span>{t('outstanding')}: <strong className="tabular-nums">{formatMoney(f.open, cur, lang)}</strong></span>
            <span>{t('overdue')}: <strong className="tabular-nums text-red-800">{formatMoney(f.overdue, cur, lang)}</strong></span>
            {f.oldest && <span>{t('oldest', { days: daysBetween(f.oldest, today) })}</span>}
          </div>
        ))}
      </section>
      <NextStepCard customerId={customerId} />
      <section aria-label={t('promises')} data-testid="promises" className="rounded border border-stone-200 p-2">
        <h2 className="font-medium">{t('promises')}</h2>
        <ul>
          {[...data.promises].sort((a, b) => b.date.localeCompare(a.date)).map((p) => (
            <li key={p.id} className="tabular-nums">{formatDay(p.date, lang)} · {formatMoney(p.amount.minor, p.amount.currency, lang)} · {t(`common:promiseStatus.${p.status}`)}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function CaptureDraftCard({ customerId, draft, tabId }: { customerId: string; draft: NonNullable<TabContextView['draft']>; tabId: number }) {
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

function NextStepCard({ customerId }: { customerId: string }) {
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
