/**
 * 逾期利息 / 违约金: late-payment interest on an overdue amount, as the contract, the LPR or the SME payment
 * regulation states it (DESIGN.md stable API `lateInterest`).
 *
 * Day count: from the first day overdue to the day paid, both days counted (2026-02-01 → 2026-05-01 is 90 days).
 * Rates are fractions: 0.05 % a day is `{ kind: 'per-day', rate: 0.0005 }`. A per-year rate accrues 1/365 of itself
 * a day, in leap years too (the courts' and the banks' 365-day year for RMB). An LPR rule applies each row of the
 * table from its effective date, so a change inside the period splits it. The figure is rounded once, half up, to
 * the currency's minor unit; the per-segment figures are kept unrounded so they add up to it.
 */
import type { Money } from '../domain';
import { isoDate } from '../domain';
import { addDays, daysBetween, maxDay, minDay } from '../ledger/dates';
import { type LprRow, publishedLpr, sortedLpr } from './lpr';

export type InterestRule =
  | { kind: 'per-day'; rate: number }
  | { kind: 'per-year'; rate: number }
  | { kind: 'lpr'; multiple: number; table?: Array<{ from: string; rate: number }> };

/** 《保障中小企业款项支付条例》(2025) art. 17: without an agreed rate, 0.05 % a day (日万分之五). */
export const smeStatutoryRule: InterestRule = { kind: 'per-day', rate: 0.0005 };

export interface InterestSegment {
  /** First and last day of the stretch, both counted. */
  from: string;
  to: string;
  days: number;
  /** The daily rate applied (a fraction). */
  dailyRate: number;
  /** The LPR row that applied, for an LPR rule. */
  lpr?: LprRow;
  /** Unrounded minor units. */
  minor: number;
}

export interface InterestResult {
  interest: Money;
  days: number;
  segments: InterestSegment[];
}

export class InterestInputError extends Error {
  constructor(
    readonly field: 'principal' | 'firstOverdueDay' | 'paidOn' | 'rate' | 'multiple' | 'table',
    message: string,
  ) {
    super(message);
    this.name = 'InterestInputError';
  }
}

function checkInputs(principal: Money, firstOverdueDay: string, paidOn: string, rule: InterestRule): void {
  if (!Number.isSafeInteger(principal.minor) || principal.minor < 0)
    throw new InterestInputError('principal', 'principal must be a non-negative whole number of minor units');
  if (!isoDate.safeParse(firstOverdueDay).success)
    throw new InterestInputError('firstOverdueDay', `first overdue day "${firstOverdueDay}" is not a YYYY-MM-DD date`);
  if (!isoDate.safeParse(paidOn).success)
    throw new InterestInputError('paidOn', `payment day "${paidOn}" is not a YYYY-MM-DD date`);
  if (rule.kind === 'lpr') {
    if (!Number.isFinite(rule.multiple) || rule.multiple < 0)
      throw new InterestInputError('multiple', 'the LPR multiple must be a number ≥ 0');
    for (const [i, row] of (rule.table ?? []).entries()) {
      if (!isoDate.safeParse(row.from).success)
        throw new InterestInputError('table', `LPR row ${i + 1}: "${row.from}" is not a YYYY-MM-DD date`);
      if (!Number.isFinite(row.rate) || row.rate < 0 || row.rate > 1)
        throw new InterestInputError(
          'table',
          `LPR row ${i + 1}: the rate must be a fraction between 0 and 1 (3.00 % is 0.03)`,
        );
    }
  } else if (!Number.isFinite(rule.rate) || rule.rate < 0) {
    throw new InterestInputError('rate', 'the rate must be a number ≥ 0 (0.05 % is 0.0005)');
  }
}

/** Days from the first day overdue to the payment day, both counted; 0 when paid before it. */
export function overdueDays(firstOverdueDay: string, paidOn: string): number {
  return Math.max(0, daysBetween(firstOverdueDay, paidOn) + 1);
}

function lprSegments(
  minor: number,
  first: string,
  last: string,
  multiple: number,
  table: readonly LprRow[],
): InterestSegment[] {
  const rows = sortedLpr(table);
  if (!rows.length || rows[0].from > first) {
    throw new InterestInputError(
      'table',
      `no LPR value in the table takes effect on or before ${first} (the table starts ${rows[0]?.from ?? 'nowhere'})`,
    );
  }
  const out: InterestSegment[] = [];
  rows.forEach((row, i) => {
    const rowLast = i + 1 < rows.length ? addDays(rows[i + 1].from, -1) : last;
    const from = maxDay(first, row.from);
    const to = minDay(last, rowLast);
    if (from > to) return;
    const days = daysBetween(from, to) + 1;
    const dailyRate = (row.rate * multiple) / 365;
    out.push({ from, to, days, dailyRate, lpr: row, minor: minor * dailyRate * days });
  });
  return out;
}

export function lateInterest(
  principal: Money,
  firstOverdueDay: string,
  paidOn: string,
  rule: InterestRule,
): InterestResult {
  checkInputs(principal, firstOverdueDay, paidOn, rule);
  const days = overdueDays(firstOverdueDay, paidOn);
  if (days === 0 || principal.minor === 0)
    return { interest: { minor: 0, currency: principal.currency }, days, segments: [] };
  const segments =
    rule.kind === 'lpr'
      ? lprSegments(principal.minor, firstOverdueDay, paidOn, rule.multiple, rule.table ?? publishedLpr)
      : [
          {
            from: firstOverdueDay,
            to: paidOn,
            days,
            dailyRate: rule.kind === 'per-day' ? rule.rate : rule.rate / 365,
            minor: 0,
          },
        ].map((s) => ({ ...s, minor: principal.minor * s.dailyRate * s.days }));
  const total = segments.reduce((s, x) => s + x.minor, 0);
  // A tiny epsilon absorbs binary noise (100000 × 0.0005 × 90 = 4500.000000000001) before rounding half up.
  return { interest: { minor: Math.round(total + 1e-9), currency: principal.currency }, days, segments };
}

/**
 * 条例 art. 17: an agreed rate may not be below the one-year LPR at the contract's signing. Returns the LPR row in
 * effect on `signedOn` and whether the agreed rule (as an annual rate) falls below it; undefined before any LPR.
 */
export function belowSmeFloor(
  rule: InterestRule,
  signedOn: string,
  table: readonly LprRow[] = publishedLpr,
): { lpr: LprRow; annualRate: number; below: boolean } | undefined {
  const rows = sortedLpr(table).filter((r) => r.from <= signedOn);
  const lpr = rows[rows.length - 1];
  if (!lpr) return undefined;
  const annualRate =
    rule.kind === 'per-day' ? rule.rate * 365 : rule.kind === 'per-year' ? rule.rate : lpr.rate * rule.multiple;
  return { lpr, annualRate, below: annualRate < lpr.rate - 1e-12 };
}
