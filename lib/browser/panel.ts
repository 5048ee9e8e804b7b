/**
 * Opening the side panel (Chrome) or the sidebar (Firefox). Browsers accept this only synchronously inside a user
 * gesture, so callers must call it first thing in their click/menu/command handler, before any await.
 */
export function openPanelForTab(tabId: number, windowId?: number): void {
  const c = (globalThis as unknown as { chrome?: { sidePanel?: { open(o: { tabId: number; windowId?: number }): Promise<void> } } }).chrome;
  if (c?.sidePanel?.open) {
    c.sidePanel.open(windowId != null ? { tabId, windowId } : { tabId }).catch((e: unknown) => console.warn('[huikuan] side panel', e));
    return;
  }
  const b = (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser;
  b?.sidebarAction?.open().catch((e: unknown) => console.warn('[huikuan] sidebar', e));
}
