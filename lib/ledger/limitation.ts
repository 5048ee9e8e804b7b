/**
 * Limitation periods (诉讼时效). PRC default: 3 years from the due date (Civil Code art. 188), restarted from each
 * interrupting event (art. 195): a demand with evidence, a sealed balance confirmation, a partial payment, a
 * payment plan, a suit. Events before the due date do nothing (the period has not started); an event after the
 * period ran out does not interrupt it — except that a sealed confirmation, a payment plan or a payment made after
 * expiry revives the debt in practice (SPC reply 法释〔1999〕7号; Civil Code art. 192), which is reported as
 * `revived` so the UI can say so.
 */
import type { Interruption } from '../domain';
import { addYears, daysBetween } from './dates';
import type { Application } from './allocate';

export interface LimitationRule {
  id: 'prc' | 'us-ucc' | 'us-contract' | 'uk';
  years: number;
}

/** Jurisdiction presets, as data; their names and the law they cite are in options:settings.limitationRules.<id>. */
export const limitationRules: LimitationRule[] = [
  { id: 'prc', years: 3 },
  { id: 'us-ucc', years: 4 },
  { id: 'us-contract', years: 6 },
  { id: 'uk', years: 6 },
];

export interface LimitationResult {
  /** Last day on which the claim is still within the period. */
  deadline: string;
  /** The day the current period started from (the due date or the latest interruption). */
  startDate: string;
  startKind: 'due' | Interruption['kind'];
  /** True when an acknowledging event after expiry revived the debt. */
  revived: boolean;
}

const REVIVING = new Set<Interruption['kind']>([
  'sealed-confirmation',
  'payment-plan',
  'partial-payment',
  'debtor-agreement',
]);

/**
 * The limitation deadline of one receivable: `years` after the due date, restarted from each interruption that
 * happens while the period runs (the receivable's own `interruptions` plus `extra`, e.g. the partial payments from
 * `partialPaymentInterruptions`). The deadline is the anniversary of the start (29 Feb → 28 Feb).
 */
export function limitationDeadline(
  receivable: { dueDate: string; interruptions?: Interruption[] },
  rule: { years: number },
  extra: Array<Pick<Interruption, 'date' | 'kind'>> = [],
): LimitationResult {
  let start = receivable.dueDate;
  let startKind: LimitationResult['startKind'] = 'due';
  let deadline = addYears(start, rule.years);
  let revived = false;
  const events = [...(receivable.interruptions ?? []), ...extra].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  for (const e of events) {
    if (e.date <= start) continue;
    if (e.date > deadline) {
      if (!REVIVING.has(e.kind)) continue;
      revived = true;
    }
    start = e.date;
    startKind = e.kind;
    deadline = addYears(start, rule.years);
  }
  return { deadline, startDate: start, startKind, revived };
}

/** Partial payments (money applied while the receivable stayed open) as interruptions of that receivable. */
export function partialPaymentInterruptions(
  receivableId: string,
  applications: Application[],
): Array<Pick<Interruption, 'date' | 'kind'>> {
  return partialPaymentsByReceivable(applications).get(receivableId) ?? [];
}

/** The same for every receivable at once, grouped in one pass (a customer's summary needs them all). */
export function partialPaymentsByReceivable(
  applications: Application[],
): Map<string, Array<Pick<Interruption, 'date' | 'kind'>>> {
  const out = new Map<string, Array<Pick<Interruption, 'date' | 'kind'>>>();
  for (const a of applications) {
    if (a.source !== 'payment') continue;
    (out.get(a.receivableId) ?? out.set(a.receivableId, []).get(a.receivableId)!).push({
      date: a.date,
      kind: 'partial-payment',
    });
  }
  return out;
}

export type LimitationState = 'ok' | 'warn' | 'expired';

/** 'expired' after the deadline, 'warn' within `warnDays` of it (inclusive), else 'ok'; daysLeft may be negative. */
export function limitationStatus(
  deadline: string,
  asOf: string,
  warnDays: number,
): { status: LimitationState; daysLeft: number } {
  const daysLeft = daysBetween(asOf, deadline);
  return { status: daysLeft < 0 ? 'expired' : daysLeft <= warnDays ? 'warn' : 'ok', daysLeft };
}
