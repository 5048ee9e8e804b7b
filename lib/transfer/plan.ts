/**
 * What an import would do, before anything is written: which customers are new, which receivables are created,
 * updated or unchanged, which rows are rejected. Receivables are keyed by customer + document number, so importing
 * the same export twice updates instead of duplicating. Pure; lib/db/import.ts applies it chunk by chunk.
 */
import type { Money, Receivable } from '../domain';
import type { LedgerRow } from './parse';
import { foldWidth } from './values';
import type { RejectionCode } from './errors';

/** A small local company-name normaliser (width, case, spaces, punctuation, common legal suffixes). */
export function simpleNormalizeName(name: string): string {
  let s = foldWidth(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  s = s.replace(
    /(股份有限公司|有限责任公司|有限公司|集团|公司|coltd|limited|ltd|inc|corp|corporation|llc|gmbh|co)$/u,
    '',
  );
  return s;
}

export interface ExistingCustomer {
  id: string;
  name: string;
  aliases?: string[];
}
export type ExistingReceivable = Pick<Receivable, 'id' | 'customerId' | 'docNumber'> &
  Partial<Pick<Receivable, 'kind' | 'issueDate' | 'dueDate' | 'amount' | 'disputed' | 'contractRef' | 'status'>> & {
    /** Minor units paid as recorded by the previous import, when known. */
    paidMinor?: number;
    /** It is a payment a previous import stored from a payment row (id = the payment's id, issueDate = its date). */
    payment?: true;
  };

export interface PlanFields {
  docNumber: string;
  kind: 'invoice' | 'credit-note';
  issueDate: string;
  dueDate: string;
  amount: Money;
  status: 'open' | 'paid';
  disputed?: boolean;
  contractRef?: string;
  /**
   * The row is money received and not applied (a payment line of an aging report or a receipt in a ledger): it is
   * stored as a payment dated `issueDate`, left for the ledger to apply oldest-first, not as a document.
   */
  payment?: true;
}

export type CustomerRef = { existingId: string } | { newKey: string };

export interface PlannedCreate {
  row: number;
  customer: CustomerRef;
  fields: PlanFields;
  paid?: Money;
  settledDate?: string;
}
export interface PlannedUpdate {
  row: number;
  id: string;
  customerId: string;
  changes: Partial<PlanFields>;
  paid?: Money;
  settledDate?: string;
  /** `id` is a payment stored from a payment row (changes: issueDate = its date, amount). */
  payment?: true;
}

/** A row the plan refuses: English `reason`, and `code` + `params` for the translated text. */
export interface PlanRejection {
  row: number;
  reason: string;
  code: RejectionCode;
  params: { customer: string; value?: string; first?: number; stored?: string; file?: string };
}

export interface ImportPlan {
  newCustomers: Array<{ key: string; name: string; customerCode?: string; rows: number[] }>;
  matchedCustomers: Array<{ customerId: string; name: string; rows: number[] }>;
  create: PlannedCreate[];
  update: PlannedUpdate[];
  unchanged: Array<{ row: number; id: string }>;
  rejected: PlanRejection[];
  counts: { created: number; updated: number; unchanged: number; rejected: number; newCustomers: number };
}

/** Map key for existing receivables: `${customerId}|${docNumber}`. */
export const receivableKey = (customerId: string, docNumber: string): string => `${customerId}|${docNumber}`;

function fieldsOf(r: LedgerRow): PlanFields {
  const paidFull = r.paid !== undefined && r.paid.minor >= r.amount.minor;
  const f: PlanFields = {
    docNumber: r.invoiceNumber,
    kind: r.kind,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    amount: r.amount,
    status: paidFull ? 'paid' : 'open',
  };
  if (r.disputed !== undefined) f.disputed = r.disputed;
  if (r.contractRef !== undefined) f.contractRef = r.contractRef;
  if (r.source === 'payment') f.payment = true;
  return f;
}

/**
 * Plans an import chunk by chunk (a 200,000-row file is never one array): the customer name index, the new
 * customers and the documents already seen stay in the planner between chunks. The caller names the ids of new
 * customers once it has written them (`adopt`), so later chunks match them as existing customers. Memory grows with
 * the customers and with one short key per document, not with the rows' contents.
 */
export interface ImportPlanner {
  /** Plans one chunk against the receivables already stored for the customers it names. */
  plan(rows: LedgerRow[], receivableKeys: Map<string, ExistingReceivable>): ImportPlan;
  /** The existing customer a row's name resolves to, if any (to look up its receivables before planning). */
  customerFor(name: string): ExistingCustomer | undefined;
  /** Registers a customer created for `newKey` under its stored id. */
  adopt(newKey: string, id: string): void;
  /** Whether the customer was created by this import (adopted). */
  isNew(id: string): boolean;
}

export function createPlanner(
  customers: ExistingCustomer[],
  opts: { normalize?: (name: string) => string } = {},
): ImportPlanner {
  const norm = opts.normalize ?? simpleNormalizeName;
  const byName = new Map<string, ExistingCustomer>();
  for (const c of [...customers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const n of [c.name, ...(c.aliases ?? [])]) {
      const k = norm(n);
      if (k && !byName.has(k)) byName.set(k, c);
    }
  }
  const pendingNew = new Map<string, ExistingCustomer>();
  // Documents are remembered under the key their customer had when first seen, so a document repeated after its
  // new customer was adopted is still caught as a duplicate.
  const adoptedKey = new Map<string, string>();
  // customer key → document number → first row (two levels: no key string is built per row).
  const seen = new Map<string, Map<string, number>>();
  // Names repeat across rows (a customer has many documents): normalise each distinct name once.
  const normCache = new Map<string, string>();
  const normOf = (name: string) => {
    let k = normCache.get(name);
    if (k === undefined) {
      k = norm(name);
      if (normCache.size > 50_000) normCache.clear();
      normCache.set(name, k);
    }
    return k;
  };

  return {
    customerFor: (name) => byName.get(normOf(name)),
    isNew: (id) => adoptedKey.has(id),
    adopt(newKey, id) {
      const c = pendingNew.get(newKey);
      if (!c) return;
      pendingNew.delete(newKey);
      byName.set(newKey.slice('new:'.length), { ...c, id });
      adoptedKey.set(id, newKey);
    },
    plan(rows, receivableKeys) {
      const plan: ImportPlan = {
        newCustomers: [],
        matchedCustomers: [],
        create: [],
        update: [],
        unchanged: [],
        rejected: [],
        counts: { created: 0, updated: 0, unchanged: 0, rejected: 0, newCustomers: 0 },
      };
      const newByKey = new Map<string, ImportPlan['newCustomers'][number]>();
      const matched = new Map<string, ImportPlan['matchedCustomers'][number]>();
      for (const r of rows) {
        const key = normOf(r.customerName);
        if (!key) {
          plan.rejected.push({
            row: r.row,
            reason: `The customer name "${r.customerName}" is empty after normalising.`,
            code: 'empty-name',
            params: { customer: r.customerName },
          });
          continue;
        }
        const found = byName.get(key);
        const refKey = found ? (adoptedKey.get(found.id) ?? found.id) : `new:${key}`;
        let docs = seen.get(refKey);
        if (docs === undefined) seen.set(refKey, (docs = new Map()));
        const dupe = docs.get(r.invoiceNumber);
        if (dupe !== undefined) {
          plan.rejected.push({
            row: r.row,
            reason: `Document "${r.invoiceNumber}" of "${r.customerName}" is already in row ${dupe} (the names match after normalising).`,
            code: 'duplicate-after-normalising',
            params: { customer: r.customerName, value: r.invoiceNumber, first: dupe },
          });
          continue;
        }
        docs.set(r.invoiceNumber, r.row);
        const fields = fieldsOf(r);
        const extra: { paid?: Money; settledDate?: string } = {};
        if (r.paid) extra.paid = r.paid;
        if (r.settledDate) extra.settledDate = r.settledDate;
        if (!found) {
          let nc = newByKey.get(key);
          if (!nc) {
            nc = { key: `new:${key}`, name: r.customerName, rows: [] };
            if (r.customerId) nc.customerCode = r.customerId;
            newByKey.set(key, nc);
            plan.newCustomers.push(nc);
            pendingNew.set(nc.key, { id: nc.key, name: r.customerName });
          }
          nc.rows.push(r.row);
          plan.create.push({ row: r.row, customer: { newKey: nc.key }, fields, ...extra });
          continue;
        }
        let m = matched.get(found.id);
        if (!m) {
          m = { customerId: found.id, name: found.name, rows: [] };
          matched.set(found.id, m);
          plan.matchedCustomers.push(m);
        }
        m.rows.push(r.row);
        const prev = receivableKeys.get(receivableKey(found.id, r.invoiceNumber));
        if (!prev) {
          plan.create.push({ row: r.row, customer: { existingId: found.id }, fields, ...extra });
          continue;
        }
        if (prev.amount && prev.amount.currency !== r.amount.currency) {
          plan.rejected.push({
            row: r.row,
            reason: `Document "${r.invoiceNumber}" is stored in ${prev.amount.currency}; the file says ${r.amount.currency}.`,
            code: 'currency-mismatch',
            params: {
              customer: r.customerName,
              value: r.invoiceNumber,
              stored: prev.amount.currency,
              file: r.amount.currency,
            },
          });
          continue;
        }
        if (prev.payment && !fields.payment) {
          // The document number was a payment's reference in an earlier file; a document under it now is a conflict
          // the collector resolves by hand, not a payment silently turned into an invoice.
          plan.rejected.push({
            row: r.row,
            reason: `"${r.invoiceNumber}" of "${r.customerName}" is stored as a payment; the file has it as a document.`,
            code: 'payment-mismatch',
            params: { customer: r.customerName, value: r.invoiceNumber },
          });
          continue;
        }
        if (prev.payment) {
          const changes: Partial<PlanFields> = {};
          if (prev.issueDate !== fields.issueDate) changes.issueDate = fields.issueDate;
          if (!prev.amount || prev.amount.minor !== fields.amount.minor) changes.amount = fields.amount;
          if (Object.keys(changes).length)
            plan.update.push({ row: r.row, id: prev.id, customerId: found.id, changes, payment: true });
          else plan.unchanged.push({ row: r.row, id: prev.id });
          continue;
        }
        const changes: Partial<PlanFields> = {};
        if (prev.kind !== undefined && prev.kind !== fields.kind) changes.kind = fields.kind;
        if (prev.issueDate !== fields.issueDate) changes.issueDate = fields.issueDate;
        if (prev.dueDate !== fields.dueDate) changes.dueDate = fields.dueDate;
        if (!prev.amount || prev.amount.minor !== fields.amount.minor) changes.amount = fields.amount;
        if (fields.disputed !== undefined && (prev.disputed ?? false) !== fields.disputed)
          changes.disputed = fields.disputed;
        if (fields.contractRef !== undefined && prev.contractRef !== fields.contractRef)
          changes.contractRef = fields.contractRef;
        if (
          r.paid !== undefined &&
          prev.status !== fields.status &&
          (prev.status === 'open' || prev.status === 'paid' || prev.status === undefined)
        )
          changes.status = fields.status;
        const paidChanged = r.paid !== undefined && prev.paidMinor !== r.paid.minor;
        if (Object.keys(changes).length || paidChanged)
          plan.update.push({ row: r.row, id: prev.id, customerId: found.id, changes, ...extra });
        else plan.unchanged.push({ row: r.row, id: prev.id });
      }
      plan.counts = {
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged.length,
        rejected: plan.rejected.length,
        newCustomers: plan.newCustomers.length,
      };
      return plan;
    },
  };
}

/** Plans a whole file at once (small files, the preview): one chunk through the planner. */
export function planImport(
  rows: LedgerRow[],
  existing: {
    customers: ExistingCustomer[];
    receivableKeys: Map<string, ExistingReceivable>;
  },
  opts: { normalize?: (name: string) => string } = {},
): ImportPlan {
  return createPlanner(existing.customers, opts).plan(rows, existing.receivableKeys);
}
