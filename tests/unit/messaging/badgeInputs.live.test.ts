/**
 * The worker's wiring of the badge figures, end to end over a real (fake-indexeddb) store: the router reads the
 * summary through the in-memory cache, and the cache follows Dexie's change notices, so the badge of an open tab
 * follows edits, deletions, undo and restores without the page asking.
 */
import Dexie from 'dexie';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { deleteRecords, replaceAll, undoDelete } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { createRouter, type TabEntry, type Matcher } from '@/lib/messaging/router';
import { createBadgeInputs } from '@/lib/messaging/badgeInputs';
import { changedKeys } from '@/lib/match/live';
import type { PageContext } from '@/lib/domain';

const me = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const content = (tabId: number) => ({ id: me.id, url: 'https://acme.lightning.force.com/x', tab: { id: tabId } });
const now = new Date('2026-11-22T10:00:00');
const record: PageContext = {
  site: 'demo-crm',
  kind: 'record',
  recordId: 'ACC-0001',
  name: '杭州云帆科技有限公司',
  emails: [],
};

async function setup() {
  const db = new HuikuanDb(`badge-live-${Math.random()}`);
  setDb(db);
  await replaceAll(db, buildDemoPortfolio('2026-11-22', now.getTime()), now);
  const tabs = new Map<number, TabEntry>();
  const views: Array<{ tabId: number; state: string; text: string; at: number }> = [];
  const reads = { some: 0 };
  const matcher: Matcher = {
    match: (q) =>
      q.site === 'demo-crm' && q.recordId === 'ACC-0001' ? [{ customerId: 'c01', score: 1, reason: 'crm-link' }] : [],
  };
  const inputs = createBadgeInputs(
    {
      readPage: (after, limit) =>
        (after === undefined
          ? db.summaries.limit(limit)
          : db.summaries.where('customerId').above(after).limit(limit)
        ).toArray(),
      readSome: (ids) => {
        reads.some++;
        return db.summaries.bulkGet(ids);
      },
    },
    {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      pageSize: 3,
      pauseMs: 0,
      bulkDelayMs: 0,
      onChanged: (ids) => void handle.figuresChanged([...tabs.keys()], ids),
    },
  );
  const handle = createRouter({
    me,
    db,
    tabs: {
      get: async (id) => tabs.get(id),
      set: async (id, e) => void tabs.set(id, e),
      delete: async (id) => void tabs.delete(id),
    },
    matcher: async () => matcher,
    customersChanged: () => undefined,
    now: () => now,
    browserLang: () => 'en-US',
    broadcast: () => undefined,
    sendToTab: async (_tab, m) => {
      if (m.type === 'badge/view') views.push(m.view as (typeof views)[number]);
      return undefined;
    },
    onDataChanged: () => undefined,
    isSiteEnabled: () => true,
    badgeInputs: (id) => inputs.get(id),
  });
  const listener = (parts: Record<string, unknown>) => {
    const ids = changedKeys(parts, db.name, 'summaries');
    if (ids) inputs.changed(ids);
  };
  Dexie.on('storagemutated', listener);
  inputs.start();
  const settle = async () => {
    // Until the cache has read every summary (seconds on a loaded machine), then a moment for the views it pushes.
    await vi.waitFor(() => expect(inputs.complete).toBe(true), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
  };
  const cleanup = () => Dexie.on('storagemutated').unsubscribe(listener);
  return { db, handle, views, reads, inputs, settle, cleanup, latest: () => views[views.length - 1] };
}

describe('the badge follows the store through the worker’s memory', () => {
  it('paints from memory once loaded, follows a change to the summary, a deletion and its undo', async () => {
    const s = await setup();
    try {
      await s.settle();
      expect(s.inputs.complete).toBe(true);
      await s.handle({ type: 'page/context', ctx: record }, content(7));
      await s.settle();
      const first = s.latest();
      expect(first).toMatchObject({ tabId: 7, state: 'linked' });
      expect(first.text).toMatch(/overdue/);
      // Loaded: the badge was painted without reading its summary.
      expect(s.reads.some).toBe(0);

      // An edit elsewhere (here: the summary rewritten with one overdue amount) is pushed to the open badge.
      const summary = (await s.db.summaries.get('c01'))!;
      await s.db.summaries.put({ ...summary, openByDue: [['2026-10-23', 'CNY', 123_400]], open: { CNY: 123_400 } });
      await s.settle();
      expect(s.latest().text).toBe('CN¥1,234.00 overdue · 30 d');
      expect(s.latest().at).toBeGreaterThan(first.at);

      // Deleting the customer: the badge stops showing figures for it.
      const trashId = await deleteRecords(s.db, 'customers', ['c01'], 'c01', now);
      await s.settle();
      expect(await s.db.summaries.get('c01')).toBeUndefined();
      expect(s.latest().state).toBe('unlinked');

      // Undone: the figures come back, recomputed from the ledger.
      await undoDelete(s.db, trashId, now);
      await s.settle();
      expect(s.latest()).toMatchObject({ state: 'linked', text: first.text });
    } finally {
      s.cleanup();
    }
  });

  it('a restore replaces what the badge shows with the restored figures', async () => {
    const s = await setup();
    try {
      await s.settle();
      await s.handle({ type: 'page/context', ctx: record }, content(7));
      await s.settle();
      const before = s.latest();
      const data = buildDemoPortfolio('2026-11-22', now.getTime());
      // The restored file has no documents for c01: the customer is settled.
      data.receivables = data.receivables.filter((r) => r.customerId !== 'c01');
      data.payments = data.payments.filter((p) => p.customerId !== 'c01');
      await replaceAll(s.db, data, now);
      await s.settle();
      expect(before.text).toMatch(/overdue/);
      expect(s.latest()).toMatchObject({ state: 'linked', text: 'No open balance' });
      expect(s.inputs.complete).toBe(true);
    } finally {
      s.cleanup();
    }
  });
});
