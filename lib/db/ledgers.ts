/**
 * Receivables and payments, read and written through their customers' ledgers (schema.ts CustomerLedger): one
 * IndexedDB record per customer. Every function here touches each customer's ledger with one read and one write,
 * however many documents change, which is what lets an import write tens of thousands of rows a second where one
 * request per document could not. Callers run these inside their own transaction over `db.ledgers`.
 */
import type { Payment, Receivable } from '../domain';
import type { CustomerLedger, HuikuanDb } from './schema';

export function emptyLedger(customerId: string): CustomerLedger {
  return { customerId, receivables: [], payments: [], updatedAt: 0 };
}

/** The stored ledgers of these customers (absent ones left out). */
export async function ledgersOf(db: HuikuanDb, customerIds: string[]): Promise<Map<string, CustomerLedger>> {
  const ids = [...new Set(customerIds)];
  const found = ids.length ? await db.ledgers.bulkGet(ids) : [];
  const out = new Map<string, CustomerLedger>();
  found.forEach((l, i) => {
    if (l) out.set(ids[i], l);
  });
  return out;
}

export async function receivablesOf(db: HuikuanDb, customerId: string): Promise<Receivable[]> {
  return (await db.ledgers.get(customerId))?.receivables ?? [];
}

/** Every receivable and payment in the store (exports, backups, whole-portfolio refreshes). */
export async function allDocuments(db: HuikuanDb): Promise<{ receivables: Receivable[]; payments: Payment[] }> {
  const receivables: Receivable[] = [];
  const payments: Payment[] = [];
  for (const l of await db.ledgers.toArray()) {
    for (const r of l.receivables) receivables.push(r);
    for (const p of l.payments) payments.push(p);
  }
  return { receivables, payments };
}

/**
 * Loads the ledgers of `customerIds` (an empty one where none is stored), lets `change` edit them in place, and
 * writes back every ledger it edited; a ledger left with no document is deleted. `change` returns false for a
 * ledger it left alone.
 */
export async function updateLedgers(
  db: HuikuanDb,
  customerIds: Iterable<string>,
  change: (ledger: CustomerLedger) => boolean | void,
  now: number,
): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (!ids.length) return;
  const stored = await db.ledgers.bulkGet(ids);
  const put: CustomerLedger[] = [];
  const drop: string[] = [];
  ids.forEach((id, i) => {
    const ledger = stored[i] ?? emptyLedger(id);
    if (change(ledger) === false) return;
    ledger.updatedAt = now;
    if (ledger.receivables.length || ledger.payments.length) put.push(ledger);
    else if (stored[i]) drop.push(id);
  });
  if (put.length) await db.ledgers.bulkPut(put);
  if (drop.length) await db.ledgers.bulkDelete(drop);
}

export function groupByCustomer<T extends { customerId: string }>(docs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const d of docs) (m.get(d.customerId) ?? m.set(d.customerId, []).get(d.customerId)!).push(d);
  return m;
}

/** Replaces documents with the same id, adds the others, keeping the stored order. */
export function upsertInto<T extends { id: string }>(list: T[], docs: readonly T[]): void {
  const at = new Map(list.map((d, i) => [d.id, i]));
  for (const d of docs) {
    const i = at.get(d.id);
    if (i === undefined) {
      at.set(d.id, list.length);
      list.push(d);
    } else list[i] = d;
  }
}

/** Writes receivables and payments into their customers' ledgers (insert or replace by id). */
export async function putDocuments(
  db: HuikuanDb,
  docs: { receivables?: readonly Receivable[]; payments?: readonly Payment[] },
  now: number,
): Promise<void> {
  const recs = groupByCustomer(docs.receivables ?? []);
  const pays = groupByCustomer(docs.payments ?? []);
  await updateLedgers(
    db,
    [...recs.keys(), ...pays.keys()],
    (l) => {
      const r = recs.get(l.customerId);
      const p = pays.get(l.customerId);
      if (r) upsertInto(l.receivables, r);
      if (p) upsertInto(l.payments, p);
    },
    now,
  );
}

/** Removes the documents with these ids from these customers' ledgers; returns what it removed. */
export async function removeDocuments(
  db: HuikuanDb,
  customerIds: Iterable<string>,
  ids: Iterable<string>,
  now: number,
): Promise<{ receivables: Receivable[]; payments: Payment[] }> {
  const gone = new Set(ids);
  const removed = { receivables: [] as Receivable[], payments: [] as Payment[] };
  if (!gone.size) return removed;
  await updateLedgers(
    db,
    customerIds,
    (l) => {
      const before = l.receivables.length + l.payments.length;
      l.receivables = l.receivables.filter((r) => !gone.has(r.id) || (removed.receivables.push(r), false));
      l.payments = l.payments.filter((p) => !gone.has(p.id) || (removed.payments.push(p), false));
      return l.receivables.length + l.payments.length !== before;
    },
    now,
  );
  return removed;
}

/** The receivables of one customer with these ids, in the order asked (missing ones left out). */
export async function findReceivables(
  db: HuikuanDb,
  customerId: string,
  ids: readonly string[],
): Promise<Receivable[]> {
  const byId = new Map((await receivablesOf(db, customerId)).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is Receivable => !!r);
}
