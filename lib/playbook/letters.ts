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
 * The wording is in the `documents` locale files (lib/i18n/locales/<lang>/documents.json, under `letter`), one per
 * language with the same keys, so both languages say the same thing and neither drifts; the caller passes the
 * letter's language with its strings (`DocText`), which may differ from the page's.
 */
import type { AccountSnapshot, DisputedPart, Lang, OpenReceivable } from '../domain';
import { toIsoDay } from '../domain';
import { splitDisputed } from '../ledger/disputed';
import { formatDay, formatMoney } from '../format';
import { amountInCapitalsFor } from './capitals';
import { joinParts, splitByDue } from '../ledger/retention';
import type { DocText } from '../i18n/types';

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
  { lang, t }: DocText,
  opts: LetterOptions = {},
): LetterDoc {
  const asOf = toIsoDay(now);
  const us = account.settings.ourCompany;
  const ourName = (lang === 'zh' ? us.name : us.nameEn || us.name) || t('noCompany');
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
  const listSep = t('listSep');
  const blank = t('letter.blank');
  const facts = {
    ourName,
    asOf: formatDay(asOf, lang),
    total: totals.join(listSep) || formatMoney(0, 'CNY', lang),
    payBy: formatDay(toIsoDay(new Date(now.getTime() + 10 * 864e5)), lang),
    contactName: us.contactName || blank,
    contactPhone: us.contactPhone || blank,
  };
  const bank = us.bankAccount
    ? {
        accountName: us.accountName || (lang === 'zh' ? us.name : us.nameEn || us.name),
        bankName: us.bankName,
        account: us.bankAccount,
      }
    : undefined;
  const voice = kind === 'lawyer-letter' ? 'counsel' : 'creditor';
  const disputedItems = items.filter((i) => i.disputed);
  const missing: LetterDoc['missing'] = [];
  if (!us.name && !us.nameEn) missing.push('company');
  if (voice === 'creditor' && (!us.contactName || !us.contactPhone)) missing.push('contact');
  if (!us.bankAccount) missing.push('bank');
  const date = formatDay(asOf, lang);
  return {
    kind,
    title: t(`letter.title.${kind}`),
    reference: letterReference(kind, asOf, opts.sequence),
    date,
    addressee: t('letter.addressee', { customer: account.customer.name }),
    draft: kind === 'lawyer-letter',
    paragraphs: t(`letter.paragraphs.${kind}`, facts).split('\n'),
    ...(kind === 'collection-letter' && opts.interest ? { interest: opts.interest } : {}),
    items,
    picked: covered.map((i) => i.id),
    table: {
      headers: (['doc', 'contract', 'issued', 'due', 'open'] as const).map((h) => t(`letter.headers.${h}`)),
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
      ? t('letter.disputed', {
          docs: disputedItems
            .map(
              (i) =>
                `${i.docNumber} ${formatMoney(i.openMinor, i.currency, lang)}${i.disputeReason ? t('letter.reason', { reason: i.disputeReason }) : ''}`,
            )
            .join(listSep),
        })
      : undefined,
    payment: bank ? t(`letter.payment.${voice}.bank`, bank) : t(`letter.payment.${voice}.noBank`),
    seal:
      kind === 'balance-confirmation'
        ? {
            heading: t('letter.seal.heading'),
            options: t('letter.seal.options').split('\n'),
            signature: t('letter.seal.signature'),
          }
        : undefined,
    signOff: [
      ...t(`letter.signOff.${voice}`, {
        ourName,
        contactName: facts.contactName,
        contactPhone: facts.contactPhone,
      }).split('\n'),
      date,
    ],
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
