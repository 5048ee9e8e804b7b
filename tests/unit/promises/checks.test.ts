import { describe, expect, it } from 'vitest';
import { promisesInOrder, promiseWarnings } from '@/lib/promises/checks';
import { allocationsFor, openAfter } from '@/lib/ledger/paymentPlan';
import type { PaymentPromise } from '@/lib/domain';

const promise = (id: string, date: string, minor: number, extra: Partial<PaymentPromise> = {}): PaymentPromise => ({
  id,
  customerId: 'c1',
  amount: { minor, currency: 'CNY' },
  date,
  source: 'call',
  status: 'pending',
  coveredMinor: 0,
  receivableIds: [],
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});
const invoice = (id: string, openMinor: number) => ({
  id,
  kind: 'invoice' as const,
  openMinor,
  amount: { minor: openMinor, currency: 'CNY' },
});

describe('the promises list', () => {
  it('puts the next pending promise first, then the settled ones latest first', () => {
    const list = [
      promise('a', '2026-12-20', 1),
      promise('b', '2026-11-01', 1, { status: 'kept' }),
      promise('c', '2026-11-25', 1),
      promise('d', '2026-11-10', 1, { status: 'broken' }),
    ];
    expect(promisesInOrder(list).map((p) => p.id)).toEqual(['c', 'a', 'd', 'b']);
  });
  it('warns when pending promises name the same invoice or add up to more than is open', () => {
    const list = [
      promise('a', '2026-11-25', 60_000, { receivableIds: ['i1'] }),
      promise('b', '2026-12-05', 50_000, { receivableIds: ['i1', 'i2'] }),
      promise('k', '2026-11-01', 900_000, { status: 'kept', receivableIds: ['i1'] }),
    ];
    expect(promiseWarnings(list, [invoice('i1', 70_000), invoice('i2', 30_000)])).toEqual([
      { kind: 'overlap', receivableId: 'i1', promiseIds: ['a', 'b'] },
      { kind: 'exceeds', currency: 'CNY', promisedMinor: 110_000, openMinor: 100_000, promiseIds: ['a', 'b'] },
    ]);
    expect(
      promiseWarnings([promise('a', '2026-11-25', 60_000, { coveredMinor: 20_000 })], [invoice('i1', 40_000)]),
    ).toEqual([]);
  });
});

describe('a payment recorded by hand', () => {
  it('goes to the named invoices in due-date order, each up to what it has open', () => {
    const chosen = [
      { id: 'late', openMinor: 50_00, dueDate: '2026-12-01' },
      { id: 'old', openMinor: 30_00, dueDate: '2026-10-01' },
    ];
    expect(allocationsFor(60_00, chosen)).toEqual([
      { receivableId: 'old', minor: 30_00 },
      { receivableId: 'late', minor: 30_00 },
    ]);
    expect(allocationsFor(100_00, chosen)).toEqual([
      { receivableId: 'old', minor: 30_00 },
      { receivableId: 'late', minor: 50_00 },
    ]);
    expect(openAfter(80_00, 100_00)).toEqual({ open: 0, overpaid: 20_00 });
    expect(openAfter(80_00, 30_00)).toEqual({ open: 50_00, overpaid: 0 });
  });
});
