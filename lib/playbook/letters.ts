/**
 * Print-ready letters: the balance confirmation (对账函 / 欠款征询函) with a box for the customer's seal and an
 * explicit payment request, so that a sealed copy interrupts limitation; the finance collection letter (催款函);
 * and a lawyer's letter draft for counsel to finish, written in counsel's voice only (本所 / 委托人, never 我司).
 *
 * A letter covers the invoices picked (by default every open, undisputed one); disputed documents are listed
 * apart and never demanded. Chinese letters carry every total in capitals as well, whatever the currency. Our
 * contact person, phone and seal block close the two letters we send; the reference is the letter's kind, day
 * and its number among that customer's letters of the kind that day, never an internal id.
 *
 * Wording is data, one table per language, so both languages say the same thing and neither drifts.
 */
import type { AccountSnapshot, DisputedPart, Lang, OpenReceivable } from '../domain';
import { toIsoDay } from '../domain';
import { splitDisputed } from '../ledger/disputed';
import { formatDay, formatMoney } from '../format';
import { amountInCapitalsFor } from './capitals';
import { joinParts, splitByDue } from '../ledger/retention';

export type LetterKind = 'balance-confirmation' | 'collection-letter' | 'lawyer-letter';
export const letterKinds: LetterKind[] = ['balance-confirmation', 'collection-letter', 'lawyer-letter'];

/** The channel an activity logs when a letter of this kind is sent. */
export const letterChannel = {
  'balance-confirmation': 'statement',
  'collection-letter': 'finance-letter',
  'lawyer-letter': 'lawyer-letter',
} as const;

/** An open invoice the letter can cover. */
export interface LetterItem {
  id: string;
  docNumber: string;
  contractRef?: string;
  issueDate: string;
  dueDate: string;
  openMinor: number;
  currency: string;
  disputed: boolean;
  disputeReason?: string;
}

export interface LetterOptions {
  /** Ids of the invoices the letter covers; undefined means every open, undisputed one. */
  picked?: string[];
  /** This letter's number among the customer's letters of this kind today (1 for the first). */
  sequence?: number;
  /**
   * The 逾期利息 paragraph (lib/toolkit/leverage.ts `interestParagraph`), only when the user ticked it: the 催款函
   * carries it after its own paragraphs. Other kinds ignore it.
   */
  interest?: string;
}

export interface LetterDoc {
  kind: LetterKind;
  title: string;
  reference: string;
  date: string;
  addressee: string;
  draft: boolean;
  paragraphs: string[];
  /** The late-interest paragraph the user chose to add (collection letter only). */
  interest?: string;
  /** Every open invoice (undisputed ones can be picked); `picked` are those the letter covers. */
  items: LetterItem[];
  picked: string[];
  table: { headers: string[]; rows: Array<{ id: string; cells: string[] }>; totals: string[] };
  /** Disputed documents, named apart so that nobody reads them as demanded. */
  disputed?: string;
  payment: string;
  /** The customer's confirmation box (balance confirmation only). */
  seal?: { heading: string; options: string[]; signature: string };
  /** The sign-off: our company with its seal and contact person, or the law firm and lawyer for counsel. */
  signOff: string[];
  /** What is missing from Settings for the letter to be complete; shown on screen, never printed. */
  missing: Array<'company' | 'contact' | 'bank'>;
}

interface Facts {
  ourName: string;
  customer: string;
  asOf: string;
  total: string;
  payBy: string;
  contactName: string;
  contactPhone: string;
  /** A line to fill in by hand where Settings hold nothing. */
  blank: string;
  bank?: { accountName: string; bankName: string; account: string };
}

interface Wording {
  title: Record<LetterKind, string>;
  addressee: (customer: string) => string;
  paragraphs: Record<LetterKind, (f: Facts) => string[]>;
  payment: Record<'creditor' | 'counsel', (f: Facts) => string>;
  disputed: (docs: string) => string;
  headers: string[];
  seal: NonNullable<LetterDoc['seal']>;
  signOff: Record<'creditor' | 'counsel', (f: Facts, date: string) => string[]>;
  blank: string;
  noCompany: string;
  listSep: string;
  reason: (r: string) => string;
}

const wording: Record<Lang, Wording> = {
  zh: {
    title: {
      'balance-confirmation': '对账函（欠款征询函）',
      'collection-letter': '催款函',
      'lawyer-letter': '律师函（草稿，供律师审定）',
    },
    addressee: (c) => `${c}：`,
    paragraphs: {
      'balance-confirmation': (f) => [
        `截至 ${f.asOf}，根据我司账务记录，贵司尚欠我司货款合计 ${f.total}，明细见下表。`,
        `请贵司核对后在下方盖章确认并寄回。如有差异，请注明差异金额及原因。本函同时为我司对上述款项的付款要求，请于 ${f.payBy} 前付清。`,
      ],
      'collection-letter': (f) => [
        `贵我双方合作期间，我司已按约履行供货义务。截至 ${f.asOf}，下列款项已逾期未付，合计 ${f.total}。`,
        `特此函告，请贵司于 ${f.payBy} 前付清上述款项。逾期未付的，我司将依合同约定暂停供货，并保留追究违约责任的权利。`,
      ],
      'lawyer-letter': (f) => [
        `【律师事务所名称】（以下简称“本所”）接受 ${f.ourName}（以下简称“委托人”）的委托，指派【律师姓名】律师，就贵司拖欠委托人货款一事致函如下：`,
        `根据委托人提供的资料，截至 ${f.asOf}，贵司尚欠委托人货款合计 ${f.total}，明细见下表，经委托人多次催告仍未支付。`,
        '请贵司于收到本函之日起七日内付清上述款项。逾期未付的，本所将建议委托人依法提起诉讼，并主张逾期付款利息及维权费用。',
      ],
    },
    payment: {
      creditor: (f) =>
        f.bank
          ? `请将上述款项汇入我司唯一指定收款账户：户名 ${f.bank.accountName}，开户行 ${f.bank.bankName}，账号 ${f.bank.account}。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。`
          : '请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。',
      counsel: (f) =>
        f.bank
          ? `请将上述款项汇入委托人指定收款账户：户名 ${f.bank.accountName}，开户行 ${f.bank.bankName}，账号 ${f.bank.account}。汇入其他任何账户或交付任何个人的款项，均不视为向委托人付款。`
          : '请将款项汇入合同约定的委托人对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向委托人付款。',
    },
    disputed: (docs) => `以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：${docs}。`,
    headers: ['单据号', '合同号', '开票日期', '到期日', '未付金额'],
    seal: {
      heading: '贵司确认',
      options: ['□ 信息核对无误', '□ 信息有差异，差异金额及原因：'],
      signature: '（公司盖章）        经办人：        日期：',
    },
    signOff: {
      creditor: (f, date) => [
        `${f.ourName}（盖章）`,
        `联系人：${f.contactName || f.blank}　电话：${f.contactPhone || f.blank}`,
        date,
      ],
      counsel: (_f, date) => ['【律师事务所名称】（盖章）', '律师：【律师姓名】', '联系电话：【律师电话】', date],
    },
    blank: '__________',
    noCompany: '（我方公司名称，请在设置中填写）',
    listSep: '；',
    reason: (r) => `（${r}）`,
  },
  en: {
    title: {
      'balance-confirmation': 'Balance confirmation',
      'collection-letter': 'Payment demand',
      'lawyer-letter': "Lawyer's letter (draft for counsel)",
    },
    addressee: (c) => `To ${c}`,
    paragraphs: {
      'balance-confirmation': (f) => [
        `According to our records as of ${f.asOf}, your company owes us ${f.total}, itemised below.`,
        `Please check, stamp or sign below to confirm, and return this letter. If anything differs, state the amount and the reason. This letter is also our request for payment of these amounts by ${f.payBy}.`,
      ],
      'collection-letter': (f) => [
        `We have delivered as agreed. As of ${f.asOf}, the amounts below are overdue, ${f.total} in total.`,
        `We ask you to pay them by ${f.payBy}. If they remain unpaid, we will suspend supply under the contract and reserve our rights for breach.`,
      ],
      'lawyer-letter': (f) => [
        `[Law firm name] acts for ${f.ourName} ("our client"). [Lawyer's name] writes to you on our client's instructions about the goods you have not paid for.`,
        `According to our client's records, as of ${f.asOf} your company owes our client ${f.total}, itemised below, which remains unpaid despite our client's repeated demands.`,
        'Please pay the full amount within seven days of receiving this letter. Otherwise we will advise our client to sue and to claim late-payment interest and costs.',
      ],
    },
    payment: {
      creditor: (f) =>
        f.bank
          ? `Please pay only into our designated account: ${f.bank.accountName}, ${f.bank.bankName}, account ${f.bank.account}. Payment into any other account or to any individual is not payment to us.`
          : 'Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.',
      counsel: (f) =>
        f.bank
          ? `Please pay only into our client's designated account: ${f.bank.accountName}, ${f.bank.bankName}, account ${f.bank.account}. Payment into any other account or to any individual is not payment to our client.`
          : "Please pay into our client's company account stated in the contract. Payment into any other account or to any individual is not payment to our client.",
    },
    disputed: (docs) =>
      `These documents are in dispute and are not demanded in this letter; they will be settled separately: ${docs}.`,
    headers: ['Document', 'Contract', 'Issued', 'Due', 'Open amount'],
    seal: {
      heading: 'Your confirmation',
      options: ['□ The balance above is correct', '□ It differs; amount and reason:'],
      signature: '(Company stamp)        Name:        Date:',
    },
    signOff: {
      creditor: (f, date) => [
        `For and on behalf of ${f.ourName}`,
        '(company seal)',
        `Contact: ${f.contactName || f.blank}, tel. ${f.contactPhone || f.blank}`,
        date,
      ],
      counsel: (_f, date) => ['[Law firm name] (seal)', "[Lawyer's name], attorney", "Tel. [lawyer's phone]", date],
    },
    blank: '__________',
    noCompany: '(our company name — set it in Options)',
    listSep: '; ',
    reason: (r) => ` (${r})`,
  },
};

const referencePrefix: Record<LetterKind, string> = {
  'balance-confirmation': 'DZ',
  'collection-letter': 'CK',
  'lawyer-letter': 'LS',
};

/** `DZ-20261122-01`: kind, day, and the letter's number that day for this customer. */
export function letterReference(kind: LetterKind, asOf: string, sequence = 1): string {
  return `${referencePrefix[kind]}-${asOf.replace(/-/g, '')}-${String(Math.max(1, sequence)).padStart(2, '0')}`;
}

/**
 * The open invoices a letter or script can cover, oldest first. A document disputed in part gives two items with
 * its id: the undisputed rest, which can be picked and demanded, and the disputed part, listed apart
 * (lib/ledger/disputed.ts; 条例 art. 15).
 */
export function letterItemsOf(
  receivables: readonly OpenReceivable[],
  disputes?: readonly DisputedPart[],
): LetterItem[] {
  const sorted = receivables
    .filter((r) => r.openMinor > 0 && r.kind === 'invoice')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.docNumber.localeCompare(b.docNumber));
  const item = (r: OpenReceivable, openMinor: number, disputed: boolean): LetterItem => ({
    id: r.id,
    docNumber: r.docNumber,
    contractRef: r.contractRef,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    openMinor,
    currency: r.amount.currency,
    disputed,
    ...(disputed && r.disputeReason ? { disputeReason: r.disputeReason } : {}),
  });
  return splitDisputed(sorted, disputes).flatMap((x) => [
    ...(x.undisputedMinor > 0 ? [item(x.doc, x.undisputedMinor, false)] : []),
    ...(x.disputedMinor > 0 ? [item(x.doc, x.disputedMinor, true)] : []),
  ]);
}

/** Totals per currency, in figures and, in Chinese, in capitals (where capitals can state them exactly). */
export function letterTotals(items: LetterItem[], lang: Lang, opts: { capitals?: boolean } = {}): string[] {
  const byCur = new Map<string, number>();
  for (const it of items) byCur.set(it.currency, (byCur.get(it.currency) ?? 0) + it.openMinor);
  return [...byCur].map(([c, m]) => {
    const caps = lang === 'zh' && opts.capitals !== false ? amountInCapitalsFor(m, c) : undefined;
    return formatMoney(m, c, lang) + (caps ? `（${caps}）` : '');
  });
}

export function buildLetter(
  kind: LetterKind,
  account: AccountSnapshot,
  now: Date,
  lang: Lang,
  opts: LetterOptions = {},
): LetterDoc {
  const w = wording[lang];
  const asOf = toIsoDay(now);
  const us = account.settings.ourCompany;
  const ourName = (lang === 'zh' ? us.name : us.nameEn || us.name) || w.noCompany;
  const open = account.receivables.filter((r) => r.openMinor > 0 && r.kind === 'invoice');
  // A demand never asks for retention (质保金) before its release date; the balance confirmation states all that is open.
  const demandable =
    kind === 'balance-confirmation'
      ? open
      : joinParts(splitByDue(open).filter((r) => !(r.retentionPart && r.dueDate >= asOf)));
  const items = letterItemsOf(demandable, account.disputes);
  const pickable = items.filter((i) => !i.disputed);
  const wanted = opts.picked ? new Set(opts.picked) : undefined;
  const covered = wanted ? pickable.filter((i) => wanted.has(i.id)) : pickable;
  const totals = letterTotals(covered, lang);
  const facts: Facts = {
    ourName,
    customer: account.customer.name,
    asOf: formatDay(asOf, lang),
    total: totals.join(w.listSep) || formatMoney(0, 'CNY', lang),
    payBy: formatDay(toIsoDay(new Date(now.getTime() + 10 * 864e5)), lang),
    contactName: us.contactName,
    contactPhone: us.contactPhone,
    blank: w.blank,
    bank: us.bankAccount
      ? {
          accountName: us.accountName || (lang === 'zh' ? us.name : us.nameEn || us.name),
          bankName: us.bankName,
          account: us.bankAccount,
        }
      : undefined,
  };
  const voice = kind === 'lawyer-letter' ? 'counsel' : 'creditor';
  const disputedItems = items.filter((i) => i.disputed);
  const missing: LetterDoc['missing'] = [];
  if (!us.name && !us.nameEn) missing.push('company');
  if (voice === 'creditor' && (!us.contactName || !us.contactPhone)) missing.push('contact');
  if (!us.bankAccount) missing.push('bank');
  const date = formatDay(asOf, lang);
  return {
    kind,
    title: w.title[kind],
    reference: letterReference(kind, asOf, opts.sequence),
    date,
    addressee: w.addressee(account.customer.name),
    draft: kind === 'lawyer-letter',
    paragraphs: w.paragraphs[kind](facts),
    ...(kind === 'collection-letter' && opts.interest ? { interest: opts.interest } : {}),
    items,
    picked: covered.map((i) => i.id),
    table: {
      headers: w.headers,
      rows: covered.map((r) => ({
        id: r.id,
        cells: [
          r.docNumber,
          r.contractRef ?? '',
          formatDay(r.issueDate, lang),
          formatDay(r.dueDate, lang),
          formatMoney(r.openMinor, r.currency, lang),
        ],
      })),
      totals,
    },
    disputed: disputedItems.length
      ? w.disputed(
          disputedItems
            .map(
              (i) =>
                `${i.docNumber} ${formatMoney(i.openMinor, i.currency, lang)}${i.disputeReason ? w.reason(i.disputeReason) : ''}`,
            )
            .join(w.listSep),
        )
      : undefined,
    payment: w.payment[voice](facts),
    seal: kind === 'balance-confirmation' ? w.seal : undefined,
    signOff: w.signOff[voice](facts, date),
    missing,
  };
}

/** The letter as plain text, the way it is kept with the logged activity (what was sent). */
export function letterText(doc: LetterDoc, paragraphs: string[] = doc.paragraphs): string {
  return [
    doc.title,
    doc.reference,
    '',
    doc.addressee,
    ...paragraphs,
    ...(doc.interest ? [doc.interest] : []),
    '',
    doc.table.headers.join('\t'),
    ...doc.table.rows.map((r) => r.cells.join('\t')),
    doc.table.totals.join(' / '),
    ...(doc.disputed ? ['', doc.disputed] : []),
    '',
    doc.payment,
    '',
    ...doc.signOff,
  ].join('\n');
}
