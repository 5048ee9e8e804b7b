// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PINNED } from '../support/clock';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from '@/components/popup/PopupApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { readWorklistMarks } from '@/lib/db/worklistMarks';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';

const today = '2026-11-22';
let db: HuikuanDb;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

/** The machine is shared: re-ranking after a write can take seconds. */
const soon = { timeout: 8000 };
const rowsNow = () => within(screen.getByTestId('worklist')).getAllByTestId('worklist-row');
const idAt = (i: number) => rowsNow()[i].getAttribute('data-customer-id')!;

describe('the worklist runs the day from the keyboard', () => {
  it('logs an outcome with one key, snoozes to a date, records a promise, and each row moves below those still to do', async () => {
    await replaceAll(db, buildDemoPortfolio(today, PINNED.getTime()), PINNED);
    render(
      <AppShell clock={() => PINNED}>
        <PopupApp />
      </AppShell>,
    );
    await waitFor(() => expect(rowsNow().length).toBeGreaterThan(5), { timeout: 5000 });
    await waitFor(() => expect(within(rowsNow()[0]).getByTestId('worklist-step').textContent).toMatch(/^Next: .+ · /), {
      timeout: 5000,
    });

    // n: "no answer" is logged on the step's channel, with a retry tomorrow; the row goes below the rows still to do.
    const first = idAt(0);
    const second = idAt(1);
    within(rowsNow()[0]).getByTestId('worklist-open').focus();
    await userEvent.keyboard('n');
    await waitFor(() => expect(idAt(0)).toBe(second), soon);
    const acts = await db.activities
      .where('customerId')
      .equals(first)
      .filter((a) => a.date === today)
      .toArray();
    expect(acts.map((a) => [a.outcome, a.nextDate, a.note])).toEqual([
      ['no-answer', '2026-11-23', 'Logged from the worklist'],
    ]);
    const moved = rowsNow().find((r) => r.getAttribute('data-customer-id') === first)!;
    expect(moved.getAttribute('data-state')).toBe('done');
    expect(screen.getByTestId('worklist-status').textContent).toMatch(/No answer logged/);
    // Focus stays in the list, on the row that took its place.
    await waitFor(() => expect(document.activeElement).toBe(within(rowsNow()[0]).getByTestId('worklist-open')), soon);

    // s: snooze to a date (tomorrow by default); Enter saves and the row waits at the bottom until then.
    await userEvent.keyboard('s');
    const date = await screen.findByTestId('worklist-snooze-date', {}, soon);
    expect((date as HTMLInputElement).value).toBe('2026-11-23');
    await userEvent.keyboard('{Enter}');
    await waitFor(async () => expect((await readWorklistMarks(db)).snoozed[second]).toBe('2026-11-23'), soon);
    await waitFor(() => expect(rowsNow()[rowsNow().length - 1].getAttribute('data-customer-id')).toBe(second), soon);
    expect(rowsNow()[rowsNow().length - 1].getAttribute('data-state')).toBe('snoozed');

    // p: the promise form, prefilled with the overdue amount and a week from today; Enter records the promise.
    const third = idAt(0);
    within(rowsNow()[0]).getByTestId('worklist-open').focus();
    await userEvent.keyboard('p');
    await screen.findByTestId('worklist-promise-form', {}, soon);
    await userEvent.keyboard('{Enter}');
    await waitFor(
      async () =>
        expect(
          await db.promises
            .where('customerId')
            .equals(third)
            .filter((p) => p.date === '2026-11-29')
            .count(),
        ).toBe(1),
      soon,
    );
    expect(
      await db.activities
        .where('customerId')
        .equals(third)
        .filter((a) => a.outcome === 'promised' && a.date === today && a.nextDate === '2026-11-29')
        .count(),
    ).toBe(1);
    await waitFor(() => expect(idAt(0)).not.toBe(third), soon);
  });

  it('refuses a snooze date that is not after today, and Escape leaves the row as it was', async () => {
    await replaceAll(db, buildDemoPortfolio(today, PINNED.getTime()), PINNED);
    render(
      <AppShell clock={() => PINNED}>
        <PopupApp />
      </AppShell>,
    );
    await waitFor(() => expect(rowsNow().length).toBeGreaterThan(5), { timeout: 5000 });
    const first = idAt(0);
    within(rowsNow()[0]).getByTestId('worklist-open').focus();
    await userEvent.keyboard('s');
    const date = await screen.findByTestId('worklist-snooze-date', {}, soon);
    await userEvent.clear(date);
    await userEvent.type(date, today);
    await userEvent.keyboard('{Enter}');
    expect((await within(screen.getByTestId('worklist-snooze')).findByRole('alert')).textContent).toBe(
      'Pick a date after today.',
    );
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('worklist-snooze')).toBeNull();
    expect(idAt(0)).toBe(first);
    expect((await readWorklistMarks(db)).snoozed[first]).toBeUndefined();
  });
});
