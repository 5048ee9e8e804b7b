/**
 * The foundation in the real browser: the built extension loads, its worker answers, the demo portfolio loads
 * from the options page, the demo CRM record is recognised with a badge, the side panel shows that customer's
 * outstanding amount, the popup shows the portfolio totals, and the options page clears the data again.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchExtension,
  loadDemo,
  chipFrame,
  chipState,
  tabIdFor,
  sendFromPage,
  extensionDir,
  todayIso,
  type Launched,
} from './harness';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { allocate, agingReport } from '../../lib/ledger';
import { formatMoney } from '../../lib/format';
import { BROWSER_START_MS } from './clock';

let l: Launched;
before(async () => {
  l = await launchExtension();
});
after(async () => {
  await l?.close();
});

test('the Chrome build is MV3 with a side panel, popup, options page, worker and content scripts', () => {
  const m = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 3);
  assert.equal(m.side_panel?.default_path, 'sidepanel.html');
  assert.equal(m.action?.default_popup, 'popup.html');
  assert.ok(m.options_ui?.page || m.options_page);
  assert.ok(m.background?.service_worker);
  assert.equal(m.content_scripts?.length, 2);
});

test('the service worker answers a message from an extension page and rejects a malformed one', async () => {
  const page = await l.openPage('options.html');
  const pong = (await sendFromPage(page, { type: 'ping' })) as { ok: boolean };
  assert.equal(pong.ok, true);
  const bad = (await sendFromPage(page, { type: 'no/such/thing' })) as { error?: string };
  assert.match(bad.error ?? '', /rejected/);
  await page.close();
});

test('demo data loads, the record page is recognised with a badge, the side panel shows the outstanding amount', async () => {
  await loadDemo(l);
  const url = l.demoUrl('/crm/accounts/ACC-0001');
  const record = await l.context.newPage();
  await record.goto(url);
  const { chip } = await chipFrame(record);
  await chipState(record, 'linked');
  const text = await chip.textContent();
  // The demo's first customer has CNY receivables well overdue.
  assert.match(text ?? '', /overdue · \d+ d$/);

  const data = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
  const items = allocate(
    data.receivables.filter((r) => r.customerId === 'c01'),
    data.payments.filter((p) => p.customerId === 'c01'),
  );
  const cnyOpen = items.filter((r) => r.amount.currency === 'CNY').reduce((s, r) => s + r.openMinor, 0);

  const tabId = await tabIdFor(l, url);
  const panel = await l.openPage(`sidepanel.html?tab=${tabId}`);
  await panel.getByText('杭州云帆科技有限公司').first().waitFor({ timeout: 15_000 });
  await panel
    .getByText(formatMoney(cnyOpen, 'CNY', 'en'))
    .first()
    .waitFor({ timeout: 10_000 });
  await panel.close();
  await record.close();
});

test('the popup shows portfolio totals equal to the ledger over the same data', async () => {
  const popup = await l.openPage('popup.html');
  const data = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
  const open = allocate(data.receivables, data.payments);
  const report = agingReport(
    open
      .filter((r) => r.openMinor > 0)
      .map((r) => ({ dueDate: r.dueDate, open: { minor: r.openMinor, currency: r.amount.currency } })),
    todayIso(),
  );
  for (const [cur, fig] of Object.entries(report.byCurrency)) {
    const el = popup.getByTestId(`portfolio-total-${cur}`);
    await el.waitFor({ timeout: 10_000 });
    assert.equal(Number(await el.getAttribute('data-minor')), fig.total, `total ${cur}`);
  }
  await popup.close();
});

test('the options page clears all data after a typed confirmation, and the popup then teaches onboarding', async () => {
  const options = await l.openPage('options.html#data');
  // The word to type is shown to the user (and as the field's placeholder).
  await options
    .getByTestId('wipe-confirm')
    .fill((await options.getByTestId('wipe-confirm').getAttribute('placeholder')) ?? '');
  await options.getByTestId('wipe').click();
  const popup = await l.openPage('popup.html');
  await popup.getByTestId('onboarding').waitFor({ timeout: 10_000 });
  await popup.close();
  await options.close();
});
