/**
 * WeChat / 企业微信 short drafts: the script of each situation cut to what fits a chat bubble, with the figures from
 * the record. The extension never sends them; the panel copies one to the clipboard with one key and the collector
 * pastes it into the chat (WeCom's own API also sends nothing without the member's confirmation).
 */
import type { Lang, OpenReceivable } from '../domain';
import { formatDay, formatMoney } from '../format';
import type { PlanProgress } from './plans';
import type { DocumentDispute } from './disputes';
import type { Statement } from './records';
import { addDays } from '../ledger/dates';
import { splitByDue } from '../ledger/retention';

export interface ImDraft {
  key: 'overdue' | 'statement' | 'instalment' | 'undisputed' | 'retention' | 'thanks';
  text: string;
}

function overdueTotals(receivables: readonly OpenReceivable[], asOf: string, lang: Lang): string | undefined {
  const m = new Map<string, number>();
  // A held retention is overdue only after its release date (lib/ledger/retention.ts).
  for (const r of splitByDue(receivables))
    if (r.kind === 'invoice' && r.openMinor > 0 && r.dueDate < asOf)
      m.set(r.amount.currency, (m.get(r.amount.currency) ?? 0) + r.openMinor);
  return m.size ? [...m].map(([c, v]) => formatMoney(v, c, lang)).join(lang === 'zh' ? '、' : ' and ') : undefined;
}

export function imDrafts(input: {
  lang: Lang;
  asOf: string;
  contactName?: string;
  receivables: readonly OpenReceivable[];
  openStatement?: Statement;
  plan?: { reference: string; progress: PlanProgress };
  disputes?: readonly DocumentDispute[];
}): ImDraft[] {
  const { lang, asOf } = input;
  const zh = lang === 'zh';
  const hi = input.contactName
    ? zh
      ? `${input.contactName}您好，`
      : `Hi ${input.contactName}, `
    : zh
      ? '您好，'
      : 'Hi, ';
  const out: ImDraft[] = [];
  const overdue = overdueTotals(input.receivables, asOf, lang);
  if (overdue) {
    out.push({
      key: 'overdue',
      text: zh
        ? `${hi}截至${formatDay(asOf, lang)}，贵司有 ${overdue} 货款已到期未付。麻烦帮忙看下付款安排，方便告知具体付款日期吗？谢谢！`
        : `${hi}as of ${formatDay(asOf, lang)}, ${overdue} is past due. Could you let me know the date it will be paid? Thank you!`,
    });
  }
  if (input.openStatement) {
    const s = input.openStatement;
    out.push({
      key: 'statement',
      text: zh
        ? `${hi}截至${formatDay(s.asOf, lang)}的对账单（${s.reference}）已发给您，请财务核对后盖章回传一份，有差异请直接标注。谢谢！`
        : `${hi}our statement as of ${formatDay(s.asOf, lang)} (${s.reference}) is with you. Could finance check it, stamp it and send a copy back, marking any difference? Thanks!`,
    });
  }
  const next = input.plan?.progress.instalments.find((i) => i.state === 'pending');
  if (input.plan && next) {
    out.push({
      key: 'instalment',
      text: zh
        ? `${hi}按还款计划（${input.plan.reference}），第${next.index + 1}期 ${formatMoney(next.minor, next.currency, lang)} 应于${formatDay(next.date, lang)}支付，麻烦提前安排，谢谢！`
        : `${hi}under our payment plan (${input.plan.reference}), instalment ${next.index + 1} of ${formatMoney(next.minor, next.currency, lang)} is due on ${formatDay(next.date, lang)}. Please arrange it in time, thanks!`,
    });
  }
  const parts = (input.disputes ?? []).filter((d) => d.undisputedMinor > 0);
  if (parts.length) {
    const d = parts[0];
    out.push({
      key: 'undisputed',
      text: zh
        ? `${hi}${d.docNumber} 中有争议的 ${formatMoney(d.disputedMinor, d.currency, lang)} 我们在核实处理；无争议的 ${formatMoney(d.undisputedMinor, d.currency, lang)} 请先安排支付，谢谢！`
        : `${hi}we are looking into the ${formatMoney(d.disputedMinor, d.currency, lang)} in question on ${d.docNumber}; please pay the undisputed ${formatMoney(d.undisputedMinor, d.currency, lang)} meanwhile. Thanks!`,
    });
  }
  // The retention falling due (within its reminder days) or already due: ask for its release, 条例 art. 13.
  const retention = splitByDue(input.receivables)
    .filter(
      (r) => r.retentionPart && r.openMinor > 0 && r.retention && asOf >= addDays(r.dueDate, -r.retention.remindDays),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  if (retention) {
    const amt = formatMoney(retention.openMinor, retention.amount.currency, lang);
    const day = formatDay(retention.dueDate, lang);
    const past = retention.dueDate < asOf;
    out.push({
      key: 'retention',
      text: zh
        ? `${hi}${retention.docNumber} 的质保金 ${amt} ${past ? '已于' : '将于'}${day}到期。按合同约定及《保障中小企业款项支付条例》第十三条，保证金应在期满后及时退还，麻烦${past ? '尽快' : '届时'}安排，谢谢！`
        : `${hi}the retention of ${amt} on ${retention.docNumber} ${past ? 'fell' : 'falls'} due on ${day}. Under the contract and the SME Payment Regulation (art. 13), deposits are returned promptly when their term ends — could you arrange it${past ? ' now' : ' for that day'}? Thanks!`,
    });
  }
  out.push({
    key: 'thanks',
    text: zh ? `${hi}款项已收到，感谢您的协调支持！` : `${hi}payment received — thank you for your help!`,
  });
  return out;
}
