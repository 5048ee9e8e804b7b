/** Table tests, one table per technique rule of suggestNext (lib/playbook/suggest.ts `suggestRules`). */
import type { AccountSnapshot } from '@/lib/domain';
import {
  askWhoPays,
  attitudeNote,
  channelHistory,
  delinquencyTechniques,
  fiscalYear,
  fitTheStep,
  governmentRule,
  indirectPressure,
  overdueFacts,
  preparationsFirst,
  promiseTechniques,
  standingCautions,
  stepTechniques,
  suggestContext,
  suggestRules,
  tension,
  trapWatch,
  type SuggestDraft,
  type SuggestRule,
} from '@/lib/playbook/suggest';
import type { Signal } from '@/lib/playbook';
import { ladder } from '@/lib/playbook';
import { NOW, account, activity, ago, promise, rec } from '../support/accounts';

interface Row {
  name: string;
  acc: AccountSnapshot & { signals?: Signal[] };
  tech?: number[];
  forbid?: number[];
  reasons?: string[];
  cautions?: string[];
  channel?: string;
  none?: boolean;
}

function run(rule: SuggestRule, acc: Row['acc']): SuggestDraft {
  const ctx = suggestContext(acc, NOW);
  const d: SuggestDraft = {
    reasons: [],
    cautions: [],
    tech: new Set(),
    forbidden: new Map(),
    channel: ladder[ctx.level].channel,
  };
  rule.apply(ctx, d);
  return d;
}
const table = (rule: SuggestRule, rows: Row[]) =>
  describe(rule.name, () => {
    for (const r of rows) {
      it(r.name, () => {
        const d = run(rule, r.acc);
        for (const t of r.tech ?? []) expect([...d.tech]).toContain(t);
        for (const t of r.forbid ?? []) expect([...d.forbidden.keys()]).toContain(t);
        for (const k of r.reasons ?? []) expect(d.reasons.map((x) => x.key)).toContain(k);
        for (const k of r.cautions ?? []) expect(d.cautions.map((x) => x.key)).toContain(k);
        if (r.channel) expect(d.channel).toBe(r.channel);
        if (r.none) expect([d.tech.size, d.forbidden.size, d.reasons.length, d.cautions.length]).toEqual([0, 0, 0, 0]);
      });
    }
  });

const overdue = (days: number, extra: Partial<Parameters<typeof account>[0]> = {}) =>
  account({ receivables: [rec(1, ago(days))], ...extra });

it('the rules run in a fixed, named order', () => {
  expect(suggestRules.map((r) => r.name)).toEqual([
    'overdueFacts',
    'attitudeNote',
    'promiseTechniques',
    'delinquencyTechniques',
    'tension',
    'fitTheStep',
    'government',
    'fiscalYear',
    'askWhoPays',
    'indirectPressure',
    'preparationsFirst',
    'trapWatch',
    'standingCautions',
    'stepTechniques',
    'channelHistory',
  ]);
});

table(overdueFacts, [
  { name: 'overdue: the amount and oldest item', acc: overdue(20), reasons: ['overdue'] },
  {
    name: 'not yet due: remind before (5)',
    acc: account({ receivables: [rec(1, '2026-11-28')] }),
    tech: [5],
    reasons: ['fallsDue'],
  },
  {
    name: 'paid late before: incentive (16)',
    acc: account({ receivables: [rec(1, '2026-11-28'), rec(2, ago(60), 1, { openMinor: 0, settledOn: ago(40) })] }),
    tech: [16],
    reasons: ['paidLateBefore'],
  },
  { name: 'nothing open: prevention and service', acc: account(), tech: [1, 21], reasons: ['nothingOpen'] },
  {
    name: 'a dispute: listed apart, no confidence or threat',
    acc: account({ receivables: [rec(1, ago(20), 1, { disputed: true })] }),
    tech: [4, 21],
    forbid: [2, 19],
    reasons: ['disputedApart'],
  },
]);
table(attitudeNote, [
  {
    name: 'passive team: says the thresholds stretch',
    acc: overdue(20, { settings: { ...account().settings, attitude: 'passive' } }),
    reasons: ['attitude'],
  },
  { name: 'collection-driven: nothing to say', acc: overdue(20), none: true },
]);
table(promiseTechniques, [
  {
    name: 'live promise: follow up (11)',
    acc: overdue(20, { promises: [promise('2026-11-25', 'pending')] }),
    tech: [11],
  },
  {
    name: 'broken promise: firmer (9, 10, 11)',
    acc: overdue(20, { promises: [promise('2026-11-10', 'broken')] }),
    tech: [9, 10, 11],
    reasons: ['firmAfterBroken'],
  },
  { name: 'no promise: nothing', acc: overdue(20), none: true },
]);
table(delinquencyTechniques, [
  { name: 'type 1: ask clearly (2, 7)', acc: overdue(5, { customer: { delinquencyType: 1 } }), tech: [2, 7] },
  {
    name: 'type 2: no confidence or threat',
    acc: overdue(5, { customer: { delinquencyType: 2 } }),
    tech: [4, 21],
    forbid: [2, 19],
  },
  { name: 'type 3: old before new (13)', acc: overdue(5, { customer: { delinquencyType: 3 } }), tech: [13] },
  { name: 'type 4: secure it (12, 6)', acc: overdue(5, { customer: { delinquencyType: 4 } }), tech: [12, 6] },
  {
    name: 'type 5: small amounts, not everything',
    acc: overdue(5, { customer: { delinquencyType: 5 } }),
    tech: [3],
    forbid: [12],
  },
  {
    name: 'type 6: firm, no sympathy',
    acc: overdue(5, { customer: { delinquencyType: 6 } }),
    tech: [10, 19],
    forbid: [3, 15, 20],
  },
  {
    name: 'type 7: empathy, no hard line',
    acc: overdue(5, { customer: { delinquencyType: 7 } }),
    tech: [20, 15],
    forbid: [9, 10, 12],
  },
  { name: 'no type: nothing', acc: overdue(5), none: true },
]);
table(tension, [
  {
    name: 'refused 10 days ago: no indirect pressure',
    acc: overdue(40, { activities: [activity(ago(10), 'phone', 'refused')] }),
    forbid: [17],
  },
  {
    name: 'refused 40 days ago: no tension left',
    acc: overdue(60, { activities: [activity(ago(40), 'phone', 'refused')] }),
    none: true,
  },
]);
table(fitTheStep, [
  {
    name: 'legal step: no flattery, sympathy, incentive',
    acc: overdue(150, { activities: [activity(ago(20), 'lawyer-letter', 'other')] }),
    forbid: [15, 16, 17, 18, 20],
  },
  { name: 'before suspension: no threat', acc: overdue(20), forbid: [19] },
  {
    name: 'talks moving: no threat',
    acc: overdue(100, {
      activities: [activity(ago(30), 'written-notice', 'other'), activity(ago(2), 'phone', 'info-gathered')],
    }),
    forbid: [19],
  },
]);
table(governmentRule, [
  {
    name: 'government: explicit terms (4), audit caution without evidence',
    acc: overdue(20, {
      customer: { type: 'government' },
      preparations: { customerId: 'c', checked: [], updatedAt: 0 },
    }),
    tech: [4],
    reasons: ['government'],
    cautions: ['audit'],
  },
  { name: 'enterprise: nothing', acc: overdue(20), none: true },
]);
table(fiscalYear, [
  {
    name: 'government in late November: push within this year (2)',
    acc: overdue(20, { customer: { type: 'government' } }),
    tech: [2],
    reasons: ['fiscalYearEnds'],
  },
  {
    name: 'budget-bound with an April year in November: nothing',
    acc: overdue(20, { customer: { fiscalYearStartMonth: 4 } }),
    none: true,
  },
]);
table(askWhoPays, [
  {
    name: 'initiator unknown: ask (7)',
    acc: overdue(20, { profile: undefined }),
    tech: [7],
    reasons: ['whoPaysUnknown'],
  },
  { name: 'both known: nothing', acc: overdue(20), none: true },
]);
table(indirectPressure, [
  {
    name: 'state-owned at the visit: 17',
    acc: overdue(40, { customer: { type: 'state-owned' }, activities: [activity(ago(15), 'statement', 'other')] }),
    tech: [17],
    reasons: ['indirectPressure'],
  },
  {
    name: 'enterprise: nothing',
    acc: overdue(40, { activities: [activity(ago(15), 'statement', 'other')] }),
    none: true,
  },
]);
table(preparationsFirst, [
  {
    name: 'statement without evidence ready: caution',
    acc: overdue(30, {
      preparations: { customerId: 'c', checked: [], updatedAt: 0 },
      activities: [activity(ago(20), 'statement', 'other')],
    }),
    cautions: ['evidenceFirst'],
  },
  {
    name: 'first reminder: nothing',
    acc: overdue(5, { preparations: { customerId: 'c', checked: [], updatedAt: 0 } }),
    none: true,
  },
]);
table(trapWatch, [
  {
    name: 'discount signal: caution, no incentive',
    acc: { ...overdue(5), signals: [{ kind: 'trap-discount', evidence: '打个八折就结清' }] },
    cautions: ['trap'],
    forbid: [16],
  },
  {
    name: 'goods-for-debt in a message: caution',
    acc: overdue(5, { recentMessages: ['能不能以物抵债'] }),
    cautions: ['trap'],
  },
  { name: 'a plain message: nothing', acc: overdue(5, { recentMessages: ['下周付款'] }), none: true },
]);
table(standingCautions, [
  { name: 'always rule 9', acc: overdue(5), cautions: ['rule9'] },
  {
    name: 'from the finance letter, rule 6',
    acc: overdue(60, { activities: [activity(ago(10), 'finance-letter', 'other')] }),
    cautions: ['rule9', 'rule6'],
  },
]);
table(stepTechniques, [
  { name: 'the step’s techniques', acc: overdue(5), tech: [2, 7] },
  { name: 'nothing open: none', acc: account(), none: true },
]);
table(channelHistory, [
  {
    name: 'three unanswered calls: email',
    acc: overdue(5, { activities: [1, 2, 3].map((d) => activity(ago(d), 'phone', 'no-answer')) }),
    channel: 'email',
    reasons: ['callsUnanswered'],
  },
  {
    name: 'IM won a promise: IM',
    acc: overdue(5, { activities: [activity(ago(3), 'im', 'promised')] }),
    channel: 'im',
    reasons: ['channelWorked'],
  },
  { name: 'no history: the step’s channel', acc: overdue(5), channel: 'phone', none: true },
]);
