/**
 * When will each open invoice be paid (DESIGN.md stable API `forecastPayments`), and what comes in this week, this
 * month and over the next 13 weeks. The model is in ./model; this module turns invoices into its inputs, keeps to
 * what was known at `asOf`, and explains every forecast as keys and figures the pages translate.
 */
import type { Money } from '../domain';
import { dayOf, isoOfDay } from './days';
import type { SeasonKey } from './calendar';
import {
  type CustomerFacts,
  type CustomerState,
  type KnownSettlement,
  type Learned,
  type RulesApplied,
  PARAMS,
  applyProcess,
  baseLocation,
  LEARN_SLICE,
  disputeOffset,
  learnSteps,
  newCustomerState,
  runSteps,
  springHolidayWithin,
  spreadScale,
} from './model';
import { type PaymentProcess, seasonsOfDay } from './calendar';
import { DayPoints, type PointSummary } from './points';

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
    | 'history'
    | 'similar'
    | 'everybody'
    | 'dispute'
    | 'season'
    | 'springHoliday'
    | 'batch'
    | 'bankCutoff'
    | 'transfer'
    | 'promise'
    | 'overdue'
    | 'delivery'
    | 'drift'
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
  /**
   * Nobody pays in the Spring Festival holiday: true always, false never; by default (undefined) the rule holds
   * unless the history shows this book being paid in past holidays as on other days (customers abroad).
   */
  springHoliday?: boolean;
  /** Points of a live promise keep on this many days after the promised day (Settings.promiseGraceDays). */
  promiseGraceDays?: number;
}

/** The model's view of the record as it stood on `asOf`. */
export interface ForecastModel {
  asOf: string;
  learned: Learned;
  facts: (customerId: string) => CustomerFacts | undefined;
  /** The customers with at least one promise in their facts (none: no invoice needs a promise looked up). */
  promised?: ReadonlySet<string>;
}

const factsLookup = (opts: ForecastOptions): ((id: string) => CustomerFacts | undefined) => {
  const c = opts.customers;
  if (!c) return () => undefined;
  if (c instanceof Map) return (id) => c.get(id);
  const rec = c as Record<string, CustomerFacts>;
  return (id) => (Object.prototype.hasOwnProperty.call(rec, id) ? rec[id] : undefined);
};

/** Learns from the invoices settled on or before `asOf` only. */
export function fitForecast(
  invoices: readonly ForecastInvoice[],
  asOf: string,
  opts: ForecastOptions = {},
): ForecastModel {
  return runSteps(fitForecastSteps(invoices, asOf, opts));
}

/** `fitForecast` in slices (see `learnSteps`). */
export function* fitForecastSteps(
  invoices: readonly ForecastInvoice[],
  asOf: string,
  opts: ForecastOptions = {},
): Generator<void, ForecastModel> {
  const asOfDay = dayOf(asOf);
  const known: KnownSettlement[] = [];
  for (let i = 0; i < invoices.length; i++) {
    if (i > 0 && i % (2 * LEARN_SLICE) === 0) yield;
    const inv = invoices[i];
    if (!inv.settledOn || inv.settledOn > asOf || inv.issueDate > asOf) continue;
    known.push({
      customerId: inv.customerId,
      due: dayOf(inv.dueDate),
      settled: dayOf(inv.settledOn),
      disputed: inv.disputed === true,
      delivery: inv.delivery,
    });
  }
  const facts = factsLookup(opts);
  const promised = new Set<string>();
  const c = opts.customers;
  if (c) for (const [id, f] of c instanceof Map ? c : Object.entries(c)) if (f?.promises?.length) promised.add(id);
  yield;
  const learned = yield* learnSteps(known, asOfDay, facts);
  return { asOf, learned, facts, promised };
}

/**
 * For every invoice issued on or before `asOf` and not settled on or before it: the expected payment day (after
 * `asOf`), its 10th–90th percentile range and the probability of payment after the due date, from what was known
 * at `asOf` (settlements on or before it). Invoices are returned in input order.
 */
export function forecastPayments(
  invoices: readonly ForecastInvoice[],
  asOf: string,
  opts: ForecastOptions = {},
): PaymentForecast[] {
  const model = fitForecast(invoices, asOf, opts);
  const open = invoices.filter((inv) => inv.issueDate <= asOf && !(inv.settledOn && inv.settledOn <= asOf));
  return forecastOpen(model, open, opts);
}

interface PromiseChoice {
  day: number;
  kept: number;
}

/** The live promise covering each open invoice, and the customer's promise-kept ratio that weights it. */
function livePromises(model: ForecastModel, open: readonly ForecastInvoice[]): Map<string, PromiseChoice> {
  const out = new Map<string, PromiseChoice>();
  const byCustomer = new Map<string, ForecastInvoice[]>();
  if (model.promised?.size === 0) return out;
  for (const inv of open) {
    if (model.promised && !model.promised.has(inv.customerId)) continue;
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
    const live = promises
      .filter((p) => p.status === 'pending' && p.date >= asOf)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    const oldestFirst = list.slice().sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    for (const p of live) {
      const covered = p.receivableIds?.length
        ? oldestFirst.filter((i) => p.receivableIds!.includes(i.id))
        : oldestFirst;
      for (const inv of covered) {
        if (!out.has(inv.id)) out.set(inv.id, { day: Math.max(dayOf(p.date), dayOf(asOf) + 1), kept: ratio });
      }
    }
  }
  return out;
}

interface OwnPoints {
  values: Float64Array;
  weights: Float64Array;
  poolShare: number;
}

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

const round1 = (x: number): number => Math.round(x * 10) / 10;
/** Below this many points after `asOf` the invoice is older than its history explains: it is overdue beyond it. */
const MIN_POINTS_LEFT = 6;

/** What every open invoice of one customer shares (computed once per customer and call). */
interface CustomerContext {
  facts: CustomerFacts | undefined;
  st: CustomerState;
  base: number;
  scale: number;
  own: OwnPoints;
  /** The first reason (own history, similar customers, everybody), shared by the customer's forecasts. */
  basis: ForecastReason;
  dispute: number;
  disputeReason: ForecastReason;
  process: PaymentProcess | undefined;
  hasProcess: boolean;
}

/** Forecasts the given open invoices with a fitted model. */
export function forecastOpen(
  model: ForecastModel,
  open: readonly ForecastInvoice[],
  opts: ForecastOptions = {},
): PaymentForecast[] {
  return runSteps(forecastOpenSteps(model, open, opts));
}

/** Open invoices forecast between two pauses of `forecastOpenSteps` (a few milliseconds of work). */
export const FORECAST_SLICE = 5_000;

/** `forecastOpen`, pausing (yielding) after every FORECAST_SLICE invoices so a worker can answer other messages. */
export function* forecastOpenSteps(
  model: ForecastModel,
  open: readonly ForecastInvoice[],
  opts: ForecastOptions = {},
): Generator<void, PaymentForecast[]> {
  const l = model.learned;
  const asOfDay = l.asOfDay;
  const holidays = opts.springHoliday ?? !l.paidInSpringHoliday;
  const grace = Math.max(0, opts.promiseGraceDays ?? 0);
  const promises = livePromises(model, open);
  const n = PARAMS.QUANTILES;
  const res = l.residuals;
  const ownKernel = PARAMS.OWN_KERNEL;
  const kernel = 2 * ownKernel + 1;
  const points = new DayPoints();
  const raw = new DayPoints();
  const sum: PointSummary = { expected: 0, from: 0, to: 0, late: 0, total: 0 };
  const applied: RulesApplied = { springHoliday: false, batch: false, bankCutoff: false };
  const contexts = new Map<string, CustomerContext>();
  // Reasons that depend on the model only, shared by the forecasts that carry them (read-only).
  const driftReason: ForecastReason = { key: 'drift', params: { days: Math.round(l.drift) } };
  const wayReasons = new Map<string, ForecastReason>();
  const seasonReasons = new Map<string, ForecastReason>();
  for (const [way, w] of l.delivery)
    wayReasons.set(way, { key: 'delivery', params: { way, days: Math.round(w.offset) } });
  for (const s of Object.keys(l.seasonShift) as SeasonKey[]) {
    const sh = l.seasonShift[s];
    seasonReasons.set(s, { key: 'season', params: { season: s, days: Math.round(sh.shift), count: sh.count } });
  }
  const contextOf = (customerId: string): CustomerContext => {
    const facts = model.facts(customerId);
    const st = l.customers.get(customerId) ?? newCustomerState(facts?.segment ?? '');
    const base = baseLocation(l, st);
    // The basis follows the settlements the location learned from (disputed ones too, less the dispute's offset).
    const basis: ForecastReason =
      st.settledN >= 3
        ? { key: 'history', params: { days: Math.round(base), count: st.settledN } }
        : st.segment && l.segments.has(st.segment)
          ? { key: 'similar', params: { days: Math.round(base), count: st.settledN, segment: st.segment } }
          : { key: 'everybody', params: { days: Math.round(base), count: st.settledN } };
    const dispute = disputeOffset(l, st);
    const process = facts?.process;
    return {
      facts,
      st,
      base,
      scale: spreadScale(l, st),
      own: ownPoints(st.recent, kernel),
      basis,
      dispute,
      disputeReason: { key: 'dispute', params: { days: Math.round(dispute) } },
      process,
      hasProcess:
        process !== undefined && (process.bookClosingDay !== undefined || process.bankClosingDay !== undefined),
    };
  };
  let lastId: string | undefined;
  let c: CustomerContext | undefined;
  const out: PaymentForecast[] = new Array(open.length);

  for (let idx = 0; idx < open.length; idx++) {
    if (idx > 0 && idx % FORECAST_SLICE === 0) yield;
    const inv = open[idx];
    if (c === undefined || inv.customerId !== lastId) {
      lastId = inv.customerId;
      c = contexts.get(lastId);
      if (c === undefined) contexts.set(lastId, (c = contextOf(lastId)));
    }
    const { st, base, scale, own, process, hasProcess } = c;
    const reasons: ForecastReason[] = [c.basis];
    const due = dayOf(inv.dueDate);
    let loc = base;
    if (inv.disputed) {
      loc += c.dispute;
      reasons.push(c.disputeReason);
    }
    if (st.settledN > 0 && Math.abs(l.drift) >= 0.5) {
      loc += l.drift;
      reasons.push(driftReason);
    }
    const way = inv.delivery === undefined ? undefined : l.delivery.get(inv.delivery);
    if (way && Math.abs(way.offset) >= 0.5) {
      loc += way.offset;
      reasons.push(wayReasons.get(inv.delivery!)!);
    }
    const seasons = seasonsOfDay(Math.round(due + loc), c.facts?.fiscalYearStartMonth);
    for (let si = 0; si < seasons.length; si++) {
      const sh = l.seasonShift[seasons[si]];
      if (Math.abs(sh.shift) >= 0.5) {
        loc += sh.shift;
        reasons.push(seasonReasons.get(seasons[si])!);
      }
    }
    applied.springHoliday = false;
    applied.batch = false;
    applied.bankCutoff = false;
    const lo = due + loc + scale * res[0];
    const hi = due + loc + scale * res[n - 1];

    // The model's points, then only those after asOf (the invoice is still open).
    const promise = promises.get(inv.id);
    const floorDay = promise ? promise.day : asOfDay;
    // Every point lies in [lo, hi], or after floorDay within the same span (overdue), or on the promise's days;
    // a batch or a cut-off can move one up to a month and a half on.
    const reach = hasProcess ? 45 : 0;
    const extra = loc - base;
    const ov = own.values;
    const ownLo = ov.length ? due + ov[0] + extra - ownKernel : lo;
    const ownHi = ov.length ? due + ov[ov.length - 1] + extra + ownKernel : hi;
    const pLo = Math.min(lo, ownLo);
    const pHi = Math.max(hi, ownHi);
    const span = Math.ceil(pHi - pLo) + 2;
    const holiday = holidays
      ? springHolidayWithin(Math.floor(pLo) - 1, Math.max(Math.ceil(pHi), floorDay + span + grace) + reach)
      : undefined;
    const hFrom = holiday ? holiday[0] : NaN;
    const hTo = holiday ? holiday[1] : NaN;
    const needsRules = holiday !== undefined || hasProcess;
    const rulesProcess = hasProcess ? process : undefined;
    // Own outcomes (most recent weigh most) beside the pooled distribution around the customer's location, summed
    // per day; then each day moved by the customer's process (a batch, the cut-off, the holiday) once, and only the
    // days after floorDay kept (the invoice is open on asOf, and not paid before a live promise's day).
    raw.reset(Math.floor(pLo) - 2);
    const poolW = own.poolShare / n;
    const at = due + loc;
    for (let j = 0; j < n; j++) raw.add(Math.round(at + scale * res[j]), poolW);
    const ow = own.weights;
    const ownAt = due + extra;
    for (let i = 0; i < ov.length; i++) {
      const d0 = Math.round(ownAt + ov[i]);
      for (let k = -ownKernel; k <= ownKernel; k++) raw.add(d0 + k, ow[i]);
    }
    // (The base leaves room before floorDay: a monthly batch may move an overdue or promised point a little earlier.)
    const pointsBase = floorDay - 64;
    points.reset(pointsBase);
    if (needsRules) points.addMoved(raw, floorDay, (day) => applyProcess(day, rulesProcess, hFrom, hTo, applied));
    else points.addAfter(raw, floorDay);
    let overdue = false;
    if (points.mass() < MIN_POINTS_LEFT / n) {
      // Older than its history explains: the latest outcomes, moved to start the day after asOf.
      overdue = true;
      points.reset(pointsBase);
      const shift = floorDay + 1 - Math.round(at + scale * res[n - MIN_POINTS_LEFT]);
      for (let j = n - MIN_POINTS_LEFT; j < n; j++) {
        let d = Math.round(at + scale * res[j]) + shift;
        if (needsRules) d = applyProcess(d, rulesProcess, hFrom, hTo, applied);
        points.add(d, 1 / n);
      }
    }
    if (promise) {
      // Kept with the customer's promise-kept ratio (on the day, or within the grace days); else after it.
      points.scale((1 - promise.kept) / points.mass());
      for (let g = 0; g <= grace; g++) {
        let d = promise.day + g;
        if (needsRules) d = applyProcess(d, rulesProcess, hFrom, hTo, applied);
        points.add(d, promise.kept / (grace + 1));
      }
      reasons.push({ key: 'promise', params: { date: isoOfDay(promise.day), kept: Math.round(promise.kept * 100) } });
    }
    points.summarize(due, sum);
    const expected = Math.max(asOfDay + 1, sum.expected);
    const from = Math.max(asOfDay + 1, sum.from);
    const to = Math.max(expected, sum.to);
    const lateProbability = asOfDay >= due ? 1 : sum.late;

    if (overdue)
      reasons.push({
        key: 'overdue',
        params: { days: asOfDay - due, basis: c.basis.key === 'history' ? 'own' : c.basis.key },
      });
    if (applied.batch && process?.bookClosingDay !== undefined)
      reasons.push({ key: 'batch', params: { day: process.bookClosingDay } });
    if (applied.bankCutoff && process?.bankClosingDay !== undefined)
      reasons.push({ key: 'bankCutoff', params: { day: process.bankClosingDay } });
    if (process?.transferDays && (applied.batch || applied.bankCutoff))
      reasons.push({ key: 'transfer', params: { days: process.transferDays } });
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
