/**
 * The page's context menu ("Capture as payment news") and the keyboard commands: both open the side panel, and a
 * capture stores the selection as the tab's draft. The panel must be opened synchronously inside the click.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { HuikuanDb } from '../../db/schema';
import { getSettings } from '../../db/repo';
import { pickLang, translator } from '../../i18n';
import type { Broadcast } from '../../messaging/protocol';
import type { TabStore } from '../../messaging/router';
import { openPanelForTab } from '../panel';

export interface MenuDeps {
  browser: WxtBrowser;
  db: HuikuanDb;
  tabs: TabStore;
  now(): Date;
  broadcast(message: Broadcast): void;
}

export function installMenusAndCommands({ browser, db, tabs, now, broadcast }: MenuDeps): void {
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
    openPanelForTab(tab.id, tab.windowId);
    const tabId = tab.id;
    const text = info.selectionText;
    void (async () => {
      const prev = await tabs.get(tabId);
      await tabs.set(tabId, {
        ctx: prev?.ctx ?? null,
        matches: prev?.matches ?? [],
        draft: { text, url: tab.url, capturedAt: now().getTime() },
      });
      broadcast({ type: 'tab/updated', tabId });
    })();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (!tab?.id) return;
    if (command === 'open-panel' || command === 'capture-selection') openPanelForTab(tab.id, tab.windowId);
    if (command === 'capture-selection')
      browser.tabs.sendMessage(tab.id, { type: 'selection/get' }).catch(() => undefined);
  });
}
