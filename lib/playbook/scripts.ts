/**
 * Scripts filled from the account's real data. Every slot has a value: an unknown contact becomes a polite
 * greeting, never a blank. Payment instructions name only our own bank account, and say that payment is valid
 * only into it.
 */
import type { AccountSnapshot, Channel, Lang, OpenReceivable } from '../domain';
import { formatDay, formatMoney } from '../format';
import { techniques } from './catalog';

export function fillScript(input: {
  account: AccountSnapshot; lang: Lang; asOf: string; channel: Channel; techniqueIds: number[];
  overdue: OpenReceivable[]; promiseDate?: string;
}): { script: string; subject?: string } {
  const { account, lang, channel } = input;
  const zh = lang === 'zh';
  const contact = account.contacts.find((c) => c.id === account.profile?.signerContactId)
    ?? account.contacts.find((c) => c.id === account.profile?.initiatorContactId) ?? account.contacts[0];
  const greet = contact ? (zh ? `${contact.name}${contact.title ? contact.title : ''}您好` : `Dear ${contact.name}`) : (zh ? '您好' : 'Hello');
  const items = (input.overdue.length ? input.overdue : account.receivables.filter((r) => r.openMinor > 0)).slice(0, 5);
  const docs = items.map((r) => (zh
    ? `${r.docNumber}（${formatMoney(r.openMinor, r.amount.currency, lang)}，${formatDay(r.dueDate, lang)}到期）`
    : `${r.docNumber} (${formatMoney(r.openMinor, r.amount.currency, lang)}, due ${formatDay(r.dueDate, lang)})`)).join(zh ? '；' : '; ');
  const byCur = new Map<string, number>();
  for (const r of items) byCur.set(r.amount.currency, (byCur.get(r.amount.currency) ?? 0) + r.openMinor);
  const total = [...byCur].map(([c, m]) => formatMoney(m, c, lang)).join(zh ? ' 及 ' : ' and ');
  const us = account.settings.ourCompany;
  const ourName = (zh ? us.name : us.nameEn || us.name) || (zh ? '我司' : 'our company');
  const bank = us.bankAccount
    ? (zh ? `请汇入我司唯一收款账户：${us.accountName || us.name} ${us.bankName} ${us.bankAccount}，汇入其他任何账户均不视为付款。`
      : `Please pay only into our account: ${us.accountName || us.nameEn || us.name}, ${us.bankName}, ${us.bankAccount}. Payment into any other account does not count as payment.`)
    : (zh ? '请按合同约定汇入我司对公账户（以我司书面通知的账户为准，其他账户均不视为付款）。' : 'Please pay into our company account as stated in the contract; payment into any other account does not count as payment.');
  const lines = input.techniqueIds.map((id) => techniques.find((t) => t.id === id)!.line[lang]).slice(0, 2);
  const ask = items.length
    ? (zh ? `涉及款项：${docs}，合计 ${total}。请确认具体付款日期。` : `This concerns ${docs}, ${total} in total. Please confirm the payment date.`)
    : (zh ? '目前没有未结款项，感谢贵司一直以来的及时付款。' : 'Nothing is outstanding; thank you for paying on time.');
  const promise = input.promiseDate ? (zh ? `您此前承诺 ${formatDay(input.promiseDate, lang)} 付款，我们会在当天确认到账。` : `You promised payment for ${formatDay(input.promiseDate, lang)}; we will confirm receipt that day.`) : '';
  const body = [lines.join(' '), ask, promise, items.length ? bank : ''].filter(Boolean).join(zh ? '' : ' ');
  switch (channel) {
    case 'email':
    case 'finance-letter':
    case 'written-notice':
    case 'statement':
    case 'lawyer-letter':
      return {
        subject: zh ? `${account.customer.name}：应收款项付款确认（${ourName}）` : `${account.customer.name}: payment of open invoices (${ourName})`,
        script: `${greet}${zh ? '：' : ','}\n\n${body}\n\n${zh ? `${ourName}\n${us.contactName || ''} ${us.contactPhone || ''}`.trim() : `Kind regards,\n${ourName}${us.contactName ? `\n${us.contactName}` : ''}`}`,
      };
    case 'im':
      return { script: `${greet}，${body}`.replace(/^Dear /, 'Hi ') };
    case 'visit':
      return { script: zh ? `上门议程：1. 寒暄并说明来意；2. ${body}；3. 当场确认付款日期与签字人；4. 达成后尽快离开（技巧14）。` : `Visit agenda: 1. Greet and state the purpose; 2. ${body} 3. Confirm the date and the signer on the spot; 4. Leave once agreed (technique 14).` };
    default:
      return { script: `${greet}${zh ? '，我是' : ', this is '}${ourName}${zh ? '的' : ''}${us.contactName ? (zh ? us.contactName : ` ${us.contactName}`) : ''}。${body}` };
  }
}
