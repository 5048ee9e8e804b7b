/**
 * lateInterest (DESIGN.md): one table per rule. Expected figures are worked by hand in the comments, not by the
 * code under test: principal × daily rate × days, both end days counted, per-year rates over 365 days.
 */
import { describe, expect, it } from 'vitest';
import { lateInterest as fromIndex } from '../../../lib/index';
import {
  InterestInputError,
  belowSmeFloor,
  lateInterest,
  overdueDays,
  smeStatutoryRule,
} from '../../../lib/toolkit/interest';
import { lprOn, publishedLpr } from '../../../lib/toolkit/lpr';

const cny = (yuan: number) => ({ minor: Math.round(yuan * 100), currency: 'CNY' });

describe('day count', () => {
  it.each([
    ['2026-02-01', '2026-05-01', 90], // 28 + 31 + 30 + 1: both days counted
    ['2026-02-01', '2026-02-01', 1], // paid on the first overdue day: one day
    ['2026-02-02', '2026-02-01', 0], // paid before it: none
    ['2024-02-28', '2024-03-01', 3], // leap day counted
    ['2025-12-31', '2026-01-01', 2],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(overdueDays(from, to)).toBe(days);
  });
});

describe('per-day rule', () => {
  it.each([
    // The example: ¥100,000 × 0.0005 × 90 = ¥4,500.00
    [cny(100_000), '2026-02-01', '2026-05-01', 0.0005, 90, 450_000],
    // ¥12,345.67 × 0.0003 × 31 = 114.8147… → ¥114.81
    [cny(12_345.67), '2026-03-01', '2026-03-31', 0.0003, 31, 11_481],
    // Half a fen rounds up: 1 fen × 0.5 × 1 = 0.5 fen → 1 fen
    [{ minor: 1, currency: 'CNY' }, '2026-01-01', '2026-01-01', 0.5, 1, 1],
    // JPY has no minor unit: ¥1,000,000 × 0.0001 × 10 = ¥1,000
    [{ minor: 1_000_000, currency: 'JPY' }, '2026-01-01', '2026-01-10', 0.0001, 10, 1_000],
    // Paid before the first overdue day: nothing
    [cny(100_000), '2026-02-01', '2026-01-31', 0.0005, 0, 0],
  ])('%o from %s to %s at %d/day → %i days, %i minor', (principal, from, to, rate, days, minor) => {
    const r = lateInterest(principal, from, to, { kind: 'per-day', rate });
    expect(r).toMatchObject({ days, interest: { minor, currency: principal.currency } });
  });

  it('the SME statutory rule is 0.05 % a day', () => {
    expect(lateInterest(cny(100_000), '2026-02-01', '2026-05-01', smeStatutoryRule).interest.minor).toBe(450_000);
  });
});

describe('per-year rule', () => {
  it.each([
    // ¥100,000 × 6 % × 90 / 365 = 1,479.452… → ¥1,479.45
    [cny(100_000), '2026-02-01', '2026-05-01', 0.06, 90, 147_945],
    // 365 days at 10 % is exactly 10 %: ¥50,000 → ¥5,000.00
    [cny(50_000), '2026-01-01', '2026-12-31', 0.1, 365, 500_000],
    // A leap year still divides by 365: 366 days at 10 % of ¥36,500 = ¥3,660.00
    [cny(36_500), '2024-01-01', '2024-12-31', 0.1, 366, 366_000],
  ])('%o from %s to %s at %d/year → %i days, %i minor', (principal, from, to, rate, days, minor) => {
    expect(lateInterest(principal, from, to, { kind: 'per-year', rate })).toMatchObject({ days, interest: { minor } });
  });
});

describe('LPR rule', () => {
  it('one LPR value over the whole period: 1.5 × 3.00 % on ¥100,000 for 90 days = ¥1,109.59', () => {
    // 100,000 × 0.045 × 90 / 365 = 1,109.589…
    const r = lateInterest(cny(100_000), '2026-02-01', '2026-05-01', { kind: 'lpr', multiple: 1.5 });
    expect(r.days).toBe(90);
    expect(r.interest.minor).toBe(110_959);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0].lpr).toEqual({ from: '2025-05-20', rate: 0.03 });
  });

  it('an LPR change inside the period splits it at the effective date (shipped table, 2024-10-21: 3.35 % → 3.10 %)', () => {
    // 2024-10-01..10-20: 20 days × 3.35 % / 365 × ¥1,000,000 = 1,835.616…
    // 2024-10-21..10-31: 11 days × 3.10 % / 365 × ¥1,000,000 =   934.246…  → total 2,769.863… → ¥2,769.86
    const r = lateInterest(cny(1_000_000), '2024-10-01', '2024-10-31', { kind: 'lpr', multiple: 1 });
    expect(r.days).toBe(31);
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.lpr?.rate])).toEqual([
      ['2024-10-01', '2024-10-20', 20, 0.0335],
      ['2024-10-21', '2024-10-31', 11, 0.031],
    ]);
    expect(r.interest.minor).toBe(276_986);
  });

  it('a table given by the caller, out of order, with two changes inside the period', () => {
    const table = [
      { from: '2026-03-01', rate: 0.04 },
      { from: '2026-01-01', rate: 0.0365 },
      { from: '2026-02-15', rate: 0.0292 },
    ];
    // ¥73,000 at multiple 2:
    // 02-10..02-14: 5 days × 7.30 % / 365 = 0.02 % a day → ¥14.60 × 5 = ¥73.00
    // 02-15..02-28: 14 days × 5.84 % / 365 = 0.016 % a day → ¥11.68 × 14 = ¥163.52
    // 03-01..03-10: 10 days × 8.00 % / 365 → ¥16.00 × 10 = ¥160.00          total ¥396.52
    const r = lateInterest(cny(73_000), '2026-02-10', '2026-03-10', { kind: 'lpr', multiple: 2, table });
    expect(r.days).toBe(29);
    expect(r.segments.map((s) => s.days)).toEqual([5, 14, 10]);
    expect(r.interest.minor).toBe(39_652);
  });

  it('a period starting before the first LPR is refused with the reason', () => {
    expect(() => lateInterest(cny(1), '2019-08-01', '2019-09-01', { kind: 'lpr', multiple: 1 })).toThrow(
      /no LPR value .* on or before 2019-08-01/,
    );
  });

  it('the shipped table starts at the 2019-08-20 reform and is in date order with plausible rates', () => {
    expect(publishedLpr[0]).toEqual({ from: '2019-08-20', rate: 0.0425 });
    for (let i = 1; i < publishedLpr.length; i++) expect(publishedLpr[i].from > publishedLpr[i - 1].from).toBe(true);
    expect(lprOn('2024-10-20')?.rate).toBe(0.0335);
    expect(lprOn('2024-10-21')?.rate).toBe(0.031);
    expect(lprOn('2019-08-19')).toBeUndefined();
  });
});

describe('bad input', () => {
  it.each([
    [() => lateInterest(cny(1), '2026-02-30', '2026-03-01', smeStatutoryRule), 'firstOverdueDay'],
    [() => lateInterest(cny(1), '2026-02-01', '1/3/2026', smeStatutoryRule), 'paidOn'],
    [() => lateInterest({ minor: -5, currency: 'CNY' }, '2026-02-01', '2026-03-01', smeStatutoryRule), 'principal'],
    [() => lateInterest(cny(1), '2026-02-01', '2026-03-01', { kind: 'per-year', rate: Number.NaN }), 'rate'],
    [
      () =>
        lateInterest(cny(1), '2026-02-01', '2026-03-01', {
          kind: 'lpr',
          multiple: 1,
          table: [{ from: '2026-01-01', rate: 3 }],
        }),
      'table',
    ],
  ])('names the field (%#)', (call, field) => {
    try {
      call();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InterestInputError);
      expect((e as InterestInputError).field).toBe(field);
    }
  });
});

describe('the SME floor (条例 art. 17)', () => {
  it('an agreed 0.01 % a day (3.65 %/yr) is not below the 3.45 % LPR of 2023-09-01; 3 %/yr is', () => {
    expect(belowSmeFloor({ kind: 'per-day', rate: 0.0001 }, '2023-09-01')).toMatchObject({
      below: false,
      lpr: { rate: 0.0345 },
    });
    expect(belowSmeFloor({ kind: 'per-year', rate: 0.03 }, '2023-09-01')).toMatchObject({ below: true });
  });
});

it('is exported from the stable API', () => {
  expect(fromIndex).toBe(lateInterest);
});
