/**
 * The toolkit's writes against a real (fake-indexeddb) store: a statement sent → received → sealed restarts the
 * limitation period of exactly the documents it lists and clears its follow-up; a payment plan makes one promise
 * per instalment, interrupts limitation, and a missed instalment makes the rest due at once when accelerated.
 */
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { addActivity, putCustomer, putPayment, putReceivable, readAll, replaceAll, wipeAll } from '@/lib/db/repo';
import { receivablesOf } from '@/lib/db/ledgers';
import { limitationDeadline } from '@/lib/ledger';
import type { Customer } from '@/lib/domain';
import {
  acceleratePlan,
  createPaymentPlan,
  createStatement,
  recordSealedCopy,
  recordStatementReceived,
  recordStatementSent,
  saveDispute,
} from '@/lib/toolkit/store';
import { planProgress } from '@/lib/toolkit/plans';
import { undisputedParts } from '@/lib/toolkit/disputes';
import { statementProgress } from '@/lib/toolkit/statements';
import { allocate } from '@/lib/ledger';
import { inv, pay } from '../support/receivables';

const now = new Date(2026, 10, 22, 9, 30);
const customer: Customer = {
  id: 'c1',
  name: '某市财政局',
  aliases: [],
  domains: [],
  crmLinks: [],
  type: 'government',
  tags: [],
  createdAt: 0,
  updatedAt: 0,
};

async function seeded() {
  const db = new HuikuanDb(`toolkit-${Math.random()}`);
  setDb(db);
  await putCustomer(db, customer, now);
  await putReceivable(db, inv({ id: 'r1', minor: 100_000_00, due: '2024-01-31', issueDate: '2024-01-01' }), now);
  await putReceivable(db, inv({ id: 'r2', minor: 50_000_00, due: '2026-06-30', issueDate: '2026-06-01' }), now);
  await putReceivable(db, inv({ id: 'r3', minor: 9_000_00, due: '2026-12-31', issueDate: '2026-12-01' }), now);
  return db;
}

describe('statements of account', () => {
  it('lists the documents open on the as-of day, not those issued later or paid by then', async () => {
    const db = await seeded();
    await putPayment(
      db,
      pay({ id: 'p1', minor: 20_000_00, date: '2026-10-01', allocations: [{ receivableId: 'r2', minor: 20_000_00 }] }),
      now,
    );
    const s = await createStatement(db, 'c1', '2026-09-30', undefined, now);
    // r3 is issued after the as-of day; the payment of 2026-10-01 is after it too, so r2 is stated in full.
    expect(s.lines.map((l) => [l.docNumber, l.openMinor])).toEqual([
      ['r1', 100_000_00],
      ['r2', 50_000_00],
    ]);
    const later = await createStatement(db, 'c1', '2026-11-22', ['r2'], now);
    expect(later.lines.map((l) => [l.docNumber, l.openMinor])).toEqual([['r2', 30_000_00]]);
    await expect(createStatement(db, 'c1', '2026-09-30', ['r3'], now)).rejects.toThrow(/not open on 2026-09-30: r3/);
  });

  it('sent → follow-up planned; received; sealed → sealed-confirmation on the listed documents only, follow-up cleared', async () => {
    const db = await seeded();
    const s = await createStatement(db, 'c1', '2026-11-01', ['r1'], now);
    await expect(recordSealedCopy(db, s.id, { on: '2026-11-20' }, now)).rejects.toThrow(/sent first/);
    await recordStatementSent(
      db,
      s.id,
      { on: '2026-11-02', via: 'ems', tracking: 'EA123456789CN', followUpDays: 10 },
      now,
    );
    const sentAct = (await db.activities.toArray()).find((a) => a.id.startsWith('a-sent'));
    expect(sentAct).toMatchObject({ nextDate: '2026-11-12', channel: 'statement' });
    expect(sentAct?.evidence).toBeUndefined(); // sending is no confirmation: no interruption yet
    expect(statementProgress({ status: 'sent', sentOn: '2026-11-02' }, '2026-11-22', 10)).toMatchObject({
      overdueForSeal: true,
      followUpOn: '2026-11-12',
    });
    const before = (await receivablesOf(db, 'c1')).find((r) => r.id === 'r1')!;
    expect(limitationDeadline(before, { years: 3 }).deadline).toBe('2027-01-31');

    await recordStatementReceived(db, s.id, '2026-11-05', now);
    const sealed = await recordSealedCopy(db, s.id, { on: '2026-11-20', note: 'scan in 合同柜 3' }, now);
    expect(sealed).toMatchObject({ status: 'sealed', sealedOn: '2026-11-20', receivedOn: '2026-11-05' });
    const docs = await receivablesOf(db, 'c1');
    const r1 = docs.find((r) => r.id === 'r1')!;
    expect(r1.interruptions).toEqual([expect.objectContaining({ date: '2026-11-20', kind: 'sealed-confirmation' })]);
    expect(limitationDeadline(r1, { years: 3 })).toMatchObject({
      deadline: '2029-11-20',
      startKind: 'sealed-confirmation',
    });
    expect(docs.find((r) => r.id === 'r2')!.interruptions).toEqual([]);
    expect((await db.activities.get(sentAct!.id))?.nextDate).toBeUndefined();
    expect((await db.summaries.get('c1'))?.limitationDeadline).toBe('2029-06-30'); // r2 (due 2026-06-30) is now the earliest

    // Recording the seal again does not stack a second interruption.
    await recordSealedCopy(db, s.id, { on: '2026-11-20', note: 'scan in 合同柜 3' }, now);
    expect((await receivablesOf(db, 'c1')).find((r) => r.id === 'r1')!.interruptions).toHaveLength(1);
  });

  it('wiping the store empties the toolkit stores too', async () => {
    const db = await seeded();
    await createStatement(db, 'c1', '2026-11-01', undefined, now);
    await wipeAll(db, now);
    expect(await db.statements.count()).toBe(0);
    expect((await readAll(db)).customers).toEqual([]);
  });
});

describe('payment plans', () => {
  it('one promise per instalment, a payment-plan interruption on the agreed day, and acceleration after a miss', async () => {
    const db = await seeded();
    const plan = await createPaymentPlan(
      db,
      {
        customerId: 'c1',
        agreedOn: '2026-08-01',
        receivableIds: ['r1', 'r2'],
        instalments: [
          { date: '2026-10-31', amount: { minor: 50_000_00, currency: 'CNY' } },
          { date: '2026-09-30', amount: { minor: 50_000_00, currency: 'CNY' } },
          { date: '2026-11-30', amount: { minor: 50_000_00, currency: 'CNY' } },
        ],
      },
      now,
    );
    expect(plan.instalments.map((i) => i.date)).toEqual(['2026-09-30', '2026-10-31', '2026-11-30']);
    const r1 = (await receivablesOf(db, 'c1')).find((r) => r.id === 'r1')!;
    expect(limitationDeadline(r1, { years: 3 })).toMatchObject({ deadline: '2029-08-01', startKind: 'payment-plan' });

    // The first instalment is paid in full, the second only in part: by 2026-11-22 (grace 3 days) it is broken.
    await putPayment(db, pay({ id: 'p1', minor: 50_000_00, date: '2026-09-29' }), now);
    await putPayment(db, pay({ id: 'p2', minor: 10_000_00, date: '2026-10-30' }), now);
    const promises = await db.promises.where('customerId').equals('c1').toArray();
    const progress = planProgress(plan, promises);
    expect(progress.instalments.map((i) => i.state)).toEqual(['kept', 'partly-kept', 'pending']);
    expect(progress.missed?.index).toBe(1);
    expect(progress.restMinor).toBe(90_000_00);
    expect(progress.shouldAccelerate).toBe(true);

    const accelerated = await acceleratePlan(db, plan.id, '2026-11-22', progress.restMinor, now);
    expect(accelerated.status).toBe('accelerated');
    const after = await db.promises.bulkGet(plan.instalments.map((i) => i.promiseId));
    expect(after.map((p) => p?.status)).toEqual(['kept', 'broken', 'cancelled']);
    expect(
      planProgress(
        accelerated,
        after.filter((p) => !!p),
      ).shouldAccelerate,
    ).toBe(false);
    const notice = await db.activities.get(`a-acc-${plan.id}`);
    expect(notice).toMatchObject({ date: '2026-11-22', nextDate: '2026-11-22', channel: 'written-notice' });
  });

  it('refuses a plan over a document the customer does not have', async () => {
    const db = await seeded();
    await expect(
      createPaymentPlan(
        db,
        {
          customerId: 'c1',
          agreedOn: '2026-08-01',
          receivableIds: ['nope'],
          instalments: [{ date: '2026-09-30', amount: { minor: 1, currency: 'CNY' } }],
        },
        now,
      ),
    ).rejects.toThrow(/not in this customer/);
    expect(await db.paymentPlans.count()).toBe(0);
    expect(await db.promises.count()).toBe(0);
  });
});

describe('disputes', () => {
  it('a partial dispute leaves the rest of the document to demand; wrong currency or too much is refused', async () => {
    const db = await seeded();
    const d = await saveDispute(
      db,
      {
        customerId: 'c1',
        receivableId: 'r2',
        category: 'quantity-acceptance',
        disputedMinor: 12_000_00,
        currency: 'CNY',
        raisedOn: '2026-07-10',
        status: 'open',
        contractMakesItACondition: false,
      },
      now,
    );
    const ledger = await db.ledgers.get('c1');
    const open = allocate(ledger!.receivables, ledger!.payments);
    expect(undisputedParts(open, [d])).toEqual([
      expect.objectContaining({ docNumber: 'r2', disputedMinor: 12_000_00, undisputedMinor: 38_000_00 }),
    ]);
    await expect(saveDispute(db, { ...d, id: undefined, currency: 'USD' }, now)).rejects.toThrow(/currency \(CNY\)/);
    await expect(saveDispute(db, { ...d, id: undefined, disputedMinor: 60_000_00 }, now)).rejects.toThrow(
      /more than the document/,
    );
    expect(await db.disputes.count()).toBe(1);
  });
});

it('a demand activity still works beside the toolkit stores (the shared transaction covers them)', async () => {
  const db = await seeded();
  await addActivity(
    db,
    {
      id: 'a1',
      customerId: 'c1',
      date: '2026-11-01',
      channel: 'finance-letter',
      techniqueIds: [],
      outcome: 'other',
      evidence: 'EMS EA1',
      receivableIds: ['r1'],
      createdAt: 0,
    },
    now,
  );
  expect((await receivablesOf(db, 'c1')).find((r) => r.id === 'r1')!.interruptions).toHaveLength(1);
  await replaceAll(db, await readAll(db), now);
});

it('a backup carries the toolkit records and a restore brings them back; an older backup without them restores with none', async () => {
  const { exportBackup, restoreBackup } = await import('@/lib/db/backup');
  const db = await seeded();
  const s = await createStatement(db, 'c1', '2026-11-01', undefined, now);
  await recordStatementSent(db, s.id, { on: '2026-11-02', via: 'email', tracking: 'msg-1' }, now);
  await saveDispute(
    db,
    {
      customerId: 'c1',
      receivableId: 'r2',
      category: 'invoice-error',
      disputedMinor: 100,
      currency: 'CNY',
      raisedOn: '2026-11-03',
      status: 'open',
      contractMakesItACondition: false,
    },
    now,
  );
  const text = await exportBackup(db, { now });
  const other = new HuikuanDb(`toolkit-restore-${Math.random()}`);
  expect(await restoreBackup(other, text, { now })).toMatchObject({ ok: true });
  expect([await other.statements.count(), await other.disputes.count()]).toEqual([1, 1]);
  expect((await other.statements.get(s.id))?.tracking).toBe('msg-1');
  expect(await exportBackup(other, { now })).toBe(text);
  const old = JSON.parse(text.replace(/\n/g, ''));
  for (const t of ['statements', 'paymentPlans', 'disputes', 'customerTerms']) delete old.tables[t];
  expect(await restoreBackup(other, JSON.stringify(old), { now })).toMatchObject({ ok: true });
  expect(await other.statements.count()).toBe(0);
  expect(await other.customers.count()).toBe(1);
});
