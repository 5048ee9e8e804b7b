/**
 * Service worker: wires lib/messaging's router, the reminders and the context menu to the browser. Everything
 * it holds in memory is a cache that can be rebuilt from IndexedDB and storage.session, because the worker can
 * be stopped at any moment.
 */
import { browser } from 'wxt/browser';
import Dexie from 'dexie';
import { getDb } from '@/lib/db/schema';
import { setCaptureClock } from '@/lib/sync/capture';
import { changedCustomerIds, changedKeys, createLiveMatcher } from '@/lib/match/live';
import { createBadgeInputs } from '@/lib/messaging/badge-inputs';
import { createRouter, RejectedMessage, type TabEntry } from '@/lib/messaging/router';
import { createReminderService } from '@/lib/browser/reminders';
import { openPanelForTab } from '@/lib/browser/panel';
import { getSettings } from '@/lib/db/repo';
import { recoverInterruptedImports } from '@/lib/db/importJournal';
import { pickLang, translator } from '@/lib/i18n';
import type { Settings } from '@/lib/domain';
import { systemClock } from '@/lib/clock';
import { createSiteState, CONFIRMED_HOSTS_KEY } from '@/lib/browser/siteState';
import { createContactNameIndex } from '@/lib/match/contactNames';
import { createTeamSync } from '@/lib/browser/teamSync';
import { FORECAST_TABLES } from '@/lib/forecast/service';

export default defineBackground(() => {
  // The worker's one clock: every handler, reminder and stamp below takes "now" from here.
  const now = systemClock;
  setCaptureClock(() => now().getTime());
  const db = getDb();
  // An import cut off by a closed page (or a browser that quit) is reverted before anything reads the store.
  void recoverInterruptedImports(db, now()).catch((e: unknown) => console.warn('[huikuan] import recovery', e));
  const me = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // Per-tab page context survives a worker restart through storage.session (cleared when the browser closes).
  const tabCache = new Map<number, TabEntry>();
  const tabs = {
    async get(tabId: number) {
      if (!tabCache.has(tabId)) {
        const key = `tab:${tabId}`;
        const stored = (await browser.storage.session.get(key))[key] as TabEntry | undefined;
        if (stored) tabCache.set(tabId, stored);
      }
      return tabCache.get(tabId);
    },
    async set(tabId: number, entry: TabEntry) {
      tabCache.set(tabId, entry);
      // Written behind: the memory copy answers every request while this worker lives, and a session write
      // (tens of ms on a busy machine) must not delay the page's reply or its badge.
      persist.set(tabId, entry);
      flushTabs();
    },
    async delete(tabId: number) {
      tabCache.delete(tabId);
      await browser.storage.session.remove(`tab:${tabId}`);
    },
  };
  const persist = new Map<number, TabEntry>();
  let flushing = false;
  // One session write at a time, with the latest entry of every tab changed meanwhile.
  function flushTabs() {
    if (flushing || !persist.size) return;
    flushing = true;
    const batch = Object.fromEntries([...persist].map(([id, e]) => [`tab:${id}`, e]));
    persist.clear();
    browser.storage.session.set(batch)
      .catch((e: unknown) => console.warn('[huikuan] tab state', e))
      .finally(() => { flushing = false; flushTabs(); });
  }
  browser.tabs.onRemoved.addListener((tabId) => { persist.delete(tabId); void tabs.delete(tabId); });

  // Read when the worker starts rather than when the first record page asks, and then kept current from Dexie's
  // change notices (every context's writes reach this worker), so a page's request never waits for a rebuild.
  const matcher = createLiveMatcher({
    readAll: () => db.customers.toArray(),
    readSome: (ids) => db.customers.bulkGet(ids),
    async stamp() {
      const [count, last] = await Promise.all([db.customers.count(), db.customers.orderBy('updatedAt').last()]);
      return { count, lastUpdatedAt: last?.updatedAt ?? 0 };
    },
  }, {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    onChanged: () => void handle.rematch([...tabCache.keys()]).catch((e: unknown) => console.warn('[huikuan] rematch', e)),
  });
  // What the badge shows of every summary, in memory: loaded a page at a time once the matcher (which a page needs
  // first) is ready, then kept current from the change notices; a miss meanwhile reads just that summary.
  const badgeInputs = createBadgeInputs({
    readPage: (after, limit) => (after === undefined ? db.summaries.limit(limit)
      : db.summaries.where('customerId').above(after).limit(limit)).toArray(),
    readSome: (ids) => db.summaries.bulkGet(ids),
  }, {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    onChanged: (ids) => void handle.figuresChanged([...tabCache.keys()], ids)
      .catch((e: unknown) => console.warn('[huikuan] badge refresh', e)),
  });
  void matcher.current().then(() => badgeInputs.start());
  // The settings every page request needs, read once and again as soon as the meta store changed (not when the
  // next page asks): a read queued behind a large one (the reminders' scan, a restore's aftermath) would otherwise
  // hold up the badge.
  let settings: Promise<Settings> | undefined;
  const settingsNow = () => (settings ??= getSettings(db).catch((e: unknown) => { settings = undefined; throw e; }));
  Dexie.on('storagemutated', (parts) => {
    const changed = parts as Record<string, unknown>;
    if (`idb://${db.name}/meta/` in parts || 'all' in parts) {
      const before = settings;
      settings = undefined;
      void settingsNow().then(async (next) => {
        // The meta store changes with every write (the portfolio's figures); the badges follow a settings change only.
        if (JSON.stringify(await before?.catch(() => undefined)) !== JSON.stringify(next)) await handle.refreshBadges([...tabCache.keys()]);
      }).catch(() => undefined);
    }
    const ids = changedCustomerIds(changed, db.name);
    if (ids) matcher.changed(ids);
    const summaries = changedKeys(changed, db.name, 'summaries');
    if (summaries) badgeInputs.changed(summaries);
    if (changedKeys(changed, db.name, 'contacts')) contactNames = undefined;
    // A local edit queued for the team (any context's write): a sync cycle follows shortly.
    if (Object.keys(parts).some((k) => k.startsWith(`idb://${db.name}/syncOutbox/`))) teamSync.localWrite();
    if ('all' in parts || FORECAST_TABLES.some((t) => `idb://${db.name}/${t}/` in parts)) handle.forecastChanged();
  });
  // Team sharing (off until configured in the options page): one-shot cycles, see lib/browser/teamSync.ts.
  const teamSync = createTeamSync({ db, browser, now, extensionOrigin: me.origin });
  teamSync.start();
  const reminders = createReminderService({ db, browser, now });
  const siteState = createSiteState(browser.storage.local, now);
  browser.storage.onChanged.addListener((changes, area) => { if (area === 'local' && CONFIRMED_HOSTS_KEY in changes) siteState.hostsChanged(); });
  // Display names of the contacts held, built when a page first needs them and dropped when contacts change.
  let contactNames: Promise<ReturnType<typeof createContactNameIndex>> | undefined;
  const contactNamesNow = () => (contactNames ??= db.contacts.toArray().then(createContactNameIndex)
    .catch((e: unknown) => { contactNames = undefined; throw e; }));

  const broadcast = (message: unknown) => {
    // No receiver (no panel open) is normal.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const handle = createRouter({
    me,
    db,
    tabs,
    matcher: () => matcher.current(),
    customersChanged: (ids) => {
      if (ids) matcher.changed(ids);
      // Dexie's notices normally said it already; this catches a write they missed.
      else matcher.verify();
    },
    clock: () => performance.timeOrigin + performance.now(),
    // The forecast is recomputed in the background once the store is quiet after a change (lib/forecast/service.ts).
    schedule: (task, ms) => { setTimeout(task, ms); },
    settings: settingsNow,
    badgeInputs: (customerId) => badgeInputs.get(customerId),
    now,
    browserLang: () => browser.i18n.getUILanguage(),
    broadcast,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    onDataChanged: () => reminders.schedule(),
    isSiteEnabled: (site, disabled) => !disabled.includes(site),
    hostConfirmed: siteState.hostConfirmed,
    confirmHost: siteState.confirmHost,
    forgetHost: siteState.forgetHost,
    knownTabs: () => [...tabCache.keys()],
    recordVisit: siteState.recordVisit,
    contactMatches: async (name) => (await contactNamesNow()).match(name),
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // An async function's native promise: Chrome drops Dexie's own promise type as a reply.
    return (async () => {
      try {
        return await handle(message, sender);
      } catch (e) {
        if (e instanceof RejectedMessage) return { error: e.message, code: e.code };
        console.error('[huikuan] handler failed', e);
        return { error: 'internal error', code: 'internal' };
      }
    })();
  });

  async function refreshMenus() {
    const settings = await getSettings(db);
    const t = translator(pickLang(settings.language, browser.i18n.getUILanguage()));
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: 'capture-selection', title: t('capture.menu'), contexts: ['selection'] });
  }
  browser.runtime.onInstalled.addListener(() => void refreshMenus());
  browser.runtime.onStartup.addListener(() => void refreshMenus());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== 'capture-selection' || tab?.id == null || !info.selectionText) return;
    // The panel must be opened synchronously inside the click; the draft is stored right after.
    openPanelForTab(tab.id, tab.windowId);
    const tabId = tab.id;
    void (async () => {
      const prev = await tabs.get(tabId);
      await tabs.set(tabId, {
        ctx: prev?.ctx ?? null, matches: prev?.matches ?? [],
        draft: { text: info.selectionText!, url: tab.url, capturedAt: now().getTime() },
      });
      broadcast({ type: 'tab/updated', tabId });
    })();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (!tab?.id) return;
    if (command === 'open-panel' || command === 'capture-selection') openPanelForTab(tab.id, tab.windowId);
    if (command === 'capture-selection') {
      browser.tabs.sendMessage(tab.id, { type: 'selection/get' }).catch(() => undefined);
    }
  });

  if (import.meta.env.CHROME || import.meta.env.EDGE) {
    // The toolbar icon opens the popup; the panel opens from the badge, the menu or the shortcut.
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }

  void reminders.start();
});
