/**
 * "Try the demo" (issue #20) in the real extension: a user with their own imported ledger opens the demo, which
 * lives in a database of its own; in the demo they load, wipe and import; the options page, the popup and the
 * side panel say it is the demo; "Back to my data" returns to the user's store, which is byte for byte (every
 * record of every table) what it was before, and the demo's database is gone.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type Launched } from './harness';
import { waitFor } from './wait';

const ledger = join(import.meta.dirname, '../fixtures/ledgers/reports/qiqi-ar-detail.csv');
let l: Launched;
before(async () => {
  l = await launchExtension();
});
after(async () => {
  await l?.close();
});

/** Every record of every table of one database, as JSON (tables sorted). */
function dump(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (dbName) =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames].sort();
          if (!names.length) {
            db.close();
            resolve('{}');
            return;
          }
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const all = tx.objectStore(n).getAll();
            all.onsuccess = () => {
              out[n] = all.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
    name,
  );
}

const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());
const count = async (page: Page, name: string, table: string) =>
  (JSON.parse(await dump(page, name)) as Record<string, unknown[]>)[table]?.length ?? 0;

test("the demo opens in its own store, is marked on every page, and leaves the user's store as it was", async () => {
  // The user's own data: a real ledger imported.
  const page = await l.openPage('options.html#import');
  await page.getByTestId('import-file').setInputFiles(ledger);
  await page.getByTestId('import-apply').click({ timeout: 20_000 });
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
  const mine = await dump(page, 'huikuan');
  const myCustomers = await count(page, 'huikuan', 'customers');
  assert.ok(myCustomers > 0 && myCustomers !== 30, `imported ${myCustomers} customers`);
  assert.equal(await page.getByTestId('demo-banner').count(), 0);

  // Try the demo.
  await page.goto(page.url().replace(/#.*$/, '#data'));
  await page.getByTestId('try-demo').click();
  await page.getByTestId('demo-banner').waitFor({ timeout: 30_000 });
  await page.getByTestId('in-demo').waitFor();
  assert.ok((await databases(page)).includes('huikuan-demo'));
  assert.equal(await count(page, 'huikuan-demo', 'customers'), 30);
  assert.ok((await dump(page, 'huikuan')) === mine, "opening the demo changed the user's store");

  // The popup and the side panel say it is the demo and show the demo's figures.
  const popup = await l.openPage('popup.html');
  await popup.getByTestId('demo-banner').waitFor({ timeout: 15_000 });
  await popup.getByTestId('popup-live').waitFor({ timeout: 15_000 });
  const panel = await l.openPage('sidepanel.html');
  await panel.getByTestId('demo-banner').waitFor({ timeout: 15_000 });
  await panel.close();

  // Destructive things, in the demo: wipe it, load it again, import the user's ledger into it.
  await page.getByTestId('wipe-confirm').fill('WIPE');
  await page.getByTestId('wipe').click();
  await page.getByTestId('data-message').waitFor({ timeout: 30_000 });
  assert.equal(await count(page, 'huikuan-demo', 'customers'), 0);
  await page.getByTestId('load-demo').click();
  await waitFor(() => count(page, 'huikuan-demo', 'customers'), {
    what: 'the demo to load again (30 customers)',
    timeout: 60_000,
    interval: 200,
    until: (n) => n === 30,
  });
  await page.goto(page.url().replace(/#.*$/, '#import'));
  await page.getByTestId('demo-banner').waitFor({ timeout: 15_000 });
  await page.getByTestId('import-file').setInputFiles(ledger);
  await page.getByTestId('import-apply').click({ timeout: 20_000 });
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
  assert.equal(await count(page, 'huikuan-demo', 'customers'), 30 + myCustomers);
  assert.ok((await dump(page, 'huikuan')) === mine, "working in the demo changed the user's store");

  // Back to my data: from the popup, so the options page (open) follows by itself.
  await popup.getByTestId('demo-leave').click();
  await popup.waitForLoadState('load');
  await popup.getByTestId('popup-live').waitFor({ timeout: 15_000 });
  assert.equal(await popup.getByTestId('demo-banner').count(), 0);
  await waitFor(() => page.getByTestId('demo-banner').count(), {
    what: 'the open options page to leave the demo (no demo banner)',
    interval: 200,
    until: (n) => n === 0,
  });
  assert.ok(!(await databases(page)).includes('huikuan-demo'), "the demo's database was kept");
  // Back on the user's store, the popup reopened on it and cached its worklist and the day's cadence drafts (meta
  // 'worklist' and 'cadence', derived from the user's own records, written by any popup opening): those rows aside
  // (in both dumps), the store is what it was.
  const derived = (dumped: string) => {
    const d = JSON.parse(dumped) as Record<string, Array<{ key?: string }>>;
    d.meta = d.meta.filter((r) => r.key !== 'worklist' && r.key !== 'cadence');
    return JSON.stringify(d);
  };
  assert.ok(derived(await dump(page, 'huikuan')) === derived(mine), "the user's store is not what it was");
  await page.goto(page.url().replace(/#.*$/, '#data'));
  await page.getByTestId('try-demo').waitFor({ timeout: 15_000 });
  await popup.close();
  await page.close();
});
