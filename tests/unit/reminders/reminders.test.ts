import { describe, expect, it } from 'vitest';
import type { CustomerSummary, PaymentPromise } from '../../../lib/domain';
import {
  MAX_PLANNED_ALARMS,
  deriveReminders,
  dueNotice,
  dueTodayCount,
  planAlarms,
  reminderTime,
  type Reminder,
  type ReminderInput,
} from '../../../lib/reminders';

const settings = { promiseGraceDays: 3, limitationWarnDays: 90 };
const now = new Date(2026, 10, 20, 8, 0); // Fri 2026-11-20 08:00 local

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
const summary = (customerId: string, extra: Partial<CustomerSummary> = {}): CustomerSummary => ({
  customerId,
  type: 'enterprise',
  open: { CNY: 42_000_000 },
  openByDue: [],
  openCount: 1,
  disputedCount: 0,
  pendingPromiseCount: 0,
  brokenPromiseCount: 0,
  keptPromiseCount: 0,
  paidCount: 0,
  profileAnswered: 0,
  updatedAt: 0,
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
    activities: [
      { customerId: 'c2', nextDate: '2026-11-20' },
      { customerId: 'c2', nextDate: '2026-11-20' },
      { customerId: 'c2' },
    ],
    limitation: [
      { customerId: 'c2', deadline: '2027-02-01' },
      { customerId: 'c1', deadline: '2026-01-01' },
    ],
    customers: [
      { id: 'c1', name: '华东机电有限公司' },
      { id: 'c2', name: 'Acme Ltd' },
    ],
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
  /** The worker's sync: alarms planned, and the reminders already due shown together and remembered as shown. */
  function sync(alarms: Map<string, Alarm>, shown: Set<string>, at: Date) {
    const rs = deriveReminders(input(), at, settings);
    const plan = planAlarms(rs, alarms.keys(), shown, at);
    for (const name of plan.clear) alarms.delete(name);
    for (const a of plan.create) {
      expect(alarms.has(a.name)).toBe(false); // never created twice
      expect(a.when).toBeGreaterThan(at.getTime()); // only reminders still ahead get an alarm
      alarms.set(a.name, a);
    }
    for (const r of plan.due) shown.add(r.id);
    return plan;
  }

  it('re-deriving after a restart leaves the alarms unchanged and doubles nothing', () => {
    const alarms = new Map<string, Alarm>();
    const shown = new Set<string>();
    const first = sync(alarms, shown, now);
    // Five reminders: three still ahead get alarms, two already due are shown together at once.
    expect(first.create).toHaveLength(3);
    expect(first.due).toHaveLength(2);
    const snapshot = JSON.stringify([...alarms.entries()]);
    // The worker is killed and started again a few minutes later.
    const later = new Date(now.getTime() + 5 * 60_000);
    const second = sync(alarms, shown, later);
    expect(second).toEqual({ create: [], clear: [], due: [] });
    expect(JSON.stringify([...alarms.entries()])).toBe(snapshot);
  });

  it('a past-due reminder is shown once, with the others due, and never again', () => {
    const alarms = new Map<string, Alarm>();
    const shown = new Set<string>();
    const first = sync(alarms, shown, now);
    const name = 'r:promise-broken:p-broken:2026-11-10';
    expect(first.due.map((r) => r.id)).toContain('promise-broken:p-broken:2026-11-10');
    expect(alarms.has(name)).toBe(false);
    // Restart: nothing re-creates it or shows it again.
    const plan = sync(alarms, shown, new Date(now.getTime() + 60 * 60_000));
    expect(plan.create.map((c) => c.name)).not.toContain(name);
    expect(plan.due).toEqual([]);
    expect(alarms.has(name)).toBe(false);
    // Passing `shown` to deriveReminders drops it at the source too.
    expect(deriveReminders({ ...input(), shown }, now, settings).map((r) => r.id)).not.toContain(
      'promise-broken:p-broken:2026-11-10',
    );
  });

  it('plans at most MAX_PLANNED_ALARMS alarms, the soonest, and shows thousands of due reminders as one notice', () => {
    const at = now.getTime();
    const make = (i: number, when: number): Reminder => ({
      id: `next-step:c${i}:x`,
      customerId: `c${i}`,
      kind: 'next-step',
      date: '2026-11-22',
      when,
      title: { zh: `今日跟进：客户${i}`, en: `Follow up: Customer ${i}` },
      message: { zh: '', en: '' },
    });
    const ahead = Array.from({ length: 300 }, (_, i) => make(i, at + (300 - i) * 60_000));
    const due = Array.from({ length: 4000 }, (_, i) => make(1000 + i, at - i * 60_000));
    const plan = planAlarms([...ahead, ...due], [], [], now);
    expect(plan.create).toHaveLength(MAX_PLANNED_ALARMS);
    expect(Math.max(...plan.create.map((c) => c.when))).toBeLessThan(
      Math.min(...ahead.map((r) => r.when)) + MAX_PLANNED_ALARMS * 60_000,
    );
    expect(plan.due).toHaveLength(4000);
    expect(dueNotice(plan.due, 'en')).toEqual({
      title: '4000 collection reminders due',
      message: 'Follow up: Customer 1000; Follow up: Customer 1001; Follow up: Customer 1002; and 3997 more',
    });
    expect(dueNotice(plan.due, 'zh')?.title).toBe('4000 项催收提醒已到期');
    expect(dueNotice(plan.due.slice(0, 1), 'zh')).toEqual({ title: '今日跟进：客户1000', message: '' });
    expect(dueNotice([], 'en')).toBeUndefined();
  });

  it('clears alarms whose reminder is gone (promise kept meanwhile)', () => {
    const alarms = new Map<string, Alarm>([
      ['r:promise:gone:2026-11-22', { name: 'r:promise:gone:2026-11-22', when: 0 }],
      ['daily-refresh', { name: 'daily-refresh', when: 0 }],
    ]);
    const plan = planAlarms(deriveReminders(input(), now, settings), alarms.keys(), [], now);
    expect(plan.clear).toEqual(['r:promise:gone:2026-11-22']);
  });
});
