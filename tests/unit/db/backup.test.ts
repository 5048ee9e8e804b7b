import { HuikuanDb } from '@/lib/db/schema';
import { getPortfolio, getSettings, readAll, replaceAll, saveSettings } from '@/lib/db/repo';
import { exportBackup, restoreBackup } from '@/lib/db/backup';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';

const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';

async function snapshot(db: HuikuanDb) {
  return {
    data: await readAll(db),
    settings: await getSettings(db),
    summaries: await db.summaries.toArray(),
    portfolio: await getPortfolio(db),
  };
}

let db: HuikuanDb;
beforeEach(async () => {
  db = new HuikuanDb(`t-${Math.random()}`);
  await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
  await saveSettings(db, {
    owner: '王磊',
    limitationYears: 4,
    fxRates: { USD: 7.1 },
    monthlyTarget: { minor: 50_000_000, currency: 'CNY' },
  });
});
afterEach(() => db.close());

describe('backup and restore', () => {
  it('backup → restore into an empty store → backup is byte-identical', async () => {
    const text1 = await exportBackup(db, { now });
    const other = new HuikuanDb(`t-${Math.random()}`);
    const r = await restoreBackup(other, text1, { now });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.counts.customers).toBe(30);
    const text2 = await exportBackup(other, { now });
    expect(text2).toBe(text1);
    expect(await getSettings(other)).toEqual(await getSettings(db));
    expect(await getPortfolio(other)).toEqual(await getPortfolio(db));
    other.close();
  });

  it('restore over existing data replaces it, and backing up again gives the same bytes', async () => {
    const text1 = await exportBackup(db, { now });
    await saveSettings(db, { owner: 'someone else' });
    await db.customers.put({ ...(await db.customers.get('c01'))!, name: 'Changed' });
    const r = await restoreBackup(db, text1, { now });
    expect(r.ok).toBe(true);
    expect(await exportBackup(db, { now })).toBe(text1);
  });

  it('a bad file is rejected with the path of every problem, and the store is unchanged', async () => {
    const before = await snapshot(db);
    const good = JSON.parse(await exportBackup(db, { now }));
    good.tables.receivables[3].amount.minor = 12.5;
    good.tables.receivables[4].dueDate = '2026-02-31';
    delete good.tables.customers[0].name;
    const r = await restoreBackup(db, JSON.stringify(good), { now });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      expect(paths).toContain('tables.receivables[3].amount.minor');
      expect(paths).toContain('tables.receivables[4].dueDate');
      expect(paths).toContain('tables.customers[0].name');
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects what is not a backup at all, and a backup from a newer version', async () => {
    const before = await snapshot(db);
    const r1 = await restoreBackup(db, 'not json', { now });
    expect(r1.ok).toBe(false);
    const r2 = await restoreBackup(
      db,
      JSON.stringify({ format: 'huikuan-backup', version: 99, meta: { createdAt: 1 }, tables: {} }),
      { now },
    );
    expect(r2.ok === false && r2.errors[0].path).toBe('version');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a failure while writing the restore leaves the store unchanged', async () => {
    const text = await exportBackup(db, { now });
    await saveSettings(db, { owner: 'before' });
    const before = await snapshot(db);
    await expect(
      restoreBackup(db, text, {
        now,
        beforeCommit: () => {
          throw new Error('quota exceeded (injected)');
        },
      }),
    ).rejects.toThrow(/injected/);
    expect(await snapshot(db)).toEqual(before);
  });
});
