/**
 * Open balances: which payments and credit notes settle which invoices.
 *
 * Order, per customer and per currency (a USD payment never touches a CNY invoice):
 * 1. write-offs reduce the invoice they are recorded on;
 * 2. each payment's explicit allocations, in payment order (date, then id) — capped at what is still open,
 *    the excess falls back into that payment's free amount;
 * 3. credit notes, oldest first (issue date, then docNumber), reduce the oldest open invoices;
 * 4. the free remainder of every payment, in payment order, settles the oldest open invoices
 *    (due date, then issue date, then docNumber, then id — deterministic).
 * What is left of payments and credit notes is an unapplied credit, reported per currency, never silently
 * netted against another currency.
 *
 * Status: 'cancelled' documents take no part at all; 'written-off' invoices are closed whatever was paid;
 * 'paid' invoices take only explicit allocations (never oldest-first money) and whatever is left is treated as
 * settled outside the recorded payments (open 0).
 */
import type { OpenReceivable, Payment, Receivable } from '../domain';
import { addInto } from './money';

export interface Application {
  receivableId: string;
  /** 'payment' (sourceId = payment id) or 'credit-note' (sourceId = the credit note's receivable id). */
  source: 'payment' | 'credit-note';
  sourceId: string;
  /** The payment date, or the credit note's issue date. */
  date: string;
  minor: number;
  /** True when it came from an explicit allocation on the payment. */
  explicit: boolean;
}

export interface AllocationResult {
  items: OpenReceivable[];
  /** currency → minor units of payments and credit notes not applied to any invoice (overpayment, credit). */
  unapplied: Record<string, number>;
  /** customerId → currency → unapplied minor units. */
  unappliedByCustomer: Record<string, Record<string, number>>;
  /** Every application of money to an invoice, in the order it was made. */
  applications: Application[];
}

interface Slot {
  r: Receivable;
  open: number;
  lastDate?: string;
  settledOn?: string;
}

const byPaymentOrder = (a: Payment, b: Payment) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function cmpStr(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Oldest-first order of invoices: due date, issue date, docNumber, id. */
export function oldestFirst(a: Receivable, b: Receivable): number {
  return (
    cmpStr(a.dueDate, b.dueDate) ||
    cmpStr(a.issueDate, b.issueDate) ||
    cmpStr(a.docNumber, b.docNumber) ||
    cmpStr(a.id, b.id)
  );
}

/** Full allocation with the unapplied credit and the list of applications. */
export function allocateWithCredit(receivables: Receivable[], payments: Payment[]): AllocationResult {
  const slots = new Map<string, Slot>();
  const groups = new Map<string, Slot[]>(); // customerId|currency → open invoice slots, oldest first
  const credits = new Map<string, Receivable[]>();
  for (const r of receivables) {
    const key = `${r.customerId}|${r.amount.currency}`;
    if (r.status === 'cancelled') continue;
    if (r.kind === 'credit-note') {
      (credits.get(key) ?? credits.set(key, []).get(key)!).push(r);
      continue;
    }
    const slot: Slot = { r, open: Math.max(0, r.amount.minor - Math.min(r.writtenOff ?? 0, r.amount.minor)) };
    slots.set(r.id, slot);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(slot);
  }
  for (const g of groups.values()) g.sort((a, b) => oldestFirst(a.r, b.r));

  const applications: Application[] = [];
  const unappliedByCustomer: Record<string, Record<string, number>> = {};
  const apply = (slot: Slot, minor: number, app: Omit<Application, 'receivableId' | 'minor'>): number => {
    const take = Math.min(minor, slot.open);
    if (take <= 0) return 0;
    slot.open -= take;
    if (!slot.lastDate || app.date > slot.lastDate) slot.lastDate = app.date;
    if (slot.open === 0) slot.settledOn = slot.lastDate;
    applications.push({ receivableId: slot.r.id, minor: take, ...app });
    return take;
  };
  // Where each group's first invoice still open to oldest-first money is: a settled invoice never reopens, so a
  // sweep starts there instead of walking every settled invoice again (a customer with thousands of invoices and
  // payments would otherwise cost payments × invoices).
  const firstOpen = new Map<string, number>();
  const sweep = (key: string, minor: number, app: Omit<Application, 'receivableId' | 'minor'>): number => {
    let left = minor;
    const group = groups.get(key);
    if (!group) return left;
    let i = firstOpen.get(key) ?? 0;
    while (i < group.length && (group[i].open === 0 || group[i].r.status !== 'open')) i++;
    firstOpen.set(key, i);
    for (let j = i; j < group.length && left > 0; j++) {
      const slot = group[j];
      if (slot.r.status !== 'open') continue;
      left -= apply(slot, left, app);
    }
    return left;
  };

  // 2. explicit allocations
  const ordered = [...payments].sort(byPaymentOrder);
  const free = new Map<string, number>();
  for (const p of ordered) {
    let left = p.amount.minor;
    for (const a of p.allocations ?? []) {
      const slot = slots.get(a.receivableId);
      if (!slot || slot.r.customerId !== p.customerId || slot.r.amount.currency !== p.amount.currency) continue;
      if (slot.r.status === 'written-off') continue;
      left -= apply(slot, Math.min(a.minor, left), { source: 'payment', sourceId: p.id, date: p.date, explicit: true });
    }
    free.set(p.id, left);
  }
  // 3. credit notes
  for (const [key, list] of credits) {
    list.sort((a, b) => cmpStr(a.issueDate, b.issueDate) || cmpStr(a.docNumber, b.docNumber) || cmpStr(a.id, b.id));
    for (const c of list) {
      const amount = Math.max(0, c.amount.minor - Math.min(c.writtenOff ?? 0, c.amount.minor));
      const left = sweep(key, amount, { source: 'credit-note', sourceId: c.id, date: c.issueDate, explicit: false });
      if (left > 0) addInto((unappliedByCustomer[c.customerId] ??= {}), c.amount.currency, left);
    }
  }
  // 4. free remainder of payments, oldest invoices first
  for (const p of ordered) {
    const key = `${p.customerId}|${p.amount.currency}`;
    const left = sweep(key, free.get(p.id) ?? 0, { source: 'payment', sourceId: p.id, date: p.date, explicit: false });
    if (left > 0) addInto((unappliedByCustomer[p.customerId] ??= {}), p.amount.currency, left);
  }

  const unapplied: Record<string, number> = {};
  for (const byCur of Object.values(unappliedByCustomer))
    for (const [cur, m] of Object.entries(byCur)) addInto(unapplied, cur, m);

  const items: OpenReceivable[] = receivables.map((r) => {
    const slot = slots.get(r.id);
    if (!slot) return { ...r, openMinor: 0 };
    if (r.status === 'written-off' || r.status === 'paid') {
      return slot.settledOn ? { ...r, openMinor: 0, settledOn: slot.settledOn } : { ...r, openMinor: 0 };
    }
    return slot.open === 0 && slot.settledOn
      ? { ...r, openMinor: 0, settledOn: slot.settledOn }
      : { ...r, openMinor: slot.open };
  });
  return { items, unapplied, unappliedByCustomer, applications };
}

/** Open balance per receivable, in the input order (see the module comment for the rules). */
export function allocate(receivables: Receivable[], payments: Payment[]): OpenReceivable[] {
  return allocateWithCredit(receivables, payments).items;
}
