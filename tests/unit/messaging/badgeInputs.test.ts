import { createBadgeInputs, type SummarySource } from '@/lib/messaging/badgeInputs';
import type { CustomerSummary } from '@/lib/domain';

function summary(customerId: string, minor: number, due = '2025-01-10'): CustomerSummary {
  return {
    customerId,
    type: 'enterprise',
    open: { CNY: minor },
    openByDue: [[due, 'CNY', minor]],
    openCount: 1,
    disputedCount: 0,
    pendingPromiseCount: 0,
    brokenPromiseCount: 0,
    keptPromiseCount: 0,
    paidCount: 0,
    profileAnswered: 0,
    updatedAt: 1,
  } as CustomerSummary;
}

/** A store of summaries whose reads count themselves and can be held back to order them against notices. */
function fakeStore(initial: CustomerSummary[]) {
  const rows = new Map(initial.map((s) => [s.customerId, s]));
  const reads = { page: 0, some: 0 };
  let gate: Promise<void> | undefined;
  /** Gates for the next readSome calls only, one each, in call order. */
  const nextGates: Array<Promise<void>> = [];
  const source: SummarySource = {
    async readPage(after, limit) {
      reads.page++;
      await gate;
      return [...rows.values()]
        .filter((s) => after === undefined || s.customerId > after)
        .sort((a, b) => (a.customerId < b.customerId ? -1 : 1))
        .slice(0, limit);
    },
    async readSome(ids) {
      reads.some++;
      const answer = ids.map((id) => rows.get(id));
      await (nextGates.shift() ?? gate);
      return answer;
    },
  };
  return {
    rows,
    reads,
    source,
    holdNextRead() {
      let release!: () => void;
      nextGates.push(
        new Promise((r) => {
          release = r;
        }),
      );
      return release;
    },
    hold() {
      let release!: () => void;
      gate = new Promise((r) => {
        release = r;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

/** Timers run when the test says so. */
function timers() {
  const queue: Array<() => void> = [];
  return {
    setTimeout: (fn: () => void) => {
      queue.push(fn);
    },
    /** Lets pending reads answer, then fires timers until none is left. */
    async runAll() {
      for (let i = 0; i < 1000; i++) {
        await new Promise((r) => setTimeout(r, 0));
        if (!queue.length) return;
        queue.shift()!();
      }
    },
  };
}

const customers = Array.from({ length: 25 }, (_, i) => summary(`c${String(i).padStart(2, '0')}`, 1000 + i));

/**
 * A store of the 25 customers, test-driven timers and a cache over them; `loaded` lets it read every page first.
 * `told` collects what the cache reports changed.
 */
async function setUp(o: { pageSize?: number; loaded?: boolean } = {}) {
  const store = fakeStore(customers);
  const t = timers();
  const told: Array<string[] | 'all'> = [];
  const cache = createBadgeInputs(store.source, {
    setTimeout: t.setTimeout,
    pageSize: o.pageSize,
    onChanged: (ids) => told.push(ids),
  });
  if (o.loaded) {
    cache.start();
    await t.runAll();
  }
  return { store, t, told, cache };
}

describe('badge inputs held by the worker', () => {
  test('after the load, the badge reads nothing from the store, and a customer without a summary is known to have none', async () => {
    const { store, cache } = await setUp({ pageSize: 10, loaded: true });
    expect(cache.complete).toBe(true);
    expect(store.reads.page).toBe(3);
    expect(await cache.get('c07')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 1007]] });
    expect(await cache.get('nobody')).toBeUndefined();
    expect(store.reads.some).toBe(0);
  });

  test('before the load, a badge reads just its own summary', async () => {
    const { store, cache } = await setUp();
    expect(await cache.get('c03')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 1003]] });
    expect(store.reads).toEqual({ page: 0, some: 1 });
  });

  test('a change to a summary reaches the badge, and the badge showing it is told', async () => {
    const { store, t, told, cache } = await setUp({ pageSize: 10, loaded: true });
    store.rows.set('c05', summary('c05', 42, '2024-06-01'));
    cache.changed(['c05']);
    // Asked while the re-read is on its way: never the old figure.
    expect(await cache.get('c05')).toMatchObject({ openByDue: [['2024-06-01', 'CNY', 42]] });
    await t.runAll();
    expect(told).toEqual([['c05']]);
    expect(await cache.get('c05')).toMatchObject({ openByDue: [['2024-06-01', 'CNY', 42]] });
  });

  test('a deleted customer stops showing figures', async () => {
    const { store, t, cache } = await setUp({ pageSize: 10, loaded: true });
    expect(await cache.get('c11')).toBeDefined();
    store.rows.delete('c11');
    cache.changed(['c11']);
    expect(await cache.get('c11')).toBeUndefined();
    await t.runAll();
    expect(await cache.get('c11')).toBeUndefined();
  });

  test('a read that started before a change never puts the old figure back', async () => {
    const { store, t, cache } = await setUp();
    const releaseEarly = store.holdNextRead();
    const early = cache.get('c02'); // reads the old row; its answer comes last
    store.rows.set('c02', summary('c02', 7));
    cache.changed(['c02']); // its re-read answers first, with the new row
    await t.runAll();
    releaseEarly();
    await early;
    await t.runAll();
    expect(await cache.get('c02')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 7]] });
  });

  test('a restore (a notice for every summary) forgets everything, loads again, and pushes every badge', async () => {
    const { store, t, told, cache } = await setUp({ pageSize: 10, loaded: true });
    store.rows.clear();
    for (const s of [summary('c00', 5), summary('n1', 9)]) store.rows.set(s.customerId, s);
    cache.changed('all');
    expect(told).toEqual(['all']);
    expect(cache.complete).toBe(false);
    // Before the new load: read from the store, so already the restored figures.
    expect(await cache.get('c00')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 5]] });
    expect(await cache.get('c10')).toBeUndefined();
    await t.runAll();
    expect(cache.complete).toBe(true);
    const before = store.reads.some;
    expect(await cache.get('n1')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 9]] });
    expect(await cache.get('c20')).toBeUndefined();
    expect(store.reads.some).toBe(before);
  });

  test('a bulk notice during the load starts it over, so nothing from before the notice is kept', async () => {
    const { store, t, cache } = await setUp({ pageSize: 10 });
    const release = store.hold();
    cache.start(); // first page read held back: it will answer with the old rows
    await new Promise((r) => setTimeout(r, 0));
    for (const s of customers) store.rows.set(s.customerId, summary(s.customerId, 1));
    cache.changed('all');
    release();
    await t.runAll();
    expect(cache.complete).toBe(true);
    expect(await cache.get('c01')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 1]] });
    expect(await cache.get('c24')).toMatchObject({ openByDue: [['2025-01-10', 'CNY', 1]] });
  });

  test('several amounts in several currencies come back as stored', async () => {
    const mixed = {
      ...summary('m1', 5),
      openByDue: [
        ['2024-01-31', 'CNY', 500],
        ['2024-01-31', 'USD', 12.5],
        ['2025-03-01', 'CNY', 9_000_000_000],
      ],
    } as CustomerSummary;
    const store = fakeStore([...customers, mixed]);
    const t = timers();
    const cache = createBadgeInputs(store.source, { setTimeout: t.setTimeout, pageSize: 10 });
    cache.start();
    await t.runAll();
    expect(await cache.get('m1')).toMatchObject({ openByDue: mixed.openByDue });
    expect(cache.size).toBe(26);
  });
});
