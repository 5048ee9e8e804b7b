/**
 * The popup paints its summary from two meta rows (settings and the maintained portfolio aggregate). This module
 * reads them two ways, both without Dexie, Zod or React so the popup's first-paint script stays small:
 * - `readMetaRows`: plain IndexedDB, the truth (opening the database and reading two rows: 50–110 ms on a busy
 *   machine);
 * - the mirror: a copy of the same rows in the extension origin's localStorage, which answers synchronously, so the
 *   popup paints as soon as its first script runs. Every open extension page keeps the mirror equal to the store
 *   (components/app/AppShell.tsx); the popup still reads the store and repaints when the mirror was stale. Host
 *   pages and content scripts cannot read it (it is the chrome-extension:// origin's).
 * The rows are validated by the live popup once it has loaded; the first paint reads them leniently.
 */
import { DEMO_DB_NAME, storeChoice } from './storeChoice';

/** The names lib/db/repo.ts writes. */
export const META_ROWS = { db: 'huikuan', store: 'meta', settings: 'settings', portfolio: 'portfolio' } as const;

export interface MetaRows {
  settings: unknown;
  portfolio: unknown;
}

/** The version is in the key: a mirror written by another layout is simply not found. */
export const MIRROR_KEY = 'huikuan.popup.metaRows.v2';
/** The demo store's rows are mirrored apart, so the user's popup never paints the demo's figures (schema.ts). */
const mirrorKey = () => (storeChoice() === 'demo' ? `${MIRROR_KEY}.demo` : MIRROR_KEY);

export const serialiseMetaRows = (rows: MetaRows): string =>
  JSON.stringify({ settings: rows.settings ?? null, portfolio: rows.portfolio ?? null });

function storageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // a worker, or storage blocked
  }
}

/** The mirrored rows and their text, or undefined when there are none or they cannot be read. */
export function readMirror(local = storageOrUndefined()): { rows: MetaRows; text: string } | undefined {
  try {
    const text = local?.getItem(mirrorKey());
    const v = text ? (JSON.parse(text) as Partial<MetaRows> | null) : null;
    if (!v || typeof v !== 'object' || !v.portfolio) return undefined;
    return { rows: { settings: v.settings ?? undefined, portfolio: v.portfolio }, text: text! };
  } catch {
    return undefined;
  }
}

/**
 * Mirrors `rows` (no portfolio: the store is empty or gone, so the mirror goes). Returns whether the stored item
 * changed. A full or blocked storage only costs the next popup its head start.
 */
export function writeMirror(rows: MetaRows | undefined, local = storageOrUndefined()): boolean {
  try {
    if (!rows?.portfolio) {
      const had = local?.getItem(mirrorKey()) != null;
      local?.removeItem(mirrorKey());
      return had;
    }
    const text = serialiseMetaRows(rows);
    if (local?.getItem(mirrorKey()) === text) return false;
    local?.setItem(mirrorKey(), text);
    return true;
  } catch {
    return false;
  }
}

/** The two rows from IndexedDB; undefined when the database does not exist yet or cannot be read. */
export function readMetaRows(
  idb: IDBFactory = indexedDB,
  name: string = storeChoice() === 'demo' ? DEMO_DB_NAME : META_ROWS.db,
): Promise<MetaRows | undefined> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // No database yet: do not create an empty one under Dexie's name; Dexie creates it with its schema.
    req.onupgradeneeded = () => {
      req.transaction?.abort();
    };
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
    req.onsuccess = () => {
      const db = req.result;
      const done = (v: MetaRows | undefined) => {
        db.close();
        resolve(v);
      };
      if (!db.objectStoreNames.contains(META_ROWS.store)) {
        done(undefined);
        return;
      }
      try {
        const store = db.transaction(META_ROWS.store, 'readonly').objectStore(META_ROWS.store);
        const s = store.get(META_ROWS.settings);
        const p = store.get(META_ROWS.portfolio);
        const value = (r: IDBRequest) => (r.result as { value?: unknown } | undefined)?.value;
        p.onsuccess = () => done({ settings: value(s), portfolio: value(p) });
        p.onerror = () => done(undefined);
      } catch {
        done(undefined);
      }
    };
  });
}
