// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { UNDO_MS } from '@/components/sidepanel/undo';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { formatMoney } from '@/lib/format';
import { fixed, panelStore } from '../support/panelStore';
import { receivableById, documentCounts } from '../support/ledgers';

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
  vi.useRealTimers();
  db.close();
  setDb(undefined);
});

function renderPanel(customer = 'c1') {
  history.replaceState(null, '', `/sidepanel.html?customer=${customer}`);
  return render(
    <AppShell clock={() => fixed}>
      <SidePanelApp />
    </AppShell>,
  );
}
const ready = async (id = 'c1') =>
  waitFor(
    () => {
      const main = document.querySelector(`main[data-customer-id="${id}"][data-ready="true"]`);
      expect(main).toBeTruthy();
      // The cards below the first screen render a frame later.
      expect(main!.querySelector('[data-testid="below-the-fold"][data-complete="true"]')).toBeTruthy();
      return main as HTMLElement;
    },
    { timeout: 5000 },
  );

describe('side panel', () => {
  it('shows overdue and outstanding per currency, never added across currencies, with the oldest item and credit use', async () => {
    renderPanel();
    await ready();
    expect(screen.getByTestId('customer-name').textContent).toBe('Acme Trading Co.');
    // CNY: open 30,000 + 10,000 + 5,000; overdue 40,000. USD kept apart.
    expect(Number(screen.getByTestId('outstanding-CNY').getAttribute('data-minor'))).toBe(45_000_00);
    expect(Number(screen.getByTestId('overdue-CNY').getAttribute('data-minor'))).toBe(40_000_00);
    expect(Number(screen.getByTestId('overdue-USD').getAttribute('data-minor'))).toBe(1_240_00);
    expect(screen.getByTestId('overdue-USD').textContent).toBe(formatMoney(1_240_00, 'USD', 'en'));
    expect(screen.getByTestId('oldest').textContent).toMatch(/INV-0001 .* 144 days overdue/);
    expect(screen.getByTestId('status').textContent).toMatch(/CN¥45,000.00 \/ CN¥50,000.00 \(90%\)/);
    // The promise of 20 Oct passed without payment: it turned broken by itself.
    expect(screen.getByTestId('promise-status').textContent).toMatch(/0 kept, 1 broken/);
    expect(within(screen.getByTestId('promises')).getByText('Broken')).toBeTruthy();
    expect(screen.getByTestId('aging-bar-CNY').textContent).toMatch(/Not yet due/);
  });

  it('shows a disputed invoice apart: not overdue, not demanded, its settlement asked about', async () => {
    renderPanel('c2');
    await ready('c2');
    expect(Number(screen.getByTestId('disputed-CNY').getAttribute('data-minor'))).toBe(20_000_00);
    expect(Number(screen.getByTestId('overdue-CNY').getAttribute('data-minor'))).toBe(0);
    expect(Number(screen.getByTestId('outstanding-CNY').getAttribute('data-minor'))).toBe(20_000_00);
    expect(screen.queryByTestId('oldest')).toBeNull();
    const step = screen.getByTestId('next-step');
    expect(step.getAttribute('data-level')).toBe('3');
    expect(screen.getByTestId('script').textContent).toMatch(/We would like to settle the open question about YF-1/);
    expect(screen.getByTestId('script').textContent).not.toMatch(/Please confirm the payment date/);
  });

  it('saves nine-question answers as you type, counts them, and refuses an impossible book-closing day', async () => {
    renderPanel();
    await ready();
    const box = screen.getByTestId('nine-questions');
    await userEvent.click(within(box).getByText('Nine payment-process questions'));
    expect(screen.getByTestId('nine-meter').getAttribute('data-answered')).toBe('0');
    expect(screen.getByTestId('ask-5').textContent).toMatch(/Who signs the payment approval\? Ask the initiator/);
    await userEvent.type(screen.getByTestId('q1'), 'Acceptance signed');
    await userEvent.selectOptions(screen.getByTestId('q5'), 'k1');
    await waitFor(async () => expect((await db.profiles.get('c1'))?.signerContactId).toBe('k1'), { timeout: 3000 });
    expect((await db.profiles.get('c1'))?.collectionTrigger).toBe('Acceptance signed');
    expect(screen.getByTestId('nine-meter').getAttribute('data-answered')).toBe('2');
    expect(screen.queryByTestId('ask-5')).toBeNull();
    expect((await db.summaries.get('c1'))?.profileAnswered).toBe(2);

    const day = within(box).getByLabelText('Books close on day');
    await userEvent.type(day, '45');
    expect(await within(box).findByText('Not in the expected format')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 600));
    expect((await db.profiles.get('c1'))?.bookClosingDay).toBeUndefined();
    await userEvent.clear(day);
    await userEvent.type(day, '25');
    await waitFor(async () => expect((await db.profiles.get('c1'))?.bookClosingDay).toBe(25), { timeout: 3000 });
  });

  it('creates a contact from the signer picker and keeps it selected', async () => {
    renderPanel();
    await ready();
    await userEvent.click(within(screen.getByTestId('nine-questions')).getByText('Nine payment-process questions'));
    await userEvent.selectOptions(screen.getByTestId('q4'), '__new__');
    await userEvent.type(screen.getByTestId('q4-new'), 'Zhao Min{Enter}');
    await waitFor(
      async () => {
        const p = await db.profiles.get('c1');
        const c = await db.contacts.get(p?.initiatorContactId ?? '');
        expect(c?.name).toBe('Zhao Min');
      },
      { timeout: 3000 },
    );
  });

  it('logs an activity in a few keystrokes, resets the preparations and shows it on the timeline', async () => {
    renderPanel();
    await ready();
    await userEvent.click(screen.getByTestId('prep-1'));
    await waitFor(async () => expect((await db.preparations.get('c1'))?.checked).toEqual([1]));
    await waitFor(() => expect(screen.getByTestId('prep-count').textContent).toBe('1/5'));
    // `n` jumps to the quick-add form.
    fireEvent.keyDown(window, { key: 'n' });
    expect(document.activeElement).toBe(screen.getByTestId('activity-channel'));
    await userEvent.selectOptions(screen.getByTestId('activity-channel'), 'visit');
    await userEvent.selectOptions(screen.getByTestId('activity-outcome'), 'promised');
    await userEvent.type(screen.getByTestId('activity-note'), 'Met the finance manager');
    await userEvent.click(screen.getByTestId('activity-save'));
    await waitFor(async () => expect(await db.activities.where('customerId').equals('c1').count()).toBe(2));
    const saved = (await db.activities.where('customerId').equals('c1').toArray()).find((a) => a.channel === 'visit')!;
    expect(saved).toMatchObject({
      outcome: 'promised',
      note: 'Met the finance manager',
      date: '2026-11-22',
      nextDate: '2026-11-25',
    });
    expect((await db.preparations.get('c1'))?.checked).toEqual([]);
    await waitFor(() =>
      expect(within(screen.getByTestId('timeline')).getByText('Met the finance manager')).toBeTruthy(),
    );
    await waitFor(() => expect(screen.getByTestId('prep-count').textContent).toBe('0/5'));
  });

  it('rejects an activity whose next date is before it', async () => {
    renderPanel();
    await ready();
    const next = screen.getByTestId('activity-next');
    fireEvent.change(next, { target: { value: '2026-11-01' } });
    await userEvent.click(screen.getByTestId('activity-save'));
    expect(await screen.findByText('The next date is before the activity')).toBeTruthy();
    expect(await db.activities.where('customerId').equals('c1').count()).toBe(1);
  });

  it('adds a promise with validation, and cancels it', async () => {
    renderPanel();
    await ready();
    await userEvent.click(screen.getByTestId('promise-add'));
    await userEvent.click(screen.getByTestId('promise-save'));
    expect(await within(screen.getByTestId('promise-form')).findByText('Enter an amount')).toBeTruthy();
    await userEvent.type(screen.getByTestId('promise-amount'), 'ten thousand');
    fireEvent.change(screen.getByTestId('promise-date'), { target: { value: '2026-11-30' } });
    await userEvent.click(screen.getByTestId('promise-save'));
    // An amount the form cannot read for sure is refused with the reason, not guessed.
    expect(await within(screen.getByTestId('promise-form')).findByText(/Write a positive amount/)).toBeTruthy();
    expect(await db.promises.count()).toBe(1);
    await userEvent.clear(screen.getByTestId('promise-amount'));
    await userEvent.type(screen.getByTestId('promise-amount'), '12,400.50');
    await userEvent.click(screen.getByTestId('promise-save'));
    await waitFor(async () => expect(await db.promises.count()).toBe(2));
    const p = (await db.promises.toArray()).find((x) => x.id !== 'pr1')!;
    expect(p).toMatchObject({ amount: { minor: 1_240_050, currency: 'CNY' }, date: '2026-11-30', status: 'pending' });
    const row = await waitFor(() => {
      const el = document.querySelector(`[data-promise-id="${p.id}"]`);
      if (!el) throw new Error('promise row not shown yet');
      return el as HTMLElement;
    });
    await userEvent.click(within(row).getByText('Cancel promise'));
    await waitFor(async () => expect((await db.promises.get(p.id))?.status).toBe('cancelled'));
  });

  it('deletes an activity with an undo that puts it back', async () => {
    renderPanel();
    await ready();
    const timeline = screen.getByTestId('timeline');
    await userEvent.click(within(timeline).getByRole('button', { name: /Delete/ }));
    await waitFor(async () => expect(await db.activities.count()).toBe(0));
    expect(screen.getByTestId('undo-toast').textContent).toMatch(/Deleted/);
    await userEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect(await db.activities.count()).toBe(1));
    await waitFor(() =>
      expect(within(screen.getByTestId('timeline')).getByText('Called Li Wei, no answer')).toBeTruthy(),
    );
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('keeps the undo toast while the focus is on it, and lets it expire once the focus leaves', async () => {
    renderPanel();
    await ready();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    fireEvent.click(within(screen.getByTestId('timeline')).getByRole('button', { name: /Delete/ }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('undo')));
    await act(async () => {
      vi.advanceTimersByTime(UNDO_MS + 10);
    });
    expect(screen.getByTestId('undo-toast')).toBeTruthy();
    act(() => {
      screen.getByTestId('undo').blur();
    });
    await act(async () => {
      vi.advanceTimersByTime(UNDO_MS + 10);
    });
    expect(screen.queryByTestId('undo-toast')).toBeNull();
    expect(await db.activities.count()).toBe(0);
  });

  it('filters and sorts receivables and edits the six self-questions of one', async () => {
    renderPanel();
    await ready();
    const list = screen.getByTestId('receivables');
    const ids = () =>
      [...list.querySelectorAll('[data-receivable-id]')].map((e) => e.getAttribute('data-receivable-id'));
    expect(ids()).toEqual(['r1', 'r4', 'r2', 'r3']);
    await userEvent.click(within(list).getByRole('tab', { name: 'Overdue' }));
    expect(ids()).toEqual(['r1', 'r4', 'r2']);
    await userEvent.click(within(list).getByRole('tab', { name: 'Paid' }));
    expect(ids()).toEqual(['r5']);
    await userEvent.click(within(list).getByRole('tab', { name: 'All' }));
    await userEvent.selectOptions(within(list).getByLabelText('Sort by'), 'open');
    await userEvent.click(within(list).getByRole('button', { name: 'Ascending' }));
    expect(ids()[0]).toBe('r1');
    await userEvent.click(within(list).getByText('INV-0002'));
    const detail = await screen.findByTestId('receivable-detail');
    expect(within(detail).getByTestId('self-count').textContent).toBe('0/6');
    await userEvent.type(within(detail).getByTestId('self-payer'), 'Li Wei');
    await userEvent.click(within(detail).getByTestId('detail-disputed'));
    await waitFor(
      async () => {
        const r = await receivableById(db, 'r2');
        expect(r?.selfQuestions.payer).toBe('Li Wei');
        expect(r?.disputed).toBe(true);
      },
      { timeout: 3000 },
    );
    expect(within(detail).getByTestId('self-count').textContent).toBe('1/6');
    expect(within(detail).getByTestId('detail-limitation').textContent).toMatch(/1 Nov 2029/);
  });

  it('deletes a receivable from its detail, and the undo puts it back with the figures', async () => {
    renderPanel();
    await ready();
    const outstanding = () => Number(screen.getByTestId('outstanding-CNY').getAttribute('data-minor'));
    const before = outstanding();
    const list = screen.getByTestId('receivables');
    await userEvent.click(within(list).getByText('INV-0002'));
    const detail = await screen.findByTestId('receivable-detail');
    await userEvent.click(within(detail).getByTestId('detail-delete'));
    await waitFor(async () => expect(await receivableById(db, 'r2')).toBeUndefined());
    await waitFor(() => expect(outstanding()).toBeLessThan(before));
    expect(screen.getByTestId('undo-toast').textContent).toMatch(/INV-0002/);
    await userEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect((await receivableById(db, 'r2'))?.docNumber).toBe('INV-0002'));
    await waitFor(() => expect(outstanding()).toBe(before));
  });

  it('judges the delinquency type, shows its strategy and moves the next step', async () => {
    renderPanel();
    await ready();
    const before = screen.getByTestId('next-step').getAttribute('data-techniques');
    await userEvent.selectOptions(screen.getByTestId('delinquency-type'), '5');
    expect(screen.getByTestId('delinquency-strategy').textContent).toMatch(/Instalments/);
    await waitFor(async () => expect((await db.customers.get('c1'))?.delinquencyType).toBe(5), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('next-step').getAttribute('data-techniques')).not.toBe(before));
    expect(screen.getByTestId('next-step').getAttribute('data-techniques')!.split(',')).toContain('3');
  });

  it('finds a customer with / and shows it, and says how it was chosen', async () => {
    renderPanel();
    await ready();
    fireEvent.keyDown(window, { key: '/' });
    const input = await screen.findByTestId('customer-search-input');
    await waitFor(() => expect(document.activeElement).toBe(input));
    await userEvent.type(input, '云帆');
    await waitFor(() =>
      expect(within(screen.getByTestId('customer-search')).getAllByRole('option').length).toBeGreaterThan(0),
    );
    await userEvent.keyboard('{Enter}');
    await ready('c2');
    expect(screen.getByTestId('customer-name').textContent).toBe('杭州云帆科技有限公司');
    expect(screen.getByTestId('recognised-by').textContent).toBe('Chosen by search');
    expect(screen.getByTestId('next-step').textContent).toMatch(/dispute/i);
  });

  it('copies the script with c', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanel();
    await ready();
    fireEvent.keyDown(window, { key: 'c' });
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    expect(String((writeText.mock.calls[0] as unknown[])[0])).toContain('INV-0001');
  });

  it('shows the Chinese labels when the browser is Chinese', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'zh-CN';
    renderPanel();
    await ready();
    expect(screen.getByTestId('status').textContent).toMatch(/逾期/);
    expect(screen.getByText('客户付款流程九问')).toBeTruthy();
    expect(screen.getByTestId('oldest').textContent).toMatch(/逾期 144 天/);
  });
});

describe('deleting the shown customer', () => {
  it('takes its records to the trash and the undo brings all of them back', async () => {
    renderPanel();
    await ready();
    const counts = async () =>
      Promise.all([
        db.customers.count(),
        documentCounts(db).then((c) => c.receivables),
        db.activities.count(),
        db.contacts.count(),
        db.promises.count(),
      ]);
    const before = await counts();
    // Overdue with no judged delinquency type: the card is open to ask for that judgement.
    expect((screen.getByTestId('account-facts') as HTMLDetailsElement).open).toBe(true);
    await userEvent.click(screen.getByTestId('delete-customer'));
    expect(await screen.findByText(/no longer in Huikuan/)).toBeTruthy();
    expect(await counts()).toEqual([2, 1, 0, 0, 0]);
    await userEvent.click(screen.getByTestId('undo'));
    await ready();
    expect(await counts()).toEqual(before);
    expect(Number((await screen.findByTestId('outstanding-CNY')).getAttribute('data-minor'))).toBe(45_000_00);
  });
});

describe('tone', () => {
  it('names the key contact’s personality type and the tone the script takes', async () => {
    await db.contacts.update('k1', { personality: 'challenger' });
    await db.profiles.put({ customerId: 'c1', signerContactId: 'k1', keyPeople: [], updatedAt: 1 });
    renderPanel();
    await ready();
    expect(screen.getByTestId('tone').textContent).toMatch(/^Tone for Li Wei \(.+\):/);
  });
});

describe('switching customers in place', () => {
  it('follows ?customer= when the page navigates through history', async () => {
    renderPanel('c1');
    await ready('c1');
    act(() => {
      history.pushState(null, '', '/sidepanel.html?customer=c3');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await ready('c3');
    expect(screen.getByTestId('customer-name').textContent).toBe('Beta Logistics Ltd');
    expect(screen.queryByText('Acme Trading Co.')).toBeNull();
  });
});
