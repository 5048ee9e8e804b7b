/**
 * Which tab the side panel speaks for: the active tab of the window the panel is in, following tab switches in
 * that window only. Firefox's sidebar hears tab activations in every window; a switch in another window must not
 * move this window's sidebar away from the page beside it.
 */
export interface TabFollowApi {
  windows: { getCurrent(): Promise<{ id?: number }> };
  tabs: {
    query(q: { active: true; windowId: number }): Promise<Array<{ id?: number; url?: string }>>;
    onActivated: {
      addListener(fn: (info: { tabId: number; windowId: number }) => void): void;
      removeListener(fn: (info: { tabId: number; windowId: number }) => void): void;
    };
  };
}

/** Calls `onTab` with the panel's tab now and on every switch in its window; returns the unsubscribe. */
export function followActiveTab(api: TabFollowApi, ownOrigin: string, onTab: (tabId: number) => void): () => void {
  let windowId: number | undefined;
  let live = true;
  // A switch heard before the first answer is newer than that answer.
  let switched = false;
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (!live || windowId === undefined || info.windowId !== windowId) return;
    switched = true;
    onTab(info.tabId);
  };
  api.tabs.onActivated.addListener(onActivated);
  void api.windows
    .getCurrent()
    .then(async (w) => {
      if (w.id === undefined) return;
      windowId = w.id;
      const tabs = await api.tabs.query({ active: true, windowId: w.id });
      // The panel opened as a tab of its own (from the worklist) speaks for no page.
      const t = tabs.find((x) => !x.url?.startsWith(ownOrigin));
      if (live && !switched && t?.id != null) onTab(t.id);
    })
    .catch(() => undefined);
  return () => {
    live = false;
    api.tabs.onActivated.removeListener(onActivated);
  };
}
