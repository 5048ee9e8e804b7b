/**
 * Keeping the portfolio safe from the browser's storage eviction: asking for persistent storage, and telling the
 * user when the quota is near. The functions take the StorageManager (or an estimate) as an argument so they can
 * be tested without a browser.
 */

/** Share of the quota above which the user is warned. */
export const STORAGE_WARN_RATIO = 0.8;
/** What one imported receivable costs in IndexedDB, with its indexes, payment and summary share (bench/). */
export const BYTES_PER_IMPORTED_ROW = 1024;

export type StorageLevel = 'unknown' | 'ok' | 'near' | 'over';
export interface StorageState {
  level: StorageLevel;
  /** usage (plus what is about to be written) / quota; 0 when unknown. */
  share: number;
  usage: number;
  quota: number;
}

/**
 * How full storage is, from `navigator.storage.estimate()`. `extraBytes` is what an import is about to add:
 * 'over' means it would not fit, 'near' that usage would pass `ratio` of the quota.
 */
export function storageState(
  estimate: { usage?: number; quota?: number } | null | undefined,
  opts: { ratio?: number; extraBytes?: number } = {},
): StorageState {
  const quota = estimate?.quota;
  if (!estimate || typeof quota !== 'number' || !Number.isFinite(quota) || quota <= 0) {
    return { level: 'unknown', share: 0, usage: 0, quota: 0 };
  }
  const usage = Math.max(0, estimate.usage ?? 0) + Math.max(0, opts.extraBytes ?? 0);
  const share = usage / quota;
  const level: StorageLevel = usage > quota ? 'over' : share > (opts.ratio ?? STORAGE_WARN_RATIO) ? 'near' : 'ok';
  return { level, share, usage, quota };
}

type Manager = Pick<StorageManager, 'persist' | 'persisted'>;

const ASKED_KEY = 'huikuan.persistAsked';

/**
 * Asks the browser to keep the data even under storage pressure, unless it already does. Chrome answers at once
 * (by its own heuristics; installed extensions usually qualify), Firefox may ask the user. Returns the answer,
 * or undefined where the API does not exist. Never throws: persistence is a safeguard, not a precondition.
 */
export async function requestPersistence(
  manager: Partial<Manager> | undefined = globalThis.navigator?.storage,
  remember: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): Promise<boolean | undefined> {
  if (!manager?.persist) return undefined;
  try {
    if (manager.persisted && (await manager.persisted())) return true;
    remember?.setItem(ASKED_KEY, String(Date.now()));
    return await manager.persist();
  } catch {
    return undefined;
  }
}

/**
 * At the first run (the options page opened for the first time), ask once without waiting for a button; later
 * asks happen when data is written (import, restore, demo).
 */
export async function requestPersistenceOnFirstRun(
  manager: Partial<Manager> | undefined = globalThis.navigator?.storage,
  remember: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): Promise<boolean | undefined> {
  if (remember?.getItem(ASKED_KEY)) return undefined;
  return requestPersistence(manager, remember);
}
