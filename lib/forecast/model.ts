/**
 * The payment-date model: small, transparent and deterministic.
 *
 * 1. Learning (one pass over the invoices settled on or before `asOf`, in settlement order — what was known that
 *    day). For each settlement the signed delay (settled − due, negative when early; never clipped at zero) is
 *    compared with what the model expected for it just before, so every residual is out of sample:
 *    - a customer's location is the recency-weighted mean of its delays (each older settlement counts
 *      `1 − RECENCY` less), shrunk towards its segment's mean ("similar customers": same country, customer type…)
 *      with the weight of PRIOR_WEIGHT settlements, the segment shrunk towards everybody's mean;
 *    - a disputed invoice adds the customer's recency-weighted dispute offset, shrunk towards everybody's;
 *    - the residuals form one pooled distribution (QUANTILES points), scaled per customer by how steady its
 *      residuals have been (also shrunk);
 *    - the seasons (year end, the weeks before the Spring Festival, a government customer's fiscal year end)
 *      shift the location by the shrunk mean residual of past settlements expected in that season.
 *    Then a refit on asOf (`refitAtAsOf`): the delivery ways' and the dispute's offsets are re-estimated as
 *    within-customer differences (the same customer's paper vs electronic, disputed vs undisputed invoices), and
 *    every settlement, disputed ones too, counts for its customer's location less those offsets; the location's
 *    recency is chosen from RECENCY_CANDIDATES by the book's own history (each candidate predicts every settlement
 *    from the customer's earlier ones; the least mean absolute error wins); the residual points are recomputed
 *    against it (still out of sample).
 * 2. Forecasting one open invoice: location + residual points give the days it may be paid; the customer's
 *    payment process moves each of them (no payment in the Spring Festival holiday; a monthly batch after the
 *    book-closing day; the bank's cut-off; transfer days); a live promise mixes in the promised day with the
 *    weight of the customer's promise-kept ratio. Only the points after `asOf` remain (the invoice is still
 *    open), and the 10th, 50th and 90th percentiles of what remains are the range and the expected day; the
 *    share of it after the due date is the late probability.
 */
import { dayOf } from './days';
import {
  type PaymentProcess,
  type SeasonKey,
  SPRING_FESTIVAL,
  SPRING_HOLIDAY_FIRST_OFFSET,
  SPRING_HOLIDAY_LAST_OFFSET,
  afterBankCutoff,
  nearestBatchArrival,
  seasonsOfDay,
} from './calendar';

/** The model's few figures (tuned on the fixture ledger and the IBM file, see README "Payment forecast"). */
export const PARAMS = {
  /**
   * Each older settlement of a customer weighs this much less than the next: in the sequential pass, and in the
   * refit when the book has too little history to choose from RECENCY_CANDIDATES.
   */
  RECENCY: 0.3,
  /** The recencies the refit on asOf chooses from (leave-future-out on the book's own history; RECENCY is one). */
  RECENCY_CANDIDATES: [0.02, 0.05, 0.1, 0.2, 0.3, 0.5] as readonly number[],
  /** Out-of-sample settlements needed before the book's own history chooses the recency (else RECENCY). */
  RECENCY_MIN_SETTLEMENTS: 50,
  /** Shrinkage: the segment's mean counts as this many of the customer's own settlements. */
  PRIOR_WEIGHT: 1,
  /** Shrinkage of a segment's mean towards everybody's, in settlements. */
  SEGMENT_PRIOR_WEIGHT: 10,
  /** Shrinkage of a customer's dispute offset towards everybody's, in disputed settlements (sequential pass only). */
  DISPUTE_PRIOR_WEIGHT: 10,
  /** Shrinkage of a season's shift towards none, in settlements. */
  SEASON_PRIOR_WEIGHT: 30,
  /** Shrinkage of a customer's residual spread towards everybody's, in settlements. */
  SPREAD_PRIOR_WEIGHT: 3,
  /** Points of the residual distribution. */
  QUANTILES: 32,
  /** Only the most recent residuals form the distribution (behaviour drifts). */
  RESIDUAL_WINDOW: 4000,
  /** The customer's own latest outcomes kept as points of its distribution. */
  OWN_POINTS: 24,
  /** The pooled distribution counts as this many of the customer's own (recency-weighted) outcomes. */
  POOL_WEIGHT: 4,
  /** Recency weighting of the customer's own outcomes among its points. */
  OWN_RECENCY: 0.1,
  /** Each own outcome is spread over the neighbouring days (± this many). */
  OWN_KERNEL: 1,
  /** Shrinkage of a delivery way's offset towards none, in settlements. */
  DELIVERY_PRIOR_WEIGHT: 5,
  /** Everybody's drift: recency weighting of all customers' latest surprises (the whole market paying faster). */
  DRIFT_RECENCY: 0.005,
  /** Settlements within this many days around past Spring Festival holidays decide whether the book is paid in them. */
  HOLIDAY_BAND_DAYS: 28,
  /** …once there are this many of them. */
  HOLIDAY_MIN_SETTLEMENTS: 20,
  /** Paid in the holiday at this share of the daily rate around it or more: the holiday does not stop this book. */
  HOLIDAY_PAID_RATIO: 0.5,
};
export type ModelParams = typeof PARAMS;
const P = PARAMS;

export interface PromiseFact {
  /** The promised payment day. */
  date: string;
  status: 'pending' | 'kept' | 'broken' | 'cancelled';
  /** The day the promise was made; a promise made after `asOf` is unknown that day. */
  madeOn?: string;
  /** Invoices it covers; empty means the customer's oldest open invoices. */
  receivableIds?: string[];
}

export interface CustomerFacts {
  /** Similar customers share a segment (country, customer type, industry); the prior for short histories. */
  segment?: string;
  /** Fiscal year start month (1–12) of a government or budget-bound customer: its year end is a season. */
  fiscalYearStartMonth?: number;
  process?: PaymentProcess;
  promises?: PromiseFact[];
}

export interface Learned {
  asOfDay: number;
  globalMean: number;
  globalDispute: number;
  residuals: Float64Array;
  meanAbsResidual: number;
  seasonShift: Record<SeasonKey, { shift: number; count: number }>;
  customers: Map<string, CustomerState>;
  segments: Map<string, { sum: number; n: number }>;
  /** The history shows payments in past Spring Festival holidays as on the days around them (customers abroad). */
  paidInSpringHoliday: boolean;
  /** Days everybody has lately paid later (+) or earlier (−) than their own history says. */
  drift: number;
  /** Delivery way → how many days later than the customer's usual its invoices are paid (shrunk). */
  delivery: Map<string, { offset: number; count: number }>;
  /** The location's recency the refit chose (each older settlement of a customer weighs this much less). */
  recency: number;
}

export interface CustomerState {
  segment: string;
  /** The customer's fiscal year start month, when budget-bound (CustomerFacts). */
  fiscalYearStartMonth: number | undefined;
  ewSum: number;
  ewW: number;
  /** Settlements seen (undisputed), for the explanation. */
  count: number;
  dSum: number;
  dW: number;
  disputedCount: number;
  absSum: number;
  absN: number;
  lateN: number;
  settledN: number;
  /** The latest undisputed-equivalent delays, oldest first (the customer's own outcomes). */
  recent: number[];
  /** Its settlements per delivery way and dispute flag (sum of signed delays, count), for the refit on asOf. */
  cells: Cell[];
}

export interface KnownSettlement {
  customerId: string;
  due: number;
  settled: number;
  disputed: boolean;
  /** How the invoice reached the customer (e-fapiao / e-mail, paper by post…); its own learned offset. */
  delivery?: string;
}

const NO_SEGMENT = '';

/** A customer with nothing settled yet (in `segment`). */
export function newCustomerState(segment: string, fiscalYearStartMonth?: number): CustomerState {
  return {
    segment,
    fiscalYearStartMonth,
    ewSum: 0,
    ewW: 0,
    count: 0,
    dSum: 0,
    dW: 0,
    disputedCount: 0,
    absSum: 0,
    absN: 0,
    lateN: 0,
    settledN: 0,
    recent: [],
    cells: [],
  };
}

export function segmentMean(l: Pick<Learned, 'segments' | 'globalMean'>, segment: string): number {
  const s = l.segments.get(segment);
  if (!s || segment === NO_SEGMENT) return l.globalMean;
  return (s.sum + P.SEGMENT_PRIOR_WEIGHT * l.globalMean) / (s.n + P.SEGMENT_PRIOR_WEIGHT);
}

/** The customer's expected signed delay for an undisputed invoice: recency-weighted mean shrunk to its segment. */
export function baseLocation(l: Pick<Learned, 'segments' | 'globalMean'>, st: CustomerState): number {
  return (st.ewSum + P.PRIOR_WEIGHT * segmentMean(l, st.segment)) / (st.ewW + P.PRIOR_WEIGHT);
}

export function disputeOffset(l: Pick<Learned, 'globalDispute'>, st: CustomerState): number {
  return (st.dSum + P.DISPUTE_PRIOR_WEIGHT * l.globalDispute) / (st.dW + P.DISPUTE_PRIOR_WEIGHT);
}

/** How wide this customer's outcomes are compared with everybody's (1 = average). */
export function spreadScale(l: Pick<Learned, 'meanAbsResidual'>, st: CustomerState): number {
  if (l.meanAbsResidual <= 0) return 1;
  const own = (st.absSum + P.SPREAD_PRIOR_WEIGHT * l.meanAbsResidual) / (st.absN + P.SPREAD_PRIOR_WEIGHT);
  return own / l.meanAbsResidual;
}

/**
 * The settlements in settlement order (then due day, then input order): a numeric sort of packed keys when they
 * fit in a double's 53 bits (no comparator call per comparison: 200,000 settlements sort in milliseconds).
 */
export function bySettlement<T extends Pick<KnownSettlement, 'settled' | 'due'>>(known: readonly T[]): T[] {
  const n = known.length;
  let minS = Infinity;
  let maxS = -Infinity;
  let minD = Infinity;
  let maxD = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = known[i];
    if (k.settled < minS) minS = k.settled;
    if (k.settled > maxS) maxS = k.settled;
    if (k.due < minD) minD = k.due;
    if (k.due > maxD) maxD = k.due;
  }
  const dueSpan = maxD - minD + 1;
  if (n === 0 || (maxS - minS + 1) * dueSpan * n >= Number.MAX_SAFE_INTEGER) {
    return known
      .map((k, i) => ({ k, i }))
      .sort((a, b) => a.k.settled - b.k.settled || a.k.due - b.k.due || a.i - b.i)
      .map((x) => x.k);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((known[i].settled - minS) * dueSpan + (known[i].due - minD)) * n + i;
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = known[keys[i] % n];
  return out;
}

/** One pass over what was settled by `asOfDay`, in settlement order. */
export function learn(
  known: KnownSettlement[],
  asOfDay: number,
  facts: (customerId: string) => CustomerFacts | undefined,
): Learned {
  return runSteps(learnSteps(known, asOfDay, facts));
}

/** Settlements learned between two pauses of `learnSteps` (a few milliseconds of work). */
export const LEARN_SLICE = 20_000;

/** Runs a sliced computation (`learnSteps`, `forecastOpenSteps`…) to its end without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `learn`, pausing (yielding) after every LEARN_SLICE settlements so a worker can answer other messages. */
export function* learnSteps(
  known: KnownSettlement[],
  asOfDay: number,
  facts: (customerId: string) => CustomerFacts | undefined,
): Generator<void, Learned> {
  const sorted = bySettlement(known);
  yield;
  const customers = new Map<string, CustomerState>();
  const segments = new Map<string, { sum: number; n: number }>();
  let gSum = 0;
  let gN = 0;
  let dispSum = 0;
  let dispN = 0;
  const residualRing: number[] = [];
  /** The customer of each settlement of `sorted`, for the refit. */
  const stOf = new Array<CustomerState>(sorted.length);
  const wayCount = new Map<string, number>();
  const seasonAcc: Record<SeasonKey, { sum: number; n: number }> = {
    yearEnd: { sum: 0, n: 0 },
    preSpringFestival: { sum: 0, n: 0 },
    fiscalYearEnd: { sum: 0, n: 0 },
  };
  let absAll = 0;
  let absAllN = 0;
  const view = { segments, globalMean: 0, globalDispute: 0 };
  let drift = 0;
  let driftSum = 0;
  let driftW = 0;
  const deliveryAcc = new Map<string, { sum: number; n: number }>();

  for (let ki = 0; ki < sorted.length; ki++) {
    if (ki > 0 && ki % LEARN_SLICE === 0) yield;
    const k = sorted[ki];
    let st = customers.get(k.customerId);
    if (!st) {
      const f = facts(k.customerId);
      // The customer's facts are looked up once per customer, not once per settlement.
      customers.set(k.customerId, (st = newCustomerState(f?.segment ?? NO_SEGMENT, f?.fiscalYearStartMonth)));
    }
    view.globalMean = gN ? gSum / gN : 0;
    view.globalDispute = dispN ? dispSum / (dispN + 1) : 0;
    const base = baseLocation(view, st);
    const acc = k.delivery === undefined ? undefined : deliveryAcc.get(k.delivery);
    const way = acc ? acc.sum / (acc.n + P.DELIVERY_PRIOR_WEIGHT) : 0;
    const undrifted = (k.disputed ? base + disputeOffset(view, st) : base) + way;
    const expected = undrifted + (st.settledN > 0 ? drift : 0);
    const raw = k.settled - k.due;
    const residual = raw - expected;
    if (st.settledN > 0) {
      driftSum = driftSum * (1 - P.DRIFT_RECENCY) + (raw - undrifted);
      driftW = driftW * (1 - P.DRIFT_RECENCY) + 1;
      drift = driftSum / (driftW + 1);
    }
    if (k.delivery !== undefined) {
      const a = acc ?? { sum: 0, n: 0 };
      a.sum += raw - (expected - way);
      a.n += 1;
      if (!acc) deliveryAcc.set(k.delivery, a);
    }
    // Everything below learns the delivery-neutral delay.
    const delay = raw - way;
    stOf[ki] = st;
    if (k.delivery !== undefined) wayCount.set(k.delivery, (wayCount.get(k.delivery) ?? 0) + 1);
    let cell: Cell | undefined;
    for (const c of st.cells) if (c.way === k.delivery && c.disputed === k.disputed) cell = c;
    if (cell) {
      cell.sum += raw;
      cell.n += 1;
    } else st.cells.push({ way: k.delivery, disputed: k.disputed, sum: raw, n: 1 });
    if (st.settledN > 0 || st.segment !== NO_SEGMENT) {
      // A customer's first settlement says how new customers behave, not how steady known ones are.
      residualRing.push(residual);
      for (const s of seasonsOfDay(Math.round(k.due + expected), st.fiscalYearStartMonth)) {
        seasonAcc[s].sum += residual;
        seasonAcc[s].n += 1;
      }
    }
    if (st.settledN > 0) {
      st.absSum += Math.abs(residual);
      st.absN += 1;
      absAll += Math.abs(residual);
      absAllN += 1;
    }
    // (The customer's own outcomes, `recent`, are filled by the refit.)
    if (k.disputed) {
      const offset = delay - base;
      st.dSum = st.dSum * (1 - P.RECENCY) + offset;
      st.dW = st.dW * (1 - P.RECENCY) + 1;
      st.disputedCount += 1;
      dispSum += offset;
      dispN += 1;
    } else {
      st.ewSum = st.ewSum * (1 - P.RECENCY) + delay;
      st.ewW = st.ewW * (1 - P.RECENCY) + 1;
      st.count += 1;
      const seg = segments.get(st.segment) ?? { sum: 0, n: 0 };
      seg.sum += delay;
      seg.n += 1;
      segments.set(st.segment, seg);
      gSum += delay;
      gN += 1;
    }
    st.settledN += 1;
    if (raw > 0) st.lateN += 1;
  }

  yield;
  const fit = yield* refitAtAsOf(sorted, stOf, wayCount, customers, segments, dispN ? dispSum / (dispN + 1) : 0);
  const seasonShift = {} as Learned['seasonShift'];
  for (const key of Object.keys(seasonAcc) as SeasonKey[]) {
    const a = seasonAcc[key];
    seasonShift[key] = { shift: a.sum / (a.n + P.SEASON_PRIOR_WEIGHT), count: a.n };
  }
  return {
    asOfDay,
    paidInSpringHoliday: paidInSpringHoliday(sorted),
    globalMean: fit.globalMean,
    globalDispute: fit.dispute,
    // With fewer than 8 fitted residuals (a short book), the sequential ones, which count first settlements too.
    residuals: quantilePoints(
      fit.residuals.length >= 8 ? fit.residuals : residualRing.slice(-P.RESIDUAL_WINDOW),
      P.QUANTILES,
    ),
    meanAbsResidual: absAllN ? absAll / absAllN : 0,
    seasonShift,
    customers,
    segments,
    drift,
    delivery: fit.delivery,
    recency: fit.recency,
  };
}

/** A customer's settlements of one delivery way, disputed or not: the sum of their signed delays and their count. */
export interface Cell {
  way: string | undefined;
  disputed: boolean;
  sum: number;
  n: number;
}

/**
 * The within-customer difference of a group from the reference group: per customer, the mean delay in the group
 * less the mean in `ref` (each delay corrected by `correct`), weighted by n·n_ref/(n + n_ref), the inverse
 * variance of that difference. Customers without both groups say nothing about it, so a customer's own level
 * never leaks into a delivery way's or the dispute's offset. Returns the weighted sum and the total weight.
 */
export function withinCustomerDifference(
  cells: readonly (readonly Cell[])[],
  group: (c: Cell) => string | undefined,
  ref: string,
  target: string,
  correct: (c: Cell) => number,
): { sum: number; weight: number } {
  let sum = 0;
  let weight = 0;
  for (const list of cells) {
    let sT = 0;
    let nT = 0;
    let sR = 0;
    let nR = 0;
    for (const c of list) {
      const g = group(c);
      if (g === target) {
        sT += c.sum - correct(c) * c.n;
        nT += c.n;
      } else if (g === ref) {
        sR += c.sum - correct(c) * c.n;
        nR += c.n;
      }
    }
    if (nT === 0 || nR === 0) continue;
    const h = (nT * nR) / (nT + nR);
    sum += h * (sT / nT - sR / nR);
    weight += h;
  }
  return { sum, weight };
}

/**
 * The refit on asOf, once everything known that day has been read (the pass before it is sequential, so its
 * offsets were learned along the way, from partial histories):
 * - each delivery way's offset is the within-customer difference from the most used way (shrunk to none with
 *   DELIVERY_PRIOR_WEIGHT), and the dispute's offset the within-customer difference disputed − undisputed;
 * - every settlement, disputed ones included, then counts for its customer's location as its delay less its
 *   way's and the dispute's offsets (recency-weighted as before), and for its segment's and everybody's mean;
 * - the residual points are each settlement's difference from its customer's location as its earlier
 *   settlements put it (a customer's second settlement on: out of sample, as in the sequential pass).
 * It pauses (yields) every LEARN_SLICE settlements, as `learnSteps` does.
 */
function* refitAtAsOf(
  sorted: readonly KnownSettlement[],
  stOf: readonly CustomerState[],
  wayCount: ReadonlyMap<string, number>,
  customers: Map<string, CustomerState>,
  segments: Map<string, { sum: number; n: number }>,
  sequentialDispute: number,
): Generator<
  void,
  { globalMean: number; dispute: number; residuals: number[]; delivery: Learned['delivery']; recency: number }
> {
  const cells: Cell[][] = [];
  for (const st of customers.values()) cells.push(st.cells);
  let ref: string | undefined;
  for (const [w, n] of wayCount) {
    const r = ref === undefined ? -1 : wayCount.get(ref)!;
    if (n > r || (n === r && w < ref!)) ref = w;
  }
  const off = new Map<string, number>();
  const wayOffset = (way: string | undefined): number => (way === undefined ? 0 : (off.get(way) ?? 0));
  let dispute = sequentialDispute;
  // The way offsets and the dispute offset each need the other removed first: a few alternating rounds settle.
  for (let round = 0; round < 3; round++) {
    if (ref !== undefined)
      for (const w of wayCount.keys()) {
        if (w === ref) {
          off.set(w, 0);
          continue;
        }
        const d = withinCustomerDifference(
          cells,
          (c) => c.way,
          ref,
          w,
          (c) => (c.disputed ? dispute : 0),
        );
        off.set(w, d.sum / (d.weight + P.DELIVERY_PRIOR_WEIGHT));
      }
    const d = withinCustomerDifference(
      cells,
      (c) => (c.disputed ? 'disputed' : 'undisputed'),
      'undisputed',
      'disputed',
      (c) => wayOffset(c.way),
    );
    if (d.weight > 0) dispute = d.sum / d.weight;
  }
  yield;
  // The location's recency is chosen by this book's own history: each candidate's location predicts every
  // settlement from the customer's earlier ones (leave-future-out), and the one with the least mean absolute
  // error wins. A book whose customers change their habits picks a short memory, a steady book a long one.
  const grid = P.RECENCY_CANDIDATES;
  const G = grid.length;
  const ew = new Map<CustomerState, Float64Array>();
  for (const st of customers.values()) {
    ew.set(st, new Float64Array(2 * G));
    st.recent = [];
  }
  segments.clear();
  let gSum = 0;
  let gN = 0;
  const view = { segments, globalMean: 0 };
  const start = sorted.length - P.RESIDUAL_WINDOW;
  const candResiduals: number[][] = grid.map(() => []);
  const candErr = new Float64Array(G);
  let candN = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && i % LEARN_SLICE === 0) yield;
    const x = sorted[i];
    const st = stOf[i];
    const e = ew.get(st)!;
    const y = x.settled - x.due - wayOffset(x.delivery) - (x.disputed ? dispute : 0);
    if (e[1] > 0) {
      // Out of sample: against the customer's location from its earlier settlements only.
      view.globalMean = gSum / gN;
      const prior = P.PRIOR_WEIGHT * segmentMean(view, st.segment);
      for (let g = 0; g < G; g++) {
        const r = y - (e[2 * g] + prior) / (e[2 * g + 1] + P.PRIOR_WEIGHT);
        candErr[g] += Math.abs(r);
        if (i >= start) candResiduals[g].push(r);
      }
      candN += 1;
    }
    st.recent.push(y);
    if (st.recent.length > P.OWN_POINTS) st.recent.shift();
    for (let g = 0; g < G; g++) {
      e[2 * g] = e[2 * g] * (1 - grid[g]) + y;
      e[2 * g + 1] = e[2 * g + 1] * (1 - grid[g]) + 1;
    }
    const seg = segments.get(st.segment);
    if (seg) {
      seg.sum += y;
      seg.n += 1;
    } else segments.set(st.segment, { sum: y, n: 1 });
    gSum += y;
    gN += 1;
  }
  // With fewer than RECENCY_MIN_SETTLEMENTS to judge by, the default recency.
  let best = grid.indexOf(P.RECENCY);
  if (best < 0) throw new Error('PARAMS.RECENCY must be one of RECENCY_CANDIDATES');
  if (candN >= P.RECENCY_MIN_SETTLEMENTS) for (let g = 0; g < G; g++) if (candErr[g] < candErr[best] - 1e-9) best = g;
  for (const [st, e] of ew) {
    st.ewSum = e[2 * best];
    st.ewW = e[2 * best + 1];
    st.dSum = 0;
    st.dW = 0;
  }
  const residuals = candResiduals[best];
  const recency = grid[best];
  const globalMean = gN ? gSum / gN : 0;
  const delivery: Learned['delivery'] = new Map();
  for (const [w, count] of wayCount) delivery.set(w, { offset: off.get(w) ?? 0, count });
  return { globalMean, dispute, residuals, delivery, recency };
}

/** `n` evenly spaced quantiles (midpoints) of `values`; a spread of a week when there is nothing to learn from. */
export function quantilePoints(values: number[], n: number): Float64Array {
  const out = new Float64Array(n);
  if (values.length < 8) {
    for (let i = 0; i < n; i++) out[i] = ((i + 0.5) / n - 0.5) * 14;
    return out;
  }
  const s = values.slice().sort((a, b) => a - b);
  for (let i = 0; i < n; i++) {
    const pos = ((i + 0.5) / n) * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(s.length - 1, lo + 1);
    out[i] = s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }
  return out;
}

const springRanges: Array<[number, number]> = Object.values(SPRING_FESTIVAL).map((iso) => {
  const d = dayOf(iso);
  return [d + SPRING_HOLIDAY_FIRST_OFFSET, d + SPRING_HOLIDAY_LAST_OFFSET];
});

/** The Spring Festival holiday overlapping [lo, hi], if any (an invoice's points span a few weeks: one at most). */
export function springHolidayWithin(lo: number, hi: number): [number, number] | undefined {
  for (const r of springRanges) if (r[0] <= hi && r[1] >= lo) return r;
  return undefined;
}

/**
 * Whether this book has been paid in past Spring Festival holidays at about the rate of the days around them
 * (HOLIDAY_PAID_RATIO of it or more, once HOLIDAY_MIN_SETTLEMENTS settlements fall in the bands): then the
 * holiday rule does not apply. A Chinese book is paid almost never in the holiday; with too little to tell, it does.
 */
export function paidInSpringHoliday(known: readonly Pick<KnownSettlement, 'settled'>[]): boolean {
  let inside = 0;
  let around = 0;
  let insideDays = 0;
  let aroundDays = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const k of known) {
    if (k.settled < first) first = k.settled;
    if (k.settled > last) last = k.settled;
  }
  for (const [from, to] of springRanges) {
    // Only the part of a holiday and its bands that the history covers.
    const lo = Math.max(first, from - P.HOLIDAY_BAND_DAYS);
    const hi = Math.min(last, to + P.HOLIDAY_BAND_DAYS);
    if (from < first || to > last) continue;
    insideDays += to - from + 1;
    aroundDays += hi - lo + 1 - (to - from + 1);
    for (const k of known) {
      if (k.settled >= from && k.settled <= to) inside++;
      else if (k.settled >= lo && k.settled <= hi) around++;
    }
  }
  if (inside + around < P.HOLIDAY_MIN_SETTLEMENTS || aroundDays === 0 || around === 0) return false;
  return inside / insideDays >= P.HOLIDAY_PAID_RATIO * (around / aroundDays);
}

/** Which calendar rules moved at least one point of the forecast (for its explanation). */
export interface RulesApplied {
  springHoliday: boolean;
  batch: boolean;
  bankCutoff: boolean;
}

/**
 * Moves a day the customer would pay on to the day the money can really arrive: a monthly batch, the bank's
 * cut-off, then the Spring Festival holiday [`holidayFrom`, `holidayTo`] (NaN: none near).
 */
export function applyProcess(
  day: number,
  process: PaymentProcess | undefined,
  holidayFrom: number,
  holidayTo: number,
  applied: RulesApplied,
): number {
  let d = day;
  if (process) {
    const transfer = process.transferDays ?? 0;
    if (process.bookClosingDay !== undefined) {
      const b = nearestBatchArrival(d, process.bookClosingDay, transfer);
      if (b !== d) applied.batch = true;
      d = b;
    }
    if (process.bankClosingDay !== undefined) {
      const b = afterBankCutoff(d, process.bankClosingDay, transfer);
      if (b !== d) applied.bankCutoff = true;
      d = b;
    }
  }
  if (d >= holidayFrom && d <= holidayTo) {
    applied.springHoliday = true;
    d = holidayTo + 1;
  }
  return d;
}

export interface InvoicePoints {
  days: Float64Array;
  weights: Float64Array;
  count: number;
}

/**
 * Weighted quantile of the first `count` points (sorted by day first). Points on the same day are one atom, and
 * for the ends of a range (`mid`) an atom counts half below and half above its day (the mid-distribution
 * function), so that a 10–90 % range of whole days covers about 80 % rather than 80 % plus two atoms.
 */
export function weightedQuantile(
  days: Float64Array,
  weights: Float64Array,
  count: number,
  q: number,
  mid = false,
): number {
  let total = 0;
  for (let i = 0; i < count; i++) total += weights[i];
  const target = q * total;
  let below = 0;
  for (let i = 0; i < count;) {
    let j = i;
    let atom = 0;
    while (j < count && days[j] === days[i]) {
      atom += weights[j];
      j++;
    }
    if (below + (mid ? atom / 2 : atom) >= target - 1e-9) return days[i];
    below += atom;
    i = j;
  }
  return days[count - 1];
}

/** Sorts points by day (insertion sort: the points are nearly sorted, and few). */
export function sortPoints(p: InvoicePoints): void {
  const { days, weights } = p;
  for (let i = 1; i < p.count; i++) {
    const d = days[i];
    const w = weights[i];
    let j = i - 1;
    while (j >= 0 && days[j] > d) {
      days[j + 1] = days[j];
      weights[j + 1] = weights[j];
      j--;
    }
    days[j + 1] = d;
    weights[j + 1] = w;
  }
}
