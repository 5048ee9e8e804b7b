/**
 * One bulk writer at a time. An import, the undo of an import, a restore, the demo load and "delete all" each
 * write in one or many transactions; two of them interleaved (a wipe between an import's chunks) leave a store
 * that neither of them wrote, and reports that are false. So each holds one Web Lock of this browser profile
 * (`navigator.locks`, shared by every extension page and the worker) for its whole run.
 *
 * - A bulk operation started while another holds the lock learns who holds it (`onWait`, from a second lock whose
 *   name carries the holder's kind and file) and waits; its AbortSignal is the Cancel.
 * - A single-record write (side panel, settings, capture) takes the same lock in shared mode: it waits while a
 *   bulk write runs and is applied after it, and never delays another single write.
 * - The lock is not re-entrant: a caller that already holds it passes its `BulkLock` on (`held`), and a write
 *   inside a Dexie transaction never asks for it (an await on anything but IndexedDB would end the transaction).
 * Where the browser has no Web Locks (Node tests) the functions run `fn` directly.
 */
import Dexie from 'dexie';
import { z } from 'zod';

export const BULK_LOCK = 'huikuan-bulk-write';
const HOLDER_PREFIX = 'huikuan-bulk-holder:';

export const bulkKinds = ['import', 'undo-import', 'restore', 'demo', 'wipe', 'recover', 'restore-safety'] as const;
export type BulkKind = (typeof bulkKinds)[number];
const bulkOpSchema = z.object({ kind: z.enum(bulkKinds), file: z.string().max(1000).optional() });
export type BulkOp = z.infer<typeof bulkOpSchema>;

/** Proof that the caller holds the bulk lock; pass it on to a nested bulk function. */
export interface BulkLock {
  readonly op: BulkOp;
}

type Locks = Pick<LockManager, 'request' | 'query'>;

export interface BulkWaitOptions {
  /** Aborting stops the wait (rejects with an AbortError); once the lock is held the operation decides. */
  signal?: AbortSignal;
  /** Called once, when the lock is held by another operation (its kind and file, when it said). */
  onWait?: (holder: BulkOp | undefined) => void;
  /** Called once the lock is held, before the operation starts (the page's "a write is running" marker). */
  onHeld?: () => void;
  /** The caller already holds the lock (a bulk operation calling another one). */
  held?: BulkLock;
  locks?: Locks;
}

const defaultLocks = (): Locks | undefined => {
  const l = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  return l?.request ? l : undefined;
};

/** The operation holding the bulk lock now, as it named itself; undefined when none (or unknown). */
export async function currentBulkWriter(locks: Locks | undefined = defaultLocks()): Promise<BulkOp | undefined> {
  if (!locks?.query) return undefined;
  const state = await locks.query();
  for (const l of state.held ?? []) {
    if (!l.name?.startsWith(HOLDER_PREFIX)) continue;
    try {
      const p = bulkOpSchema.safeParse(JSON.parse(l.name.slice(HOLDER_PREFIX.length)));
      if (p.success) return p.data;
    } catch {
      /* a name we did not write */
    }
  }
  return undefined;
}

/** Whether any page or the worker holds the bulk lock right now. */
export async function bulkWriteRunning(locks: Locks | undefined = defaultLocks()): Promise<boolean> {
  if (!locks) return false;
  return locks.request(BULK_LOCK, { ifAvailable: true }, (lock) => lock === null);
}

const NOT_FREE = Symbol('not free');

/** Runs `fn` holding the bulk lock (exclusive) for its whole run; waits for a running bulk write first. */
export async function withBulkWrite<T>(
  op: BulkOp,
  fn: (lock: BulkLock) => Promise<T>,
  o: BulkWaitOptions = {},
): Promise<T> {
  if (o.held) return fn(o.held);
  const locks = o.locks ?? defaultLocks();
  const lock: BulkLock = { op };
  if (!locks) {
    o.onHeld?.();
    return fn(lock);
  }
  o.signal?.throwIfAborted();
  const holderName = HOLDER_PREFIX + JSON.stringify(op);
  // The holder lock names this operation for the pages that wait behind it (locks.query shows held names).
  const run = () =>
    locks.request(holderName, { mode: 'shared' }, () => {
      o.onHeld?.();
      return fn(lock);
    });
  const first = await locks.request(BULK_LOCK, { ifAvailable: true }, async (l) => (l ? run() : NOT_FREE));
  if (first !== NOT_FREE) return first as T;
  o.onWait?.(await currentBulkWriter(locks).catch(() => undefined));
  return locks.request(BULK_LOCK, o.signal ? { signal: o.signal } : {}, run) as Promise<T>;
}

/**
 * Runs a single-record write after any bulk write in progress (the shared side of the lock). Inside a Dexie
 * transaction it runs at once: the transaction's owner took the lock, or is a bulk operation itself.
 */
export async function afterBulkWrites<T>(fn: () => Promise<T>, locks: Locks | undefined = defaultLocks()): Promise<T> {
  if (!locks || Dexie.currentTransaction) return fn();
  return locks.request(BULK_LOCK, { mode: 'shared' }, () => fn()) as Promise<T>;
}
