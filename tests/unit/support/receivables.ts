import type { Payment, Receivable } from '../../../lib/domain';

export function inv(
  p: Partial<Receivable> & { id: string; minor: number; due: string; currency?: string },
): Receivable {
  const { minor, due, currency, ...rest } = p;
  return {
    customerId: 'c1',
    docNumber: p.id,
    kind: 'invoice',
    issueDate: due,
    dueDate: due,
    amount: { minor, currency: currency ?? 'CNY' },
    writtenOff: 0,
    status: 'open',
    disputed: false,
    selfQuestions: {},
    interruptions: [],
    evidence: [],
    updatedAt: 0,
    ...rest,
  };
}

export function pay(p: Partial<Payment> & { id: string; minor: number; date: string; currency?: string }): Payment {
  const { minor, currency, ...rest } = p;
  return { customerId: 'c1', amount: { minor, currency: currency ?? 'CNY' }, allocations: [], updatedAt: 0, ...rest };
}
