/**
 * What the message is about, from rules in both languages, aware of negation ("we cannot pay this month" is
 * hardship, "not yet paid" is not paid), of modality ("will be paid" is a promise) and of requests ("请尽快付款",
 * "please remit" are our own reminder wording, not the customer's promise).
 *
 * When several intents show, the first of dispute > paid > promise > hardship > reminder wins: a dispute has to be
 * settled before any promise counts, a payment made ends the chase, a commitment outweighs the complaint about
 * cash that often comes with it, and a reminder is mostly our own quoted text.
 */
import { clauseBefore, type Hit } from './text';

export type Intent = 'promise' | 'dispute' | 'hardship' | 'paid' | 'reminder' | 'other';
export const INTENT_ORDER: Intent[] = ['dispute', 'paid', 'promise', 'hardship', 'reminder'];

const W = String.raw`(?:[\w']+\s+)`;
const PAY_OBJ = String.raw`(?:payment|wire|check|cheque|funds|money|remittance|transfer|ach)`;

const PAID: RegExp[] = [
  new RegExp(String.raw`\b(?:have|has|had)\s+(?:already\s+|just\s+|now\s+)?(?:been\s+)?(?:paid|remitted|transferred|wired|settled|sent\s+(?:the\s+|a\s+|our\s+)?${PAY_OBJ}|made\s+(?:the\s+|a\s+)?payment|processed\s+(?:the\s+)?payment)\b`, 'gi'),
  new RegExp(String.raw`\b${PAY_OBJ}s?\s+(?:has\s+been|have\s+been|was|were|is|got)\s+(?:already\s+|just\s+)?(?:sent|made|remitted|released|processed|initiated|wired|paid|mailed|issued|transferred|received)\b`, 'gi'),
  new RegExp(String.raw`\b(?:we|i)\s+(?:already\s+|just\s+)?(?:paid|remitted|wired|transferred|settled|sent\s+(?:the\s+|a\s+)?${PAY_OBJ})\b`, 'gi'),
  /\b(?:was|were|been)\s+paid\b/gi,
  new RegExp(String.raw`\b(?:received|got)\s+(?:the\s+|your\s+|a\s+|their\s+)?(?:payment|wire(?:\s+transfer)?|check|cheque|funds|remittance)\b`, 'gi'),
  /\b(?:paid\s+in\s+full|proof\s+of\s+payment|payment\s+confirmation|remittance\s+advice|wire\s+confirmation|bank\s+slip)\b/gi,
  /\bpayment\s+(?:sent|made|remitted|done|completed)\b/gi,
  /\b(?:have|has)\s+(?:only\s+)?been\s+able\s+to\s+pay\b/gi,
  /(?:已经?|早已|已于[^，。,.]{0,12}?)(?:安排了?|完成)?(?:付款|付了|付清|支付|打款|打了|转账|转了|汇款|汇出|汇了|结清|付过)/g,
  /(?:款|钱|货款|款项)(?:已经?|早就?)(?:付|打|汇|转|支付|到账|出账)/g,
  /(?:付|打|转|汇)(?:过去了|过了|出去了)/g,
  /水单|银行回单|付款回单|汇款回单|付款凭证|转账凭证|汇款凭证|银行回执|付款截图|转账截图/g,
  /收到(?:了)?(?:你们的|贵司的|您的)?(?:款|货款|付款|汇款|转账)/g,
];

const PROMISE: RegExp[] = [
  new RegExp(String.raw`\b(?:will|'ll|shall|going\s+to|plan\s+to|intend\s+to|expect\s+to|promise\s+to|commit\s+to|aim\s+to|be\s+able\s+to|can|could)\s+${W}{0,2}?(?:be\s+)?(?:pay|paid|remit|remitted|transfer|transferred|wire|wired|settle|settled)\b`, 'gi'),
  new RegExp(String.raw`\b(?:will|'ll|shall|going\s+to|plan\s+to|intend\s+to|expect\s+to|can|could)\s+${W}{0,2}?(?:send|make|process|release|issue|arrange|initiate|schedule|approve|cut|mail)\s+${W}{0,2}?${PAY_OBJ}`, 'gi'),
  new RegExp(String.raw`\b${PAY_OBJ}\s+(?:will|should|shall|is\s+expected\s+to|is\s+scheduled\s+to|is\s+going\s+to)\s+(?:be\s+)?(?:go\s+out|made|sent|released|processed|remitted|issued|paid|arrive|reach|wired)`, 'gi'),
  /\b(?:scheduled|approved|queued|set\s+up)\s+for\s+payment\b|\bpayment\s+(?:is\s+)?(?:scheduled|approved|in\s+process|in\s+progress|being\s+processed)\b|\bin\s+(?:our|the)\s+(?:next\s+)?payment\s+run\b/gi,
  /安排(?:一下)?(?:付款|打款|转账|支付|汇款|回款|付)/g,
  /(?:会|将|将会|准备|打算|计划|争取|尽量|预计|保证|承诺|可以)(?:在)?[^，。,.！？!?；;\n]{0,10}?(?:付款|支付|打款|转账|汇款|结清|付清|付掉|回款|打给|转给|汇给|付(?![出]))/g,
  /(?:明天|后天|大后天|下周[一二三四五六日天]?|下个?月|月底|月末|本周|这周|周[一二三四五六日]|\d+号|[一二三四五六七八九十]+号|年底|年前|节前|月初|近期|尽快)(?:前|之前|以前|内|左右)?(?:应该|一定)?(?:就|会|再|先|能|可以)?(?:付款|付钱|付|打款|打钱|打过来|转账|转款|汇款|支付|结清|安排)(?![过了])/g,
  /走(?:付款|审批)?流程|在走流程|流程(?:中|在走|走完)|提交(?:了)?付款申请|付款申请(?:已)?提交|提交(?:给)?财务|财务(?:在|正在)?(?:处理|审批|走流程)|审批中|等(?:领导)?签字/g,
  /打款/g,
];

const HARDSHIP: RegExp[] = [
  /\b(?:cash\s*-?\s*flow|liquidity|tight\s+on\s+cash|cash\s+is\s+tight|short\s+(?:of|on)\s+(?:cash|funds)|insufficient\s+funds|hardship|bankrupt\w*|insolven\w*|restructuring)\b/gi,
  /\bfinancial(?:ly)?\s+(?:difficult\w*|trouble\w*|constraints?|distress|problems?|strain)\b|\bdifficult\s+(?:time|times|period|situation|month|quarter)\b|\bgoing\s+through\s+(?:a\s+)?(?:tough|hard|difficult)\b/gi,
  new RegExp(String.raw`\b(?:can(?:no|')t|can\s+not|unable\s+to|not\s+able\s+to|won'?t\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to|couldn'?t)\s+${W}{0,2}?(?:pay|remit|settle|make\s+(?:the\s+|any\s+)?payment)\b`, 'gi'),
  /\b(?:payment\s+plan|instal?lments?|defer(?:ral|\s+(?:the\s+)?payment)|postpone\s+(?:the\s+)?payment|more\s+time\s+to\s+pay|(?:payment|an?)\s+extension|extend\s+the\s+(?:due\s+date|deadline|payment))\b/gi,
  /资金紧张|资金困难|资金周转|周转困难|周转不[开过灵]|资金链|手头(?:有点)?紧|没钱|缺钱|付不[了出起]|暂时无法(?:付款|支付|付)|无法(?:按时)?(?:付款|支付)|没(?:办)?法付|经营困难|困难|延期付款|延迟付款|晚点付|晚些付|缓一缓|缓几天|宽限|分期(?:付款)?|预算(?:还)?没(?:有)?(?:批|下来|到位)|预算未(?:批|到位)|资金(?:还)?没(?:有)?到位|拨款(?:还)?没(?:有)?到|破产/g,
];

const DISPUTE: RegExp[] = [
  /\b(?:wrong|incorrect|errors?|mistakes?|mistaken|discrepanc\w*|dispute\w*|disagree\w*|overcharg\w*|over-?billed|double[- ]?bill\w*|duplicate\s+invoice|re-?issue\w*|credit\s+(?:note|memo)|short[- ]?ship\w*|defect\w*|damaged|complain\w*|unsatisfied|quality\s+(?:issue|problem|complaint)s?|poor\s+quality)\b/gi,
  /\bdo(?:es)?\s*(?:n[o']t|not)\s+(?:match|agree)\b|\bnot\s+as\s+(?:agreed|ordered|quoted)\b|\brefuse[sd]?\s+to\s+pay\b|\b(?:will\s+not|won'?t)\s+pay\b|\breject(?:ed|s)?\b|\bnot\s+satisfied\b/gi,
  /\b(?:not|never)\s+(?:yet\s+)?received\s+(?:the\s+|your\s+|any\s+|our\s+)?(?:goods|invoice|shipment|delivery|items?|products?|order|services?)\b|\b(?:goods|shipment|delivery|order)\s+(?:was|were|has|have)?\s*(?:not|never)\s+(?:been\s+)?(?:received|delivered|arrived)\b/gi,
  /不对|有误|有错|错误|搞错|开错|写错|填错|弄错|错了|重开|重新开|重新出具|红冲|作废|质量问题|质量不|没收到货|未收到货|没到货|货没到|货未到|没收到发票|未收到发票|发票没收到|验收不合格|验收不通过|验收没通过|没(?:有)?验收|未验收|不合格|有异议|异议|争议|对不上|不符|少发|漏发|破损|损坏|退货|投诉|不满意|拒付|拒绝付款|不认可|扣款/g,
];

const REMINDER: RegExp[] = [
  /\bplease\s+(?:kindly\s+)?(?:remit|pay|settle|arrange|make\s+(?:the\s+)?payment|process\s+(?:the\s+)?payment|transfer|wire|release)\b|\bkindly\s+(?:remit|pay|settle|arrange|make|process|release)\b/gi,
  /\b(?:overdue|past\s+due|friendly\s+reminder|payment\s+reminder|reminder|unpaid|final\s+notice|due\s+immediately)\b|\boutstanding\s+(?:balance|amount|invoices?|payments?)\b|\b(?:remains?|still)\s+(?:unpaid|outstanding)\b/gi,
  /\b(?:not\s+(?:yet\s+)?(?:been\s+)?paid|yet\s+to\s+(?:be\s+)?paid)\b|\b(?:have|has)\s*(?:n't|\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:paid|received\s+(?:your\s+|the\s+|any\s+)?payment)\b|\bpayment\s+(?:is\s+)?(?:now\s+)?(?:over)?due\b/gi,
  /请尽快(?:安排)?(?:付款|支付|打款|回款|结清|处理)|请(?:贵司|您)?(?:及时|尽快|于)[^。]{0,20}?(?:付款|支付|打款|结清)|烦请(?:安排|尽快)?(?:付款|支付)|麻烦(?:尽快)?安排(?:一下)?(?:付款|打款)|催款|催收|催缴|逾期|到期未付|尚未(?:付款|支付|结清)|还没(?:有)?(?:付款|打款|收到(?:款|货款|付款))|未收到(?:贵司|您的|你们的)?(?:款|货款|付款)|付款提醒|对账单|敬请(?:安排)?(?:付款|支付)/g,
];

const NEG_EN = /(?:\bnot|\bnever|n't|\bno|\bunable\s+to|\bcannot|\bcan\s+not|\byet\s+to|\bnothing|\bwithout)\s+(?:[\w']+\s+){0,2}$/i;
const NEG_ZH = /(?:不|没有?|未|无法|尚未|还没有?|并未|暂不|别)[^，。,]{0,3}$/;
const REQUEST = /(?:\bplease\b|\bkindly\b|\bcould\s+you\b|\bcan\s+you\b|\bwould\s+you\b|请|烦请|麻烦|务必|希望贵司|望贵司)(.*)$/i;
const FIRST_PERSON = /\b(?:we|i)\b|我/i;
const FUTURE = /\b(?:will|shall|going\s+to|expected\s+to|expect\s+to|scheduled\s+to|plan\s+to)\s+(?:[\w']+\s+){0,3}$/i;
const OBLIGATION = /\b(?:should|must|need\s+to|needs\s+to|have\s+to|has\s+to)\s+(?:[\w']+\s+){0,2}$/i;

export interface Signal extends Hit<Intent> { negated?: boolean }

function negated(text: string, index: number, matchText: string): boolean {
  const before = clauseBefore(text, index, 30);
  if (/[\u3400-\u9fff]/.test(matchText)) return NEG_ZH.test(before.slice(-4));
  return NEG_EN.test(before) || /\b(?:not|never)\b|n't/i.test(matchText);
}

function isRequest(text: string, index: number): boolean {
  const m = REQUEST.exec(clauseBefore(text, index, 40));
  return !!m && !FIRST_PERSON.test(m[1]);
}

function scan(text: string, res: RegExp[], fn: (m: RegExpExecArray) => Intent | null, out: Signal[]) {
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (!m[0]) { re.lastIndex++; continue; }
      const intent = fn(m);
      if (intent) out.push({ index: m.index, end: m.index + m[0].length, text: m[0], value: intent });
    }
  }
}

export function findIntents(text: string): Signal[] {
  const out: Signal[] = [];
  scan(text, DISPUTE, (m) => {
    const before = clauseBefore(text, m.index, 30);
    const neg = /[\u3400-\u9fff]/.test(m[0]) ? NEG_ZH.test(before.slice(-4)) && !/^(?:没|未|不)/.test(m[0]) : NEG_EN.test(before);
    return neg ? null : 'dispute';
  }, out);
  scan(text, HARDSHIP, (m) => (/^(?:no|not)\b/i.test(clauseBefore(text, m.index, 8).trim()) ? null : 'hardship'), out);
  scan(text, PAID, (m) => {
    const before = clauseBefore(text, m.index, 40);
    if (negated(text, m.index, m[0])) return 'reminder';
    if (/[a-z]/i.test(m[0]) && FUTURE.test(before)) return 'promise';
    if (/[a-z]/i.test(m[0]) && OBLIGATION.test(before)) return 'reminder';
    return 'paid';
  }, out);
  const paidSpans = out.filter((s) => s.value === 'paid' || s.value === 'reminder');
  scan(text, PROMISE, (m) => {
    const span = { index: m.index, end: m.index + m[0].length };
    if (paidSpans.some((p) => p.index < span.end && span.index < p.end)) return null;
    if (/[付款账汇打转]$/.test(m[0]) && /^(?:已|了|过)/.test(text.slice(span.end, span.end + 1))) return null;
    if (/已经?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
    const after = text.slice(span.end, span.end + 3);
    if (/^不[了出起]/.test(after)) return 'hardship';
    if (/\b(?:not|never)\b|n't/i.test(m[0])) return null;
    if (negated(text, m.index, m[0])) {
      const before = clauseBefore(text, m.index, 12);
      if (/无法|不能|没法|没办法|暂时|暂不/.test(before)) return 'hardship';
      return /[\u3400-\u9fff]/.test(m[0]) ? 'dispute' : null;
    }
    if (isRequest(text, m.index) || /\byou\b/i.test(m[0])) return 'reminder';
    if (/\b(?:if|whether|unless)\b|如果|是否|假如|要是/i.test(clauseBefore(text, m.index, 80))) return null;
    return 'promise';
  }, out);
  scan(text, REMINDER, () => 'reminder', out);
  // "has not been paid" is a reminder, never also a payment.
  const reminders = out.filter((s) => s.value === 'reminder');
  const kept = out.filter((s) => s.value !== 'paid' || !reminders.some((r) => r.index < s.end && s.index < r.end));
  kept.sort((a, b) => a.index - b.index);
  return kept;
}

export function pickIntent(signals: Signal[]): Intent {
  for (const intent of INTENT_ORDER) if (signals.some((s) => s.value === intent)) return intent;
  return 'other';
}
