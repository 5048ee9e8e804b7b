/**
 * The playbook's table of situations: each names the facts of one account and what the engine must decide from
 * them: the ladder level, techniques it must use and must not use, and the facts its reasons must name, in both
 * languages. scenarios.test.ts runs them; coverage and script tests reuse them.
 */
import type { AccountSnapshot, Activity, Channel, PersonalityType } from '@/lib/domain';
import { ladder } from '@/lib/playbook';
import { NOW, account, activity, ago, contact, fullProfile, promise, rec } from './accounts';

export interface Scenario {
  name: string;
  acc: AccountSnapshot;
  now?: Date;
  level: number;
  tech: number[];
  not?: number[];
  channel?: Channel;
  why: { zh: RegExp[]; en: RegExp[] };
  cautions?: { zh: RegExp[]; en: RegExp[] };
  missing?: number[];
  tone?: { personality: PersonalityType; contact: string };
  nextDate?: string;
  /** false: the account's own activities and promises bring it to its level (no steps added). */
  hist?: false;
}

const overdueBy = (days: number, minor?: number) => [rec(1, ago(days), minor)];
/**
 * The steps taken that bring an account to `level` today under the default climb (2 unanswered attempts or 14 days
 * per step, never past what the days allow on the day): two unanswered calls for the initiator call; two more, once
 * the days allow the initiator call, for the statement; from the visit on, the step below taken 15 days ago without
 * a result. The account must be overdue long enough (20 days for the statement).
 */
export const upTo = (level: number): Activity[] =>
  level <= 1
    ? []
    : level === 2
      ? [activity(ago(3), 'phone', 'no-answer'), activity(ago(2), 'phone', 'no-answer')]
      : level === 3
        ? [
            activity(ago(19), 'phone', 'no-answer'),
            activity(ago(18), 'phone', 'no-answer'),
            activity(ago(10), 'phone', 'no-answer'),
            activity(ago(9), 'phone', 'no-answer'),
          ]
        : [activity(ago(15), ladder[level - 1].channel, 'other')];
/** The table's accounts with the history their level needs, unless the scenario says `hist: false`. */
const withHistory = (list: Scenario[]): Scenario[] =>
  list.map((c) =>
    c.hist === false || c.level <= 1
      ? c
      : { ...c, acc: { ...c.acc, activities: [...upTo(c.level), ...c.acc.activities] } },
  );
const FEB = new Date('2027-02-10T10:00:00');
const FEB_DAY = '2027-02-10';

export const scenarios: Scenario[] = withHistory([
  // ---------------------------------------------------------------- the ladder, level by level
  {
    name: 'nothing open: prevention and service',
    acc: account(),
    level: 0,
    tech: [1, 21],
    not: [5],
    why: { zh: [/没有未收款/], en: [/Nothing open/] },
  },
  {
    name: 'falls due in six days: remind before the due date',
    acc: account({ receivables: [rec(1, '2026-11-28')] }),
    level: 0,
    tech: [5, 4],
    channel: 'email',
    why: { zh: [/INV-1 将于 2026年11月28日 到期/], en: [/INV-1 falls due on 28 Nov 2026/] },
  },
  {
    name: 'falls due soon, paid late before: an incentive to pay on time',
    acc: account({
      receivables: [
        rec(1, '2026-11-28'),
        rec(2, '2026-09-30', 20_000_00, { openMinor: 0, status: 'paid', settledOn: '2026-10-12' }),
      ],
    }),
    level: 0,
    tech: [5, 16],
    why: {
      zh: [/此前有 1 笔款逾期才付（最长 12 天）/, /预防第7点/],
      en: [/paid 1 earlier invoice\(s\) late \(up to 12 days\)/, /prevention point 7/],
    },
  },
  {
    name: '5 days overdue: first reminder',
    acc: account({ receivables: overdueBy(5) }),
    level: 1,
    tech: [2, 7],
    channel: 'phone',
    why: {
      zh: [/最早逾期 5 天，逾期合计 ¥50,000\.00（INV-1）/, /首次提醒/],
      en: [/Oldest undisputed item 5 days overdue; CN¥50,000\.00 overdue \(INV-1\)/, /First reminder/],
    },
  },
  {
    name: '10 days overdue: call the payment initiator',
    acc: account({ receivables: overdueBy(10) }),
    level: 2,
    tech: [7, 11],
    channel: 'phone',
    why: { zh: [/最早逾期 10 天/, /致电付款发起人/], en: [/10 days overdue/, /Call the payment initiator/] },
  },
  {
    name: '20 days overdue: statement and balance confirmation',
    acc: account({ receivables: overdueBy(20, 128_400_50) }),
    level: 3,
    tech: [4, 12],
    channel: 'statement',
    why: { zh: [/最早逾期 20 天，逾期合计 ¥128,400\.50/], en: [/20 days overdue; CN¥128,400\.50/] },
  },
  {
    name: '35 days overdue: visit early',
    acc: account({ receivables: overdueBy(35) }),
    level: 4,
    tech: [6, 8, 14],
    channel: 'visit',
    why: { zh: [/最早逾期 35 天/, /提早上门/], en: [/35 days overdue/, /Visit/] },
  },
  {
    name: '50 days overdue: finance collection letter',
    acc: account({ receivables: overdueBy(50) }),
    level: 5,
    tech: [10, 12],
    channel: 'finance-letter',
    why: { zh: [/最早逾期 50 天/, /财务催款函/], en: [/50 days overdue/, /Finance collection letter/] },
    cautions: { zh: [/规则6/], en: [/Rule 6/] },
  },
  {
    name: '70 days overdue: suspend supply',
    acc: account({ receivables: overdueBy(70) }),
    level: 6,
    tech: [13, 19],
    channel: 'written-notice',
    why: { zh: [/最早逾期 70 天/, /暂停供货/], en: [/70 days overdue/, /Suspend supply/] },
  },
  {
    name: '100 days overdue, no talks: lawyer’s letter',
    acc: account({ receivables: overdueBy(100) }),
    level: 7,
    tech: [19, 22],
    channel: 'lawyer-letter',
    why: { zh: [/最早逾期 100 天/, /律师函/], en: [/100 days overdue/, /Lawyer's letter/] },
  },
  {
    name: '150 days overdue, no talks: legal action',
    acc: account({ receivables: overdueBy(150) }),
    level: 8,
    tech: [22],
    why: { zh: [/最早逾期 150 天/, /法律诉讼/], en: [/150 days overdue/, /Legal action/] },
  },

  // ---------------------------------------------------------------- the team's attitude
  {
    name: 'passive team: 50 days is only a visit',
    acc: account({ receivables: overdueBy(50), settings: { ...account().settings, attitude: 'passive' } }),
    level: 4,
    tech: [6],
    why: { zh: [/团队态度为“消极导向”/, /1\.5倍/], en: [/Team attitude is Passive/, /1\.5×/] },
  },
  {
    name: 'strategic team: 25 days is already a visit',
    acc: account({ receivables: overdueBy(25), settings: { ...account().settings, attitude: 'strategic' } }),
    level: 4,
    tech: [6, 8],
    why: { zh: [/战略导向/, /0\.8倍/], en: [/Strategic/, /0\.8×/] },
  },
  {
    name: 'sales-driven team at 60 days: indirect pressure before a letter',
    acc: account({ receivables: overdueBy(60), settings: { ...account().settings, attitude: 'sales-driven' } }),
    level: 5,
    tech: [17, 10],
    why: { zh: [/销货主导/, /团队以销货为主.*技巧17/], en: [/Sales-driven/, /a sales-driven team.*technique 17/] },
  },

  // ---------------------------------------------------------------- promises
  {
    name: 'a broken promise: one step up and firmer',
    acc: account({ receivables: overdueBy(20), promises: [promise('2026-11-10', 'broken')] }),
    level: 4,
    tech: [9, 10, 11, 6],
    why: { zh: [/2026年11月10日 的付款承诺未兑现/, /规则7/], en: [/promise for 10 Nov 2026 was broken/, /rule 7/] },
  },
  {
    name: 'a live promise holds the ladder at a follow-up',
    acc: account({ receivables: overdueBy(100), promises: [promise('2026-11-25', 'pending', 50_000_00)] }),
    level: 2,
    tech: [11],
    not: [22, 19],
    nextDate: '2026-11-26',
    why: {
      zh: [/客户承诺 2026年11月25日 付款 ¥50,000\.00，足以覆盖/],
      en: [/A promise of CN¥50,000\.00 for 25 Nov 2026 covers the undisputed overdue amount/],
    },
  },

  // ---------------------------------------------------------------- the seven delinquency types
  {
    name: 'disputed invoice: resolve first, no escalation',
    acc: account({ receivables: [rec(1, ago(100), 50_000_00, { disputed: true, disputeReason: '发票抬头有误' })] }),
    level: 3,
    tech: [4, 21],
    not: [2, 19, 22],
    hist: false,
    why: {
      zh: [/有争议、单独列出且不催收：INV-1/, /逾期的只有争议款项/],
      en: [/Disputed and listed apart, not demanded: INV-1/, /Only disputed items are overdue/],
    },
  },
  {
    name: 'type 2 contract dispute at 5 days: confidence is left out',
    acc: account({ customer: { delinquencyType: 2 }, receivables: overdueBy(5) }),
    level: 1,
    tech: [4, 21, 7],
    not: [2],
    why: { zh: [/合同纠纷/], en: [/Contract dispute/] },
    cautions: {
      zh: [/不用技巧2（理直气壮）：争议未解决/],
      en: [/Technique 2 \(Ask with confidence\) left out: a dispute is open/],
    },
  },
  {
    name: 'type 1 weak effort on our side: ask clearly and early',
    acc: account({ customer: { delinquencyType: 1 }, receivables: overdueBy(5) }),
    level: 1,
    tech: [2, 7],
    why: { zh: [/要款不力/], en: [/Weak collection effort/] },
    cautions: { zh: [/要款不力：问题在我方/], en: [/Weak collection effort: The fix is ours/] },
  },
  {
    name: 'type 3 goods unsold: old debt before new orders',
    acc: account({ customer: { delinquencyType: 3 }, receivables: overdueBy(20) }),
    level: 3,
    tech: [13, 4, 12],
    why: { zh: [/货物积压/, /新订单以清旧款为前提/], en: [/Goods unsold/, /new orders only after old debt/] },
  },
  {
    name: 'type 4 poor performance: secure what can be secured',
    acc: account({ customer: { delinquencyType: 4 }, receivables: overdueBy(20), activities: upTo(3) }),
    hist: false,
    level: 4,
    tech: [12, 6],
    why: {
      zh: [/经营不佳是破产的征兆：提前一级至“提早上门”/],
      en: [/Poor business performance is a sign of insolvency: one step sooner, to Visit/],
    },
  },
  {
    name: 'type 5 cash squeeze: small amounts, no demand for everything',
    acc: account({ customer: { delinquencyType: 5 }, receivables: overdueBy(20) }),
    level: 3,
    tech: [3, 4],
    not: [12],
    why: { zh: [/资金周转不佳/], en: [/Cash-flow squeeze/] },
    cautions: {
      zh: [/不用技巧12（求全责备）：客户资金确实紧张/],
      en: [/Technique 12 .* left out: the customer is genuinely short of cash/],
    },
  },
  {
    name: 'type 6 deliberate delay at 35 days after two unanswered calls: two steps up',
    hist: false,
    acc: account({
      customer: { delinquencyType: 6 },
      receivables: overdueBy(35),
      activities: [activity(ago(30), 'phone', 'no-answer'), activity(ago(29), 'phone', 'no-answer')],
    }),
    level: 4,
    tech: [10, 6],
    not: [3, 15, 20, 19],
    why: {
      zh: [/故意拖欠，且已记录 2 次催收失败：升两级/, /规则3/],
      en: [/Deliberate delay after 2 documented failed attempts: two steps up/, /rule 3/],
    },
  },
  {
    name: 'type 6 with no failed attempt on record: no step skipped',
    acc: account({ customer: { delinquencyType: 6 }, receivables: overdueBy(35) }),
    level: 1,
    tech: [10],
    not: [19],
    why: {
      zh: [/已标记为故意拖欠，但只记录了 0 次催收失败/],
      en: [/Deliberate delay is recorded, but only 0 failed attempt\(s\)/],
    },
  },
  {
    name: 'type 6 with a helper contact: no sympathy plea',
    hist: false,
    acc: account({
      customer: { delinquencyType: 6 },
      contacts: [contact('p1', '孙丽', '出纳', 'helper')],
      receivables: overdueBy(10),
      activities: [activity(ago(5), 'phone', 'no-answer'), activity(ago(4), 'phone', 'no-answer')],
    }),
    level: 4,
    tech: [6, 8, 14, 10],
    not: [15, 19],
    tone: { personality: 'helper', contact: '孙丽' },
    why: { zh: [/孙丽属助人型/], en: [/Key contact 孙丽 \(Helper\)/] },
    cautions: {
      zh: [/不用技巧15（博得同情）：客户故意拖欠/],
      en: [/Technique 15 \(Win sympathy\) left out: the delay is deliberate/],
    },
  },
  {
    name: 'type 7 accident: empathy and a plan, no hard line',
    acc: account({ customer: { delinquencyType: 7 }, receivables: overdueBy(100) }),
    level: 3,
    tech: [20, 15, 4],
    not: [9, 10, 12, 22],
    why: { zh: [/客户遭遇意外/, /拖欠类型7/], en: [/Accident at the customer/, /type 7/] },
  },
  {
    name: 'type 7 with a broken promise: follow up, still no stalling-in-kind',
    acc: account({
      customer: { delinquencyType: 7 },
      receivables: overdueBy(20),
      promises: [promise('2026-11-12', 'broken')],
    }),
    level: 3,
    tech: [20, 15, 11],
    not: [9, 10],
    why: {
      zh: [/2026年11月12日 的付款承诺未兑现/, /客户遭遇意外/],
      en: [/promise for 12 Nov 2026 was broken/, /Accident/],
    },
    cautions: { zh: [/不用技巧9（以牙还牙）/], en: [/Technique 9 \(Answer stalling in kind\) left out/] },
  },

  // ---------------------------------------------------------------- government and budget-bound customers
  {
    name: 'government near fiscal year end: pay within this year’s budget',
    acc: account({ customer: { type: 'government' }, receivables: overdueBy(20) }),
    level: 3,
    tech: [2, 4],
    nextDate: '2026-12-16',
    why: {
      zh: [/客户财年将于 2026年12月31日 结束（还有 39 天）/, /政府客户/],
      en: [/fiscal year ends on 31 Dec 2026 \(39 days left\)/, /Government customer/],
    },
  },
  {
    name: 'government 5 days late in the last weeks of the year: straight to the initiator',
    acc: account({ customer: { type: 'government' }, receivables: overdueBy(5) }),
    level: 1,
    tech: [2, 4, 7],
    why: { zh: [/还有 39 天/, /规则4/], en: [/39 days left/, /rule 4/] },
  },
  {
    name: 'government early in the fiscal year: confirm the budget line',
    acc: account({ customer: { type: 'government' }, receivables: [rec(1, ago(20, FEB_DAY))] }),
    now: FEB,
    hist: false,
    level: 1,
    tech: [4],
    why: {
      zh: [/客户新财年自 2027年1月1日 开始/, /九问第3问/],
      en: [/new fiscal year began on 1 Jan 2027/, /question 3/],
    },
  },
  {
    name: 'government 200 days: no lawyer, indirect pressure',
    acc: account({ customer: { type: 'government' }, receivables: overdueBy(200) }),
    level: 5,
    tech: [4, 17, 10],
    not: [22],
    why: {
      zh: [/政府客户/, /不轻易停止供货或发律师函/, /技巧17/],
      en: [/Government customer/, /lawyer’s letter lightly/, /technique 17/],
    },
  },
  {
    name: 'government 70 days with talks alive: still no suspension of supply',
    acc: account({
      customer: { type: 'government' },
      receivables: overdueBy(70),
      activities: [activity(ago(4), 'phone', 'redirected')],
    }),
    level: 5,
    tech: [10, 17],
    not: [13, 19, 22],
    why: { zh: [/最早逾期 70 天/, /政府客户/], en: [/70 days overdue/, /Government customer/] },
  },
  {
    name: 'government with the approval chain unknown and documents not ready',
    acc: account({
      customer: { type: 'government' },
      profile: undefined,
      preparations: { customerId: 'c', checked: [], updatedAt: 0 },
      receivables: overdueBy(20),
    }),
    level: 3,
    tech: [7, 4],
    missing: [3, 4, 5],
    why: {
      zh: [/审批链尚不清楚/, /还不知道付款发起人或签字人/],
      en: [/approval chain is not known yet/, /initiator or signer is unknown/],
    },
    cautions: { zh: [/政府单位要接受审计/], en: [/Public bodies are audited/] },
  },
  {
    name: 'budget-bound company with an April fiscal year, in February',
    now: FEB,
    acc: account({
      customer: { fiscalYearStartMonth: 4 },
      profile: { ...fullProfile(), budgetRequired: true, budgetCycle: 'annual' },
      receivables: [rec(1, ago(20, FEB_DAY))],
    }),
    hist: false,
    level: 1,
    tech: [2],
    why: {
      zh: [/客户财年将于 2027年3月31日 结束（还有 49 天）/],
      en: [/fiscal year ends on 31 Mar 2027 \(49 days left\)/],
    },
  },
  {
    name: 'state-owned customer at a visit: indirect pressure',
    acc: account({ customer: { type: 'state-owned' }, receivables: overdueBy(35) }),
    level: 4,
    tech: [17, 6, 8, 14],
    why: { zh: [/国有企业客户/], en: [/a state-owned customer/] },
  },
  {
    name: 'state-owned customer who just refused: no indirect pressure',
    acc: account({
      customer: { type: 'state-owned' },
      receivables: overdueBy(35),
      activities: [activity(ago(5), 'phone', 'refused')],
    }),
    level: 4,
    tech: [6, 8],
    not: [17],
    why: { zh: [/最早逾期 35 天/], en: [/35 days overdue/] },
    cautions: {
      zh: [/不用技巧17（指桑骂槐）：2026年11月17日 客户已明确拒绝/],
      en: [/Technique 17 \(Indirect pressure\) left out: the customer refused or objected on 17 Nov 2026/],
    },
  },

  // ---------------------------------------------------------------- limitation, rule 10, history, nine questions
  {
    name: 'limitation near after a sealed confirmation, talks alive: demand with evidence, no suit',
    acc: account({
      receivables: [
        rec(1, '2023-10-01', 50_000_00, { interruptions: [{ date: '2024-01-10', kind: 'sealed-confirmation' }] }),
      ],
      activities: [activity(ago(15), 'finance-letter', 'other'), activity(ago(5), 'phone', 'promised')],
    }),
    hist: false,
    level: 5,
    tech: [10, 12],
    not: [22, 19],
    why: {
      zh: [/诉讼时效可能于 2027年1月10日 届满/, /《民法典》第195条/],
      en: [/limitation period may run out on 10 Jan 2027/, /art\. 195/],
    },
  },
  {
    name: 'rule 10: 150 days, supply suspended a month ago, but the customer is talking',
    hist: false,
    acc: account({
      receivables: overdueBy(150),
      activities: [activity(ago(30), 'written-notice', 'other'), activity(ago(3), 'visit', 'info-gathered')],
    }),
    level: 6,
    tech: [13],
    not: [22, 19],
    why: {
      zh: [/协商仍在进行（最近一次 2026年11月19日）：暂不走法律程序（规则10）/],
      en: [/Negotiation is alive \(last on 19 Nov 2026\): no legal step yet \(rule 10\)/],
    },
  },
  {
    name: 'three unanswered calls: switch channel, keep at it',
    acc: account({
      receivables: overdueBy(10),
      activities: [1, 2, 3].map((d) => activity(ago(d), 'phone', 'no-answer')),
    }),
    level: 2,
    tech: [11, 7],
    channel: 'email',
    why: { zh: [/最近三次电话都无人接听/], en: [/Last three calls unanswered/] },
  },
  {
    name: 'IM won the last promise: keep using it',
    acc: account({
      receivables: overdueBy(10),
      activities: [activity(ago(30), 'im', 'promised'), activity(ago(60), 'phone', 'no-answer')],
    }),
    level: 2,
    tech: [7, 11],
    channel: 'im',
    why: {
      zh: [/2026年10月23日 通过微信\/即时消息取得了付款承诺/, /规则8/],
      en: [/On 23 Oct 2026 WeChat \/ IM won a payment promise/, /rule 8/],
    },
  },
  {
    name: 'signer and initiator unknown: ask first',
    acc: account({ profile: undefined, receivables: overdueBy(5) }),
    level: 1,
    tech: [7],
    missing: [4, 5],
    why: { zh: [/九问第4、5问/], en: [/questions 4 and 5/] },
  },
  {
    name: 'evidence not ready before a statement',
    acc: account({ preparations: { customerId: 'c', checked: [3], updatedAt: 0 }, receivables: overdueBy(20) }),
    level: 3,
    tech: [4, 12],
    why: { zh: [/最早逾期 20 天/], en: [/20 days overdue/] },
    cautions: { zh: [/先备齐凭证/], en: [/Get the evidence/] },
  },

  // ---------------------------------------------------------------- the nine personality types of the key contact
  {
    name: 'challenger signer: direct and factual',
    acc: account({ contacts: [contact('p1', '赵强', '财务总监', 'challenger')], receivables: overdueBy(5) }),
    level: 1,
    tech: [7, 2],
    tone: { personality: 'challenger', contact: '赵强' },
    why: { zh: [/关键联系人赵强属领袖型/, /直截了当/], en: [/Key contact 赵强 \(Challenger\)/, /direct and factual/] },
  },
  {
    name: 'perfectionist initiator: precise and by the contract',
    acc: account({
      contacts: [contact('p1', '陈静', '财务经理'), contact('p2', '钱伟', '总会计师', 'perfectionist')],
      profile: fullProfile('p2', 'p1'),
      receivables: overdueBy(10),
    }),
    level: 2,
    tech: [4, 7, 11],
    tone: { personality: 'perfectionist', contact: '钱伟' },
    why: { zh: [/钱伟属完美型/], en: [/Key contact 钱伟 \(Perfectionist\)/] },
  },
  {
    name: 'achiever: credit and an incentive',
    acc: account({ contacts: [contact('p1', '高峰', '项目财务部', 'achiever')], receivables: overdueBy(5) }),
    level: 1,
    tech: [18, 16, 2],
    tone: { personality: 'achiever', contact: '高峰' },
    why: { zh: [/高峰属成就型/], en: [/Key contact 高峰 \(Achiever\)/] },
  },
  {
    name: 'individualist at a visit: face-saving',
    acc: account({ contacts: [contact('p1', '许晴', 'CFO', 'individualist')], receivables: overdueBy(35) }),
    level: 4,
    tech: [18, 6, 14],
    tone: { personality: 'individualist', contact: '许晴' },
    why: { zh: [/许晴属自我型/, /顾全面子/], en: [/Key contact 许晴 \(Individualist\)/, /face-saving/] },
  },
  {
    name: 'investigator: facts in writing',
    acc: account({
      contacts: [contact('p1', 'Jonas Weber', 'Head of Finance', 'investigator')],
      receivables: overdueBy(20),
    }),
    level: 3,
    tech: [4],
    tone: { personality: 'investigator', contact: 'Jonas Weber' },
    why: { zh: [/Jonas Weber属理智型/], en: [/Key contact Jonas Weber \(Investigator\)/, /facts and data/] },
  },
  {
    name: 'loyalist: steady and procedural',
    acc: account({ contacts: [contact('p1', '何军', '办公室主任', 'loyalist')], receivables: overdueBy(10) }),
    level: 2,
    tech: [4, 7, 11],
    tone: { personality: 'loyalist', contact: '何军' },
    why: { zh: [/何军属忠诚型/], en: [/Key contact 何军 \(Loyalist\)/] },
  },
  {
    name: 'enthusiast: light, but the date pinned down',
    acc: account({
      contacts: [contact('p1', 'Tom Baker', 'Procurement Lead', 'enthusiast')],
      receivables: overdueBy(10),
    }),
    level: 2,
    tech: [16, 9, 11],
    tone: { personality: 'enthusiast', contact: 'Tom Baker' },
    why: { zh: [/Tom Baker属活跃型/], en: [/Key contact Tom Baker \(Enthusiast\)/, /date pinned down/] },
  },
  {
    name: 'peacemaker: gentle, one small step',
    acc: account({ contacts: [contact('p1', '吴芳', '设备部主任', 'peacemaker')], receivables: overdueBy(20) }),
    level: 3,
    tech: [20, 4],
    tone: { personality: 'peacemaker', contact: '吴芳' },
    why: { zh: [/吴芳属和平型/], en: [/Key contact 吴芳 \(Peacemaker\)/] },
  },
  {
    name: 'helper: ask for help',
    acc: account({ contacts: [contact('p1', 'Sarah Miller', 'AP Manager', 'helper')], receivables: overdueBy(5) }),
    level: 1,
    tech: [15, 2, 7],
    tone: { personality: 'helper', contact: 'Sarah Miller' },
    why: { zh: [/Sarah Miller属助人型/], en: [/Key contact Sarah Miller \(Helper\)/] },
  },
  {
    name: 'the step names the initiator even when another contact has a personality',
    acc: account({
      contacts: [contact('p1', '陈静', '财务经理'), contact('p2', '刘洋', '采购总监', 'achiever')],
      receivables: overdueBy(5),
    }),
    level: 1,
    tech: [2, 7],
    not: [18],
    why: {
      zh: [/对象：付款发起人（九问第4问）——陈静/],
      en: [/Addressed to the payment initiator \(question 4\): 陈静/],
    },
  },

  // ---------------------------------------------------------------- the three traps
  {
    name: 'trap 1: a reduction request rules out an incentive',
    acc: account({
      contacts: [contact('p1', '高峰', '项目财务部', 'achiever')],
      receivables: overdueBy(5),
      recentMessages: ['希望贵司能减免一部分尾款'],
    }),
    level: 1,
    tech: [18, 2],
    not: [16],
    tone: { personality: 'achiever', contact: '高峰' },
    why: { zh: [/高峰属成就型/], en: [/Key contact 高峰 \(Achiever\)/] },
    cautions: {
      zh: [/减免字据/, /不用技巧16（利益诱导）：客户正借机要求减免/],
      en: [/waiver or reduction note/, /Technique 16 \(Offer an incentive\) left out/],
    },
  },
  {
    name: 'trap 2: triangular debt',
    acc: account({
      receivables: overdueBy(10),
      recentMessages: ["Our client owes us a lot, so we can't pay you until they do."],
    }),
    level: 2,
    tech: [7, 11],
    why: { zh: [/最早逾期 10 天/], en: [/10 days overdue/] },
    cautions: { zh: [/三角债/], en: [/Triangular debt/] },
  },
  {
    name: 'trap 3: goods offered instead of money',
    acc: account({ receivables: overdueBy(35), recentMessages: ['我们可以用库存货物抵债'] }),
    level: 4,
    tech: [6],
    why: { zh: [/最早逾期 35 天/], en: [/35 days overdue/] },
    cautions: { zh: [/以物抵债/], en: [/Refuse useless goods/] },
  },
]);

export { NOW };
