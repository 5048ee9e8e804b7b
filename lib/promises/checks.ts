/**
 * How the promises list reads and what it warns about. Order: pending promises first, the next one due on top, then
 * the settled ones (kept, broken, cancelled) latest first. Warnings, over pending promises only: two that name the
 * same invoice (the customer promised that money twice), and the pending amounts of a currency adding up to more
 * than is open in it.
 */
import type { OpenReceivable, PaymentPromise } from '../domain';

export function promisesInOrder<T extends Pick<PaymentPromise, 'status' | 'date' | 'id'>>(promises: T[]): T[] {
  const pending = promises
    .filter((p) => p.status === 'pending')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const rest = promises
    .filter((p) => p.status !== 'pending')
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  return [...pending, ...rest];
}

export type PromiseWarning =
  | { kind: 'overlap'; receivableId: string; promiseIds: string[] }
  | { kind: 'exceeds'; currency: string; promisedMinor: number; openMinor: number; promiseIds: string[] };

export function promiseWarnings(
  promises: PaymentPromise[],
  receivables: Pick<OpenReceivable, 'id' | 'kind' | 'openMinor' | 'amount'>[],
): PromiseWarning[] {
  const pending = promises.filter((p) => p.status === 'pending');
  const out: PromiseWarning[] = [];
  const byInvoice = new Map<string, string[]>();
  for (const p of pending)
    for (const r of new Set(p.receivableIds)) byInvoice.set(r, [...(byInvoice.get(r) ?? []), p.id]);
  for (const [receivableId, ids] of byInvoice)
    if (ids.length > 1) out.push({ kind: 'overlap', receivableId, promiseIds: ids });
  const open = new Map<string, number>();
  for (const r of receivables)
    if (r.kind === 'invoice' && r.openMinor > 0)
      open.set(r.amount.currency, (open.get(r.amount.currency) ?? 0) + r.openMinor);
  const promised = new Map<string, { minor: number; ids: string[] }>();
  for (const p of pending) {
    const e = promised.get(p.amount.currency) ?? { minor: 0, ids: [] };
    e.minor += Math.max(0, p.amount.minor - p.coveredMinor);
    e.ids.push(p.id);
    promised.set(p.amount.currency, e);
  }
  for (const [currency, e] of promised) {
    const openMinor = open.get(currency) ?? 0;
    if (e.minor > openMinor)
      out.push({ kind: 'exceeds', currency, promisedMinor: e.minor, openMinor, promiseIds: e.ids });
  }
  return out;
}
