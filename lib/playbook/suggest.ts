/**
 * `suggestNext`: the next collection step for one customer, today, as one coherent step:
 *
 *   level (lib/playbook/ladder.ts, the same function the badge and the popup use) → channel → addressee (the person
 *   the step names) → the techniques that fit that level and these facts → a script built of parts that each rest
 *   on facts of the record (scripts.ts).
 *
 * Reasons, cautions and script parts are data ({ key, params }), translated from `common:playbook.*` in lib/i18n/locales (say.ts);
 * `why`, `cautions` and `script` hold that text in `lang`. The technique choice is a list of small named rules
 * (`suggestRules`), each with a table test; each technique's "must not be used when" is checked last, so that a
 * technique one rule adds can be taken out by a fact another found, and the caution says which.
 */
import type {
  AccountSnapshot,
  Activity,
  Channel,
  Lang,
  OpenReceivable,
  PaymentPromise,
  PersonalityType,
} from '../domain';
import { toIsoDay } from '../domain';
import { addDays, daysBetween, isoOf } from '../ledger/dates';
import { allocateWithCredit } from '../ledger/allocate';
import { limitationDeadline, partialPaymentsByReceivable } from '../ledger/limitation';
import { joinParts, splitByDue } from '../ledger/retention';
import { nineQuestionAnswered } from '../ledger/summary';
import { rungOf, techniques, traps } from './catalog';
import { splitDisputed } from '../ledger/disputed';
import { attitudes } from './method';
import {
  complaintFactsOf,
  ladderLevel,
  summaryLadderOf,
  type DueEntry,
  type LadderFacts,
  type LadderResult,
  type Reason,
} from './ladder';
import { addresseeFor, buildParts, personalityOf, type AddresseeRole, type ScriptPart, type Signal } from './scripts';
import { renderScript, sayPart, sayReason } from './say';
import type { PlaybookKey } from '../i18n/types';

export interface Suggestion {
  level: number;
  /** The step at level 7 is the complaint to the SME payment platform (ladder.ts `complaintBeforeLawyer`). */
  complaint: boolean;
  levelKey: string;
  levelName: string;
  techniqueIds: number[];
  channel: Channel;
  dimension: 'sales' | 'finance' | 'legal';
  script: string;
  subject?: string;
  why: string[];
  cautions: string[];
  missing: number[];
  preparationsMissing: number[];
  delinquencyType?: number;
  nextDate?: string;
  /** The addressee's personality type and how the script's tone follows it. */
  tone?: { personality: PersonalityType; contact: string; name: string; note: string };
  /** `why` as data. */
  reasons: Reason[];
  /** `cautions` as data. */
  cautionReasons: Reason[];
  /** The script as parts, each with the facts it rests on; `script` is their text. */
  parts: ScriptPart[];
  subjectPart?: ScriptPart;
  /** The person the step names; `role` says which of the nine questions' people it is. */
  addressee: { role: AddresseeRole; contactId?: string; name?: string; ourOwner?: string };
  /** Open undisputed items the script asks for (overdue ones once anything is overdue), oldest first. */
  demanded: Array<{ id: string; docNumber: string; minor: number; currency: string; dueDate: string }>;
  /** Disputed open items, listed apart and never demanded. */
  disputed: Array<{ id: string; docNumber: string; minor: number; currency: string; reason?: string }>;
}

/** Tension that rules out indirect pressure lasts this long after a refusal or objection. */
const TENSE_DAYS = 30;
/** A channel that won a promise or payment this recently is worth using again. */
const WORKED_DAYS = 90;
/** The budget push starts this many days before the fiscal year ends; the budget check runs this long after it starts. */
const FY_END_WINDOW = 60;
const FY_START_WINDOW = 90;

export interface SuggestContext {
  account: AccountSnapshot;
  now: Date;
  asOf: string;
  ladder: LadderResult;
  level: number;
  /**
   * Open invoices with an undisputed part, oldest first, each with `openMinor` set to that part (a document disputed
   * in part is demanded for the rest, 条例 art. 15).
   */
  open: OpenReceivable[];
  overdue: OpenReceivable[];
  /** Open invoices with a disputed part, each with `openMinor` set to the disputed part: listed apart, never demanded. */
  disputed: OpenReceivable[];
  answered: boolean[];
  /** Newest first. */
  acts: Activity[];
  signals: Signal[];
  livePromises: PaymentPromise[];
  broken?: PaymentPromise;
  government: boolean;
}

export interface SuggestDraft {
  reasons: Reason[];
  cautions: Reason[];
  tech: Set<number>;
  /** Technique id → why it must not be used here (a key under playbook.because). */
  forbidden: Map<number, { key: PlaybookKey<'because'>; params: Record<string, string | number> }>;
  channel: Channel;
  nextDate?: string;
}

export interface SuggestRule {
  name: string;
  apply(ctx: SuggestContext, d: SuggestDraft): void;
}

const forbid = (
  d: SuggestDraft,
  ids: number[],
  because: PlaybookKey<'because'>,
  params: Record<string, string | number> = {},
) =>
  ids.forEach((id) => {
    if (!d.forbidden.has(id)) d.forbidden.set(id, { key: because, params });
  });
const byCurrency = (items: OpenReceivable[]) => {
  const m = new Map<string, number>();
  for (const r of items) m.set(r.amount.currency, (m.get(r.amount.currency) ?? 0) + r.openMinor);
  return [...m]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([c, minor]) => `${minor}|${c}`)
    .join(';');
};

/** What is overdue, what falls due, or that nothing is open; disputed items apart. */
export const overdueFacts: SuggestRule = {
  name: 'overdueFacts',
  apply(ctx, d) {
    const { open, overdue, disputed } = ctx;
    if (overdue.length) {
      d.reasons.push({
        key: 'overdue',
        params: {
          days: daysBetween(overdue[0].dueDate, ctx.asOf),
          total: byCurrency(overdue),
          doc: overdue[0].docNumber,
          count: overdue.length,
        },
      });
    } else if (open.length) {
      d.reasons.push({ key: 'fallsDue', params: { doc: open[0].docNumber, date: open[0].dueDate } });
      d.tech.add(5);
      const late = ctx.account.receivables.filter((r) => r.settledOn && r.settledOn > r.dueDate);
      if (late.length) {
        d.tech.add(16);
        d.reasons.push({
          key: 'paidLateBefore',
          params: { count: late.length, days: Math.max(...late.map((r) => daysBetween(r.dueDate, r.settledOn!))) },
        });
      }
    } else if (!disputed.length) {
      d.reasons.push({ key: 'nothingOpen' });
      d.tech.add(1);
      d.tech.add(21);
    }
    if (disputed.length) {
      d.reasons.push({
        key: 'disputedApart',
        params: {
          count: disputed.length,
          total: byCurrency(disputed),
          docNumbers: disputed.map((r) => r.docNumber).join(', '),
        },
      });
      [4, 21].forEach((t) => d.tech.add(t));
      forbid(d, [2, 19], 'disputeOpen');
    }
  },
};

/** The team's attitude stretches or tightens the day thresholds. */
export const attitudeNote: SuggestRule = {
  name: 'attitudeNote',
  apply(ctx, d) {
    const a = attitudes.find((x) => x.key === ctx.account.settings.attitude);
    if (ctx.overdue.length && a && a.ladderFactor !== 1)
      d.reasons.push({ key: 'attitude', params: { attitude: a.key } });
  },
};

/** Promises: follow a live one up on its date; a broken one calls for firmness. */
export const promiseTechniques: SuggestRule = {
  name: 'promiseTechniques',
  apply(ctx, d) {
    const live = ctx.livePromises[0];
    if (live) {
      d.tech.add(11);
      d.nextDate = addDays(live.date, 1);
    } else if (ctx.broken && ctx.overdue.length) {
      [9, 10, 11].forEach((t) => d.tech.add(t));
      d.reasons.push({ key: 'firmAfterBroken', params: { date: ctx.broken.date } });
    }
  },
};

/** The seven delinquency types (拖欠类型): each brings its techniques and rules some out. */
export const delinquencyTechniques: SuggestRule = {
  name: 'delinquencyTechniques',
  apply(ctx, d) {
    const dt = ctx.account.customer.delinquencyType;
    if (!dt) return;
    const add = (ids: number[]) => ids.forEach((t) => d.tech.add(t));
    if (dt === 1) add([2, 7]);
    if (dt === 2) {
      add([4, 21]);
      forbid(d, [2, 19], 'disputeOpen');
    }
    if (dt === 3) add([13]);
    if (dt === 4) add([12, 6]);
    if (dt === 5) {
      add([3]);
      forbid(d, [12], 'shortOfCash');
    }
    if (dt === 6) {
      if (ctx.overdue.length) add([10, 19]);
      forbid(d, [3, 15, 20], 'deliberate');
    }
    if (dt === 7) {
      add([20, 15]);
      forbid(d, [9, 10, 12], 'accident');
    }
    d.reasons.push({ key: 'delinquencyType', params: { type: dt } });
  },
};

/** A refusal or objection in the last 30 days: no indirect pressure. */
export const tension: SuggestRule = {
  name: 'tension',
  apply(ctx, d) {
    const tense = ctx.acts.find(
      (a) => ['refused', 'disputed'].includes(a.outcome) && daysBetween(a.date, ctx.asOf) <= TENSE_DAYS,
    );
    if (tense) forbid(d, [17], 'tense', { date: tense.date });
  },
};

/** Techniques that fit the step: no flattery or incentive on a legal step; no threat while a dispute or talks stand. */
export const fitTheStep: SuggestRule = {
  name: 'fitTheStep',
  apply(ctx, d) {
    if (ctx.level >= 7) forbid(d, [15, 16, 17, 18, 20, 14], 'legalStep', { level: ctx.level });
    if (ctx.ladder.held || ctx.livePromises.length) forbid(d, [19], 'promiseLive');
    const talking = ctx.acts.find(
      (a) => ['promised', 'redirected', 'info-gathered'].includes(a.outcome) && daysBetween(a.date, ctx.asOf) <= 14,
    );
    if (talking) forbid(d, [19], 'talking', { date: talking.date });
    if (ctx.level < 6) forbid(d, [19], 'tooEarly', { level: ctx.level });
  },
};

/** Government and budget-bound customers: budget, approval chain, audit. */
export const governmentRule: SuggestRule = {
  name: 'government',
  apply(ctx, d) {
    if (!ctx.government) return;
    d.tech.add(4);
    d.reasons.push({ key: 'government' });
    if (!ctx.answered[3] || !ctx.answered[4]) d.reasons.push({ key: 'approvalChain' });
    if (!(ctx.account.preparations?.checked ?? []).includes(1)) d.cautions.push({ key: 'audit' });
  },
};

/** The customer's fiscal year: push before it ends, confirm the budget after it starts. */
export const fiscalYear: SuggestRule = {
  name: 'fiscalYear',
  apply(ctx, d) {
    const { customer, profile } = ctx.account;
    const fyStartMonth = customer.fiscalYearStartMonth ?? (ctx.government ? 1 : undefined);
    if (!ctx.open.length || !fyStartMonth || !(ctx.government || profile?.budgetRequired === true)) return;
    const [y, m] = ctx.asOf.split('-').map(Number);
    const startYear = m >= fyStartMonth ? y : y - 1;
    const fyStart = isoOf(startYear, fyStartMonth, 1);
    const fyEnd = addDays(isoOf(startYear + 1, fyStartMonth, 1), -1);
    const toEnd = daysBetween(ctx.asOf, fyEnd);
    if (toEnd <= FY_END_WINDOW) {
      d.tech.add(2);
      const pushBy = addDays(fyEnd, -15);
      const by = pushBy > ctx.asOf ? pushBy : ctx.asOf;
      d.nextDate = d.nextDate && d.nextDate < by ? d.nextDate : by;
      d.reasons.push({ key: 'fiscalYearEnds', params: { date: fyEnd, days: toEnd } });
    } else if (daysBetween(fyStart, ctx.asOf) < FY_START_WINDOW) {
      d.tech.add(4);
      d.reasons.push({ key: 'fiscalYearStarted', params: { date: fyStart } });
    }
  },
};

/** An unknown initiator or signer is asked for first. */
export const askWhoPays: SuggestRule = {
  name: 'askWhoPays',
  apply(ctx, d) {
    if (ctx.answered[3] && ctx.answered[4]) return;
    d.reasons.push({ key: 'whoPaysUnknown' });
    d.tech.add(7);
  },
};

/** Pressure without confrontation where the relationship is worth more than a quick win. */
export const indirectPressure: SuggestRule = {
  name: 'indirectPressure',
  apply(ctx, d) {
    const s = ctx.account.settings;
    const sensitive = s.attitude === 'sales-driven' || ctx.government || ctx.account.customer.type === 'state-owned';
    if (!sensitive || (ctx.level !== 4 && ctx.level !== 5)) return;
    d.tech.add(17);
    const who = s.attitude === 'sales-driven' ? 'salesDriven' : ctx.government ? 'government' : 'stateOwned';
    if (!d.forbidden.has(17)) d.reasons.push({ key: 'indirectPressure', params: { who } });
  },
};

/** Evidence and a balance confirmation before a visit or a letter. */
export const preparationsFirst: SuggestRule = {
  name: 'preparationsFirst',
  apply(ctx, d) {
    const prepared = new Set(ctx.account.preparations?.checked ?? []);
    if (ctx.level >= 3 && (!prepared.has(1) || !prepared.has(2))) d.cautions.push({ key: 'evidenceFirst' });
  },
};

/** The three traps, from the customer's words (signals) or, until a detector is plugged in, the catalog's patterns. */
export const trapWatch: SuggestRule = {
  name: 'trapWatch',
  apply(ctx, d) {
    const kinds: Record<number, Signal['kind']> = {
      1: 'trap-discount',
      2: 'trap-wait-for-our-client',
      3: 'trap-goods-for-debt',
    };
    for (const trap of traps) {
      const signal = ctx.signals.find((s) => s.kind === kinds[trap.id]);
      const text = signal?.evidence ?? (ctx.account.recentMessages ?? []).find((m) => trap.triggers.test(m));
      if (text === undefined) continue;
      d.cautions.push({ key: 'trap', params: { trap: trap.id, evidence: text.slice(0, 80) } });
      if (trap.id === 1) forbid(d, [16], 'angling');
    }
  },
};

/** Rules 9 and 6, always and from the finance letter on. */
export const standingCautions: SuggestRule = {
  name: 'standingCautions',
  apply(ctx, d) {
    d.cautions.push({ key: 'rule9' });
    if (ctx.level >= 5) d.cautions.push({ key: 'rule6' });
  },
};

/** The step's own techniques, when something is open. */
export const stepTechniques: SuggestRule = {
  name: 'stepTechniques',
  apply(ctx, d) {
    if (ctx.open.length || ctx.disputed.length)
      rungOf(ctx.level, ctx.ladder.complaint).techniques.forEach((t) => d.tech.add(t));
  },
};

/** Persistence where it works; a change of channel where it does not (calls and reminders only). */
export const channelHistory: SuggestRule = {
  name: 'channelHistory',
  apply(ctx, d) {
    if (d.channel !== 'phone') return;
    const worked = ctx.acts.find(
      (a) => ['promised', 'paid'].includes(a.outcome) && daysBetween(a.date, ctx.asOf) <= WORKED_DAYS,
    );
    if (worked && ['im', 'email', 'visit'].includes(worked.channel) && ctx.level <= 2) {
      d.channel = worked.channel;
      d.reasons.push({
        key: 'channelWorked',
        params: { date: worked.date, channel: worked.channel, paid: worked.outcome === 'paid' ? 1 : 0 },
      });
      return;
    }
    const recent = ctx.acts.slice(0, 3);
    if (recent.length === 3 && recent.every((a) => a.channel === 'phone' && a.outcome === 'no-answer')) {
      d.channel = 'email';
      d.tech.add(11);
      d.reasons.push({ key: 'callsUnanswered' });
    }
  },
};

export const suggestRules: SuggestRule[] = [
  overdueFacts,
  attitudeNote,
  promiseTechniques,
  delinquencyTechniques,
  tension,
  fitTheStep,
  governmentRule,
  fiscalYear,
  askWhoPays,
  indirectPressure,
  preparationsFirst,
  trapWatch,
  standingCautions,
  stepTechniques,
  channelHistory,
];

/** The ladder's facts from the account itself, computed as the summary computes them (lib/ledger/summary.ts). */
export function accountLadderFacts(account: AccountSnapshot): LadderFacts {
  // A held retention counts on its release date, as in the summary (lib/ledger/retention.ts).
  const invoices = splitByDue(account.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0));
  const byDue = new Map<string, number>();
  for (const r of invoices) {
    const k = `${r.dueDate}|${r.amount.currency}`;
    byDue.set(k, (byDue.get(k) ?? 0) + r.openMinor);
  }
  const openByDue = [...byDue]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, m]) => {
      const [d, c] = k.split('|');
      return [d, c, m] as DueEntry;
    });
  const parts = partialPaymentsByReceivable(
    account.payments.length ? allocateWithCredit(account.receivables, account.payments).applications : [],
  );
  const deadlines = invoices
    .map((r) => limitationDeadline(r, { years: account.settings.limitationYears }, parts.get(r.id) ?? []).deadline)
    .sort();
  return {
    customerType: account.customer.type,
    openByDue,
    ...(deadlines[0] ? { limitationDeadline: deadlines[0] } : {}),
    ...summaryLadderOf({
      disputed: splitDisputed(invoices, account.disputes)
        .filter((x) => x.disputedMinor > 0)
        .map((x) => ({ dueDate: x.doc.dueDate, currency: x.doc.amount.currency, openMinor: x.disputedMinor })),
      activities: account.activities,
      promises: account.promises,
      delinquencyType: account.customer.delinquencyType,
      complaint: { customerType: account.customer.type, terms: account.terms },
    }),
  };
}

const scriptShape = (channel: Channel): 'letter' | 'spoken' | 'agenda' =>
  channel === 'visit' ? 'agenda' : ['phone', 'im'].includes(channel) ? 'spoken' : 'letter';

/** Everything the rules read, worked out once from the account and the day. */
export function suggestContext(account: AccountSnapshot & { signals?: Signal[] }, now: Date): SuggestContext {
  const asOf = toIsoDay(now);
  const { settings } = account;
  const lad = ladderLevel(accountLadderFacts(account), settings, asOf);
  const byDue = (a: OpenReceivable, b: OpenReceivable) =>
    a.dueDate.localeCompare(b.dueDate) || a.docNumber.localeCompare(b.docNumber);
  // The one split (lib/ledger/disputed.ts) first: a document disputed in part keeps its undisputed rest. Then each
  // document's parts by due day: a retention still held is not due before its release date, so it is never
  // demanded as overdue before then; after it, it is (条例 art. 13). A document is named once, its parts joined.
  const split = splitDisputed(
    account.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0).sort(byDue),
    account.disputes,
  );
  const undisputed = split
    .filter((x) => x.undisputedMinor > 0)
    .map((x) => (x.disputedMinor ? { ...x.doc, openMinor: x.undisputedMinor } : x.doc));
  const disputed = split.filter((x) => x.disputedMinor > 0).map((x) => ({ ...x.doc, openMinor: x.disputedMinor }));
  const parts = splitByDue(undisputed).sort(byDue);
  const heldLater = (r: OpenReceivable) =>
    r.retentionPart && r.dueDate >= asOf && parts.some((x) => x.id === r.id && !x.retentionPart);
  const open = joinParts(parts.filter((r) => !heldLater(r))).sort(byDue);
  const overdue = joinParts(parts.filter((r) => r.dueDate < asOf)).sort(byDue);
  const grace = settings.promiseGraceDays;
  return {
    account,
    now,
    asOf,
    ladder: lad,
    level: lad.level,
    open,
    overdue,
    disputed,
    answered: nineQuestionAnswered(account.profile),
    acts: [...account.activities]
      .filter((a) => a.date <= asOf)
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt),
    signals: account.signals ?? [],
    livePromises: account.promises
      .filter((p) => p.status === 'pending' && addDays(p.date, grace) >= asOf)
      .sort((a, b) => a.date.localeCompare(b.date)),
    broken: account.promises.filter((p) => p.status === 'broken').sort((a, b) => b.date.localeCompare(a.date))[0],
    government: account.customer.type === 'government',
  };
}

/**
 * `opts.channel` asks for the step's script on one channel (a cadence reminder is always an email): the level,
 * techniques and facts are the same; only the shape (a letter, with its subject) follows the channel asked for.
 */
export function suggestNext(
  account: AccountSnapshot & { signals?: Signal[] },
  now: Date,
  lang: Lang,
  opts: { channel?: Channel } = {},
): Suggestion {
  const ctx = suggestContext(account, now);
  const { asOf, level, open, overdue, disputed, livePromises, broken, acts, ladder: lad } = ctx;
  const step = rungOf(level, lad.complaint);
  const d: SuggestDraft = { reasons: [], cautions: [], tech: new Set(), forbidden: new Map(), channel: step.channel };
  overdueFacts.apply(ctx, d);
  d.reasons.push(...lad.reasons);
  d.cautions.push(...lad.cautions);
  for (const rule of suggestRules) if (rule !== overdueFacts) rule.apply(ctx, d);
  if (opts.channel) d.channel = opts.channel;

  // The addressee's personality sets the tone and adds the techniques that suit that person.
  const addressee = addresseeFor(level, account);
  const personality = personalityOf(addressee.contact);
  let tone: Suggestion['tone'];
  if (addressee.contact && personality) {
    personality.techniques.forEach((t) => d.tech.add(t));
    tone = {
      personality: personality.key,
      contact: addressee.contact.name,
      name: personality.name[lang],
      note: personality.tone[lang],
    };
    d.reasons.push({ key: 'tone', params: { name: addressee.contact.name, personality: personality.key } });
  }
  d.reasons.push({
    key: addressee.ourOwner ? 'addresseeOwner' : 'addressee',
    params: {
      role: addressee.role,
      name: addressee.contact?.name ?? account.customer.name,
      owner: addressee.ourOwner ?? '',
    },
  });

  // Each technique's "must not be used when", checked last against everything found above.
  for (const id of [...d.tech]) {
    const why = d.forbidden.get(id);
    if (!why) continue;
    d.tech.delete(id);
    d.cautions.push({ key: 'leftOut', params: { tech: id, because: why.key, ...why.params } });
  }
  if (account.customer.delinquencyType)
    d.cautions.push({ key: 'typeStrategy', params: { type: account.customer.delinquencyType } });
  d.reasons.unshift(lad.complaint ? { key: 'stepComplaint', params: { level } } : { key: 'step', params: { level } });

  const techniqueIds = [...d.tech].filter((id) => techniques.some((t) => t.id === id)).sort((a, b) => a - b);
  // Lines in order of importance: the step's own techniques first, then the rest as the rules added them.
  const ordered = [
    ...step.techniques.filter((t) => d.tech.has(t)),
    ...[...d.tech].filter((t) => !step.techniques.includes(t)),
  ];
  const headline = lad.figures.undisputed[0];
  const covered = livePromises
    .filter((p) => headline && p.amount.currency === headline.currency)
    .reduce((t, p) => t + p.amount.minor - p.coveredMinor, 0);
  const demandedItems = overdue.length ? overdue : open;
  const demands = acts
    .filter((a) => overdue.length && a.date >= overdue[0].dueDate)
    .map((a) => ({ id: a.id, date: a.date }));
  const lawyer = acts.find((a) => a.channel === 'lawyer-letter');
  const built = buildParts({
    account,
    lang,
    asOf,
    level,
    addressee,
    shape: scriptShape(d.channel),
    techniqueIds: ordered,
    demanded: demandedItems,
    disputed,
    livePromises,
    brokenPromise: broken,
    rest: headline ? { minor: Math.max(0, headline.minor - covered), currency: headline.currency } : undefined,
    signals: ctx.signals,
    demands,
    lawyerLetter: lawyer && { id: lawyer.id, date: lawyer.date },
    overdue: overdue.length > 0,
    ...(lad.complaint
      ? { complaint: { kind: complaintFactsOf(account.customer.type, account.terms)?.debtorKind ?? 'agency' } }
      : {}),
  });
  const dimension =
    level >= 7 ? 'legal' : ['finance-letter', 'statement', 'written-notice'].includes(d.channel) ? 'finance' : 'sales';
  const missing = ctx.answered.map((a, i) => (a ? 0 : i + 1)).filter((n) => n && (overdue.length ? true : n <= 5));
  const prepared = new Set(account.preparations?.checked ?? []);
  return {
    level,
    complaint: lad.complaint,
    levelKey: step.key,
    levelName: step.name[lang],
    techniqueIds,
    channel: d.channel,
    dimension,
    script: renderScript(built.parts, lang, scriptShape(d.channel)),
    ...(built.subject && scriptShape(d.channel) === 'letter'
      ? { subject: sayPart(built.subject, lang), subjectPart: built.subject }
      : {}),
    why: d.reasons.map((r) => sayReason(r, lang)),
    cautions: d.cautions.map((r) => sayReason(r, lang, 'caution')),
    missing,
    preparationsMissing: [1, 2, 3, 4, 5].filter((n) => !prepared.has(n)),
    delinquencyType: account.customer.delinquencyType,
    nextDate: d.nextDate ?? addDays(asOf, level >= 5 ? 3 : 7),
    ...(tone ? { tone } : {}),
    reasons: d.reasons,
    cautionReasons: d.cautions,
    parts: built.parts,
    addressee: {
      role: addressee.role,
      ...(addressee.contact ? { contactId: addressee.contact.id, name: addressee.contact.name } : {}),
      ...(addressee.ourOwner ? { ourOwner: addressee.ourOwner } : {}),
    },
    demanded: demandedItems.map((r) => ({
      id: r.id,
      docNumber: r.docNumber,
      minor: r.openMinor,
      currency: r.amount.currency,
      dueDate: r.dueDate,
    })),
    disputed: disputed.map((r) => ({
      id: r.id,
      docNumber: r.docNumber,
      minor: r.openMinor,
      currency: r.amount.currency,
      ...(r.disputeReason ? { reason: r.disputeReason } : {}),
    })),
  };
}
