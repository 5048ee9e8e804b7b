/**
 * `suggestNext`: the next collection step for one customer, today. A deterministic rules engine: each rule reads
 * facts from the account and may set the level, add techniques, reasons, cautions and missing answers. The output
 * names every fact and rule it used. Last, each technique's "must not be used when" is checked against the
 * situation, so a technique one rule adds can be taken out by a fact another rule found.
 */
import type { AccountSnapshot, Channel, Lang, PersonalityType } from '../domain';
import { toIsoDay } from '../domain';
import { addDays, addYears, daysBetween, isoOf } from '../ledger/dates';
import { nineQuestionAnswered } from '../ledger/summary';
import { formatDay, formatMoney } from '../format';
import { delinquencyTypes, ladder, techniques, traps, type Bilingual } from './catalog';
import { attitudes, governmentSpecifics } from './method';
import { fillScript, keyContact } from './scripts';

export interface Suggestion {
  level: number;
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
  /** The key contact's personality type and how the script's tone follows it. */
  tone?: { personality: PersonalityType; contact: string; name: string; note: string };
}

/** Activities within this many days count as live negotiation (rule 10) or current tension. */
const RECENT_DAYS = 14;
const TENSE_DAYS = 30;
/** A channel that won a promise or payment this recently is worth using again. */
const WORKED_DAYS = 90;
/** The budget push starts this many days before the fiscal year ends; the budget check runs this long after it starts. */
const FY_END_WINDOW = 60;
const FY_START_WINDOW = 90;

export function suggestNext(account: AccountSnapshot, now: Date, lang: Lang): Suggestion {
  const say = (b: Bilingual) => b[lang];
  const asOf = toIsoDay(now);
  const { customer, settings } = account;
  const open = account.receivables.filter((r) => r.openMinor > 0 && r.kind !== 'credit-note');
  const overdue = open.filter((r) => r.dueDate < asOf).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const dpd = overdue.length ? daysBetween(overdue[0].dueDate, asOf) : 0;
  const why: string[] = [];
  const cautions: string[] = [];
  const tech = new Set<number>();
  /** technique id → why it must not be used here. */
  const forbidden = new Map<number, string>();
  const forbid = (ids: number[], reason: string) => ids.forEach((id) => { if (!forbidden.has(id)) forbidden.set(id, reason); });
  const zh = lang === 'zh';
  const answered = nineQuestionAnswered(account.profile);
  const sortedActs = [...account.activities].sort((a, b) => b.date.localeCompare(a.date));

  // Ladder level from days past due; the team's attitude stretches or tightens the thresholds after the due date.
  const attitude = attitudes.find((a) => a.key === settings.attitude) ?? attitudes[2];
  const thresholds = settings.ladderDays.map((d, i) => (i === 0 ? d : Math.round(d * attitude.ladderFactor)));
  let level = 0;
  if (overdue.length) for (let i = 1; i < thresholds.length; i++) if (dpd >= thresholds[i]) level = i;
  if (overdue.length) {
    // One total per currency: amounts in different currencies are never added together.
    const byCurrency = new Map<string, number>();
    for (const r of overdue) byCurrency.set(r.amount.currency, (byCurrency.get(r.amount.currency) ?? 0) + r.openMinor);
    const sums = [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([cur, minor]) => formatMoney(minor, cur, lang)).join(zh ? '、' : ' + ');
    why.push(zh ? `最早逾期 ${dpd} 天，逾期合计 ${sums}（${overdue[0].docNumber}）。`
      : `Oldest item ${dpd} days overdue; ${sums} overdue (${overdue[0].docNumber}).`);
    if (attitude.ladderFactor !== 1) {
      why.push(zh ? `团队态度为“${attitude.name.zh}”：${attitude.ladder.zh}` : `Team attitude is ${attitude.name.en}: ${attitude.ladder.en}`);
    }
  } else if (open.length) {
    const next = [...open].sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    why.push(zh ? `${next.docNumber} 将于 ${formatDay(next.dueDate, lang)} 到期：事前催收（技巧5）。` : `${next.docNumber} falls due on ${formatDay(next.dueDate, lang)}: remind before the due date (technique 5).`);
    tech.add(5);
    // A customer who paid late before learns to pay on time only if paying on time is worth something.
    const late = account.receivables.filter((r) => r.settledOn && r.settledOn > r.dueDate);
    if (late.length) {
      const worst = Math.max(...late.map((r) => daysBetween(r.dueDate, r.settledOn!)));
      tech.add(16);
      why.push(zh ? `该客户此前有 ${late.length} 笔款逾期才付（最长 ${worst} 天）：提前提醒，并说明按时付款的好处（技巧16，预防第7点：让及时付款成为习惯）。`
        : `This customer paid ${late.length} earlier invoice(s) late (up to ${worst} days): remind early and make paying on time worth it (technique 16; prevention point 7: make prompt payment a habit).`);
    }
  } else {
    why.push(zh ? '没有未收款：做好预防（技巧1）和服务（技巧21）。' : 'Nothing open: prevention (technique 1) and service (technique 21).');
    tech.add(1); tech.add(21);
  }

  // Promises: wait while a promise is alive; a broken one escalates one step.
  const grace = settings.promiseGraceDays;
  const pending = account.promises.filter((p) => p.status === 'pending').sort((a, b) => a.date.localeCompare(b.date))[0];
  const broken = account.promises.filter((p) => p.status === 'broken').sort((a, b) => b.date.localeCompare(a.date))[0];
  let nextDate: string | undefined;
  let hold = false;
  const livePromise = pending && addDays(pending.date, grace) >= asOf ? pending : undefined;
  if (livePromise) {
    hold = true;
    // A live promise holds the ladder: follow up, don't escalate past a call to the initiator.
    level = Math.min(level, 2);
    nextDate = addDays(pending.date, 1);
    tech.add(11);
    why.push(zh ? `客户承诺 ${formatDay(pending.date, lang)} 付款 ${formatMoney(pending.amount.minor, pending.amount.currency, lang)}：到期前只做温和跟进，不升级。`
      : `A promise of ${formatMoney(pending.amount.minor, pending.amount.currency, lang)} for ${formatDay(pending.date, lang)} is alive: follow up gently, do not escalate.`);
  } else if (broken) {
    level = Math.min(8, Math.max(level, 1) + 1);
    [9, 10, 11].forEach((t) => tech.add(t));
    why.push(zh ? `${formatDay(broken.date, lang)} 的付款承诺未兑现：升级一级，态度更坚决（规则7：不要心软）。`
      : `The promise for ${formatDay(broken.date, lang)} was broken: one step up, firmer (rule 7: don’t go soft).`);
  }

  // Delinquency type.
  const dt = customer.delinquencyType;
  const disputed = open.filter((r) => r.disputed);
  if (disputed.length || dt === 2) {
    hold = true;
    level = Math.min(level, 3);
    [4, 21].forEach((t) => tech.add(t));
    const what = disputed.map((r) => `${r.docNumber}${r.disputeReason ? (zh ? `：${r.disputeReason}` : `: ${r.disputeReason}`) : ''}`).join(zh ? '；' : '; ');
    why.push(zh ? `存在争议（${what || '合同纠纷'}）：先解决争议，暂不升级（拖欠类型2）。`
      : `Open dispute (${what || 'contract dispute'}): resolve it first, no escalation (delinquency type 2).`);
    forbid([2, 19], zh ? '争议未解决' : 'the dispute is unresolved');
  }
  if (dt === 6 && overdue.length) { level = Math.min(8, level + 2); [10, 19].forEach((t) => tech.add(t)); why.push(zh ? '故意拖欠：快速、坚决升级（拖欠类型6，规则3：及时中止供货）。' : 'Deliberate delay: fast, firm escalation (type 6; rule 3: stop supply in time).'); }
  if (dt === 6) forbid([3, 15, 20], zh ? '客户故意拖欠' : 'the delay is deliberate');
  if (dt === 7) {
    [20, 15].forEach((t) => tech.add(t)); level = Math.min(level, 3);
    why.push(zh ? '客户遭遇意外：以情动人，先定计划，并书面保全债权（拖欠类型7）。' : 'Accident at the customer: empathy and a plan, claim kept alive in writing (type 7).');
    forbid([9, 10, 12], zh ? '客户确因意外陷入困难' : 'the customer is in real hardship after an accident');
  }
  if (dt === 5) {
    tech.add(3);
    why.push(zh ? '资金周转困难：小额分批（技巧3），书面确认余额（拖欠类型5）。' : 'Cash-flow squeeze: small instalments (technique 3), balance confirmed in writing (type 5).');
    forbid([12], zh ? '客户资金确实紧张' : 'the customer is genuinely short of cash');
  }
  if (dt === 3) { tech.add(13); why.push(zh ? '货物积压：协助动销，新订单以清旧款为前提（技巧13）。' : 'Goods unsold: help sell-through; new orders only after old debt (technique 13).'); }
  if (dt === 1) { [2, 7].forEach((t) => tech.add(t)); why.push(zh ? '要款不力在我方：清楚、尽早开口（拖欠类型1）。' : 'Weak effort on our side: ask clearly and early (type 1).'); }
  if (dt === 4) { [12, 6].forEach((t) => tech.add(t)); why.push(zh ? '经营不佳：尽快锁定可收回部分，警惕破产（拖欠类型4）。' : 'Poor performance: secure what you can fast, watch for insolvency (type 4).'); }

  // History: don't repeat a channel that keeps failing; note tension that rules out indirect pressure.
  const recent = sortedActs.slice(0, 3);
  const failingPhone = recent.length === 3 && recent.every((a) => a.channel === 'phone' && a.outcome === 'no-answer');
  const tense = sortedActs.find((a) => ['refused', 'disputed'].includes(a.outcome) && daysBetween(a.date, asOf) <= TENSE_DAYS);
  if (tense) forbid([17], zh ? `${formatDay(tense.date, lang)} 客户已明确拒绝或提出异议，关系紧张` : `the customer refused or objected on ${formatDay(tense.date, lang)}; relations are tense`);

  // Rule 10: no legal step while negotiation is alive.
  const talking = hold || recent.some((a) => ['promised', 'redirected', 'info-gathered'].includes(a.outcome) && daysBetween(a.date, asOf) <= RECENT_DAYS);
  if (talking && level >= 7) { level = 6; why.push(zh ? '协商仍在进行：暂不走法律程序（规则10）。' : 'Negotiation is alive: no legal step yet (rule 10).'); }

  // Government and budget-bound customers: budget, fiscal year, approval chain, audit.
  const government = customer.type === 'government';
  if (government) {
    // Public services are not cut off and public bodies are not sued lightly: the finance letter is the ceiling.
    if (level > 5) level = 5;
    tech.add(4);
    why.push(zh ? '政府客户：按预算和财年节奏推进，先打通审批链，不轻易停止供货或发律师函。' : 'Government customer: follow the budget and fiscal year, work the approval chain; no suspension of supply or lawyer’s letter lightly.');
    if (!answered[3] || !answered[4]) {
      const chain = governmentSpecifics.find((g) => g.key === 'approval-chain')!;
      why.push(zh ? `审批链尚不清楚：${chain.action.zh}` : `The approval chain is not known yet: ${chain.action.en}`);
    }
    if (!(account.preparations?.checked ?? []).includes(1)) {
      cautions.push(say(governmentSpecifics.find((g) => g.key === 'audit')!.detail));
    }
  }
  const fyStartMonth = customer.fiscalYearStartMonth ?? (government ? 1 : undefined);
  if (open.length && fyStartMonth && (government || account.profile?.budgetRequired === true)) {
    const y = now.getFullYear();
    const startYear = now.getMonth() + 1 >= fyStartMonth ? y : y - 1;
    const fyStart = isoOf(startYear, fyStartMonth, 1);
    const fyEnd = addDays(isoOf(startYear + 1, fyStartMonth, 1), -1);
    const toEnd = daysBetween(asOf, fyEnd);
    if (toEnd <= FY_END_WINDOW) {
      tech.add(2);
      if (overdue.length && !hold) level = Math.max(level, 2);
      const pushBy = addDays(fyEnd, -15);
      nextDate = nextDate && nextDate < pushBy ? nextDate : (pushBy > asOf ? pushBy : asOf);
      why.push(zh ? `客户财年将于 ${formatDay(fyEnd, lang)} 结束（还有 ${toEnd} 天）：推动在本年度预算内付款，年末结余预算可能收回，错过要等下一年度（规则4：把握时机）。`
        : `The customer’s fiscal year ends on ${formatDay(fyEnd, lang)} (${toEnd} days left): push for payment within this year’s budget; unspent budget may lapse and the next chance is next year (rule 4: timing).`);
    } else if (daysBetween(fyStart, asOf) < FY_START_WINDOW) {
      tech.add(4);
      why.push(zh ? `客户新财年自 ${formatDay(fyStart, lang)} 开始：先确认这笔款已列入今年预算及对应科目（九问第3问）。`
        : `The customer’s new fiscal year began on ${formatDay(fyStart, lang)}: first confirm the amount is in this year’s budget, and under which line (question 3).`);
    }
  }

  // Limitation: a demand with evidence or a sealed confirmation, now.
  for (const r of overdue) {
    const last = [r.dueDate, ...r.interruptions.map((i) => i.date)].sort().at(-1)!;
    const deadline = addYears(last, settings.limitationYears);
    if (daysBetween(asOf, deadline) <= settings.limitationWarnDays) {
      level = Math.max(level, 3);
      tech.add(4);
      why.unshift(zh ? `${r.docNumber} 的诉讼时效将于 ${formatDay(deadline, lang)} 届满：立即发送留有证据的催款或取得盖章对账函（《民法典》第195条）。`
        : `${r.docNumber} may be time-barred on ${formatDay(deadline, lang)}: send a demand with evidence or get a sealed balance confirmation now (Civil Code art. 195).`);
      break;
    }
  }

  // Nine questions: an unknown initiator or signer is asked for first.
  const missing = answered.map((a, i) => (a ? 0 : i + 1)).filter((n) => n && (overdue.length ? true : n <= 5));
  if (!answered[4] || !answered[3]) {
    why.push(zh ? '还不知道付款发起人或签字人：先问清楚（九问第4、5问）。' : 'The payment initiator or signer is unknown: ask first (questions 4 and 5).');
    tech.add(7);
  }

  // Pressure without confrontation where the relationship is worth more than a quick win.
  const sensitive = settings.attitude === 'sales-driven' || government || customer.type === 'state-owned';
  if (sensitive && (level === 4 || level === 5)) {
    // Added even when tension rules it out, so that the check below says why it was left out.
    tech.add(17);
    const who = settings.attitude === 'sales-driven'
      ? (zh ? '团队以销货为主' : 'a sales-driven team')
      : government ? (zh ? '政府客户' : 'a government customer') : (zh ? '国有企业客户' : 'a state-owned customer');
    if (!forbidden.has(17)) why.push(zh ? `${who}，正面冲突代价大：先用间接施压（技巧17），让对方明白继续拖欠的后果。`
      : `With ${who}, open confrontation is costly: use indirect pressure first (technique 17) so the consequences of further delay are clear.`);
  }

  // Five preparations before a visit or a letter.
  const prepared = new Set(account.preparations?.checked ?? []);
  const preparationsMissing = [1, 2, 3, 4, 5].filter((n) => !prepared.has(n));
  if (level >= 3 && (!prepared.has(1) || !prepared.has(2))) {
    cautions.push(zh ? '先备齐凭证（发票、签收单）并寄出对账函，再上门或发函。' : 'Get the evidence (invoices, signed receipts) and a balance confirmation ready before a visit or letter.');
  }

  // Traps in what the customer recently wrote.
  for (const trap of traps) {
    if ((account.recentMessages ?? []).some((m) => trap.triggers.test(m))) {
      cautions.push(say(trap.name));
      if (trap.id === 1) forbid([16], zh ? '客户正借机要求减免' : 'the customer is angling for a reduction');
    }
  }
  cautions.push(zh ? '规则9：不接受欠款方的礼品和宴请。' : 'Rule 9: accept no gifts or meals from the debtor.');
  if (level >= 5) cautions.push(zh ? '规则6：有理也要有节，不要恃债欺人。' : 'Rule 6: being owed does not license bullying.');

  const step = ladder[level];
  // With nothing open there is nothing to remind of; prevention and service stand alone.
  if (open.length) step.techniques.forEach((t) => tech.add(t));

  // The key contact's personality sets the tone and adds the techniques that suit that person.
  const { contact, personality } = keyContact(account);
  let tone: Suggestion['tone'];
  if (contact && personality) {
    personality.techniques.forEach((t) => tech.add(t));
    tone = { personality: personality.key, contact: contact.name, name: say(personality.name), note: say(personality.tone) };
    why.push(zh ? `关键联系人${contact.name}属${personality.name.zh}：话术语气为“${personality.tone.zh}”，开场白已按此调整；避免${personality.avoid.zh}。`
      : `Key contact ${contact.name} is ${/^[AEIOU]/.test(personality.name.en) ? 'an' : 'a'} ${personality.name.en}: the script is ${personality.tone.en}, and its opening follows that; avoid ${personality.avoid.en}.`);
  }

  let channel: Channel = step.channel;
  // Persistence where it works: a channel that recently won a promise or a payment is used again for a call-level step.
  const worked = sortedActs.find((a) => ['promised', 'paid'].includes(a.outcome) && daysBetween(a.date, asOf) <= WORKED_DAYS);
  if (channel === 'phone' && worked && ['im', 'email', 'visit'].includes(worked.channel)) {
    channel = worked.channel;
    const names: Record<string, Bilingual> = { im: { zh: '微信/即时消息', en: 'IM' }, email: { zh: '邮件', en: 'email' }, visit: { zh: '上门', en: 'a visit' } };
    why.push(zh ? `${formatDay(worked.date, lang)} 通过${names[worked.channel].zh}取得了${worked.outcome === 'paid' ? '付款' : '付款承诺'}：继续用这个渠道（规则8：锲而不舍）。`
      : `On ${formatDay(worked.date, lang)} ${names[worked.channel].en} won a ${worked.outcome === 'paid' ? 'payment' : 'payment promise'}: keep using it (rule 8: persist).`);
  }
  if (failingPhone && channel === 'phone') {
    channel = 'email';
    why.push(zh ? '最近三次电话都无人接听：换渠道（邮件/上门），坚持跟进（技巧11）。' : 'Last three calls unanswered: switch channel, keep at it (technique 11).');
    tech.add(11);
  }

  // Each technique's "must not be used when", checked last against everything found above.
  const left = [...tech].filter((id) => forbidden.has(id));
  for (const id of left) {
    tech.delete(id);
    const t = techniques.find((x) => x.id === id)!;
    cautions.push(zh ? `不用技巧${id}（${t.name.zh}）：${forbidden.get(id)}。` : `Technique ${id} (${t.name.en}) left out: ${forbidden.get(id)}.`);
  }

  why.unshift(zh ? `当前阶段：${step.name.zh}（渐进的收款程序，第 ${level} 级）。` : `Current step: ${step.name.en} (progressive collection, level ${level}).`);
  const lead = [...tech].filter((id) => techniques.some((t) => t.id === id));
  const ids = [...lead].sort((a, b) => a - b);
  const dimension = level >= 7 ? 'legal' : ['finance-letter', 'statement', 'written-notice'].includes(channel) ? 'finance' : 'sales';
  const filled = fillScript({ account, lang, asOf, channel, techniqueIds: lead, overdue, promiseDate: livePromise?.date });
  const dtInfo = delinquencyTypes.find((d) => d.id === dt);
  if (dtInfo) cautions.push(`${say(dtInfo.name)}${zh ? '：' : ': '}${say(dtInfo.strategy)}`);
  return {
    level, levelKey: step.key, levelName: say(step.name), techniqueIds: ids, channel, dimension,
    script: filled.script, subject: filled.subject, why, cautions, missing, preparationsMissing, delinquencyType: dt,
    nextDate: nextDate ?? addDays(asOf, level >= 5 ? 3 : 7),
    ...(tone ? { tone } : {}),
  };
}
