/**
 * A payment recorded by hand: how it is applied. "Oldest first" leaves the allocations empty (the ledger settles
 * the oldest open invoices, lib/ledger/allocate.ts); named invoices get the money in due-date order, each up to
 * what it still has open, and whatever is left over goes oldest-first like any free amount.
 */
import type { OpenReceivable, Payment } from '../domain';

export function allocationsFor(
  amountMinor: number,
  chosen: Pick<OpenReceivable, 'id' | 'openMinor' | 'dueDate'>[],
): Payment['allocations'] {
  const out: Payment['allocations'] = [];
  let left = amountMinor;
  for (const r of [...chosen].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1,
  )) {
    if (left <= 0) break;
    const take = Math.min(left, Math.max(0, r.openMinor));
    if (take > 0) out.push({ receivableId: r.id, minor: take });
    left -= take;
  }
  return out;
}

/** What a payment would leave open in its currency: the open total less the amount (never below zero). */
export function openAfter(openMinor: number, amountMinor: number): { open: number; overpaid: number } {
  return { open: Math.max(0, openMinor - amountMinor), overpaid: Math.max(0, amountMinor - openMinor) };
}
