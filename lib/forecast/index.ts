/**
 * When will each open invoice be paid (DESIGN.md stable API `forecastPayments`), and what comes in this week, this
 * month and over the next 13 weeks. The model is in ./model; this module turns invoices into its inputs, keeps to
 * what was known at `asOf`, and explains every forecast as keys and figures the pages translate.
 */
import type { Money } from '../domain';
import { dayOf, isoOfDay } from './days';
import type { SeasonKey } from './calendar';
import {
  type CustomerFacts, type CustomerState, type KnownSettlement, type Learned, type RulesApplied, PARAMS, applyProcess, baseLocation,
  disputeOffset, learn, sortPoints, springHolidayWithin, spreadScale, weightedQuantile,
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
    | 'transfer' | 'promise' | 'overdue' | 'delivery' | 'drift'
    /** The cash of an acceptance bill or e-receivable certificate, at its maturity (lib/toolkit/bills.ts). */
    | 'bill';
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
  const asOfDay = dayOf(asOf);
  const known: KnownSettlement[] = [];
  for (const inv of invoices) {
    if (!inv.settledOn || inv.settledOn > asOf || inv.issueDate > asOf) continue;
    known.push({ customerId: inv.customerId, due: dayOf(inv.dueDate), settled: dayOf(inv.settledOn), disputed: inv.disputed === true, delivery: inv.delivery });
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
        if (!out.has(inv.id)) out.set(inv.id, { day: Math.max(dayOf(p.date), dayOf(asOf) + 1), kept: ratio });
      }
    }
  }
  return out;
}

interface OwnPoints { values: Float64Array; weights: Float64Array; poolShare: number }

/** A customer's own latest outcomes, sorted, each with its recency weight (shared by its invoices). */
function ownPoints(recent: readonly number[], kernel: number): OwnPoints {
  const w = recent.map((_, i) => Math.pow(1 - PARAMS.OWN_RECENCY, recent.length - 1 - i));
  const ownW = w.reduce((x, y) => x + y, 0);
  const order = recent.map((_, i) => i).sort((x, y) => recent[x] - recent[y] || x - y);
  return {
    values: Float64Array.from(order, (i) => recent[i]),
    weights: Float64Array.from(order, (i) => w[i] / (ownW + PARAMS.POOL_WEIGHT) / kernel),
    poolShare: PARAMS.POOL_WEIGHT / (ownW + PARAMS.POOL_WEIGHT),
  };
}

/** Merges two day-sorted point lists into `days`/`weights`; returns the count. */
function mergePoints(ad: Float64Array, aw: Float64Array, an: number, bd: Float64Array, bw: Float64Array, bn: number, days: Float64Array, weights: Float64Array): number {
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < an || j < bn) {
    if (j >= bn || (i < an && ad[i] <= bd[j])) { days[k] = ad[i]; weights[k] = aw[i]; i++; }
    else { days[k] = bd[j]; weights[k] = bw[j]; j++; }
    k++;
  }
  return k;
}

/** Inserts one point into a day-sorted list; returns the new count. */
function insertPoint(days: Float64Array, weights: Float64Array, count: number, day: number, weight: number): number {
  let j = count - 1;
  while (j >= 0 && days[j] > day) { days[j + 1] = days[j]; weights[j + 1] = weights[j]; j--; }
  days[j + 1] = day;
  weights[j + 1] = weight;
  return count + 1;
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
  const ownKernel = PARAMS.OWN_KERNEL;
  const kernel = 2 * ownKernel + 1;
  const size = n + PARAMS.OWN_POINTS * kernel + n + grace + 1;
  const days = new Float64Array(size);
  const weights = new Float64Array(size);
  const poolDays = new Float64Array(n);
  const poolWeights = new Float64Array(n);
  const ownDays = new Float64Array(PARAMS.OWN_POINTS * kernel);
  const ownWeights = new Float64Array(PARAMS.OWN_POINTS * kernel);
  const ownCache = new Map<string, OwnPoints>();
  const ownPointsOf = (customerId: string, st: CustomerState): OwnPoints => {
    let o = ownCache.get(customerId);
    if (!o) ownCache.set(customerId, (o = ownPoints(st.recent, kernel)));
    return o;
  };
  const emptyState = { segment: '', ewSum: 0, ewW: 0, count: 0, dSum: 0, dW: 0, disputedCount: 0, absSum: 0, absN: 0, lateN: 0, settledN: 0, recent: [] as number[] };
  const out: PaymentForecast[] = new Array(open.length);

  for (let idx = 0; idx < open.length; idx++) {
    const inv = open[idx];
    const facts = model.facts(inv.customerId);
    const st = l.customers.get(inv.customerId) ?? { ...emptyState, segment: facts?.segment ?? '' };
    const reasons: ForecastReason[] = [];
    const due = dayOf(inv.dueDate);
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

    // The model's points, then only those after asOf (the invoice is still open).
    const promise = promises.get(inv.id);
    const floorDay = promise ? promise.day : asOfDay;
    const hasProcess = process !== undefined && (process.bookClosingDay !== undefined || process.bankClosingDay !== undefined);
    // Every point lies in [lo, hi], or after floorDay within the same span (overdue), or on the promise's days;
    // a batch or a cut-off can move one up to a month and a half on.
    const reach = hasProcess ? 45 : 0;
    const own = ownPointsOf(inv.customerId, st);
    const ownLo = own.values.length ? due + own.values[0] + (loc - base) - ownKernel : lo;
    const ownHi = own.values.length ? due + own.values[own.values.length - 1] + (loc - base) + ownKernel : hi;
    const pLo = Math.min(lo, ownLo);
    const pHi = Math.max(hi, ownHi);
    const span = Math.ceil(pHi - pLo) + 2;
    const holiday = holidays ? springHolidayWithin(Math.floor(pLo) - 1, Math.max(Math.ceil(pHi), floorDay + span + grace) + reach) : undefined;
    const hFrom = holiday ? holiday[0] : NaN;
    const hTo = holiday ? holiday[1] : NaN;
    const needsRules = holiday !== undefined || hasProcess;
    const rulesProcess = hasProcess ? process : undefined;
    // Own outcomes (most recent weigh most) beside the pooled distribution around the customer's location.
    let a = 0;
    for (let j = 0; j < n; j++) {
      let d = Math.round(due + loc + scale * res[j]);
      if (needsRules) d = applyProcess(d, rulesProcess, hFrom, hTo, applied);
      if (d > floorDay) { poolDays[a] = d; poolWeights[a] = own.poolShare / n; a++; }
    }
    const extra = loc - base;
    let b = 0;
    for (let i = 0; i < own.values.length; i++) {
      for (let k = -ownKernel; k <= ownKernel; k++) {
        let d = Math.round(due + own.values[i] + extra) + k;
        if (needsRules) d = applyProcess(d, rulesProcess, hFrom, hTo, applied);
        if (d > floorDay) { ownDays[b] = d; ownWeights[b] = own.weights[i]; b++; }
      }
    }
    sortPoints({ days: ownDays, weights: ownWeights, count: b });
    let count = mergePoints(poolDays, poolWeights, a, ownDays, ownWeights, b, days, weights);
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
        if (needsRules) d = applyProcess(d, rulesProcess, hFrom, hTo, applied);
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
        if (needsRules) d = applyProcess(d, rulesProcess, hFrom, hTo, applied);
        count = insertPoint(days, weights, count, d, promise.kept / (grace + 1));
      }
      reasons.push({ key: 'promise', params: { date: isoOfDay(promise.day), kept: Math.round(promise.kept * 100) } });
    }
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
      expectedDate: isoOfDay(expected),
      from: isoOfDay(from),
      to: isoOfDay(to),
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

