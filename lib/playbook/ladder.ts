/**
 * The escalation level (渐进的收款程序, rule 5) from what actually happened: the steps already taken, their
 * outcomes, the promises and the disputes — not from days past due alone. One function, `ladderLevel`, answers
 * for the side panel (through `suggestNext`), the badge's tooltip and the popup's worklist, from `LadderFacts`
 * that the maintained CustomerSummary carries (`ladderFactsOf`), so the three can never disagree.
 *
 * The ladder is a list of small named rules (`ladderRules`), run in order over one state; each may move the level
 * and must say why with a reason key (translated from `common:playbook.*` in lib/i18n/locales). Another rule is added by appending to
 * the list (or inserting it where it belongs): a rule sees the level the rules before it left.
 *
 * Days past due no longer set the level; they are a ceiling on how far failed attempts may climb (the team's
 * thresholds, stretched by its attitude). A step is never skipped unless a stated fact justifies it (a refusal, a
 * broken promise, deliberate delay after documented failed steps, insolvency signs, limitation close), and the
 * reason names that fact.
 */
import type {
  Activity,
  Channel,
  ComplaintTerms,
  CustomerSummary,
  CustomerType,
  PaymentPromise,
  Settings,
} from '../domain';
import { addDays, daysBetween } from '../ledger/dates';
import type { PlaybookKey } from '../i18n/types';
import { attitudes } from './method';
import { complaintEligibility, type ComplaintCheck } from '../toolkit/complaint';

/** A reason as data: a key under `playbook.reason` (or `playbook.caution`) and plain parameters. */
export interface Reason {
  key: PlaybookKey<'reason'> | PlaybookKey<'caution'>;
  /** Amounts as minor units with a `currency` (or `*Minor` + `*Currency`), dates as YYYY-MM-DD, counts as numbers. */
  params?: Record<string, string | number>;
}

/** [dueDate, currency, open minor units] */
export type DueEntry = [string, string, number];
/** [date, channel, outcome] of a logged attempt. */
export type AttemptEntry = [string, Channel, Activity['outcome']];
/** [date, status, currency, promised minor, covered minor] */
export type PromiseEntry = [string, PaymentPromise['status'], string, number, number];

/** What the ladder reads; independent of "today", so it can be kept in the summary on every write. */
export interface LadderFacts {
  customerType: CustomerType;
  delinquencyType?: number;
  /** Open invoices by due date, disputed ones included (the summary's openByDue). */
  openByDue: DueEntry[];
  /** The disputed part of openByDue: listed apart, never demanded, not counted in days overdue. */
  disputedByDue: DueEntry[];
  /** The latest attempts, oldest first (at most MAX_ATTEMPTS). */
  attempts: AttemptEntry[];
  /** The latest promises, oldest first (at most MAX_PROMISES). */
  promises: PromiseEntry[];
  limitationDeadline?: string;
  /** The complaint channel's facts about the parties (CustomerSummary.ladder.complaint); absent: debtor not covered. */
  complaint?: ComplaintFacts;
}

export interface ComplaintFacts {
  debtorKind: NonNullable<ComplaintCheck['debtorKind']>;
  weWereSme: boolean;
  inCourt: boolean;
  filedOn?: string;
}

export const MAX_ATTEMPTS = 40;
export const MAX_PROMISES = 12;

/** The summary's part that only the ladder reads (CustomerSummary.ladder). */
export type SummaryLadder = Pick<
  LadderFacts,
  'disputedByDue' | 'attempts' | 'promises' | 'delinquencyType' | 'complaint'
>;

/** Packs the records the ladder reads, for the summary (lib/ledger/summary.ts calls it on every write). */
export function summaryLadderOf(input: {
  disputed: Array<{ dueDate: string; currency: string; openMinor: number }>;
  activities: Activity[];
  promises: PaymentPromise[];
  delinquencyType?: number;
  /** The customer's type and complaint terms: the parties' side of the complaint channel's conditions. */
  complaint?: { customerType: CustomerType; terms?: ComplaintTerms };
}): SummaryLadder {
  const byDue = new Map<string, number>();
  for (const d of input.disputed) {
    const k = `${d.dueDate}|${d.currency}`;
    byDue.set(k, (byDue.get(k) ?? 0) + d.openMinor);
  }
  const disputedByDue = [...byDue]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, m]) => {
      const [d, c] = k.split('|');
      return [d, c, m] as DueEntry;
    });
  // Ties on one day keep their creation order, so that "called, no answer; called again, refused" reads as logged.
  const attempts = [...input.activities]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt))
    .slice(-MAX_ATTEMPTS)
    .map((a) => [a.date, a.channel, a.outcome] as AttemptEntry);
  const promises = [...input.promises]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt))
    .slice(-MAX_PROMISES)
    .map((p) => [p.date, p.status, p.amount.currency, p.amount.minor, p.coveredMinor] as PromiseEntry);
  const complaint = input.complaint && complaintFactsOf(input.complaint.customerType, input.complaint.terms);
  return {
    disputedByDue,
    attempts,
    promises,
    ...(input.delinquencyType ? { delinquencyType: input.delinquencyType } : {}),
    ...(complaint ? { complaint } : {}),
  };
}

/** The parties' side of the complaint conditions, kept in the summary; undefined when the debtor is not covered. */
export function complaintFactsOf(
  customerType: CustomerType,
  terms: ComplaintTerms | undefined,
): ComplaintFacts | undefined {
  const { debtorKind } = complaintEligibility({ customerType, terms, undisputedOverdueMinor: 0 });
  if (!debtorKind) return undefined;
  return {
    debtorKind,
    weWereSme: terms?.weWereSme ?? false,
    inCourt: terms?.inCourt ?? false,
    ...(terms?.complaintFiledOn ? { filedOn: terms.complaintFiledOn } : {}),
  };
}

/** The ladder's facts from a maintained summary; undefined for a summary written before the ladder was kept. */
export function ladderFactsOf(
  summary: Pick<CustomerSummary, 'openByDue'> &
    Partial<Pick<CustomerSummary, 'type' | 'limitationDeadline' | 'ladder'>>,
): LadderFacts | undefined {
  if (!summary.ladder) return undefined;
  return {
    customerType: summary.type ?? 'enterprise',
    openByDue: summary.openByDue,
    limitationDeadline: summary.limitationDeadline,
    ...summary.ladder,
  };
}

export type LadderSettings = Pick<
  Settings,
  'ladderDays' | 'attitude' | 'ladderClimb' | 'promiseGraceDays' | 'limitationWarnDays'
> &
  Partial<Pick<Settings, 'smeCreditor'>>;

/** Which ladder step an attempt on this channel is; reminders (phone, email, IM) belong to steps 1 and 2. */
export const stepOfChannel: Record<Channel, number> = {
  phone: 1,
  email: 1,
  im: 1,
  statement: 3,
  visit: 4,
  'finance-letter': 5,
  'written-notice': 6,
  'lawyer-letter': 7,
};
const FAILED: ReadonlyArray<Activity['outcome']> = ['no-answer'];
/** Outcomes that show the talks are alive (rule 10). */
const TALKING: ReadonlyArray<Activity['outcome']> = ['promised', 'redirected', 'info-gathered'];
export const RECENT_DAYS = 14;
export const HARDSHIP_DAYS = 30;
export const LEVEL_MAX = 8;

export interface OverdueFigures {
  /** Undisputed overdue per currency, currencies in code order. */
  undisputed: Array<{ currency: string; minor: number }>;
  disputed: Array<{ currency: string; minor: number }>;
  /** Due date of the oldest undisputed overdue item, and its days past due (0 when none). */
  oldestDue?: string;
  days: number;
  /** Days past due of the oldest disputed overdue item (0 when none). */
  disputedDays: number;
}

/** Open minus disputed, per (due, currency). */
export function undisputedByDue(f: Pick<LadderFacts, 'openByDue' | 'disputedByDue'>): DueEntry[] {
  const disputed = new Map(f.disputedByDue.map(([d, c, m]) => [`${d}|${c}`, m]));
  return f.openByDue
    .map(([d, c, m]) => [d, c, m - (disputed.get(`${d}|${c}`) ?? 0)] as DueEntry)
    .filter(([, , m]) => m > 0);
}

const sumByCurrency = (xs: DueEntry[]) => {
  const m = new Map<string, number>();
  for (const [, c, minor] of xs) m.set(c, (m.get(c) ?? 0) + minor);
  return [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => ({ currency, minor }));
};

export function overdueFigures(f: Pick<LadderFacts, 'openByDue' | 'disputedByDue'>, asOf: string): OverdueFigures {
  const und = undisputedByDue(f).filter(([d]) => d < asOf);
  const dis = f.disputedByDue.filter(([d, , m]) => d < asOf && m > 0);
  const oldestDue = und.map(([d]) => d).sort()[0];
  const oldestDisputed = dis.map(([d]) => d).sort()[0];
  return {
    undisputed: sumByCurrency(und),
    disputed: sumByCurrency(dis),
    oldestDue,
    days: oldestDue ? daysBetween(oldestDue, asOf) : 0,
    disputedDays: oldestDisputed ? daysBetween(oldestDisputed, asOf) : 0,
  };
}

/** The highest step the days past due allow, with the team's attitude applied (the thresholds of Settings). */
export function daysCeiling(days: number, settings: Pick<Settings, 'ladderDays' | 'attitude'>): number {
  const factor = attitudes.find((a) => a.key === settings.attitude)?.ladderFactor ?? 1;
  let level = 0;
  settings.ladderDays.forEach((d, i) => {
    if (i > 0 && days >= Math.round(d * factor)) level = i;
  });
  return level;
}

export interface LadderState {
  level: number;
  reasons: Reason[];
  cautions: Reason[];
  /** Set when a rule decided that nothing further may move the level. */
  done?: boolean;
  /** A live promise covers the whole undisputed overdue amount: follow it up, no escalation. */
  held?: boolean;
  /** Failed attempts counted by the history rule (no-answers and refusals since the account fell overdue). */
  failedAttempts: number;
  /** The step is the complaint to the SME payment platform, before the lawyer's letter (`complaintBeforeLawyer`). */
  complaint?: boolean;
}

export interface LadderContext {
  facts: LadderFacts;
  settings: LadderSettings;
  asOf: string;
  figures: OverdueFigures;
  /** Attempts since the oldest undisputed overdue item fell due, up to today. */
  attempts: AttemptEntry[];
  livePromises: PromiseEntry[];
}

export interface LadderRule {
  name: string;
  apply(ctx: LadderContext, state: LadderState): void;
}

const up = (s: LadderState, to: number) => {
  s.level = Math.min(LEVEL_MAX, Math.max(s.level, to));
};
const cap = (s: LadderState, to: number) => {
  s.level = Math.min(s.level, to);
};

/** Nothing undisputed overdue: before the due date (level 0), or only disputed items overdue (resolve them first). */
export const notOverdue: LadderRule = {
  name: 'notOverdue',
  apply(ctx, s) {
    if (ctx.figures.oldestDue) return;
    s.done = true;
    if (ctx.figures.disputed.length) {
      // Reconcile and settle the dispute: the statement step, not before the days allow it.
      s.level = Math.max(1, Math.min(3, daysCeiling(ctx.figures.disputedDays, ctx.settings)));
      s.reasons.push({ key: 'onlyDisputedOverdue', params: { days: ctx.figures.disputedDays } });
    } else s.level = 0;
  },
};

/**
 * The steps taken since the account fell overdue, replayed in order: with no attempt the ladder starts at the first
 * reminder whatever the days; an attempt on a higher step's channel is that step taken; `ladderClimb.failedAttempts`
 * no-answers at a step, or `ladderClimb.days` days after trying it without a result, climb one step (never past
 * what the days allow); a refusal or a broken promise climbs one at once; a kept promise or a payment steps down one.
 */
export const history: LadderRule = {
  name: 'history',
  apply(ctx, s) {
    const { settings, figures } = ctx;
    const start = figures.oldestDue!;
    const climbAttempts = Math.max(1, settings.ladderClimb.failedAttempts);
    const climbDays = Math.max(1, settings.ladderClimb.days);
    const ceilingOn = (day: string) => Math.max(1, daysCeiling(daysBetween(start, day), settings));
    const grace = settings.promiseGraceDays;
    type Ev = { date: string; attempt?: AttemptEntry; promise?: PromiseEntry; order: number };
    const events: Ev[] = ctx.attempts.map((a, i) => ({ date: a[0], attempt: a, order: i }));
    ctx.facts.promises.forEach((p, i) => {
      // A broken promise counts once its grace days are over; a kept one on its date.
      const on = p[1] === 'broken' ? addDays(p[0], grace + 1) : p[1] === 'kept' ? p[0] : undefined;
      if (on && on >= start && on <= ctx.asOf) events.push({ date: on, promise: p, order: 1000 + i });
    });
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    let level = 1;
    let fails = 0;
    /** The day the current step was first tried, when it was and nothing has come of it yet. */
    let tried: string | undefined;
    let last: Reason | undefined;
    /**
     * Climbs one step when the step has failed often enough or was tried long enough ago, as far as the days allow
     * on that day. Failures counted while the days held the ladder back still count once they allow it.
     */
    const climb = (day: string) => {
      if (level >= ceilingOn(day)) return;
      if (fails >= climbAttempts) {
        level++;
        last = { key: 'climbFailed', params: { count: fails, date: day, level } };
        fails = 0;
        tried = undefined;
      } else if (tried && daysBetween(tried, day) >= climbDays) {
        level++;
        last = { key: 'climbNoResult', params: { date: tried, days: daysBetween(tried, day), level } };
        tried = undefined;
        fails = 0;
      }
    };
    for (const e of events) {
      climb(e.date);
      if (e.promise) {
        const [date, status, currency, minor] = e.promise;
        if (status === 'broken') {
          level = Math.min(LEVEL_MAX, level + 1);
          last = { key: 'brokenPromise', params: { date, minor, currency, level } };
        } else {
          level = Math.max(1, level - 1);
          last = { key: 'keptPromise', params: { date, minor, currency, level } };
        }
        tried = undefined;
        fails = 0;
        continue;
      }
      const [date, channel, outcome] = e.attempt!;
      const step = stepOfChannel[channel];
      if (step > level) {
        level = step;
        fails = 0;
        last = { key: 'stepTaken', params: { date, channel, level } };
      }
      // A reminder channel counts at the first two steps; every other step is tried on its own channel.
      const atThisStep = step === level || (step === 1 && level <= 2);
      if (atThisStep && !tried) tried = date;
      if (outcome === 'refused') {
        s.failedAttempts++;
        level = Math.min(LEVEL_MAX, level + 1);
        last = { key: 'refused', params: { date, channel, level } };
        tried = undefined;
        fails = 0;
      } else if (FAILED.includes(outcome)) {
        s.failedAttempts++;
        if (atThisStep) fails++;
        climb(date);
      } else if (outcome === 'paid') {
        level = Math.max(1, level - 1);
        last = { key: 'paidStepDown', params: { date, level } };
        tried = undefined;
        fails = 0;
      } else if (outcome === 'promised' || outcome === 'hardship' || outcome === 'disputed') {
        // The answer is a promise, a hardship or a dispute: the rules below deal with it; the clock starts again.
        tried = undefined;
        fails = 0;
      }
    }
    climb(ctx.asOf);
    s.level = level;
    if (!ctx.attempts.length) s.reasons.push({ key: 'noContactYet', params: { date: start, days: figures.days } });
    else
      s.reasons.push({
        key: 'attemptsSoFar',
        params: { count: ctx.attempts.length, failed: s.failedAttempts, date: start },
      });
    if (last) s.reasons.push(last);
    if (tried && level < LEVEL_MAX) {
      s.reasons.push({ key: 'climbsOn', params: { date: addDays(tried, climbDays), attempts: climbAttempts - fails } });
    }
  },
};

/** Deliberate delay (type 6) jumps two steps, but only after failed steps are documented. */
export const deliberateDelay: LadderRule = {
  name: 'deliberateDelay',
  apply(ctx, s) {
    if (ctx.facts.delinquencyType !== 6) return;
    const need = Math.max(1, ctx.settings.ladderClimb.failedAttempts);
    if (s.failedAttempts >= need) {
      up(s, s.level + 2);
      s.reasons.push({ key: 'deliberateJump', params: { failed: s.failedAttempts, level: s.level } });
    } else s.reasons.push({ key: 'deliberateNoEvidence', params: { failed: s.failedAttempts, need } });
  },
};

/** Poor performance (type 4) is a sign of insolvency: one step sooner, to secure what can be secured. */
export const insolvencySigns: LadderRule = {
  name: 'insolvencySigns',
  apply(ctx, s) {
    if (ctx.facts.delinquencyType !== 4) return;
    up(s, s.level + 1);
    s.reasons.push({ key: 'insolvencyJump', params: { level: s.level } });
  },
};

/** A limitation deadline inside the warning window: at least the statement step (a sealed confirmation interrupts). */
export const limitationClose: LadderRule = {
  name: 'limitationClose',
  apply(ctx, s) {
    const d = ctx.facts.limitationDeadline;
    if (!d || daysBetween(ctx.asOf, d) > ctx.settings.limitationWarnDays) return;
    if (s.level < 3) up(s, 3);
    s.reasons.push({ key: 'limitationClose', params: { date: d, days: daysBetween(ctx.asOf, d) } });
  },
};

/**
 * A live promise holds the ladder only for the part it covers: when the promised amounts (less what has come in)
 * cover the undisputed overdue amount in that currency, follow up gently (no higher than a call); otherwise the
 * rest follows the ladder. Promises above the open balance are flagged.
 */
export const promiseCover: LadderRule = {
  name: 'promiseCover',
  apply(ctx, s) {
    if (!ctx.livePromises.length) return;
    const byCur = new Map<string, number>();
    for (const [, , c, minor, covered] of ctx.livePromises)
      byCur.set(c, (byCur.get(c) ?? 0) + Math.max(0, minor - covered));
    const next = [...ctx.livePromises].sort((a, b) => (a[0] < b[0] ? -1 : 1))[0];
    const [currency, promised] = [...byCur].sort((a, b) => b[1] - a[1])[0];
    const overdue = ctx.figures.undisputed.find((u) => u.currency === currency)?.minor ?? 0;
    const open = undisputedByDue(ctx.facts)
      .filter(([, c]) => c === currency)
      .reduce((t, [, , m]) => t + m, 0);
    if (promised > open)
      s.cautions.push({ key: 'promiseExceeds', params: { minor: promised, currency, openMinor: open } });
    if (ctx.livePromises.length > 1)
      s.cautions.push({ key: 'promisesOverlap', params: { count: ctx.livePromises.length } });
    const others = ctx.figures.undisputed.filter((u) => u.currency !== currency && u.minor > 0);
    if (promised >= overdue && !others.length) {
      cap(s, 2);
      s.held = true;
      s.reasons.push({ key: 'promiseHolds', params: { date: next[0], minor: promised, currency } });
    } else {
      const rest = Math.max(0, overdue - promised);
      s.reasons.push({ key: 'promisePartial', params: { date: next[0], minor: promised, currency, restMinor: rest } });
    }
  },
};

/** Disputes: a contract dispute (type 2) holds at the statement; disputed documents keep legal steps off. */
export const disputeHold: LadderRule = {
  name: 'disputeHold',
  apply(ctx, s) {
    if (ctx.facts.delinquencyType === 2) {
      cap(s, 3);
      s.reasons.push({ key: 'contractDispute' });
    } else if (ctx.figures.disputed.length || ctx.facts.disputedByDue.length) {
      if (s.level > 5) {
        cap(s, 5);
        s.reasons.push({ key: 'disputeCapsLegal' });
      }
    }
  },
};

/** Hardship (type 7, or the customer's latest answer within 30 days): empathy and a plan, at most the statement. */
export const hardship: LadderRule = {
  name: 'hardship',
  apply(ctx, s) {
    const lastAttempt = ctx.attempts.at(-1);
    const recent =
      lastAttempt && lastAttempt[2] === 'hardship' && daysBetween(lastAttempt[0], ctx.asOf) <= HARDSHIP_DAYS;
    if (ctx.facts.delinquencyType !== 7 && !recent) return;
    if (s.level > 3) cap(s, 3);
    s.reasons.push(recent ? { key: 'hardshipSaid', params: { date: lastAttempt[0] } } : { key: 'accident' });
  },
};

/** Rule 10: no legal step while negotiation is alive (a live promise, or talks in the last 14 days). */
export const negotiationAlive: LadderRule = {
  name: 'negotiationAlive',
  apply(ctx, s) {
    if (s.level < 7) return;
    const talk = [...ctx.attempts]
      .reverse()
      .find((a) => TALKING.includes(a[2]) && daysBetween(a[0], ctx.asOf) <= RECENT_DAYS);
    if (!talk && !ctx.livePromises.length) return;
    cap(s, 6);
    s.reasons.push(talk ? { key: 'negotiationAlive', params: { date: talk[0] } } : { key: 'negotiationPromise' });
  },
};

/**
 * The complaint channel before the lawyer (lib/toolkit/complaint.ts; 《保障中小企业款项支付投诉处理暂行办法》 2021): for
 * an SME creditor (Settings, or the customer's terms) and a debtor that is an agency, a public institution or a
 * stated large enterprise, with an undisputed amount overdue and no suit or arbitration, the step the ladder would
 * take past suspending supply is the complaint, until one is filed. A public body, which the ladder takes no further
 * than the finance letter, gets it when the finance letter has failed (the ladder climbing past it). Never for a
 * private debtor, never once a lawyer's letter has been sent.
 */
export const complaintBeforeLawyer: LadderRule = {
  name: 'complaintBeforeLawyer',
  apply(ctx, s) {
    const c = ctx.facts.complaint;
    if (!c) return;
    const government = ctx.facts.customerType === 'government';
    const past = government ? s.level > 5 : s.level >= 7;
    if (!past) return;
    if (c.filedOn) {
      s.reasons.push({ key: 'complaintFiled', params: { date: c.filedOn } });
      return;
    }
    if (ctx.attempts.some((a) => a[1] === 'lawyer-letter')) return;
    // Rule 10 as for any legal step: not while a promise is alive or the talks moved in the last 14 days.
    if (
      ctx.livePromises.length ||
      ctx.attempts.some((a) => TALKING.includes(a[2]) && daysBetween(a[0], ctx.asOf) <= RECENT_DAYS)
    )
      return;
    if (!complaintCheckOf(ctx.facts, ctx.settings, ctx.figures).eligible) return;
    s.level = 7;
    s.complaint = true;
    s.reasons.push({ key: 'complaintBeforeLawyer', params: { kind: c.debtorKind } });
  },
};

/** The complaint conditions from the ladder's facts and Settings, through the one check (lib/toolkit/complaint.ts). */
export function complaintCheckOf(
  facts: Pick<LadderFacts, 'customerType' | 'complaint'>,
  settings: Partial<Pick<Settings, 'smeCreditor'>>,
  figures: Pick<OverdueFigures, 'undisputed'>,
): ComplaintCheck {
  const c = facts.complaint;
  return complaintEligibility({
    customerType: facts.customerType,
    terms: {
      weWereSme: (c?.weWereSme ?? false) || settings.smeCreditor === true,
      debtorSize: c?.debtorKind === 'large-enterprise' ? 'large' : 'unknown',
      publicInstitution: c?.debtorKind === 'public-institution',
      inCourt: c?.inCourt ?? false,
    },
    undisputedOverdueMinor: figures.undisputed.reduce((t, u) => t + u.minor, 0),
  });
}

/** Public bodies are not cut off or sued lightly: the finance letter is the ceiling (the complaint channel aside). */
export const governmentCeiling: LadderRule = {
  name: 'governmentCeiling',
  apply(ctx, s) {
    if (ctx.facts.customerType !== 'government' || s.complaint) return;
    if (s.level > 5) {
      cap(s, 5);
      s.reasons.push({ key: 'governmentCeiling' });
    }
  },
};

/** No suit before a lawyer's letter was sent. */
export const lawyerLetterFirst: LadderRule = {
  name: 'lawyerLetterFirst',
  apply(ctx, s) {
    if (s.level < 8) return;
    if (ctx.attempts.some((a) => a[1] === 'lawyer-letter')) return;
    s.level = 7;
    s.reasons.push({ key: 'lawyerLetterFirst' });
  },
};

/** In order; a rule sees the level the rules before it left. Holds and ceilings come after the jumps. */
export const ladderRules: LadderRule[] = [
  notOverdue,
  history,
  deliberateDelay,
  insolvencySigns,
  limitationClose,
  promiseCover,
  disputeHold,
  hardship,
  negotiationAlive,
  complaintBeforeLawyer,
  governmentCeiling,
  lawyerLetterFirst,
];

export interface LadderResult {
  level: number;
  reasons: Reason[];
  cautions: Reason[];
  figures: OverdueFigures;
  held: boolean;
  failedAttempts: number;
  /** The step at `level` 7 is the complaint channel, not the lawyer's letter. */
  complaint: boolean;
}

/** The one level function (see the file comment). */
export function ladderLevel(
  facts: LadderFacts,
  settings: LadderSettings,
  asOf: string,
  rules: LadderRule[] = ladderRules,
): LadderResult {
  const figures = overdueFigures(facts, asOf);
  const from = figures.oldestDue;
  const attempts = facts.attempts.filter(([d]) => d <= asOf && (!from || d >= from));
  const grace = settings.promiseGraceDays;
  const livePromises = facts.promises.filter(([d, st]) => st === 'pending' && addDays(d, grace) >= asOf);
  const ctx: LadderContext = { facts, settings, asOf, figures, attempts, livePromises };
  const state: LadderState = { level: 0, reasons: [], cautions: [], failedAttempts: 0 };
  for (const rule of rules) {
    rule.apply(ctx, state);
    if (state.done) break;
  }
  return {
    level: state.level,
    reasons: state.reasons,
    cautions: state.cautions,
    figures,
    held: !!state.held,
    failedAttempts: state.failedAttempts,
    complaint: !!state.complaint,
  };
}
