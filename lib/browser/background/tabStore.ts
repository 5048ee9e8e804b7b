/**
 * Per-tab page context (what the content script read, its matches, a capture draft). Held in memory while the
 * worker lives and written behind to storage.session, so it survives a worker restart and is gone when the
 * browser closes.
 */
import type { TabEntry, TabStore } from '../../messaging/router';

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface WorkerTabStore extends TabStore {
  /** Every tab a context is held for. */
  known(): number[];
}

export function createTabStore(session: SessionArea): WorkerTabStore {
  const cache = new Map<number, TabEntry>();
  const pending = new Map<number, TabEntry>();
  let flushing = false;
  // One session write at a time, with the latest entry of every tab changed meanwhile.
  function flush() {
    if (flushing || !pending.size) return;
    flushing = true;
    const batch = Object.fromEntries([...pending].map(([id, e]) => [`tab:${id}`, e]));
    pending.clear();
    session
      .set(batch)
      .catch((e: unknown) => console.warn('[huikuan] tab state', e))
      .finally(() => {
        flushing = false;
        flush();
      });
  }
  return {
    async get(tabId) {
      if (!cache.has(tabId)) {
        const key = `tab:${tabId}`;
        const stored = (await session.get(key))[key] as TabEntry | undefined;
        if (stored) cache.set(tabId, stored);
      }
      return cache.get(tabId);
    },
    async set(tabId, entry) {
      cache.set(tabId, entry);
      // Written behind: the memory copy answers every request while this worker lives, and a session write
      // (tens of ms on a busy machine) must not delay the page's reply or its badge.
      pending.set(tabId, entry);
      flush();
    },
    async delete(tabId) {
      cache.delete(tabId);
      pending.delete(tabId);
      await session.remove(`tab:${tabId}`);
    },
    known: () => [...cache.keys()],
  };
}
