/**
 * The worklist that runs the day, in the real browser: each row shows the playbook's step; a row logs an outcome
 * and is snoozed by keyboard, moving below the rows still to do; a click on a customer linked to a CRM record brings
 * the tab already showing that record to the front instead of opening another; a customer without a record opens in
 * the browser's side panel (never a tab per click); the popup never scrolls sideways, in English or Chinese.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  launchExtension,
  loadDemo,
  chipFrame,
  evaluateInTarget,
  setLanguage,
  tabIdFor,
  todayIso,
  worklistSettled,
  type Launched,
} from './harness';
import { waitFor } from './wait';
import { addDays } from '../../lib/ledger/dates';

let l: Launched;
type ChromeTabs = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
const SF = 'acme.lightning.force.com';
const yunfanRecord = '/lightning/r/Account/001Dn00000YunFnAAA/view';
const record = (name: string) => `<!doctype html><html><head><title>${name} | Account | Salesforce</title></head><body>
<records-highlights2><h1><lightning-formatted-text>${name}</lightning-formatted-text></h1></records-highlights2></body></html>`;

before(async () => {
  l = await launchExtension();
  l.servers.routes.set(`${SF}${yunfanRecord}`, record('杭州云帆科技有限公司'));
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

const rows = (popup: Page) => popup.getByTestId('worklist-row');

async function openPopup(): Promise<Page> {
  const popup = await l.openPage('popup.html');
  await rows(popup)
    .first()
    .getByTestId('worklist-step')
    .filter({ hasText: /^Next: .+ · / })
    .waitFor({ timeout: 20_000 });
  // A worklist cached before the last change is shown first and re-ranked after: read rows only once settled.
  await worklistSettled(popup);
  return popup;
}

function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('huikuan');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => {
            req.result.close();
            reject(all.error);
          };
        };
      }),
    store,
  );
}

test('a worklist row logs an outcome and is snoozed by keyboard, and each moves below the rows still to do', async () => {
  const popup = await openPopup();
  const today = todayIso();
  const first = (await rows(popup).nth(0).getAttribute('data-customer-id'))!;
  const second = (await rows(popup).nth(1).getAttribute('data-customer-id'))!;
  await rows(popup).nth(0).getByTestId('worklist-open').focus();
  await popup.keyboard.press('r');
  await popup.waitForFunction(
    (id) => document.querySelector('[data-testid="worklist-row"]')?.getAttribute('data-customer-id') !== id,
    first,
    { timeout: 15_000 },
  );
  assert.equal(
    await popup.locator(`[data-testid="worklist-row"][data-customer-id="${first}"]`).getAttribute('data-state'),
    'done',
  );
  const logged = (
    await readStore<{ customerId: string; date: string; outcome: string; nextDate?: string }>(popup, 'activities')
  ).filter((a) => a.customerId === first && a.date === today && a.outcome === 'reached');
  assert.deepEqual(
    logged.map((a) => a.nextDate),
    [addDays(today, 7)],
  );

  // Focus moved to the row now first; s opens the date, Enter snoozes it to tomorrow.
  assert.equal(
    await popup.evaluate(() =>
      document.activeElement?.closest('[data-testid="worklist-row"]')?.getAttribute('data-customer-id'),
    ),
    second,
  );
  await popup.keyboard.press('s');
  await popup.getByTestId('worklist-snooze-date').waitFor();
  await popup.keyboard.press('Enter');
  const snoozed = popup.locator(`[data-testid="worklist-row"][data-customer-id="${second}"][data-state="snoozed"]`);
  await snoozed.waitFor({ timeout: 10_000 });
  assert.equal(await rows(popup).last().getAttribute('data-customer-id'), second);
  assert.match((await snoozed.getByTestId('worklist-row-state').textContent()) ?? '', /Back on 23 Nov 2026/);
  await popup.close();
});

test('a popup click on a customer linked to a CRM record brings the tab showing it to the front, without a new tab', async () => {
  // Link 杭州云帆 (c01) to its Salesforce record from the panel: the link keeps the record's address.
  const url = `https://${SF}${yunfanRecord}`;
  const crm = await l.context.newPage();
  await crm.goto(url);
  await chipFrame(crm);
  const panel = await l.openPage(`sidepanel.html?tab=${await tabIdFor(l, url)}`);
  await panel.getByTestId('link-confirm').click();
  await panel
    .getByTestId('recognised-by')
    .filter({ hasText: /Linked to salesforce record 001Dn00000YunFnAAA/ })
    .waitFor({ timeout: 10_000 });
  await panel.close();

  const popup = await openPopup();
  // The link changed the data: once the popup has ranked again, the row opens the record.
  const row = popup.locator('[data-testid="worklist-row"][data-customer-id="c01"][data-opens="crm-record"]');
  await row.waitFor({ timeout: 15_000 });
  const pagesBefore = l.context.pages().length;
  const activeUrl = () =>
    l.worker.evaluate(async () => {
      const [tab] = await (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.query({
        active: true,
        lastFocusedWindow: true,
      });
      return tab?.url ?? '';
    });
  for (let i = 0; i < 3; i++) {
    await popup.bringToFront();
    await row.getByTestId('worklist-open').click();
    await waitFor(activeUrl, {
      what: `click ${i + 1}: the CRM tab ${url} to come to the front`,
      timeout: 10_000,
      until: (u) => u === url,
    });
  }
  assert.equal(l.context.pages().length, pagesBefore, 'three clicks opened no tab');
  await popup.close();
  await crm.close();
});

test('a popup click on a customer without a CRM record opens the side panel on that customer, not a tab', async () => {
  const popup = await openPopup();
  const row = popup.locator('[data-testid="worklist-row"][data-opens="panel"]').first();
  const id = (await row.getAttribute('data-customer-id'))!;
  const tabsBefore = await l.worker.evaluate(
    async () => (await (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.query({})).length,
  );
  await row.getByTestId('worklist-open').click();
  // The browser's side panel (not a tab: Playwright does not list it among the pages) shows that customer.
  const shown = await evaluateInTarget<string>(
    l,
    popup,
    '/sidepanel.html',
    `(() => { const m = document.querySelector('main[data-customer-id="${id}"]'); return m ? document.querySelector('[data-testid="recognised-by"]')?.textContent ?? '' : ''; })()`,
  );
  assert.match(shown, /Opened from the worklist/);
  assert.equal(
    await l.worker.evaluate(
      async () => (await (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.query({})).length,
    ),
    tabsBefore,
    'no tab was opened',
  );
  assert.ok(!l.context.pages().some((p) => p.url().includes('sidepanel.html')), 'no panel page in a tab');
  await popup.close();
});

for (const lang of ['en', 'zh'] as const) {
  test(`the popup does not scroll sideways (${lang})`, async () => {
    const popup = await l.openPage('popup.html');
    await popup.setViewportSize({ width: 420, height: 600 });
    if (lang === 'zh') {
      await setLanguage(l, 'zh');
      await popup.reload();
    }
    await rows(popup).first().getByTestId('worklist-step').waitFor({ timeout: 20_000 });
    await worklistSettled(popup);
    // Every row's actions visible at once (as on hover), the widest the rows get.
    await popup.addStyleTag({ content: '[data-testid="worklist-row"] [role="group"] { display: flex !important; }' });
    // The popup is 380 px wide (its <main>); nothing may reach past it, or the toolbar popup scrolls sideways.
    const { scroll, client, right, past } = await popup.evaluate(() => {
      const main = document.querySelector('main')!.getBoundingClientRect().right;
      const over = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > main + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).slice(0, 40)}`);
      return {
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        right: main,
        past: over.slice(0, 5),
      };
    });
    assert.deepEqual(past, [], `elements reach past the popup's ${right} px`);
    assert.ok(scroll <= client, `scrollWidth ${scroll} > clientWidth ${client}`);
    await popup.close();
  });
}
