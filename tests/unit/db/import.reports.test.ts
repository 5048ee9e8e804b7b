/**
 * Report-shaped files into the store (issue #19): a payment row of an aging report is stored as a payment without
 * allocation (money received, applied oldest-first by the ledger), not as a document; the customers' open totals
 * equal the file's grand total, and so does what the import says it wrote; importing the file again changes nothing;
 * undo removes the payments too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HuikuanDb } from '@/lib/db/schema';
import { getPortfolio, readAll } from '@/lib/db/repo';
import { applyImport, importedPaymentId, undoLastImport } from '@/lib/db/import';
import { allDocuments } from '@/lib/db/ledgers';
import { parseLedger } from '@/lib/transfer';
import { reportFixtures } from '../../fixtures/ledgers/reports/expected';

const now = new Date(2026, 10, 22, 10, 0, 0);
const dir = join(__dirname, '../../fixtures/ledgers/reports');
const parse = (file: string, text?: string) => {
  const p = parseLedger(text ?? new Uint8Array(readFileSync(join(dir, file))), { fileName: file, currency: 'CNY' });
  expect(p.errors).toEqual([]);
  return p.rows;
};
const openTotals = async (db: HuikuanDb) => {
  const out: Record<string, number> = {};
  for (const [cur, byDue] of Object.entries((await getPortfolio(db)).openByDue)) {
    const sum = Object.values(byDue).reduce((a, b) => a + b, 0);
    if (sum) out[cur] = sum;
  }
  return out;
};

let db: HuikuanDb;
beforeEach(() => {
  db = new HuikuanDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

describe('payment rows of a report', () => {
  it('QuickBooks A/R Aging Detail: the payment is a payment on its date, the credit memo a credit note', async () => {
    const rows = parse('quickbooks-online-ar-aging-detail.csv');
    const s = await applyImport(db, rows, { fileName: 'qb.csv', now });
    expect(s).toMatchObject({ created: 7, rejected: 0 });
    const { receivables, payments } = await allDocuments(db);
    expect(receivables.map((r) => r.docNumber)).not.toContain('PMT 2024-05-28 15000');
    expect(receivables.filter((r) => r.kind === 'credit-note').map((r) => r.docNumber)).toEqual(['1066']);
    const diaz = (await db.customers.toArray()).find((c) => c.name === 'Diaz Landscaping')!;
    expect(payments.filter((p) => p.allocations.length === 0)).toEqual([
      expect.objectContaining({
        id: importedPaymentId(diaz.id, 'PMT 2024-05-28 15000'),
        customerId: diaz.id,
        date: '2024-05-28',
        amount: { minor: 15_000, currency: 'CNY' },
        allocations: [],
        reference: 'PMT 2024-05-28 15000',
      }),
    ]);
    expect(await openTotals(db)).toEqual({ CNY: 678_050 });
  });

  it('every fixture with payment rows: open totals equal the file, a second import is unchanged, undo empties the store', async () => {
    const withPayments = reportFixtures.filter((fx) => parse(fx.file).some((r) => r.source === 'payment'));
    expect(withPayments.length).toBeGreaterThanOrEqual(10);
    for (const fx of withPayments) {
      const rows = parse(fx.file);
      const payRows = rows.filter((r) => r.source === 'payment').length;
      const first = await applyImport(db, rows, { fileName: fx.file, now });
      expect(first.openByCurrency, fx.file).toEqual(fx.open);
      const docs = await allDocuments(db);
      expect(
        docs.payments.filter((p) => p.allocations.length === 0),
        fx.file,
      ).toHaveLength(payRows);
      expect(docs.receivables.length, fx.file).toBe(fx.documents - payRows);
      expect(await openTotals(db), fx.file).toEqual(fx.open);
      const again = await applyImport(db, rows, { fileName: fx.file, now });
      expect(again, fx.file).toMatchObject({ created: 0, updated: 0, unchanged: fx.documents, rejected: 0 });
      await undoLastImport(db, now);
      await undoLastImport(db, now);
      const left = await readAll(db);
      expect(left.customers, fx.file).toEqual([]);
      expect(await allDocuments(db), fx.file).toEqual({ receivables: [], payments: [] });
    }
  });

  it("a corrected payment row updates the stored payment; a document under a payment's reference is refused", async () => {
    const text = new TextDecoder().decode(readFileSync(join(dir, 'netsuite-ar-aging-detail.csv')));
    const rows = parse('netsuite-ar-aging-detail.csv', text);
    const pay = rows.find((r) => r.source === 'payment')!;
    await applyImport(db, rows, { fileName: 'ns.csv', now });
    const moved = rows.map((r) => (r === pay ? { ...r, amount: { ...r.amount, minor: r.amount.minor + 100 } } : r));
    const s = await applyImport(db, moved, { fileName: 'ns.csv', now });
    expect(s).toMatchObject({ updated: 1, unchanged: rows.length - 1, created: 0 });
    expect((await allDocuments(db)).payments.find((p) => p.reference === pay.invoiceNumber)?.amount.minor).toBe(
      pay.amount.minor + 100,
    );
    const asDocument = { ...pay, source: undefined, kind: 'invoice' as const, row: 99 };
    const r = await applyImport(db, [asDocument], { fileName: 'other.csv', now });
    expect(r.rejections).toEqual([
      expect.objectContaining({
        row: 99,
        code: 'payment-mismatch',
        params: { customer: pay.customerName, value: pay.invoiceNumber },
      }),
    ]);
    expect(r.openByCurrency).toEqual({}); // the refused row is not counted as imported
  });
});
