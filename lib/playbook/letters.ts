/**
 * Print-ready letters: the balance confirmation (对账函 / 欠款征询函) with a box for the customer's seal and an
 * explicit payment request, so that a sealed copy interrupts limitation; the finance collection letter (催款函);
 * and a lawyer's letter draft for counsel to finish. Chinese letters carry the amount in capitals as well.
 */
import type { AccountSnapshot, Lang } from '../domain';
import { toIsoDay } from '../domain';
import { formatDay, formatMoney } from '../format';
import { amountInCapitals } from './capitals';

export type LetterKind = 'balance-confirmation' | 'collection-letter' | 'lawyer-letter';
export const letterKinds: LetterKind[] = ['balance-confirmation', 'collection-letter', 'lawyer-letter'];

export interface LetterDoc {
  kind: LetterKind;
  title: string;
  reference: string;
  date: string;
  addressee: string;
  draft: boolean;
  paragraphs: string[];
  table: { headers: string[]; rows: string[][]; totals: string[] };
  payment: string;
  seal?: { heading: string; options: string[]; signature: string };
  sender: string;
}

const titles: Record<LetterKind, { zh: string; en: string }> = {
  'balance-confirmation': { zh: '对账函（欠款征询函）', en: 'Balance confirmation' },
  'collection-letter': { zh: '催款函', en: 'Payment demand' },
  'lawyer-letter': { zh: '律师函（草稿，供律师审定）', en: "Lawyer's letter (draft for counsel)" },
};

export function buildLetter(kind: LetterKind, account: AccountSnapshot, now: Date, lang: Lang): LetterDoc {
  const zh = lang === 'zh';
  const asOf = toIsoDay(now);
  const us = account.settings.ourCompany;
  const ourName = (zh ? us.name : us.nameEn || us.name) || (zh ? '（我方公司名称，请在设置中填写）' : '(our company name — set it in Options)');
  // A demand (催款函, lawyer's letter) never covers a disputed document: the undisputed part is what is owed now
  // (条例 art. 15). The balance confirmation states the whole balance, so it keeps them.
  const open = account.receivables.filter((r) => r.openMinor > 0 && r.kind === 'invoice' && (kind === 'balance-confirmation' || !r.disputed))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const byCur = new Map<string, number>();
  for (const r of open) byCur.set(r.amount.currency, (byCur.get(r.amount.currency) ?? 0) + r.openMinor);
  const totals = [...byCur].map(([c, m]) => formatMoney(m, c, lang) + (zh && c === 'CNY' ? `（${amountInCapitals(m)}）` : ''));
  const totalText = totals.join(zh ? '，' : '; ') || formatMoney(0, 'CNY', lang);
  const payDate = formatDay(toIsoDay(new Date(now.getTime() + 10 * 864e5)), lang);
  const payment = us.bankAccount
    ? (zh ? `请将上述款项汇入我司唯一指定收款账户：户名 ${us.accountName || us.name}，开户行 ${us.bankName}，账号 ${us.bankAccount}。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。`
      : `Please pay only into our designated account: ${us.accountName || us.nameEn || us.name}, ${us.bankName}, account ${us.bankAccount}. Payment into any other account or to any individual is not payment to us.`)
    : (zh ? '请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。' : 'Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.');
  const paragraphs: Record<LetterKind, string[]> = {
    'balance-confirmation': zh
      ? [`截至 ${formatDay(asOf, lang)}，根据我司账务记录，贵司尚欠我司货款合计 ${totalText}，明细见下表。`,
        `请贵司核对后在下方盖章确认并寄回。如有差异，请注明差异金额及原因。本函同时为我司对上述款项的付款要求，请于 ${payDate} 前付清。`]
      : [`According to our records as of ${formatDay(asOf, lang)}, your company owes us ${totalText}, itemised below.`,
        `Please check, stamp or sign below to confirm, and return this letter. If anything differs, state the amount and the reason. This letter is also our request for payment of these amounts by ${payDate}.`],
    'collection-letter': zh
      ? [`贵我双方合作期间，我司已按约履行供货义务。截至 ${formatDay(asOf, lang)}，下列款项已逾期未付，合计 ${totalText}。`,
        `特此函告，请贵司于 ${payDate} 前付清上述款项。逾期未付的，我司将依合同约定暂停供货，并保留追究违约责任的权利。`]
      : [`We have delivered as agreed. As of ${formatDay(asOf, lang)}, the amounts below are overdue, ${totalText} in total.`,
        `We ask you to pay them by ${payDate}. If they remain unpaid, we will suspend supply under the contract and reserve our rights for breach.`],
    'lawyer-letter': zh
      ? [`受 ${ourName} 委托，就贵司拖欠货款事宜致函如下：截至 ${formatDay(asOf, lang)}，贵司尚欠我方委托人货款合计 ${totalText}，经多次催告仍未支付。`,
        `请贵司于收到本函之日起七日内付清全部欠款。逾期未付的，我方将依法提起诉讼，并主张逾期付款利息及维权费用。`]
      : [`On behalf of ${ourName}: as of ${formatDay(asOf, lang)}, your company owes our client ${totalText}, which remains unpaid despite repeated demands.`,
        `Please pay the full amount within seven days of receiving this letter. Otherwise our client will sue and claim late-payment interest and costs.`],
  };
  const headers = zh ? ['单据号', '合同号', '开票日期', '到期日', '未付金额'] : ['Document', 'Contract', 'Issued', 'Due', 'Open amount'];
  return {
    kind,
    title: titles[kind][lang],
    reference: `${kind === 'balance-confirmation' ? 'DZ' : kind === 'collection-letter' ? 'CK' : 'LS'}-${asOf.replace(/-/g, '')}-${account.customer.id}`,
    date: formatDay(asOf, lang),
    addressee: zh ? `${account.customer.name}：` : `To ${account.customer.name}`,
    draft: kind === 'lawyer-letter',
    paragraphs: paragraphs[kind],
    table: {
      headers,
      rows: open.map((r) => [r.docNumber, r.contractRef ?? '', formatDay(r.issueDate, lang), formatDay(r.dueDate, lang), formatMoney(r.openMinor, r.amount.currency, lang)]),
      totals,
    },
    payment,
    seal: kind === 'balance-confirmation'
      ? { heading: zh ? '贵司确认' : 'Your confirmation', options: zh ? ['□ 信息核对无误', '□ 信息有差异，差异金额及原因：'] : ['□ The balance above is correct', '□ It differs; amount and reason:'], signature: zh ? '（公司盖章）        经办人：        日期：' : '(Company stamp)        Name:        Date:' }
      : undefined,
    sender: `${ourName}\n${formatDay(asOf, lang)}`,
  };
}
