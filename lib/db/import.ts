/**
 * Applying a parsed ledger to the store, all or nothing, and undoing the last import.
 *
 * - Customers are matched by normalised name (lib/match normalizeCompanyName, names and aliases); receivables by
 *   customer + document number (lib/transfer planImport), so importing the same or an updated file again updates
 *   instead of duplicating.
 * - Ids are derived from customer + document number (receivables `ri…`, payments `pi…`), so a re-import finds and
 *   replaces its own rows, never adds a second payment for the same "paid" column.
 * - Everything is written in ONE writeTx (customer summaries and the portfolio aggregate included). Any throw —
 *   a failing write, an abort, the caller's `beforeCommit` — rolls the whole transaction back.
 * - An ImportBatchRow keeps the ids created and the previous version of every row changed, so undoLastImport
 *   puts the store back exactly as it was before the import.
 */
import type { Customer, Payment, Receivable } from '../domain';
import { normalizeCompanyName } from '../match';
import {
  type ExistingReceivable, type ImportPlan, type LedgerRow, type PlanFields, type PlanRejection, planImport, receivableKey,
} from '../transfer';
import type { HuikuanDb, ImportBatchRow } from './schema';
import { writeTx } from './repo';

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
}

export interface ApplyImportOptions {
  fileName: string;
  now?: Date;
  signal?: AbortSignal;
  /** Runs inside the transaction after every write; a throw rolls everything back (tests use it). */
  beforeCommit?: () => void | Promise<void>;
  /** Customer name normaliser; lib/match's by default. */
  normalize?: (name: string) => string;
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

export const importedReceivableId = (customerId: string, docNumber: string) => `ri${stableHash(`${customerId}|${docNumber}`)}`;
export const importedPaymentId = (customerId: string, docNumber: string) => `pi${stableHash(`${customerId}|${docNumber}`)}`;
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
    id, customerId, docNumber: f.docNumber, kind: f.kind, issueDate: f.issueDate, dueDate: f.dueDate, amount: f.amount,
    writtenOff: 0, status: f.status, disputed: f.disputed ?? false, selfQuestions: {}, interruptions: [], evidence: [],
    importBatch: batchId, updatedAt: now,
  };
  if (f.contractRef !== undefined) r.contractRef = f.contractRef;
  return r;
}

/**
 * The payment a "paid" column stands for. Its date is the file's settled date when given, else the due date (or
 * today when the due date is still ahead): a file without payment dates cannot say when the money came, and
 * stamping every historical payment with the import day would inflate "collected this month".
 */
function paymentFrom(id: string, receivable: Receivable, paid: { minor: number; currency: string }, settledDate: string | undefined,
  asOf: string, batchId: string, now: number): Payment {
  const date = settledDate ?? (receivable.dueDate <= asOf ? receivable.dueDate : asOf);
  return {
    id, customerId: receivable.customerId, date, amount: { minor: paid.minor, currency: paid.currency },
    allocations: [{ receivableId: receivable.id, minor: paid.minor }], reference: receivable.docNumber, importBatch: batchId,
    updatedAt: now,
  };
}

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Plans and writes an import in one transaction; returns what it did. */
export async function applyImport(db: HuikuanDb, rows: LedgerRow[], opts: ApplyImportOptions): Promise<ImportSummary> {
  const now = opts.now ?? new Date();
  const t = now.getTime();
  const asOf = isoDay(now);
  const norm = opts.normalize ?? normalizeCompanyName;
  const batchId = `imp${t.toString(36)}${stableHash(opts.fileName + rows.length + Math.random()).slice(0, 6)}`;
  checkAbort(opts.signal);

  return writeTx(db, async (touch) => {
    const customers = await db.customers.toArray();
    checkAbort(opts.signal);
    // Which existing customers the file names (same rule as planImport: names and aliases, normalised).
    const byName = new Map<string, string>();
    for (const c of [...customers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      for (const n of [c.name, ...(c.aliases ?? [])]) {
        const k = norm(n);
        if (k && !byName.has(k)) byName.set(k, c.id);
      }
    }
    const candidateIds = new Set<string>();
    for (const r of rows) {
      const id = byName.get(norm(r.customerName));
      if (id) candidateIds.add(id);
    }
    const existingRecs = candidateIds.size
      ? await db.receivables.where('customerId').anyOf([...candidateIds]).toArray()
      : [];
    checkAbort(opts.signal);
    const recById = new Map(existingRecs.map((r) => [r.id, r]));
    const payIds = existingRecs.map((r) => importedPaymentId(r.customerId, r.docNumber));
    const existingPays = payIds.length ? await db.payments.bulkGet(payIds) : [];
    const payById = new Map<string, Payment>();
    for (const p of existingPays) if (p) payById.set(p.id, p);
    const keys = new Map<string, ExistingReceivable>();
    for (const r of existingRecs) {
      const pay = payById.get(importedPaymentId(r.customerId, r.docNumber));
      keys.set(receivableKey(r.customerId, r.docNumber), {
        id: r.id, customerId: r.customerId, docNumber: r.docNumber, kind: r.kind, issueDate: r.issueDate, dueDate: r.dueDate,
        amount: r.amount, disputed: r.disputed, contractRef: r.contractRef, status: r.status, paidMinor: pay?.amount.minor ?? 0,
      });
    }

    const plan: ImportPlan = planImport(rows, { customers, receivableKeys: keys }, { normalize: norm });
    checkAbort(opts.signal);

    const created: ImportBatchRow['created'] = { customers: [], receivables: [], payments: [] };
    const previous: ImportBatchRow['previous'] = { receivables: [], payments: [] };
    const newCustomerIds = new Map<string, string>();
    const newCustomers: Customer[] = [];
    const existingIds = new Set(customers.map((c) => c.id));
    for (const nc of plan.newCustomers) {
      let id = importedCustomerId(nc.key);
      for (let i = 2; existingIds.has(id); i++) id = importedCustomerId(`${nc.key}#${i}`);
      existingIds.add(id);
      newCustomerIds.set(nc.key, id);
      newCustomers.push({
        id, name: nc.name.trim().slice(0, 300), aliases: [], domains: [], crmLinks: [], type: 'enterprise', tags: [],
        createdAt: t, updatedAt: t,
      });
      created.customers.push(id);
    }

    const putRecs: Receivable[] = [];
    const putPays: Payment[] = [];
    const deletePays: string[] = [];
    const customerOf = (c: ImportPlan['create'][number]) =>
      'existingId' in c.customer ? c.customer.existingId : newCustomerIds.get(c.customer.newKey)!;
    // A payment row can outlive its receivable (deleted by hand): look them up once, not per row.
    const stalePayIds = plan.create.filter((c) => c.paid && c.paid.minor > 0 && 'existingId' in c.customer)
      .map((c) => importedPaymentId(customerOf(c), c.fields.docNumber));
    for (const p of stalePayIds.length ? await db.payments.bulkGet(stalePayIds) : []) if (p) payById.set(p.id, p);
    for (const c of plan.create) {
      const customerId = customerOf(c);
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
      touch(customerId);
    }
    for (const u of plan.update) {
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
      touch(u.customerId);
    }
    checkAbort(opts.signal);

    if (newCustomers.length) await db.customers.bulkAdd(newCustomers);
    if (putRecs.length) await db.receivables.bulkPut(putRecs);
    if (deletePays.length) await db.payments.bulkDelete(deletePays);
    if (putPays.length) await db.payments.bulkPut(putPays);
    const counts = { created: plan.counts.created, updated: plan.counts.updated, unchanged: plan.counts.unchanged,
      rejected: plan.counts.rejected };
    const batch: ImportBatchRow = { id: batchId, at: t, fileName: opts.fileName, created, previous, counts };
    await db.imports.put(batch);
    checkAbort(opts.signal);
    await opts.beforeCommit?.();
    return {
      batchId, fileName: opts.fileName, ...counts, newCustomers: plan.counts.newCustomers, payments: putPays.length,
      rejections: plan.rejected,
    };
  }, now);
}

/** The newest import that can still be undone. */
export async function lastImport(db: HuikuanDb): Promise<ImportBatchRow | undefined> {
  const rows = await db.imports.orderBy('at').reverse().toArray();
  return rows.find((r) => !r.undone);
}

/**
 * Undoes the newest import: deletes what it created, puts back the previous version of what it changed, and
 * removes its batch record, all in one transaction. A customer it created is kept only when something recorded
 * later (a contact, a promise, an activity, a receivable from another import) still refers to it.
 */
export async function undoLastImport(db: HuikuanDb, now = new Date()): Promise<ImportBatchRow | undefined> {
  return writeTx(db, async (touch) => {
    const batch = await lastImport(db);
    if (!batch) return undefined;
    const createdRecs = (await db.receivables.bulkGet(batch.created.receivables)).filter((r): r is Receivable => !!r);
    const createdPays = (await db.payments.bulkGet(batch.created.payments)).filter((p): p is Payment => !!p);
    for (const r of [...createdRecs, ...createdPays, ...batch.previous.receivables, ...batch.previous.payments]) touch(r.customerId);
    await db.payments.bulkDelete(batch.created.payments);
    await db.receivables.bulkDelete(batch.created.receivables);
    if (batch.previous.receivables.length) await db.receivables.bulkPut(batch.previous.receivables);
    if (batch.previous.payments.length) await db.payments.bulkPut(batch.previous.payments);
    for (const cid of batch.created.customers) {
      const used = await Promise.all([
        db.receivables.where('customerId').equals(cid).count(), db.payments.where('customerId').equals(cid).count(),
        db.contacts.where('customerId').equals(cid).count(), db.promises.where('customerId').equals(cid).count(),
        db.activities.where('customerId').equals(cid).count(),
      ]);
      if (used.every((n) => n === 0)) {
        await db.customers.delete(cid);
        await db.profiles.delete(cid);
        await db.preparations.delete(cid);
      }
      touch(cid);
    }
    await db.imports.delete(batch.id);
    return batch;
  }, now);
}
