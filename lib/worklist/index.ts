/**
 * The worklist: who to chase first, and why. A transparent score per customer from its maintained
 * CustomerSummary alone (no receivable is read), in the spirit of SAP FSCM's rule-score strategies and the
 * synthesis in research/ar-collections-anchors.md §3:
 *
 *   score = amountPoints × ageFactor × behaviourFactor × holdFactor + boosts          (rounded to 2 decimals)
 *
 * - amountPoints = log10(1 + overdue in major units). Overdue = open amounts whose due date is before `asOf`, less the
 *   disputed part the summary keeps (a partial dispute holds back only its part; when only disputed amounts are
 *   overdue, those rank the row at half weight, see holdFactor).
 *   Common scale: when every overdue currency is the base currency or has a user-entered rate in
 *   `fxRates` (1 unit = rate units of base), the overdue amounts are converted and added, and the figure is in
 *   the base currency. Otherwise each currency is log-scaled on its own and the largest counts (the "lead"
 *   currency): ¥10,000 and $10,000 then weigh the same — enter FX rates in the options to fix that.
 * - ageFactor = 1 + min(d, 360) / 90, d = amount-weighted days past due of the overdue amounts (lead currency, or
 *   all of them when converted). 30 days → 1.33; 90 → 2; 360 or more → 5.
 * - behaviourFactor = 1 + min(max(avgDaysLate, 0), 90) / 180 + 0.25 × min(brokenPromises, 4): a habitual late
 *   payer (90 d) adds 0.5, each broken promise 0.25 (up to 1).
 * - holdFactor = (0.5 when only disputed amounts are overdue; for a summary without its disputed part, 1 − 0.5 ×
 *   the disputed share of open documents) × (0.5 when the next pending promise is not yet due): open disputes and
 *   promises that are still in the future hold a customer back.
 * - boosts (added): promise due today +6; promise past its date but still within the grace days +3; promise broken
 *   within the last grace + 7 days +8; next step planned for today +3; limitation deadline within the warning
 *   window +10; limitation deadline already passed with money still open +4 (a sealed confirmation or a payment
 *   can still revive the claim).
 * Customers with no overdue amount and no boost are left out. Ties: higher overdue points, then customer id.
 * Every factor that applies is listed in `reasons` ({ key, params }) so each row can say why it is there.
 */
import type { CustomerSummary } from '../domain';
import { addDays, daysBetween } from '../ledger/dates';
import { ladderFactsOf, ladderLevel, undisputedByDue, type LadderSettings } from '../playbook/ladder';
import { currencyDecimals } from '../ledger/money';

export interface WorklistOptions {
  /** Common currency for fxRates (Settings.baseCurrency). */
  baseCurrency?: string;
  /** 1 unit of key = rate units of baseCurrency (Settings.fxRates). */
  fxRates?: Record<string, number>;
  promiseGraceDays?: number;
  limitationWarnDays?: number;
  /** Count only this currency's overdue amounts (the currency filter). */
  currency?: string;
  /** With the ladder settings, each row carries the escalation level the side panel and the badge show. */
  ladder?: LadderSettings;
}

export type ReasonKey =
  | 'overdue'
  | 'overdueConverted'
  | 'paysLate'
  | 'brokenPromises'
  | 'promiseToday'
  | 'promiseInGrace'
  | 'promiseJustBroken'
  | 'stepToday'
  | 'limitationNear'
  | 'limitationPassed'
  | 'disputed'
  | 'promisePending'
  /** A held retention (质保金) falls due within its reminder days: ask for its release now (条例 art. 13). */
  | 'retentionDue';

export interface WorklistReason {
  key: ReasonKey;
  /** Plain data: amounts as `minor` + `currency`, dates as YYYY-MM-DD, counts and days as numbers. */
  params: Record<string, string | number>;
}

export interface ScoreParts {
  amountPoints: number;
  ageFactor: number;
  behaviourFactor: number;
  holdFactor: number;
  boosts: number;
}

export interface WorklistRow {
  customerId: string;
  score: number;
  reasons: WorklistReason[];
  parts: ScoreParts;
  /** The headline overdue figure: the converted total (base currency) or the lead currency's amount. */
  overdue: { minor: number; currency: string };
  /** Overdue per currency (minor units), every currency with an overdue amount. */
  overdueByCurrency: Record<string, number>;
  /** Open per currency (minor units). */
  open: Record<string, number>;
  /** Days past due of the oldest open item (0 when nothing is overdue). */
  oldestDaysPastDue: number;
  owner?: string;
  type: CustomerSummary['type'];
  nextPromiseDate?: string;
  lastActivityDate?: string;
  nextActivityDate?: string;
  limitationDeadline?: string;
  /** The escalation level (lib/playbook/ladder.ts), when the options carry the ladder settings and the summary its facts. */
  level?: number;
}

export const BOOSTS = {
  promiseToday: 6,
  promiseInGrace: 3,
  promiseJustBroken: 8,
  stepToday: 3,
  limitationNear: 10,
  limitationPassed: 4,
  retentionDue: 3,
} as const;
export const PENDING_PROMISE_HOLD = 0.5;
export const DISPUTE_HOLD = 0.5;
/** A broken promise counts as "just broken" this many days beyond the grace days. */
export const JUST_BROKEN_DAYS = 7;

const round2 = (x: number) => Math.round(x * 100) / 100;
const toMajor = (minor: number, cur: string) => minor / 10 ** currencyDecimals(cur);

interface CurrencyOverdue {
  currency: string;
  minor: number;
  weightedDays: number;
}

function overdueByCurrency(entries: CustomerSummary['openByDue'], asOf: string, only?: string): CurrencyOverdue[] {
  const m = new Map<string, { minor: number; dayMinor: number }>();
  for (const [due, cur, minor] of entries) {
    if (only && cur !== only) continue;
    if (!(due < asOf) || minor <= 0) continue;
    const e = m.get(cur) ?? { minor: 0, dayMinor: 0 };
    e.minor += minor;
    e.dayMinor += minor * daysBetween(due, asOf);
    m.set(cur, e);
  }
  return [...m]
    .filter(([, e]) => e.minor > 0)
    .map(([currency, e]) => ({ currency, minor: e.minor, weightedDays: e.dayMinor / e.minor }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

function rateOf(cur: string, base: string | undefined, rates: Record<string, number> | undefined): number | undefined {
  if (base && cur === base) return 1;
  const r = rates?.[cur];
  return typeof r === 'number' && Number.isFinite(r) && r > 0 ? r : undefined;
}

/** Scores one customer; undefined when it has nothing to chase. */
export function scoreCustomer(s: CustomerSummary, asOf: string, opts: WorklistOptions = {}): WorklistRow | undefined {
  const grace = opts.promiseGraceDays ?? 3;
  const warnDays = opts.limitationWarnDays ?? 90;
  const reasons: WorklistReason[] = [];
  // The undisputed remainder is what is chased (条例 art. 15): the summary's disputed part (lib/ledger/disputed.ts)
  // comes off. Only when nothing undisputed is overdue does the disputed part rank the row, held back by half.
  const disputedByDue = s.ladder?.disputedByDue;
  const undisputed = disputedByDue
    ? overdueByCurrency(undisputedByDue({ openByDue: s.openByDue, disputedByDue }), asOf, opts.currency)
    : undefined;
  const onlyDisputed = !!undisputed && !undisputed.length;
  const overdue = undisputed && !onlyDisputed ? undisputed : overdueByCurrency(s.openByDue, asOf, opts.currency);

  // Amount on a common scale.
  let amountPoints = 0;
  let days = 0;
  let headline: { minor: number; currency: string } = {
    minor: 0,
    currency: opts.currency ?? opts.baseCurrency ?? 'CNY',
  };
  const base = opts.baseCurrency;
  const convertible =
    !!base && overdue.length > 0 && overdue.every((o) => rateOf(o.currency, base, opts.fxRates) !== undefined);
  if (convertible && base) {
    let value = 0;
    let dayValue = 0;
    for (const o of overdue) {
      const v = toMajor(o.minor, o.currency) * rateOf(o.currency, base, opts.fxRates)!;
      value += v;
      dayValue += v * o.weightedDays;
    }
    amountPoints = Math.log10(1 + value);
    days = value > 0 ? dayValue / value : 0;
    headline = { minor: Math.round(value * 10 ** currencyDecimals(base)), currency: base };
    const single = overdue.length === 1 && overdue[0].currency === base;
    reasons.push(
      single
        ? { key: 'overdue', params: { minor: overdue[0].minor, currency: base, days: Math.round(days) } }
        : {
            key: 'overdueConverted',
            params: { minor: headline.minor, currency: base, days: Math.round(days), currencies: overdue.length },
          },
    );
  } else if (overdue.length) {
    let lead = overdue[0];
    let best = -1;
    for (const o of overdue) {
      const p = Math.log10(1 + toMajor(o.minor, o.currency));
      if (p > best) {
        best = p;
        lead = o;
      }
    }
    amountPoints = best;
    days = lead.weightedDays;
    headline = { minor: lead.minor, currency: lead.currency };
    reasons.push({ key: 'overdue', params: { minor: lead.minor, currency: lead.currency, days: Math.round(days) } });
  }
  const ageFactor = 1 + Math.min(days, 360) / 90;

  // Payment behaviour.
  const late = Math.min(Math.max(s.avgDaysLate ?? 0, 0), 90);
  const broken = Math.min(s.brokenPromiseCount, 4);
  const behaviourFactor = 1 + late / 180 + 0.25 * broken;
  if (late >= 1) reasons.push({ key: 'paysLate', params: { days: Math.round(late) } });
  if (s.brokenPromiseCount > 0) reasons.push({ key: 'brokenPromises', params: { count: s.brokenPromiseCount } });

  // Holds.
  let holdFactor = 1;
  if (s.disputedCount > 0 && s.openCount > 0) {
    // Without the summary's disputed part (older summaries) the share of disputed documents holds the row back; with
    // it, the disputed part is already out of the amount, unless it is all that is overdue.
    if (!undisputed) holdFactor *= 1 - DISPUTE_HOLD * Math.min(1, s.disputedCount / s.openCount);
    else if (onlyDisputed) holdFactor *= 1 - DISPUTE_HOLD;
    reasons.push({ key: 'disputed', params: { count: s.disputedCount } });
  }
  if (s.nextPromiseDate && s.nextPromiseDate > asOf) {
    holdFactor *= PENDING_PROMISE_HOLD;
    reasons.push({ key: 'promisePending', params: { date: s.nextPromiseDate } });
  }

  // Boosts.
  let boosts = 0;
  if (s.nextPromiseDate === asOf) {
    boosts += BOOSTS.promiseToday;
    reasons.push({ key: 'promiseToday', params: { date: asOf } });
  } else if (s.nextPromiseDate && s.nextPromiseDate < asOf) {
    boosts += BOOSTS.promiseInGrace;
    reasons.push({ key: 'promiseInGrace', params: { date: s.nextPromiseDate } });
  }
  if (
    s.lastBrokenPromiseDate &&
    s.lastBrokenPromiseDate <= asOf &&
    daysBetween(s.lastBrokenPromiseDate, asOf) <= grace + JUST_BROKEN_DAYS
  ) {
    boosts += BOOSTS.promiseJustBroken;
    reasons.push({ key: 'promiseJustBroken', params: { date: s.lastBrokenPromiseDate } });
  }
  if (s.nextActivityDate === asOf) {
    boosts += BOOSTS.stepToday;
    reasons.push({ key: 'stepToday', params: { date: asOf } });
  }
  // A retention still held is not overdue before its release date (it is in openByDue on that date), but in the
  // days before it the collector asks for its release: the earliest one whose reminder window is open.
  const soon = (s.retentionHeld ?? []).filter(
    ([release, cur, , remind]) =>
      (!opts.currency || cur === opts.currency) && asOf <= release && asOf >= addDays(release, -remind),
  )[0];
  if (soon) {
    boosts += BOOSTS.retentionDue;
    reasons.push({ key: 'retentionDue', params: { minor: soon[2], currency: soon[1], date: soon[0] } });
  }
  const hasOpen = s.openCount > 0;
  if (s.limitationDeadline && hasOpen) {
    const left = daysBetween(asOf, s.limitationDeadline);
    if (left >= 0 && left <= warnDays) {
      boosts += BOOSTS.limitationNear;
      reasons.push({ key: 'limitationNear', params: { date: s.limitationDeadline, days: left } });
    } else if (left < 0) {
      boosts += BOOSTS.limitationPassed;
      reasons.push({ key: 'limitationPassed', params: { date: s.limitationDeadline } });
    }
  }

  if (amountPoints <= 0 && boosts <= 0) return undefined;
  const score = round2(amountPoints * ageFactor * behaviourFactor * holdFactor + boosts);
  // Reasons in order of weight: boosts first (they explain "why today"), then the amount, behaviour and holds.
  const order: ReasonKey[] = [
    'promiseJustBroken',
    'limitationNear',
    'promiseToday',
    'limitationPassed',
    'promiseInGrace',
    'stepToday',
    'retentionDue',
    'overdue',
    'overdueConverted',
    'brokenPromises',
    'paysLate',
    'disputed',
    'promisePending',
  ];
  reasons.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  // Days on the oldest undisputed item where the summary keeps the disputed part (as the badge and the panel count).
  const oldestDue =
    undisputed && !onlyDisputed
      ? undisputedByDue({ openByDue: s.openByDue, disputedByDue: disputedByDue! })
          .map(([d]) => d)
          .sort()[0]
      : s.oldestOpenDue;
  const oldest = oldestDue ? Math.max(0, daysBetween(oldestDue, asOf)) : 0;
  const row: WorklistRow = {
    customerId: s.customerId,
    score,
    reasons,
    parts: {
      amountPoints: round2(amountPoints),
      ageFactor: round2(ageFactor),
      behaviourFactor: round2(behaviourFactor),
      holdFactor: round2(holdFactor),
      boosts,
    },
    overdue: headline,
    overdueByCurrency: Object.fromEntries(overdue.map((o) => [o.currency, o.minor])),
    open: { ...s.open },
    oldestDaysPastDue: oldest,
    type: s.type,
  };
  if (s.owner !== undefined) row.owner = s.owner;
  if (s.nextPromiseDate) row.nextPromiseDate = s.nextPromiseDate;
  if (s.lastActivityDate) row.lastActivityDate = s.lastActivityDate;
  if (s.nextActivityDate) row.nextActivityDate = s.nextActivityDate;
  if (s.limitationDeadline) row.limitationDeadline = s.limitationDeadline;
  const facts = opts.ladder && ladderFactsOf(s);
  if (facts && opts.ladder) row.level = ladderLevel(facts, opts.ladder, asOf).level;
  return row;
}

export function compareRows(a: WorklistRow, b: WorklistRow): number {
  return (
    b.score - a.score ||
    b.parts.amountPoints - a.parts.amountPoints ||
    (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)
  );
}

export interface WorklistFilter {
  owner?: string;
  type?: CustomerSummary['type'];
  currency?: string;
}

/** True when a summary passes the owner / type filters (the currency filter acts inside the score). */
export function passesFilter(s: Pick<CustomerSummary, 'owner' | 'type' | 'open'>, f: WorklistFilter): boolean {
  if (f.owner !== undefined && f.owner !== '' && s.owner !== f.owner) return false;
  if (f.type && s.type !== f.type) return false;
  if (f.currency && !(s.open[f.currency] > 0)) return false;
  return true;
}

/**
 * Scores every summary and keeps the best `limit`, in order. Linear in the number of summaries with a bounded
 * top-k insertion, so 10,000 customers rank in a few milliseconds — but it still reads every summary, so the
 * popup shows the cached list first (see components/popup/data.ts).
 */
export function rankWorklist(
  summaries: Iterable<CustomerSummary>,
  asOf: string,
  opts: WorklistOptions = {},
  limit = 100,
  filter: WorklistFilter = {},
): WorklistRow[] {
  const top: WorklistRow[] = [];
  const o = filter.currency ? { ...opts, currency: filter.currency } : opts;
  for (const s of summaries) {
    if (!passesFilter(s, filter)) continue;
    const row = scoreCustomer(s, asOf, o);
    if (!row) continue;
    if (top.length >= limit && compareRows(row, top[top.length - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && compareRows(row, top[i - 1]) < 0) i--;
    top.splice(i, 0, row);
    if (top.length > limit) top.pop();
  }
  return top;
}
