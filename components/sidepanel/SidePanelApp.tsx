/**
 * The side panel: the collection workspace for the customer on the active tab, or one chosen by search (`/`) and
 * optionally pinned. Top to bottom as UI.md orders it: who → how much and how late → what next → what we know →
 * what happened → the documents. Follows the tab through the background's `tab/updated` broadcasts.
 */
import { startTransition, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, storeChoice } from '@/lib/db/schema';
import { recoverInterruptedImports } from '@/lib/db/importJournal';
import { toIsoDay } from '@/lib/domain';
import { send } from '@/lib/browser/send';
import { confidentMatch } from '@/lib/messaging/router';
import type { TabContextView } from '@/lib/messaging/protocol';
import { siteKind } from '@/lib/sites/registry';
import { AccountProvider, useAccountQuery } from './account';
import { UndoProvider } from './undo';
import { CustomerHeader, type Source } from './CustomerHeader';
import { HostConfirmCard, UnreadCard } from './PageNotices';
import { StatusCard } from './StatusCard';
import { ForecastCard } from './ForecastCard';
import { NextStepCard, type NextStepHandle } from './NextStepCard';
import { AccountFacts } from './AccountFacts';
import { NineQuestions } from './NineQuestions';
import { ContactsCard } from './contacts';
import { MergeNotes } from '@/components/team/MergeNotes';
import { useTeamLive } from '@/components/team/useTeamLive';
import { PreparationsChecklist } from './Preparations';
import { PromisesCard } from './Promises';
import { ToolkitCard } from './toolkit/ToolkitCard';
import { PaymentsCard } from './Payments';
import { ActivityQuickAdd, ActivityTimeline, type QuickAddHandle } from './Activities';
import { ReceivablesCard } from './Receivables';
import { CaptureDraftCard } from './CaptureDraftCard';
import { CaptureSavedNotice } from './CaptureSavedNotice';
import { useClock } from '@/components/app/clock';
import { followActiveTab } from '@/lib/browser/followTab';
import {
  clearPanelPick,
  extensionUrl,
  onExtensionMessage,
  PANEL_PICK_KEY,
  tabFollowApi,
  watchLocalValue,
} from '@/lib/browser/pages';

function useTabContext(fixedTab: number | null, enabled: boolean): TabContextView | null {
  const [tabId, setTabId] = useState<number | null>(fixedTab);
  const [view, setView] = useState<TabContextView | null>(null);
  useEffect(() => {
    if (fixedTab !== null || !enabled) return;
    return followActiveTab(tabFollowApi(), extensionUrl('/'), setTabId);
  }, [fixedTab, enabled]);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    const load = () =>
      void send<TabContextView>({ type: 'tab/context', tabId })
        .then((v) => {
          if (live) setView(v);
        })
        .catch(() => undefined);
    load();
    const onMsg = (m: unknown) => {
      const msg = m as { type?: string; tabId?: number };
      if ((msg.type === 'tab/updated' && msg.tabId === tabId) || msg.type === 'data/changed') load();
      return undefined;
    };
    const stop = onExtensionMessage(onMsg);
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);
  return view;
}

function useLocationSearch(): string {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const on = () => setSearch(location.search);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return search;
}

/**
 * The cards under the first screen (what we know, what happened, the documents) render in the frame after the
 * customer's figures and next step, so a switch shows what matters first; a placeholder holds their space.
 */
function BelowTheFold({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return (
    <div className="space-y-3" data-testid="below-the-fold" data-complete={shown}>
      {shown ? children : <div className="h-96 rounded bg-stone-50" aria-busy="true" />}
    </div>
  );
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function SidePanelApp() {
  const now = useClock();
  // The panel reads receivables directly: rows left by an import cut off by a closed page are put right first.
  useEffect(() => {
    void recoverInterruptedImports(getDb(), now()).catch(() => undefined);
  }, [now]);
  // While the panel is open the team's changes arrive within seconds (nothing is sent when team mode is off).
  useTeamLive();
  // One undo toast for the whole panel, so deleting the shown customer can still be undone after it is gone.
  return (
    <UndoProvider>
      <Workspace now={now} />
    </UndoProvider>
  );
}

function Workspace({ now }: { now: () => Date }) {
  const { t } = useTranslation('sidepanel');
  // `?customer=` can change in place (history navigation when the panel is open as a tab from the worklist).
  const search = useLocationSearch();
  const params = new URLSearchParams(search);
  const customerParam = params.get('customer');
  // The worker matches pages against the user's store; while the demo is tried the panel does not follow the tab
  // (the demo's customers are picked by search), so no customer of the user's is shown in it.
  const demo = storeChoice() === 'demo';
  const view = useTabContext(params.get('tab') && !demo ? Number(params.get('tab')) : null, !customerParam && !demo);
  const [chosen, setChosen] = useState<{ id: string; pinned: boolean; fromWorklist?: boolean } | null>(null);
  // A worklist row clicked in the popup opened this panel (or found it open) and asks it to show that customer.
  useEffect(
    () =>
      watchLocalValue(PANEL_PICK_KEY, (raw) => {
        const id = (raw as { customerId?: unknown } | undefined)?.customerId;
        if (typeof id !== 'string' || !id) return;
        setChosen({ id, pinned: false, fromWorklist: true });
        void clearPanelPick().catch(() => undefined);
      }),
    [],
  );
  const [searchOpen, setSearchOpen] = useState(false);
  const nextStep = useRef<NextStepHandle>(null);
  const quickAdd = useRef<QuickAddHandle>(null);
  const activityRef = useRef<HTMLElement>(null);

  // A customer picked by search gives way when the tab moves to another record; a pinned one stays.
  const pageKey = view?.ctx ? `${view.tabId}|${view.ctx.url ?? ''}|${view.ctx.recordId ?? ''}` : '';
  const lastPage = useRef(pageKey);
  useEffect(() => {
    if (pageKey !== lastPage.current) {
      lastPage.current = pageKey;
      setChosen((c) => (c && !c.pinned ? null : c));
    }
  }, [pageKey]);

  const match = view ? confidentMatch(view.matches) : undefined;
  let customerId: string | null = null;
  let source: Source | undefined;
  if (chosen) {
    customerId = chosen.id;
    source = { kind: chosen.pinned ? 'pinned' : chosen.fromWorklist ? 'param' : 'search' };
  } else if (customerParam) {
    customerId = customerParam;
    source = { kind: 'param' };
  } else if (match) {
    customerId = match.customerId;
    source = { kind: 'tab', match };
  }

  const account = useAccountQuery(customerId, toIsoDay(now()));
  const candidates = useLiveQuery(async () => {
    if (customerId || !view?.matches.length) return [];
    const cs = await getDb().customers.bulkGet(view.matches.slice(0, 3).map((m) => m.customerId));
    return cs.flatMap((c, i) => (c ? [{ id: c.id, name: c.name, score: view.matches[i].score }] : []));
  }, [customerId, view]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        setSearchOpen(true);
      } else if (e.key === 'n' && account) {
        e.preventDefault();
        activityRef.current?.scrollIntoView({ block: 'nearest' });
        quickAdd.current?.focus();
      } else if (e.key === 'c' && account) {
        e.preventDefault();
        void nextStep.current?.copy();
      }
    },
    [account],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  const onPin = (pinned: boolean) => setChosen(customerId ? { id: customerId, pinned } : null);
  const header = (
    <CustomerHeader
      customer={account ? account.customer : undefined}
      source={source}
      view={view}
      pinned={!!chosen?.pinned}
      onPin={onPin}
      onChoose={(id) => setChosen({ id, pinned: false })}
      onLinked={() => setChosen(null)}
      searchOpen={searchOpen}
      setSearchOpen={setSearchOpen}
    />
  );
  const composeTab = view?.ctx && siteKind(view.ctx.site) === 'mail' ? view.tabId : undefined;

  if (!customerId || account === null) {
    return (
      <main className="space-y-3 p-3 text-sm" data-ready="true">
        {header}
        <CaptureSavedNotice />
        {view?.pendingHost && <HostConfirmCard view={view} />}
        {view?.unread && !view.pendingHost && <UnreadCard view={view} onLinked={() => setChosen(null)} />}
        {view?.draft && (
          <CaptureDraftCard
            key={view.draft.capturedAt}
            customerId={null}
            matches={view.matches}
            draft={view.draft}
            tabId={view.tabId}
          />
        )}
        {customerId && account === null && (
          <p role="alert" className="text-red-800">
            {t('customerGone')}
          </p>
        )}
        {candidates && candidates.length > 0 && view && (
          <section
            aria-label={t('header.candidates')}
            className="rounded border border-amber-300 bg-amber-50 p-2"
            data-testid="candidates"
          >
            <h2 className="font-medium">{t('header.candidates')}</h2>
            <ul className="mt-1 space-y-1">
              {candidates.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate" title={c.name}>
                    {c.name} <span className="text-xs text-stone-600">{Math.round(c.score * 100)}%</span>
                  </span>
                  <button
                    type="button"
                    className="shrink-0 rounded border border-stone-300 bg-white px-2 py-0.5"
                    data-customer-id={c.id}
                    onClick={() => void send({ type: 'customer/link', tabId: view.tabId, customerId: c.id })}
                  >
                    {t('header.thisOne')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {!view?.ctx && !customerId && <p className="text-stone-700">{t('emptyHint')}</p>}
      </main>
    );
  }
  if (!account) {
    return (
      <main className="space-y-3 p-3 text-sm" aria-busy="true" data-customer-id={customerId}>
        <div className="h-12 animate-pulse rounded bg-stone-100" />
        <div className="h-28 animate-pulse rounded bg-stone-100" />
        <div className="h-56 animate-pulse rounded bg-stone-100" />
      </main>
    );
  }
  return (
    <AccountProvider account={account}>
      <main
        key={customerId}
        tabIndex={-1}
        className="space-y-3 p-3 pb-14 text-sm focus:outline-none"
        data-customer-id={customerId}
        data-ready="true"
      >
        {header}
        <CaptureSavedNotice />
        {view?.draft && (
          <CaptureDraftCard
            key={view.draft.capturedAt}
            customerId={customerId}
            matches={view.matches}
            draft={view.draft}
            tabId={view.tabId}
          />
        )}
        <StatusCard />
        <ForecastCard />
        <NextStepCard ref={nextStep} customerId={customerId} composeTabId={composeTab} />
        <BelowTheFold>
          <AccountFacts />
          <NineQuestions />
          <MergeNotes customerId={customerId} />
          <ContactsCard />
          <PreparationsChecklist />
          <PaymentsCard />
          <PromisesCard />
          <ToolkitCard />
          <section
            ref={activityRef}
            aria-labelledby="activity-h"
            data-testid="activity"
            className="space-y-2 rounded border border-stone-200 p-2"
          >
            <h2 id="activity-h" className="font-medium">
              {t('activity.title')} <kbd className="rounded border px-1 text-xs font-normal text-stone-600">n</kbd>
            </h2>
            <ActivityQuickAdd ref={quickAdd} />
            <ActivityTimeline />
          </section>
          <ReceivablesCard />
        </BelowTheFold>
      </main>
    </AccountProvider>
  );
}
