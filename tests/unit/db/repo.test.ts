/**
 * The maintained summaries and the portfolio aggregate must always equal a recomputation from the records, whatever
 * sequence of writes led there; and a failed write must leave the store exactly as it was.
 */
import fc from 'fast-check';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import {
  addActivity,
  deleteRecords,
  getPortfolio,
  putPayment,
  putPromise,
  putReceivable,
  readAll,
  rebuildAllSummaries,
  replaceAll,
  undoDelete,
} from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import type { Receivable } from '@/lib/domain';
import { receivablesOf } from '@/lib/db/ledgers';

const today = '2026-11-22';
const now = new Date('2026-11-22T10:00:00');
const fresh = () => {
  const db = new HuikuanDb(`repo-${Math.random()}`);
  setDb(db);
  return db;
};

async function aggregateAfterRebuild(db: HuikuanDb) {
  const copy = new HuikuanDb(`copy-${Math.random()}`);
  await replaceAll(copy, await readAll(db), now);
  await rebuildAllSummaries(copy, now);
  return { portfolio: await getPortfolio(copy), summaries: await copy.summaries.toArray() };
}
const strip = <T extends { updatedAt: number }>(xs: T[]) =>
  xs.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('repo: summaries maintained on write', () => {
  it('loading the demo builds one summary per customer and a portfolio equal to their sum', async () => {
    const db = fresh();
    const data = buildDemoPortfolio(today, now.getTime());
    await replaceAll(db, data, now);
    expect(await db.summaries.count()).toBe(data.customers.length);
    const agg = await getPortfolio(db);
    expect(agg.customers).toBe(data.customers.length);
    const rebuilt = await aggregateAfterRebuild(db);
    expect(agg).toEqual(rebuilt.portfolio);
  });

  it('after any sequence of writes the aggregate equals a full recomputation', async () => {
    const base = buildDemoPortfolio(today, now.getTime());
    const ids = base.customers.map((c) => c.id);
    const op = fc.oneof(
      fc.record({
        k: fc.constant('receivable' as const),
        c: fc.constantFrom(...ids),
        amount: fc.integer({ min: 1, max: 5_000_000 }),
        due: fc.integer({ min: -400, max: 60 }),
        cur: fc.constantFrom('CNY', 'USD'),
      }),
      fc.record({
        k: fc.constant('payment' as const),
        c: fc.constantFrom(...ids),
        amount: fc.integer({ min: 1, max: 5_000_000 }),
        cur: fc.constantFrom('CNY', 'USD'),
      }),
      fc.record({
        k: fc.constant('promise' as const),
        c: fc.constantFrom(...ids),
        amount: fc.integer({ min: 1, max: 5_000_000 }),
        due: fc.integer({ min: -20, max: 20 }),
      }),
      fc.record({ k: fc.constant('activity' as const), c: fc.constantFrom(...ids) }),
      fc.record({ k: fc.constant('delete' as const), c: fc.constantFrom(...ids) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = fresh();
        await replaceAll(db, base, now);
        let n = 0;
        for (const o of ops) {
          n++;
          const d = new Date(Date.UTC(2026, 10, 22 + ('due' in o ? o.due : 0))).toISOString().slice(0, 10);
          if (o.k === 'receivable') {
            const r: Receivable = {
              id: `x${n}`,
              customerId: o.c,
              docNumber: `X-${n}`,
              kind: 'invoice',
              issueDate: '2026-01-01',
              dueDate: d,
              amount: { minor: o.amount, currency: o.cur },
              writtenOff: 0,
              status: 'open',
              disputed: false,
              selfQuestions: {},
              interruptions: [],
              evidence: [],
              updatedAt: 1,
            };
            await putReceivable(db, r, now);
          } else if (o.k === 'payment') {
            await putPayment(
              db,
              {
                id: `p${n}`,
                customerId: o.c,
                date: today,
                amount: { minor: o.amount, currency: o.cur },
                allocations: [],
                updatedAt: 1,
              },
              now,
            );
          } else if (o.k === 'promise') {
            await putPromise(
              db,
              {
                id: `pr${n}`,
                customerId: o.c,
                amount: { minor: o.amount, currency: 'CNY' },
                date: d,
                source: 'call',
                status: 'pending',
                coveredMinor: 0,
                receivableIds: [],
                createdAt: now.getTime() - 864e5,
                updatedAt: 1,
              },
              now,
            );
          } else if (o.k === 'activity') {
            await addActivity(
              db,
              {
                id: `a${n}`,
                customerId: o.c,
                date: today,
                channel: 'finance-letter',
                techniqueIds: [2],
                outcome: 'other',
                evidence: 'letter ref 1',
                receivableIds: [],
                createdAt: now.getTime(),
              },
              now,
            );
          } else {
            const t = await deleteRecords(db, 'customers', [o.c], 'x', now);
            if (n % 2) await undoDelete(db, t, now);
          }
        }
        const agg = await getPortfolio(db);
        const rebuilt = await aggregateAfterRebuild(db);
        expect(agg).toEqual(rebuilt.portfolio);
        expect(strip(await db.summaries.toArray())).toEqual(strip(rebuilt.summaries));
      }),
      { numRuns: 15 },
    );
  }, 120_000); // a property over many write sequences: minutes on a loaded 2-core machine, 2 s on a quiet one

  it('deleting a customer removes its records and undo restores every one of them', async () => {
    const db = fresh();
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    const before = await readAll(db);
    const t = await deleteRecords(db, 'customers', ['c01'], 'c01', now);
    expect(await receivablesOf(db, 'c01').then((x) => x.length)).toBe(0);
    expect(await db.summaries.get('c01')).toBeUndefined();
    expect(await undoDelete(db, t, now)).toBe(true);
    const after = await readAll(db);
    for (const k of Object.keys(before) as Array<keyof typeof before>) {
      expect(strip(after[k] as never[])).toEqual(strip(before[k] as never[]));
    }
  });

  it('a demand with evidence restarts limitation on the customer’s open receivables and resets the preparations', async () => {
    const db = fresh();
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    await addActivity(
      db,
      {
        id: 'a-x',
        customerId: 'c01',
        date: today,
        channel: 'finance-letter',
        techniqueIds: [],
        outcome: 'other',
        evidence: 'EMS 1234',
        receivableIds: [],
        createdAt: now.getTime(),
      },
      now,
    );
    const recs = await receivablesOf(db, 'c01');
    expect(
      recs
        .filter((r) => r.status === 'open')
        .every((r) => r.interruptions.some((i) => i.date === today && i.kind === 'demand-with-evidence')),
    ).toBe(true);
    expect((await db.preparations.get('c01'))?.checked).toEqual([]);
  });

  it('a restore that fails half-way leaves the store exactly as before', async () => {
    const db = fresh();
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    const before = await readAll(db);
    const other = buildDemoPortfolio('2025-01-01', now.getTime());
    await expect(
      replaceAll(db, other, now, () => {
        throw new Error('quota exceeded (injected)');
      }),
    ).rejects.toThrow(/injected/);
    expect(await readAll(db)).toEqual(before);
  });
});
