// @vitest-environment happy-dom
/**
 * The mapping screen on a report-shaped file of an unknown layout (issue #19): title lines above the header, the
 * customer on a group line above its rows, subtotal and total lines. The collector picks the header row, says the
 * customer is on the group line, maps the columns, and sees — before anything is stored — the rows as they will be
 * imported, the customer count and due-date range, the open total against the file's total, and the lines skipped
 * as totals; then imports.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { OptionsApp } from '@/components/options/OptionsApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { documentCounts } from '../support/ledgers';
import { pinnedClock } from '../support/clock';

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

// German column names no preset knows; the customer named once above its documents; totals in QuickBooks' words.
const report = [
  'Offene Posten Debitoren',
  'As of June 30, 2024',
  '',
  'Beleg;Belegdatum;Faellig;Betrag;Offen',
  'Müller GmbH;;;;',
  'R-1;2024-05-01;2024-06-01;100,00;100,00',
  'R-2;2024-05-10;2024-06-10;50,00;20,00',
  'Total for Müller GmbH;;;150,00;120,00',
  'Schmidt KG;;;;',
  'R-3;2024-06-01;2024-07-01;80,00;80,00',
  'Total for Schmidt KG;;;80,00;80,00',
  'TOTAL;;;230,00;200,00',
].join('\n');

describe('mapping screen on a report-shaped file', () => {
  it('header row, customer on the group line, rows as imported, totals, customers, due dates, skipped lines', async () => {
    render(
      <AppShell clock={pinnedClock}>
        <OptionsApp initial="import" />
      </AppShell>,
    );
    const user = userEvent.setup();
    await user.upload(
      await screen.findByTestId('import-file'),
      new File([report], 'offene-posten.csv', { type: 'text/csv' }),
    );
    const mapping = await screen.findByTestId('import-mapping', {}, { timeout: 5000 });

    await user.selectOptions(within(mapping).getByTestId('import-header-row'), '4');
    await waitFor(() => expect(within(mapping).getAllByRole('option', { name: 'Beleg' }).length).toBeGreaterThan(0));
    await user.click(within(mapping).getByTestId('import-customer-from-group'));
    const pick = (f: string, col: string) =>
      user.selectOptions(mapping.querySelector(`select[data-field="${f}"]`)!, col);
    await pick('invoiceNumber', 'Beleg');
    await pick('issueDate', 'Belegdatum');
    await pick('dueDate', 'Faellig');
    await pick('amount', 'Betrag');
    await pick('open', 'Offen');

    // The rows as they will be imported: the customer carried down from its group line.
    const trial = await within(mapping).findByTestId('import-trial-rows', {}, { timeout: 5000 });
    await waitFor(() => expect(within(trial).getAllByRole('row')).toHaveLength(4)); // head + 3 documents
    const cells = within(trial)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells.map((c) => [c[1], c[2], c[3]])).toEqual([
      ['Müller GmbH', 'R-1', '2024-06-01'],
      ['Müller GmbH', 'R-2', '2024-06-10'],
      ['Schmidt KG', 'R-3', '2024-07-01'],
    ]);
    const facts = within(within(mapping).getByTestId('import-trial')).getByTestId('import-report');
    expect(within(facts).getByTestId('import-customers').getAttribute('data-count')).toBe('2');
    expect(within(facts).getByTestId('import-customers').textContent).toMatch(/2024-06-01.*2024-07-01/);
    expect(within(facts).getByTestId('import-customers').textContent).toContain('2024-06-30');
    const rec = within(facts).getByTestId('import-reconciliation');
    expect([rec.dataset.currency, rec.dataset.imported, rec.dataset.fileTotal, rec.dataset.difference]).toEqual([
      'CNY',
      '20000',
      '20000',
      '0',
    ]);
    expect(within(facts).getByTestId('import-skipped').textContent).toMatch(
      /2 subtotals?.*1 (grand )?total|1 (grand )?total.*2 subtotals?/i,
    );
    expect([...facts.querySelectorAll('[data-skipped-kind]')].map((x) => x.getAttribute('data-skipped-kind'))).toEqual([
      'group',
      'subtotal',
      'group',
      'subtotal',
      'total',
    ]);
    expect(await documentCounts(db)).toEqual({ receivables: 0, payments: 0 }); // nothing stored by the screen

    await user.click(within(mapping).getByTestId('import-apply-mapping'));
    const parsed = await screen.findByTestId('import-parsed', {}, { timeout: 5000 });
    expect(within(parsed).getByTestId('import-ready').getAttribute('data-count')).toBe('3');
    await user.click(within(parsed).getByTestId('import-apply'));
    const summary = await screen.findByTestId('import-summary', {}, { timeout: 5000 });
    // After the import: what was written against the file's TOTAL.
    const after = within(summary).getByTestId('import-after-total');
    expect([after.dataset.currency, after.dataset.imported, after.dataset.fileTotal, after.dataset.difference]).toEqual(
      ['CNY', '20000', '20000', '0'],
    );
    expect(await documentCounts(db)).toEqual({ receivables: 3, payments: 1 }); // R-2's paid 30,00 is a payment
    expect((await db.customers.toArray()).map((c) => c.name).sort()).toEqual(['Müller GmbH', 'Schmidt KG']);
  });
});
