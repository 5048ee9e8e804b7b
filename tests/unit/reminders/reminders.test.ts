import { describe, expect, it } from 'vitest';
import type { CustomerSummary, PaymentPromise } from '../../../lib/domain';
import { deriveReminders, dueTodayCount, planAlarms, reminderTime, type ReminderInput } from '../../../lib/reminders';

const settings = { promiseGraceDays: 3, limitationWarnDays: 90 };
const now = new Date(2026, 10, 20, 8, 0); // Fri 2026-11-20 08:00 local

const promise = (id: string, date: string, minor: number, extra: Partial<PaymentPromise> = {}): PaymentPromise => ({
  id, customerId: 'c1', amount: { minor, currency: 'CNY' }, date, source: 'call', status: 'pending', coveredMinor: 0,
  receivableIds: [], createdAt: 0, updatedAt: 0, ...extra,
});
const summary = (customerId: string, extra: Partial<CustomerSummary> = {}): CustomerSummary => ({
  customerId, type: 'enterprise', open: { CNY: 42_000_000 }, openByDue: [], openCount: 1, disputedCount: 0,
  pendingPromiseCount: 0, brokenPromiseCount: 0, keptPromiseCount: 0, paidCount: 0, profileAnswered: 0, updatedAt: 0,
  ...extra,
});

function input(extra: Partial<ReminderInput> = {}): ReminderInput {
  return {
    summaries: [summary('c1'), summary('c2')],
    promises: [
      promise('p-today', '2026-11-20', 12_400_000),
      promise('p-next', '2026-11-27', 500_000),
      promise('p-broken', '2026-11-10', 300_000, { status: 'broken', coveredMinor: 100_000 }),
      promise('p-kept', '2026-11-18', 1, { status: 'kept', coveredMinor: 1 }),
      promise('p-old', '2026-08-01', 1, { status: 'broken' }),
    ],
    activities: [{ customerId: 'c2', nextDate: '2026-11-20' }, { customerId: 'c2', nextDate: '2026-11-20' }, { customerId: 'c2' }],
    limitation: [{ customerId: 'c2', deadline: '2027-02-01' }, { customerId: 'c1', deadline: '2026-01-01' }],
    customers: [{ id: 'c1', name: '华东机电有限公司' }, { id: 'c2', name: 'Acme Ltd' }],
    ...extra,
  };
}

describe('deriveReminders', () => {
  it('derives promise, broken, next-step and limitation reminders with deterministic ids', () => {
    const rs = deriveReminders(input(), now, settings);
    expect(rs.map((r) => r.id).sort()).toEqual([
      'limitation:c2:2027-02-01',
      'next:c2:2026-11-20',
      'promise-broken:p-broken:2026-11-10',
      'promise:p-next:2026-11-27',
      'promise:p-today:2026-11-20',
    ]);
    const today = rs.find((r) => r.id === 'promise:p-today:2026-11-20')!;
    expect(today.kind).toBe('promise-due');
    expect(today.when).toBe(new Date(2026, 10, 20, 9, 0).getTime());
    expect(today.title.zh).toContain('华东机电有限公司');
    expect(today.message.zh).toContain('¥124,000.00');
    expect(today.message.en).toContain('CN¥124,000.00');
    const broken = rs.find((r) => r.kind === 'promise-broken')!;
    expect(broken.date).toBe('2026-11-14');
    expect(broken.message.en).toContain('CN¥2,000.00'); // what is still missing
    const lim = rs.find((r) => r.kind === 'limitation')!;
    expect(lim.date).toBe('2026-11-03');
    expect(lim.message.en).toContain('Acme Ltd');
    expect(lim.message.zh).toContain('¥420,000.00');
  });

  it('is identical on a second run (same ids, same times, same text)', () => {
    expect(deriveReminders(input(), now, settings)).toEqual(deriveReminders(input(), now, settings));
  });

  it('a pending promise past its grace is reported as broken', () => {
    const rs = deriveReminders(input({ promises: [promise('p', '2026-11-12', 100)] }), now, settings);
    expect(rs.map((r) => r.id)).toContain('promise-broken:p:2026-11-12');
  });

  it('leaves out reminders already shown', () => {
    const rs = deriveReminders(input({ shown: ['promise:p-today:2026-11-20'] }), now, settings);
    expect(rs.map((r) => r.id)).not.toContain('promise:p-today:2026-11-20');
  });

  it('a moved promise date is a new reminder', () => {
    const a = deriveReminders(input({ promises: [promise('p', '2026-11-25', 100)] }), now, settings);
    const b = deriveReminders(input({ promises: [promise('p', '2026-11-26', 100)] }), now, settings);
    expect(a.find((r) => r.promiseId === 'p')!.id).not.toBe(b.find((r) => r.promiseId === 'p')!.id);
  });

  it('reminderTime is 9:00 local', () => {
    const t = new Date(reminderTime('2026-03-29'));
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2026, 2, 29, 9, 0]);
  });
});

describe('dueTodayCount', () => {
  it('counts due and overdue items still live, limitation only on its day', () => {
    const rs = deriveReminders(input(), now, settings);
    // p-today, next:c2 today, broken p-broken; not p-next (future), not the limitation that started earlier
    expect(dueTodayCount(rs, now)).toBe(3);
    expect(dueTodayCount([], now)).toBe(0);
  });
});

describe('service-worker restart', () => {
  type Alarm = { name: string; when: number };
  function sync(alarms: Map<string, Alarm>, shown: Set<string>, at: Date) {
    const rs = deriveReminders(input(), at, settings);
    const plan = planAlarms(rs, alarms.keys(), shown, at);
    for (const name of plan.clear) alarms.delete(name);
    for (const a of plan.create) {
      expect(alarms.has(a.name)).toBe(false); // never created twice
      alarms.set(a.name, a);
    }
    return plan;
  }

  it('re-deriving after a restart leaves the alarms unchanged and doubles nothing', () => {
    const alarms = new Map<string, Alarm>();
    const shown = new Set<string>();
    const first = sync(alarms, shown, now);
    expect(first.create).toHaveLength(5);
    const snapshot = JSON.stringify([...alarms.entries()]);
    // The worker is killed and started again a few minutes later.
    const later = new Date(now.getTime() + 5 * 60_000);
    const second = sync(alarms, shown, later);
    expect(second).toEqual({ create: [], clear: [] });
    expect(JSON.stringify([...alarms.entries()])).toBe(snapshot);
  });

  it('a past-due reminder already shown is not shown again', () => {
    const alarms = new Map<string, Alarm>();
    const shown = new Set<string>();
    sync(alarms, shown, now);
    // The broken-promise alarm (time already past) fires once, is shown and its alarm goes away.
    const name = 'r:promise-broken:p-broken:2026-11-10';
    expect(alarms.get(name)!.when).toBe(now.getTime() + 1000);
    shown.add('promise-broken:p-broken:2026-11-10');
    alarms.delete(name);
    // Restart: nothing re-creates it.
    const plan = sync(alarms, shown, new Date(now.getTime() + 60 * 60_000));
    expect(plan.create.map((c) => c.name)).not.toContain(name);
    expect(alarms.has(name)).toBe(false);
    // Passing `shown` to deriveReminders drops it at the source too.
    expect(deriveReminders({ ...input(), shown }, now, settings).map((r) => r.id)).not.toContain('promise-broken:p-broken:2026-11-10');
  });

  it('clears alarms whose reminder is gone (promise kept meanwhile)', () => {
    const alarms = new Map<string, Alarm>([['r:promise:gone:2026-11-22', { name: 'r:promise:gone:2026-11-22', when: 0 }], ['daily-refresh', { name: 'daily-refresh', when: 0 }]]);
    const plan = planAlarms(deriveReminders(input(), now, settings), alarms.keys(), [], now);
    expect(plan.clear).toEqual(['r:promise:gone:2026-11-22']);
  });
});
