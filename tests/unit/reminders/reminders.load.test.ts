/**
 * The worker's reminder input is read by index and narrowed to what can fire soon; deriving from it must give the
 * same reminders as deriving from every record, except limitation warnings that start beyond the horizon (the
 * hourly re-derivation plans those once they come within it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HuikuanDb } from '@/lib/db/schema';
import { getSettings, replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { generatePortfolio } from '../../../bench/generate';
import { addDays } from '@/lib/ledger/dates';
import { LIMITATION_HORIZON_DAYS, REMINDER_READ_SLICE, loadReminderInput } from '@/lib/browser/reminders';
import { deriveReminders } from '@/lib/reminders';
import { toIsoDay } from '@/lib/domain';

let db: HuikuanDb;
beforeEach(async () => {
  db = new HuikuanDb(`rem-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

async function everything(now: Date) {
  const [summaries, promises, activities, customers] = await Promise.all([
    db.summaries.toArray(),
    db.promises.toArray(),
    db.activities.toArray(),
    db.customers.toArray(),
  ]);
  return {
    summaries,
    promises,
    activities: activities.map((a) => ({ customerId: a.customerId, nextDate: a.nextDate, id: a.id })),
    limitation: summaries
      .filter((s) => s.limitationDeadline && s.limitationDeadline >= toIsoDay(now))
      .map((s) => ({ customerId: s.customerId, deadline: s.limitationDeadline! })),
    customers: customers.map((c) => ({ id: c.id, name: c.name })),
  };
}

describe('loadReminderInput', () => {
  for (const [label, data, narrower] of [
    // Every demo customer has something live, so nothing can be left out there.
    ['demo portfolio', () => buildDemoPortfolio('2026-11-22', 1_700_000_000_000), false],
    [
      'generated 600 customers',
      () => generatePortfolio({ label: 'r', customers: 600, receivables: 6000, activities: 1800 }, '2026-11-22'),
      true,
    ],
  ] as const) {
    it(`gives the reminders a full read gives, up to the limitation horizon (${label})`, async () => {
      const now = new Date(2026, 10, 22, 8, 0);
      await replaceAll(db, data() as Parameters<typeof replaceAll>[1], now);
      const settings = await getSettings(db);
      const narrow = await loadReminderInput(db, now, settings);
      const full = await everything(now);
      const horizon = addDays(toIsoDay(now), LIMITATION_HORIZON_DAYS);
      const want = deriveReminders(full, now, settings).filter((r) => r.kind !== 'limitation' || r.date <= horizon);
      const got = deriveReminders(narrow, now, settings);
      expect(got).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
      // It is narrower: fewer customers and summaries than the portfolio holds.
      if (narrower) expect(narrow.customers.length).toBeLessThan(full.customers.length);
      // Read in several slices: none may be lost or doubled.
      if (narrower) expect(narrow.customers.length).toBeGreaterThan(REMINDER_READ_SLICE);
    });
  }
});
