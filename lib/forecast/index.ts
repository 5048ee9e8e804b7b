/**
 * When will each open invoice be paid (DESIGN.md stable API `forecastPayments`), and what comes in this week, this
 * month and over the next 13 weeks. The model is in ./model; this module turns invoices into its inputs, keeps to
 * what was known at `asOf`, and explains every forecast as keys and figures the pages translate.
 */
import type { Money } from '../domain';
import { fromEpochDay, toEpochDay } from '../ledger/dates';
import type { SeasonKey } from './calendar';
import {
  type CustomerFacts, type KnownSettlement, type Learned, type RulesApplied, PARAMS, applyProcess, baseLocation,
  disputeOffset, learn, sortPoints, spreadScale, touchesSpringHoliday, weightedQuantile,
} from './model';
import { seasonsOf } from './calendar';

export type { CustomerFacts, PromiseFact } from './model';
export type { PaymentProcess, SeasonKey } from './calendar';
export { SPRING_FESTIVAL } from './calendar';

export interface ForecastInvoice {
  id: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  amount: Money;
  settledOn?: string;
  disputed?: boolean;
  /** How the invoice reached the customer ('electronic', 'paper'…): each way gets its own learned offset. */
  delivery?: string;
}

/** One line of a forecast's explanation: an i18n key (`forecast:reason.<key>`) and its figures. */
export interface ForecastReason {
  key:
    | 'history' | 'similar' | 'everybody' | 'dispute' | 'season' | 'springHoliday' | 'batch' | 'bankCutoff'
    | 'transfer' | 'promise' | 'overdue' | 'delivery' | 'drift';
  params: Record<string, string | number>;
}

export interface PaymentForecast {
  id: string;
  /** The expected payment day, after `asOf`. */
  expectedDate: string;
  /** 10th and 90th percentile of the payment day. */
  from: string;
  to: string;
  /** Probability that the payment comes after the due date. */
  lateProbability: number;
  customerId: string;
  dueDate: string;
  amount: Money;
  reasons: ForecastReason[];
}

export interface ForecastOptions {
  /** What else is known per customer (segment, fiscal year, the nine questions, promises). */
  customers?: ReadonlyMap<string, CustomerFacts> | Record<string, CustomerFacts>;
  /** Nobody pays in the Spring Festival holiday (default true: the product is for China first). */
  springHoliday?: boolean;
  /** Points of a live promise keep on this many days after the promised day (Settings.promiseGraceDays). */
  promiseGraceDays?: number;
}

/** The model's view of the record as it stood on `asOf`. */
export interface ForecastModel {
  asOf: string;
  learned: Learned;
  facts: (customerId: string) => CustomerFacts | undefined;
}

const factsLookup = (opts: ForecastOptions): ((id: string) => CustomerFacts | undefined) => {
  const c = opts.customers;
  if (!c) return () => undefined;
  if (c instanceof Map) return (id) => c.get(id);
  const rec = c as Record<string, CustomerFacts>;
  return (id) => (Object.prototype.hasOwnProperty.call(rec, id) ? rec[id] : undefined);
};

/** Learns from the invoices settled on or before `asOf` only. */
export function fitForecast(invoices: readonly ForecastInvoice[], asOf: string, opts: ForecastOptions = {}): ForecastModel {
  const asOfDay = toEpochDay(asOf);
  const known: KnownSettlement[] = [];
  for (const inv of invoices) {
    if (!inv.settledOn || inv.settledOn > asOf || inv.issueDate > asOf) continue;
    known.push({ customerId: inv.customerId, due: toEpochDay(inv.dueDate), settled: toEpochDay(inv.settledOn), disputed: inv.disputed === true, delivery: inv.delivery });
  }
  const facts = factsLookup(opts);
  return { asOf, learned: learn(known, asOfDay, facts), facts };
}

/**
 * For every invoice issued on or before `asOf` and not settled on or before it: the expected payment day (after
 * `asOf`), its 10th–90th percentile range and the probability of payment after the due date, from what was known
 * at `asOf` (settlements on or before it). Invoices are returned in input order.
 */
export function forecastPayments(invoices: readonly ForecastInvoice[], asOf: string, opts: ForecastOptions = {}): PaymentForecast[] {
  const model = fitForecast(invoices, asOf, opts);
  const open = invoices.filter((inv) => inv.issueDate <= asOf && !(inv.settledOn && inv.settledOn <= asOf));
  return forecastOpen(model, open, opts);
}

interface PromiseChoice { day: number; kept: number }

/** The live promise covering each open invoice, and the customer's promise-kept ratio that weights it. */
function livePromises(model: ForecastModel, open: readonly ForecastInvoice[]): Map<string, PromiseChoice> {
  const out = new Map<string, PromiseChoice>();
  const byCustomer = new Map<string, ForecastInvoice[]>();
  for (const inv of open) {
    const f = model.facts(inv.customerId);
    if (!f?.promises?.length) continue;
    let list = byCustomer.get(inv.customerId);
    if (!list) byCustomer.set(inv.customerId, (list = []));
    list.push(inv);
  }
  const asOf = model.asOf;
  for (const [customerId, list] of byCustomer) {
    const promises = (model.facts(customerId)?.promises ?? []).filter((p) => !p.madeOn || p.madeOn <= asOf);
    let kept = 0;
    let broken = 0;
    for (const p of promises) {
      if (p.date >= asOf) continue;
      if (p.status === 'kept') kept++;
      else if (p.status === 'broken') broken++;
    }
    // Laplace's rule: no record yet means an even chance, each kept or broken promise moves it.
    const ratio = (kept + 1) / (kept + broken + 2);
    const live = promises.filter((p) => p.status === 'pending' && p.date >= asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
    const oldestFirst = list.slice().sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    for (const p of live) {
      const covered = p.receivableIds?.length ? oldestFirst.filter((i) => p.receivableIds!.includes(i.id)) : oldestFirst;
      for (const inv of covered) {
        if (!out.has(inv.id)) out.set(inv.id, { day: Math.max(toEpochDay(p.date), toEpochDay(asOf) + 1), kept: ratio });
      }
    }
  }
  return out;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
/** Below this many points after `asOf` the invoice is older than its history explains: it is overdue beyond it. */
const MIN_POINTS_LEFT = 6;

/** Forecasts the given open invoices with a fitted model. */
export function forecastOpen(model: ForecastModel, open: readonly ForecastInvoice[], opts: ForecastOptions = {}): PaymentForecast[] {
  const l = model.learned;
  const asOfDay = l.asOfDay;
  const holidays = opts.springHoliday !== false;
  const grace = Math.max(0, opts.promiseGraceDays ?? 0);
  const promises = livePromises(model, open);
  const n = PARAMS.QUANTILES;
  const kernel = 2 * PARAMS.OWN_KERNEL + 1;
  const size = n + PARAMS.OWN_POINTS * kernel + n + grace + 1;
  const days = new Float64Array(size);
  const weights = new Float64Array(size);
  const emptyState = { segment: '', ewSum: 0, ewW: 0, count: 0, dSum: 0, dW: 0, disputedCount: 0, absSum: 0, absN: 0, lateN: 0, settledN: 0, recent: [] as number[] };
  const out: PaymentForecast[] = new Array(open.length);

  for (let idx = 0; idx < open.length; idx++) {
    const inv = open[idx];
    const facts = model.facts(inv.customerId);
    const st = l.customers.get(inv.customerId) ?? { ...emptyState, segment: facts?.segment ?? '' };
    const reasons: ForecastReason[] = [];
    const due = toEpochDay(inv.dueDate);
    const base = baseLocation(l, st);
    let loc = base;
    if (st.count >= 3) reasons.push({ key: 'history', params: { days: Math.round(base), count: st.count } });
    else if (st.segment && l.segments.has(st.segment)) reasons.push({ key: 'similar', params: { days: Math.round(base), count: st.count, segment: st.segment } });
    else reasons.push({ key: 'everybody', params: { days: Math.round(base), count: st.count } });
    if (inv.disputed) {
      const d = disputeOffset(l, st);
      loc += d;
      reasons.push({ key: 'dispute', params: { days: Math.round(d) } });
    }
    if (st.settledN > 0 && Math.abs(l.drift) >= 0.5) {
      loc += l.drift;
      reasons.push({ key: 'drift', params: { days: Math.round(l.drift) } });
    }
    const way = inv.delivery === undefined ? undefined : l.delivery.get(inv.delivery);
    if (way && Math.abs(way.offset) >= 0.5) {
      loc += way.offset;
      reasons.push({ key: 'delivery', params: { way: inv.delivery!, days: Math.round(way.offset) } });
    }
    for (const s of seasonsOf(Math.round(due + loc), facts?.fiscalYearStartMonth)) {
      const sh = l.seasonShift[s as SeasonKey];
      if (Math.abs(sh.shift) >= 0.5) {
        loc += sh.shift;
        reasons.push({ key: 'season', params: { season: s, days: Math.round(sh.shift), count: sh.count } });
      }
    }
    const scale = spreadScale(l, st);
    const res = l.residuals;
    const applied: RulesApplied = { springHoliday: false, batch: false, bankCutoff: false };
    const process = facts?.process;
    const lo = due + loc + scale * res[0];
    const hi = due + loc + scale * res[n - 1];
    const checkHoliday = holidays && touchesSpringHoliday(Math.floor(lo) - 1, Math.ceil(hi) + 60);
    const needsRules = checkHoliday || process?.bookClosingDay !== undefined || process?.bankClosingDay !== undefined;

    // The model's points, then only those after asOf (the invoice is still open).
    const promise = promises.get(inv.id);
    const floorDay = promise ? promise.day : asOfDay;
    let count = 0;
    // Own outcomes (most recent weigh most) beside the pooled distribution around the customer's location.
    let ownW = 0;
    const recent = st.recent;
    for (let i = 0; i < recent.length; i++) ownW += Math.pow(1 - PARAMS.OWN_RECENCY, recent.length - 1 - i);
    const poolShare = PARAMS.POOL_WEIGHT / (ownW + PARAMS.POOL_WEIGHT);
    for (let j = 0; j < n; j++) {
      let d = Math.round(due + loc + scale * res[j]);
      if (needsRules) d = applyProcess(d, process, checkHoliday, applied);
      if (d > floorDay) { days[count] = d; weights[count] = poolShare / n; count++; }
    }
    const extra = loc - base;
    for (let i = 0; i < recent.length; i++) {
      const w = Math.pow(1 - PARAMS.OWN_RECENCY, recent.length - 1 - i) / (ownW + PARAMS.POOL_WEIGHT) / kernel;
      for (let k = -PARAMS.OWN_KERNEL; k <= PARAMS.OWN_KERNEL; k++) {
        let d = Math.round(due + recent[i] + extra) + k;
        if (needsRules) d = applyProcess(d, process, checkHoliday, applied);
        if (d > floorDay) { days[count] = d; weights[count] = w; count++; }
      }
    }
    let overdue = false;
    let left = 0;
    for (let j = 0; j < count; j++) left += weights[j];
    if (left < MIN_POINTS_LEFT / n) {
      // Older than its history explains: the latest outcomes, moved to start the day after asOf.
      overdue = true;
      count = 0;
      const shift = floorDay + 1 - Math.round(due + loc + scale * res[n - MIN_POINTS_LEFT]);
      for (let j = n - MIN_POINTS_LEFT; j < n; j++) {
        let d = Math.round(due + loc + scale * res[j]) + shift;
        if (needsRules) d = applyProcess(d, process, checkHoliday, applied);
        days[count] = d; weights[count] = 1 / n; count++;
      }
    }
    if (promise) {
      // Kept with the customer's promise-kept ratio (on the day, or within the grace days); else after it.
      let mass = 0;
      for (let j = 0; j < count; j++) mass += weights[j];
      for (let j = 0; j < count; j++) weights[j] *= (1 - promise.kept) / mass;
      for (let g = 0; g <= grace; g++) {
        let d = promise.day + g;
        if (needsRules) d = applyProcess(d, process, checkHoliday, applied);
        days[count] = d; weights[count] = promise.kept / (grace + 1); count++;
      }
      reasons.push({ key: 'promise', params: { date: fromEpochDay(promise.day), kept: Math.round(promise.kept * 100) } });
    }
    sortPoints({ days, weights, count });
    const expected = Math.max(asOfDay + 1, weightedQuantile(days, weights, count, 0.5));
    const from = Math.max(asOfDay + 1, weightedQuantile(days, weights, count, 0.1, true));
    const to = Math.max(expected, weightedQuantile(days, weights, count, 0.9, true));
    let late = 0;
    let total = 0;
    for (let j = 0; j < count; j++) { total += weights[j]; if (days[j] > due) late += weights[j]; }
    const lateProbability = asOfDay >= due ? 1 : total > 0 ? late / total : 0;

    if (overdue) reasons.push({ key: 'overdue', params: { days: asOfDay - due } });
    if (applied.batch && process?.bookClosingDay !== undefined) reasons.push({ key: 'batch', params: { day: process.bookClosingDay } });
    if (applied.bankCutoff && process?.bankClosingDay !== undefined) reasons.push({ key: 'bankCutoff', params: { day: process.bankClosingDay } });
    if (process?.transferDays && (applied.batch || applied.bankCutoff)) reasons.push({ key: 'transfer', params: { days: process.transferDays } });
    if (applied.springHoliday) reasons.push({ key: 'springHoliday', params: {} });

    out[idx] = {
      id: inv.id,
      expectedDate: fromEpochDay(expected),
      from: fromEpochDay(from),
      to: fromEpochDay(to),
      lateProbability: round1(lateProbability * 100) / 100,
      customerId: inv.customerId,
      dueDate: inv.dueDate,
      amount: inv.amount,
      reasons,
    };
  }
  return out;
}

/** The probability that the customer pays a new invoice after its due date (the panel's "late probability"). */
export function customerLateProbability(model: ForecastModel, customerId: string): number | undefined {
  const l = model.learned;
  const st = l.customers.get(customerId);
  const facts = model.facts(customerId);
  const loc = st ? baseLocation(l, st) : baseLocation(l, { segment: facts?.segment ?? '', ewSum: 0, ewW: 0 } as never);
  if (!st && l.customers.size === 0) return undefined;
  const scale = st ? spreadScale(l, st) : 1;
  let late = 0;
  for (const r of l.residuals) if (Math.round(loc + scale * r) > 0) late++;
  return Math.round((late / l.residuals.length) * 100) / 100;
}

