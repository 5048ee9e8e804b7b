/**
 * The per-customer summary lib/db keeps on every write (CustomerSummary in lib/domain). Pure: the caller passes
 * every record of one customer and the day to evaluate on.
 */
import type {
  Activity,
  ComplaintTerms,
  DisputedPart,
  Customer,
  CustomerSummary,
  Payment,
  PaymentPromise,
  PaymentProcessProfile,
  Receivable,
  Settings,
} from '../domain';
import { allocateWithCredit } from './allocate';
import { addInto } from './money';
import { limitationDeadline, partialPaymentsByReceivable } from './limitation';
import { avgDaysLate } from './metrics';
import { summaryLadderOf } from '../playbook/ladder';
import { disputedMinorOf, disputesByDocument } from './disputed';
import { dueParts, heldMinor, releaseDueDate } from './retention';

/**
 * Whether each of the nine payment-process questions is answered (index 0 = Q1):
 * Q1 collectionTrigger; Q2 amountToCollect or amountNote; Q3 budgetRequired set (true or false); Q4
 * initiatorContactId; Q5 signerContactId; Q6 at least one key person; Q7 invoicingRequirements; Q8 any of
 * bookClosingDay / bank / bankClosingDay / transferDays; Q9 fundingAndCredit. Blank text counts as unanswered.
 */
export function nineQuestionAnswered(profile: PaymentProcessProfile | undefined): boolean[] {
  if (!profile) return Array(9).fill(false);
  const txt = (s: string | undefined) => typeof s === 'string' && s.trim() !== '';
  return [
    txt(profile.collectionTrigger),
    profile.amountToCollect !== undefined || txt(profile.amountNote),
    typeof profile.budgetRequired === 'boolean',
    txt(profile.initiatorContactId),
    txt(profile.signerContactId),
    (profile.keyPeople ?? []).some((k) => txt(k.contactId) || txt(k.name)),
    txt(profile.invoicingRequirements),
    profile.bookClosingDay !== undefined ||
      txt(profile.bank) ||
      profile.bankClosingDay !== undefined ||
      profile.transferDays !== undefined,
    txt(profile.fundingAndCredit),
  ];
}

export interface SummaryInput {
  customer: Customer;
  receivables: Receivable[];
  payments: Payment[];
  promises: PaymentPromise[];
  activities: Activity[];
  profile?: PaymentProcessProfile;
  /** Disputes on part of a document (lib/toolkit); only the disputed part is held back (lib/ledger/disputed.ts). */
  disputes?: DisputedPart[];
  /** The customer's complaint terms (lib/toolkit CustomerTerms), for the ladder's complaint step. */
  terms?: ComplaintTerms;
  settings: Settings;
  asOf: string;
  /** Stamped into updatedAt; 0 when absent (lib/db overwrites it). */
  now?: number;
}

const minOf = (xs: string[]): string | undefined => (xs.length ? xs.reduce((a, b) => (b < a ? b : a)) : undefined);
const maxOf = (xs: string[]): string | undefined => (xs.length ? xs.reduce((a, b) => (b > a ? b : a)) : undefined);

export function summarizeCustomer(input: SummaryInput): CustomerSummary {
  const { customer, settings, asOf } = input;
  const { items, applications } = allocateWithCredit(input.receivables, input.payments);
  const open: Record<string, number> = {};
  const byDue = new Map<string, number>();
  const dueDates: string[] = [];
  const deadlines: string[] = [];
  // Each part payment restarts its invoice's limitation period; grouped once, not searched per invoice.
  const partPayments = partialPaymentsByReceivable(applications);
  let openCount = 0;
  let disputedCount = 0;
  let paidCount = 0;
  const disputed: Array<{ dueDate: string; currency: string; openMinor: number }> = [];
  const disputesOf = disputesByDocument(input.disputes);
  const retentionHeld: Array<[string, string, number, number]> = [];
  for (const r of items) {
    if (r.kind !== 'invoice') continue;
    if (r.openMinor > 0) {
      openCount++;
      // The disputed part only (all of it when the document is flagged): the rest is demanded (条例 art. 15).
      const disputedMinor = disputedMinorOf(r, disputesOf);
      if (disputedMinor > 0) {
        disputedCount++;
        disputed.push({ dueDate: r.dueDate, currency: r.amount.currency, openMinor: disputedMinor });
      }
      addInto(open, r.amount.currency, r.openMinor);
      // A held retention is open from its document's issue but due only on its release date (./retention.ts).
      for (const part of dueParts(r)) {
        const k = `${part.dueDate}|${r.amount.currency}`;
        byDue.set(k, (byDue.get(k) ?? 0) + part.minor);
        dueDates.push(part.dueDate);
        deadlines.push(
          limitationDeadline(
            part.dueDate === r.dueDate ? r : { ...r, dueDate: part.dueDate },
            { years: settings.limitationYears },
            partPayments.get(r.id) ?? [],
          ).deadline,
        );
      }
      const held = heldMinor(r);
      if (held && r.retention) retentionHeld.push([releaseDueDate(r), r.amount.currency, held, r.retention.remindDays]);
    } else if (r.settledOn) {
      paidCount++;
    }
  }
  const openByDue = [...byDue]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, minor]) => {
      const [d, cur] = k.split('|');
      return [d, cur, minor] as [string, string, number];
    });
  const pending = input.promises.filter((p) => p.status === 'pending');
  const broken = input.promises.filter((p) => p.status === 'broken');
  const kept = input.promises.filter((p) => p.status === 'kept');
  const pastActs = input.activities.map((a) => a.date).filter((d) => d <= asOf);
  const nextActs = input.activities.map((a) => a.nextDate).filter((d): d is string => !!d && d >= asOf);
  const late = avgDaysLate(items.filter((r) => r.kind === 'invoice' && r.settledOn));
  const summary: CustomerSummary = {
    customerId: customer.id,
    type: customer.type,
    open,
    openByDue,
    openCount,
    disputedCount,
    pendingPromiseCount: pending.length,
    brokenPromiseCount: broken.length,
    keptPromiseCount: kept.length,
    paidCount,
    profileAnswered: nineQuestionAnswered(input.profile).filter(Boolean).length,
    ladder: summaryLadderOf({
      disputed,
      activities: input.activities,
      promises: input.promises,
      delinquencyType: customer.delinquencyType,
      complaint: { customerType: customer.type, terms: input.terms },
    }),
    updatedAt: input.now ?? 0,
  };
  if (customer.owner !== undefined) summary.owner = customer.owner;
  const set = <K extends keyof CustomerSummary>(k: K, v: CustomerSummary[K] | undefined) => {
    if (v !== undefined) summary[k] = v;
  };
  set('oldestOpenDue', minOf(dueDates));
  set('limitationDeadline', minOf(deadlines));
  set('nextPromiseDate', minOf(pending.map((p) => p.date)));
  set('lastBrokenPromiseDate', maxOf(broken.map((p) => p.date)));
  set('lastActivityDate', maxOf(pastActs));
  set('nextActivityDate', minOf(nextActs));
  set('avgDaysLate', late);
  if (retentionHeld.length) {
    summary.retentionHeld = retentionHeld.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // The latest release date, indexed (schema version 10) so the reminders find the customers still holding one.
    summary.nextRetentionRelease = summary.retentionHeld[summary.retentionHeld.length - 1][0];
  }
  return summary;
}
