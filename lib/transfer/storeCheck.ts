/**
 * A backup checked as a whole store, beyond each record's schema (backup.ts): a restore replaces every table, so
 * a file that is valid record by record can still empty tables it does not carry, or hold payments and promises
 * of customers and receivables that do not exist, or negative amounts — each of which skews every figure.
 *
 * - A table the file does not have at all is refused by name (an empty list is a table with no records); only
 *   the settings may be absent (the current settings are then kept).
 * - Every customerId, allocation, promise and activity reference resolves inside the backup.
 * - Amounts are positive, as the importer stores them (a credit note is a kind with a positive amount), and each
 *   customer's and the whole portfolio's total per currency stays a safe integer (below 2^53 minor units), so
 *   every sum the product shows is exact.
 */
import { type BackupData, type BackupIssue, type BackupParse, type BackupTable, parseBackup } from './backup';

const MAX_ISSUES = 100;
const optionalTables = new Set<BackupTable>(['statements', 'paymentPlans', 'disputes', 'customerTerms', 'bills']);
const withCustomer = [
  'contacts',
  'receivables',
  'payments',
  'promises',
  'activities',
  'profiles',
  'preparations',
] as const;

export function checkBackupStore(data: BackupData, absent: readonly BackupTable[]): BackupIssue[] {
  const out: BackupIssue[] = [];
  let extra = 0;
  const push = (i: BackupIssue) => {
    if (out.length < MAX_ISSUES) out.push(i);
    else extra++;
  };
  for (const t of absent) {
    // The settings may be absent (the current ones are kept); so may the toolkit's tables, which a backup written
    // before they existed (schema version 5) cannot have.
    if (t === 'settings' || optionalTables.has(t)) continue;
    push({
      path: `tables.${t}`,
      message: `The backup has no "${t}" table; restoring it would empty that table.`,
      code: 'missing-table',
      params: { table: t },
    });
  }
  const customers = new Set(data.customers.map((c) => c.id));
  const receivables = new Set(data.receivables.map((r) => r.id));
  const missing = (path: string, ref: BackupTable, value: string) =>
    push({
      path,
      message: `refers to ${ref} "${value}", which is not in the backup`,
      code: 'missing-reference',
      params: { ref, value },
    });
  for (const t of withCustomer) {
    (data[t] as Array<{ customerId: string }>).forEach((r, i) => {
      if (!customers.has(r.customerId)) missing(`tables.${t}[${i}].customerId`, 'customers', r.customerId);
    });
  }
  data.payments.forEach((p, i) =>
    p.allocations.forEach((a, j) => {
      if (!receivables.has(a.receivableId))
        missing(`tables.payments[${i}].allocations[${j}].receivableId`, 'receivables', a.receivableId);
    }),
  );
  for (const t of ['promises', 'activities'] as const) {
    data[t].forEach((r, i) =>
      r.receivableIds.forEach((id, j) => {
        if (!receivables.has(id)) missing(`tables.${t}[${i}].receivableIds[${j}]`, 'receivables', id);
      }),
    );
  }
  const totals = new Map<string, number>();
  const add = (key: string, minor: number) => {
    const next = (totals.get(key) ?? 0) + minor;
    totals.set(key, next);
    return Number.isSafeInteger(next);
  };
  for (const t of ['receivables', 'payments', 'promises'] as const) {
    (data[t] as Array<{ customerId: string; amount: { minor: number; currency: string } }>).forEach((r, i) => {
      const path = `tables.${t}[${i}].amount.minor`;
      if (r.amount.minor < 0) {
        push({ path, message: 'the amount is negative', code: 'negative-amount' });
        return;
      }
      if (t === 'promises') return;
      // Per customer and for the whole portfolio, per currency and per kind of record.
      const exact =
        add(`${t}|${r.customerId}|${r.amount.currency}`, r.amount.minor) &&
        add(`${t}||${r.amount.currency}`, r.amount.minor);
      if (!exact)
        push({ path, message: 'the total with this amount is beyond 2^53 minor units', code: 'amount-too-large' });
    });
  }
  if (extra)
    out.push({ path: '', message: `…and ${extra} more problems.`, code: 'more-problems', params: { count: extra } });
  return out;
}

/** What a restore reads: the file validated record by record (parseBackup) and then as a store. */
export function parseRestorable(text: string): BackupParse {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const errors = checkBackupStore(parsed.data, parsed.absent);
  return errors.length ? { ok: false, errors } : parsed;
}
