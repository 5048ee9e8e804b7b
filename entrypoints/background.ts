/**
 * Service worker: wires lib/messaging's router, the reminders and the context menu to the browser. Everything
 * it holds in memory is a cache that can be rebuilt from IndexedDB and storage.session, because the worker can
 * be stopped at any moment.
 */
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { buildCustomerIndex } from '@/lib/match';
import { createRouter, RejectedMessage, type Matcher, type TabEntry } from '@/lib/messaging/router';
import { createReminderService } from '@/lib/browser/reminders';
import { openPanelForTab } from '@/lib/browser/panel';
import { getSettings } from '@/lib/db/repo';
import { recoverInterruptedImports } from '@/lib/db/importJournal';
import { pickLang, translator } from '@/lib/i18n';

export default defineBackground(() => {
  const db = getDb();
  // An import cut off by a closed page (or a browser that quit) is reverted before anything reads the store.
  void recoverInterruptedImports(db).catch((e: unknown) => console.warn('[huikuan] import recovery', e));
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
      await browser.storage.session.set({ [`tab:${tabId}`]: entry });
    },
    async delete(tabId: number) {
      tabCache.delete(tabId);
      await browser.storage.session.remove(`tab:${tabId}`);
    },
  };
  browser.tabs.onRemoved.addListener((tabId) => void tabs.delete(tabId));

  let matcher: Promise<Matcher> | undefined;
  let rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  const buildMatcher = (): Promise<Matcher> => db.customers.toArray().then((cs) => buildCustomerIndex(cs));
  // Built when the worker starts rather than when the first record page asks: that page's badge should not wait.
  setTimeout(() => { matcher ??= buildMatcher(); }, 0);
  const reminders = createReminderService({ db, browser, now: () => new Date() });

  const broadcast = (message: unknown) => {
    // No receiver (no panel open) is normal.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const handle = createRouter({
    me,
    db,
    tabs,
    matcher: () => (matcher ??= buildMatcher()),
    invalidateMatcher: () => {
      matcher = undefined;
      // Rebuilt off the hot path once edits settle, so the next page that opens finds it ready.
      clearTimeout(rebuildTimer);
      rebuildTimer = setTimeout(() => { matcher ??= buildMatcher(); }, 1000);
    },
    now: () => new Date(),
    browserLang: () => browser.i18n.getUILanguage(),
    broadcast,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    onDataChanged: () => reminders.schedule(),
    isSiteEnabled: (site, disabled) => !disabled.includes(site),
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // An async function's native promise: Chrome drops Dexie's own promise type as a reply.
    return (async () => {
      try {
        return await handle(message, sender);
      } catch (e) {
        if (e instanceof RejectedMessage) return { error: e.message };
        console.error('[huikuan] handler failed', e);
        return { error: 'internal error' };
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
        draft: { text: info.selectionText!, url: tab.url, capturedAt: Date.now() },
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

  reminders.start();
});
