import { emptyPortfolio } from '@/lib/db/portfolio';
import { periodMonths, portfolioFigures, scoreboard } from '@/components/popup/metrics';

describe('popup metrics from the aggregate', () => {
  // creditguru's example scaled to a 3-month period: AR 15,000, current 4,000, sales 10,000.
  const agg = emptyPortfolio();
  agg.openByDue = { CNY: { '2026-12-15': 400_000, '2026-11-01': 600_000, '2026-08-01': 500_000 } };
  agg.salesByMonth = { CNY: { '2026-09': 300_000, '2026-10': 300_000, '2026-11': 400_000, '2026-08': 900_000 } };
  agg.collectedByMonth = { CNY: { '2026-11': 500_000, '2026-10': 300_000 } };
  agg.keptPromises = 3;
  agg.brokenPromises = 1;
  const asOf = '2026-11-30';

  it('uses the current month and the two before it', () => {
    expect(periodMonths(asOf)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('computes aging, DSO, Best Possible DSO, ADD and CEI per currency', () => {
    const f = portfolioFigures(agg, asOf, [30, 60, 90]);
    const row = f.rows[0];
    expect(row).toMatchObject({
      currency: 'CNY',
      total: 1_500_000,
      overdue: 1_100_000,
      current: 400_000,
      sales: 1_000_000,
      collected: 800_000,
      periodDays: 91,
    });
    expect(row.amounts).toEqual([400_000, 600_000, 0, 0, 500_000]);
    expect(row.dso).toBeCloseTo(1.5 * 91, 10);
    expect(row.bpdso).toBeCloseTo(0.4 * 91, 10);
    expect(row.add).toBeCloseTo(1.1 * 91, 10);
    // begin = 1,500,000 − 1,000,000 + 800,000 = 1,300,000, the AR at the start of the whole period, so the whole
    // period's sales go in: CEI = (1.3M + 1M − 1.5M) ÷ (1.3M + 1M − 0.4M) × 100 = collections ÷ (collections + overdue)
    expect(row.cei).toBeCloseTo(((1_300_000 + 1_000_000 - 1_500_000) / (1_300_000 + 1_000_000 - 400_000)) * 100, 10);
  });

  it('builds the scoreboard: collected against target, kept ratio, days to collect and its trend', () => {
    const f = portfolioFigures(agg, asOf, [30, 60, 90]);
    const b = scoreboard(agg, asOf, f, { baseCurrency: 'CNY', monthlyTarget: { minor: 1_000_000, currency: 'CNY' } });
    expect(b.collectedThisMonth).toEqual({ CNY: 500_000 });
    expect(b.target).toEqual({ minor: 1_000_000, currency: 'CNY', collected: 500_000, ratio: 0.5 });
    expect(b.keptRatio).toBe(0.75);
    // End of October: AR = 1.5M − 0.4M sales + 0.5M collected = 1.6M; Aug–Oct sales 1.5M over 92 days.
    expect(b.daysToCollect?.lastMonth).toBeCloseTo((1_600_000 / 1_500_000) * 92, 10);
    expect(b.daysToCollect?.trend).toBeCloseTo(1.5 * 91 - (1_600_000 / 1_500_000) * 92, 10);
  });

  it('leaves metrics out when there were no sales in the period', () => {
    const a = emptyPortfolio();
    a.openByDue = { USD: { '2026-01-01': 100 } };
    const row = portfolioFigures(a, asOf, [30, 60, 90]).rows[0];
    expect(row.dso).toBeUndefined();
    expect(row.bpdso).toBeUndefined();
    // Nothing collected out of what was collectible: CEI is 0 %, not undefined.
    expect(row.cei).toBe(0);
  });
});
