/**
 * What the first sync of a large portfolio costs the store, counted rather than timed (timings belong in
 * `npm run bench`, bench/teamSync.ts): a DBCore middleware counts the rows each table writes and reads during a
 * cycle. Two costs that once made the first sync grow faster than the data:
 * - the salesperson's own pull, right after the push, brought back every revision just pushed and wrote it all
 *   into the store again, refreshing every summary;
 * - a pulled page touching more than 200 customers refreshed their summaries from whole tables (every ledger,
 *   promise and activity of the store, for each page: quadratic in the store).
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { HuikuanDb } from '@/lib/db/schema';
import { type StoreContents, getDataVersion, getPortfolio, rebuildAllSummaries, replaceAll } from '@/lib/db/repo';
import { META, queueEverything, syncOnce } from '@/lib/sync/engine';
import { adminRequests, applyTeamSetup } from '@/lib/sync/design';
import { customerSchema, receivableSchema } from '@/lib/domain';
import { type TestCouch, startTestCouch } from '../../support/couch-server';
import { couchAs, teamSpec } from '../support/team';
import { PINNED } from '../support/clock';

/** DBCoreRangeType.Any (a const enum in Dexie's types, absent at run time): a query over no key range. */
const ANY_RANGE = 3;

let server: TestCouch;
const now = new Date(PINNED);
const couchFor = (name: string) => couchAs(server.url, name, undefined, 30_000);

// A server of its own for each test: the manager's counts are of one test's documents only.
beforeEach(async () => {
  server = await startTestCouch();
  await applyTeamSetup(adminRequests(server.url, server.admin), teamSpec);
});
afterEach(async () => {
  await server?.stop();
});

interface Counts {
  /** Rows written (put, add, delete) per table. */
  written: Record<string, number>;
  /** Rows read (get, getMany, query) per table. */
  read: Record<string, number>;
  /** Reads of a whole table (a query over no key range) per table. */
  wholeTable: Record<string, number>;
}

/** A store whose every table counts what it writes and reads, from the moment `reset()` is called. */
function countedStore(name: string): { db: HuikuanDb; counts: Counts; reset(): void } {
  const db = new HuikuanDb(`${name}-${Math.random()}`);
  const counts: Counts = { written: {}, read: {}, wholeTable: {} };
  const add = (m: Record<string, number>, table: string, n: number) => {
    m[table] = (m[table] ?? 0) + n;
  };
  const counting: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-counting',
    create: (down) => ({
      ...down,
      table: (tableName: string): DBCoreTable => {
        const t = down.table(tableName);
        return {
          ...t,
          mutate: async (req) => {
            const n = req.type === 'delete' ? req.keys.length : req.type === 'deleteRange' ? 1 : req.values.length;
            add(counts.written, tableName, n);
            return t.mutate(req);
          },
          get: async (req) => {
            const r = await t.get(req);
            if (r !== undefined) add(counts.read, tableName, 1);
            return r;
          },
          getMany: async (req) => {
            const r = await t.getMany(req);
            add(counts.read, tableName, r.filter((x) => x !== undefined).length);
            return r;
          },
          query: async (req) => {
            const r = await t.query(req);
            add(counts.read, tableName, r.result.length);
            if (req.query.range.type === ANY_RANGE) add(counts.wholeTable, tableName, 1);
            return r;
          },
        };
      },
    }),
  };
  db.use(counting);
  return {
    db,
    counts,
    reset() {
      for (const m of [counts.written, counts.read, counts.wholeTable]) for (const k of Object.keys(m)) delete m[k];
    },
  };
}

/** `n` customers of one owner, each with a ledger of `perCustomer` invoices. */
function portfolio(prefix: string, n: number, owner: string, perCustomer = 2): StoreContents {
  const customers = Array.from({ length: n }, (_, i) =>
    customerSchema.parse({
      id: `${prefix}${i}`,
      name: `客户 ${prefix}${i}`,
      owner,
      createdAt: now.getTime(),
      updatedAt: now.getTime(),
    }),
  );
  const receivables = customers.flatMap((c, i) =>
    Array.from({ length: perCustomer }, (_, k) =>
      receivableSchema.parse({
        id: `${c.id}-r${k}`,
        customerId: c.id,
        docNumber: `INV-${c.id}-${k}`,
        issueDate: '2026-09-01',
        dueDate: k % 2 ? '2026-12-31' : '2026-10-01',
        amount: { minor: 100_000 * (i + 1) + k, currency: 'CNY' },
        updatedAt: now.getTime(),
      }),
    ),
  );
  return {
    customers,
    contacts: [],
    receivables,
    payments: [],
    promises: [],
    activities: [],
    profiles: [],
    preparations: [],
  };
}

const domainTables = ['customers', 'ledgers', 'promises', 'activities', 'contacts', 'profiles', 'preparations'];

describe('the first sync of a large portfolio', () => {
  it("the salesperson's pull right after the push skips the revisions it has just pushed: no store write, no summary refresh", async () => {
    const rep = countedStore('first-push');
    await replaceAll(rep.db, portfolio('fp', 60, '王磊'), now);
    await rep.db.syncOutbox.clear();
    await queueEverything(rep.db, now.getTime());
    const version = await getDataVersion(rep.db);
    const summaries = await rep.db.summaries.toArray();
    rep.reset();

    const report = await syncOnce(rep.db, couchFor('wanglei'), now);
    expect(report).toMatchObject({ ok: true, pending: 0, refused: [], malformed: 0 });
    expect(report.pushed).toBe(120); // 60 customers and their 60 ledgers
    // The cycle pulled its own database after pushing (the checkpoint moved past the pushed revisions)…
    expect((await rep.db.meta.get(META.checkpoint('huikuan-wanglei')))?.value).toBeTruthy();
    // …and wrote nothing of them back: no domain row, no summary, each sync state once (by the push).
    for (const t of [...domainTables, 'summaries']) expect(rep.counts.written[t] ?? 0, t).toBe(0);
    expect(rep.counts.written.syncDocs).toBe(120);
    expect(report.pulled).toBe(0);
    expect(await getDataVersion(rep.db)).toBe(version);
    expect(await rep.db.summaries.toArray()).toEqual(summaries);

    // A revision someone else made after ours is still applied.
    const mgr = countedStore('first-push-mgr');
    await syncOnce(mgr.db, couchFor('zhaomin'), now);
    const later = new Date(now.getTime() + 60_000);
    const c = (await mgr.db.customers.get('fp7'))!;
    await mgr.db.customers.put({ ...c, tags: ['manager'], updatedAt: later.getTime() });
    expect((await syncOnce(mgr.db, couchFor('zhaomin'), later)).pushed).toBe(1);
    rep.reset();
    const again = await syncOnce(rep.db, couchFor('wanglei'), later);
    expect(again.pulled).toBe(1);
    expect((await rep.db.customers.get('fp7'))?.tags).toEqual(['manager']);
    expect(rep.counts.written.customers).toBe(1);
  });

  it('a pulled page touching more than 200 customers reads only their rows, never whole tables, and the summaries come out as a full rebuild', async () => {
    // The manager already holds 1,000 customers (李娜's, already synced): a page of 王磊's 260 new customers must
    // not read them.
    const mgr = countedStore('big-page');
    await replaceAll(mgr.db, portfolio('old', 1000, '李娜', 3), now);
    await mgr.db.syncOutbox.clear();
    const rep = countedStore('big-page-rep');
    await replaceAll(rep.db, portfolio('new', 260, '王磊'), now);
    await rep.db.syncOutbox.clear();
    await queueEverything(rep.db, now.getTime());
    expect((await syncOnce(rep.db, couchFor('wanglei'), now)).pushed).toBe(520);
    mgr.reset();

    const report = await syncOnce(mgr.db, couchFor('zhaomin'), now);
    expect(report).toMatchObject({ ok: true, malformed: 0 });
    expect(report.pulled).toBe(520);
    // The first page (500 changes) touched about 250 customers; the work follows them, not the store's 1,260.
    for (const t of ['ledgers', 'promises', 'activities', 'customers', 'summaries', 'profiles'])
      expect(mgr.counts.wholeTable[t] ?? 0, t).toBe(0);
    // Two pages (500 + 20 changes) touched 260 and 21 customers: at most one row each per page, where a refresh
    // from whole tables reads the store's 1,260 customers' ledgers for each page.
    const touchedPerPage = 260 + 21;
    for (const t of ['ledgers', 'customers', 'summaries'])
      expect(mgr.counts.read[t] ?? 0, t).toBeLessThanOrEqual(touchedPerPage);
    expect(mgr.counts.written.summaries).toBe(touchedPerPage);
    expect(await mgr.db.customers.count()).toBe(1260);

    // What the page refreshed agrees with recomputing everything from scratch.
    const summaries = await mgr.db.summaries.toArray();
    const aggregate = await getPortfolio(mgr.db);
    await rebuildAllSummaries(mgr.db, now);
    expect(await mgr.db.summaries.toArray()).toEqual(summaries);
    expect(await getPortfolio(mgr.db)).toEqual(aggregate);
  });
});
