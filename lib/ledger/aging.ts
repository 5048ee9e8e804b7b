/**
 * Aging (账龄 / 逾期天数). Days are `asOf − dueDate` in calendar days (or `asOf − issueDate` with basis 'issue');
 * each currency is reported on its own — amounts in different currencies are never added together.
 */
import type { Money } from '../domain';
import { daysBetween } from './dates';
import { currencyDecimals } from './money';

export interface AgingBucket {
  key: string;
  fromDays: number | null;
  toDays: number | null;
}
export interface CurrencyAging {
  /** All open minor units in the currency. */
  total: number;
  /** Open minor units past their due date (asOf > dueDate), whatever the basis. */
  overdue: number;
  /** Minor units per bucket, aligned with `buckets`. */
  amounts: number[];
}
export interface AgingReport {
  buckets: AgingBucket[];
  byCurrency: Record<string, CurrencyAging>;
}
export interface AgingItem {
  dueDate: string;
  issueDate?: string;
  open: Money;
}

export const DEFAULT_BUCKET_DAYS = [30, 60, 90];

/**
 * Buckets for upper bounds such as [30, 60, 90]: 'current' (≤ 0 days, not yet due), '1-30', '31-60', '61-90',
 * '90+'. Bounds are sorted and de-duplicated; non-positive bounds are ignored.
 */
export function agingBuckets(bucketDays: number[] = DEFAULT_BUCKET_DAYS): AgingBucket[] {
  const bounds = [...new Set(bucketDays.filter((d) => Number.isInteger(d) && d > 0))].sort((a, b) => a - b);
  const out: AgingBucket[] = [{ key: 'current', fromDays: null, toDays: 0 }];
  let from = 1;
  for (const to of bounds) {
    out.push({ key: `${from}-${to}`, fromDays: from, toDays: to });
    from = to + 1;
  }
  out.push({ key: `${from - 1 || 0}+`, fromDays: from, toDays: null });
  return out;
}

/** Index into `agingBuckets(bucketDays)` for a number of days. */
export function bucketIndexFor(days: number, buckets: AgingBucket[]): number {
  if (days <= 0) return 0;
  for (let i = 1; i < buckets.length; i++) {
    const b = buckets[i];
    if (b.toDays === null || days <= b.toDays) return i;
  }
  return buckets.length - 1;
}

/** Open amounts by days past due (or since issue), per currency (DESIGN.md stable API). */
export function agingReport(
  items: AgingItem[],
  asOf: string,
  bucketDays: number[] = DEFAULT_BUCKET_DAYS,
  opts: { basis?: 'due' | 'issue' } = {},
): AgingReport {
  const buckets = agingBuckets(bucketDays);
  const byCurrency: Record<string, CurrencyAging> = {};
  for (const it of items) {
    const minor = it.open.minor;
    if (!minor) continue;
    const cur = it.open.currency;
    const row = (byCurrency[cur] ??= { total: 0, overdue: 0, amounts: buckets.map(() => 0) });
    const pastDue = daysBetween(it.dueDate, asOf);
    const days = opts.basis === 'issue' ? daysBetween(it.issueDate ?? it.dueDate, asOf) : pastDue;
    row.amounts[bucketIndexFor(days, buckets)] += minor;
    row.total += minor;
    if (pastDue > 0) row.overdue += minor;
  }
  return { buckets, byCurrency };
}

/**
 * Aging from the per-customer summary's compact `openByDue` tuples `[dueDate, currency, minor]`
 * (due-date basis; the tuples carry no issue date).
 */
export function agingFromOpenByDue(
  openByDue: Array<[string, string, number]>,
  asOf: string,
  bucketDays: number[] = DEFAULT_BUCKET_DAYS,
): AgingReport {
  return agingReport(
    openByDue.map(([dueDate, currency, minor]) => ({ dueDate, open: { minor, currency } })),
    asOf,
    bucketDays,
  );
}

/**
 * Converts a per-currency report into one base currency with user-entered rates (1 unit of a currency = `rate`
 * units of base, as in Settings.fxRates). Returns undefined when any currency present lacks a rate: no guessed
 * rates, ever. Each amount is rounded half away from zero to the base currency's minor unit.
 */
export function convertTotal(
  byCurrency: Record<string, CurrencyAging>,
  rates: Record<string, number>,
  base: string,
): CurrencyAging | undefined {
  let out: CurrencyAging | undefined;
  for (const [cur, row] of Object.entries(byCurrency)) {
    const rate = cur === base ? 1 : rates[cur];
    if (!(typeof rate === 'number' && Number.isFinite(rate) && rate > 0)) return undefined;
    const scale = rate * 10 ** (currencyDecimals(base) - currencyDecimals(cur));
    const conv = (m: number) => (m < 0 ? -1 : 1) * Math.round(Math.abs(m) * scale);
    out ??= { total: 0, overdue: 0, amounts: row.amounts.map(() => 0) };
    out.total += conv(row.total);
    out.overdue += conv(row.overdue);
    row.amounts.forEach((m, i) => {
      out!.amounts[i] += conv(m);
    });
  }
  return out ?? { total: 0, overdue: 0, amounts: [] };
}
