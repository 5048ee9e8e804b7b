/**
 * Telling the user that an import or a restore was cut off by closing the page. IndexedDB rolls the unfinished
 * transaction back, so nothing is lost, but the user who closed the tab does not know whether the file went in.
 *
 * Before the write a marker is put in localStorage and removed when the write ends either way; a marker found
 * later means the page died during the write. While writing, the page holds a Web Lock, which the browser
 * releases when the page goes away: a marker whose lock is still held belongs to a write running in another tab
 * and is left alone.
 */
import { z } from 'zod';

const KEY = 'huikuan.pendingWrite';
const LOCK = 'huikuan-write';

const pendingWriteSchema = z.object({ kind: z.enum(['import', 'restore']), file: z.string().max(1000), at: z.number() });
export type PendingWrite = z.infer<typeof pendingWriteSchema>;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Locks = Pick<LockManager, 'request'>;

const defaultLocks = (): Locks | undefined => globalThis.navigator?.locks;

/** Runs `write` with the marker set and the lock held; the marker goes when `write` settles. */
export async function guardWrite<T>(w: Omit<PendingWrite, 'at'>, write: () => Promise<T>,
  store: Store = globalThis.localStorage, locks: Locks | undefined = defaultLocks()): Promise<T> {
  const run = async () => {
    store.setItem(KEY, JSON.stringify({ ...w, at: Date.now() } satisfies PendingWrite));
    try {
      return await write();
    } finally {
      store.removeItem(KEY);
    }
  };
  return locks ? locks.request(LOCK, run) : run();
}

/** The write a closed page left unfinished, once (the marker is cleared); undefined when none. */
export async function takeInterruptedWrite(store: Store = globalThis.localStorage,
  locks: Locks | undefined = defaultLocks()): Promise<PendingWrite | undefined> {
  if (!store.getItem(KEY)) return undefined;
  const take = (): PendingWrite | undefined => {
    const raw = store.getItem(KEY);
    store.removeItem(KEY);
    if (!raw) return undefined;
    try {
      const p = pendingWriteSchema.safeParse(JSON.parse(raw));
      return p.success ? p.data : undefined;
    } catch {
      return undefined;
    }
  };
  if (!locks) return take();
  // ifAvailable: a held lock means another tab is writing right now.
  return locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? take() : undefined));
}
