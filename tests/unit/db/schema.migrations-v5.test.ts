/**
 * Schema version 5 (the toolkit's stores) opened on data written by version 2, the version before it on main: every
 * record is still there, the new stores exist and are empty, and a statement and a payment plan can be written
 * from the migrated ledgers. (The generic harness in migrations.test.ts also runs every version pair.)
 */
import { HuikuanDb, versions } from '@/lib/db/schema';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { readAll, replaceAll } from '@/lib/db/repo';
import { createPaymentPlan, createStatement } from '@/lib/toolkit/store';

const now = new Date(2026, 10, 22, 9, 30);

it('version 2 data opens in version 5 intact, with empty toolkit stores that take writes', async () => {
  const name = `mig5-${Math.random()}`;
  const v2 = versions.filter((v) => v.version <= 2);
  const old = new HuikuanDb(name, 2, v2);
  const data = buildDemoPortfolio('2026-11-22', now.getTime());
  await replaceAllV2(old, data);
  old.close();

  const db = new HuikuanDb(name);
  await db.open();
  expect(db.verno).toBe(versions[versions.length - 1].version);
  expect(db.verno).toBeGreaterThanOrEqual(5);
  const after = await readAll(db);
  for (const k of [
    'customers',
    'contacts',
    'receivables',
    'payments',
    'promises',
    'activities',
    'profiles',
    'preparations',
  ] as const) {
    expect(after[k].length, k).toBe(data[k].length);
  }
  expect(await db.statements.count()).toBe(0);
  expect(await db.paymentPlans.count()).toBe(0);
  expect(await db.disputes.count()).toBe(0);
  expect(await db.customerTerms.count()).toBe(0);

  const withOpen = data.customers.find((c) =>
    data.receivables.some((r) => r.customerId === c.id && r.status === 'open' && r.kind === 'invoice'),
  )!;
  const s = await createStatement(db, withOpen.id, '2026-11-22', undefined, now);
  expect(s.lines.length).toBeGreaterThan(0);
  const first = s.lines[0];
  await createPaymentPlan(
    db,
    {
      customerId: withOpen.id,
      agreedOn: '2026-11-22',
      receivableIds: [first.receivableId],
      instalments: [{ date: '2026-12-31', amount: { minor: first.openMinor, currency: first.amount.currency } }],
    },
    now,
  );
  expect(await db.paymentPlans.count()).toBe(1);
  db.close();
});

/** Version 2 kept ledgers already; its own replaceAll is the same code path minus the new stores. */
async function replaceAllV2(db: HuikuanDb, data: Parameters<typeof replaceAll>[1]) {
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const t of ['customers', 'contacts', 'promises', 'activities', 'profiles', 'preparations'] as const)
      await db.table(t).bulkAdd(data[t]);
    const ledgers = new Map<
      string,
      { customerId: string; receivables: unknown[]; payments: unknown[]; updatedAt: number }
    >();
    const of = (id: string) =>
      ledgers.get(id) ?? ledgers.set(id, { customerId: id, receivables: [], payments: [], updatedAt: 1 }).get(id)!;
    for (const r of data.receivables) of(r.customerId).receivables.push(r);
    for (const p of data.payments) of(p.customerId).payments.push(p);
    await db.table('ledgers').bulkAdd([...ledgers.values()]);
  });
}
