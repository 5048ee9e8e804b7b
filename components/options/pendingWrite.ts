/**
 * Telling the user that an import or a restore was cut off by closing the page. IndexedDB rolls the unfinished
 * transaction back, so nothing is lost, but the user who closed the tab does not know whether the file went in.
 *
 * Once the write holds the bulk lock (lib/db/bulkWrite) a marker is put in localStorage, and it is removed when the
 * write ends either way; a marker found later means the page died during the write. The browser releases the
 * lock when the page goes away: a marker while the lock is held belongs to a write running in another tab and is
 * left alone. Each marker carries its writer's id, so a page only ever removes its own.
 */
import type { Clock } from '@/lib/clock';
import { z } from 'zod';
import { BULK_LOCK } from '@/lib/db/bulkWrite';

const KEY = 'huikuan.pendingWrite';

const pendingWriteSchema = z.object({
  kind: z.enum(['import', 'restore']),
  file: z.string().max(1000),
  at: z.number(),
  id: z.string().max(40).optional(),
});
export type PendingWrite = z.infer<typeof pendingWriteSchema>;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Locks = Pick<LockManager, 'request'>;

const defaultLocks = (): Locks | undefined => globalThis.navigator?.locks;

function read(raw: string | null): PendingWrite | undefined {
  if (!raw) return undefined;
  try {
    const p = pendingWriteSchema.safeParse(JSON.parse(raw));
    return p.success ? p.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `write`, which calls `held` once it holds the bulk lock (the marker is set then, not while it waits behind
 * another tab's write); the marker goes when `write` settles.
 */
export async function guardWrite<T>(
  w: Omit<PendingWrite, 'at' | 'id'>,
  clock: Clock,
  write: (held: () => void) => Promise<T>,
  store: Store = globalThis.localStorage,
): Promise<T> {
  const id = Math.random().toString(36).slice(2, 12);
  try {
    return await write(() =>
      store.setItem(KEY, JSON.stringify({ ...w, id, at: clock().getTime() } satisfies PendingWrite)),
    );
  } finally {
    if (read(store.getItem(KEY))?.id === id) store.removeItem(KEY);
  }
}

/** The write a closed page left unfinished, once (the marker is cleared); undefined when none. */
export async function takeInterruptedWrite(
  store: Store = globalThis.localStorage,
  locks: Locks | undefined = defaultLocks(),
): Promise<PendingWrite | undefined> {
  if (!store.getItem(KEY)) return undefined;
  const take = (): PendingWrite | undefined => {
    const raw = store.getItem(KEY);
    store.removeItem(KEY);
    const p = read(raw);
    if (!p) return undefined;
    const { id: _id, ...rest } = p;
    return rest;
  };
  if (!locks) return take();
  // ifAvailable: a held lock means another tab is writing right now.
  return locks.request(BULK_LOCK, { ifAvailable: true }, (lock) => (lock ? take() : undefined));
}
