/**
 * The import's undo journal and its recovery, apart from the importer so that pages which only need to put right
 * an import cut off by a closed page (the side panel, the worker) do not load the planner and the parsers.
 * Each chunk of an import is written with a part row in db.imports holding what it created and what it replaced;
 * parts without their batch row belong to an import that never finished.
 */
import type { HuikuanDb, ImportBatchRow } from './schema';
import { groupByCustomer, updateLedgers, upsertInto } from './ledgers';
import { type BulkWaitOptions, withBulkWrite } from './bulkWrite';

const PART_SEP = '~';
export const partId = (batchId: string, part: number) => `${batchId}${PART_SEP}${String(part).padStart(6, '0')}`;
export const isPartId = (id: string) => id.includes(PART_SEP);

/** Undoes one journal (a part, or a batch row written before parts), collecting the customers it touched. */
export async function revertJournal(
  db: HuikuanDb,
  j: Pick<ImportBatchRow, 'created' | 'previous' | 'customers'>,
  touched: Set<string>,
  now: Date,
): Promise<void> {
  const customers = new Set([
    ...(j.customers ?? []),
    ...j.created.customers,
    ...j.previous.receivables.map((r) => r.customerId),
    ...j.previous.payments.map((p) => p.customerId),
  ]);
  const createdRecs = new Set(j.created.receivables);
  const createdPays = new Set(j.created.payments);
  const prevRecs = groupByCustomer(j.previous.receivables);
  const prevPays = groupByCustomer(j.previous.payments);
  await updateLedgers(
    db,
    customers,
    (l) => {
      l.receivables = l.receivables.filter((r) => !createdRecs.has(r.id));
      l.payments = l.payments.filter((p) => !createdPays.has(p.id));
      upsertInto(l.receivables, prevRecs.get(l.customerId) ?? []);
      upsertInto(l.payments, prevPays.get(l.customerId) ?? []);
    },
    now.getTime(),
  );
  for (const c of customers) touched.add(c);
  // A created customer is kept only when something recorded since (a contact, a promise, another import's
  // receivable) refers to it. Every customer's checks are in flight at once.
  const unused = await Promise.all(
    j.created.customers.map(async (cid) =>
      (
        await Promise.all([
          db.ledgers.where('customerId').equals(cid).count(),
          db.contacts.where('customerId').equals(cid).count(),
          db.promises.where('customerId').equals(cid).count(),
          db.activities.where('customerId').equals(cid).count(),
        ])
      ).every((n) => n === 0),
    ),
  );
  const gone = j.created.customers.filter((_, i) => unused[i]);
  if (gone.length) {
    await db.customers.bulkDelete(gone);
    await db.profiles.bulkDelete(gone);
    await db.preparations.bulkDelete(gone);
  }
  for (const cid of j.created.customers) touched.add(cid);
}

/** The part ids of a batch, oldest first. */
export async function partIds(db: HuikuanDb, batchId: string): Promise<string[]> {
  return (await db.imports
    .where('id')
    .between(`${batchId}${PART_SEP}`, `${batchId}${PART_SEP}\uffff`)
    .primaryKeys()) as string[];
}

/** Reverts every part of a batch, newest first, one part in memory at a time. Returns the customers touched. */
export async function revertParts(db: HuikuanDb, batchId: string, now: Date): Promise<Set<string>> {
  const touched = new Set<string>();
  for (const id of (await partIds(db, batchId)).reverse()) {
    const part = await db.imports.get(id);
    if (part) await revertJournal(db, part, touched, now);
    await db.imports.delete(id);
  }
  return touched;
}

const journalTables = (db: HuikuanDb) => [
  db.customers,
  db.contacts,
  db.ledgers,
  db.promises,
  db.activities,
  db.profiles,
  db.preparations,
  db.imports,
];

/** Rolls back a batch whose summaries were never refreshed: its parts only, no summary work. */
export async function rollbackUnfinished(db: HuikuanDb, batchId: string, now: Date): Promise<void> {
  await db.transaction('rw', journalTables(db), () => revertParts(db, batchId, now));
}

/** Reverts parts left by an import that never finished (the page was closed mid-import). */
export async function recoverInterrupted(db: HuikuanDb, now: Date): Promise<void> {
  const ids = (await db.imports.toCollection().primaryKeys()) as string[];
  const headers = new Set(ids.filter((id) => !isPartId(id)));
  const orphans = new Set(
    ids
      .filter(isPartId)
      .map((id) => id.slice(0, id.indexOf(PART_SEP)))
      .filter((b) => !headers.has(b)),
  );
  for (const b of orphans) await rollbackUnfinished(db, b, now);
}

/**
 * Reverts what an import cut off by a closed page left behind. Run when the worker starts and when the options page
 * opens, so the half-written rows never stay visible; it waits for an import running in another page to finish.
 */
export async function recoverInterruptedImports(db: HuikuanDb, now: Date, lock: BulkWaitOptions = {}): Promise<void> {
  await withBulkWrite({ kind: 'recover' }, () => recoverInterrupted(db, now), lock);
}
