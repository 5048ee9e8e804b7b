/** A small, hand-made account for the side panel's component tests (fixed dates around 2026-11-22). */
import {
  activitySchema,
  contactSchema,
  customerSchema,
  paymentSchema,
  paymentPromiseSchema,
  receivableSchema,
} from '@/lib/domain';
import type { StoreContents } from '@/lib/db/repo';
import { PINNED } from './clock';

export const fixed = PINNED;
export const today = '2026-11-22';
const at = fixed.getTime();

export function panelStore(): StoreContents {
  const customers = [
    customerSchema.parse({
      id: 'c1',
      name: 'Acme Trading Co.',
      domains: ['acme.example'],
      creditLimit: { minor: 50_000_00, currency: 'CNY' },
      createdAt: at,
      updatedAt: at,
    }),
    customerSchema.parse({
      id: 'c2',
      name: '杭州云帆科技有限公司',
      aliases: ['云帆科技'],
      createdAt: at,
      updatedAt: at,
    }),
    customerSchema.parse({ id: 'c3', name: 'Beta Logistics Ltd', createdAt: at, updatedAt: at }),
  ];
  const r = (
    id: string,
    customerId: string,
    docNumber: string,
    dueDate: string,
    minor: number,
    currency = 'CNY',
    extra = {},
  ) =>
    receivableSchema.parse({
      id,
      customerId,
      docNumber,
      issueDate: '2026-01-05',
      dueDate,
      amount: { minor, currency },
      updatedAt: at,
      ...extra,
    });
  return {
    customers,
    contacts: [
      contactSchema.parse({ id: 'k1', customerId: 'c1', name: 'Li Wei', title: 'Finance manager', updatedAt: at }),
    ],
    receivables: [
      r('r1', 'c1', 'INV-0001', '2026-07-01', 30_000_00), // 144 days overdue
      r('r2', 'c1', 'INV-0002', '2026-11-01', 10_000_00), // 21 days overdue
      r('r3', 'c1', 'INV-0003', '2026-12-15', 5_000_00), // not yet due
      r('r4', 'c1', 'US-77', '2026-10-10', 1_240_00, 'USD'), // 43 days overdue
      r('r5', 'c1', 'INV-0000', '2026-03-01', 8_000_00), // paid below
      r('r6', 'c2', 'YF-1', '2026-09-30', 20_000_00, 'CNY', { disputed: true, disputeReason: '发票抬头错误' }),
    ],
    payments: [
      paymentSchema.parse({
        id: 'p1',
        customerId: 'c1',
        date: '2026-03-20',
        amount: { minor: 8_000_00, currency: 'CNY' },
        allocations: [{ receivableId: 'r5', minor: 8_000_00 }],
        reference: 'BANK-1',
        updatedAt: at,
      }),
    ],
    promises: [
      paymentPromiseSchema.parse({
        id: 'pr1',
        customerId: 'c1',
        amount: { minor: 10_000_00, currency: 'CNY' },
        date: '2026-10-20',
        status: 'pending',
        createdAt: at - 40 * 864e5,
        updatedAt: at,
      }),
    ],
    activities: [
      activitySchema.parse({
        id: 'a1',
        customerId: 'c1',
        date: '2026-11-10',
        channel: 'phone',
        outcome: 'no-answer',
        note: 'Called Li Wei, no answer',
        createdAt: at,
      }),
    ],
    profiles: [],
    preparations: [],
  };
}
