/**
 * Portfolio figures from the maintained aggregate only (lib/db/portfolio.ts): aging per currency, DSO, Best
 * Possible DSO, ADD and CEI over the last three months, and the scoreboard. Pure; the cost depends on the number
 * of distinct due dates and months, never on the number of receivables.
 *
 * Period: the current month and the two before it, up to and including `asOf` (days = calendar days in that span).
 * Sales are the invoices issued in those months, collections the payments dated in them; beginning AR is derived
 * as ending AR − sales + collections (credit notes and write-offs are not separated out).
 */
import type { PortfolioAggregate } from '@/lib/db/portfolio';
import { portfolioOpenItems } from '@/lib/db/portfolio';
import {
  type AgingBucket,
  agingReport,
  averageDaysDelinquent,
  bestPossibleDso,
  cei,
  daysBetween,
  daysInMonthOf,
  dsoSimple,
  prevMonth,
} from '@/lib/ledger';

export const PERIOD_MONTHS = 3;

export interface CurrencyFigures {
  currency: string;
  total: number;
  overdue: number;
  /** overdue ÷ total, 0 when nothing is open. */
  overdueShare: number;
  /** Minor units per aging bucket. */
  amounts: number[];
  /** Not yet due. */
  current: number;
  sales: number;
  collected: number;
  periodDays: number;
  dso?: number;
  bpdso?: number;
  add?: number;
  cei?: number;
}

export interface PortfolioFigures {
  buckets: AgingBucket[];
  rows: CurrencyFigures[];
}

const sumMonths = (byMonth: Record<string, number> | undefined, months: string[]) =>
  months.reduce((a, m) => a + (byMonth?.[m] ?? 0), 0);

export function periodMonths(asOf: string, n = PERIOD_MONTHS): string[] {
  const out = [asOf.slice(0, 7)];
  while (out.length < n) out.unshift(prevMonth(out[0]));
  return out;
}

export function portfolioFigures(agg: PortfolioAggregate, asOf: string, bucketDays: number[]): PortfolioFigures {
  const report = agingReport(portfolioOpenItems(agg), asOf, bucketDays);
  const months = periodMonths(asOf);
  const days = daysBetween(`${months[0]}-01`, asOf) + 1;
  const currencies = new Set([...Object.keys(report.byCurrency)]);
  const rows: CurrencyFigures[] = [...currencies].sort().map((currency) => {
    const r = report.byCurrency[currency];
    const total = r.total;
    const current = total - r.overdue;
    const sales = sumMonths(agg.salesByMonth[currency], months);
    const collected = sumMonths(agg.collectedByMonth[currency], months);
    const f: CurrencyFigures = {
      currency,
      total,
      overdue: r.overdue,
      overdueShare: total > 0 ? r.overdue / total : 0,
      amounts: r.amounts,
      current,
      sales,
      collected,
      periodDays: days,
    };
    const dso = dsoSimple({ endingAR: total, creditSales: sales, days });
    const bp = bestPossibleDso({ currentAR: current, creditSales: sales, days });
    const add = averageDaysDelinquent({ endingAR: total, currentAR: current, creditSales: sales, days });
    // Begin AR is derived for the whole period, so the whole period's sales go in (months: 1), not a monthly average.
    const c = cei({
      beginAR: total - sales + collected,
      creditSales: sales,
      endTotalAR: total,
      endCurrentAR: current,
      months: 1,
    });
    if (dso !== undefined) f.dso = dso;
    if (bp !== undefined) f.bpdso = bp;
    if (add !== undefined) f.add = add;
    if (c !== undefined && Number.isFinite(c)) f.cei = c;
    return f;
  });
  // Largest book first.
  rows.sort((a, b) => b.total - a.total || (a.currency < b.currency ? -1 : 1));
  return { buckets: report.buckets, rows };
}

export interface Scoreboard {
  month: string;
  /** currency → minor units collected this month. */
  collectedThisMonth: Record<string, number>;
  target?: { minor: number; currency: string; collected: number; ratio: number };
  keptRatio?: number;
  kept: number;
  broken: number;
  /** Days to collect (simple DSO over three months) now and at the end of last month, in `currency`. */
  daysToCollect?: { currency: string; now?: number; lastMonth?: number; trend?: number };
}

export function scoreboard(
  agg: PortfolioAggregate,
  asOf: string,
  figures: PortfolioFigures,
  settings: { monthlyTarget?: { minor: number; currency: string }; baseCurrency: string },
): Scoreboard {
  const month = asOf.slice(0, 7);
  const collectedThisMonth: Record<string, number> = {};
  for (const [cur, byMonth] of Object.entries(agg.collectedByMonth))
    if (byMonth[month]) collectedThisMonth[cur] = byMonth[month];
  const out: Scoreboard = { month, collectedThisMonth, kept: agg.keptPromises, broken: agg.brokenPromises };
  if (settings.monthlyTarget && settings.monthlyTarget.minor > 0) {
    const t = settings.monthlyTarget;
    const collected = collectedThisMonth[t.currency] ?? 0;
    out.target = { ...t, collected, ratio: collected / t.minor };
  }
  if (agg.keptPromises + agg.brokenPromises > 0)
    out.keptRatio = agg.keptPromises / (agg.keptPromises + agg.brokenPromises);
  const head = figures.rows.find((r) => r.currency === settings.baseCurrency) ?? figures.rows[0];
  if (head) {
    const cur = head.currency;
    const lastMonth = prevMonth(month);
    const prevMonths = periodMonths(`${lastMonth}-01`);
    const prevDays = prevMonths.reduce((a, m) => a + daysInMonthOf(m), 0);
    const salesNow = agg.salesByMonth[cur]?.[month] ?? 0;
    const collectedNow = agg.collectedByMonth[cur]?.[month] ?? 0;
    const arLastMonthEnd = head.total - salesNow + collectedNow;
    const prevSales = sumMonths(agg.salesByMonth[cur], prevMonths);
    const then = dsoSimple({ endingAR: arLastMonthEnd, creditSales: prevSales, days: prevDays });
    const d: NonNullable<Scoreboard['daysToCollect']> = { currency: cur };
    if (head.dso !== undefined) d.now = head.dso;
    if (then !== undefined) d.lastMonth = then;
    if (d.now !== undefined && d.lastMonth !== undefined) d.trend = d.now - d.lastMonth;
    out.daysToCollect = d;
  }
  return out;
}
