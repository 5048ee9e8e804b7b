/**
 * Faults (issue #20): the worker stopped in the middle of an import, or of a restore, ends with the store fully
 * written (both run in the options page, which the worker's death does not reach). Storage running out during an
 * import leaves the store as it was and says the storage is full: the test build's fault hook
 * (lib/db/faultHooks.ts) fails the page's writes with a QuotaExceededError after a number of rows, as a full disk
 * does. (Lowering the quota with `Storage.overrideQuotaForOrigin` gave no storage-full error within 5 minutes in
 * earlier runs; the extension holds `unlimitedStorage`, the likely reason.)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, todayIso, workerSettled, type Launched } from './harness';
import { waitFor } from './wait';
import { generatePortfolio } from '../../bench/generate';
import { makeBackup } from '../../lib/transfer/backup';
import { BROWSER_START_MS } from './clock';
import { FAULT_PLAN_KEY } from '../../lib/db/faultHooks';

let l: Launched;
let dir: string;
before(async () => {
  l = await launchExtension();
  dir = mkdtempSync(join(tmpdir(), 'hk-faults-'));
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

/** Customers, documents and safety copies, read with plain IndexedDB. */
function counts(
  page: Page,
): Promise<{ customers: number; receivables: number; safetyCopies: number; imports: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('huikuan');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['customers', 'ledgers', 'safetyCopies', 'imports'], 'readonly');
          const out = { customers: 0, receivables: 0, safetyCopies: 0, imports: 0 };
          for (const n of ['customers', 'safetyCopies', 'imports'] as const) {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => {
              out[n] = c.result;
            };
          }
          const cur = tx.objectStore('ledgers').openCursor();
          cur.onsuccess = () => {
            const c = cur.result;
            if (!c) return;
            out.receivables += (c.value as { receivables: unknown[] }).receivables.length;
            c.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
  );
}

function ledger(name: string, n: number, customers: number, tag: string): string {
  const lines = ['客户名称,单据编号,单据日期,到期日期,原币金额,币种'];
  for (let i = 0; i < n; i++)
    lines.push(
      `故障测试客户${tag}${i % customers}有限公司,${tag}-${String(i).padStart(6, '0')},2026/3/1,2026/4/${1 + (i % 28)},"${1000 + (i % 9000)}.50",CNY`,
    );
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('the worker stopped in the middle of an import: the import, run by the page, is written whole', async () => {
  const page = await l.openPage('options.html#import');
  const before = await counts(page);
  await page.getByTestId('import-file').setInputFiles(ledger('worker.csv', 40_000, 800, 'W'));
  await page.getByTestId('import-apply').waitFor({ timeout: 180_000 });
  await page.getByTestId('import-apply').click();
  await whileLockHeld(page, 'the import');
  const cdp = await l.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  const after = await counts(page);
  assert.equal(after.receivables, before.receivables + 40_000);
  assert.equal(after.customers, before.customers + 800);
  // The restarted worker's recovery finds nothing to revert: the import stays.
  const panel = await l.openPage('sidepanel.html');
  await workerSettled(panel);
  assert.equal((await counts(panel)).receivables, before.receivables + 40_000);
  await cdp.detach();
  await panel.close();
  await page.close();
});

/** Returns as soon as `what` (run by `page`) holds the bulk-write lock: the moment to stop the worker. */
async function whileLockHeld(page: Page, what: string) {
  await waitFor(
    () => page.evaluate(async () => (await navigator.locks.query()).held?.some((h) => h.name === 'huikuan-bulk-write')),
    { what: `${what} to hold the bulk-write lock`, timeout: 60_000, interval: 20 },
  );
}

// `after`: records put before the disk is "full" (customers, their ledgers — one record per customer holding its
// documents —, summaries, journal rows): part-way through each import's writes.
for (const [rows, customers, after] of [
  [300, 30, 40],
  [40_000, 800, 1_200],
] as const) {
  test(`storage full during an import of ${rows} rows (after ${after} records): nothing is written, and the page says the storage is full`, async () => {
    const page = await l.openPage('options.html#import');
    const before = await counts(page);
    await page.getByTestId('import-file').setInputFiles(ledger(`quota-${rows}.csv`, rows, customers, `Q${rows}`));
    await page.getByTestId('import-apply').waitFor({ timeout: 180_000 });
    // From here on this page's writes fail once `after` rows are written, as on a full disk.
    await page.evaluate(
      ([key, n]) => localStorage.setItem(key as string, JSON.stringify({ quotaAfterRows: n })),
      [FAULT_PLAN_KEY, after],
    );
    try {
      await page.getByTestId('import-apply').click();
      const failed = page.getByText('The import failed and nothing was written: there is not enough storage space.', {
        exact: false,
      });
      await failed.or(page.getByTestId('import-summary')).first().waitFor({ timeout: 300_000 });
      assert.equal(
        await failed.count(),
        1,
        `not refused as storage full: ${(await page.locator('main').textContent())?.slice(0, 600)}`,
      );
      assert.deepEqual(await counts(page), before);
      assert.equal(await page.getByTestId('import-summary').count(), 0);
    } finally {
      await page.evaluate((key) => localStorage.removeItem(key), FAULT_PLAN_KEY);
    }
    // The same page and file, with room again, import whole: the failure above was the full disk, not the file.
    await page.reload();
    await page.getByTestId('import-file').setInputFiles(ledger(`quota-${rows}.csv`, rows, customers, `Q${rows}`));
    await page.getByTestId('import-apply').click({ timeout: 180_000 });
    await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
    const done = await counts(page);
    assert.equal(done.receivables, before.receivables + rows);
    assert.equal(done.customers, before.customers + customers);
    await page.getByTestId('import-undo').click();
    await page.getByTestId('import-undo').waitFor({ state: 'detached', timeout: 120_000 });
    await page.close();
  });
}

test('the worker stopped in the middle of a restore: the restore, run by the page, is written whole', async () => {
  const data = generatePortfolio(
    { label: 'faults', customers: 1_500, receivables: 20_000, activities: 3_000 },
    todayIso(),
  );
  const file = join(dir, 'huikuan-backup-faults.json');
  writeFileSync(file, makeBackup(data as unknown as Parameters<typeof makeBackup>[0], { createdAt: BROWSER_START_MS }));
  const page = await l.openPage('options.html#export');
  const before = await counts(page);
  await page.getByTestId('restore-file').setInputFiles(file);
  await page.getByTestId('restore-confirm').click({ timeout: 180_000 });
  await whileLockHeld(page, 'the restore');
  const cdp = await l.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.getByTestId('restore-undo').waitFor({ timeout: 300_000 });
  const after = await counts(page);
  assert.equal(after.customers, 1_500);
  assert.equal(after.receivables, 20_000);
  assert.equal(
    after.safetyCopies,
    Math.min(3, before.safetyCopies + 1),
    'the replaced store is kept as an automatic backup',
  );
  // The restarted worker's recovery finds nothing to revert: the restore stays.
  const panel = await l.openPage('sidepanel.html');
  await workerSettled(panel);
  const later = await counts(panel);
  assert.equal(later.customers, 1_500);
  assert.equal(later.receivables, 20_000);
  await cdp.detach();
  await panel.close();
  await page.close();
});
