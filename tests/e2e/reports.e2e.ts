/**
 * Report-shaped exports through the real options page (issue #19): one file per supported system is imported and
 * the toolbar popup's open total per currency equals the file's grand total (expected.ts, worked out by hand);
 * each import is undone before the next. An unknown report layout goes through the mapping screen (header row,
 * customer on the group line, the totals shown before the import). Then bad files (#20, #29): a renamed PDF and an XLSX zip bomb are refused
 * with their own message in English and in Chinese, the page stays usable, and nothing is stored.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { launchExtension, customerCount, popupTotalsSettled, type Launched } from './harness';
import { waitFor } from './wait';
import { reportFixtures } from '../fixtures/ledgers/reports/expected';

const fixtures = join(import.meta.dirname, '../fixtures/ledgers/reports');
let l: Launched;
let dir: string;
before(async () => {
  l = await launchExtension();
  dir = mkdtempSync(join(tmpdir(), 'hk-reports-'));
});
after(async () => {
  await l?.close();
});

/** Same currencies with the same amounts, in whatever order. */
const sameTotals = (a: Record<string, unknown>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([c, m]) => a[c] === m);

async function popupTotals(currencies: string[]): Promise<Record<string, number>> {
  const popup = await l.openPage('popup.html');
  const out = await popupTotalsSettled(popup, currencies);
  await popup.close();
  return out;
}

test("one report per supported system: the popup shows the file's grand totals", async () => {
  const failures: string[] = [];
  for (const fx of reportFixtures) {
    const page = await l.openPage('options.html#import');
    await page.getByTestId('import-file').setInputFiles(join(fixtures, fx.file));
    await page
      .getByTestId('import-parsed')
      .waitFor({ timeout: 20_000 })
      .catch((e: Error) => {
        throw new Error(`${fx.file}: the file was not read (${e.message.split('\n')[0]})`);
      });
    const recs = page.getByTestId('import-reconciliation');
    const diffs = await recs.evaluateAll((els) =>
      els.map((e) => [(e as HTMLElement).dataset.currency, (e as HTMLElement).dataset.difference]),
    );
    if (fx.printed && diffs.some(([, d]) => d !== '0'))
      failures.push(`${fx.file}: reconciliation ${JSON.stringify(diffs)}`);
    assert.equal(Number(await page.getByTestId('import-customers').getAttribute('data-count')), fx.customers, fx.file);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    const after = await page
      .getByTestId('import-after-total')
      .evaluateAll((els) =>
        els.map((e) => [
          (e as HTMLElement).dataset.currency,
          Number((e as HTMLElement).dataset.imported),
          (e as HTMLElement).dataset.difference,
        ]),
      );
    if (!sameTotals(Object.fromEntries(after.map(([c, m]) => [c, m])), fx.open))
      failures.push(`${fx.file}: written ${JSON.stringify(after)}`);
    if (fx.printed && after.some(([, , d]) => d !== '0'))
      failures.push(`${fx.file}: after the import ${JSON.stringify(after)}`);
    const totals = await popupTotals(Object.keys(fx.open));
    if (JSON.stringify(totals) !== JSON.stringify(fx.open))
      failures.push(`${fx.file}: popup ${JSON.stringify(totals)}, file ${JSON.stringify(fx.open)}`);
    await page.getByTestId('import-undo').click();
    await page.getByTestId('import-undo').waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await customerCount(page), 0, `${fx.file}: the undo left customers behind`);
    await page.close();
  }
  assert.deepEqual(failures, []);
});

test('an unknown report layout through the mapping screen: header row, customer on the group line, totals before import', async () => {
  const file = join(dir, 'offene-posten.csv');
  writeFileSync(
    file,
    [
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
    ].join('\n'),
  );
  const page = await l.openPage('options.html#import');
  await page.getByTestId('import-file').setInputFiles(file);
  const mapping = page.getByTestId('import-mapping');
  await mapping.waitFor({ timeout: 20_000 });
  await page.getByTestId('import-header-row').selectOption('4');
  await page.getByTestId('import-customer-from-group').check();
  for (const [field, label] of [
    ['invoiceNumber', 'Beleg'],
    ['issueDate', 'Belegdatum'],
    ['dueDate', 'Faellig'],
    ['amount', 'Betrag'],
    ['open', 'Offen'],
  ]) {
    await mapping.locator(`select[data-field="${field}"]`).selectOption({ label });
  }
  const trial = page.getByTestId('import-trial');
  await trial.getByTestId('import-trial-rows').locator('tbody tr').nth(2).waitFor({ timeout: 20_000 });
  // The trial is worked out again after each mapping choice: read it once the last one (Offen) is in.
  const rec = trial.getByTestId('import-reconciliation');
  const shown = await waitFor(
    async () => ({
      fileTotal: await rec.getAttribute('data-file-total'),
      difference: await rec.getAttribute('data-difference'),
    }),
    {
      what: 'the trial import to reconcile the open column (file total 20000, difference 0)',
      until: (v) => v.fileTotal === '20000',
    },
  );
  assert.equal(shown.difference, '0');
  assert.deepEqual(await trial.locator('tbody tr td:nth-child(2)').allTextContents(), [
    'Müller GmbH',
    'Müller GmbH',
    'Schmidt KG',
  ]);
  assert.equal(await trial.getByTestId('import-customers').getAttribute('data-count'), '2');
  assert.equal(await customerCount(page), 0);
  await page.getByTestId('import-apply-mapping').click();
  await page.getByTestId('import-apply').click();
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
  assert.deepEqual(await popupTotals(['CNY']), { CNY: 20_000 });
  await page.getByTestId('import-undo').click();
  await page.getByTestId('import-undo').waitFor({ state: 'detached', timeout: 30_000 });
  assert.equal(await customerCount(page), 0);
  await page.close();
});

/**
 * An XLSX whose one sheet inflates to about 300 MB of the same bytes (a few hundred KB on disk). `lying`: its
 * central directory claims every entry is 100 bytes, so the reader must inflate it to find out (in its worker).
 */
function zipBomb(file: string, lying = false) {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(new TextEncoder().encode(text), true);
  };
  add(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  add('xl/workbook.xml', '<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  const block = new Uint8Array(1 << 20).fill(0x20); // 1 MiB of spaces inside the sheet's XML
  for (let i = 0; i < 300; i++) sheet.push(block, i === 299);
  zip.end();
  const b = Buffer.concat(parts);
  if (lying) {
    for (let i = 0; i + 46 < b.length; i++) if (b.readUInt32LE(i) === 0x02014b50) b.writeUInt32LE(100, i + 24);
  }
  writeFileSync(file, b);
}

/** An XLSX of 6,000 empty entries (a workbook holds tens). */
function manyEntries(file: string) {
  const files: Record<string, Uint8Array> = { 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') };
  for (let i = 0; i < 6000; i++) files[`xl/media/e${i}.bin`] = new Uint8Array(0);
  writeFileSync(file, zipSync(files, { level: 0 }));
}

/** Starts timing the page's own thread: the longest pause between two 20 ms ticks, read by `longestPause`. */
const watchThread = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const w = window as unknown as { hkPause: number };
    w.hkPause = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.hkPause = Math.max(w.hkPause, now - last);
      last = now;
    }, 20);
  });
const longestPause = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { hkPause: number }).hkPause);

for (const lang of ['en', 'zh'] as const) {
  test(`bad files are refused as what they are (${lang}); the page lives on and nothing is stored`, async () => {
    const b = lang === 'en' ? l : await launchExtension({ locale: 'zh-CN' });
    try {
      const pdf = join(dir, `应收账款-${lang}.xlsx`);
      writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n');
      const bomb = join(dir, `bomb-${lang}.xlsx`);
      zipBomb(bomb);
      const liar = join(dir, `bomb-lying-${lang}.xlsx`);
      zipBomb(liar, true);
      const many = join(dir, `many-${lang}.xlsx`);
      manyEntries(many);
      const page = await b.openPage('options.html#import');
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await page.getByTestId('import-file').setInputFiles(pdf);
      const pdfError = page.locator('[data-error-code="wrong-file-type"]');
      await pdfError.waitFor({ timeout: 20_000 });
      const pdfText = (await pdfError.textContent()) ?? '';
      assert.match(
        pdfText,
        lang === 'en'
          ? /PDF document, not a spreadsheet \(although its name ends in \.xlsx\)/
          : /PDF 文档，不是电子表格（虽然文件名以 \.xlsx 结尾）/,
      );
      await page
        .getByRole('button', { name: lang === 'en' ? 'Cancel' : '取消' })
        .last()
        .click();
      await page.getByTestId('import-file').setInputFiles(bomb);
      const bombError = page.locator('[data-error-code="over-limit"]');
      await bombError.waitFor({ timeout: 60_000 });
      assert.match(
        (await bombError.textContent()) ?? '',
        lang === 'en' ? /unpacks to more than 256 MB/ : /解压后超过 256 MB/,
      );
      // A bomb whose directory lies is inflated to find out — in the reader's worker, while the page keeps ticking.
      await page
        .getByRole('button', { name: lang === 'en' ? 'Cancel' : '取消' })
        .last()
        .click();
      await watchThread(page);
      const t0 = Date.now();
      await page.getByTestId('import-file').setInputFiles(liar);
      await bombError.waitFor({ timeout: 90_000 });
      const took = Date.now() - t0;
      assert.match(
        (await bombError.textContent()) ?? '',
        lang === 'en' ? /unpacks to more than 256 MB/ : /解压后超过 256 MB/,
      );
      const pause = await longestPause(page);
      console.log(`lying bomb (${lang}): refused after ${took} ms; the page's longest pause ${Math.round(pause)} ms`);
      assert.ok(
        pause < 1000,
        `the page's thread stopped for ${Math.round(pause)} ms while the bomb was read (${took} ms)`,
      );
      assert.ok(
        workers.some((u) => /parse\.worker/.test(u)),
        `no reader worker was started: ${JSON.stringify(workers)}`,
      );
      // Many entries: refused from the directory, with its own text.
      await page
        .getByRole('button', { name: lang === 'en' ? 'Cancel' : '取消' })
        .last()
        .click();
      await page.getByTestId('import-file').setInputFiles(many);
      await bombError.waitFor({ timeout: 30_000 });
      assert.match(
        (await bombError.textContent()) ?? '',
        lang === 'en' ? /more than 5,000 files inside it/ : /超过 5,000 个文件/,
      );
      // The page still works: a good file is read after the refusals, and nothing was stored by them.
      assert.equal(await customerCount(page), 0);
      const good = join(dir, `good-${lang}.csv`);
      copyFileSync(join(fixtures, 'qiqi-ar-detail.csv'), good);
      await page.getByTestId('import-file').setInputFiles(good);
      await page.getByTestId('import-ready').waitFor({ timeout: 20_000 });
      await page.close();
    } finally {
      if (b !== l) await b.close();
    }
  });
}
