/**
 * Service worker: wires the router, the store's caches, the reminders, team sync and the menus to the browser
 * (each a setup module in lib/browser). Everything it holds in memory is a cache that can be rebuilt from
 * IndexedDB and storage.session, because the worker can be stopped at any moment.
 */
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/schema';
import { setCaptureClock } from '@/lib/sync/capture';
import { createRouter } from '@/lib/messaging/router';
import { createReminderService } from '@/lib/browser/reminders';
import { recoverInterruptedImports } from '@/lib/db/importJournal';
import { systemClock } from '@/lib/clock';
import { createSiteState, CONFIRMED_HOSTS_KEY } from '@/lib/browser/siteState';
import { createTeamSync } from '@/lib/browser/teamSync';
import { createTabStore } from '@/lib/browser/background/tabStore';
import { createStoreCaches } from '@/lib/browser/background/storeCaches';
import { installMenusAndCommands } from '@/lib/browser/background/menus';
import { listenForMessages } from '@/lib/browser/background/messages';

export default defineBackground(() => {
  // The worker's one clock: every handler, reminder and stamp below takes "now" from here.
  const now = systemClock;
  setCaptureClock(() => now().getTime());
  const db = getDb();
  // An import cut off by a closed page (or a browser that quit) is reverted before anything reads the store.
  void recoverInterruptedImports(db, now()).catch((e: unknown) => console.warn('[huikuan] import recovery', e));
  const me = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  const tabs = createTabStore(browser.storage.session);
  browser.tabs.onRemoved.addListener((tabId) => void tabs.delete(tabId));
  const warn = (what: string) => (e: unknown) => console.warn(`[huikuan] ${what}`, e);
  const caches = createStoreCaches(db, {
    customersRematched: () => void handle.rematch(tabs.known()).catch(warn('rematch')),
    figuresChanged: (ids) => void handle.figuresChanged(tabs.known(), ids).catch(warn('badge refresh')),
    settingsChanged: () => void handle.refreshBadges(tabs.known()).catch(warn('badge refresh')),
    outboxWritten: () => teamSync.localWrite(),
    forecastInputsChanged: () => handle.forecastChanged(),
  });
  // Team sharing (off until configured in the options page): one-shot cycles, see lib/browser/teamSync.ts.
  const teamSync = createTeamSync({ db, browser, now, extensionOrigin: me.origin });
  teamSync.start();
  const reminders = createReminderService({ db, browser, now });
  const siteState = createSiteState(browser.storage.local, now);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CONFIRMED_HOSTS_KEY in changes) siteState.hostsChanged();
  });
  // No receiver (no panel open) is normal.
  const broadcast = (message: unknown) => void browser.runtime.sendMessage(message).catch(() => undefined);

  const handle = createRouter({
    me,
    db,
    tabs,
    now,
    broadcast,
    matcher: () => caches.matcher.current(),
    customersChanged: (ids) => {
      if (ids) caches.matcher.changed(ids);
      // Dexie's notices normally said it already; this catches a write they missed.
      else caches.matcher.verify();
    },
    clock: () => performance.timeOrigin + performance.now(),
    // The forecast is recomputed in the background once the store is quiet after a change (lib/forecast/service.ts).
    schedule: (task, ms) => {
      setTimeout(task, ms);
    },
    settings: caches.settings,
    badgeInputs: caches.badgeInputs,
    browserLang: () => browser.i18n.getUILanguage(),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    onDataChanged: () => reminders.schedule(),
    isSiteEnabled: (site, disabled) => !disabled.includes(site),
    hostConfirmed: siteState.hostConfirmed,
    confirmHost: siteState.confirmHost,
    forgetHost: siteState.forgetHost,
    knownTabs: tabs.known,
    recordVisit: siteState.recordVisit,
    contactMatches: caches.contactMatches,
  });
  listenForMessages(browser, handle);
  installMenusAndCommands({ browser, db, tabs, now, broadcast });

  if (import.meta.env.CHROME || import.meta.env.EDGE) {
    // The toolbar icon opens the popup; the panel opens from the badge, the menu or the shortcut.
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }

  void reminders.start();
});
