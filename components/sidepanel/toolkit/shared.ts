/** Small pieces the toolkit's sections share. */
import type { Account } from '../account';
import type { Dispute } from '@/lib/toolkit/records';
import { undisputedParts } from '@/lib/toolkit/disputes';
import { splitByDue } from '@/lib/ledger/retention';
import { complaintEligibility } from '@/lib/toolkit/complaint';
import type { CustomerTerms } from '@/lib/toolkit/records';

/** Open minus open disputes, per document that carries a dispute. */
export function undisputedMap(a: Account, disputes: readonly Dispute[]): Map<string, number> {
  return new Map(undisputedParts(a.receivables, disputes).map((d) => [d.receivableId, d.undisputedMinor]));
}

export function undisputedOverdueMinor(a: Account, disputes: readonly Dispute[]): number {
  const und = undisputedMap(a, disputes);
  // Per document: what is overdue of it (a held retention only after its release date), at most its undisputed part.
  const overdue = new Map<string, number>();
  for (const p of splitByDue(a.receivables.filter((r) => r.kind === 'invoice' && r.openMinor > 0))) {
    if (p.dueDate < a.today) overdue.set(p.id, (overdue.get(p.id) ?? 0) + p.openMinor);
  }
  return [...overdue].reduce((s, [id, minor]) => s + Math.min(minor, und.get(id) ?? minor), 0);
}

/** The complaint conditions: our SME status from the customer's terms or Settings, the rest from the record. */
export function eligibilityOf(a: Account, disputes: readonly Dispute[], terms?: CustomerTerms) {
  const sme = (terms?.weWereSme ?? false) || a.settings.smeCreditor;
  return complaintEligibility({
    customerType: a.customer.type,
    terms: { ...(terms ?? termsDefaults(a.customer.id)), weWereSme: sme },
    undisputedOverdueMinor: undisputedOverdueMinor(a, disputes),
  });
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export const termsDefaults = (customerId: string): Omit<CustomerTerms, 'updatedAt'> => ({
  customerId,
  weWereSme: false,
  debtorSize: 'unknown',
  publicInstitution: false,
  inCourt: false,
  interestInLetter: false,
});
