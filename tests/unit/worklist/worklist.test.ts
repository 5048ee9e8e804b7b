import type { CustomerSummary } from '@/lib/domain';
import { BOOSTS, compareRows, rankWorklist, scoreCustomer } from '@/lib/worklist';

const asOf = '2026-11-22';

function summary(p: Partial<CustomerSummary> & { customerId: string }): CustomerSummary {
  return {
    type: 'enterprise',
    open: {},
    openByDue: [],
    openCount: 1,
    disputedCount: 0,
    pendingPromiseCount: 0,
    brokenPromiseCount: 0,
    keptPromiseCount: 0,
    paidCount: 0,
    profileAnswered: 0,
    updatedAt: 0,
    ...p,
  };
}

/** ¥100,000.00 due 30 days ago. */
const plain = (id = 'a', extra: Partial<CustomerSummary> = {}) =>
  summary({
    customerId: id,
    open: { CNY: 10_000_000 },
    openByDue: [['2026-10-23', 'CNY', 10_000_000]],
    oldestOpenDue: '2026-10-23',
    ...extra,
  });

describe('worklist priority score — worked cases', () => {
  it('overdue amount × age: ¥100,000 30 days late = log10(100,001) × (1 + 30/90) = 6.67', () => {
    const row = scoreCustomer(plain(), asOf)!;
    expect(row.score).toBe(6.67);
    expect(row.parts).toEqual({ amountPoints: 5, ageFactor: 1.33, behaviourFactor: 1, holdFactor: 1, boosts: 0 });
    expect(row.reasons).toEqual([{ key: 'overdue', params: { minor: 10_000_000, currency: 'CNY', days: 30 } }]);
    expect(row.overdue).toEqual({ minor: 10_000_000, currency: 'CNY' });
    expect(row.oldestDaysPastDue).toBe(30);
  });

  it('a late payer with two broken promises, one just broken: × 1.75 + 8 = 19.67', () => {
    const row = scoreCustomer(
      plain('b', { avgDaysLate: 45, brokenPromiseCount: 2, lastBrokenPromiseDate: '2026-11-15' }),
      asOf,
      { promiseGraceDays: 3 },
    )!;
    // behaviour = 1 + 45/180 + 0.25 × 2 = 1.75; 5.0000043 × 1.3333 × 1.75 = 11.67; + 8 (broken 7 days ago ≤ 3 + 7)
    expect(row.parts.behaviourFactor).toBe(1.75);
    expect(row.parts.boosts).toBe(BOOSTS.promiseJustBroken);
    expect(row.score).toBe(19.67);
    expect(row.reasons.map((r) => r.key)).toEqual(['promiseJustBroken', 'overdue', 'brokenPromises', 'paysLate']);
  });

  it('a broken promise older than grace + 7 days only weighs through behaviour', () => {
    const row = scoreCustomer(plain('b', { brokenPromiseCount: 1, lastBrokenPromiseDate: '2026-11-01' }), asOf, {
      promiseGraceDays: 3,
    })!;
    expect(row.parts.boosts).toBe(0);
    expect(row.reasons.map((r) => r.key)).toEqual(['overdue', 'brokenPromises']);
  });

  it('held back by a dispute on half the documents and a promise not yet due: × 0.75 × 0.5 = 2.5', () => {
    const row = scoreCustomer(
      plain('c', { openCount: 2, disputedCount: 1, nextPromiseDate: '2026-11-30', pendingPromiseCount: 1 }),
      asOf,
    )!;
    expect(row.parts.holdFactor).toBe(0.38);
    expect(row.score).toBe(2.5);
    expect(row.reasons).toEqual([
      { key: 'overdue', params: { minor: 10_000_000, currency: 'CNY', days: 30 } },
      { key: 'disputed', params: { count: 1 } },
      { key: 'promisePending', params: { date: '2026-11-30' } },
    ]);
  });

  it('nothing overdue but a promise due today and a limitation deadline in the window: 6 + 10 = 16', () => {
    const row = scoreCustomer(
      summary({
        customerId: 'd',
        open: { CNY: 500_000 },
        openByDue: [['2026-12-01', 'CNY', 500_000]],
        nextPromiseDate: asOf,
        limitationDeadline: '2027-01-10',
      }),
      asOf,
      { limitationWarnDays: 90 },
    )!;
    expect(row.score).toBe(16);
    expect(row.reasons).toEqual([
      { key: 'limitationNear', params: { date: '2027-01-10', days: 49 } },
      { key: 'promiseToday', params: { date: asOf } },
    ]);
  });

  it('a promise past its date within the grace days (+3), a step planned today (+3), a limitation passed (+4)', () => {
    const row = scoreCustomer(
      summary({
        customerId: 'e',
        open: { CNY: 100 },
        openByDue: [['2026-12-01', 'CNY', 100]],
        nextPromiseDate: '2026-11-21',
        nextActivityDate: asOf,
        limitationDeadline: '2026-11-01',
      }),
      asOf,
    )!;
    expect(row.score).toBe(10);
    expect(row.reasons.map((r) => r.key)).toEqual(['limitationPassed', 'promiseInGrace', 'stepToday']);
  });

  it('several currencies without FX rates: each is log-scaled alone and the largest leads', () => {
    const s = summary({
      customerId: 'f',
      open: { CNY: 1_000_000, USD: 5_000_000 },
      openByDue: [
        ['2026-09-23', 'CNY', 1_000_000],
        ['2026-11-12', 'USD', 5_000_000],
      ],
    });
    // USD 50,000 10 days late: log10(50,001) × (1 + 10/90) = 5.22; the CNY 10,000 does not add.
    const row = scoreCustomer(s, asOf, { baseCurrency: 'CNY' })!;
    expect(row.score).toBe(5.22);
    expect(row.overdue).toEqual({ minor: 5_000_000, currency: 'USD' });
    expect(row.overdueByCurrency).toEqual({ CNY: 1_000_000, USD: 5_000_000 });
  });

  it('with FX rates the currencies are converted into the base currency and added', () => {
    const s = summary({
      customerId: 'f',
      open: { CNY: 1_000_000, USD: 5_000_000 },
      openByDue: [
        ['2026-09-23', 'CNY', 1_000_000],
        ['2026-11-12', 'USD', 5_000_000],
      ],
    });
    // ¥10,000 (60 d) + $50,000 × 7.2 = ¥360,000 (10 d) = ¥370,000; weighted days 11.35; log10(370,001) × 1.126 = 6.27
    const row = scoreCustomer(s, asOf, { baseCurrency: 'CNY', fxRates: { USD: 7.2 } })!;
    expect(row.score).toBe(6.27);
    expect(row.overdue).toEqual({ minor: 37_000_000, currency: 'CNY' });
    expect(row.reasons[0]).toEqual({
      key: 'overdueConverted',
      params: { minor: 37_000_000, currency: 'CNY', days: 11, currencies: 2 },
    });
  });

  it('caps age at 360 days and behaviour at 90 days late and four broken promises', () => {
    const s = summary({
      customerId: 'g',
      open: { CNY: 100_000_000 },
      openByDue: [['2024-01-01', 'CNY', 100_000_000]],
      avgDaysLate: 400,
      brokenPromiseCount: 9,
    });
    // log10(1,000,001) × 5 × 2.5 = 75.00
    expect(scoreCustomer(s, asOf)!.score).toBe(75);
  });

  it('leaves out customers with nothing to chase', () => {
    expect(
      scoreCustomer(summary({ customerId: 'h', open: { CNY: 100 }, openByDue: [['2026-12-01', 'CNY', 100]] }), asOf),
    ).toBeUndefined();
    expect(scoreCustomer(summary({ customerId: 'i', openCount: 0 }), asOf)).toBeUndefined();
  });

  it('the currency filter scores only that currency', () => {
    const s = summary({
      customerId: 'f',
      open: { CNY: 1_000_000, USD: 5_000_000 },
      openByDue: [
        ['2026-09-23', 'CNY', 1_000_000],
        ['2026-11-12', 'USD', 5_000_000],
      ],
    });
    const row = scoreCustomer(s, asOf, { currency: 'CNY' })!;
    expect(row.overdue).toEqual({ minor: 1_000_000, currency: 'CNY' });
    expect(row.overdueByCurrency).toEqual({ CNY: 1_000_000 });
  });
});

describe('rankWorklist', () => {
  const list = [
    plain('small', { openByDue: [['2026-10-23', 'CNY', 100_000]], open: { CNY: 100_000 } }),
    plain('big'),
    plain('broken', { brokenPromiseCount: 1, lastBrokenPromiseDate: '2026-11-20' }),
    summary({ customerId: 'none', open: { CNY: 100 }, openByDue: [['2026-12-30', 'CNY', 100]] }),
    plain('disputed', { disputedCount: 1 }),
    plain('lisa', { owner: 'Li', type: 'government' }),
  ];

  it('orders by score, best first, with ties broken by amount then id, and drops customers with nothing to chase', () => {
    const rows = rankWorklist(list, asOf);
    expect(rows.map((r) => r.customerId)).toEqual(['broken', 'big', 'lisa', 'small', 'disputed']);
    for (let i = 1; i < rows.length; i++) expect(compareRows(rows[i - 1], rows[i])).toBeLessThan(0);
  });

  it('keeps only the top `limit`, the same as sorting everything', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      plain(`c${String(i).padStart(3, '0')}`, {
        openByDue: [['2026-10-23', 'CNY', 10_000 + ((i * 7919) % 1000) * 1000]],
      }),
    );
    const all = rankWorklist(many, asOf, {}, 1000);
    expect(rankWorklist(many, asOf, {}, 25)).toEqual(all.slice(0, 25));
  });

  it('filters by owner and type', () => {
    expect(rankWorklist(list, asOf, {}, 100, { owner: 'Li' }).map((r) => r.customerId)).toEqual(['lisa']);
    expect(rankWorklist(list, asOf, {}, 100, { type: 'government' }).map((r) => r.customerId)).toEqual(['lisa']);
    expect(rankWorklist(list, asOf, {}, 100, { currency: 'USD' })).toEqual([]);
  });
});
