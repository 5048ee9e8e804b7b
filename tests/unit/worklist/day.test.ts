import { describe, expect, it } from 'vitest';
import { actionForKey, arrangeDay, emptyMarks, followUpDate, outcomeActivity, rowState } from '@/lib/worklist/day';
import { worklistStep } from '@/lib/worklist/step';
import { suggestNext } from '@/lib/playbook';
import { allocate } from '@/lib/ledger';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { defaultSettings } from '@/lib/domain';
import { PINNED } from '../support/clock';

const asOf = '2026-11-22';
const rows = [
  { customerId: 'a' },
  { customerId: 'b', lastActivityDate: '2026-11-22' },
  { customerId: 'c' },
  { customerId: 'd' },
  { customerId: 'e' },
];

describe('the worklist through the day', () => {
  it('keeps rows still to do in rank order, then the ones done today, then the snoozed by the day they come back', () => {
    const marks = { snoozed: { c: '2026-11-30', e: '2026-11-25', a: '2026-11-22' }, done: { d: '2026-11-22' } };
    const out = arrangeDay(rows, asOf, marks);
    expect(out.map((r) => [r.customerId, r.state])).toEqual([
      ['a', 'due'],
      ['b', 'done'],
      ['d', 'done'],
      ['e', 'snoozed'],
      ['c', 'snoozed'],
    ]);
    expect(out[3].snoozedUntil).toBe('2026-11-25');
  });
  it('brings a row back on the day its snooze ends and forgets yesterday\u2019s "done"', () => {
    const marks = { snoozed: { a: '2026-11-22' }, done: { c: '2026-11-21' } };
    expect(rowState({ customerId: 'a' }, asOf, marks)).toBe('due');
    expect(rowState({ customerId: 'c' }, asOf, marks)).toBe('due');
    expect(rowState({ customerId: 'c', lastActivityDate: '2026-11-22' }, asOf, emptyMarks())).toBe('done');
  });
  it('maps one key to each action, and plans the follow-up of each outcome', () => {
    expect(['r', 'n', 'p', 'x', 'y', 's', 'd', 'N', 'q'].map(actionForKey)).toEqual([
      'reached',
      'no-answer',
      'promised',
      'refused',
      'paid',
      'snooze',
      'done',
      'no-answer',
      undefined,
    ]);
    expect(followUpDate('no-answer', asOf)).toBe('2026-11-23');
    expect(followUpDate('reached', asOf)).toBe('2026-11-29');
    expect(followUpDate('promised', asOf, '2026-12-05')).toBe('2026-12-05');
    expect(followUpDate('paid', asOf)).toBeUndefined();
    const a = outcomeActivity('refused', {
      customerId: 'c1',
      asOf,
      channel: 'phone',
      now: 1,
      note: 'from the worklist',
    });
    expect(a).toMatchObject({
      customerId: 'c1',
      date: asOf,
      channel: 'phone',
      outcome: 'refused',
      nextDate: '2026-11-23',
      note: 'from the worklist',
    });
  });
});

describe('the worklist step', () => {
  it('is the side panel\u2019s next step for the same account', () => {
    const data = buildDemoPortfolio(asOf, PINNED.getTime());
    const settings = defaultSettings();
    for (const customer of data.customers.slice(0, 8)) {
      const mine = <T extends { customerId: string }>(xs: T[]) => xs.filter((x) => x.customerId === customer.id);
      const stored = {
        customer,
        contacts: mine(data.contacts),
        receivables: mine(data.receivables),
        payments: mine(data.payments),
        promises: mine(data.promises),
        activities: mine(data.activities),
        settings,
      };
      const step = worklistStep(stored, asOf, 'zh');
      const panel = suggestNext(
        {
          ...stored,
          receivables: allocate(stored.receivables, stored.payments),
          recentMessages: stored.activities.filter((x) => x.note).map((x) => x.note!),
        },
        new Date(2026, 10, 22, 12),
        'zh',
      );
      expect(step.level).toBe(panel.level);
      expect(step.channel).toBe(panel.channel);
      expect(step.name.zh).toBe(panel.levelName);
    }
  });
});
