/**
 * Promise keeping: which payment promises were kept, which were broken, how much each one received.
 *
 * Rules (re-derived from scratch on every call, so the result never depends on the order of writes):
 * - A payment counts towards a promise when it is the same customer and currency, dated on or after the day the
 *   promise was made (createdAt, local calendar day) and on or before `date + graceDays`, and not after `asOf`.
 * - Promises consume payments in promise-date order (then creation order); each payment is used once, oldest
 *   first, and what one promise does not need is left for the next — one payment never keeps two promises twice.
 * - Full cover → 'kept'. Deadline (date + grace) before `asOf` without full cover → 'broken' (coveredMinor keeps
 *   any partial amount and the result carries `partial: true`). Otherwise 'pending' with the partial cover so far.
 * - 'cancelled' stays cancelled and consumes nothing. A late payment (after the deadline) does not un-break a
 *   promise; it stays available for a later promise.
 */
import type { Payment, PaymentPromise } from '../domain';
import { addDays, dayOf } from '../ledger/dates';

export interface PromiseEvaluation {
  promise: PaymentPromise;
  /** True when status or coveredMinor differs from the input. */
  changed: boolean;
  /** Some but not all of the amount was received. */
  partial: boolean;
}

export interface EvaluateOptions {
  /** Minutes east of UTC for reading createdAt as a calendar day; the runtime's local zone when omitted. */
  tzOffsetMinutes?: number;
}

/** The last day a payment still keeps the promise. */
export function promiseDeadline(p: Pick<PaymentPromise, 'date'>, graceDays: number): string {
  return addDays(p.date, Math.max(0, graceDays));
}

export function evaluatePromises(
  promises: PaymentPromise[],
  payments: Payment[],
  asOf: string,
  graceDays: number,
  opts: EvaluateOptions = {},
): PromiseEvaluation[] {
  const remaining = new Map<string, number>();
  const byKey = new Map<string, Payment[]>();
  for (const pay of payments) {
    if (pay.date > asOf || pay.amount.minor <= 0) continue;
    const key = `${pay.customerId}|${pay.amount.currency}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(pay);
    remaining.set(pay.id, pay.amount.minor);
  }
  for (const list of byKey.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  const order = promises
    .map((p, i) => ({ p, i }))
    .sort((a, b) =>
      a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.p.createdAt - b.p.createdAt || (a.p.id < b.p.id ? -1 : 1),
    );

  const out: PromiseEvaluation[] = new Array(promises.length);
  for (const { p, i } of order) {
    if (p.status === 'cancelled') {
      out[i] = { promise: p, changed: false, partial: p.coveredMinor > 0 && p.coveredMinor < p.amount.minor };
      continue;
    }
    const created = dayOf(p.createdAt, opts.tzOffsetMinutes);
    const deadline = promiseDeadline(p, graceDays);
    let covered = 0;
    const need = p.amount.minor;
    for (const pay of byKey.get(`${p.customerId}|${p.amount.currency}`) ?? []) {
      if (covered >= need) break;
      if (pay.date < created || pay.date > deadline) continue;
      const left = remaining.get(pay.id)!;
      if (left <= 0) continue;
      const take = Math.min(left, need - covered);
      remaining.set(pay.id, left - take);
      covered += take;
    }
    const status: PaymentPromise['status'] = covered >= need ? 'kept' : deadline < asOf ? 'broken' : 'pending';
    const changed = status !== p.status || covered !== p.coveredMinor;
    out[i] = {
      promise: changed ? { ...p, status, coveredMinor: covered } : p,
      changed,
      partial: covered > 0 && covered < need,
    };
  }
  return out;
}

/** Kept ÷ (kept + broken); pending and cancelled promises are not judged yet. Null without any judged promise. */
export function promiseKeptRatio(promises: Pick<PaymentPromise, 'status'>[]): number | null {
  let kept = 0;
  let broken = 0;
  for (const p of promises) {
    if (p.status === 'kept') kept++;
    else if (p.status === 'broken') broken++;
  }
  return kept + broken ? kept / (kept + broken) : null;
}
