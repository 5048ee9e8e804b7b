// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { OptionsApp } from '@/components/options/OptionsApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { getSettings, replaceAll, saveSettings } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { documentCounts } from '../support/ledgers';
import { PINNED, PINNED_DAY, pinnedClock } from '../support/clock';

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

const renderOptions = (initial?: 'import' | 'export' | 'settings' | 'sites' | 'data') =>
  render(
    <AppShell clock={pinnedClock}>
      <OptionsApp initial={initial} />
    </AppShell>,
  );

// A QuickBooks-style open invoices report: recognised without a mapping screen.
const ledger = [
  'Customer,Invoice No,Invoice Date,Due Date,Amount,Paid,Currency',
  'Acme Trading Co.,A-100,2026-08-01,2026-09-01,2500.00,1000.00,USD',
  'Acme Trading Co.,A-101,2026-10-01,2026-12-01,1200.00,,USD',
  '杭州云帆科技有限公司,F-1,2026-09-01,2026-10-01,"10,000.00",0,CNY',
  'Broken Row Ltd,B-1,2026-13-45,2026-10-01,100.00,,CNY',
].join('\n');

describe('options page', () => {
  it('imports a small CSV: errors listed first, then a summary; undo puts the store back', async () => {
    renderOptions('import');
    const user = userEvent.setup();
    const file = new File([ledger], 'open-invoices.csv', { type: 'text/csv' });
    await user.upload(await screen.findByTestId('import-file'), file);
    const parsed = await screen.findByTestId('import-parsed', {}, { timeout: 5000 });
    expect(within(parsed).getByTestId('import-ready').getAttribute('data-count')).toBe('3');
    const errors = within(parsed).getByTestId('import-errors');
    expect(errors.querySelector('[data-error-row="5"]')).toBeTruthy();
    expect((await documentCounts(db)).receivables).toBe(0);
    await user.click(within(parsed).getByTestId('import-apply'));
    const summary = await screen.findByTestId('import-summary', {}, { timeout: 5000 });
    const count = (k: string) => summary.querySelector(`[data-count="${k}"]`)!.textContent;
    expect(count('created')).toBe('3');
    expect(count('updated')).toBe('0');
    expect(count('newCustomers')).toBe('2');
    expect((await documentCounts(db)).receivables).toBe(3);
    expect((await documentCounts(db)).payments).toBe(1);
    // The undo is offered once the store confirms the import is there and is the last one.
    await user.click(await within(summary).findByTestId('import-undo'));
    await within(summary).findByText('The import was undone.');
    expect((await documentCounts(db)).receivables).toBe(0);
    expect(await db.customers.count()).toBe(0);
  });

  it('shows the mapping screen for an unknown layout', async () => {
    renderOptions('import');
    const user = userEvent.setup();
    const odd = ['Kunde;Beleg;Faellig;Betrag', 'Müller GmbH;R-1;2026-10-01;100,00'].join('\n');
    await user.upload(await screen.findByTestId('import-file'), new File([odd], 'odd.csv', { type: 'text/csv' }));
    const mapping = await screen.findByTestId('import-mapping', {}, { timeout: 5000 });
    expect(within(mapping).getByText('Müller GmbH')).toBeTruthy();
    const pick = (f: string, col: string) =>
      user.selectOptions(mapping.querySelector(`select[data-field="${f}"]`)!, col);
    await pick('customerName', 'Kunde');
    await pick('invoiceNumber', 'Beleg');
    await pick('dueDate', 'Faellig');
    await pick('amount', 'Betrag');
    await user.click(within(mapping).getByRole('button', { name: 'Read the file with these columns' }));
    const parsed = await screen.findByTestId('import-parsed', {}, { timeout: 5000 });
    expect(within(parsed).getByTestId('import-ready').getAttribute('data-count')).toBe('1');
  });

  it('wipe requires the typed confirmation word', async () => {
    await replaceAll(db, buildDemoPortfolio(PINNED_DAY, PINNED.getTime()), PINNED);
    renderOptions('data');
    const user = userEvent.setup();
    const button = await screen.findByTestId('wipe');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByTestId('wipe-confirm'), 'wipe it');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.click(button);
    expect(await db.customers.count()).toBe(30);
    await user.clear(screen.getByTestId('wipe-confirm'));
    await user.type(screen.getByTestId('wipe-confirm'), 'WIPE');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    await user.click(button);
    await screen.findByText(/All data was deleted\./);
    expect(await db.customers.count()).toBe(0);
    expect(await db.summaries.count()).toBe(0);
  });

  it('loads the demo portfolio from the data section', async () => {
    renderOptions('data');
    const user = userEvent.setup();
    const button = await screen.findByTestId('load-demo');
    // Enabled once the store's counts are read (an empty store: no question asked).
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    await user.click(button);
    await screen.findByText(/The demo portfolio is loaded\./, {}, { timeout: 5000 });
    expect(await db.customers.count()).toBe(30);
  });

  it('saves settings as you type and shows field errors inline', async () => {
    renderOptions('settings');
    const user = userEvent.setup();
    const buckets = await screen.findByTestId('setting-buckets');
    await user.clear(buckets);
    await user.type(buckets, '30, 60, x');
    expect(await screen.findByText(/one to eight positive whole numbers/)).toBeTruthy();
    await user.clear(buckets);
    await user.type(buckets, '30, 90, 180, 365');
    await waitFor(async () => expect((await getSettings(db)).agingBuckets).toEqual([30, 90, 180, 365]), {
      timeout: 3000,
    });
    await screen.findByText('Saved');
    const target = screen.getByTestId('setting-target');
    await user.type(target, '500,000.50');
    await waitFor(
      async () => expect((await getSettings(db)).monthlyTarget).toEqual({ minor: 50_000_050, currency: 'CNY' }),
      { timeout: 3000 },
    );
    await user.click(screen.getByRole('button', { name: 'UK, England & Wales (6 years)' }));
    await waitFor(async () => expect((await getSettings(db)).limitationYears).toBe(6), { timeout: 3000 });
  });

  it('sets how fast the ladder climbs, and refuses a speed out of range', async () => {
    renderOptions('settings');
    const user = userEvent.setup();
    const attempts = await screen.findByTestId('setting-climb-attempts');
    expect(screen.getByText(/A refusal or a broken promise climbs at once/)).toBeTruthy();
    await user.clear(attempts);
    await user.type(attempts, '3');
    await waitFor(async () => expect((await getSettings(db)).ladderClimb).toEqual({ failedAttempts: 3, days: 14 }), {
      timeout: 3000,
    });
    const days = screen.getByTestId('setting-climb-days');
    await user.clear(days);
    await user.type(days, '0');
    await new Promise((r) => setTimeout(r, 600));
    expect((await getSettings(db)).ladderClimb.days).toBe(14);
    await user.clear(days);
    await user.type(days, '7');
    await waitFor(async () => expect((await getSettings(db)).ladderClimb).toEqual({ failedAttempts: 3, days: 7 }), {
      timeout: 3000,
    });
  });

  it('adds a user site: permission, settings, storage mirror and content script; removing undoes them', async () => {
    const request = vi.fn(async () => true);
    const remove = vi.fn(async () => true);
    const register = vi.fn(async () => undefined);
    const unregister = vi.fn(async () => undefined);
    Object.assign(fakeBrowser.permissions, { request, remove });
    Object.assign(fakeBrowser.scripting, { registerContentScripts: register, unregisterContentScripts: unregister });
    renderOptions('sites');
    const user = userEvent.setup();
    await user.type(await screen.findByTestId('site-label'), 'Our Odoo');
    await user.type(screen.getByTestId('site-hostPattern'), 'https://erp.example.com/*');
    await user.click(screen.getByTestId('site-add'));
    await screen.findByText('Our Odoo added.');
    expect(request).toHaveBeenCalledWith({ origins: ['https://erp.example.com/*'] });
    const s = await getSettings(db);
    expect(s.userSites).toHaveLength(1);
    const id = s.userSites[0].id;
    expect((await fakeBrowser.storage.local.get('userSites')).userSites).toEqual(s.userSites);
    expect(register).toHaveBeenCalledWith([
      {
        id: `user-${id}`,
        matches: ['https://erp.example.com/*'],
        js: ['content-scripts/crm.js'],
        runAt: 'document_idle',
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Remove Our Odoo' }));
    await screen.findByText('Our Odoo removed.');
    expect(unregister).toHaveBeenCalledWith({ ids: [`user-${id}`] });
    expect(remove).toHaveBeenCalledWith({ origins: ['https://erp.example.com/*'] });
    expect((await getSettings(db)).userSites).toEqual([]);
    expect((await fakeBrowser.storage.local.get('userSites')).userSites).toEqual([]);
  });

  it('turns a built-in site off', async () => {
    await saveSettings(db, {});
    renderOptions('sites');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Read HubSpot pages' }));
    await waitFor(async () => expect((await getSettings(db)).disabledSites).toEqual(['hubspot']));
  });

  it('rejects a bad backup file with the paths of the problems', async () => {
    renderOptions('export');
    const user = userEvent.setup();
    const bad = JSON.stringify({
      format: 'huikuan-backup',
      version: 1,
      meta: { createdAt: 1 },
      tables: { customers: [{ id: 'x' }] },
    });
    await user.upload(
      await screen.findByTestId('restore-file'),
      new File([bad], 'bad.json', { type: 'application/json' }),
    );
    const box = await screen.findByTestId('restore-errors');
    expect(box.textContent).toContain('Customers, record 1, field name: Wrong kind of value (expected string).');
  });
});
