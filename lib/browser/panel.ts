/**
 * Opening the side panel (Chrome) or the sidebar (Firefox). Browsers accept this only synchronously inside a user
 * gesture, so callers must call it first thing in their click/menu/command handler, before any await.
 * Returns false where this context has no panel API at all: Firefox's frames inside web pages (the badge) get
 * content-script APIs only, and a message to the background would lose the gesture.
 */
export function openPanelForTab(tabId: number, windowId?: number): boolean {
  const c = (
    globalThis as unknown as {
      chrome?: { sidePanel?: { open(o: { tabId: number; windowId?: number }): Promise<void> } };
    }
  ).chrome;
  if (c?.sidePanel?.open) {
    c.sidePanel
      .open(windowId != null ? { tabId, windowId } : { tabId })
      .catch((e: unknown) => console.warn('[huikuan] side panel', e));
    return true;
  }
  const b = (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser;
  if (!b?.sidebarAction?.open) return false;
  b.sidebarAction.open().catch((e: unknown) => console.warn('[huikuan] sidebar', e));
  return true;
}

/**
 * Opens the side panel of a window (Chrome) or the sidebar (Firefox), from an extension page's click (the popup's
 * worklist). Same rule: call it synchronously inside the gesture. Resolves whether the browser opened it; false at
 * once where neither API exists or no window is known.
 */
export function openPanelForWindow(windowId: number | undefined): Promise<boolean> | false {
  const c = (globalThis as unknown as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } })
    .chrome;
  if (c?.sidePanel?.open) {
    if (windowId === undefined) return false;
    return c.sidePanel.open({ windowId }).then(
      () => true,
      (e: unknown) => {
        console.warn('[huikuan] side panel', e);
        return false;
      },
    );
  }
  const b = (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser;
  if (!b?.sidebarAction?.open) return false;
  return b.sidebarAction.open().then(
    () => true,
    (e: unknown) => {
      console.warn('[huikuan] sidebar', e);
      return false;
    },
  );
}

/** The window a badge opens the panel page in where it cannot open the sidebar: the sidebar's shape. */
export const panelWindowFeatures = 'popup,width=420,height=760';
