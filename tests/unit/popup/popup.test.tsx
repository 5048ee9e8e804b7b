// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { PINNED } from '../support/clock';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { PopupApp } from '@/components/popup/PopupApp';
import { readCadenceCache } from '@/components/popup/cadence';
import { WORKLIST_CACHE_KEY, readWorklistCache, type WorklistCache } from '@/components/popup/data';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { getDataVersion, replaceAll, saveSettings } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { agingReport, allocate } from '@/lib/ledger';
import { formatMoney } from '@/lib/format';

const fixed = PINNED;
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

const renderPopup = () =>
  render(
    <AppShell clock={() => fixed}>
      <PopupApp />
    </AppShell>,
  );

describe('popup', () => {
  it('shows the onboarding state on an empty store, and loads the demo from it', async () => {
    renderPopup();
    const box = await screen.findByTestId('onboarding');
    expect(within(box).getByRole('button', { name: 'Import a ledger' })).toBeTruthy();
    const openOptions = vi.fn(async () => undefined);
    fakeBrowser.runtime.openOptionsPage = openOptions;
    await userEvent.click(within(box).getByRole('button', { name: 'Import a ledger' }));
    expect(openOptions).toHaveBeenCalled();
    await userEvent.click(within(box).getByTestId('load-demo'));
    await screen.findByTestId('portfolio-total-CNY', {}, { timeout: 5000 });
    expect(await db.customers.count()).toBe(30);
  });

  it('shows per-currency totals equal to the ledger aging report over the same data', async () => {
    const data = buildDemoPortfolio(today, fixed.getTime());
    await replaceAll(db, data, fixed);
    renderPopup();
    const items = data.customers
      .flatMap((c) =>
        allocate(
          data.receivables.filter((r) => r.customerId === c.id),
          data.payments.filter((p) => p.customerId === c.id),
        ),
      )
      .filter((r) => r.kind === 'invoice' && r.openMinor > 0)
      .map((r) => ({
        dueDate: r.dueDate,
        issueDate: r.issueDate,
        open: { minor: r.openMinor, currency: r.amount.currency },
      }));
    const expected = agingReport(items, today, [30, 60, 90]);
    expect(Object.keys(expected.byCurrency).sort()).toEqual(['CNY', 'USD']);
    for (const [cur, row] of Object.entries(expected.byCurrency)) {
      const el = await screen.findByTestId(`portfolio-total-${cur}`);
      expect(Number(el.getAttribute('data-minor'))).toBe(row.total);
      expect(el.textContent).toBe(formatMoney(row.total, cur, 'en'));
      expect(Number(screen.getByTestId(`portfolio-overdue-${cur}`).getAttribute('data-minor'))).toBe(row.overdue);
      const block = el.closest('[data-currency]') as HTMLElement;
      row.amounts.forEach((minor, i) => {
        const li = block.querySelector(`[data-bucket="${expected.buckets[i].key}"]`)!;
        expect(Number(li.getAttribute('data-minor'))).toBe(minor);
      });
    }
    // Metrics carry their formula as an accessible description.
    const dso = document.querySelector('[data-metric="dso"]') as HTMLElement;
    expect(dso.getAttribute('title')).toMatch(/DSO \(simple\) = ending AR/);
    expect(document.getElementById(dso.getAttribute('aria-describedby')!)?.textContent).toMatch(/ending AR/);
  });

  it('ranks the worklist, caches it, renders reasons, and opens the record', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    renderPopup();
    const list = await screen.findByTestId('worklist');
    await waitFor(() => expect(within(list).getAllByTestId('worklist-row').length).toBeGreaterThan(5), {
      timeout: 5000,
    });
    const rows = within(list).getAllByTestId('worklist-row');
    const scores = rows.map((r) => Number(r.getAttribute('data-score')));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(rows[0].textContent).toMatch(/overdue|broken|promise|limitation/);
    const cache = (await readWorklistCache(db))!;
    expect(cache.dataVersion).toBe(await getDataVersion(db));
    expect(cache.asOf).toBe(today);
    expect(cache.rows[0].customerId).toBe(rows[0].getAttribute('data-customer-id'));
    // Each row says the step to take, from the same playbook function as the panel's next-step card.
    expect(cache.rows[0].step?.name.en).toBeTruthy();
    expect(within(rows[0]).getByTestId('worklist-step').textContent).toContain(cache.rows[0].step!.name.en);
    // Demo customers link to the demo CRM without a URL, and this browser has no side panel API: the row opens the
    // side panel page for the customer in a tab — once: a second click finds that tab instead of opening another.
    const id = rows[0].getAttribute('data-customer-id')!;
    const name = cache.rows[0].name;
    const open = within(rows[0]).getByRole('button', { name: new RegExp(`^1\\. ${name}`) });
    await userEvent.click(open);
    const panelTabs = async () =>
      (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith(`/sidepanel.html?customer=${id}`));
    await waitFor(async () => expect((await panelTabs()).length).toBe(1));
    await userEvent.click(open);
    await new Promise((r) => setTimeout(r, 50));
    expect((await panelTabs()).length).toBe(1);
  });

  it('paints the cached worklist first and swaps in a fresh one when the data changed', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    const stale: WorklistCache = {
      dataVersion: -1,
      asOf: today,
      settingsKey: 'old',
      rows: [
        {
          customerId: 'c05',
          name: 'Cached Customer',
          score: 999,
          reasons: [{ key: 'stepToday', params: { date: today } }],
          parts: { amountPoints: 0, ageFactor: 1, behaviourFactor: 1, holdFactor: 1, boosts: 3 },
          overdue: { minor: 0, currency: 'CNY' },
          overdueByCurrency: {},
          open: {},
          oldestDaysPastDue: 0,
          type: 'enterprise',
        },
      ],
    };
    await db.meta.put({ key: WORKLIST_CACHE_KEY, value: stale });
    renderPopup();
    expect(await screen.findByText(/Cached Customer/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Cached Customer/)).toBeNull(), { timeout: 5000 });
    expect((await readWorklistCache(db))!.dataVersion).toBe(await getDataVersion(db));
  });

  it('filters the worklist by owner and shows "today"', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    await saveSettings(db, { monthlyTarget: { minor: 100_000_000, currency: 'CNY' } });
    renderPopup();
    const list = await screen.findByTestId('worklist');
    await waitFor(() => expect(within(list).getAllByTestId('worklist-row').length).toBeGreaterThan(3), {
      timeout: 5000,
    });
    const emily = new Set((await db.customers.where('owner').equals('Emily Zhang').toArray()).map((c) => c.id));
    await act(async () => {
      await userEvent.selectOptions(screen.getByTestId('filter-owner'), 'Emily Zhang');
    });
    await waitFor(() => {
      const ids = within(list)
        .getAllByTestId('worklist-row')
        .map((r) => r.getAttribute('data-customer-id')!);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => emily.has(id))).toBe(true);
    });
    const todayBox = screen.getByTestId('today');
    expect(todayBox.textContent).toMatch(/Promises/);
    expect(screen.getByTestId('scoreboard').textContent).toMatch(/of CN¥1,000,000.00|of ¥1,000,000.00/);
  });

  it('opens without reading receivables, and without re-ranking when the cached worklist is fresh', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    renderPopup();
    await waitFor(async () => expect((await readWorklistCache(db))?.dataVersion).toBe(await getDataVersion(db)), {
      timeout: 5000,
    });
    // The refresh writes today's cadence drafts after the rows (components/popup/cadence.ts): fresh too before the check.
    await waitFor(async () => expect((await readCadenceCache(db))?.dataVersion).toBe(await getDataVersion(db)), {
      timeout: 10000,
    });
    cleanup();
    const recSpies = (
      ['where', 'toArray', 'toCollection', 'filter', 'each', 'orderBy', 'get', 'bulkGet', 'count'] as const
    ).map((m) => vi.spyOn(db.ledgers, m));
    const summaryScan = vi.spyOn(db.summaries, 'toArray');
    renderPopup();
    await screen.findByTestId('portfolio-total-CNY');
    await waitFor(() =>
      expect(within(screen.getByTestId('worklist')).getAllByTestId('worklist-row').length).toBeGreaterThan(0),
    );
    await new Promise((r) => setTimeout(r, 100));
    for (const s of recSpies) expect(s).not.toHaveBeenCalled();
    expect(summaryScan).not.toHaveBeenCalled();
  });

  it('makes the drafts again when a popup closed after the rows were cached but before the drafts were', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    renderPopup();
    await waitFor(async () => expect((await readCadenceCache(db))?.dataVersion).toBe(await getDataVersion(db)), {
      timeout: 10000,
    });
    cleanup();
    // As a popup closed between the two writes leaves it: fresh rows, no drafts.
    await db.meta.delete('cadence');
    expect((await readWorklistCache(db))?.dataVersion).toBe(await getDataVersion(db));
    renderPopup();
    await waitFor(async () => expect((await readCadenceCache(db))?.dataVersion).toBe(await getDataVersion(db)), {
      timeout: 10000,
    });
  });
});
