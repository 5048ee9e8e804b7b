/**
 * The import flow and the popup in the real browser: a CSV imported from the options page shows up in the popup's
 * totals, re-importing it changes nothing, and a worklist row opens that customer.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateInTarget, launchExtension, loadDemo, worklistSettled, type Launched } from './harness';
import { waitFor } from './wait';

let l: Launched;
before(async () => {
  l = await launchExtension();
});
after(async () => {
  await l?.close();
});

const csv = [
  '客户名称,单据编号,单据日期,到期日期,原币金额,币种',
  '宁波测试进出口有限公司,000123,2026/9/1,2026/10/1,"12,345.60",CNY',
  '宁波测试进出口有限公司,000124,2026/9/15,2026/10/15,"1,000.00",CNY',
  '温州样例电器有限公司,A-77,2026年10月1日,2026年10月31日,"¥20,000",CNY',
].join('\n');

async function importFile(file: string) {
  const page = await l.openPage('options.html#import');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-apply').click({ timeout: 15_000 });
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 30_000 });
  const count = async (k: string) => Number(await summary.locator(`[data-count="${k}"]`).textContent());
  const r = { created: await count('created'), updated: await count('updated'), unchanged: await count('unchanged') };
  await page.close();
  return r;
}

test('a CSV imported from the options page shows in the popup; importing it again creates nothing', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'hk-e2e-')), '应收账款.csv');
  writeFileSync(file, csv);
  const first = await importFile(file);
  assert.equal(first.created, 3);
  const popup = await l.openPage('popup.html');
  const total = popup.getByTestId('portfolio-total-CNY');
  await total.waitFor({ timeout: 10_000 });
  // The first paint may come from the popup's mirror of an earlier store; the popup repaints from the store.
  await waitFor(async () => Number(await total.getAttribute('data-minor')), {
    what: 'the popup CNY total to be the imported ledger (3,354,560 minor units)',
    until: (minor) => minor === 1_234_560 + 100_000 + 2_000_000,
  });
  await popup.close();
  const again = await importFile(file);
  assert.equal(again.created, 0);
  assert.equal(again.unchanged, 3);
});

test('a worklist row opens that customer in the side panel, without a tab', async () => {
  await loadDemo(l);
  const popup = await l.openPage('popup.html');
  const row = popup.locator('[data-testid="worklist-row"][data-opens="panel"]').first();
  await row.waitFor({ timeout: 10_000 });
  await worklistSettled(popup);
  const pages = l.context.pages().length;
  // A real click (the browser opens the panel only inside a user gesture), on that customer's row wherever a
  // refreshed worklist puts it.
  const id = (await row.getAttribute('data-customer-id'))!;
  await popup.locator(`[data-testid="worklist-row"][data-customer-id="${id}"]`).getByTestId('worklist-open').click();
  const shown = await evaluateInTarget<string>(
    l,
    popup,
    '/sidepanel.html',
    `document.querySelector('main[data-customer-id="${id}"]') ? 'yes' : ''`,
  );
  assert.equal(shown, 'yes');
  assert.equal(l.context.pages().length, pages, 'no tab was opened');
  await popup.close();
});
