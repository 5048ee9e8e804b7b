/**
 * One bulk writer at a time (issue #28), in two real options pages of one browser: a wipe, a restore, a demo load
 * or a second import started while an import (or an undo) runs in the other page waits for it, saying for what
 * ("Waiting for the import of … in another tab"), and is then applied whole — never interleaved. Each page's
 * report is the store's, a single-record edit made meanwhile is kept, and every replacement can be undone.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, type Launched } from './harness';
import { waitFor } from './wait';

let l: Launched;
let dir: string;
before(async () => {
  l = await launchExtension();
  dir = mkdtempSync(join(tmpdir(), 'hk-bulk-'));
});
after(async () => {
  await l?.close();
});

interface Counts {
  customers: number;
  receivables: number;
  promises: number;
  activities: number;
  owner?: string;
}

/** The store's customers, documents, promises and activities, and the settings' owner, read with plain IndexedDB. */
function counts(page: Page): Promise<Counts> {
  return page.evaluate(
    () =>
      new Promise<Counts>((resolve, reject) => {
        const req = indexedDB.open('huikuan');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['customers', 'ledgers', 'promises', 'activities', 'meta'], 'readonly');
          const out: Counts = { customers: 0, receivables: 0, promises: 0, activities: 0 };
          for (const n of ['customers', 'promises', 'activities'] as const) {
            const c = tx.objectStore(n).count();
            c.onsuccess = () => {
              out[n] = c.result;
            };
          }
          const s = tx.objectStore('meta').get('settings');
          s.onsuccess = () => {
            out.owner = (s.result?.value as { owner?: string } | undefined)?.owner;
          };
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

/** The bulk operation holding the lock now, as the page's Web Locks see it ('' when none). */
const holder = (page: Page) =>
  page.evaluate(async () => {
    const q = await navigator.locks.query();
    const h = (q.held ?? []).find((x) => x.name?.startsWith('huikuan-bulk-holder:'));
    return h ? (JSON.parse(h.name!.slice('huikuan-bulk-holder:'.length)) as { kind: string }).kind : '';
  });

async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 180_000) {
  await waitFor(fn, { what, timeout: timeoutMs, interval: 100 });
}

/** A ledger of `n` documents over `customers` new customers; `tag` keeps two files' documents apart. */
function ledger(name: string, n: number, customers: number, tag: string): string {
  const lines = ['客户名称,单据编号,单据日期,到期日期,原币金额,币种'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `并发测试客户${tag}${i % customers}有限公司,${tag}-${String(i).padStart(6, '0')},2026/3/1,2026/4/${1 + (i % 28)},"${1000 + (i % 9000)}.50",CNY`,
    );
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Picks the file on the import section and waits until its rows are checked (the Import button is offered). */
async function prepareImport(page: Page, file: string, rows: number) {
  await page.bringToFront();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-apply').waitFor({ timeout: 180_000 });
  assert.equal(await page.getByTestId('import-ready').getAttribute('data-count'), String(rows));
}
async function startImport(page: Page, file: string, rows: number) {
  await prepareImport(page, file, rows);
  await page.getByTestId('import-apply').click();
}

const summaryCount = (page: Page, k: string) =>
  page.getByTestId('import-summary').locator(`[data-count="${k}"]`).textContent();

async function wipeEverything(page: Page) {
  const c = await counts(page);
  if (!c.customers) return;
  await page.goto(page.url().replace(/#.*$/, '#data'));
  await page.getByTestId('wipe-confirm').fill('WIPE');
  await page.getByTestId('wipe').click();
  await until('the store to be empty', async () => (await counts(page)).customers === 0);
}

test('delete all during an import waits for it, then deletes everything; the import page says its import is gone; undo brings it back', async () => {
  // Large enough that the import still runs when the wipe is pressed (40,000 rows took under 4 s on a quiet machine).
  const file = ledger('a.csv', 160_000, 4_000, 'A');
  const a = await l.openPage('options.html#import');
  const b = await l.openPage('options.html#data');
  const settings = await l.openPage('options.html#settings');
  await b.getByTestId('wipe-confirm').fill('WIPE');
  await startImport(a, file, 160_000);
  await until('the import to hold the lock', async () => (await holder(b)) === 'import');

  // The wipe, pressed in the other tab while the import writes, waits and says for what.
  await b.getByTestId('wipe').click();
  const waiting = b.getByTestId('bulk-waiting');
  await waiting.waitFor({ timeout: 30_000 });
  assert.equal(await waiting.getAttribute('data-holder'), 'import');
  assert.match((await waiting.textContent()) ?? '', /Waiting for the import of a\.csv in another tab/);

  // A single-record edit meanwhile (the settings' owner) waits too, and is kept.
  await settings.getByTestId('setting-owner').fill('并发测试');

  await a.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  assert.equal(await summaryCount(a, 'created'), '160,000');
  assert.equal(await summaryCount(a, 'newCustomers'), '4,000');
  await b.getByTestId('data-message').waitFor({ timeout: 120_000 });
  assert.match(
    (await b.getByTestId('data-message').textContent()) ?? '',
    /All data was deleted\. Huikuan now holds 0 customers, 0 receivables/,
  );
  const afterWipe = await counts(b);
  assert.deepEqual(
    { ...afterWipe, owner: undefined },
    { customers: 0, receivables: 0, promises: 0, activities: 0, owner: undefined },
  );
  // The import page no longer offers to undo an import that is not there.
  await a.getByTestId('import-gone').waitFor({ timeout: 30_000 });
  assert.equal(await a.getByTestId('import-undo').count(), 0);
  await until('the owner edit to be saved', async () => (await counts(b)).owner === '并发测试', 30_000);

  // The wipe kept what it deleted: its undo puts the whole import back.
  await b.getByTestId('replace-undo').click();
  await until('the import to be back', async () => (await counts(b)).receivables === 160_000, 240_000);
  assert.equal((await counts(b)).customers, 4_000);
  for (const p of [a, b, settings]) await p.close();
});

test('a restore during an import waits for it, then replaces the store with the backup; counts are the store’s', async () => {
  const probe = await l.openPage('options.html#data');
  await wipeEverything(probe);
  await probe.close();
  await loadDemo(l);
  const exp = await l.openPage('options.html#export');
  const download = exp.waitForEvent('download');
  await exp.getByTestId('backup').click();
  const backupFile = join(dir, 'demo-backup.json');
  await (await download).saveAs(backupFile);

  // The restore is read and put up for confirmation first, so that while the import holds the lock only a click
  // is left to do (40,000 rows are written in a few seconds on a quiet machine: reading the backup after the import
  // started could miss it).
  await exp.getByTestId('restore-file').setInputFiles(backupFile);
  const confirm = exp.getByTestId('restore-confirm');
  await confirm.waitFor({ timeout: 60_000 });
  const a = await l.openPage('options.html#import');
  await startImport(a, ledger('r.csv', 40_000, 1_000, 'R'), 40_000);
  await until('the import to hold the lock', async () => (await holder(exp)) === 'import');
  await exp.bringToFront();
  await confirm.click();
  const waiting = exp.getByTestId('bulk-waiting');
  await waitFor(
    async () => ({
      waiting: await waiting.isVisible(),
      importDone: (await a.getByTestId('import-summary').count()) > 0,
    }),
    {
      what: 'the restore to say it waits for the import (the import must still be running when it is confirmed)',
      timeout: 30_000,
      interval: 50,
      until: (v) => v.waiting,
    },
  );
  assert.match((await waiting.textContent()) ?? '', /Waiting for the import of r\.csv in another tab/);

  await a.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  assert.equal(await summaryCount(a, 'created'), '40,000');
  await exp.getByTestId('restore-undo').waitFor({ timeout: 120_000 });
  assert.match((await exp.getByTestId('export-message').textContent()) ?? '', /Restored: 30 customers/);
  const c = await counts(exp);
  assert.equal(c.customers, 30);
  await a.getByTestId('import-gone').waitFor({ timeout: 30_000 });
  // The restore's undo: the demo plus the import, as before it.
  await exp.getByTestId('restore-undo').click();
  await until('the store from before the restore', async () => (await counts(exp)).customers === 1_030, 120_000);
  await a.close();
  await exp.close();
});

test('a demo load during an undo waits for it; the undo is whole, then the demo replaces the store (kept as a backup)', async () => {
  const probe = await l.openPage('options.html#data');
  await wipeEverything(probe);
  await probe.close();
  const a = await l.openPage('options.html#import');
  await startImport(a, ledger('u.csv', 40_000, 1_000, 'U'), 40_000);
  await a.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  const b = await l.openPage('options.html#data');
  await b.getByTestId('load-demo').click();
  // The store holds the import: the demo asks first, naming what it replaces.
  const box = b.getByTestId('demo-confirm-box');
  await box.waitFor({ timeout: 30_000 });
  assert.match((await box.textContent()) ?? '', /replaces your 1000 customers, 40000 receivables/);

  await a.bringToFront();
  await a.getByTestId('import-undo').click({ timeout: 30_000 });
  await until('the undo to hold the lock', async () => (await holder(b)) === 'undo-import', 60_000);
  await b.bringToFront();
  await b.getByTestId('demo-confirm').click();
  const waiting = b.getByTestId('bulk-waiting');
  await waiting.waitFor({ timeout: 30_000 });
  assert.equal(await waiting.getAttribute('data-holder'), 'undo-import');

  await b.getByTestId('data-message').waitFor({ timeout: 300_000 });
  assert.match(
    (await b.getByTestId('data-message').textContent()) ?? '',
    /The demo portfolio is loaded\. Huikuan now holds 30 customers/,
  );
  const c = await counts(b);
  assert.equal(c.customers, 30);
  // The undo ran first and whole: the store it replaced was empty, so the demo kept no copy of it.
  assert.equal(await b.getByTestId('replace-undo').count(), 0);
  await a.close();
  await b.close();
});

test('two imports at once: the second waits, then both are applied whole, each report equal to what it wrote', async () => {
  const probe = await l.openPage('options.html#data');
  await wipeEverything(probe);
  await probe.close();
  const a = await l.openPage('options.html#import');
  const b = await l.openPage('options.html#import');
  const fileA = ledger('first.csv', 30_000, 600, 'X');
  const fileB = ledger('second.csv', 20_000, 400, 'Y');
  // Both files are read and checked first; then both Import buttons are pressed, the second while the first writes.
  await prepareImport(b, fileB, 20_000);
  await startImport(a, fileA, 30_000);
  await until('the first import to hold the lock', async () => (await holder(b)) === 'import');
  await b.getByTestId('import-apply').click();
  const waiting = b.getByTestId('bulk-waiting');
  await waiting.waitFor({ timeout: 30_000 });
  assert.match((await waiting.textContent()) ?? '', /Waiting for the import of first\.csv in another tab/);
  await a.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  await b.getByTestId('import-summary').waitFor({ timeout: 300_000 });
  assert.equal(await summaryCount(a, 'created'), '30,000');
  assert.equal(await summaryCount(a, 'newCustomers'), '600');
  assert.equal(await summaryCount(b, 'created'), '20,000');
  assert.equal(await summaryCount(b, 'newCustomers'), '400');
  const c = await counts(a);
  assert.equal(c.receivables, 50_000);
  assert.equal(c.customers, 1_000);
  // Only the last import can be undone from its summary.
  await until('the undo offers', async () => (await b.getByTestId('import-undo').count()) === 1, 30_000);
  assert.equal(await a.getByTestId('import-undo').count(), 0);
  await a.close();
  await b.close();
});
