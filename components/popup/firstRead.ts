/**
 * The popup's first read, in plain IndexedDB so it can start before Dexie, Zod and React are even parsed: the
 * settings row and the maintained portfolio aggregate (two meta rows; the cost does not grow with the portfolio).
 * The values are validated by the caller once the rest of the popup has loaded. The key names are the ones
 * lib/db/repo.ts writes; tests/unit/popup/first-paint.test.tsx holds them together.
 */
export const FIRST_READ = { db: 'huikuan', store: 'meta', settings: 'settings', portfolio: 'portfolio' } as const;

export interface FirstRead { settings: unknown; portfolio: unknown }

/** Resolves to undefined when the database does not exist yet or cannot be read (the app then loads as usual). */
export function readFirstPaintRows(idb: IDBFactory = indexedDB, name: string = FIRST_READ.db): Promise<FirstRead | undefined> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // No database yet: do not create an empty one under Dexie's name; Dexie creates it with its schema.
    req.onupgradeneeded = () => { req.transaction?.abort(); };
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
    req.onsuccess = () => {
      const db = req.result;
      const done = (v: FirstRead | undefined) => { db.close(); resolve(v); };
      if (!db.objectStoreNames.contains(FIRST_READ.store)) { done(undefined); return; }
      try {
        const store = db.transaction(FIRST_READ.store, 'readonly').objectStore(FIRST_READ.store);
        const s = store.get(FIRST_READ.settings);
        const p = store.get(FIRST_READ.portfolio);
        p.onsuccess = () => done({ settings: (s.result as { value?: unknown } | undefined)?.value, portfolio: (p.result as { value?: unknown } | undefined)?.value });
        p.onerror = () => done(undefined);
      } catch {
        done(undefined);
      }
    };
  });
}
