/**
 * A copy of the popup's first read (the settings and portfolio-aggregate meta rows) in the extension origin's
 * localStorage. localStorage answers synchronously, so the popup paints its summary as soon as its first script
 * runs, instead of after opening IndexedDB and reading two rows (50–110 ms on a busy machine, most of its budget).
 * The copy is never the truth: the first paint reads the store anyway, and when the copy differs from what the store
 * says it repaints from the store at once and replaces the copy. Every extension page keeps the copy current while
 * it is open (components/app/AppShell.tsx), so the copy is stale only when data changed with no extension page open.
 * The page's own origin (chrome-extension://…) holds it: host pages and content scripts cannot read it.
 * Beside the rows the item holds the summaries painted from them (./paintedSummary.ts): one line of rows, then
 * one line of summaries, so new rows always drop the summaries of the old ones in the same write.
 * Tiny and dependency-free: the popup's first-paint script imports it.
 */
import type { FirstRead } from './firstRead';

/** The version is in the key: a copy written by another layout is simply not found. */
export const FIRST_COPY_KEY = 'huikuan.popup.firstRead.v1';

/** The rows as the copy stores them and compares them. */
export function serialiseFirstRead(rows: FirstRead): string {
  return JSON.stringify({ settings: rows.settings ?? null, portfolio: rows.portfolio ?? null });
}

/** The rows, their serialised text, and the summaries painted from them (unchecked; ./paintedSummary.ts reads them). */
export interface FirstCopy { rows: FirstRead; text: string; painted: unknown[] }

/** The stored item's two parts: the rows' text, and the painted summaries' JSON when there are any. */
function splitItem(item: string): [rows: string, painted: string | undefined] {
  const nl = item.indexOf('\n');
  return nl < 0 ? [item, undefined] : [item.slice(0, nl), item.slice(nl + 1)];
}

function storageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // A context without DOM storage (a worker) or with storage blocked.
    return undefined;
  }
}

/** The copy, or undefined when there is none or it cannot be read. */
export function readFirstCopy(storage: Storage | undefined = storageOrUndefined()): FirstCopy | undefined {
  try {
    const item = storage?.getItem(FIRST_COPY_KEY);
    if (!item) return undefined;
    const [text, paintedText] = splitItem(item);
    const v = JSON.parse(text) as { settings?: unknown; portfolio?: unknown } | null;
    if (!v || typeof v !== 'object' || !v.portfolio) return undefined;
    let painted: unknown[] = [];
    try {
      const p = paintedText ? JSON.parse(paintedText) as unknown : [];
      if (Array.isArray(p)) painted = p;
    } catch {
      // Damaged summaries cost only their head start: the rows are still good.
    }
    return { rows: { settings: v.settings ?? undefined, portfolio: v.portfolio }, text, painted };
  } catch {
    return undefined;
  }
}

/**
 * Replaces the copy with `rows`; no portfolio (no store, or it was cleared) removes it. Unchanged rows keep their
 * painted summaries; changed rows drop them. Returns the rows' stored text. A full or blocked storage only costs the
 * next popup its head start.
 */
export function saveFirstCopy(rows: FirstRead | undefined, storage: Storage | undefined = storageOrUndefined()): string | undefined {
  try {
    if (!rows?.portfolio) {
      storage?.removeItem(FIRST_COPY_KEY);
      return undefined;
    }
    const text = serialiseFirstRead(rows);
    const item = storage?.getItem(FIRST_COPY_KEY);
    if (!item || splitItem(item)[0] !== text) storage?.setItem(FIRST_COPY_KEY, text);
    return text;
  } catch {
    return undefined;
  }
}

/**
 * Stores `painted` (summaries painted from the rows whose text is `text`) with the copy, but only while the copy
 * still holds those rows: summaries never outlive the rows they were painted from. Returns whether they were stored.
 */
export function savePainted(text: string, painted: readonly unknown[], storage: Storage | undefined = storageOrUndefined()): boolean {
  try {
    const item = storage?.getItem(FIRST_COPY_KEY);
    if (!item || splitItem(item)[0] !== text) return false;
    storage!.setItem(FIRST_COPY_KEY, `${text}\n${JSON.stringify(painted)}`);
    return true;
  } catch {
    return false;
  }
}
