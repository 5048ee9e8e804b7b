import { describe, expect, it } from 'vitest';
import type { Payment, PaymentPromise } from '../../../lib/domain';
import { evaluatePromises, promiseDeadline, promiseKeptRatio } from '../../../lib/promises';

const created = (day: string) => new Date(`${day}T10:00:00`).getTime(); // local time, like the extension
const promise = (id: string, date: string, minor: number, extra: Partial<PaymentPromise> = {}): PaymentPromise => ({
  id,
  customerId: 'c1',
  amount: { minor, currency: 'CNY' },
  date,
  source: 'call',
  status: 'pending',
  coveredMinor: 0,
  receivableIds: [],
  createdAt: created('2026-11-01'),
  updatedAt: 0,
  ...extra,
});
const payment = (id: string, date: string, minor: number, extra: Partial<Payment> = {}): Payment => ({
  id,
  customerId: 'c1',
  date,
  amount: { minor, currency: 'CNY' },
  allocations: [],
  updatedAt: 0,
  ...extra,
});
const GRACE = 3;

describe('evaluatePromises — state transitions', () => {
  type Row = [string, PaymentPromise[], Payment[], string, Array<[PaymentPromise['status'], number, boolean, boolean]>];
  const table: Row[] = [
    [
      'pending, no payment, before deadline',
      [promise('p', '2026-11-20', 1000)],
      [],
      '2026-11-21',
      [['pending', 0, false, false]],
    ],
    [
      'pending → broken after date + grace',
      [promise('p', '2026-11-20', 1000)],
      [],
      '2026-11-24',
      [['broken', 0, true, false]],
    ],
    [
      'still pending on the last grace day',
      [promise('p', '2026-11-20', 1000)],
      [],
      '2026-11-23',
      [['pending', 0, false, false]],
    ],
    [
      'exact payment → kept',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-20', 1000)],
      '2026-11-20',
      [['kept', 1000, true, false]],
    ],
    [
      'over payment → kept, covered capped',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-19', 5000)],
      '2026-11-20',
      [['kept', 1000, true, false]],
    ],
    [
      'partial, still in time → pending with cover',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-18', 400)],
      '2026-11-21',
      [['pending', 400, true, true]],
    ],
    [
      'partial, deadline passed → broken, partial',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-18', 400)],
      '2026-11-30',
      [['broken', 400, true, true]],
    ],
    [
      'two partials add up → kept',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-18', 400), payment('b', '2026-11-22', 600)],
      '2026-11-30',
      [['kept', 1000, true, false]],
    ],
    [
      'payment within grace → kept',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-23', 1000)],
      '2026-11-30',
      [['kept', 1000, true, false]],
    ],
    [
      'late payment → broken',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-24', 1000)],
      '2026-11-30',
      [['broken', 0, true, false]],
    ],
    [
      'payment before the promise was made does not count',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-10-31', 1000)],
      '2026-11-30',
      [['broken', 0, true, false]],
    ],
    [
      'payment on the day the promise was made counts',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-01', 1000)],
      '2026-11-02',
      [['kept', 1000, true, false]],
    ],
    [
      'other currency does not count',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-20', 1000, { amount: { minor: 1000, currency: 'USD' } })],
      '2026-11-30',
      [['broken', 0, true, false]],
    ],
    [
      'other customer does not count',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-20', 1000, { customerId: 'c2' })],
      '2026-11-30',
      [['broken', 0, true, false]],
    ],
    [
      'future-dated payment not counted yet',
      [promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-22', 1000)],
      '2026-11-21',
      [['pending', 0, false, false]],
    ],
    [
      'cancelled stays cancelled and consumes nothing',
      [promise('x', '2026-11-10', 1000, { status: 'cancelled' }), promise('p', '2026-11-20', 1000)],
      [payment('a', '2026-11-12', 1000)],
      '2026-11-30',
      [
        ['cancelled', 0, false, false],
        ['kept', 1000, true, false],
      ],
    ],
    [
      'one payment does not keep two promises',
      [promise('p1', '2026-11-15', 1000), promise('p2', '2026-11-20', 1000)],
      [payment('a', '2026-11-15', 1000)],
      '2026-11-30',
      [
        ['kept', 1000, true, false],
        ['broken', 0, true, false],
      ],
    ],
    [
      'one big payment keeps two promises in date order',
      [promise('p2', '2026-11-20', 700), promise('p1', '2026-11-15', 1000)],
      [payment('a', '2026-11-15', 1500)],
      '2026-11-30',
      [
        ['broken', 500, true, true],
        ['kept', 1000, true, false],
      ],
    ],
    [
      'unchanged kept promise is not flagged',
      [promise('p', '2026-11-20', 1000, { status: 'kept', coveredMinor: 1000 })],
      [payment('a', '2026-11-20', 1000)],
      '2026-11-30',
      [['kept', 1000, false, false]],
    ],
    [
      'a kept promise whose payment was deleted goes back to pending',
      [promise('p', '2026-11-20', 1000, { status: 'kept', coveredMinor: 1000 })],
      [],
      '2026-11-21',
      [['pending', 0, true, false]],
    ],
  ];
  it.each(table)('%s', (_name, promises, payments, asOf, expected) => {
    const out = evaluatePromises(promises, payments, asOf, GRACE);
    expect(out.map((e) => [e.promise.status, e.promise.coveredMinor, e.changed, e.partial])).toEqual(expected);
    out.forEach((e, i) => expect(e.promise.id).toBe(promises[i].id));
  });

  it('does not mutate its input and is idempotent', () => {
    const promises = [promise('p', '2026-11-20', 1000)];
    const payments = [payment('a', '2026-11-20', 400)];
    const first = evaluatePromises(promises, payments, '2026-11-30', GRACE);
    expect(promises[0].status).toBe('pending');
    const second = evaluatePromises(
      first.map((e) => e.promise),
      payments,
      '2026-11-30',
      GRACE,
    );
    expect(second.every((e) => !e.changed)).toBe(true);
  });

  it('reads createdAt in the given time zone', () => {
    // 2026-11-19 20:00 UTC is already 2026-11-20 in Beijing.
    const p = promise('p', '2026-11-25', 1000, { createdAt: Date.UTC(2026, 10, 19, 20) });
    const pay = payment('a', '2026-11-19', 1000);
    expect(evaluatePromises([p], [pay], '2026-11-30', 0, { tzOffsetMinutes: 480 })[0].promise.status).toBe('broken');
    expect(evaluatePromises([p], [pay], '2026-11-30', 0, { tzOffsetMinutes: -300 })[0].promise.status).toBe('kept');
  });

  it('deadline', () => {
    expect(promiseDeadline({ date: '2026-11-30' }, 3)).toBe('2026-12-03');
  });
});

describe('promiseKeptRatio', () => {
  it('kept over judged promises', () => {
    const s = (status: PaymentPromise['status']) => ({ status });
    expect(promiseKeptRatio([s('kept'), s('kept'), s('broken'), s('pending'), s('cancelled')])).toBeCloseTo(2 / 3);
    expect(promiseKeptRatio([s('pending')])).toBeNull();
    expect(promiseKeptRatio([])).toBeNull();
  });
});
