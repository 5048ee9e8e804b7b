/**
 * The extension APIs the extension pages use (options, popup, side panel, letter): the only door from
 * components/ to the browser, so a component stays testable with a plain mock of this module and the lint wall
 * (eslint.config.js) can forbid `wxt/browser` everywhere else.
 */
import { browser } from 'wxt/browser';
import type { TabFollowApi } from './followTab';

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
  void browser.storage.local.get(key).then((r) => { if (live) onValue(r[key]); });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onValue(changes[key].newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => { live = false; browser.storage.onChanged.removeListener(onChanged); };
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
