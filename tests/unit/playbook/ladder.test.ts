/** Table tests, one table per ladder rule (lib/playbook/ladder.ts), through `ladderLevel` on hand-made facts. */
import { defaultSettings } from '@/lib/domain';
import { addDays } from '@/lib/ledger/dates';
import {
  ladderLevel,
  ladderRules,
  summaryLadderOf,
  ladderFactsOf,
  type AttemptEntry,
  type LadderFacts,
  type PromiseEntry,
} from '@/lib/playbook/ladder';
import { summarizeCustomer } from '@/lib/ledger/summary';
import { accountLadderFacts } from '@/lib/playbook/suggest';
import { account, activity, ago, promise, rec, TODAY } from '../support/accounts';

const S = defaultSettings();
const facts = (p: Partial<LadderFacts> & { days?: number; minor?: number } = {}): LadderFacts => ({
  customerType: 'enterprise',
  openByDue: p.openByDue ?? [[ago(p.days ?? 50), 'CNY', p.minor ?? 100_000]],
  disputedByDue: [],
  attempts: [],
  promises: [],
  ...p,
});
const at = (days: number, channel: AttemptEntry[1], outcome: AttemptEntry[2]): AttemptEntry => [
  ago(days),
  channel,
  outcome,
];
const keys = (f: LadderFacts, settings = S) => ladderLevel(f, settings, TODAY).reasons.map((r) => r.key);
const level = (f: LadderFacts, settings = S) => ladderLevel(f, settings, TODAY).level;

interface Row {
  name: string;
  f: LadderFacts;
  level: number;
  has?: string[];
  settings?: typeof S;
}
const table = (rows: Row[]) => {
  for (const r of rows) {
    it(r.name, () => {
      const res = ladderLevel(r.f, r.settings ?? S, TODAY);
      expect(res.level).toBe(r.level);
      for (const k of r.has ?? [])
        expect(res.reasons.map((x) => x.key).concat(res.cautions.map((x) => x.key))).toContain(k);
    });
  }
};

describe('ladder rules are a list others can extend', () => {
  it('runs the named rules in order', () => {
    expect(ladderRules.map((r) => r.name)).toEqual([
      'notOverdue',
      'history',
      'deliberateDelay',
      'insolvencySigns',
      'limitationClose',
      'promiseCover',
      'disputeHold',
      'hardship',
      'negotiationAlive',
      'complaintBeforeLawyer',
      'governmentCeiling',
      'lawyerLetterFirst',
    ]);
  });
  it('an added rule sees the level the others left', () => {
    const complaint = {
      name: 'complaintChannel',
      apply: (_c: unknown, s: { level: number; reasons: Array<{ key: string }> }) => {
        if (s.level >= 5) {
          s.level = 6;
          s.reasons.push({ key: 'complaint' });
        }
      },
    };
    const f = facts({
      days: 200,
      attempts: [
        at(150, 'phone', 'refused'),
        at(140, 'statement', 'refused'),
        at(120, 'visit', 'refused'),
        at(100, 'finance-letter', 'no-answer'),
      ],
    });
    expect(ladderLevel(f, S, TODAY, [...ladderRules, complaint]).level).toBe(6);
  });
});

describe('notOverdue', () =>
  table([
    { name: 'nothing open: level 0', f: facts({ openByDue: [] }), level: 0 },
    { name: 'falls due next week: level 0', f: facts({ openByDue: [[addDays(TODAY, 6), 'CNY', 1]] }), level: 0 },
    {
      name: 'only a disputed item overdue, 50 days: statement to reconcile',
      f: facts({ disputedByDue: [[ago(50), 'CNY', 100_000]] }),
      level: 3,
      has: ['onlyDisputedOverdue'],
    },
    {
      name: 'only a disputed item overdue, 3 days: no step skipped',
      f: facts({ days: 3, disputedByDue: [[ago(3), 'CNY', 100_000]] }),
      level: 1,
    },
  ]));

describe('history', () =>
  table([
    { name: 'no contact at 115 days: first reminder', f: facts({ days: 115 }), level: 1, has: ['noContactYet'] },
    { name: 'no contact at 300 days: first reminder', f: facts({ days: 300 }), level: 1, has: ['noContactYet'] },
    {
      name: 'one unanswered call: stays, says when it climbs',
      f: facts({ attempts: [at(2, 'phone', 'no-answer')] }),
      level: 1,
      has: ['climbsOn'],
    },
    {
      name: 'two unanswered calls: one step up',
      f: facts({ attempts: [at(3, 'phone', 'no-answer'), at(2, 'phone', 'no-answer')] }),
      level: 2,
      has: ['climbFailed'],
    },
    {
      name: 'four unanswered calls: up to the statement',
      f: facts({
        attempts: [
          at(8, 'phone', 'no-answer'),
          at(7, 'phone', 'no-answer'),
          at(4, 'email', 'no-answer'),
          at(3, 'phone', 'no-answer'),
        ],
      }),
      level: 3,
    },
    {
      name: 'tried 14 days ago without result: one step up',
      f: facts({ attempts: [at(14, 'email', 'other')] }),
      level: 2,
      has: ['climbNoResult'],
    },
    { name: 'tried 13 days ago: not yet', f: facts({ attempts: [at(13, 'email', 'other')] }), level: 1 },
    {
      name: 'a refusal climbs at once',
      f: facts({ attempts: [at(1, 'phone', 'refused')] }),
      level: 2,
      has: ['refused'],
    },
    {
      name: 'a finance letter already sent counts as that step',
      f: facts({ attempts: [at(5, 'finance-letter', 'other')] }),
      level: 5,
      has: ['stepTaken'],
    },
    {
      name: 'attempts before the oldest overdue item fell due do not count',
      f: facts({ days: 20, attempts: [at(30, 'phone', 'no-answer'), at(25, 'phone', 'no-answer')] }),
      level: 1,
      has: ['noContactYet'],
    },
    {
      name: 'climbing by failures stops at what the days allow (5 days: first reminder)',
      f: facts({
        days: 5,
        attempts: [at(4, 'phone', 'no-answer'), at(3, 'phone', 'no-answer'), at(2, 'phone', 'no-answer')],
      }),
      level: 1,
    },
    {
      name: 'a payment steps down one',
      f: facts({ attempts: [at(20, 'phone', 'refused'), at(10, 'phone', 'paid')] }),
      level: 1,
      has: ['paidStepDown'],
    },
    {
      name: 'a broken promise climbs one (after its grace days)',
      f: facts({ promises: [[ago(10), 'broken', 'CNY', 50_000, 0] as PromiseEntry] }),
      level: 2,
      has: ['brokenPromise'],
    },
    {
      name: 'a kept promise steps down one',
      f: facts({
        attempts: [at(30, 'statement', 'other')],
        promises: [[ago(20), 'kept', 'CNY', 50_000, 50_000] as PromiseEntry],
      }),
      level: 2,
      has: ['keptPromise'],
    },
    {
      name: 'climb speed from settings: 3 attempts per step',
      f: facts({ attempts: [at(3, 'phone', 'no-answer'), at(2, 'phone', 'no-answer')] }),
      settings: { ...S, ladderClimb: { failedAttempts: 3, days: 14 } },
      level: 1,
    },
    {
      name: 'climb speed from settings: 7 days per step',
      f: facts({ attempts: [at(7, 'email', 'other')] }),
      settings: { ...S, ladderClimb: { failedAttempts: 2, days: 7 } },
      level: 2,
    },
  ]));

describe('deliberateDelay', () =>
  table([
    {
      name: 'deliberate delay with two documented failures: two steps up',
      f: facts({ delinquencyType: 6, attempts: [at(3, 'phone', 'no-answer'), at(2, 'phone', 'no-answer')] }),
      level: 4,
      has: ['deliberateJump'],
    },
    {
      name: 'deliberate delay with no documented failure: no step skipped',
      f: facts({ delinquencyType: 6 }),
      level: 1,
      has: ['deliberateNoEvidence'],
    },
  ]));

describe('insolvencySigns', () =>
  table([
    { name: 'poor performance: one step sooner', f: facts({ delinquencyType: 4 }), level: 2, has: ['insolvencyJump'] },
  ]));

describe('limitationClose', () =>
  table([
    {
      name: 'deadline in 30 days: at least the statement',
      f: facts({ limitationDeadline: addDays(TODAY, 30) }),
      level: 3,
      has: ['limitationClose'],
    },
    { name: 'deadline in a year: nothing', f: facts({ limitationDeadline: addDays(TODAY, 365) }), level: 1 },
  ]));

describe('promiseCover', () =>
  table([
    {
      name: 'a promise covering the overdue amount holds at a call',
      f: facts({
        attempts: [at(20, 'finance-letter', 'promised')],
        promises: [[addDays(TODAY, 5), 'pending', 'CNY', 100_000, 0]],
      }),
      level: 2,
      has: ['promiseHolds'],
    },
    {
      name: 'a promise of 200,000 on 550,000 overdue holds only its part',
      f: facts({
        minor: 550_000,
        attempts: [at(20, 'finance-letter', 'promised')],
        promises: [[addDays(TODAY, 5), 'pending', 'CNY', 200_000, 0]],
      }),
      level: 5,
      has: ['promisePartial'],
    },
    {
      name: 'promises above the open balance are flagged',
      f: facts({ promises: [[addDays(TODAY, 5), 'pending', 'CNY', 150_000, 0]] }),
      level: 1,
      has: ['promiseExceeds'],
    },
    {
      name: 'two live promises are flagged as overlapping',
      f: facts({
        minor: 500_000,
        promises: [
          [addDays(TODAY, 5), 'pending', 'CNY', 100_000, 0],
          [addDays(TODAY, 6), 'pending', 'CNY', 100_000, 0],
        ],
      }),
      level: 1,
      has: ['promisesOverlap'],
    },
  ]));

describe('disputeHold', () =>
  table([
    {
      name: 'contract dispute: at most the statement',
      f: facts({ delinquencyType: 2, attempts: [at(10, 'finance-letter', 'other')] }),
      level: 3,
      has: ['contractDispute'],
    },
    {
      name: 'a disputed document keeps suspension and legal steps off',
      f: facts({ days: 100, disputedByDue: [[ago(100), 'CNY', 1]], attempts: [at(30, 'written-notice', 'other')] }),
      level: 5,
      has: ['disputeCapsLegal'],
    },
  ]));

describe('hardship', () =>
  table([
    {
      name: 'hardship said 10 days ago: at most the statement',
      f: facts({ attempts: [at(40, 'finance-letter', 'other'), at(10, 'phone', 'hardship')] }),
      level: 3,
      has: ['hardshipSaid'],
    },
    {
      name: 'accident type: at most the statement',
      f: facts({ delinquencyType: 7, attempts: [at(40, 'visit', 'other')] }),
      level: 3,
      has: ['accident'],
    },
  ]));

describe('negotiationAlive', () =>
  table([
    {
      name: 'talks 5 days ago keep a lawyer’s letter off',
      f: facts({ days: 200, attempts: [at(100, 'lawyer-letter', 'other'), at(5, 'phone', 'info-gathered')] }),
      level: 6,
      has: ['negotiationAlive'],
    },
  ]));

describe('governmentCeiling', () =>
  table([
    {
      name: 'government: the finance letter is the ceiling',
      f: facts({ customerType: 'government', days: 200, attempts: [at(100, 'written-notice', 'refused')] }),
      level: 5,
      has: ['governmentCeiling'],
    },
  ]));

describe('lawyerLetterFirst', () =>
  table([
    {
      name: 'no suit before a lawyer’s letter',
      f: facts({ days: 250, attempts: [at(60, 'written-notice', 'refused'), at(30, 'phone', 'refused')] }),
      level: 7,
      has: ['lawyerLetterFirst'],
    },
    {
      name: 'after a lawyer’s letter without result: legal action',
      f: facts({ days: 250, attempts: [at(60, 'lawyer-letter', 'refused')] }),
      level: 8,
    },
  ]));

describe('one level everywhere', () => {
  it('the summary carries the same facts the account gives', () => {
    const a = account({
      receivables: [rec(1, ago(80)), rec(2, ago(60), 20_000_00, { disputed: true })],
      activities: [activity(ago(40), 'phone', 'no-answer'), activity(ago(30), 'visit', 'refused')],
      promises: [promise(ago(20), 'broken')],
      customer: { delinquencyType: 5 },
    });
    const summary = summarizeCustomer({ ...a, asOf: TODAY });
    const fromSummary = ladderFactsOf(summary)!;
    expect(ladderLevel(fromSummary, S, TODAY)).toEqual(ladderLevel(accountLadderFacts(a), S, TODAY));
    expect(fromSummary.disputedByDue).toEqual([[ago(60), 'CNY', 20_000_00]]);
  });
  it('a summary written before the ladder was kept gives no level rather than a wrong one', () => {
    expect(
      ladderFactsOf({ type: 'enterprise', openByDue: [], limitationDeadline: undefined, ladder: undefined }),
    ).toBeUndefined();
  });
  it('keeps only the latest attempts in the summary', () => {
    const acts = Array.from({ length: 60 }, (_, i) => activity(ago(100 - i), 'phone', 'no-answer'));
    const s = summaryLadderOf({ disputed: [], activities: acts, promises: [] });
    expect(s.attempts).toHaveLength(40);
    expect(s.attempts.at(-1)![0]).toBe(ago(41));
    expect(keys(facts({ attempts: s.attempts, days: 100 }))).toContain('attemptsSoFar');
    // Forty unanswered calls climb to the statement and stop there: calls do not take the statement step.
    expect(level(facts({ attempts: s.attempts, days: 100 }))).toBe(3);
  });
});
