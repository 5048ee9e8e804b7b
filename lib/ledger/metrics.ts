/**
 * Collection metrics. Inputs are plain numbers in one currency's minor units (the caller picks the currency or
 * converts with user rates first); outputs are days or percentages as floating-point figures for display only —
 * no money is computed here. Each function returns undefined where the formula would divide by zero.
 * Sources: docs/research ar-collections-anchors.md §2 (creditguru, Oracle HFM, Upflow).
 */
import { daysBetween, daysInMonthOf, prevMonth } from './dates';
import { currencyDecimals } from './money';

/** The metrics whose formulas the UI shows (their wording: popup:metrics.formulas.<key> in the locale files). */
export type MetricKey = 'dso' | 'dsoCountback' | 'bpdso' | 'add' | 'cei' | 'avgDaysLate' | 'promiseKeptRatio';

/**
 * Simple DSO = endingAR ÷ creditSales × days.
 * Example (Upflow): 200,000 ÷ 2,000,000 × 365 = 36.5 days.
 */
export function dsoSimple(input: { endingAR: number; creditSales: number; days: number }): number | undefined {
  if (!(input.creditSales > 0)) return undefined;
  return (input.endingAR / input.creditSales) * input.days;
}

/**
 * Countback (exhaustion) DSO: walk back month by month from the latest. While the remaining AR covers a month's
 * credit sales, subtract them and add the month's days; for the first month it does not cover, add
 * days × remaining ÷ sales and stop. If AR outlasts every month given, the result is the sum of all their days
 * (a lower bound) and `exhausted` is false.
 * Example (the Oracle HFM month table): Sep 2,500/30 d, Aug 1,750/31, Jul 2,250/31, Jun 2,500/30, May 2,000/31,
 * Apr 2,250/30. With AR 13,000: 153 days for Sep–May (11,000) + 30 × 2,000 ÷ 2,250 = 26.7 → 179.7 days (the
 * figure Oracle prints; its page says debtors 12,000, which would give 153 + 13.3 = 166.3).
 */
export function dsoCountback(
  endingAR: number,
  months: Array<{ sales: number; days: number }>,
): { days: number; exhausted: boolean } {
  let left = endingAR;
  let days = 0;
  if (left <= 0) return { days: 0, exhausted: true };
  for (const m of months) {
    if (m.sales > 0 && left <= m.sales) return { days: days + (m.days * left) / m.sales, exhausted: true };
    left -= Math.max(0, m.sales);
    days += m.days;
  }
  return { days, exhausted: false };
}

/**
 * Countback months from `[YYYY-MM, currency, minor]` tuples (the summary's salesByMonth), newest first, starting
 * at `fromMonth` and going back `count` months (months without sales count with 0 sales).
 */
export function countbackMonths(
  salesByMonth: Array<[string, string, number]>,
  currency: string,
  fromMonth: string,
  count = 12,
): Array<{ month: string; sales: number; days: number }> {
  const m = new Map<string, number>();
  for (const [ym, cur, minor] of salesByMonth) if (cur === currency) m.set(ym, (m.get(ym) ?? 0) + minor);
  const out: Array<{ month: string; sales: number; days: number }> = [];
  let ym = fromMonth;
  for (let i = 0; i < count; i++) {
    out.push({ month: ym, sales: m.get(ym) ?? 0, days: daysInMonthOf(ym) });
    ym = prevMonth(ym);
  }
  return out;
}

/**
 * Best Possible DSO = currentAR (not yet due) ÷ creditSales × days.
 * Example (creditguru): 4,000 ÷ 10,000 × 30 = 12 days.
 */
export function bestPossibleDso(input: { currentAR: number; creditSales: number; days: number }): number | undefined {
  if (!(input.creditSales > 0)) return undefined;
  return (input.currentAR / input.creditSales) * input.days;
}

/**
 * Average Days Delinquent = DSO − Best Possible DSO, both simple DSO on the same sales and days.
 * Example (creditguru): AR 15,000, current 4,000, sales 10,000 in 30 days → 45 − 12 = 33 days.
 */
export function averageDaysDelinquent(input: {
  endingAR: number;
  currentAR: number;
  creditSales: number;
  days: number;
}): number | undefined {
  const dso = dsoSimple(input);
  const best = bestPossibleDso(input);
  return dso === undefined || best === undefined ? undefined : dso - best;
}

/**
 * Collection Effectiveness Index, the creditguru/Oracle variant with sales divided by the number of months:
 * CEI = (beginAR + creditSales ÷ N − endTotalAR) ÷ (beginAR + creditSales ÷ N − endCurrentAR) × 100.
 * With `months` = 1 (the default, a one-month period) this is (begin + sales − end total) ÷ (begin + sales − end
 * current) × 100. Example (creditguru, 3 months): begin 6,200, sales 10,890, end total 6,340, end current 3,590
 * → (6,200 + 3,630 − 6,340) ÷ (6,200 + 3,630 − 3,590) × 100 = 55.9 %.
 */
export function cei(input: {
  beginAR: number;
  creditSales: number;
  endTotalAR: number;
  endCurrentAR: number;
  months?: number;
}): number | undefined {
  const n = input.months ?? 1;
  if (!(n > 0)) return undefined;
  const base = input.beginAR + input.creditSales / n;
  const denom = base - input.endCurrentAR;
  if (denom === 0) return undefined;
  return ((base - input.endTotalAR) / denom) * 100;
}

/**
 * Amount-weighted average days late over settled documents: Σ(amount × max(0, settledOn − dueDate)) ÷ Σ amount.
 * Early payment counts as 0 days late (as the IBM sample's DaysLate does) unless `allowEarly`. Documents without
 * `settledOn` are ignored. Within one currency the weights are minor units; with several currencies each
 * currency's average is weighted by its amount in major units (a display figure, not money).
 */
export function avgDaysLate(
  items: Array<{ dueDate: string; settledOn?: string; amount: { minor: number; currency: string } }>,
  opts: { allowEarly?: boolean } = {},
): number | undefined {
  let num = 0;
  let den = 0;
  for (const it of items) {
    if (!it.settledOn || !(it.amount.minor > 0)) continue;
    const late = daysBetween(it.dueDate, it.settledOn);
    const w = it.amount.minor / 10 ** currencyDecimals(it.amount.currency);
    num += w * (opts.allowEarly ? late : Math.max(0, late));
    den += w;
  }
  return den > 0 ? num / den : undefined;
}

/** Days from issue to settlement (DaysToSettle in the IBM sample) and days late (max(0, settled − due)). */
export function settlementDays(r: { issueDate: string; dueDate: string; settledOn: string }): {
  toSettle: number;
  late: number;
} {
  return { toSettle: daysBetween(r.issueDate, r.settledOn), late: Math.max(0, daysBetween(r.dueDate, r.settledOn)) };
}

/** kept ÷ (kept + broken); pending and cancelled promises are not counted; undefined with nothing resolved. */
export function promiseKeptRatio(promises: Array<{ status: string }>): number | undefined {
  let kept = 0;
  let broken = 0;
  for (const p of promises) {
    if (p.status === 'kept') kept++;
    else if (p.status === 'broken') broken++;
  }
  return kept + broken > 0 ? kept / (kept + broken) : undefined;
}
