/** Logging an attempt: what it keeps, when the five preparations reset, and an undo that puts everything back. */
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { addActivity, readAll, replaceAll, undoActivity } from '@/lib/db/repo';
import { receivablesOf } from '@/lib/db/ledgers';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import type { Activity } from '@/lib/domain';

const today = '2026-11-22';
const now = new Date('2026-11-22T10:00:00');
const fresh = () => {
  const db = new HuikuanDb(`att-${Math.random()}`);
  setDb(db);
  return db;
};
const attempt = (channel: Activity['channel'], extra: Partial<Activity> = {}): Activity => ({
  id: `a-${channel}`,
  customerId: 'c01',
  date: today,
  channel,
  techniqueIds: [],
  outcome: 'promised',
  receivableIds: [],
  createdAt: now.getTime(),
  ...extra,
});

async function seeded() {
  const db = fresh();
  await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
  await db.preparations.put({ customerId: 'c01', checked: [1, 2, 3], updatedAt: 1 });
  return db;
}

describe('logging an attempt', () => {
  it.each(['phone', 'email', 'im'] as const)(
    'a %s leaves the preparations ticked for the visit or letter to come',
    async (channel) => {
      const db = await seeded();
      const { activity } = await addActivity(db, attempt(channel), now);
      expect((await db.preparations.get('c01'))?.checked).toEqual([1, 2, 3]);
      expect(activity.preparationsUsed).toBeUndefined();
    },
  );

  it.each(['visit', 'statement', 'finance-letter', 'lawyer-letter', 'written-notice'] as const)(
    'a %s uses them: kept with the activity, then reset',
    async (channel) => {
      const db = await seeded();
      await addActivity(db, attempt(channel), now);
      expect((await db.preparations.get('c01'))?.checked).toEqual([]);
      expect((await db.activities.get(`a-${channel}`))?.preparationsUsed).toEqual([1, 2, 3]);
    },
  );

  it('keeps what was sent and the invoices it covered', async () => {
    const db = await seeded();
    const sent = {
      kind: 'letter' as const,
      letterKind: 'balance-confirmation' as const,
      reference: 'DZ-20261122-01',
      text: '对账函…（edited）',
    };
    await addActivity(db, attempt('statement', { sent, receivableIds: ['r01a'] }), now);
    const saved = await db.activities.get('a-statement');
    expect(saved?.sent).toEqual(sent);
    expect(saved?.receivableIds).toEqual(['r01a']);
  });

  it('undo puts the store back exactly as it was, preparations and limitation interruptions included', async () => {
    const db = await seeded();
    const before = await readAll(db);
    const logged = await addActivity(db, attempt('finance-letter', { evidence: 'EMS 1234' }), now);
    expect((await receivablesOf(db, 'c01')).some((r) => r.interruptions.some((i) => i.evidence === 'EMS 1234'))).toBe(
      true,
    );
    await undoActivity(db, logged, now);
    const after = await readAll(db);
    expect(after.activities).toEqual(before.activities);
    expect(after.preparations).toEqual(before.preparations);
    expect(await receivablesOf(db, 'c01')).toEqual(
      before.receivables
        .filter((r) => r.customerId === 'c01')
        .map((r) => expect.objectContaining({ id: r.id, interruptions: r.interruptions })),
    );
  });

  it('undo of a visit where nothing was prepared leaves no preparations row behind', async () => {
    const db = fresh();
    await replaceAll(db, buildDemoPortfolio(today, now.getTime()), now);
    await db.preparations.delete('c02');
    const logged = await addActivity(db, { ...attempt('visit'), customerId: 'c02' }, now);
    await undoActivity(db, logged, now);
    expect(await db.preparations.get('c02')).toBeUndefined();
    expect(await db.activities.get('a-visit')).toBeUndefined();
  });
});
