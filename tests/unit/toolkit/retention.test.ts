/**
 * 质保金 (retention money): a held part of an invoice is open but not due before its release date — not in overdue,
 * aging, the ladder, suggestNext's demand or the worklist as overdue — reminded in its reminder days before, and
 * demanded after it. Pure functions first, then the same figures through the store (fake-indexeddb).
 */
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { translator } from '@/lib/i18n';
import { docText } from '@/lib/i18n';
import { putCustomer, putPayment, putReceivable } from '@/lib/db/repo';
import { receivablesOf } from '@/lib/db/ledgers';
import {
  agingFromOpenByDue,
  allocate,
  dueParts,
  heldMinor,
  joinParts,
  retentionOfPercent,
  retentionState,
  splitByDue,
  summarizeCustomer,
} from '@/lib/ledger';
import { suggestNext } from '@/lib/playbook';
import { ladderFactsOf, ladderLevel } from '@/lib/playbook/ladder';
import { scoreCustomer } from '@/lib/worklist';
import { deriveReminders } from '@/lib/reminders';
import { defaultSettings, receivableSchema, type Customer, type Receivable } from '@/lib/domain';
import { ToolkitRefusal, clearRetention, saveRetention } from '@/lib/toolkit/store';
import { forecastInvoices, retentionForecastId } from '@/lib/forecast/portfolio';
import { inv, pay } from '../support/receivables';

const customer: Customer = {
  id: 'c1',
  name: '某建设集团有限公司',
  aliases: [],
  domains: [],
  crmLinks: [],
  type: 'state-owned',
  tags: [],
  createdAt: 0,
  updatedAt: 0,
};
const settings = defaultSettings();
/** ¥1,000,000 due 2026-06-01 with 5 % (¥50,000) held until the warranty ends on 2027-06-01. */
const withRetention = (extra: Partial<Receivable> = {}): Receivable =>
  inv({
    id: 'r1',
    minor: 1_000_000_00,
    due: '2026-06-01',
    issueDate: '2026-05-01',
    retention: { minor: 50_000_00, releaseDate: '2027-06-01', basis: 'warranty', percent: 5, remindDays: 30 },
    ...extra,
  });
const paidRest = pay({ id: 'p1', minor: 950_000_00, date: '2026-06-20' });

const summaryOn = (asOf: string, receivables: Receivable[], payments = [paidRest]) =>
  summarizeCustomer({
    customer,
    receivables,
    payments,
    promises: [],
    activities: [],
    settings,
    asOf,
  });
const snapshot = (receivables: Receivable[], payments = [paidRest]) => ({
  customer,
  contacts: [],
  receivables: allocate(receivables, payments),
  payments,
  promises: [],
  activities: [],
  settings,
});

describe('retention parts (pure)', () => {
  it('payments settle the rest first; the held part is due on its release date', () => {
    const [open] = allocate([withRetention()], [pay({ id: 'p', minor: 300_000_00, date: '2026-06-20' })]);
    expect(heldMinor(open)).toBe(50_000_00);
    expect(dueParts(open)).toEqual([
      { dueDate: '2026-06-01', minor: 650_000_00, retention: false },
      { dueDate: '2027-06-01', minor: 50_000_00, retention: true },
    ]);
    const [rest] = allocate([withRetention()], [pay({ id: 'p', minor: 980_000_00, date: '2026-06-20' })]);
    expect(dueParts(rest)).toEqual([{ dueDate: '2027-06-01', minor: 20_000_00, retention: true }]);
    const parts = splitByDue([open]);
    expect(parts.map((p) => [p.id, p.dueDate, p.openMinor, !!p.retentionPart])).toEqual([
      ['r1', '2026-06-01', 650_000_00, false],
      ['r1', '2027-06-01', 50_000_00, true],
    ]);
    expect(joinParts(parts)).toEqual([{ ...open, openMinor: 700_000_00, dueDate: '2026-06-01' }]);
  });

  it('a percentage of the document is rounded half up to the fen', () => {
    expect(retentionOfPercent(1_000_000_00, 5)).toBe(50_000_00);
    expect(retentionOfPercent(1_234_567_89, 5)).toBe(61_728_39); // 61,728.3945
    expect(retentionOfPercent(1_00, 2.5)).toBe(3); // 2.5 fen → 3
    expect(retentionOfPercent(9_007_199_254_740_991, 10)).toBe(900_719_925_474_099); // exact beyond 2^53 / 10
  });

  it('held → ask soon (reminder days before) → due → overdue → paid', () => {
    const [open] = allocate([withRetention()], [paidRest]);
    expect(retentionState(open, '2027-05-01')).toBe('held');
    expect(retentionState(open, '2027-05-02')).toBe('remind');
    expect(retentionState(open, '2027-06-01')).toBe('due');
    expect(retentionState(open, '2027-06-02')).toBe('overdue');
    const [paid] = allocate([withRetention()], [pay({ id: 'p', minor: 1_000_000_00, date: '2026-06-20' })]);
    expect(retentionState(paid, '2027-06-02')).toBe('settled');
  });

  it('the receivable schema takes a retention and refuses a non-positive one', () => {
    expect(receivableSchema.parse(withRetention()).retention).toMatchObject({
      minor: 50_000_00,
      releaseDate: '2027-06-01',
    });
    expect(
      receivableSchema.safeParse(
        withRetention({ retention: { minor: 0, releaseDate: '2027-06-01', basis: 'warranty', remindDays: 30 } }),
      ).success,
    ).toBe(false);
  });
});

describe('not overdue before its date, demanded after it', () => {
  it('summary: the held part sits on its release date, so overdue and aging leave it out until then', () => {
    const s = summaryOn('2026-11-22', [withRetention()]);
    expect(s.open).toEqual({ CNY: 50_000_00 });
    expect(s.openByDue).toEqual([['2027-06-01', 'CNY', 50_000_00]]);
    expect(s.oldestOpenDue).toBe('2027-06-01');
    expect(s.retentionHeld).toEqual([['2027-06-01', 'CNY', 50_000_00, 30]]);
    expect(s.nextRetentionRelease).toBe('2027-06-01');
    const before = agingFromOpenByDue(s.openByDue, '2026-11-22').byCurrency.CNY;
    expect([before.total, before.overdue, before.amounts[0]]).toEqual([50_000_00, 0, 50_000_00]);
    const after = agingFromOpenByDue(s.openByDue, '2027-07-01').byCurrency.CNY;
    expect([after.overdue, after.amounts[1]]).toEqual([50_000_00, 50_000_00]); // 30 days past the release date: 1-30
    // The same invoice without retention: the ¥50,000 is 174 days overdue today.
    const plain = summaryOn('2026-11-22', [withRetention({ retention: undefined })]);
    expect(agingFromOpenByDue(plain.openByDue, '2026-11-22').byCurrency.CNY.overdue).toBe(50_000_00);
  });

  it('the limitation period of the held part runs from its release date', () => {
    expect(summaryOn('2026-11-22', [withRetention()]).limitationDeadline).toBe('2030-06-01');
  });

  it('ladder and suggestNext: nothing demanded before the release date; the retention is demanded after it', () => {
    const snap = snapshot([withRetention()]);
    const before = suggestNext(snap, new Date(2026, 10, 22, 9, 30), 'en');
    expect(before.level).toBe(0);
    expect(before.demanded).toEqual([
      { id: 'r1', docNumber: 'r1', minor: 50_000_00, currency: 'CNY', dueDate: '2027-06-01' },
    ]);
    const facts = ladderFactsOf(summaryOn('2026-11-22', [withRetention()]))!;
    expect(ladderLevel(facts, settings, '2026-11-22').level).toBe(0);

    const after = suggestNext(snap, new Date(2027, 6, 1, 9, 30), 'en');
    expect(after.level).toBeGreaterThan(0);
    expect(after.demanded).toEqual([
      { id: 'r1', docNumber: 'r1', minor: 50_000_00, currency: 'CNY', dueDate: '2027-06-01' },
    ]);
    expect(ladderLevel(facts, settings, '2027-07-01').level).toBe(after.level);
  });

  it('with part of the rest unpaid, only the rest is overdue; the document is named once', () => {
    const payments = [pay({ id: 'p', minor: 900_000_00, date: '2026-06-20' })];
    const s = suggestNext(snapshot([withRetention()], payments), new Date(2026, 10, 22, 9, 30), 'en');
    expect(s.demanded).toEqual([
      { id: 'r1', docNumber: 'r1', minor: 50_000_00, currency: 'CNY', dueDate: '2026-06-01' },
    ]);
    const after = suggestNext(snapshot([withRetention()], payments), new Date(2027, 6, 1, 9, 30), 'en');
    expect(after.demanded).toEqual([
      { id: 'r1', docNumber: 'r1', minor: 100_000_00, currency: 'CNY', dueDate: '2026-06-01' },
    ]);
  });

  it('worklist: no row while held, a follow-up in its reminder days, an overdue row after the release date', () => {
    const s = summaryOn('2026-11-22', [withRetention()]);
    expect(scoreCustomer(s, '2026-11-22')).toBeUndefined();
    expect(scoreCustomer(s, '2027-05-01')).toBeUndefined();
    const soon = scoreCustomer(s, '2027-05-02')!;
    expect(soon.reasons.map((r) => r.key)).toEqual(['retentionDue']);
    expect(soon.reasons[0].params).toEqual({ minor: 50_000_00, currency: 'CNY', date: '2027-06-01' });
    expect(soon.overdueByCurrency).toEqual({});
    const late = scoreCustomer(s, '2027-06-02')!;
    expect(late.reasons.map((r) => r.key)).toContain('overdue');
    expect(late.overdueByCurrency).toEqual({ CNY: 50_000_00 });
  });

  it('reminders: one, its reminder days before the release date, naming the 条例 art. 13', () => {
    const s = summaryOn('2026-11-22', [withRetention()]);
    const input = {
      summaries: [s],
      promises: [],
      activities: [],
      limitation: [],
      customers: [{ id: 'c1', name: customer.name }],
    };
    const rs = deriveReminders(input, new Date(2026, 10, 22, 9, 30), settings).filter((r) => r.kind === 'retention');
    expect(rs.map((r) => [r.id, r.date])).toEqual([['retention:c1:2027-06-01:CNY', '2027-05-02']]);
    expect(rs[0].message.zh).toMatch(/第十三条/);
    expect(rs[0].message.en).toMatch(/art\. 13/);
    expect({ title: rs[0].title, message: rs[0].message }).toMatchInlineSnapshot(`
      {
        "message": {
          "en": "某建设集团有限公司's retention / deposit of CN¥50,000.00 falls due on 1 Jun 2027. Confirm there is no warranty claim and ask for its release on time (the SME Payment Regulation, art. 13: deposits are to be returned promptly when their term ends).",
          "zh": "某建设集团有限公司 的质保金 / 保证金 ¥50,000.00 将于 2027年6月1日 到期。请提前确认质保期内无质量问题，并请对方按时退还（《保障中小企业款项支付条例》第十三条：保证期限届满后应及时退还）。",
        },
        "title": {
          "en": "Retention falls due: 某建设集团有限公司",
          "zh": "质保金即将到期：某建设集团有限公司",
        },
      }
    `);
    expect(deriveReminders(input, new Date(2027, 5, 2, 9, 30), settings).filter((r) => r.kind === 'retention')).toEqual(
      [],
    );
  });

  it('forecast: the held part is its own row, due on the release date', () => {
    const rows = forecastInvoices({
      receivables: [withRetention()],
      payments: [pay({ id: 'p', minor: 900_000_00, date: '2026-06-20' })],
    });
    expect(rows.map((r) => [r.id, r.dueDate, r.amount.minor])).toEqual([
      ['r1', '2026-06-01', 50_000_00],
      [retentionForecastId('r1'), '2027-06-01', 50_000_00],
    ]);
  });
});

describe('recording retention in the store', () => {
  const now = new Date(2026, 10, 22, 9, 30);
  async function seeded() {
    const db = new HuikuanDb(`retention-${Math.random()}`);
    setDb(db);
    await putCustomer(db, customer, now);
    await putReceivable(db, inv({ id: 'r1', minor: 1_000_000_00, due: '2026-06-01', issueDate: '2026-05-01' }), now);
    await putPayment(db, paidRest, now);
    return db;
  }

  it('by percentage: written on the receivable, the summary no longer counts it overdue; removing it does', async () => {
    const db = await seeded();
    expect((await db.summaries.get('c1'))!.openByDue).toEqual([['2026-06-01', 'CNY', 50_000_00]]);
    const r = await saveRetention(
      db,
      { customerId: 'c1', receivableId: 'r1', percent: 5, releaseDate: '2027-06-01', basis: 'warranty' },
      now,
    );
    expect(r).toMatchObject({ minor: 50_000_00, percent: 5, remindDays: 30 });
    expect((await receivablesOf(db, 'c1'))[0].retention).toEqual(r);
    const s = (await db.summaries.get('c1'))!;
    expect(s.openByDue).toEqual([['2027-06-01', 'CNY', 50_000_00]]);
    expect(s.retentionHeld).toEqual([['2027-06-01', 'CNY', 50_000_00, 30]]);
    await clearRetention(db, 'c1', 'r1', now);
    expect((await receivablesOf(db, 'c1'))[0].retention).toBeUndefined();
    expect((await db.summaries.get('c1'))!.openByDue).toEqual([['2026-06-01', 'CNY', 50_000_00]]);
  });

  it('refuses more than the document, a release date before the due date, and a credit note or unknown document', async () => {
    const db = await seeded();
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'saved',
        (e: unknown) => (e instanceof ToolkitRefusal ? e.code : String(e)),
      );
    expect(
      await refusal(
        saveRetention(
          db,
          { customerId: 'c1', receivableId: 'r1', minor: 1_000_000_01, releaseDate: '2027-06-01' },
          now,
        ),
      ),
    ).toBe('moreThanDocument');
    expect(
      await refusal(
        saveRetention(db, { customerId: 'c1', receivableId: 'r1', minor: 1_00, releaseDate: '2026-05-31' }, now),
      ),
    ).toBe('releaseBeforeDue');
    expect(
      await refusal(
        saveRetention(db, { customerId: 'c1', receivableId: 'nope', minor: 1_00, releaseDate: '2027-06-01' }, now),
      ),
    ).toBe('noDocument');
    expect((await receivablesOf(db, 'c1'))[0].retention).toBeUndefined();
  });
});

describe('letters', () => {
  it('the 催款函 demands no retention before its release date; the balance confirmation states it', async () => {
    const { buildLetter } = await import('@/lib/playbook/letters');
    const payments = [pay({ id: 'p', minor: 900_000_00, date: '2026-06-20' })];
    const snap = snapshot([withRetention()], payments);
    const demand = buildLetter('collection-letter', snap, new Date(2026, 10, 22, 9, 30), docText('en'));
    expect(demand.table.rows.map((r) => r.cells[4])).toEqual([expect.stringMatching(/50,000\.00/)]);
    expect(demand.table.totals).toEqual([expect.stringMatching(/50,000\.00/)]);
    const statement = buildLetter('balance-confirmation', snap, new Date(2026, 10, 22, 9, 30), docText('en'));
    expect(statement.table.totals).toEqual([expect.stringMatching(/100,000\.00/)]);
    const later = buildLetter('collection-letter', snap, new Date(2027, 6, 1, 9, 30), docText('en'));
    expect(later.table.totals).toEqual([expect.stringMatching(/100,000\.00/)]);
  });
});

describe('interest and the WeChat draft', () => {
  it('interest runs on the rest from its due date, on the retention only from the day after its release date', async () => {
    const { interestToDate } = await import('@/lib/toolkit/leverage');
    const payments = [pay({ id: 'p', minor: 900_000_00, date: '2026-06-20' })];
    const items = allocate([withRetention()], payments);
    const before = interestToDate(items, { kind: 'sme-statutory' }, '2026-11-22');
    // ¥50,000 from 2026-06-02 to 2026-11-22, both counted: 174 days at 0.05 % = ¥4,350.00; the retention bears none.
    expect(
      before.documents.map((d) => [d.principalMinor, d.result.days, d.result.interest.minor, !!d.retention]),
    ).toEqual([[50_000_00, 174, 4_350_00, false]]);
    const after = interestToDate(items, { kind: 'sme-statutory' }, '2027-06-11');
    expect(after.documents.map((d) => [d.firstOverdueDay, d.principalMinor, d.result.days, !!d.retention])).toEqual([
      ['2026-06-02', 50_000_00, 375, false],
      ['2027-06-02', 50_000_00, 10, true],
    ]);
  });

  it('the overdue draft leaves the held retention out; the retention draft comes in its reminder days, citing art. 13', async () => {
    const { imDrafts } = await import('@/lib/toolkit/im');
    const items = allocate([withRetention()], [pay({ id: 'p', minor: 900_000_00, date: '2026-06-20' })]);
    const now = imDrafts({ lang: 'zh', t: translator('zh', 'toolkit'), asOf: '2026-11-22', receivables: items });
    expect(now.find((d) => d.key === 'overdue')?.text).toMatch(/¥50,000\.00 货款已到期未付/);
    expect(now.map((d) => d.key)).not.toContain('retention');
    const soon = imDrafts({ lang: 'zh', t: translator('zh', 'toolkit'), asOf: '2027-05-10', receivables: items }).find(
      (d) => d.key === 'retention',
    );
    expect(soon?.text).toMatch(/r1 的质保金 ¥50,000\.00 将于2027年6月1日到期.*第十三条/);
    const late = imDrafts({ lang: 'en', t: translator('en', 'toolkit'), asOf: '2027-06-10', receivables: items }).find(
      (d) => d.key === 'retention',
    );
    expect(late?.text).toMatch(/fell due on 1 Jun 2027.*art\. 13/);
  });
});
