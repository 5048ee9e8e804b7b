/**
 * The rest of the collection method as data, in both languages: the five tools, the ten rules, the nine prevention
 * points, the six self-questions, the four company attitudes, the nine personality types and the specifics of
 * government accounts. suggest.ts and scripts.ts read the parts that change a decision (attitude factors,
 * personality tone and techniques, fiscal-year windows); the rest is reference text for the side panel.
 */
import type { Channel, PersonalityType } from '../domain';
import type { Bilingual } from './catalog';

// ------------------------------------------------------------------------------------------------ five tools

export interface Tool {
  id: number;
  channel: Channel;
  name: Bilingual;
  use: Bilingual;
  note: Bilingual;
}

/** 清收欠款的五大工具, in the order the ladder reaches for them. */
export const tools: Tool[] = [
  {
    id: 1,
    channel: 'phone',
    name: { zh: '电话', en: 'Phone' },
    use: {
      zh: '到期前提醒、逾期后第一时间问清原因、跟进承诺。成本最低，最先用。',
      en: 'Reminders before the due date, finding out why a payment is late, following up promises. The cheapest tool, used first.',
    },
    note: {
      zh: '每次通话结束前要拿到一个具体日期和具体的人；通话后当天记下结果。',
      en: 'Never end a call without a specific date and a named person; log the outcome the same day.',
    },
  },
  {
    id: 2,
    channel: 'visit',
    name: { zh: '上门拜访', en: 'Visit' },
    use: {
      zh: '电话解决不了、签字人难约、金额较大或需要赶在其他债权人之前时。',
      en: 'When calls do not settle it, the signer is hard to reach, the amount is large, or you need to get there before other creditors.',
    },
    note: {
      zh: '带齐发票、签收单和对账函；约不到就准备突然拜访；拿到结果就走。',
      en: 'Bring the invoices, signed receipts and a balance confirmation; visit unannounced if no appointment is given; leave once you have the result.',
    },
  },
  {
    id: 3,
    channel: 'written-notice',
    name: { zh: '传真 / 书面通知', en: 'Fax / written notice' },
    use: {
      zh: '把口头约定落到纸面：付款计划、暂停供货通知、对账结果。',
      en: 'Putting what was said in writing: a payment plan, a notice of suspended supply, a reconciliation result.',
    },
    note: {
      zh: '书面催告要留存发送凭证，它能中断诉讼时效。',
      en: 'Keep proof of sending: a written demand interrupts the limitation period.',
    },
  },
  {
    id: 4,
    channel: 'finance-letter',
    name: { zh: '财务催款函', en: 'Finance collection letter' },
    use: {
      zh: '销售渠道催收无果后，由财务部门正式发函，列明单据、金额和最后付款日。',
      en: 'After the sales channel has not worked: a formal letter from our finance department listing documents, amounts and a final date.',
    },
    note: {
      zh: '以公司名义发出、加盖公章，语气正式但不威胁。',
      en: 'Sent in the company’s name with its seal; formal in tone, never threatening.',
    },
  },
  {
    id: 5,
    channel: 'lawyer-letter',
    name: { zh: '律师函', en: "Lawyer's letter" },
    use: {
      zh: '协商已无进展、证据齐全、时效临近时的最后一步，之后就是诉讼。',
      en: 'The last step once negotiation has stalled, the evidence is complete or limitation is near; after it comes a suit.',
    },
    note: {
      zh: '由律师审定后发出；发出前确认已无协商余地（规则10）。',
      en: 'Sent only after counsel reviews it, and only once nothing more can be negotiated (rule 10).',
    },
  },
];

/** The channels a collector uses today, each read as a modern form of one of the five tools. */
export const modernChannels: Array<{ channel: Channel; toolId: number; name: Bilingual; note: Bilingual }> = [
  {
    channel: 'email',
    toolId: 3,
    name: { zh: '邮件', en: 'Email' },
    note: {
      zh: '有发送记录，可作为书面催告的证据。',
      en: 'Leaves a record; can serve as evidence of a written demand.',
    },
  },
  {
    channel: 'im',
    toolId: 1,
    name: { zh: '微信 / 即时消息', en: 'WeChat / IM' },
    note: {
      zh: '适合轻提醒和确认到账；重要约定要另发书面确认。',
      en: 'Good for light reminders and confirming receipt; confirm anything important in writing as well.',
    },
  },
  {
    channel: 'statement',
    toolId: 4,
    name: { zh: '对账单 / 对账函', en: 'Statement / balance confirmation' },
    note: {
      zh: '对方盖章确认的对账函能中断诉讼时效。',
      en: 'A balance confirmation sealed by the customer interrupts the limitation period.',
    },
  },
];

// ------------------------------------------------------------------------------------------------ ten rules

export interface Rule {
  id: number;
  name: Bilingual;
  detail: Bilingual;
}

/** 清收拖欠欠款的10个注意事项. */
export const rules: Rule[] = [
  {
    id: 1,
    name: { zh: '先查明拖欠原因', en: 'Find out why it is late first' },
    detail: {
      zh: '拖欠原因决定催收方法：是我方没要、有争议、没钱，还是故意不给。',
      en: 'The reason decides the method: did we not ask, is there a dispute, is there no money, or is it deliberate?',
    },
  },
  {
    id: 2,
    name: { zh: '不怕因催款失去客户', en: 'Don’t fear losing the customer by asking' },
    detail: {
      zh: '按时付款的客户不会因为合理催款而离开，长期不付款的客户留着也是风险。',
      en: 'A customer who pays will not leave over a fair request; one who never pays is a risk worth losing.',
    },
  },
  {
    id: 3,
    name: { zh: '当机立断，及时中止供货', en: 'Decide fast; stop supply in time' },
    detail: {
      zh: '继续供货只会让欠款越滚越大，该停就停。',
      en: 'Supplying on only makes the debt grow; stop when it is time to stop.',
    },
  },
  {
    id: 4,
    name: { zh: '把握时机', en: 'Timing matters' },
    detail: {
      zh: '抓住对方扎账日、预算下达、年底结算、新订单等时点开口。',
      en: 'Ask at the right moments: their book-closing day, when the budget is released, the year-end close, a new order.',
    },
  },
  {
    id: 5,
    name: { zh: '渐进的收款程序', en: 'Escalate progressively' },
    detail: {
      zh: '从提醒到电话、对账、上门、催款函、停止供货、律师函，一级一级往上走。',
      en: 'From reminder to call, statement, visit, collection letter, suspended supply and lawyer’s letter, one step at a time.',
    },
  },
  {
    id: 6,
    name: { zh: '有理也要有节', en: 'Being owed doesn’t license bullying' },
    detail: {
      zh: '语气坚定但尊重对方，不羞辱、不威胁个人。',
      en: 'Be firm but respectful; never humiliate or threaten a person.',
    },
  },
  {
    id: 7,
    name: { zh: '不要一听诉苦就心软', en: 'Don’t go soft at the first hard-luck story' },
    detail: {
      zh: '可以体谅，但要换来一个具体的付款计划。',
      en: 'Sympathy is fine, but it must buy a concrete payment plan.',
    },
  },
  {
    id: 8,
    name: { zh: '锲而不舍', en: 'Persist' },
    detail: {
      zh: '一次不成就再来，定期跟进，直到款项到账。',
      en: 'If it fails once, come back; follow up on a schedule until the money arrives.',
    },
  },
  {
    id: 9,
    name: { zh: '不接受欠款方的礼品和宴请', en: 'Accept no gifts or meals from the debtor' },
    detail: { zh: '拿人手短，收了礼就很难再开口。', en: 'Once you accept a favour, it is hard to ask for money.' },
  },
  {
    id: 10,
    name: { zh: '能协商解决的不诉诸法律', en: 'What can be negotiated should not go to law' },
    detail: {
      zh: '只要协商还有进展，就不发律师函、不起诉；诉讼是最后手段。',
      en: 'While negotiation is moving, send no lawyer’s letter and file no suit; law is the last resort.',
    },
  },
];

// ------------------------------------------------------------------------------------------------ prevention

/** 防止客户欠款的9个关键点. */
export const preventionPoints: Array<{ id: number; name: Bilingual; detail: Bilingual }> = [
  {
    id: 1,
    name: { zh: '合作前、中、后都做信用调查', en: 'Credit checks before, during and after cooperation' },
    detail: {
      zh: '定期复核信用等级和额度，发现变化及时调整。',
      en: 'Review the rating and credit limit regularly and act on any change.',
    },
  },
  {
    id: 2,
    name: { zh: '签订完善的合同', en: 'A sound contract' },
    detail: {
      zh: '写明验收标准、付款条件、付款日期和违约责任。',
      en: 'State the acceptance standard, payment terms, payment date and liability for breach.',
    },
  },
  {
    id: 3,
    name: { zh: '回款纳入业绩考核', en: 'Collection counted in performance reviews' },
    detail: {
      zh: '销售提成以回款为准，而不是以开票为准。',
      en: 'Commission is paid on money collected, not on invoices issued.',
    },
  },
  {
    id: 4,
    name: { zh: '不给客户拖欠的借口', en: 'Give the customer no excuse' },
    detail: {
      zh: '按时交货、发票准确、单据齐全，问题及时解决。',
      en: 'Deliver on time, invoice correctly, keep documents complete and fix problems fast.',
    },
  },
  {
    id: 5,
    name: { zh: '建立良好的私人关系', en: 'Personal rapport' },
    detail: { zh: '和经办人、财务、签字人都保持联系。', en: 'Keep in touch with the contact, finance and the signer.' },
  },
  {
    id: 6,
    name: { zh: '在客户内部有自己的“线人”', en: 'An insider at the customer' },
    detail: {
      zh: '有人能告诉你付款进度和资金变化。',
      en: 'Someone who tells you where the payment is and how their cash is doing.',
    },
  },
  {
    id: 7,
    name: { zh: '让及时付款成为习惯', en: 'Make prompt payment a habit' },
    detail: {
      zh: '每一笔都按时催、按时收，客户就会按时付。',
      en: 'Ask and collect on time for every invoice, and the customer learns to pay on time.',
    },
  },
  {
    id: 8,
    name: { zh: '绝不允许第一次拖欠', en: 'Never allow the first default' },
    detail: {
      zh: '第一次逾期就要立即跟进，否则拖欠会成为常态。',
      en: 'Follow up the very first late payment at once, or lateness becomes normal.',
    },
  },
  {
    id: 9,
    name: { zh: '让客户满意', en: 'Keep the customer satisfied' },
    detail: { zh: '满意的客户更愿意优先付你的款。', en: 'A satisfied customer is more willing to pay you first.' },
  },
];

/** 回款前的六个自问, asked per deal; keys match lib/domain selfQuestionKeys. */
export const selfQuestions: Array<{ key: string; q: Bilingual }> = [
  {
    key: 'tradeItem',
    q: {
      zh: '交易的是什么：项目名称、规格、数量、金额、时间',
      en: 'What was traded: project, spec, quantity, amount, time',
    },
  },
  { key: 'acceptor', q: { zh: '谁负责验收', en: 'Who accepts the delivery' } },
  { key: 'acceptanceStandard', q: { zh: '验收标准是什么', en: 'What the acceptance standard is' } },
  { key: 'paymentTerms', q: { zh: '付款方式和付款日期', en: 'Payment terms and date' } },
  { key: 'acceptanceMethod', q: { zh: '怎样验收', en: 'How acceptance is done' } },
  { key: 'payer', q: { zh: '谁负责付款', en: 'Who is responsible for paying' } },
];

// ------------------------------------------------------------------------------------------------ attitudes

export type AttitudeKey = 'passive' | 'sales-driven' | 'collection-driven' | 'strategic';

export interface Attitude {
  key: AttitudeKey;
  name: Bilingual;
  meaning: Bilingual;
  ladder: Bilingual;
  /** Multiplies the ladder's day thresholds after the due date: above 1 waits longer, below 1 moves earlier. */
  ladderFactor: number;
}

/** 企业对回款的四种态度: a team setting that shifts when the playbook escalates. */
export const attitudes: Attitude[] = [
  {
    key: 'passive',
    name: { zh: '消极导向', en: 'Passive' },
    ladderFactor: 1.5,
    meaning: {
      zh: '客户不付就等，没人专门负责回款。',
      en: 'If the customer doesn’t pay, we wait; nobody owns collection.',
    },
    ladder: {
      zh: '阶梯各级的天数放宽到1.5倍：升级更晚。建议尽早转向回款主导。',
      en: 'Ladder thresholds are stretched 1.5×: escalation comes later. Moving towards collection-driven is advised.',
    },
  },
  {
    key: 'sales-driven',
    name: { zh: '销货主导', en: 'Sales-driven' },
    ladderFactor: 1.2,
    meaning: {
      zh: '重销售轻回款，担心催款影响下一单。',
      en: 'Selling comes first; asking for money is feared to cost the next order.',
    },
    ladder: {
      zh: '阶梯天数放宽到1.2倍，上门和催款函前更重视关系和间接施压。',
      en: 'Thresholds stretched 1.2×; before a visit or letter the playbook leans on the relationship and indirect pressure.',
    },
  },
  {
    key: 'collection-driven',
    name: { zh: '回款主导', en: 'Collection-driven' },
    ladderFactor: 1,
    meaning: {
      zh: '销售以回款为完成标志，按程序催收。',
      en: 'A sale is done when the money is in; collection follows the procedure.',
    },
    ladder: {
      zh: '按设置的天数逐级升级（标准节奏）。',
      en: 'The ladder runs on the configured thresholds (the standard pace).',
    },
  },
  {
    key: 'strategic',
    name: { zh: '战略导向', en: 'Strategic' },
    ladderFactor: 0.8,
    meaning: {
      zh: '把回款纳入客户战略：信用管理、预防和催收一体化。',
      en: 'Collection is part of account strategy: credit, prevention and collection work as one.',
    },
    ladder: {
      zh: '阶梯天数收紧到0.8倍：更早上门、更早对账。',
      en: 'Thresholds tightened to 0.8×: visits and balance confirmations come earlier.',
    },
  },
];

// ------------------------------------------------------------------------------------------------ personalities

export interface Personality {
  key: PersonalityType;
  name: Bilingual;
  description: Bilingual;
  /** The tone in a few words, shown with the suggestion. */
  tone: Bilingual;
  /** The first sentence of the script after the greeting. */
  opening: Bilingual;
  avoid: Bilingual;
  /** Techniques that suit this person; the engine still drops any a situation forbids. */
  techniques: number[];
  /** People who want the point, not the story: the script keeps one technique line. */
  brief: boolean;
}

/** The nine personality types (九型) the government-account course uses to adapt the approach. */
export const personalities: Personality[] = [
  {
    key: 'perfectionist',
    name: { zh: '完美型', en: 'Perfectionist' },
    techniques: [4],
    brief: false,
    description: {
      zh: '讲原则、重细节，认为事情就该按规矩做对。',
      en: 'Principled and precise; things should be done right and by the rules.',
    },
    tone: {
      zh: '严谨、按条款说话，数字和单据一一对应',
      en: 'precise and by the contract, every figure matched to a document',
    },
    opening: {
      zh: '为了方便您核对，我先把合同条款、单据号和金额逐一列清楚。',
      en: 'So that you can check it easily, let me set out the contract terms, document numbers and amounts one by one.',
    },
    avoid: { zh: '含糊的数字、没有依据的催促', en: 'vague figures and pressure without documents' },
  },
  {
    key: 'helper',
    name: { zh: '助人型', en: 'Helper' },
    techniques: [15],
    brief: false,
    description: { zh: '热心、重人情，乐于被需要。', en: 'Warm and people-minded; likes to be needed.' },
    tone: { zh: '关系优先，请对方帮忙', en: 'relationship first, asking for their help' },
    opening: {
      zh: '这件事想请您帮个忙，付款流程您最熟悉。',
      en: 'I would like to ask for your help with this; nobody knows the payment process better than you.',
    },
    avoid: { zh: '冷冰冰的公事公办和法律措辞', en: 'cold, purely legal language' },
  },
  {
    key: 'achiever',
    name: { zh: '成就型', en: 'Achiever' },
    techniques: [18, 16],
    brief: false,
    description: {
      zh: '目标明确、讲效率，在意形象和成绩。',
      en: 'Goal-driven and efficient; cares about image and results.',
    },
    tone: { zh: '讲结果和效率，给足认可', en: 'results and efficiency, with credit where it is due' },
    opening: {
      zh: '贵司办事一向高效，这笔款也想请您帮忙尽快落实。',
      en: 'Your team is known for getting things done; I would like your help to close this one quickly.',
    },
    avoid: { zh: '浪费时间，或让对方在他人面前难堪', en: 'wasting their time or embarrassing them in front of others' },
  },
  {
    key: 'individualist',
    name: { zh: '自我型', en: 'Individualist' },
    techniques: [18],
    brief: false,
    description: {
      zh: '感受细腻、重面子，希望被理解和尊重。',
      en: 'Sensitive and face-conscious; wants to be understood and respected.',
    },
    tone: { zh: '顾全面子，私下沟通，先认可再谈事', en: 'face-saving and private, acknowledgement before business' },
    opening: {
      zh: '先谢谢您一直以来的关照，这件事我想单独和您商量一下。',
      en: 'First, thank you for all your support; I would like to talk this over with you privately.',
    },
    avoid: { zh: '当众施压、千篇一律的模板话', en: 'public pressure and canned phrases' },
  },
  {
    key: 'investigator',
    name: { zh: '理智型', en: 'Investigator' },
    techniques: [4],
    brief: true,
    description: {
      zh: '冷静、重分析，需要数据和时间来判断。',
      en: 'Calm and analytical; needs data and time to decide.',
    },
    tone: { zh: '用事实和数据说话，书面为主，给对方时间', en: 'facts and data, in writing, with time to review' },
    opening: {
      zh: '我把明细和对账数据整理好了，您核对后我们再定付款日期。',
      en: 'I have put the details and the reconciliation together; once you have checked them, we can set the payment date.',
    },
    avoid: { zh: '打感情牌、当场逼对方表态', en: 'emotional appeals and on-the-spot pressure' },
  },
  {
    key: 'loyalist',
    name: { zh: '忠诚型', en: 'Loyalist' },
    techniques: [4],
    brief: false,
    description: {
      zh: '谨慎、重规矩和安全感，按流程办事。',
      en: 'Careful and procedure-minded; values security and following the rules.',
    },
    tone: {
      zh: '稳妥、按流程，给出书面依据让对方放心',
      en: 'steady and procedural, with written grounds that reassure',
    },
    opening: {
      zh: '按双方合同和贵司流程，这笔款已经到了付款节点，我们一起把手续走完。',
      en: 'Under our contract and your process, this amount has reached its payment point; let us complete the steps together.',
    },
    avoid: { zh: '突然袭击、模糊不清的要求', en: 'surprises and vague requests' },
  },
  {
    key: 'enthusiast',
    name: { zh: '活跃型', en: 'Enthusiast' },
    techniques: [16, 9],
    brief: false,
    description: {
      zh: '乐观、爱新鲜，回避不愉快的话题，容易满口答应。',
      en: 'Upbeat and curious; avoids unpleasant topics and says yes easily.',
    },
    tone: { zh: '轻松积极，但一定把日期钉死', en: 'light and positive, but with the date pinned down' },
    opening: {
      zh: '下一阶段的合作我们有不少新想法，先把这笔款落实，后面推进会更顺。',
      en: 'We have good ideas for the next phase; settling this first will make everything after it easier.',
    },
    avoid: { zh: '沉闷的长谈，以及只有“好的”没有日期的答复', en: 'long heavy talks, and a cheerful yes with no date' },
  },
  {
    key: 'challenger',
    name: { zh: '领袖型', en: 'Challenger' },
    techniques: [7, 2],
    brief: true,
    description: {
      zh: '强势、果断，尊重直接的人，反感示弱和绕弯子。',
      en: 'Strong and decisive; respects directness and dislikes weakness or hedging.',
    },
    tone: { zh: '直截了当，只讲事实和要求', en: 'direct and factual, facts and the ask only' },
    opening: {
      zh: '我直接说重点：这笔款已经到期，需要您拍板定一个付款日期。',
      en: 'Straight to the point: this amount is due, and I need your decision on a payment date.',
    },
    avoid: { zh: '哀求、吹捧、犹豫不决', en: 'pleading, flattery and hesitation' },
  },
  {
    key: 'peacemaker',
    name: { zh: '和平型', en: 'Peacemaker' },
    techniques: [20],
    brief: false,
    description: { zh: '随和、怕冲突，容易拖着不办。', en: 'Easy-going and conflict-averse; tends to put things off.' },
    tone: {
      zh: '温和不施压，但每次都定下一小步和日期',
      en: 'gentle and low-pressure, but always a small next step with a date',
    },
    opening: {
      zh: '我们一起把付款安排一步步理顺，今天先把第一步定下来。',
      en: 'Let us work out the payment together step by step, and fix the first step today.',
    },
    avoid: {
      zh: '正面冲突，以及没有具体下一步就结束谈话',
      en: 'confrontation, and ending a talk without a concrete next step',
    },
  },
];

// ------------------------------------------------------------------------------------------------ government

export type GovernmentTopic = 'budget-cycle' | 'fiscal-year' | 'approval-chain' | 'audit';

/** 政府大客户: what differs from a company, and what the collector does about it. */
export const governmentSpecifics: Array<{
  key: GovernmentTopic;
  name: Bilingual;
  detail: Bilingual;
  action: Bilingual;
}> = [
  {
    key: 'budget-cycle',
    name: { zh: '预算周期', en: 'Budget cycle' },
    detail: {
      zh: '政府单位只能在已批准的预算内付款；没有列入预算的款项，经办人想付也付不出来。',
      en: 'A public body can only pay from an approved budget; if the amount is not in it, even a willing official cannot pay.',
    },
    action: {
      zh: '签约时就问清这笔款在哪一年、哪一项预算里（九问第3问），编制下一年预算前提醒对方列入。',
      en: 'At signing, ask which year’s budget and which line the amount sits in (question 3); before next year’s budget is drawn up, remind them to include it.',
    },
  },
  {
    key: 'fiscal-year',
    name: { zh: '财政年度', en: 'Fiscal year' },
    detail: {
      zh: '财年末预算未用完可能被收回，年初新预算尚未下达；这两个时点决定能不能付款。',
      en: 'Unspent budget may lapse at year end, and early in the year the new budget is not yet released; these two moments decide whether payment can happen.',
    },
    action: {
      zh: '财年结束前两个月推动在本年度预算内付款；新财年开始时确认这笔款已列入新预算。',
      en: 'In the last two months of the fiscal year, push for payment within this year’s budget; when the new year starts, confirm the amount is in the new budget.',
    },
  },
  {
    key: 'approval-chain',
    name: { zh: '审批链', en: 'Approval chain' },
    detail: {
      zh: '付款要经过业务科室、财务、分管领导等多级签批，任何一环都可能卡住。',
      en: 'Payment passes through the department, finance and the responsible official; any link can hold it up.',
    },
    action: {
      zh: '弄清每一级的经办人和签字人，以及各自的时间节点，逐级跟进。',
      en: 'Learn who handles and who signs at each level, and their timing, and follow up level by level.',
    },
  },
  {
    key: 'audit',
    name: { zh: '审计', en: 'Audit' },
    detail: {
      zh: '政府付款要经得起审计：合同、验收单、发票必须齐全且相互一致，否则财务不敢付。',
      en: 'Public payments must survive an audit: contract, acceptance record and invoice must be complete and consistent, or finance will not pay.',
    },
    action: {
      zh: '提前备齐并核对全部单据，按对方财务和审计要求开具发票。',
      en: 'Prepare and cross-check every document in advance, and invoice exactly as their finance and auditors require.',
    },
  },
];

/** 客户难找、难约、难见、难搞定. */
export const governmentDifficulties: Bilingual[] = [
  { zh: '难找：不知道该找哪个部门、哪个人', en: 'Hard to find: which department and which person to approach' },
  { zh: '难约：关键人日程满，预约不上', en: 'Hard to book: the key person’s calendar is always full' },
  { zh: '难见：见到了也只有几分钟', en: 'Hard to meet: even a meeting lasts only minutes' },
  { zh: '难搞定：表态容易，落实难', en: 'Hard to close: easy promises, slow action' },
];

/** The eight practical moves for large and government accounts. */
export const governmentMoves: Bilingual[] = [
  { zh: '制定有日期、有责任人的回款计划', en: 'A collection plan with dates and owners' },
  { zh: '保持公开、顺畅的沟通', en: 'Open, regular communication' },
  { zh: '出现问题快速解决', en: 'Fix problems fast' },
  { zh: '关注政策和预算制度变化', en: 'Watch for policy and budget-rule changes' },
  { zh: '培训对方经办人和我方人员', en: 'Train their staff and ours' },
  { zh: '用数据分析对方付款习惯', en: 'Analyse their payment habits with data' },
  { zh: '建立客户档案，记录偏好和习惯', en: 'Keep a customer file of preferences and habits' },
  { zh: '做好售后服务', en: 'Strong after-sales service' },
];
