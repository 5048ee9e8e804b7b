import { translator } from '@/lib/i18n';
import {
  averageDaysDelinquent,
  avgDaysLate,
  bestPossibleDso,
  cei,
  countbackMonths,
  dsoCountback,
  dsoSimple,
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

  it('publishes every formula in both languages, word for word', () => {
    const keys = ['dso', 'dsoCountback', 'bpdso', 'add', 'cei', 'avgDaysLate', 'promiseKeptRatio'] as const;
    const formula = (k: (typeof keys)[number], lang: 'zh' | 'en') => translator(lang, 'popup')(`metrics.formulas.${k}`);
    expect(Object.fromEntries(keys.map((k) => [k, { zh: formula(k, 'zh'), en: formula(k, 'en') }])))
      .toMatchInlineSnapshot(`
      {
        "add": {
          "en": "Average Days Delinquent (ADD) = DSO − Best Possible DSO",
          "zh": "平均逾期天数 ADD = DSO − 最佳可能 DSO",
        },
        "avgDaysLate": {
          "en": "Average days late = Σ(amount × max(0, settled date − due date)) ÷ Σ amount over settled documents (amount-weighted)",
          "zh": "平均逾期付款天数 = Σ(金额 × max(0, 结清日 − 到期日)) ÷ Σ金额，按已结清单据计算，按金额加权",
        },
        "bpdso": {
          "en": "Best Possible DSO = current (not yet due) AR ÷ credit sales in the period × days in the period",
          "zh": "最佳可能 DSO = 未到期应收账款 ÷ 期间赊销额 × 期间天数",
        },
        "cei": {
          "en": "CEI = (beginning AR + credit sales ÷ N − ending total AR) ÷ (beginning AR + credit sales ÷ N − ending current AR) × 100, N = months in the period (N = 1 for a one-month period)",
          "zh": "回款有效性指数 CEI = (期初应收 + 赊销额 ÷ 月数 − 期末应收总额) ÷ (期初应收 + 赊销额 ÷ 月数 − 期末未到期应收) × 100%（月数 N = 期间月数，单月期间即不除）",
        },
        "dso": {
          "en": "DSO (simple) = ending AR ÷ credit sales in the period × days in the period",
          "zh": "DSO（简单法）= 期末应收账款 ÷ 期间赊销额 × 期间天数",
        },
        "dsoCountback": {
          "en": "DSO (countback) = starting with the latest month, subtract each month's credit sales from ending AR and add that month's days; for the month AR no longer covers, add days × remaining AR ÷ that month's sales",
          "zh": "DSO（倒推法）= 从最近一个月起逐月用期末应收冲减当月赊销额并累加当月天数；应收不足冲减一整月时，加上 当月天数 × 剩余应收 ÷ 当月赊销额",
        },
        "promiseKeptRatio": {
          "en": "Promise-kept ratio = kept promises ÷ (kept + broken promises); pending and cancelled ones are not counted",
          "zh": "承诺兑现率 = 已兑现承诺数 ÷ (已兑现 + 已违约承诺数)；待定和已取消的不计",
        },
      }
    `);
  });
});
