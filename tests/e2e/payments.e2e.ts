/**
 * Payments and undo in the real browser: a partial payment recorded in the side panel lowers the popup's total by
 * its amount and keeps the promise it covers; Ctrl+Z on the toast (which has the focus) takes it back out, and the
 * total and the promise are as before. A deletion moves the focus to the undo toast, and Ctrl+Z brings the row back.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, type Launched } from './harness';

let l: Launched;
before(async () => {
  l = await launchExtension();
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

async function panelFor(customer: string): Promise<Page> {
  const panel = await l.openPage(`sidepanel.html?customer=${customer}`);
  await panel
    .locator(
      `main[data-customer-id="${customer}"][data-ready="true"] [data-testid=below-the-fold][data-complete="true"]`,
    )
    .waitFor({ timeout: 15_000 });
  return panel;
}

async function popupTotal(cur: string): Promise<number> {
  const popup = await l.openPage('popup.html');
  await popup.getByTestId('worklist').waitFor({ timeout: 15_000 });
  const minor = Number(await popup.getByTestId(`portfolio-total-${cur}`).getAttribute('data-minor'));
  await popup.close();
  return minor;
}

test('a partial payment recorded in the panel lowers the popup total and keeps the promise it covers; Ctrl+Z takes it back', async () => {
  // 杭州云帆 (c01) has a pending promise of ¥50,000 due in four days in the demo portfolio.
  const panel = await panelFor('c01');
  const pending = panel.locator('[data-testid=promises] [data-promise-id][data-status="pending"]').first();
  await pending.waitFor({ timeout: 10_000 });
  const promiseId = (await pending.getAttribute('data-promise-id'))!;
  assert.match((await pending.textContent()) ?? '', /50,000/);
  const outstanding = Number(await panel.getByTestId('outstanding-CNY').getAttribute('data-minor'));
  assert.ok(outstanding > 5_000_000, 'more is open than the payment: it is a partial payment');
  const before = await popupTotal('CNY');

  await panel.getByTestId('payment-add').click();
  await panel.getByTestId('payment-amount').fill('50000');
  await panel.getByTestId('payment-reference').fill('BOC 2026112201');
  assert.match((await panel.getByTestId('payment-preview').textContent()) ?? '', /Leaves/);
  await panel.getByTestId('payment-save').click();
  await panel.locator(`[data-promise-id="${promiseId}"][data-status="kept"]`).waitFor({ timeout: 10_000 });
  await panel.waitForFunction(
    (b) =>
      Number(document.querySelector('[data-testid="outstanding-CNY"]')?.getAttribute('data-minor')) === b - 5_000_000,
    outstanding,
    { timeout: 10_000 },
  );
  assert.equal(await popupTotal('CNY'), before - 5_000_000);

  // The toast took the focus; Ctrl+Z takes the payment back out.
  await panel.bringToFront();
  const toast = panel.getByTestId('undo-toast');
  await toast.waitFor();
  assert.equal(await toast.getAttribute('data-kind'), 'recorded');
  assert.equal(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'undo');
  await panel.keyboard.press('Control+z');
  await panel.locator(`[data-promise-id="${promiseId}"][data-status="pending"]`).waitFor({ timeout: 10_000 });
  await panel.waitForFunction(
    (b) => Number(document.querySelector('[data-testid="outstanding-CNY"]')?.getAttribute('data-minor')) === b,
    outstanding,
    { timeout: 10_000 },
  );
  assert.equal(await popupTotal('CNY'), before);
  await panel.close();
});

test('after a deletion the focus is on the undo toast, Ctrl+Z brings the row back, and the focus returns to the panel', async () => {
  const panel = await panelFor('c03');
  const rows = panel.locator('[data-testid=activity] li button', { hasText: /Delete/ });
  await rows.first().waitFor({ timeout: 10_000 });
  const count = await rows.count();
  await rows.first().click();
  await panel.getByTestId('undo-toast').waitFor();
  await panel.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'undo', undefined, {
    timeout: 5_000,
  });
  const deleteButtons = (n: number) =>
    panel.waitForFunction(
      (want) =>
        [...document.querySelectorAll('[data-testid=activity] li button')].filter((b) =>
          /Delete/.test(b.textContent ?? ''),
        ).length === want,
      n,
      { timeout: 10_000 },
    );
  await deleteButtons(count - 1);
  await panel.keyboard.press('Control+z');
  await panel.getByTestId('undo-toast').waitFor({ state: 'detached', timeout: 5_000 });
  await deleteButtons(count);
  await panel.waitForFunction(() => !!document.activeElement && document.activeElement !== document.body, undefined, {
    timeout: 5_000,
  });
  await panel.close();
});
