/**
 * Applying a parsed ledger to the store, all or nothing, and undoing the last import.
 *
 * - Customers are matched by normalised name (lib/match normalizeCompanyName, names and aliases); receivables by
 *   customer + document number (lib/transfer createPlanner), so importing the same or an updated file again updates
 *   instead of duplicating.
 * - Ids are derived from customer + document number (receivables `ri…`, payments `pi…`), so a re-import finds and
 *   replaces its own rows, never adds a second payment for the same "paid" column. A payment row of a report
 *   (money received, not applied) is stored as a payment without allocation under its reference, for the ledger
 *   to apply oldest-first.
 * - Rows arrive in chunks (importLedger takes a streaming source; a 200,000-row file is never one array) and each
 *   chunk is planned and written in its own transaction, together with a journal row ("part") holding the ids it
 *   created and the previous version of every row it changed. The customer summaries and the portfolio aggregate
 *   are refreshed at the end, in one transaction that also writes the batch row and runs `beforeCommit`.
 * - All or nothing: if a chunk, the final transaction, the caller's `beforeCommit` or an abort fails, the parts are
 *   reverted (newest first) and the store is exactly as before — summaries were never touched. An import cut off by
 *   a closed page leaves parts without a batch row; the next import or undo reverts them first. Imports are
 *   serialised with a Web Lock where the browser has one, so one page never reverts another page's running import.
 * - undoLastImport reverts every part of the newest batch (or the inline lists of a batch written before parts
 *   existed) and refreshes the summaries it touched.
 */
import type { Customer, Payment, Receivable } from '../domain';
import { normalizeCompanyName } from '../match';
import { today } from '../ledger/dates';
import {
  type ExistingReceivable,
  type ImportPlan,
  type LedgerRow,
  type PlanFields,
  type PlanRejection,
  createPlanner,
  receivableKey,
  rowOpenMinor,
} from '../transfer';
import type { CustomerLedger, HuikuanDb, ImportBatchRow } from './schema';
import { getPortfolio, readSummarised, refreshCustomers } from './repo';
import { UserError } from '../i18n/userError';
import { emptyLedger, groupByCustomer, ledgersOf, upsertInto } from './ledgers';
import {
  isPartId,
  partId,
  partIds,
  recoverInterrupted,
  revertJournal,
  revertParts,
  rollbackUnfinished,
} from './importJournal';
import { type BulkWaitOptions, withBulkWrite } from './bulkWrite';

export { recoverInterruptedImports } from './importJournal';

export interface ImportSummary {
  batchId: string;
  fileName: string;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  newCustomers: number;
  payments: number;
  /** Rows the plan refused (row number in the file, reason). */
  rejections: PlanRejection[];
  /**
   * currency → what the rows the import wrote or found unchanged leave open, signed (rowOpenMinor): the file's
   * open total less the rows the plan refused, to set against the file's grand total after the import.
   */
  openByCurrency: Record<string, number>;
}

export interface ApplyImportOptions {
  fileName: string;
  now: Date;
  signal?: AbortSignal;
  /** Runs inside the transaction after every write; a throw rolls everything back (tests use it). */
  beforeCommit?: () => void | Promise<void>;
  /** Customer name normaliser; lib/match's by default. */
  normalize?: (name: string) => string;
  /** Rows per write transaction (IMPORT_CHUNK_ROWS by default). */
  chunkRows?: number;
  /** Waiting for another bulk write (lib/db/bulkWrite): who holds it, or the caller's own lock. */
  lock?: Omit<BulkWaitOptions, 'signal'>;
}

/** FNV-1a, two 32-bit lanes → 16 hex digits: a short stable id part for long keys. */
export function stableHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 13)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export const importedReceivableId = (customerId: string, docNumber: string) =>
  `ri${stableHash(`${customerId}|${docNumber}`)}`;
export const importedPaymentId = (customerId: string, docNumber: string) =>
  `pi${stableHash(`${customerId}|${docNumber}`)}`;
const importedCustomerId = (normalizedName: string) => `ci${stableHash(normalizedName)}`;

function abortError(): Error {
  const e = new Error('The import was cancelled; nothing was written.');
  e.name = 'AbortError';
  return e;
}

function checkAbort(signal?: AbortSignal) {
  if (signal?.aborted) throw abortError();
}

function receivableFrom(id: string, customerId: string, f: PlanFields, batchId: string, now: number): Receivable {
  const r: Receivable = {
    id,
    customerId,
    docNumber: f.docNumber,
    kind: f.kind,
    issueDate: f.issueDate,
    dueDate: f.dueDate,
    amount: f.amount,
    writtenOff: 0,
    status: f.status,
    disputed: f.disputed ?? false,
    selfQuestions: {},
    interruptions: [],
    evidence: [],
    importBatch: batchId,
    updatedAt: now,
  };
  if (f.contractRef !== undefined) r.contractRef = f.contractRef;
  return r;
}

/**
 * The payment a "paid" column stands for. Its date is the file's settled date when given, else the due date (or
 * today when the due date is still ahead): a file without payment dates cannot say when the money came, and
 * stamping every historical payment with the import day would inflate "collected this month".
 */
function paymentFrom(
  id: string,
  receivable: Receivable,
  paid: { minor: number; currency: string },
  settledDate: string | undefined,
  asOf: string,
  batchId: string,
  now: number,
): Payment {
  const date = settledDate ?? (receivable.dueDate <= asOf ? receivable.dueDate : asOf);
  return {
    id,
    customerId: receivable.customerId,
    date,
    amount: { minor: paid.minor, currency: paid.currency },
    allocations: [{ receivableId: receivable.id, minor: paid.minor }],
    reference: receivable.docNumber,
    importBatch: batchId,
    updatedAt: now,
  };
}

/**
 * A payment row of the file (money received, not applied to a document in it): a payment on its date with no
 * allocation, which the ledger applies to the oldest open invoices, and which is left as an unapplied credit when
 * there are none.
 */
function paymentRowFrom(id: string, customerId: string, f: PlanFields, batchId: string, now: number): Payment {
  return {
    id,
    customerId,
    date: f.issueDate,
    amount: { minor: f.amount.minor, currency: f.amount.currency },
    allocations: [],
    reference: f.docNumber,
    importBatch: batchId,
    updatedAt: now,
  };
}

/** A payment an earlier import stored from a payment row (see paymentRowFrom), not the "paid" column of a document. */
const isPaymentRow = (p: Payment): p is Payment & { reference: string } =>
  p.reference !== undefined &&
  (p.allocations ?? []).length === 0 &&
  p.id === importedPaymentId(p.customerId, p.reference);

/**
 * Rows per write transaction. Each transaction reads and writes the ledger of every customer its rows name, once, so
 * the larger it is the fewer times a customer's ledger is rewritten (a file not sorted by customer names most
 * customers in every chunk); 100,000 parsed rows are about 40 MB, and the ledgers read are the touched customers'.
 * Measured on a 200,000-row file spread over 5,000 customers: 50,000-row chunks gave 6,000 rows/s and 300–340 MB
 * peak heap, 100,000-row chunks 10,000 rows/s and 240–250 MB (fewer ledgers read back and written again).
 */
export const IMPORT_CHUNK_ROWS = 100_000;
/**
 * Customers per summary refresh call: each call reads and writes the portfolio aggregate once, and holds the
 * ledgers of its customers.
 */
const REFRESH_BATCH = 1000;
/** Rejections kept for the summary (the count is always exact). */
const MAX_REJECTIONS_KEPT = 1000;

/** One chunk's undo journal, stored in db.imports next to its batch row. */
interface ImportPartRow extends ImportBatchRow {
  batch: string;
  part: number;
}
/** The batch row of an import written in parts. */
interface ChunkedBatchRow extends ImportBatchRow {
  parts?: number;
}

/**
 * Feeds rows to `consume` chunk by chunk, awaiting each (parseLedgerChunks fits: it pauses while a chunk is written).
 * A source that hands the rows over in groups of customers (see customerGroups) calls `endGroup` after each group,
 * so that no write transaction mixes two groups.
 */
export type LedgerRowSource = (
  consume: (rows: LedgerRow[]) => Promise<void>,
  endGroup?: () => Promise<void>,
) => Promise<unknown>;

/**
 * Splits a file's customers into groups of at most `size` rows, from the number of rows each customer name has
 * (counted while the file was checked), keeping the file's order. An import that reads the file once per group
 * writes each customer's ledger once, where row-order chunks of a file not sorted by customer rewrite nearly every
 * ledger in every chunk. A customer with more than `size` rows has a group of its own.
 */
export function customerGroups(rowsPerCustomer: ReadonlyMap<string, number>, size = IMPORT_CHUNK_ROWS): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let rows = 0;
  for (const [name, n] of rowsPerCustomer) {
    if (current.length && rows + n > size) {
      groups.push(current);
      current = [];
      rows = 0;
    }
    current.push(name);
    rows += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Plans and writes an import from rows already in memory (small files, tests); see importLedger. */
export async function applyImport(db: HuikuanDb, rows: LedgerRow[], opts: ApplyImportOptions): Promise<ImportSummary> {
  return importLedger(
    db,
    async (consume) => {
      const n = opts.chunkRows ?? IMPORT_CHUNK_ROWS;
      for (let i = 0; i < rows.length; i += n) await consume(rows.slice(i, i + n));
    },
    opts,
    rows.length,
  );
}

/**
 * Streams an import: each chunk the source hands over is planned against the store and written with its journal;
 * the summaries are refreshed at the end. All or nothing (see the top of this file). `sizeHint` only salts the id.
 */
export async function importLedger(
  db: HuikuanDb,
  source: LedgerRowSource,
  opts: ApplyImportOptions,
  sizeHint = 0,
): Promise<ImportSummary> {
  checkAbort(opts.signal);
  return withBulkWrite(
    { kind: 'import', file: opts.fileName },
    async () => {
      const now = opts.now;
      await recoverInterrupted(db, now);
      const t = now.getTime();
      const asOf = today(now);
      const norm = opts.normalize ?? normalizeCompanyName;
      const batchId = `imp${t.toString(36)}${stableHash(opts.fileName + sizeHint + Math.random()).slice(0, 6)}`;
      const customers = await db.customers.toArray();
      const planner = createPlanner(
        customers.map((c) => ({ id: c.id, name: c.name, aliases: c.aliases })),
        { normalize: norm },
      );
      const existingIds = new Set(customers.map((c) => c.id));
      customers.length = 0;
      const touched = new Set<string>();
      const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      let paymentCount = 0;
      const rejections: ImportSummary['rejections'] = [];
      const openByCurrency: Record<string, number> = {};
      let part = 0;

      /**
       * Plans and writes one chunk's rows; returns the ledgers it wrote, as stored. Runs inside the caller's
       * transaction over customers, ledgers and imports.
       */
      const writeRows = async (rows: LedgerRow[], adopted: Array<[string, string]>): Promise<CustomerLedger[]> => {
        // The ledgers of the stored customers this chunk names: one read each, whatever the number of rows. A
        // customer created by this import has no stored documents but the ones it wrote, which the planner already
        // knows as duplicates, so only the receivables the rows name are offered to the planner.
        const named = new Map<string, Set<string>>();
        for (const r of rows) {
          const c = planner.customerFor(r.customerName);
          if (c) (named.get(c.id) ?? named.set(c.id, new Set()).get(c.id)!).add(r.invoiceNumber);
        }
        const ledgers = await ledgersOf(db, [...named.keys()]);
        const existingRecs: Receivable[] = [];
        const payById = new Map<string, Payment>();
        for (const [cid, docs] of named) {
          const l = ledgers.get(cid);
          if (!l) continue;
          for (const r of l.receivables) if (docs.has(r.docNumber)) existingRecs.push(r);
          for (const p of l.payments) payById.set(p.id, p);
        }
        const recById = new Map(existingRecs.map((r) => [r.id, r]));
        const keys = new Map<string, ExistingReceivable>();
        for (const r of existingRecs) {
          const pay = payById.get(importedPaymentId(r.customerId, r.docNumber));
          keys.set(receivableKey(r.customerId, r.docNumber), {
            id: r.id,
            customerId: r.customerId,
            docNumber: r.docNumber,
            kind: r.kind,
            issueDate: r.issueDate,
            dueDate: r.dueDate,
            amount: r.amount,
            disputed: r.disputed,
            contractRef: r.contractRef,
            status: r.status,
            paidMinor: pay?.amount.minor ?? 0,
          });
        }
        // Payments stored from payment rows, under their reference (a document of the same number comes first).
        for (const [cid, docs] of named) {
          for (const p of ledgers.get(cid)?.payments ?? []) {
            if (!isPaymentRow(p) || !docs.has(p.reference) || keys.has(receivableKey(cid, p.reference))) continue;
            keys.set(receivableKey(cid, p.reference), {
              id: p.id,
              customerId: cid,
              docNumber: p.reference,
              kind: 'credit-note',
              issueDate: p.date,
              dueDate: p.date,
              amount: p.amount,
              payment: true,
            });
          }
        }
        const plan: ImportPlan = planner.plan(rows, keys);

        const created: ImportBatchRow['created'] = { customers: [], receivables: [], payments: [] };
        const previous: ImportBatchRow['previous'] = { receivables: [], payments: [] };
        const newCustomerIds = new Map<string, string>();
        const newCustomers: Customer[] = [];
        for (const nc of plan.newCustomers) {
          let id = importedCustomerId(nc.key);
          for (let i = 2; existingIds.has(id); i++) id = importedCustomerId(`${nc.key}#${i}`);
          existingIds.add(id);
          newCustomerIds.set(nc.key, id);
          adopted.push([nc.key, id]);
          newCustomers.push({
            id,
            name: nc.name.trim().slice(0, 300),
            aliases: [],
            domains: [],
            crmLinks: [],
            type: 'enterprise',
            tags: [],
            createdAt: t,
            updatedAt: t,
          });
          created.customers.push(id);
        }

        const putRecs: Receivable[] = [];
        const putPays: Payment[] = [];
        const deletePays: string[] = [];
        const customerOf = (c: ImportPlan['create'][number]) =>
          'existingId' in c.customer ? c.customer.existingId : newCustomerIds.get(c.customer.newKey)!;
        // A payment row can outlive its receivable (deleted by hand): the ledgers read above hold those too.
        for (const c of plan.create) {
          const customerId = customerOf(c);
          touched.add(customerId);
          if (c.fields.payment) {
            const pid = importedPaymentId(customerId, c.fields.docNumber);
            const before = payById.get(pid);
            if (before) previous.payments.push(before);
            else created.payments.push(pid);
            putPays.push(paymentRowFrom(pid, customerId, c.fields, batchId, t));
            continue;
          }
          const id = importedReceivableId(customerId, c.fields.docNumber);
          const rec = receivableFrom(id, customerId, c.fields, batchId, t);
          putRecs.push(rec);
          created.receivables.push(id);
          if (c.paid && c.paid.minor > 0) {
            const pid = importedPaymentId(customerId, c.fields.docNumber);
            const before = payById.get(pid);
            if (before) previous.payments.push(before);
            else created.payments.push(pid);
            putPays.push(paymentFrom(pid, rec, c.paid, c.settledDate, asOf, batchId, t));
          }
        }
        for (const u of plan.update) {
          if (u.payment) {
            const before = payById.get(u.id)!;
            previous.payments.push(before);
            putPays.push({
              ...before,
              date: u.changes.issueDate ?? before.date,
              amount: u.changes.amount ?? before.amount,
              importBatch: batchId,
              updatedAt: t,
            });
            touched.add(u.customerId);
            continue;
          }
          const prev = recById.get(u.id)!;
          previous.receivables.push(prev);
          const next: Receivable = { ...prev, ...u.changes, importBatch: batchId, updatedAt: t };
          putRecs.push(next);
          if (u.paid !== undefined) {
            const pid = importedPaymentId(prev.customerId, prev.docNumber);
            const before = payById.get(pid);
            if (u.paid.minor > 0) {
              if (before) previous.payments.push(before);
              else created.payments.push(pid);
              putPays.push(paymentFrom(pid, next, u.paid, u.settledDate, asOf, batchId, t));
            } else if (before) {
              previous.payments.push(before);
              deletePays.push(pid);
            }
          }
          touched.add(u.customerId);
        }
        checkAbort(opts.signal);
        // The journal first: a failure after it is undone by it; a failure before it leaves this transaction empty.
        const changed = new Set<string>([...putRecs, ...putPays].map((d) => d.customerId));
        for (const pid of deletePays) changed.add(payById.get(pid)!.customerId);
        const journal: ImportPartRow = {
          id: partId(batchId, part),
          batch: batchId,
          part,
          at: t,
          fileName: opts.fileName,
          created,
          previous,
          customers: [...changed],
          counts: {
            created: plan.counts.created,
            updated: plan.counts.updated,
            unchanged: plan.counts.unchanged,
            rejected: plan.counts.rejected,
          },
        };
        await db.imports.put(journal);
        if (newCustomers.length) await db.customers.bulkAdd(newCustomers);
        // Each changed ledger is written once, with every document of this chunk in it.
        const dropPays = new Set(deletePays);
        const recsOf = groupByCustomer(putRecs);
        const paysOf = groupByCustomer(putPays);
        const write: CustomerLedger[] = [];
        for (const cid of changed) {
          const l = ledgers.get(cid) ?? emptyLedger(cid);
          if (dropPays.size) l.payments = l.payments.filter((p) => !dropPays.has(p.id));
          upsertInto(l.receivables, recsOf.get(cid) ?? []);
          upsertInto(l.payments, paysOf.get(cid) ?? []);
          l.updatedAt = t;
          write.push(l);
        }
        if (write.length) await db.ledgers.bulkPut(write);
        counts.created += plan.counts.created;
        counts.updated += plan.counts.updated;
        counts.unchanged += plan.counts.unchanged;
        counts.rejected += plan.counts.rejected;
        paymentCount += putPays.length;
        for (const r of plan.rejected) if (rejections.length < MAX_REJECTIONS_KEPT) rejections.push(r);
        const refused = new Set(plan.rejected.map((r) => r.row));
        for (const r of rows)
          if (!refused.has(r.row)) openByCurrency[r.currency] = (openByCurrency[r.currency] ?? 0) + rowOpenMinor(r);
        return write;
      };

      /**
       * The end of the import, in the last chunk's transaction: every touched customer's summary refreshed (the last
       * chunk's ledgers are taken from memory, not read back) and the batch row that marks the import complete.
       */
      const finish = async (written: CustomerLedger[], parts: number) => {
        checkAbort(opts.signal);
        const ids = [...touched];
        // The last chunk's ledgers from memory, and no query of the related tables for customers without a summary.
        const preloaded = {
          ledgers: new Map(written.map((l) => [l.customerId, l])),
          summarised: await readSummarised(db),
        };
        for (let i = 0; i < ids.length; i += REFRESH_BATCH)
          await refreshCustomers(db, ids.slice(i, i + REFRESH_BATCH), now, preloaded);
        await refuseInexactTotals(db);
        const batch: ChunkedBatchRow = {
          id: batchId,
          at: t,
          fileName: opts.fileName,
          created: { customers: [], receivables: [], payments: [] },
          previous: { receivables: [], payments: [] },
          counts,
          parts,
        };
        await db.imports.put(batch);
        checkAbort(opts.signal);
        await opts.beforeCommit?.();
      };

      /** One transaction: a chunk of rows, and for the last one the refresh and the batch row as well. */
      const writeChunk = async (rows: LedgerRow[], final: boolean) => {
        checkAbort(opts.signal);
        const adopted: Array<[string, string]> = [];
        await db.transaction('rw', final ? db.tables : [db.customers, db.ledgers, db.imports], async () => {
          const written = rows.length ? await writeRows(rows, adopted) : [];
          if (final) await finish(written, part + (rows.length ? 1 : 0));
        });
        // Only once the chunk is committed do its new customers count as existing for the next chunks.
        for (const [key, id] of adopted) planner.adopt(key, id);
        if (rows.length) part++;
      };

      try {
        const size = opts.chunkRows ?? IMPORT_CHUNK_ROWS;
        // The parser hands over rows by the megabyte; they are gathered into transactions of `size` rows. A chunk is
        // written only once a row after it is known, so the last chunk is the one that finishes the import. (Reading
        // the next chunk while one is written was tried: no faster, since the write keeps this thread busy too, and
        // 430 MB at the peak instead of 250.)
        let pending: LedgerRow[] = [];
        // A group's rows are written when the next group's first rows arrive (so the last group, written after the
        // source ends, is the one that finishes the import).
        let groupEnded = false;
        await source(
          async (rows) => {
            // Checked on every piece the parser hands over, even one with no row for this pass's customers, so a
            // Cancel during a pass over the file is seen within a megabyte, not at the next write.
            checkAbort(opts.signal);
            if (!rows.length) return;
            if (groupEnded && pending.length) {
              const take = pending;
              pending = [];
              await writeChunk(take, false);
            }
            groupEnded = false;
            for (const r of rows) pending.push(r);
            while (pending.length > size) {
              const take = pending.slice(0, size);
              pending = pending.slice(size);
              await writeChunk(take, false);
            }
          },
          async () => {
            groupEnded = true;
          },
        );
        const last = pending;
        pending = [];
        await writeChunk(last, true);
      } catch (e) {
        await rollbackUnfinished(db, batchId, opts.now);
        throw e;
      }
      // The report is what the store holds now (the batch row and its journal), not this function's counters.
      const stored = await readImportReport(db, batchId);
      if (!stored) throw new Error(`The import of ${opts.fileName} finished but its record is not in the store.`);
      return { ...stored, payments: paymentCount, rejections, openByCurrency };
    },
    { ...opts.lock, signal: opts.signal },
  );
}

/**
 * Every figure the product shows is a sum of minor units; past 2^53 a sum is no longer exact. An import that would
 * take the portfolio's open or invoiced total of a currency there is refused whole (the caller rolls back).
 */
async function refuseInexactTotals(db: HuikuanDb): Promise<void> {
  const agg = await getPortfolio(db);
  for (const byCurrency of [agg.openByDue, agg.salesByMonth]) {
    for (const [currency, amounts] of Object.entries(byCurrency)) {
      let total = 0;
      for (const v of Object.values(amounts)) total += v;
      if (!Number.isSafeInteger(total)) {
        throw new UserError(
          'errors.import.totalTooLarge',
          { currency },
          `the ${currency} total would pass 2^53 minor units`,
        );
      }
    }
  }
}

/** What the store holds of an import: its batch row's counts and the customers it created that still exist. */
export type StoredImport = Omit<ImportSummary, 'payments' | 'rejections' | 'openByCurrency'>;

/** The import `batchId` as the store holds it now; undefined when it is not there (undone, replaced by a restore). */
export async function readImportReport(db: HuikuanDb, batchId: string): Promise<StoredImport | undefined> {
  return db.transaction('r', [db.imports, db.customers], async () => {
    const batch = await db.imports.get(batchId);
    if (!batch || batch.undone) return undefined;
    const created = new Set(batch.created.customers);
    for (const id of await partIds(db, batchId))
      for (const c of (await db.imports.get(id))?.created.customers ?? []) created.add(c);
    const there = (await db.customers.bulkGet([...created])).filter(Boolean).length;
    return { batchId, fileName: batch.fileName, ...batch.counts, newCustomers: there };
  });
}

/** The newest import that can still be undone. */
export async function lastImport(db: HuikuanDb): Promise<ImportBatchRow | undefined> {
  // Keys only: parts carry whole journals and are not batches.
  const ids = ((await db.imports.orderBy('at').reverse().primaryKeys()) as string[]).filter((id) => !isPartId(id));
  for (const id of ids) {
    const row = await db.imports.get(id);
    if (row && !row.undone) return row;
  }
  return undefined;
}

/**
 * Undoes the newest import: deletes what it created, puts back the previous version of what it changed, and
 * removes its batch row and parts, all in one transaction. A customer it created is kept only when something
 * recorded later (a contact, a promise, an activity, a receivable from another import) still refers to it.
 */
export async function undoLastImport(
  db: HuikuanDb,
  now: Date,
  lock: BulkWaitOptions = {},
): Promise<ImportBatchRow | undefined> {
  return withBulkWrite(
    { kind: 'undo-import' },
    async () => {
      await recoverInterrupted(db, now);
      return db.transaction('rw', db.tables, async () => {
        const batch = await lastImport(db);
        if (!batch) return undefined;
        const touched = await revertParts(db, batch.id, now);
        await revertJournal(db, batch, touched, now);
        await db.imports.delete(batch.id);
        const ids = [...touched];
        const preloaded = { summarised: await readSummarised(db) };
        for (let i = 0; i < ids.length; i += REFRESH_BATCH)
          await refreshCustomers(db, ids.slice(i, i + REFRESH_BATCH), now, preloaded);
        return batch;
      });
    },
    lock,
  );
}
