/**
 * The extension APIs the extension pages use (options, popup, side panel, letter): the only door from
 * components/ to the browser, so a component stays testable with a plain mock of this module and the lint wall
 * (eslint.config.js) can forbid `wxt/browser` everywhere else.
 */
import { browser } from 'wxt/browser';
import type { TabFollowApi } from './followTab';
import { LOOPBACK_MATCHES } from '../sites/demo-crm/hosts';
import { armFaultHooks } from '../db/faultHooks';

/**
 * Arms the storage-full fault hook of the browser tests (lib/db/faultHooks.ts) in the test build only: the build
 * whose manifest grants the loopback address. Production manifests never do (tests/e2e/manifest.e2e.ts).
 */
export function armTestFaults(): void {
  try {
    const m = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
    armFaultHooks(
      [...(m.host_permissions ?? []), ...(m.permissions ?? [])].some((p) =>
        (LOOPBACK_MATCHES as readonly string[]).includes(p),
      ),
    );
  } catch {
    armFaultHooks(false);
  }
}

/** An absolute URL of one of the extension's own pages, e.g. `/letter.html?kind=…`. */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path as '/');
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

/** The same address, ignoring a trailing slash and the fragment: a record's tab may have moved to another section. */
function samePage(a: string, b: string): boolean {
  const norm = (u: string) => u.split('#')[0].replace(/\/+$/, '');
  return norm(a) === norm(b);
}

/**
 * Brings a tab already showing `url` to the front (its window too), or opens one when none does: a worklist that
 * opens a new tab per click piles tabs up. Tab URLs are visible for the CRM hosts the extension may read.
 */
export async function focusOrOpenTab(url: string): Promise<'focused' | 'opened'> {
  const tabs = await browser.tabs.query({});
  const hit = tabs.find((t) => t.url && samePage(t.url, url));
  if (hit?.id !== undefined) {
    await browser.tabs.update(hit.id, { active: true });
    if (hit.windowId !== undefined)
      await browser.windows.update(hit.windowId, { focused: true }).catch(() => undefined);
    return 'focused';
  }
  await browser.tabs.create({ url });
  return 'opened';
}

/** The window this extension page is in (the popup's: the window whose toolbar it opened from). */
export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent().catch(() => undefined))?.id;
}

/** The side panel and the worklist agree on this key: the customer the worklist asked the panel to show. */
export const PANEL_PICK_KEY = 'panelPick';

/** Asks an open (or opening) side panel to show this customer. */
export async function pickInPanel(customerId: string): Promise<void> {
  await browser.storage.local.set({ [PANEL_PICK_KEY]: { customerId } });
}

/** The side panel took the pick: later panels must not show it again. */
export async function clearPanelPick(): Promise<void> {
  await browser.storage.local.remove(PANEL_PICK_KEY);
}

/** Listens to messages from the background; returns the unsubscribe. */
export function onExtensionMessage(listener: (message: unknown) => undefined): () => void {
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The window and tab events the side panel follows (see components/sidepanel/followTab.ts). */
export function tabFollowApi(): TabFollowApi {
  return browser as unknown as TabFollowApi;
}

/** Reads one storage.local value and calls `onValue` now and on every change; returns the unsubscribe. */
export function watchLocalValue(key: string, onValue: (raw: unknown) => void): () => void {
  let live = true;
  void browser.storage.local.get(key).then((r) => {
    if (live) onValue(r[key]);
  });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onValue(changes[key].newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}

export async function setLocalValue(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/** Asks for a host permission; must be called inside the user's click (the browser requires the gesture). */
export async function requestHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export async function removeHostPermission(pattern: string): Promise<void> {
  await browser.permissions.remove({ origins: [pattern] });
}

export async function registerPageScript(id: string, pattern: string, script: string): Promise<void> {
  await browser.scripting.registerContentScripts([{ id, matches: [pattern], js: [script], runAt: 'document_idle' }]);
}

export async function unregisterPageScript(id: string): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [id] });
}
