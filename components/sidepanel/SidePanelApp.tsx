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
import { toIsoDay } from '@/lib/domain';
import { formatMoney, formatDay } from '@/lib/format';
import { allocate, daysBetween } from '@/lib/ledger';
import { CaptureDraftCard } from './CaptureDraftCard';
import { CaptureSavedNotice } from './CaptureSavedNotice';
import { NextStepCard } from './NextStepCard';
import { send } from '@/lib/browser/send';
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
    return (
      <main className="space-y-3 p-4 text-sm">
        <CaptureSavedNotice />
        <p data-testid="no-customer">{view?.ctx ? t('notLinked', { name: view.ctx.name ?? view.ctx.emails[0] ?? '' }) : t('noPage')}</p>
        {view?.draft && <CaptureDraftCard key={view.draft.capturedAt} customerId={null} matches={view.matches} draft={view.draft} tabId={view.tabId} />}
      </main>
    );
  }
  if (!data) return <main className="p-4 text-sm" aria-busy="true">{t('loading')}</main>;
  return (
    <main className="space-y-3 p-3 text-sm" data-customer-id={customerId} data-ready="true">
      <header>
        <h1 className="text-lg font-semibold">{data.customer.name}</h1>
      </header>
      <CaptureSavedNotice />
      {view?.draft && <CaptureDraftCard key={view.draft.capturedAt} customerId={customerId} matches={view.matches} draft={view.draft} tabId={view.tabId} />}
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

