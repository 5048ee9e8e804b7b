/**
 * Every replacement of the store is undoable (lib/db/replace.ts): the demo load, a restore and "delete all" keep a
 * backup of what they replace in the same transaction (the last three), and putting a copy back gives the store
 * exactly as it was, byte for byte in its backup.
 */
import { HuikuanDb } from '@/lib/db/schema';
import { putCustomer, replaceAll, saveSettings } from '@/lib/db/repo';
import { exportBackup, restoreBackup } from '@/lib/db/backup';
import {
  SAFETY_COPIES_KEPT,
  deleteAllData,
  listSafetyCopies,
  loadDemoData,
  restoreSafetyCopy,
  storeCounts,
} from '@/lib/db/replace';
import { applyImport } from '@/lib/db/import';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { parseLedger } from '@/lib/transfer';
import { UserError } from '@/lib/i18n/userError';
import { customerSchema } from '@/lib/domain';

const now = new Date(2026, 10, 22, 10, 0, 0);
const later = (s: number) => new Date(now.getTime() + s * 1000);
const today = '2026-11-22';
let db: HuikuanDb;

beforeEach(() => {
  db = new HuikuanDb(`replace-${Math.random()}`);
});
afterEach(() => db.close());

const mine = parseLedger(
  [
    'Customer,Invoice No,Invoice Date,Due Date,Amount,Paid,Currency',
    '杭州云帆科技有限公司,FILE-001,2026-09-01,2026-10-01,"10,000.00",0,CNY',
    'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,1000.00,USD',
  ].join('\n'),
  { fileName: 'mine.csv' },
).rows;

describe('replacing the store keeps a safety copy', () => {
  it('the demo over my data: a copy of mine is kept, and putting it back gives my store exactly', async () => {
    await applyImport(db, mine, { fileName: 'mine.csv', now });
    await saveSettings(db, { owner: '王磊' });
    const before = await exportBackup(db, { now });
    const r = await loadDemoData(db, buildDemoPortfolio(today, now.getTime()), later(1));
    expect(r.counts.customers).toBe(30);
    const copies = await listSafetyCopies(db);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      id: r.safetyCopyId,
      reason: 'demo',
      counts: { customers: 2, receivables: 2, payments: 1 },
    });
    const back = await restoreSafetyCopy(db, r.safetyCopyId!, { now: later(2) });
    expect(back.ok && back.counts).toEqual({ customers: 2, receivables: 2, payments: 1, promises: 0, activities: 0 });
    expect(await exportBackup(db, { now })).toBe(before);
    // Putting it back replaced the demo, which is kept in turn.
    expect((await listSafetyCopies(db)).map((c) => c.reason)).toEqual(['restore', 'demo']);
  });

  it('delete all keeps a copy; an empty store keeps none', async () => {
    expect((await deleteAllData(db, now)).safetyCopyId).toBeUndefined();
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    const r = await deleteAllData(db, later(1));
    expect(r.counts).toEqual({ customers: 0, receivables: 0, payments: 0, promises: 0, activities: 0 });
    const copy = await db.safetyCopies.get(r.safetyCopyId!);
    expect(copy?.reason).toBe('wipe');
    expect(copy?.counts.customers).toBe(30);
    expect(await listSafetyCopies(db)).toHaveLength(1);
  });

  it('a restore keeps what it replaced, names the file, and reports the store after it', async () => {
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    const demo = await exportBackup(db, { now });
    await deleteAllData(db, later(1));
    await applyImport(db, mine, { fileName: 'mine.csv', now: later(2) });
    const r = await restoreBackup(db, demo, { now: later(3), file: 'demo.json' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.counts).toEqual(await storeCounts(db));
    const copies = await listSafetyCopies(db);
    expect(copies[0]).toMatchObject({ reason: 'restore', file: 'demo.json', counts: { customers: 2 } });
  });

  it('keeps the last three copies only', async () => {
    for (let i = 0; i < 5; i++) {
      await putCustomer(db, customerSchema.parse({ id: `c${i}`, name: `Kunde ${i}`, createdAt: 1, updatedAt: 1 }), now);
      await deleteAllData(db, later(i));
    }
    const copies = await listSafetyCopies(db);
    expect(copies).toHaveLength(SAFETY_COPIES_KEPT);
    expect(copies.map((c) => c.at)).toEqual([later(4), later(3), later(2)].map((d) => d.getTime()));
  });

  it('a failure while replacing writes neither the copy nor the replacement', async () => {
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    const before = await exportBackup(db, { now });
    await expect(
      restoreBackup(db, before, {
        now,
        beforeCommit: () => {
          throw new Error('quota exceeded (injected)');
        },
      }),
    ).rejects.toThrow(/injected/);
    expect(await db.safetyCopies.count()).toBe(0);
    expect(await exportBackup(db, { now })).toBe(before);
  });

  it('a copy no longer kept is said so in the user’s words', async () => {
    await expect(restoreSafetyCopy(db, 'sc-gone', { now })).rejects.toBeInstanceOf(UserError);
  });
});
