/**
 * 承兑汇票 / 应收账款电子凭证: the warnings (weak acceptor, 条例 art. 11, a maturity that stretches the term, a term
 * over six months), the checks before recording, and through the store: the bill settles the documents in the
 * ledger at once while its cash is forecast on the maturity day; collected or dishonoured, it brings no more cash,
 * and a dishonoured bill reopens the documents. Backups carry the bills; a backup without the store restores.
 */
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { putCustomer, putReceivable } from '@/lib/db/repo';
import { allocate } from '@/lib/ledger';
import type { Customer } from '@/lib/domain';
import { billProblems, billWarnings, art11Applies } from '@/lib/toolkit/bills';
import { ToolkitRefusal, closeBill, recordBill, saveTerms } from '@/lib/toolkit/store';
import { billForecastId, forecastStore } from '@/lib/forecast/portfolio';
import { readForecastStore } from '@/lib/forecast/service';
import { inv } from '../support/receivables';

const now = new Date(2026, 10, 22, 9, 30);
const today = '2026-11-22';
const customer: Customer = {
  id: 'c1',
  name: '某能源集团有限公司',
  aliases: [],
  domains: [],
  crmLinks: [],
  type: 'state-owned',
  tags: [],
  createdAt: 0,
  updatedAt: 0,
};
const docs = [{ docNumber: 'INV-7', dueDate: '2026-11-30' }];
const sme = { weWereSme: true, debtorSize: 'large' as const, publicInstitution: false };

describe('warnings before a bill is accepted', () => {
  const base = {
    acceptor: '某能源集团有限公司',
    acceptorWeak: false,
    issueDate: '2026-11-20',
    maturityDate: '2027-05-20',
  };
  const keys = (w: ReturnType<typeof billWarnings>) => w.map((x) => x.key);

  it.each([
    ['a bank acceptance maturing after the due date', { kind: 'bank-acceptance' as const }, undefined, ['stretches']],
    [
      'a commercial bill: the acceptor’s risk and art. 11 as information',
      { kind: 'commercial-acceptance' as const },
      undefined,
      ['commercialRisk', 'art11', 'stretches'],
    ],
    [
      'a weak acceptor, SME creditor, large debtor',
      { kind: 'commercial-acceptance' as const, acceptorWeak: true },
      sme,
      ['weakAcceptor', 'art11Covered', 'stretches'],
    ],
    [
      'an e-receivable certificate for an SME creditor',
      { kind: 'e-receivable' as const, maturityDate: '2027-11-20' },
      sme,
      ['commercialRisk', 'art11Covered', 'stretches'],
    ],
    [
      'a commercial bill over six months',
      { kind: 'commercial-acceptance' as const, maturityDate: '2027-05-21' },
      undefined,
      ['commercialRisk', 'art11', 'stretches', 'termTooLong'],
    ],
    [
      'a bank acceptance maturing by the due date',
      { kind: 'bank-acceptance' as const, maturityDate: '2026-11-30' },
      undefined,
      [],
    ],
  ])('%s', (_name, over, terms, want) => {
    expect(keys(billWarnings({ ...base, ...over }, docs, customer.type, terms))).toEqual(want);
  });

  it('counts the days the maturity stretches past the latest due date', () => {
    const w = billWarnings(
      { ...base, kind: 'bank-acceptance' },
      [...docs, { docNumber: 'INV-8', dueDate: '2026-12-20' }],
      'enterprise',
    );
    expect(w).toEqual([{ key: 'stretches', params: { days: 151, doc: 'INV-8' } }]);
  });

  it('art. 11 binds agencies, public institutions and large enterprises, towards an SME creditor only', () => {
    expect(art11Applies('government', { weWereSme: true, debtorSize: 'unknown', publicInstitution: false })).toBe(true);
    expect(art11Applies('enterprise', { weWereSme: true, debtorSize: 'unknown', publicInstitution: true })).toBe(true);
    expect(art11Applies('state-owned', { weWereSme: true, debtorSize: 'unknown', publicInstitution: false })).toBe(
      false,
    );
    expect(art11Applies('government', { weWereSme: false, debtorSize: 'large', publicInstitution: false })).toBe(false);
    expect(art11Applies('government', undefined)).toBe(false);
  });

  it('refuses dates out of order, a bill above what the documents have open, another currency, no document', () => {
    const open = [{ id: 'r1', openMinor: 100_00, amount: { minor: 100_00, currency: 'CNY' } }];
    const ok = {
      amount: { minor: 100_00, currency: 'CNY' },
      issueDate: '2026-11-20',
      receivedOn: '2026-11-21',
      maturityDate: '2027-02-20',
      receivableIds: ['r1'],
    };
    expect(billProblems(ok, open)).toEqual([]);
    expect(billProblems({ ...ok, maturityDate: '2026-11-20' }, open)).toEqual(['maturityBeforeIssue']);
    expect(billProblems({ ...ok, receivedOn: '2026-11-19' }, open)).toEqual(['receivedBeforeIssue']);
    expect(billProblems({ ...ok, amount: { minor: 100_01, currency: 'CNY' } }, open)).toEqual(['moreThanOpen']);
    expect(billProblems({ ...ok, amount: { minor: 100_00, currency: 'USD' } }, open)).toEqual(['currency']);
    expect(billProblems({ ...ok, receivableIds: ['r9'] }, open)).toEqual(['noDocuments']);
  });
});

describe('a bill settles the ledger; its cash comes at maturity', () => {
  async function seeded() {
    const db = new HuikuanDb(`bills-${Math.random()}`);
    setDb(db);
    await putCustomer(db, customer, now);
    await putReceivable(db, inv({ id: 'r1', minor: 600_000_00, due: '2026-10-31', issueDate: '2026-09-30' }), now);
    await putReceivable(db, inv({ id: 'r2', minor: 400_000_00, due: '2026-11-30', issueDate: '2026-10-31' }), now);
    return db;
  }
  const bank = {
    customerId: 'c1',
    kind: 'bank-acceptance' as const,
    number: '131000000000120261120000123456',
    acceptor: '中国建设银行某分行',
    acceptorWeak: false,
    amount: { minor: 1_000_000_00, currency: 'CNY' },
    issueDate: '2026-11-20',
    receivedOn: '2026-11-21',
    maturityDate: '2027-02-20',
    receivableIds: ['r1', 'r2'],
  };

  it('recorded: the documents are settled on the day received, the summary has nothing open, the forecast expects ¥1,000,000 on 20 Feb', async () => {
    const db = await seeded();
    const before = forecastStore(await readForecastStore(db), today);
    expect(before.portfolio.byCurrency.CNY.bills).toBe(0);
    const bill = await recordBill(db, bank, now);
    const ledger = (await db.ledgers.get('c1'))!;
    expect(ledger.payments).toHaveLength(1);
    expect(ledger.payments[0]).toMatchObject({
      id: bill.paymentId,
      date: '2026-11-21',
      amount: bank.amount,
      allocations: [
        { receivableId: 'r1', minor: 600_000_00 },
        { receivableId: 'r2', minor: 400_000_00 },
      ],
    });
    expect(ledger.payments[0].reference).toMatch(/银行承兑汇票 .* 131000000000120261120000123456/);
    expect(allocate(ledger.receivables, ledger.payments).map((r) => [r.id, r.openMinor, r.settledOn])).toEqual([
      ['r1', 0, '2026-11-21'],
      ['r2', 0, '2026-11-21'],
    ]);
    const s = (await db.summaries.get('c1'))!;
    expect([s.open, s.openByDue, s.openCount]).toEqual([{}, [], 0]);

    const f = forecastStore(await readForecastStore(db), today);
    expect(f.forecasts.filter((x) => x.customerId === 'c1').map((x) => [x.id, x.expectedDate, x.amount.minor])).toEqual(
      [[billForecastId(bill.id), '2027-02-20', 1_000_000_00]],
    );
    const cny = f.portfolio.byCurrency.CNY;
    expect([cny.bills, cny.nextBillMaturity, cny.thisMonth, cny.open]).toEqual([
      1_000_000_00,
      '2027-02-20',
      0,
      1_000_000_00,
    ]);
    // Week of 2027-02-15 (Monday), the 13th week from the week of 2026-11-16, is the last one shown.
    expect(f.portfolio.weekStarts[13 - 1]).toBe('2027-02-08');
    expect(cny.weeks.reduce((a, b) => a + b, 0)).toBe(0);
    const inWeeks = forecastStore(await readForecastStore(db), '2026-12-01').portfolio;
    expect(inWeeks.byCurrency.CNY.weeks[inWeeks.weekStarts.indexOf('2027-02-15')]).toBe(1_000_000_00);
  });

  it('collected: no more cash to come; dishonoured: the payment goes and the documents are open again', async () => {
    const db = await seeded();
    const a = await recordBill(db, bank, now);
    await expect(closeBill(db, a.id, 'collected', '2027-02-20', now)).resolves.toMatchObject({
      status: 'collected',
      closedOn: '2027-02-20',
    });
    expect(forecastStore(await readForecastStore(db), today).portfolio.byCurrency.CNY).toBeUndefined();
    await expect(closeBill(db, a.id, 'dishonoured', '2027-02-21', now)).rejects.toBeInstanceOf(ToolkitRefusal);

    const db2 = await seeded();
    const b = await recordBill(
      db2,
      { ...bank, kind: 'commercial-acceptance', acceptor: customer.name, acceptorWeak: true },
      now,
    );
    await closeBill(db2, b.id, 'dishonoured', '2027-02-21', now);
    const ledger = (await db2.ledgers.get('c1'))!;
    expect(ledger.payments).toEqual([]);
    expect((await db2.summaries.get('c1'))!.open).toEqual({ CNY: 1_000_000_00 });
    expect((await db2.bills.get(b.id))?.status).toBe('dishonoured');
  });

  it('refuses a bill above the open amount and leaves the ledger as it was', async () => {
    const db = await seeded();
    const err = await recordBill(db, { ...bank, amount: { minor: 1_000_000_01, currency: 'CNY' } }, now).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ToolkitRefusal);
    expect((err as ToolkitRefusal).code).toBe('moreThanOpen');
    expect((await db.ledgers.get('c1'))!.payments).toEqual([]);
    expect(await db.bills.count()).toBe(0);
  });

  it('a backup carries the bills and a restore brings them back; a backup without the bills store restores with none', async () => {
    const { exportBackup, restoreBackup } = await import('@/lib/db/backup');
    const db = await seeded();
    await saveTerms(db, { customerId: 'c1', ...sme, inCourt: false, interestInLetter: false }, now);
    const bill = await recordBill(db, bank, now);
    const text = await exportBackup(db, { now });
    const other = new HuikuanDb(`bills-restore-${Math.random()}`);
    expect(await restoreBackup(other, text, { now })).toMatchObject({ ok: true });
    expect(await other.bills.get(bill.id)).toEqual(await db.bills.get(bill.id));
    expect(await exportBackup(other, { now })).toBe(text);
    const old = JSON.parse(text.replace(/\n/g, ''));
    delete old.tables.bills;
    expect(await restoreBackup(other, JSON.stringify(old), { now })).toMatchObject({ ok: true });
    expect(await other.bills.count()).toBe(0);
    expect((await other.ledgers.get('c1'))!.payments).toHaveLength(1);
  });
});

it('a bill whose payment was deleted by hand brings no cash in the forecast', async () => {
  const { deleteRecords } = await import('@/lib/db/repo');
  const db = new HuikuanDb(`bills-deleted-${Math.random()}`);
  setDb(db);
  await putCustomer(db, customer, now);
  await putReceivable(db, inv({ id: 'r1', minor: 600_000_00, due: '2026-10-31', issueDate: '2026-09-30' }), now);
  const bill = await recordBill(
    db,
    {
      customerId: 'c1',
      kind: 'e-receivable',
      acceptor: customer.name,
      acceptorWeak: false,
      amount: { minor: 600_000_00, currency: 'CNY' },
      issueDate: today,
      receivedOn: today,
      maturityDate: '2027-03-31',
      receivableIds: ['r1'],
    },
    now,
  );
  expect(forecastStore(await readForecastStore(db), today).portfolio.byCurrency.CNY.bills).toBe(600_000_00);
  await deleteRecords(db, 'payments', [bill.paymentId], 'payment', now, 'c1');
  const f = forecastStore(await readForecastStore(db), today);
  expect(f.forecasts.map((x) => x.id)).toEqual(['r1']);
  expect(f.portfolio.byCurrency.CNY.bills).toBe(0);
});
