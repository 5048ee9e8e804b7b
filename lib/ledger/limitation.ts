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
  label: { zh: string; en: string };
  citation: { zh: string; en: string };
}

/** Jurisdiction presets, as data. */
export const limitationRules: LimitationRule[] = [
  {
    id: 'prc', years: 3,
    label: { zh: '中国大陆（3 年）', en: 'PRC (3 years)' },
    citation: {
      zh: '《民法典》第188条：诉讼时效期间为三年；第195条：权利人请求履行、义务人同意履行、提起诉讼或仲裁等，诉讼时效中断，从中断时起重新计算。',
      en: 'PRC Civil Code art. 188: the limitation period is three years; art. 195: a demand for performance, the obligor agreeing to perform, or a suit or arbitration interrupts it and it runs afresh from then.',
    },
  },
  {
    id: 'us-ucc', years: 4,
    label: { zh: '美国 货物买卖（4 年）', en: 'US sale of goods (4 years)' },
    citation: {
      zh: '《统一商法典》§2-725：货物买卖合同之诉应在诉因产生后 4 年内提起（可约定缩短至不少于 1 年）。',
      en: 'UCC § 2-725: an action for breach of a contract for sale must be commenced within four years after the cause of action accrues (may be shortened by agreement to not less than one year).',
    },
  },
  {
    id: 'us-contract', years: 6,
    label: { zh: '美国 书面合同（常见 6 年，依州法）', en: 'US written contract (often 6 years, by state)' },
    citation: {
      zh: '服务及其他书面合同适用各州一般合同时效，常见为 6 年（如纽约 CPLR §213），请按合同适用的州法核对。',
      en: 'Services and other written contracts follow each state\'s general contract statute, commonly six years (e.g. New York CPLR § 213); check the governing state\'s law.',
    },
  },
  {
    id: 'uk', years: 6,
    label: { zh: '英国 英格兰及威尔士（6 年）', en: 'UK, England & Wales (6 years)' },
    citation: {
      zh: '《1980年时效法》第5条：简单合同之诉自诉因产生起 6 年；债务人书面确认或部分付款使时效重新起算（第29–30条）。',
      en: 'Limitation Act 1980 s.5: six years from accrual for simple contracts; a signed written acknowledgment or part payment restarts time (ss.29–30).',
    },
  },
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

const REVIVING = new Set<Interruption['kind']>(['sealed-confirmation', 'payment-plan', 'partial-payment', 'debtor-agreement']);

/**
 * The limitation deadline of one receivable: `years` after the due date, restarted from each interruption that
 * happens while the period runs (the receivable's own `interruptions` plus `extra`, e.g. the partial payments from
 * `partialPaymentInterruptions`). The deadline is the anniversary of the start (29 Feb → 28 Feb).
 */
export function limitationDeadline(receivable: { dueDate: string; interruptions?: Interruption[] },
  rule: { years: number }, extra: Array<Pick<Interruption, 'date' | 'kind'>> = []): LimitationResult {
  let start = receivable.dueDate;
  let startKind: LimitationResult['startKind'] = 'due';
  let deadline = addYears(start, rule.years);
  let revived = false;
  const events = [...(receivable.interruptions ?? []), ...extra].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
export function partialPaymentInterruptions(receivableId: string, applications: Application[]):
  Array<Pick<Interruption, 'date' | 'kind'>> {
  return partialPaymentsByReceivable(applications).get(receivableId) ?? [];
}

/** The same for every receivable at once, grouped in one pass (a customer's summary needs them all). */
export function partialPaymentsByReceivable(applications: Application[]): Map<string, Array<Pick<Interruption, 'date' | 'kind'>>> {
  const out = new Map<string, Array<Pick<Interruption, 'date' | 'kind'>>>();
  for (const a of applications) {
    if (a.source !== 'payment') continue;
    (out.get(a.receivableId) ?? out.set(a.receivableId, []).get(a.receivableId)!).push({ date: a.date, kind: 'partial-payment' });
  }
  return out;
}

export type LimitationState = 'ok' | 'warn' | 'expired';

/** 'expired' after the deadline, 'warn' within `warnDays` of it (inclusive), else 'ok'; daysLeft may be negative. */
export function limitationStatus(deadline: string, asOf: string, warnDays: number): { status: LimitationState; daysLeft: number } {
  const daysLeft = daysBetween(asOf, deadline);
  return { status: daysLeft < 0 ? 'expired' : daysLeft <= warnDays ? 'warn' : 'ok', daysLeft };
}
