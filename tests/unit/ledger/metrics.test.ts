import {
  averageDaysDelinquent,
  avgDaysLate,
  bestPossibleDso,
  cei,
  countbackMonths,
  dsoCountback,
  dsoSimple,
  metricFormulas,
  promiseKeptRatio,
  settlementDays,
} from '../../../lib/ledger/metrics';

describe('collection metrics (worked examples)', () => {
  it.each([
    [200_000, 2_000_000, 365, 36.5], // Upflow
    [15_000, 10_000, 30, 45], // creditguru
    [0, 10_000, 30, 0],
  ])('simple DSO: AR %i, sales %i, %i days → %f', (endingAR, creditSales, days, want) => {
    expect(dsoSimple({ endingAR, creditSales, days })).toBeCloseTo(want, 6);
  });
  it('simple DSO is undefined without sales', () =>
    expect(dsoSimple({ endingAR: 1, creditSales: 0, days: 30 })).toBeUndefined());

  it('countback DSO walks back month by month (Oracle HFM table)', () => {
    const months = [
      { sales: 2500, days: 30 },
      { sales: 1750, days: 31 },
      { sales: 2250, days: 31 },
      { sales: 2500, days: 30 },
      { sales: 2000, days: 31 },
      { sales: 2250, days: 30 },
    ];
    expect(dsoCountback(13_000, months).days).toBeCloseTo(179.67, 2);
    expect(dsoCountback(12_000, months).days).toBeCloseTo(166.33, 2);
    expect(dsoCountback(1_000, months).days).toBeCloseTo(12, 6); // 30 × 1000/2500
    expect(dsoCountback(100_000, months)).toEqual({ days: 183, exhausted: false });
  });

  it('builds countback months from the summary’s salesByMonth tuples', () => {
    const m = countbackMonths(
      [
        ['2024-03', 'CNY', 100],
        ['2024-01', 'CNY', 50],
        ['2024-03', 'USD', 9],
      ],
      'CNY',
      '2024-03',
      3,
    );
    expect(m).toEqual([
      { month: '2024-03', sales: 100, days: 31 },
      { month: '2024-02', sales: 0, days: 29 },
      { month: '2024-01', sales: 50, days: 31 },
    ]);
  });

  it('Best Possible DSO and ADD (creditguru: 45 − 12 = 33)', () => {
    expect(bestPossibleDso({ currentAR: 4000, creditSales: 10_000, days: 30 })).toBeCloseTo(12, 6);
    expect(averageDaysDelinquent({ endingAR: 15_000, currentAR: 4000, creditSales: 10_000, days: 30 })).toBeCloseTo(
      33,
      6,
    );
  });

  it.each([
    [{ beginAR: 6200, creditSales: 10_890, endTotalAR: 6340, endCurrentAR: 3590, months: 3 }, 55.9],
    [{ beginAR: 6200, creditSales: 10_890, endTotalAR: 6340, endCurrentAR: 3590 }, 79.6], // sales not divided
    [{ beginAR: 1000, creditSales: 1000, endTotalAR: 0, endCurrentAR: 0 }, 100],
  ])('CEI %o → %f %%', (input, want) => expect(cei(input)!).toBeCloseTo(want, 1));

  it('average days late is amount-weighted over settled documents, early payment = 0', () => {
    const items = [
      { dueDate: '2024-01-31', settledOn: '2024-02-10', amount: { minor: 30_000, currency: 'CNY' } }, // 10 d
      { dueDate: '2024-01-31', settledOn: '2024-03-01', amount: { minor: 10_000, currency: 'CNY' } }, // 30 d
      { dueDate: '2024-01-31', settledOn: '2024-01-20', amount: { minor: 60_000, currency: 'CNY' } }, // early → 0
      { dueDate: '2024-01-31', amount: { minor: 99_999, currency: 'CNY' } }, // open, ignored
    ];
    expect(avgDaysLate(items)).toBeCloseTo((300 * 10 + 100 * 30) / 1000, 6);
    expect(avgDaysLate(items, { allowEarly: true })).toBeCloseTo((300 * 10 + 100 * 30 - 600 * 11) / 1000, 6);
    expect(avgDaysLate([])).toBeUndefined();
  });

  it('days to settle and days late as in the IBM sample', () => {
    expect(settlementDays({ issueDate: '2013-01-26', dueDate: '2013-02-25', settledOn: '2013-03-03' })).toEqual({
      toSettle: 36,
      late: 6,
    });
    expect(settlementDays({ issueDate: '2013-01-02', dueDate: '2013-02-01', settledOn: '2013-01-15' })).toEqual({
      toSettle: 13,
      late: 0,
    });
  });

  it('promise-kept ratio ignores pending and cancelled', () => {
    expect(
      promiseKeptRatio([
        { status: 'kept' },
        { status: 'kept' },
        { status: 'broken' },
        { status: 'pending' },
        { status: 'cancelled' },
      ]),
    ).toBeCloseTo(2 / 3, 6);
    expect(promiseKeptRatio([{ status: 'pending' }])).toBeUndefined();
  });

  it('publishes every formula in both languages', () => {
    for (const k of ['dso', 'dsoCountback', 'bpdso', 'add', 'cei', 'avgDaysLate', 'promiseKeptRatio'] as const) {
      expect(metricFormulas[k].zh.length).toBeGreaterThan(5);
      expect(metricFormulas[k].en.length).toBeGreaterThan(5);
    }
    expect(metricFormulas.cei.en).toContain('÷ N');
  });
});
