/**
 * Records which synced rows each local write touched, in the same IndexedDB transaction as the write: a Dexie
 * DBCore middleware adds the outbox store to every read-write transaction over a synced table and puts one
 * outbox row per record (keyed by document id, so a record edited ten times is sent once). Whatever page or
 * the worker writes, and whatever repo function it uses, the edit cannot be lost between the write and the
 * next sync, nor sent without having been committed.
 *
 * Writes that apply the server's changes are marked (`markFromServer`) and not recorded, so nothing echoes back.
 * Clearing a whole table (a restore, wiping the store, a revoked user's data being removed) is not recorded
 * either: it is never a deletion on the server.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction, Middleware } from 'dexie';
import { type SyncKind, docIdOf, syncKinds } from './docs';

export const OUTBOX = 'syncOutbox';

export interface OutboxRow {
  id: string;
  kind: SyncKind;
  key: string;
  op: 'put' | 'delete';
  /** When the write happened (a deletion's time decides whether it wins over an edit). */
  at: number;
}

const synced: ReadonlySet<string> = new Set(syncKinds);
const fromServer = new WeakSet<object>();

/** Marks a transaction (Dexie's `tx.idbtrans`) as applying the server's changes: its writes are not sent back. */
export function markFromServer(trans: unknown): void {
  if (trans && typeof trans === 'object') fromServer.add(trans);
}

function outboxRows(
  kind: SyncKind,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  keyPath: string,
  at: number,
): OutboxRow[] {
  if (req.type === 'deleteRange') return [];
  const ok = (i: number) => !res.failures[i];
  if (req.type === 'delete') {
    return req.keys
      .filter((_k, i) => ok(i))
      .map((k) => ({ id: docIdOf(kind, String(k)), kind, key: String(k), op: 'delete', at }));
  }
  const keys = req.values.map((v, i) => res.results?.[i] ?? (v as Record<string, unknown>)[keyPath]);
  return keys
    .filter((k, i) => ok(i) && k !== undefined)
    .map((k) => ({ id: docIdOf(kind, String(k)), kind, key: String(k), op: 'put', at }));
}

/**
 * The instant a deletion is stamped with. Edits carry their own `updatedAt` from the page's clock; a deletion has
 * only this. The database's middleware is installed before any page or the worker has a clock, so each of them
 * hands its one clock over here as it starts (AppShell for the pages, the worker's wiring); tests pin it. Until
 * then a deletion is stamped 0, the oldest instant, so a stamp the clock did not give never wins a merge.
 */
let captureClock: () => number = () => 0;
export function setCaptureClock(clock: () => number): void {
  captureClock = clock;
}

export function outboxMiddleware(now: () => number = () => captureClock()): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'huikuan-sync-outbox',
    // Dexie also builds a core per schema step while upgrading; one without the outbox store records nothing
    // (an upgrade is no edit, and turning team mode on queues every record anyway).
    create: (down) =>
      !down.schema.tables.some((t) => t.name === OUTBOX)
        ? down
        : {
            ...down,
            transaction(stores, mode, options) {
              const capture = mode === 'readwrite' && stores.some((s) => synced.has(s)) && !stores.includes(OUTBOX);
              return down.transaction(capture ? [...stores, OUTBOX] : stores, mode, options);
            },
            table(name) {
              const table = down.table(name);
              if (!synced.has(name)) return table;
              const keyPath = String(table.schema.primaryKey.keyPath);
              return {
                ...table,
                async mutate(req: DBCoreMutateRequest) {
                  const res = await table.mutate(req);
                  if (fromServer.has(req.trans as DBCoreTransaction)) return res;
                  const rows = outboxRows(name as SyncKind, req, res, keyPath, now());
                  if (rows.length) await down.table(OUTBOX).mutate({ type: 'put', trans: req.trans, values: rows });
                  return res;
                },
              };
            },
          },
  };
}
