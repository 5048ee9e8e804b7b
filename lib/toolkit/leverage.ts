/**
 * Late interest to date on a customer's overdue documents, from the customer's terms: the figure the panel shows
 * and, only when the user ticks it, the paragraph the 催款函 may carry. Interest runs from the day after the due
 * date (the first day overdue) to `asOf` as the payment day, on each document's open (undisputed) amount.
 */
import type { DisputedPart, OpenReceivable } from '../domain';
import type { DocText } from '../i18n/types';
import { splitDisputed } from '../ledger/disputed';
import { addDays } from '../ledger/dates';
import { splitByDue } from '../ledger/retention';
import { formatDay, formatMoney } from '../format';
import { type InterestResult, type InterestRule, lateInterest, smeStatutoryRule } from './interest';
import { type LprRow, publishedLpr } from './lpr';
import type { CustomerTerms } from './records';

export type TermsRule = NonNullable<CustomerTerms['interest']>;

/** The rule used until the user sets one: the regulation's 0.05 % a day only where it can apply (government and
 * state-owned debtors), else 1.5 × the one-year LPR. */
export function defaultInterestRule(customerType: string): TermsRule {
  return customerType === 'government' || customerType === 'state-owned'
    ? { kind: 'sme-statutory' }
    : { kind: 'lpr', multiple: 1.5 };
}

export function ruleOf(terms: TermsRule, table: readonly LprRow[] = publishedLpr): InterestRule {
  if (terms.kind === 'sme-statutory') return smeStatutoryRule;
  if (terms.kind === 'lpr') return { kind: 'lpr', multiple: terms.multiple, table: [...table] };
  return terms;
}

export interface DocumentInterest {
  receivableId: string;
  docNumber: string;
  principalMinor: number;
  currency: string;
  firstOverdueDay: string;
  /** The document's retention part, overdue since its release date (a document can then have two lines). */
  retention?: boolean;
  result: InterestResult;
}

const joinedOpen = (receivables: readonly OpenReceivable[], id: string) =>
  receivables.find((r) => r.id === id)?.openMinor ?? 0;

export interface InterestToDate {
  documents: DocumentInterest[];
  /** currency → interest minor units */
  totals: Map<string, number>;
  /** The longest day count among the documents. */
  maxDays: number;
}

/** `undisputed` maps a document to the part to charge on (its open amount minus open disputes); default: open. */
export function interestToDate(
  receivables: readonly OpenReceivable[],
  terms: TermsRule,
  asOf: string,
  table: readonly LprRow[] = publishedLpr,
  undisputed?: ReadonlyMap<string, number>,
): InterestToDate {
  const rule = ruleOf(terms, table);
  const documents: DocumentInterest[] = [];
  // The undisputed part of each document, spent on its parts in order: the rest first, then the retention.
  const budget = new Map<string, number>();
  // A held retention (质保金) bears interest only from the day after its release date (lib/ledger/retention.ts).
  for (const r of splitByDue(receivables.filter((x) => x.kind === 'invoice' && x.openMinor > 0))) {
    const left = budget.get(r.id) ?? undisputed?.get(r.id) ?? joinedOpen(receivables, r.id);
    const principalMinor = Math.min(r.openMinor, left);
    budget.set(r.id, left - Math.max(0, principalMinor));
    if (r.dueDate >= asOf || principalMinor <= 0) continue;
    const firstOverdueDay = addDays(r.dueDate, 1);
    documents.push({
      receivableId: r.id,
      docNumber: r.docNumber,
      principalMinor,
      currency: r.amount.currency,
      firstOverdueDay,
      ...(r.retentionPart ? { retention: true } : {}),
      result: lateInterest({ minor: principalMinor, currency: r.amount.currency }, firstOverdueDay, asOf, rule),
    });
  }
  const totals = new Map<string, number>();
  for (const d of documents) totals.set(d.currency, (totals.get(d.currency) ?? 0) + d.result.interest.minor);
  return { documents, totals, maxDays: Math.max(0, ...documents.map((d) => d.result.days)) };
}

/** How the rule reads in a sentence: "0.05 % a day", "1.5 × the one-year LPR". */
export function describeRule(terms: TermsRule, t: DocText['t']): string {
  const pct = (x: number, digits: number) => `${(x * 100).toFixed(digits).replace(/\.?0+$/, '')}%`;
  switch (terms.kind) {
    case 'sme-statutory':
      return t('interest.rule.sme-statutory');
    case 'per-day':
      return t('interest.rule.per-day', { rate: pct(terms.rate, 4) });
    case 'per-year':
      return t('interest.rule.per-year', { rate: pct(terms.rate, 3) });
    case 'lpr':
      return t('interest.rule.lpr', { multiple: terms.multiple });
  }
}

/** The optional 催款函 paragraph: the interest to date as leverage, with its basis and the day count. */
export function interestParagraph(
  figures: InterestToDate,
  terms: TermsRule,
  asOf: string,
  { lang, t }: DocText,
): string | undefined {
  if (!figures.documents.length) return undefined;
  const amounts = [...figures.totals].map(([c, m]) => formatMoney(m, c, lang)).join(t('interest.amountSep'));
  return t('interest.paragraph', {
    rule: describeRule(terms, t),
    asOf: formatDay(asOf, lang),
    amounts,
    days: figures.maxDays,
  });
}

/**
 * The 催款函's optional paragraph for the documents it demands (`picked`): interest to `asOf` on each one's
 * undisputed part, by the customer's rule (or the default rule, which the paragraph names). Undefined when none of
 * them is overdue. Only the letter page's check box, ticked by the user, puts it in the letter.
 */
export function letterInterestParagraph(input: {
  receivables: readonly OpenReceivable[];
  disputes?: readonly DisputedPart[];
  picked: readonly string[];
  terms: TermsRule;
  asOf: string;
  table?: readonly LprRow[];
  text: DocText;
}): { paragraph: string; figures: InterestToDate } | undefined {
  const wanted = new Set(input.picked);
  const docs = input.receivables.filter((r) => wanted.has(r.id));
  const undisputed = new Map(splitDisputed(docs, input.disputes).map((x) => [x.doc.id, x.undisputedMinor]));
  const figures = interestToDate(docs, input.terms, input.asOf, input.table ?? publishedLpr, undisputed);
  const paragraph = interestParagraph(figures, input.terms, input.asOf, input.text);
  return paragraph ? { paragraph, figures } : undefined;
}
