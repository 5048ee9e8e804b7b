// @vitest-environment happy-dom
/** Edit before it leaves, and logging an attempt by channel and outcome with undo: the side panel's next step. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { fixed, panelStore } from '../support/panelStore';

let db: HuikuanDb;
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
  await replaceAll(db, panelStore(), fixed);
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

async function panel() {
  history.replaceState(null, '', '/sidepanel.html?customer=c1');
  render(
    <AppShell clock={() => fixed}>
      <SidePanelApp />
    </AppShell>,
  );
  await waitFor(
    () =>
      expect(
        document.querySelector('main[data-customer-id="c1"] [data-testid="below-the-fold"][data-complete="true"]'),
      ).toBeTruthy(),
    { timeout: 5000 },
  );
  return screen.getByTestId('next-step');
}
const activities = () => db.activities.where('customerId').equals('c1').toArray();

describe('next step: edit before it leaves', () => {
  it('copies the edited text with the invoices picked, and names the covered invoices and their total', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const card = await panel();
    // The overdue undisputed invoices are picked to begin with; the one not yet due is not.
    const picker = within(card).getByTestId('script-invoices');
    expect((within(picker).getByTestId('script-invoices-INV-0001') as HTMLInputElement).checked).toBe(true);
    expect((within(picker).getByTestId('script-invoices-INV-0003') as HTMLInputElement).checked).toBe(false);
    await userEvent.click(within(picker).getByTestId('script-invoices-INV-0002'));
    await userEvent.click(within(picker).getByTestId('script-invoices-US-77'));
    expect(within(card).getByTestId('script-covered').textContent).toMatch(
      /^Invoices: INV-0001 CN¥30,000\.00 \(due .*\)\. Total CN¥30,000\.00\.$/,
    );

    const box = within(card).getByTestId('script') as HTMLTextAreaElement;
    await userEvent.clear(box);
    await userEvent.type(box, 'Dear Li Wei, a short note from us.');
    fireEvent.keyDown(box, { key: 'c' }); // typing in the box: no shortcut
    expect(writeText).not.toHaveBeenCalled();
    await userEvent.click(within(card).getByTestId('copy-script'));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const copied = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(copied).toContain('Dear Li Wei, a short note from us.');
    expect(copied).toContain('Invoices: INV-0001 CN¥30,000.00');
    expect(copied).not.toContain('INV-0002');
    // No compose box in the tab the panel follows: where it is pasted is unknown, and the panel says so (issue #20).
    await waitFor(() =>
      expect(card.textContent).toContain(
        'Copied. Huikuan cannot see where you paste it: make sure it goes to Acme Trading Co.',
      ),
    );

    // Changing the invoices after editing the text asks to check the amounts it states; reset brings the suggestion back.
    await userEvent.click(within(picker).getByTestId('script-invoices-INV-0002'));
    expect(within(card).getByTestId('script-check-amounts')).toBeTruthy();
    await userEvent.click(within(card).getByTestId('script-reset'));
    expect(box.value).not.toContain('a short note from us');
  });
});

describe('next step: logging an attempt', () => {
  it('asks the channel (a number) and the outcome (a letter), keeps what was sent, and keeps the preparations after a call', async () => {
    await db.preparations.put({ customerId: 'c1', checked: [1, 3], updatedAt: 1 });
    const card = await panel();
    const box = within(card).getByTestId('script') as HTMLTextAreaElement;
    await userEvent.type(box, ' PS: edited.');
    await userEvent.click(within(card).getByTestId('log-step'));
    const log = await within(card).findByTestId('log-attempt');
    expect(log.getAttribute('data-step')).toBe('channel');
    fireEvent.keyDown(log, { key: '1' }); // 1: phone
    expect(log.getAttribute('data-step')).toBe('outcome');
    fireEvent.keyDown(log, { key: 'n' }); // n: no answer — not the panel's "n" shortcut
    await within(card).findByTestId('attempt-logged');
    const logged = (await activities()).find((x) => x.id !== 'a1')!;
    expect(logged).toMatchObject({ channel: 'phone', outcome: 'no-answer' });
    expect(logged.sent?.kind).toBe('script');
    expect(logged.sent?.text).toContain('PS: edited.');
    expect(logged.receivableIds.sort()).toEqual(['r1', 'r2', 'r4']);
    expect(logged.note).toBeUndefined();
    expect((await db.preparations.get('c1'))?.checked).toEqual([1, 3]);
    expect(within(card).getByTestId('attempt-preparations').textContent).toMatch(/stay ticked/);
    expect(document.activeElement).not.toBe(screen.queryByTestId('activity-channel'));
    // The next step starts from its own suggestion, not from the text just sent.
    await waitFor(() =>
      expect((within(card).getByTestId('script') as HTMLTextAreaElement).value).not.toContain('PS: edited.'),
    );
  });

  it('Enter keeps the suggested channel; a visit resets the preparations; z undoes all of it', async () => {
    await db.preparations.put({ customerId: 'c1', checked: [1, 2, 3, 4, 5], updatedAt: 1 });
    const card = await panel();
    const suggested = card.getAttribute('data-channel');
    await userEvent.click(within(card).getByTestId('log-step'));
    let log = await within(card).findByTestId('log-attempt');
    fireEvent.keyDown(log, { key: 'Enter' });
    fireEvent.keyDown(log, { key: 'Backspace' });
    expect(log.getAttribute('data-step')).toBe('channel');
    fireEvent.keyDown(log, { key: '2' }); // 2: visit
    fireEvent.keyDown(log, { key: 'p' }); // p: promised
    await within(card).findByTestId('attempt-logged');
    expect(within(card).getByTestId('attempt-logged').textContent).toMatch(/Logged: Visit · Promised to pay/);
    expect((await activities()).map((x) => x.channel).sort()).toEqual(['phone', 'visit']);
    expect((await db.preparations.get('c1'))?.checked).toEqual([]);
    expect((await activities()).find((x) => x.channel === 'visit')?.preparationsUsed).toEqual([1, 2, 3, 4, 5]);
    log = within(card).getByTestId('log-attempt');
    fireEvent.keyDown(log, { key: 'z' });
    await within(card).findByTestId('attempt-undone');
    await waitFor(async () => expect((await activities()).map((x) => x.id)).toEqual(['a1']));
    expect((await db.preparations.get('c1'))?.checked).toEqual([1, 2, 3, 4, 5]);
    expect(suggested).toBeTruthy();
  });

  it('Escape closes it without logging', async () => {
    const card = await panel();
    await userEvent.click(within(card).getByTestId('log-step'));
    const log = await within(card).findByTestId('log-attempt');
    fireEvent.keyDown(log, { key: 'Escape' });
    await waitFor(() => expect(within(card).queryByTestId('log-attempt')).toBeNull());
    expect((await activities()).length).toBe(1);
  });
});
