/**
 * Scripts filled from the account's real data. Every slot has a value: an unknown contact becomes a polite
 * greeting and an unknown company name is left out, never a blank. Payment instructions name only our own bank
 * account, and say that payment is valid only into it. When the key contact has a personality type, the opening
 * sentence and the length follow it.
 */
import type { AccountSnapshot, Channel, Contact, Lang, OpenReceivable } from '../domain';
import { formatDay, formatMoney } from '../format';
import { techniques } from './catalog';
import { personalities, type Personality } from './method';

/**
 * The person the script speaks to: the signer or initiator from the nine questions when one of them has a known
 * personality, else the first contact with one, else the signer, the initiator or the first contact.
 */
export function keyContact(account: AccountSnapshot): { contact?: Contact; personality?: Personality } {
  const byId = (id?: string) => (id ? account.contacts.find((c) => c.id === id) : undefined);
  const signer = byId(account.profile?.signerContactId);
  const initiator = byId(account.profile?.initiatorContactId);
  const typed = [signer, initiator].find((c) => c?.personality) ?? account.contacts.find((c) => c.personality);
  const contact = typed ?? signer ?? initiator ?? account.contacts[0];
  const personality = contact?.personality ? personalities.find((p) => p.key === contact.personality) : undefined;
  return { contact, personality };
}

/** Drops a sentence's closing mark so that it can be joined into a list without doubled punctuation. */
const bare = (s: string) => s.replace(/[。；.;\s]+$/u, '');

export function fillScript(input: {
  account: AccountSnapshot; lang: Lang; asOf: string; channel: Channel;
  /** In order of importance: the first one or two lines go into the script. */
  techniqueIds: number[];
  overdue: OpenReceivable[]; promiseDate?: string;
}): { script: string; subject?: string } {
  const { account, lang, channel } = input;
  const zh = lang === 'zh';
  const { contact, personality } = keyContact(account);
  const greet = contact ? (zh ? `${contact.name}${contact.title ?? ''}您好` : `Dear ${contact.name}`) : (zh ? '您好' : 'Hello');
  const items = (input.overdue.length ? input.overdue : account.receivables.filter((r) => r.openMinor > 0)).slice(0, 5);
  const docs = items.map((r) => (zh
    ? `${r.docNumber}（${formatMoney(r.openMinor, r.amount.currency, lang)}，${formatDay(r.dueDate, lang)}到期）`
    : `${r.docNumber} (${formatMoney(r.openMinor, r.amount.currency, lang)}, due ${formatDay(r.dueDate, lang)})`)).join(zh ? '；' : '; ');
  const byCur = new Map<string, number>();
  for (const r of items) byCur.set(r.amount.currency, (byCur.get(r.amount.currency) ?? 0) + r.openMinor);
  const total = [...byCur].map(([c, m]) => formatMoney(m, c, lang)).join(zh ? ' 及 ' : ' and ');
  const us = account.settings.ourCompany;
  // Trailing full stops ("Co., Ltd.") are dropped so that the name can end a sentence.
  const named = (zh ? us.name : us.nameEn || us.name).trim().replace(/[.。]+$/u, '');
  const bank = us.bankAccount
    ? (zh ? `请汇入我司唯一收款账户：${us.accountName || us.name} ${us.bankName} ${us.bankAccount}，汇入其他任何账户均不视为付款。`
      : `Please pay only into our account: ${us.accountName || us.nameEn || us.name}, ${us.bankName}, ${us.bankAccount}. Payment into any other account does not count as payment.`)
    : (zh ? '请按合同约定汇入我司对公账户（以我司书面通知的账户为准，其他账户均不视为付款）。' : 'Please pay into our company account as stated in the contract; payment into any other account does not count as payment.');
  const lines = [...new Set(input.techniqueIds)]
    .map((id) => techniques.find((t) => t.id === id)?.line[lang])
    .filter((l): l is string => !!l)
    .slice(0, personality?.brief ? 1 : 2);
  const ask = items.length
    ? (zh ? `涉及款项：${docs}，合计 ${total}。请确认具体付款日期。` : `This concerns ${docs}, ${total} in total. Please confirm the payment date.`)
    : (zh ? '目前没有未结款项，感谢贵司一直以来的及时付款。' : 'Nothing is outstanding; thank you for paying on time.');
  const promise = input.promiseDate ? (zh ? `您此前承诺 ${formatDay(input.promiseDate, lang)} 付款，我们会在当天确认到账。` : `You promised payment for ${formatDay(input.promiseDate, lang)}; we will confirm receipt that day.`) : '';
  const opening = personality?.opening[lang] ?? '';
  const sep = zh ? '' : ' ';
  const body = [opening, ...lines, ask, promise, items.length ? bank : ''].filter(Boolean).join(sep);
  const signature = [named, us.contactName, us.contactPhone].map((s) => s.trim()).filter(Boolean);
  switch (channel) {
    case 'email':
    case 'finance-letter':
    case 'written-notice':
    case 'statement':
    case 'lawyer-letter':
      return {
        subject: zh ? `${account.customer.name}：应收款项付款确认${named ? `（${named}）` : ''}` : `${account.customer.name}: payment of open invoices${named ? ` (${named})` : ''}`,
        script: `${greet}${zh ? '：' : ','}\n\n${body}\n\n${zh ? (signature.length ? signature.join('\n') : '此致\n敬礼') : ['Kind regards', ...signature].join('\n')}`,
      };
    case 'im':
      return { script: zh ? `${greet}，${body}` : `${contact ? `Hi ${contact.name}` : 'Hi'}. ${body}` };
    case 'visit':
      return {
        script: zh
          ? `上门议程：1. 寒暄并说明来意；2. ${bare(body)}；3. 当场确认付款日期与签字人；4. 达成后尽快离开（技巧14）。`
          : `Visit agenda: 1. Greet and state the purpose. 2. ${bare(body)}. 3. Confirm the date and the signer on the spot. 4. Leave once agreed (technique 14).`,
      };
    default: {
      const who = zh
        ? (named ? `我是${named}${us.contactName ? `的${us.contactName}` : ''}。` : us.contactName ? `我是${us.contactName}。` : '')
        : (named ? `This is ${us.contactName ? `${us.contactName} from ` : ''}${named}. ` : us.contactName ? `This is ${us.contactName}. ` : '');
      return { script: zh ? `${greet}，${who}${body}` : `${contact ? `Hello ${contact.name}` : 'Hello'}. ${who}${body}` };
    }
  }
}
