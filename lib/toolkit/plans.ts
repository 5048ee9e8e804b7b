/**
 * 还款计划: where a payment plan stands. Each instalment is followed by its promise (lib/promises decides kept,
 * broken, and how much arrived), so this only reads those verdicts: kept, partly kept (some money, not all, by
 * the deadline), broken (nothing), pending. A missed instalment (partly kept or broken) of a plan whose terms
 * accelerate makes the whole unpaid rest due at once (加速到期).
 */
import type { PaymentPromise } from '../domain';
import type { PaymentPlan } from './records';

export type InstalmentState = 'pending' | 'kept' | 'partly-kept' | 'broken' | 'cancelled';

export interface InstalmentProgress {
  index: number;
  date: string;
  minor: number;
  currency: string;
  paidMinor: number;
  state: InstalmentState;
}

export interface PlanProgress {
  instalments: InstalmentProgress[];
  /** The first missed instalment, if any. */
  missed?: InstalmentProgress;
  /** Unpaid minor units over all instalments (what acceleration makes due). */
  restMinor: number;
  currency: string;
  /** Missed and the terms accelerate, and the plan is not accelerated yet: offer the acceleration notice. */
  shouldAccelerate: boolean;
  completed: boolean;
}

export function planProgress(plan: PaymentPlan, promises: readonly PaymentPromise[]): PlanProgress {
  const byId = new Map(promises.map((p) => [p.id, p]));
  const instalments = plan.instalments.map((inst, index): InstalmentProgress => {
    const p = byId.get(inst.promiseId);
    const paidMinor = Math.min(inst.amount.minor, p?.coveredMinor ?? 0);
    const state: InstalmentState = !p
      ? 'pending'
      : p.status === 'kept'
        ? 'kept'
        : p.status === 'broken'
          ? paidMinor > 0
            ? 'partly-kept'
            : 'broken'
          : p.status === 'cancelled'
            ? 'cancelled'
            : 'pending';
    return { index, date: inst.date, minor: inst.amount.minor, currency: inst.amount.currency, paidMinor, state };
  });
  const missed = instalments.find((i) => i.state === 'broken' || i.state === 'partly-kept');
  const restMinor = instalments.reduce((s, i) => s + (i.minor - i.paidMinor), 0);
  return {
    instalments,
    missed,
    restMinor,
    currency: plan.instalments[0].amount.currency,
    shouldAccelerate: !!missed && plan.accelerateOnMiss && plan.status === 'active' && restMinor > 0,
    completed: instalments.every((i) => i.state === 'kept'),
  };
}

/**
 * Splits `totalMinor` into `count` instalments every `everyMonths` months from `firstDate` (the last one takes the
 * rounding rest), the usual shape of a plan; the user edits the rows afterwards.
 */
export function evenInstalments(
  totalMinor: number,
  count: number,
  firstDate: string,
  everyMonths: number,
  addMonths: (iso: string, n: number) => string,
): Array<{ date: string; minor: number }> {
  if (!Number.isInteger(count) || count < 1) throw new Error('at least one instalment');
  const each = Math.floor(totalMinor / count);
  return Array.from({ length: count }, (_, i) => ({
    date: addMonths(firstDate, i * everyMonths),
    minor: i === count - 1 ? totalMinor - each * (count - 1) : each,
  }));
}
