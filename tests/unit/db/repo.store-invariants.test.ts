/**
 * One validation for the importer, the store and the backup (issues #20, #29): what the importer accepts a
 * restore accepts and the other way round; a restore checks the backup as a whole store; money is exact end to end.
 * The property test builds stores the way a user does — an import, then the side panel's own writes — backs
 * them up, restores them into an empty store and compares them record for record.
 */
import fc from 'fast-check';
import { HuikuanDb } from '@/lib/db/schema';
import { addActivity, getSettings, putContact, putPromise, readAll, saveSettings } from '@/lib/db/repo';
import { applyImport } from '@/lib/db/import';
import { exportBackup, restoreBackup } from '@/lib/db/backup';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { replaceAll } from '@/lib/db/repo';
import { DAY_RANGE, activitySchema, contactSchema, isoDate, paymentPromiseSchema } from '@/lib/domain';
import {
  type LedgerRow,
  checkBackupStore,
  majorNumber,
  parseBackup,
  parseDateValue,
  parseLedger,
  parseRestorable,
  toCsv,
} from '@/lib/transfer';

const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';
let db: HuikuanDb;
beforeEach(() => {
  db = new HuikuanDb(`inv-${Math.random()}`);
});
afterEach(() => db.close());

const sortById = <T extends object>(rows: T[]) =>
  [...rows].sort((a, b) => {
    const k = (r: T) =>
      String((r as { id?: string; customerId?: string }).id ?? (r as { customerId?: string }).customerId);
    return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
  });
async function demoBackup() {
  await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
  return JSON.parse(await exportBackup(db, { now })) as { tables: Record<string, Array<Record<string, unknown>>> };
}

describe('one day range for importer, store and backup', () => {
  it('a document dated 0003-01-01 is refused by the importer with its row and column, and by a restore', () => {
    const p = parseLedger(
      ['Customer,Invoice No,Due Date,Amount', 'Acme,A-1,0003-01-01,100.00', 'Acme,A-2,2026-10-01,100.00'].join('\n'),
      { fileName: 'x.csv', currency: 'CNY' },
    );
    expect(p.rows.map((r) => r.invoiceNumber)).toEqual(['A-2']);
    expect(p.errors).toMatchObject([{ row: 2, field: 'dueDate', params: { problem: 'out-of-range' } }]);
    // The store's schema reads 0003 as the year 3 (not 1903) and refuses it as out of range.
    expect(isoDate.safeParse('0003-01-01').error?.issues[0].message).toBe('date out of range');
  });

  it('the importer accepts a day exactly when the store does (property)', () => {
    const day = fc
      .tuple(fc.integer({ min: 1, max: 2300 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, (iso) => {
        expect(parseDateValue(iso).ok).toBe(isoDate.safeParse(iso).success);
      }),
      { numRuns: 2000 },
    );
    expect(parseDateValue(DAY_RANGE.from).ok && parseDateValue(DAY_RANGE.to).ok).toBe(true);
  });
});

describe('a restore checks the backup as a store', () => {
  it('a backup holding only customers is refused, naming every table it would empty', async () => {
    const b = await demoBackup();
    const onlyCustomers = JSON.stringify({
      format: 'huikuan-backup',
      version: 1,
      meta: { createdAt: 1 },
      tables: { customers: b.tables.customers },
    });
    const r = parseRestorable(onlyCustomers);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.filter((e) => e.code === 'missing-table').map((e) => e.params?.table)).toEqual([
      'contacts',
      'receivables',
      'payments',
      'promises',
      'activities',
      'profiles',
      'preparations',
    ]);
    const restored = await restoreBackup(db, onlyCustomers, { now });
    expect(restored.ok).toBe(false);
    expect((await readAll(db)).receivables.length).toBeGreaterThan(0);
  });

  it('payments and promises of customers or receivables that do not exist, and negative amounts, are refused', async () => {
    const b = await demoBackup();
    b.tables.payments[0].customerId = 'nobody';
    b.tables.promises[0].receivableIds = ['no-such-receivable'];
    (b.tables.receivables[1].amount as { minor: number }).minor = -100;
    const r = parseRestorable(JSON.stringify(b));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'tables.payments[0].customerId',
          code: 'missing-reference',
          params: { ref: 'customers', value: 'nobody' },
        }),
        expect.objectContaining({
          path: 'tables.promises[0].receivableIds[0]',
          code: 'missing-reference',
          params: { ref: 'receivables', value: 'no-such-receivable' },
        }),
        expect.objectContaining({ path: 'tables.receivables[1].amount.minor', code: 'negative-amount' }),
      ]),
    );
    // The same file passes record by record: only the whole-store check catches it.
    expect(parseBackup(JSON.stringify(b)).ok).toBe(true);
  });

  it('totals beyond 2^53 minor units are refused, so every sum the product shows is exact', async () => {
    const b = await demoBackup();
    const cny = b.tables.receivables.filter((r) => (r.amount as { currency: string }).currency === 'CNY');
    (cny[0].amount as { minor: number }).minor = Number.MAX_SAFE_INTEGER - 10;
    const parsed = parseBackup(JSON.stringify(b));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(checkBackupStore(parsed.data, parsed.absent).map((e) => e.code)).toContain('amount-too-large');
  });
});

describe('backups carry the store version', () => {
  it('a backup from a newer store is refused clearly; one without the field (older) is read', async () => {
    const b = (await demoBackup()) as unknown as { meta: Record<string, unknown> };
    expect(typeof b.meta.schemaVersion).toBe('number');
    b.meta.schemaVersion = 999;
    const r = await restoreBackup(db, JSON.stringify(b), { now });
    expect(r.ok === false && r.errors[0]).toMatchObject({
      path: 'meta.schemaVersion',
      code: 'newer-version',
      params: { version: '999' },
    });
    delete b.meta.schemaVersion;
    expect((await restoreBackup(db, JSON.stringify(b), { now })).ok).toBe(true);
  });
});

describe('exact money', () => {
  it('an export prints exactly the minor units stored, also beyond a double’s 15 digits', () => {
    const max = { minor: Number.MAX_SAFE_INTEGER, currency: 'CNY' };
    expect(majorNumber(max)).toBe('90071992547409.91');
    expect(toCsv([{ open: majorNumber(max) }], ['open'])).toContain('90071992547409.91\r\n');
    expect(majorNumber({ minor: 123456, currency: 'CNY' })).toBe(1234.56);
    expect(majorNumber({ minor: -5, currency: 'CNY' })).toBe(-0.05);
  });
});

describe('import and the side panel’s writes → backup → restore into an empty store (property)', () => {
  const name = fc.constantFrom(
    '杭州云帆科技有限公司',
    'Acme Trading Co.',
    '上海申达贸易有限公司',
    'Müller GmbH',
    '北京"引号"公司',
  );
  const amount = fc.integer({ min: 1, max: 99_999_999_999 });
  const day = fc
    .integer({ min: 0, max: 3650 })
    .map((n) => new Date(Date.UTC(2018, 0, 1 + n)).toISOString().slice(0, 10));
  const row = fc.record({
    customer: name,
    minor: amount,
    paidShare: fc.integer({ min: 0, max: 100 }),
    issue: day,
    term: fc.integer({ min: 0, max: 120 }),
    currency: fc.constantFrom('CNY', 'USD'),
  });
  const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const major = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

  it('every record comes back equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 6 }),
        fc.string({ maxLength: 40 }),
        async (rows, touched, owner) => {
          const src = new HuikuanDb(`prop-src-${Math.random()}`);
          const dst = new HuikuanDb(`prop-dst-${Math.random()}`);
          try {
            const lines = ['Customer,Invoice No,Invoice Date,Due Date,Amount,Paid,Currency'];
            rows.forEach((r, i) => {
              const due = new Date(Date.parse(r.issue) + r.term * 86_400_000).toISOString().slice(0, 10);
              const paid = Math.floor((r.minor * r.paidShare) / 100);
              lines.push(
                [
                  csvCell(r.customer),
                  `INV-${i}`,
                  r.issue,
                  due,
                  major(r.minor),
                  paid ? major(paid) : '',
                  r.currency,
                ].join(','),
              );
            });
            const parsed = parseLedger(lines.join('\n'), { fileName: 'p.csv' });
            expect(parsed.errors).toEqual([]);
            await applyImport(src, parsed.rows as LedgerRow[], { fileName: 'p.csv', now });
            // The side panel's writes on some of the imported customers.
            const customers = await src.customers.toArray();
            for (const [k, i] of touched.entries()) {
              const c = customers[i % customers.length];
              await putContact(
                src,
                contactSchema.parse({
                  id: `ct${k}`,
                  customerId: c.id,
                  name: `联系人${k}`,
                  email: `a${k}@example.cn`,
                  updatedAt: 5,
                }),
              );
              await putPromise(
                src,
                paymentPromiseSchema.parse({
                  id: `pr${k}`,
                  customerId: c.id,
                  amount: { minor: 1000 + k, currency: 'CNY' },
                  date: '2026-12-01',
                  createdAt: 5,
                  updatedAt: 5,
                }),
                now,
              );
              await addActivity(
                src,
                activitySchema.parse({
                  id: `ac${k}`,
                  customerId: c.id,
                  date: today,
                  channel: 'phone',
                  note: owner,
                  createdAt: 5,
                }),
                now,
              );
            }
            await saveSettings(src, { owner: owner || undefined });
            const text = await exportBackup(src, { now });
            const r = await restoreBackup(dst, text, { now });
            expect(r.ok).toBe(true);
            const [a, b] = [await readAll(src), await readAll(dst)];
            for (const t of Object.keys(a) as Array<keyof typeof a>)
              expect(sortById(b[t] as object[]), t).toEqual(sortById(a[t] as object[]));
            expect(await getSettings(dst)).toEqual(await getSettings(src));
            expect(await exportBackup(dst, { now })).toBe(text);
          } finally {
            src.close();
            dst.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
