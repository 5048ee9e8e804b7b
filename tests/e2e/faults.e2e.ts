/**
 * Faults (issue #20): the worker stopped in the middle of an import ends with the store fully written. (Storage
 * running out is covered by injected quota errors in tests/unit/db. Lowering the quota with
 * `Storage.overrideQuotaForOrigin` gave no storage-full error within 5 minutes in our runs; the extension holds
 * `unlimitedStorage`, the likely reason, not verified.)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, type Launched } from './harness';

let l: Launched;
let dir: string;
before(async () => {
  l = await launchExtension();
  dir = mkdtempSync(join(tmpdir(), 'hk-faults-'));
  await loadDemo(l);
});
after(async () => { await l?.close(); });

/** Customers, documents and safety copies, read with plain IndexedDB. */
function counts(page: Page): Promise<{ customers: number; receivables: number; safetyCopies: number; imports: number }> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('huikuan');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['customers', 'ledgers', 'safetyCopies', 'imports'], 'readonly');
      const out = { customers: 0, receivables: 0, safetyCopies: 0, imports: 0 };
      for (const n of ['customers', 'safetyCopies', 'imports'] as const) {
        const c = tx.objectStore(n).count();
        c.onsuccess = () => { out[n] = c.result; };
      }
      const cur = tx.objectStore('ledgers').openCursor();
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c) return;
        out.receivables += (c.value as { receivables: unknown[] }).receivables.length;
        c.continue();
      };
      tx.oncomplete = () => { db.close(); resolve(out); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    };
  }));
}

function ledger(name: string, n: number, customers: number, tag: string): string {
  const lines = ['客户名称,单据编号,单据日期,到期日期,原币金额,币种'];
  for (let i = 0; i < n; i++) lines.push(`故障测试客户${tag}${i % customers}有限公司,${tag}-${String(i).padStart(6, '0')},2026/3/1,2026/4/${1 + (i % 28)},"${1000 + (i % 9000)}.50",CNY`);
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
  const deadline = Date.now() + 60_000;
  while (!(await page.evaluate(async () => (await navigator.locks.query()).held?.some((h) => h.name === 'huikuan-bulk-write')))) {
    if (Date.now() > deadline) throw new Error('the import never held the lock');
    await page.waitForTimeout(50);
  }
  const cdp = await l.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  const after = await counts(page);
  assert.equal(after.receivables, before.receivables + 40_000);
  assert.equal(after.customers, before.customers + 800);
  // The restarted worker's recovery finds nothing to revert: the import stays.
  const panel = await l.openPage('sidepanel.html');
  await panel.waitForTimeout(1500);
  assert.equal((await counts(panel)).receivables, before.receivables + 40_000);
  await cdp.detach();
  await panel.close();
  await page.close();
});
