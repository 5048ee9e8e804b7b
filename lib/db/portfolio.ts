/**
 * The portfolio aggregate: the sum of every customer summary, kept in one meta row and updated by the difference
 * between a customer's old and new summary on each write. The popup paints from this row alone, so its cost does
 * not grow with the number of receivables.
 */
import type { CustomerSummary } from '../domain';

export interface PortfolioAggregate {
  /** currency → due date → open minor units. */
  openByDue: Record<string, Record<string, number>>;
  /** currency → YYYY-MM → minor units invoiced / collected. */
  salesByMonth: Record<string, Record<string, number>>;
  collectedByMonth: Record<string, Record<string, number>>;
  customers: number;
  openReceivables: number;
  disputed: number;
  pendingPromises: number;
  brokenPromises: number;
  keptPromises: number;
}

export const emptyPortfolio = (): PortfolioAggregate => ({
  openByDue: {},
  salesByMonth: {},
  collectedByMonth: {},
  customers: 0,
  openReceivables: 0,
  disputed: 0,
  pendingPromises: 0,
  brokenPromises: 0,
  keptPromises: 0,
});

function isEmpty(o: Record<string, number>): boolean {
  for (const _k in o) return false;
  return true;
}

function addTuples(
  target: Record<string, Record<string, number>>,
  tuples: Array<[string, string, number]> | undefined,
  sign: 1 | -1,
) {
  for (const t of tuples ?? []) {
    // openByDue tuples are [date, currency, minor]; month tuples are [month, currency, minor].
    const [k, cur, minor] = t;
    const byCur = (target[cur] ??= {});
    const next = (byCur[k] ?? 0) + sign * minor;
    if (next !== 0) {
      byCur[k] = next;
      continue;
    }
    delete byCur[k];
    // Only a deletion can empty it (counting the keys after every tuple made a summary's update quadratic).
    if (isEmpty(byCur)) delete target[cur];
  }
}

/** Applies `next − prev` for one customer to the aggregate, in place. Either side may be absent. */
export function applySummaryDelta(
  agg: PortfolioAggregate,
  prev: CustomerSummary | undefined,
  next: CustomerSummary | undefined,
): void {
  for (const [s, sign] of [
    [prev, -1],
    [next, 1],
  ] as const) {
    if (!s) continue;
    addTuples(agg.openByDue, s.openByDue, sign);
    addTuples(agg.salesByMonth, s.salesByMonth, sign);
    addTuples(agg.collectedByMonth, s.collectedByMonth, sign);
    agg.customers += sign;
    agg.openReceivables += sign * s.openCount;
    agg.disputed += sign * s.disputedCount;
    agg.pendingPromises += sign * s.pendingPromiseCount;
    agg.brokenPromises += sign * s.brokenPromiseCount;
    agg.keptPromises += sign * s.keptPromiseCount;
  }
}

/** Open items in the shape `agingReport` takes, from the aggregate. */
export function portfolioOpenItems(
  agg: PortfolioAggregate,
): Array<{ dueDate: string; open: { minor: number; currency: string } }> {
  const out: Array<{ dueDate: string; open: { minor: number; currency: string } }> = [];
  for (const [currency, byDate] of Object.entries(agg.openByDue)) {
    for (const [dueDate, minor] of Object.entries(byDate)) out.push({ dueDate, open: { minor, currency } });
  }
  return out;
}
