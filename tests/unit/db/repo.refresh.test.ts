/**
 * A refresh of many customers (an import's end, its undo) is told which customers have a summary: one without has
 * nothing in the promises, activities and profiles tables, so those queries are skipped. It must give the same
 * summaries and aggregate as querying every table for every customer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HuikuanDb } from '@/lib/db/schema';
import { getPortfolio, readSummarised, refreshCustomers, replaceAll } from '@/lib/db/repo';
import { emptyLedger } from '@/lib/db/ledgers';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';

const now = new Date(2026, 10, 22, 9, 0);
let db: HuikuanDb;
beforeEach(async () => {
  db = new HuikuanDb(`refresh-${Math.random()}`);
  await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
});
afterEach(() => db.close());

const figures = async () => ({
  summaries: (await db.summaries.orderBy('customerId').toArray()).map(({ updatedAt: _u, ...s }) => s),
  portfolio: await getPortfolio(db),
});

/** A customer written as an import writes one: customer and ledger, no summary yet. */
async function addBareCustomer(id: string) {
  const [template] = await db.customers.toArray();
  const [ledger] = await db.ledgers.toArray();
  await db.customers.put({ ...template, id, name: `New ${id}`, crmLinks: [], domains: [] });
  await db.ledgers.put({
    ...emptyLedger(id),
    receivables: ledger.receivables.map((r) => ({ ...r, id: `${r.id}-${id}`, customerId: id })),
    updatedAt: 1,
  });
}

describe('refreshCustomers told which customers have a summary', () => {
  it('gives the summaries and aggregate that querying every table gives, for stored and new customers', async () => {
    await addBareCustomer('new-1');
    await addBareCustomer('new-2');
    const ids = (await db.customers.toCollection().primaryKeys()) as string[];
    const summarised = await readSummarised(db);
    expect(summarised.has('new-1')).toBe(false);
    expect(summarised.size).toBe(ids.length - 2);

    const other = new HuikuanDb(`refresh-b-${Math.random()}`);
    await replaceAll(other, buildDemoPortfolio('2026-11-22', now.getTime()), now);
    const swap = db;
    db = other;
    await addBareCustomer('new-1');
    await addBareCustomer('new-2');
    await db.transaction('rw', db.tables, async () => {
      for (let i = 0; i < ids.length; i += 7) await refreshCustomers(db, ids.slice(i, i + 7), now);
    });
    const queried = await figures();
    other.close();
    db = swap;

    await db.transaction('rw', db.tables, async () => {
      const known = await readSummarised(db);
      for (let i = 0; i < ids.length; i += 7)
        await refreshCustomers(db, ids.slice(i, i + 7), now, { summarised: known });
    });
    const told = await figures();
    expect(told).toEqual(queried);
    expect(told.summaries.map((s) => s.customerId)).toContain('new-1');
  });
});
