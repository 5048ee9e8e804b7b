/**
 * The time-ordered evaluation of issue #24, the same for the bench (IBM file), the unit test (fixture ledger) and
 * the user's own settled invoices (options page): sort by issue date; at each first day of a month after the
 * first 70 % of the invoices, forecast every invoice still open from what was known that day (later settlements
 * are removed before the call), and compare with the day each was really settled.
 */
import { addMonths, toEpochDay } from '../ledger/dates';
import { type ForecastInvoice, type ForecastOptions, forecastPayments } from './index';

export interface Evaluation {
  /** Forecasts scored (an invoice open at three month starts counts three times). */
  forecasts: number;
  asOfDays: string[];
  /** Mean absolute error of the expected day, in days. */
  mae: number;
  /** Share of actual payment days inside the 10–90 % range (both ends included). */
  coverage: number;
  /** Area under the ROC curve of lateProbability for "paid after the due date". */
  auc: number;
  /** Mean error (expected − actual), days: positive means the forecast was too late. */
  bias: number;
}

export interface EvaluateOptions extends ForecastOptions {
  /** Share of the invoices (by issue date) that only serve as history (0.7: the last 30 % is evaluated). */
  historyShare?: number;
  /** Use each invoice's dispute flag (false: as if no dispute were ever recorded). */
  useDisputes?: boolean;
}

/** First days of the months after the history part, up to the last issue date. */
export function evaluationDays(invoices: readonly ForecastInvoice[], historyShare = 0.7): string[] {
  if (invoices.length === 0) return [];
  const byIssue = invoices.map((i) => i.issueDate).sort();
  const cut = byIssue[Math.min(byIssue.length - 1, Math.floor(byIssue.length * historyShare))];
  const last = byIssue[byIssue.length - 1];
  const out: string[] = [];
  for (let d = addMonths(cut.slice(0, 8) + '01', 1); d <= last; d = addMonths(d, 1)) out.push(d);
  return out;
}

/** What was known at `asOf`: invoices issued by then, with settlements after it removed. */
export function knownAt(invoices: readonly ForecastInvoice[], asOf: string, useDisputes = true): ForecastInvoice[] {
  const out: ForecastInvoice[] = [];
  for (const inv of invoices) {
    if (inv.issueDate > asOf) continue;
    const settled = inv.settledOn && inv.settledOn <= asOf ? inv.settledOn : undefined;
    out.push({ ...inv, settledOn: settled, disputed: useDisputes ? inv.disputed : false });
  }
  return out;
}

/** Rank-based AUC (ties count half). */
export function auc(scores: readonly number[], positive: readonly boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]] === scores[idx[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (positive[idx[k]]) {
        pos++;
        rankSum += avgRank;
      }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function evaluateForecast(invoices: readonly ForecastInvoice[], opts: EvaluateOptions = {}): Evaluation {
  const asOfDays = evaluationDays(invoices, opts.historyShare ?? 0.7);
  const truth = new Map<string, ForecastInvoice>();
  for (const inv of invoices) if (inv.settledOn) truth.set(inv.id, inv);
  let absSum = 0;
  let errSum = 0;
  let covered = 0;
  const scores: number[] = [];
  const late: boolean[] = [];
  for (const asOf of asOfDays) {
    const forecasts = forecastPayments(knownAt(invoices, asOf, opts.useDisputes !== false), asOf, opts);
    for (const f of forecasts) {
      const actual = truth.get(f.id);
      if (!actual?.settledOn) continue; // never settled: nothing to score against
      const err = toEpochDay(f.expectedDate) - toEpochDay(actual.settledOn);
      absSum += Math.abs(err);
      errSum += err;
      if (actual.settledOn >= f.from && actual.settledOn <= f.to) covered++;
      scores.push(f.lateProbability);
      late.push(actual.settledOn > actual.dueDate);
    }
  }
  const n = scores.length;
  return {
    forecasts: n,
    asOfDays,
    mae: n ? absSum / n : NaN,
    coverage: n ? covered / n : NaN,
    auc: auc(scores, late),
    bias: n ? errSum / n : NaN,
  };
}
