import { agingBuckets, agingFromOpenByDue, agingReport, convertTotal } from '../../../lib/ledger/aging';

describe('agingReport', () => {
  it('uses five default buckets with the DESIGN.md keys', () => {
    expect(agingBuckets()).toEqual([
      { key: 'current', fromDays: null, toDays: 0 },
      { key: '1-30', fromDays: 1, toDays: 30 },
      { key: '31-60', fromDays: 31, toDays: 60 },
      { key: '61-90', fromDays: 61, toDays: 90 },
      { key: '90+', fromDays: 91, toDays: null },
    ]);
  });

  it('puts each open amount under asOf − dueDate, per currency, never adding across currencies', () => {
    const asOf = '2024-04-30';
    const r = agingReport(
      [
        { dueDate: '2024-05-10', open: { minor: 100, currency: 'CNY' } }, // −10 → current
        { dueDate: '2024-04-30', open: { minor: 200, currency: 'CNY' } }, // 0 → current
        { dueDate: '2024-04-29', open: { minor: 300, currency: 'CNY' } }, // 1
        { dueDate: '2024-03-31', open: { minor: 400, currency: 'CNY' } }, // 30
        { dueDate: '2024-03-30', open: { minor: 500, currency: 'CNY' } }, // 31
        { dueDate: '2024-01-31', open: { minor: 600, currency: 'CNY' } }, // 90
        { dueDate: '2024-01-30', open: { minor: 700, currency: 'CNY' } }, // 91
        { dueDate: '2024-01-01', open: { minor: 50, currency: 'USD' } },
      ],
      asOf,
    );
    expect(r.byCurrency.CNY).toEqual({ total: 2800, overdue: 2500, amounts: [300, 700, 500, 600, 700] });
    expect(r.byCurrency.USD).toEqual({ total: 50, overdue: 50, amounts: [0, 0, 0, 0, 50] });
  });

  it('supports custom buckets and the issue-date basis', () => {
    const items = [{ dueDate: '2024-04-20', issueDate: '2024-01-01', open: { minor: 10, currency: 'CNY' } }];
    const byIssue = agingReport(items, '2024-04-30', [30, 60, 90, 180], { basis: 'issue' });
    expect(byIssue.buckets.map((b) => b.key)).toEqual(['current', '1-30', '31-60', '61-90', '91-180', '180+']);
    expect(byIssue.byCurrency.CNY.amounts).toEqual([0, 0, 0, 0, 10, 0]); // 120 days since issue
    expect(byIssue.byCurrency.CNY.overdue).toBe(10);
  });

  it('reads the summary’s compact openByDue tuples', () => {
    const r = agingFromOpenByDue(
      [
        ['2024-04-01', 'CNY', 1000],
        ['2024-05-01', 'CNY', 500],
      ],
      '2024-04-15',
    );
    expect(r.byCurrency.CNY).toEqual({ total: 1500, overdue: 1000, amounts: [500, 1000, 0, 0, 0] });
  });

  it('converts totals only with user-entered rates', () => {
    const r = agingReport(
      [
        { dueDate: '2024-01-01', open: { minor: 10_000, currency: 'USD' } },
        { dueDate: '2024-05-01', open: { minor: 5_000, currency: 'CNY' } },
      ],
      '2024-04-15',
    );
    expect(convertTotal(r.byCurrency, {}, 'CNY')).toBeUndefined();
    expect(convertTotal(r.byCurrency, { USD: 7.1 }, 'CNY')).toEqual({
      total: 76_000,
      overdue: 71_000,
      amounts: [5_000, 0, 0, 0, 71_000],
    });
    const jpy = agingReport([{ dueDate: '2024-01-01', open: { minor: 1000, currency: 'JPY' } }], '2024-04-15');
    expect(convertTotal(jpy.byCurrency, { JPY: 0.048 }, 'CNY')!.total).toBe(4800); // ¥1000 JPY → ¥48.00 CNY
  });
});
