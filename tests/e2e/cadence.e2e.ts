/**
 * Cadences and exports in the real browser (issue #21): a cadence draft in the popup opens a compose window in the
 * user's webmail whose address carries the recipient, subject and text; confirming it was sent logs it as an email
 * on its step and the draft leaves the list; a changed webmail in Options is the one opened. An XLSX export from
 * Options, read back with the XLSX library, has date cells, number formats, column widths, a header autofilter and
 * a frozen header row.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, todayIso, type Launched } from './harness';

let l: Launched;
const dir = mkdtempSync(join(tmpdir(), 'huikuan-cadence-'));
// The compose pages load from the test server (every supported webmail host is mapped to it).
const composePage = '<!doctype html><html><head><title>Compose</title></head><body><main>compose</main></body></html>';

before(async () => {
  l = await launchExtension();
  for (const path of ['mail.google.com/mail/', 'outlook.office.com/mail/deeplink/compose'])
    l.servers.routes.set(path, composePage);
  await loadDemo(l);
});
after(async () => {
  await l?.close();
  rmSync(dir, { recursive: true, force: true });
});

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

async function openCompose(popup: Page, draft: ReturnType<Page['locator']>): Promise<string> {
  const opened = l.context.waitForEvent('page', { timeout: 15_000 });
  await draft.getByTestId('cadence-open').click();
  const tab = await opened;
  await tab.waitForURL(/^https:\/\/(mail\.google\.com|outlook\.office\.com)\//, { timeout: 15_000 });
  const url = tab.url();
  await tab.close();
  return url;
}

test('a cadence draft opens a compose URL with the text, and is logged when the user says it was sent', async () => {
  const popup = await l.openPage('popup.html');
  const drafts = popup.getByTestId('cadence-draft');
  await drafts.first().waitFor({ timeout: 30_000 });
  const count = await drafts.count();
  // A draft with a recipient: the demo's contacts have addresses.
  const draft = drafts.filter({ has: popup.getByTestId('cadence-to') }).first();
  const customerId = (await draft.getAttribute('data-customer-id'))!;
  const day = Number(await draft.getAttribute('data-day'));
  const to = /<([^>]+)>/.exec((await draft.getByTestId('cadence-to').textContent())!)![1];
  const subject = (await draft.getByTestId('cadence-subject').textContent())!.replace(/^Subject: /, '');
  await draft.locator('summary').click();
  const body = (await draft.getByTestId('cadence-body').textContent())!;
  assert.ok(body.length > 80, body);

  const url = new URL(await openCompose(popup, draft));
  assert.equal(`${url.origin}${url.pathname}`, 'https://mail.google.com/mail/');
  assert.equal(url.searchParams.get('view'), 'cm');
  assert.equal(url.searchParams.get('to'), to);
  assert.equal(url.searchParams.get('su'), subject);
  assert.equal(url.searchParams.get('body'), body);
  assert.ok(!url.href.includes('+'), 'spaces are %20, not +');

  // Nothing is logged by opening it; "Sent — log it" logs the email on its step and the draft leaves.
  type Act = {
    customerId: string;
    date: string;
    channel: string;
    receivableIds: string[];
    sent?: { cadenceDay?: number; text: string; subject?: string };
  };
  const before = (await readStore<Act>(popup, 'activities')).filter((a) => a.sent?.cadenceDay !== undefined);
  assert.equal(before.length, 0);
  await draft.getByTestId('cadence-sent').click();
  await popup.waitForFunction(
    (id) => !document.querySelector(`[data-testid="cadence-draft"][data-customer-id="${id}"]`),
    customerId,
    { timeout: 10_000 },
  );
  const logged = (await readStore<Act>(popup, 'activities')).filter((a) => a.sent?.cadenceDay !== undefined);
  assert.equal(logged.length, 1);
  assert.equal(logged[0].customerId, customerId);
  assert.equal(logged[0].date, todayIso());
  assert.equal(logged[0].channel, 'email');
  assert.equal(logged[0].sent!.cadenceDay, day);
  assert.equal(logged[0].sent!.text, body);
  assert.ok(logged[0].receivableIds.length > 0);
  await popup.close();

  // Opened again, the popup does not draft that step again (an earlier step due on another of the customer's
  // invoices may come up next; the list is capped, so another customer may take the freed place).
  const again = await l.openPage('popup.html');
  await again.getByTestId('cadence-draft').first().waitFor({ timeout: 30_000 });
  assert.equal(
    await again.locator(`[data-testid="cadence-draft"][data-customer-id="${customerId}"][data-day="${day}"]`).count(),
    0,
  );
  assert.ok((await again.getByTestId('cadence-draft').count()) <= count);
  await again.close();
});

test('the webmail chosen in Options is the one a draft opens in', async () => {
  const options = await l.openPage('options.html#settings');
  await options.getByTestId('cadence-webmail').selectOption('outlook');
  await options.getByTestId('cadence-save-status').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
  await options.close();
  const popup = await l.openPage('popup.html');
  const draft = popup
    .getByTestId('cadence-draft')
    .filter({ has: popup.getByTestId('cadence-to') })
    .first();
  await draft.waitFor({ timeout: 30_000 });
  assert.match((await draft.getByTestId('cadence-open').textContent())!, /Open in Outlook \(work or school\)/);
  const subject = (await draft.getByTestId('cadence-subject').textContent())!.replace(/^Subject: /, '');
  const url = new URL(await openCompose(popup, draft));
  assert.equal(`${url.origin}${url.pathname}`, 'https://outlook.office.com/mail/deeplink/compose');
  assert.equal(url.searchParams.get('subject'), subject);
  assert.ok((url.searchParams.get('body') ?? '').length > 80);
  await popup.close();
});

test('an XLSX export read back with the library: date cells, number formats, widths, autofilter, frozen header row', async () => {
  const page = await l.openPage('options.html#export');
  for (const kind of ['aging', 'worklist'] as const) {
    const download = page.waitForEvent('download');
    await page.getByTestId(`export-${kind}-xlsx`).click();
    const file = join(dir, `${kind}.xlsx`);
    await (await download).saveAs(file);
    const bytes = readFileSync(file);
    const wb = XLSX.read(bytes, { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true });
    const ws = wb.Sheets[wb.SheetNames[0]];
    const header = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0];
    const at = (label: string) => ws[`${XLSX.utils.encode_col(header.indexOf(label))}2`];
    const range = XLSX.utils.decode_range(ws['!ref']!);
    assert.ok(range.e.r >= 5, `${kind}: rows`);
    if (kind === 'aging') {
      const due = at('Due date');
      assert.equal(due.t, 'd');
      assert.equal(due.z, 'yyyy-mm-dd');
      assert.match(due.w, /^\d{4}-\d{2}-\d{2}$/);
      const open = at('Open');
      assert.equal(open.t, 'n');
      assert.match(String(open.z), /^#,##0(\.0+)?$/);
      assert.equal(at('Days past due').t, 'n');
    } else {
      assert.equal(at('Overdue').t, 'n');
      assert.match(String(at('Overdue').z), /^#,##0(\.0+)?$/);
      // The step column holds the step (the playbook's, "step · channel"), the reason has its own column.
      assert.match(String(at('Next step').v), / · /);
      assert.notEqual(at('Next step').v, at('Why it ranks here')?.v);
      const dates = ['Planned date', 'Promised date', 'Last contact', 'Limitation deadline'].map(at).filter(Boolean);
      assert.ok(dates.length > 0 && dates.every((c) => c.t === 'd'), `${kind}: date cells`);
    }
    const cols = ws['!cols']!;
    assert.equal(cols.length, header.length);
    assert.ok(
      cols.every((c) => (c.wch ?? 0) >= 6),
      `${kind}: widths`,
    );
    assert.ok(cols[header.indexOf('Customer')].wch! > 10);
    assert.equal(ws['!autofilter']?.ref, ws['!ref']);
    // SheetJS's community reader does not parse panes: the sheet's XML shows the frozen header row.
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']);
    assert.match(xml, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
  }
  await page.close();
});
