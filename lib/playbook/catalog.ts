/**
 * The collection method as data, in both languages: the 22 techniques, the escalation ladder, the seven delinquency
 * types, the nine questions and the five preparations. The engine in suggest.ts reads only this.
 */
import type { Channel } from '../domain';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Technique {
  id: number;
  name: Bilingual;
  fits: Bilingual;
  avoid: Bilingual;
  channels: Channel[];
  line: Bilingual;
}

const T = (
  id: number,
  zh: string,
  en: string,
  fitsZh: string,
  fitsEn: string,
  avoidZh: string,
  avoidEn: string,
  channels: Channel[],
  lineZh: string,
  lineEn: string,
): Technique => ({
  id,
  name: { zh, en },
  fits: { zh: fitsZh, en: fitsEn },
  avoid: { zh: avoidZh, en: avoidEn },
  channels,
  line: { zh: lineZh, en: lineEn },
});

export const techniques: Technique[] = [
  T(
    1,
    '防患未然',
    'Prevent before it happens',
    '合作前后做信用审查，条款写清',
    'credit checks and clear terms before and during cooperation',
    '已严重逾期时单独使用',
    'alone, once an account is far overdue',
    ['visit', 'email'],
    '为了双方合作顺畅，我们想和您确认一下付款流程和对接人。',
    'So that our work together runs smoothly, I would like to confirm your payment process and who we should work with.',
  ),
  T(
    2,
    '理直气壮',
    'Ask with confidence',
    '款项已到期、单据齐全',
    'the amount is due and the documents are complete',
    '存在未解决的质量或合同争议',
    'an unresolved quality or contract dispute',
    ['phone', 'visit', 'email'],
    '这笔款项已经按合同到期，我们今天就是来落实付款时间的。',
    'This amount is due under our contract, and I am calling to settle the payment date today.',
  ),
  T(
    3,
    '额小为妙',
    'Ask for small, easy amounts',
    '客户资金紧张，分批更易审批',
    'the customer is short of cash and smaller batches are easier to approve',
    '客户故意拖欠',
    'deliberate delay',
    ['phone', 'visit'],
    '如果一次付清有困难，本周先安排一部分也可以，其余我们约定具体日期。',
    'If paying it all at once is hard, a first part this week is fine, and we agree a date for the rest.',
  ),
  T(
    4,
    '条件明确',
    'Make terms explicit',
    '付款条件、验收标准有模糊之处',
    'payment terms or acceptance criteria are vague',
    '借机重谈已经写清楚的条款',
    'reopening terms that are already clear',
    ['email', 'written-notice'],
    '我们把付款条件、金额和日期书面确认一下，避免以后有误会。',
    'Let us put the terms, the amount and the date in writing so that nothing is misunderstood later.',
  ),
  T(
    5,
    '事前催收',
    'Remind before the due date',
    '款项即将到期',
    'the amount falls due soon',
    '已逾期很久',
    'long overdue',
    ['email', 'im', 'phone'],
    '温馨提示：以下款项即将到期，麻烦提前安排付款流程。',
    'A friendly reminder: the amount below falls due soon; please start the payment process in time.',
  ),
  T(
    6,
    '提早上门',
    'Visit early',
    '逾期后尽快上门，赶在其他债权人之前',
    'visit soon after the due date, before other creditors',
    '客户明确拒绝会面且关系紧张',
    'the customer refuses meetings and relations are tense',
    ['visit'],
    '我这周正好在附近，想当面把付款的事情落实一下。',
    'I am in your area this week and would like to settle the payment in person.',
  ),
  T(
    7,
    '直切主题',
    'Get straight to the point',
    '对方时间有限、态度模糊',
    'the other side is busy or vague',
    '初次接触需要寒暄的场合',
    'a first contact that needs rapport',
    ['phone', 'visit', 'im'],
    '我直接说明来意：想确认这笔款的付款日期。',
    'I will be direct: I need to confirm the payment date for this amount.',
  ),
  T(
    8,
    '耐心守候',
    'Wait patiently on site',
    '签字人难找，需要当面等候',
    'the signer is hard to reach and needs waiting for',
    '会影响客户正常工作秩序',
    'it would disrupt the customer’s work',
    ['visit'],
    '没关系，我在这里等领导开完会，签完字我就走。',
    'No problem, I will wait until the meeting ends; once it is signed I will go.',
  ),
  T(
    9,
    '以牙还牙',
    'Answer stalling in kind',
    '对方反复拖延、敷衍',
    'repeated stalling',
    '对方确有困难',
    'genuine hardship',
    ['phone', 'visit'],
    '您说下周，我们就约定下周三上午，我到时再来电确认到账。',
    'You said next week: let us fix Wednesday morning, and I will call then to confirm receipt.',
  ),
  T(
    10,
    '不为所动',
    'Don’t be moved by excuses',
    '对方以各种理由推脱',
    'the customer keeps finding excuses',
    '确有不可抗力',
    'real force majeure',
    ['phone', 'visit'],
    '理解您的情况，但合同约定的付款日已过，我们需要一个明确的日期。',
    'I understand, but the contractual date has passed and we need a firm date.',
  ),
  T(
    11,
    '死缠硬泡',
    'Persistent follow-up',
    '承诺未兑现、需要持续跟进',
    'a promise was not kept and needs steady follow-up',
    '让对方感到被骚扰',
    'it would feel like harassment',
    ['phone', 'im', 'email'],
    '上次您说会安排，我来跟进一下进度，今天能确认吗？',
    'Following up on the payment you said you would arrange: can we confirm it today?',
  ),
  T(
    12,
    '求全责备',
    'Insist on complete settlement',
    '对方只付一部分想拖余款',
    'the customer pays part and hopes to drag the rest',
    '客户资金确实困难',
    'real cash difficulties',
    ['phone', 'written-notice'],
    '这次请把到期款项全部结清，不要只付一部分、余款再拖。',
    'Please settle everything that is due this time, not just a part with the rest left hanging.',
  ),
  T(
    13,
    '辞旧迎新',
    'Settle the old before the new order',
    '客户有新订单需求',
    'the customer wants a new order',
    '新订单会加重风险',
    'a new order would add risk',
    ['phone', 'visit'],
    '新订单我们很愿意安排，按公司规定需要先把前期款项结清。',
    'We are glad to take the new order; company rules require the earlier invoices to be settled first.',
  ),
  T(
    14,
    '功成速退',
    'Leave as soon as it’s done',
    '已拿到承诺或付款',
    'the promise or payment is secured',
    '还没拿到明确日期或签字就告辞',
    'leaving before a firm date or signature is secured',
    ['visit', 'phone'],
    '谢谢您的支持，我们就按今天约定的来，不多打扰了。',
    'Thank you; we will go by what we agreed today. I will not take more of your time.',
  ),
  T(
    15,
    '博得同情',
    'Win sympathy',
    '对方经办人通情达理',
    'the contact person is reasonable',
    '对方故意拖欠',
    'deliberate delay',
    ['phone', 'visit'],
    '这笔款关系到我这个季度的考核，还请您帮忙推动一下。',
    'This payment affects my quarterly review; I would be grateful if you could help move it along.',
  ),
  T(
    16,
    '利益诱导',
    'Offer an incentive',
    '提前付款可给予合理优惠或服务',
    'early payment can earn a reasonable discount or service',
    '对方借机要求减免',
    'the customer uses it to demand a waiver',
    ['phone', 'email'],
    '如果本月内付款，我们可以优先安排下批交货。',
    'If payment arrives this month, we can give your next delivery priority.',
  ),
  T(
    17,
    '指桑骂槐',
    'Indirect pressure',
    '需要施压但不宜正面冲突',
    'pressure is needed without open confrontation',
    '关系已很紧张',
    'relations are already tense',
    ['phone', 'visit'],
    '最近有几家客户拖款，公司已经开始暂停供货了，我很不希望贵司也遇到这种情况。',
    'Several customers who paid late have had supply suspended recently; I would hate to see that happen to you.',
  ),
  T(
    18,
    '吹捧客户',
    'Flatter the customer',
    '对方重视面子、决策人在场',
    'face matters and the decision maker is present',
    '显得虚伪',
    'it would sound insincere',
    ['visit', 'phone'],
    '贵司一直是我们重要的合作伙伴，付款也一向规范，这次想请您关照一下。',
    'You have always been an important partner with a good payment record; I would appreciate your help this time.',
  ),
  T(
    19,
    '威胁客户',
    'Warn of consequences',
    '多次违约、谈判陷入僵局',
    'repeated broken promises and a stalled negotiation',
    '协商仍有进展时',
    'while negotiation is still moving',
    ['written-notice', 'finance-letter', 'phone'],
    '如在约定日期前仍未付款，我司将按合同暂停供货并启动法律程序。',
    'If payment is not made by the agreed date, we will suspend supply under the contract and start legal steps.',
  ),
  T(
    20,
    '以情动人',
    'Appeal to the relationship',
    '长期合作、客户遇到意外',
    'a long relationship, or the customer hit by an accident',
    '对方故意拖欠',
    'deliberate delay',
    ['visit', 'phone'],
    '我们合作这么多年，遇到困难一起想办法，先定个可行的付款计划。',
    'After all these years working together, let us find a way through: first a payment plan you can keep.',
  ),
  T(
    21,
    '服务制胜',
    'Win through service',
    '客户对产品或服务有不满',
    'the customer is unhappy with the product or service',
    '让服务问题变成拖延付款的交换条件',
    'letting service fixes become a bargaining chip for paying later',
    ['visit', 'phone', 'email'],
    '我们先把您提到的问题解决好，也请财务同步推进付款。',
    'We will fix the issue you raised first; please have finance move the payment forward in parallel.',
  ),
  T(
    22,
    '诉诸法律',
    'Go to law',
    '协商无果、证据齐全、时效临近',
    'negotiation failed, evidence complete, limitation near',
    '协商仍有可能（规则10）',
    'negotiation is still possible (rule 10)',
    ['lawyer-letter'],
    '经多次催告未果，我司将委托律师依法追收。',
    'After repeated demands without result, we will instruct counsel to recover the debt by law.',
  ),
];

/** Progressive collection (渐进的收款程序), levels 0–8. */
export const ladder: Array<{ key: string; name: Bilingual; channel: Channel; techniques: number[] }> = [
  { key: 'pre-due', name: { zh: '事前催收', en: 'Reminder before due' }, channel: 'email', techniques: [5, 4] },
  { key: 'first-reminder', name: { zh: '首次提醒', en: 'First reminder' }, channel: 'phone', techniques: [2, 7] },
  {
    key: 'call-initiator',
    name: { zh: '致电付款发起人', en: 'Call the payment initiator' },
    channel: 'phone',
    techniques: [7, 11],
  },
  {
    key: 'statement',
    name: { zh: '对账与余额确认', en: 'Statement and balance confirmation' },
    channel: 'statement',
    techniques: [4, 12],
  },
  { key: 'visit', name: { zh: '提早上门', en: 'Visit' }, channel: 'visit', techniques: [6, 8, 14] },
  {
    key: 'finance-letter',
    name: { zh: '财务催款函', en: 'Finance collection letter' },
    channel: 'finance-letter',
    techniques: [10, 12],
  },
  {
    key: 'suspend-supply',
    name: { zh: '暂停供货', en: 'Suspend supply' },
    channel: 'written-notice',
    techniques: [13, 19],
  },
  {
    key: 'lawyer-letter',
    name: { zh: '律师函', en: "Lawyer's letter" },
    channel: 'lawyer-letter',
    techniques: [19, 22],
  },
  { key: 'legal-action', name: { zh: '法律诉讼', en: 'Legal action' }, channel: 'lawyer-letter', techniques: [22] },
];

/**
 * The complaint channel (lib/toolkit/complaint.ts): for an eligible debtor it takes the lawyer's letter's place on
 * the ladder (level 7) until a complaint is filed — the step before the lawyer (ladder.ts `complaintBeforeLawyer`).
 * Filed in writing on MIIT's 违约拖欠中小企业款项登记（投诉）平台 or the province's channel.
 */
export const complaintRung: { key: 'complaint'; name: Bilingual; channel: Channel; techniques: number[] } = {
  key: 'complaint',
  name: { zh: '中小企业款项投诉', en: 'Complaint to the SME payment platform' },
  channel: 'written-notice',
  techniques: [4],
};

/** The ladder step in use: the complaint at level 7 when the ladder says so, else the level's own step. */
export const rungOf = (level: number, complaint?: boolean) =>
  complaint && level === 7 ? complaintRung : ladder[level];

export const delinquencyTypes: Array<{ id: number; name: Bilingual; strategy: Bilingual }> = [
  {
    id: 1,
    name: { zh: '要款不力', en: 'Weak collection effort' },
    strategy: { zh: '问题在我方：及早、清楚地开口要款。', en: 'The fix is ours: ask clearly and early.' },
  },
  {
    id: 2,
    name: { zh: '合同纠纷', en: 'Contract dispute' },
    strategy: {
      zh: '先解决争议，争议未了之前升级只会适得其反。',
      en: 'Resolve the dispute first; escalating before that backfires.',
    },
  },
  {
    id: 3,
    name: { zh: '货物积压', en: 'Goods unsold at the customer' },
    strategy: {
      zh: '协助动销、调换或退货，新订单以清旧款为前提。',
      en: 'Help sell-through, exchange or take back; new orders only after old debt.',
    },
  },
  {
    id: 4,
    name: { zh: '经营不佳', en: 'Poor business performance' },
    strategy: {
      zh: '尽快锁定能收回的部分，警惕破产风险。',
      en: 'Secure what can be secured fast; watch for insolvency.',
    },
  },
  {
    id: 5,
    name: { zh: '资金周转不佳', en: 'Cash-flow squeeze' },
    strategy: {
      zh: '分期付款、小额多次，书面确认余额。',
      en: 'Instalments, small amounts, balance confirmed in writing.',
    },
  },
  {
    id: 6,
    name: { zh: '故意拖欠', en: 'Deliberate delay' },
    strategy: {
      zh: '快速、坚决升级：停止供货、催款函、律师函。',
      en: 'Fast, firm escalation: stop supply, finance letter, lawyer’s letter.',
    },
  },
  {
    id: 7,
    name: { zh: '意外事故', en: 'Accident / force majeure' },
    strategy: { zh: '体谅对方，制定计划，书面保全债权。', en: 'Empathy, a plan, and keep the claim alive in writing.' },
  },
];

export const nineQuestions: Array<{ n: number; q: Bilingual; why: Bilingual; ask: Bilingual }> = [
  {
    n: 1,
    q: { zh: '催款启动条件', en: 'What triggers collection' },
    why: { zh: '知道何时可以开口要款。', en: 'Tells you when you may ask.' },
    ask: {
      zh: '验收单签了吗？发票送达了吗？问项目对接人。',
      en: 'Is acceptance signed and the invoice received? Ask the project contact.',
    },
  },
  {
    n: 2,
    q: { zh: '催款金额', en: 'How much is to be collected' },
    why: { zh: '双方金额一致才付得出来。', en: 'Payment only flows when both sides agree the amount.' },
    ask: { zh: '请对方财务确认欠款余额。', en: 'Ask their finance to confirm the open balance.' },
  },
  {
    n: 3,
    q: { zh: '是否需要预算', en: 'Is a budget needed' },
    why: {
      zh: '没进预算的款付不出来，政府客户尤其如此。',
      en: 'Money outside the budget cannot be paid, above all by government.',
    },
    ask: {
      zh: '这笔款在今年预算里吗？问财务或项目负责人。',
      en: 'Is this in this year’s budget? Ask finance or the project owner.',
    },
  },
  {
    n: 4,
    q: { zh: '付款程序发起人', en: 'Who initiates payment' },
    why: { zh: '流程从这个人开始。', en: 'The process starts with this person.' },
    ask: { zh: '付款申请由谁提交？问经办人。', en: 'Who submits the payment request? Ask your contact.' },
  },
  {
    n: 5,
    q: { zh: '付款认可签字人', en: 'Who signs the approval' },
    why: { zh: '没有签字就没有付款。', en: 'No signature, no payment.' },
    ask: {
      zh: '谁签付款审批？下次通话前先问发起人。',
      en: 'Who signs the payment approval? Ask the initiator before the next call.',
    },
  },
  {
    n: 6,
    q: { zh: '流程关键人物及我方维护人', en: 'Key people and our owner of each' },
    why: { zh: '每个关键人都要有人维护。', en: 'Every key person needs someone on our side.' },
    ask: {
      zh: '流程中还有谁能卡住付款？我方谁负责？',
      en: 'Who else can block payment, and who on our side keeps that relationship?',
    },
  },
  {
    n: 7,
    q: { zh: '开发票的要求', en: 'Invoicing requirements' },
    why: { zh: '发票不合要求会被退回，拖延付款。', en: 'A wrong invoice is sent back and delays payment.' },
    ask: { zh: '发票类型、抬头、税号、开票时间有何要求？', en: 'Invoice type, title, tax id, timing?' },
  },
  {
    n: 8,
    q: { zh: '扎账日、开户行与转账周期', en: 'Book closing, bank and transfer timing' },
    why: { zh: '错过扎账日就要多等一个月。', en: 'Missing the closing day costs a month.' },
    ask: {
      zh: '每月几号扎账？哪家银行？转账要几天？',
      en: 'Which day do books close, which bank, how many days for a transfer?',
    },
  },
  {
    n: 9,
    q: { zh: '资金与信用情况', en: 'Funding and credit condition' },
    why: { zh: '决定催收的力度和方式。', en: 'Decides how hard and how to press.' },
    ask: {
      zh: '近期资金状况如何？有无其他供应商催款？',
      en: 'How is their cash lately? Are other suppliers chasing them?',
    },
  },
];

export const preparations: Bilingual[] = [
  { zh: '发票、签收单等收款凭证备齐', en: 'Invoices, signed delivery receipts and evidence ready' },
  { zh: '对账清楚，寄送欠款征询函并取得盖章', en: 'Accounts reconciled; balance confirmation sent and sealed' },
  { zh: '找准关键人物并向其催款', en: 'Key person identified and pressed' },
  { zh: '约不到时准备突然拜访', en: 'Ready to visit unannounced if no appointment' },
  { zh: '联合其他被拖欠的厂家', en: 'Joined forces with other suppliers owed' },
];

export const traps: Array<{ id: number; name: Bilingual; triggers: RegExp }> = [
  {
    id: 1,
    name: {
      zh: '减免字据：不要签可被对方利用的减免或放弃文件',
      en: 'Never sign a waiver or reduction note the customer can use against you',
    },
    triggers:
      /减免|免除|打折结清|签.*(放弃|确认少付)|waive|write.?off the (rest|balance)|reduction|discount to settle/i,
  },
  {
    id: 2,
    name: {
      zh: '三角债：不接受“别人欠我所以我不能付你”',
      en: 'Triangular debt: “X owes us, so we can’t pay you” is not your problem',
    },
    triggers:
      /(别人|客户|上游|下游).{0,6}(欠|没付|未付).{0,10}(所以|才能|无法)|owes us.{0,20}(so|can'?t|cannot)|once we (get|are) paid by/i,
  },
  {
    id: 3,
    name: { zh: '以物抵债：拒绝无用的货物抵款', en: 'Refuse useless goods offered in place of payment' },
    triggers:
      /以物抵|抵债|用货.{0,4}抵|(goods|stock|inventory) (instead|in lieu) of (payment|cash)|pay (you )?in kind/i,
  },
];
