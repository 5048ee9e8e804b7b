/**
 * The Firefox build in real Firefox (Debian's firefox-esr), driven over Marionette: installed as a temporary add-on,
 * the demo portfolio loaded from the options page, a Salesforce record under its real host name gets the chip with
 * the customer's figures, a click on the chip opens that customer's panel, the real sidebar opens with the
 * shortcut and follows tab switches in its own window only, the real toolbar popup opens with its shortcut and
 * shows the ledger's totals, a Gmail thread is captured into a promise, the options page wipes the data, and no
 * extension script logged an error or a CSP violation meanwhile.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './wait';
import { launchFirefox, until, extensionOrigin, firefoxExtensionDir, type FirefoxLaunched } from './firefox/launch';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { allocate, agingReport, daysBetween } from '../../lib/ledger';
import { badgeOverdueText } from '../../lib/messaging/views';
import { formatMoney } from '../../lib/format';

let f: FirefoxLaunched;
/** A tab on the options page that stays in the background: it reads the sidebar's and popup's views. */
let reader: string;
/** The tab showing Salesforce record A. */
let recordTab: string;
/** Today as the browser counts it (the extension's ledger counts days from the browser's clock). */
let today: string;

const SF = 'acme.lightning.force.com';
const recA = '/lightning/r/Account/001Dn00000AbCdEIAZ/view';
const recB = '/lightning/r/Account/001Dn00000XyZaBIAV/view';
const gmailPath = '/mail/u/0/';
const gmailUrl = () => `${f.siteUrl('mail.google.com', gmailPath)}#inbox/FMfcgzQXJWZbcdKhLmNpqRsTvWxyZ`;

/** A Lightning record page: the name inside the highlights panel's open shadow root, rendered by the page's script. */
function lightningRecord(name: string): string {
  return `<!doctype html><html><head><title>${name} | Account | Salesforce</title></head><body>
<records-highlights2 id="hl"></records-highlights2>
<script>
  const root = document.getElementById('hl').attachShadow({ mode: 'open' });
  const h1 = document.createElement('h1');
  const t = document.createElement('lightning-formatted-text');
  t.textContent = ${JSON.stringify(name)};
  h1.appendChild(t);
  root.appendChild(h1);
</script></body></html>`;
}

// Gmail's thread markup (h2.hP subject, span.gD[email] sender, div.a3s body), as in tests/e2e/capture.e2e.ts.
/**
 * Firefox runs on its real clock (see the README), so the message is dated the day before Firefox's today: its
 * 下周五 (Friday of next week) is then always ahead, and the draft's promise is not one already past.
 */
function gmailThread(day: string): string {
  const d = new Date(`${day}T09:30:00`);
  d.setDate(d.getDate() - 1);
  const title = d.toLocaleString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const short = d.toLocaleString('en-US', { month: 'short', day: 'numeric' });
  return gmailThreadAt(title, short);
}
const gmailThreadAt = (
  title: string,
  short: string,
) => `<!doctype html><html><head><title>Re: 付款安排 - me@ourco.example.com - Gmail</title></head><body>
<div class="nH"><div class="ha"><h2 class="hP" data-legacy-thread-id="18c2f1a9b7e4d3c2">Re: 付款安排</h2></div>
<div class="adn ads" data-message-id="#msg-f:1"><table><tr><td class="gF"><span email="finance@yunfan-tech.example.cn" name="陈静" class="gD">陈静</span></td>
<td><span class="g3" title="${title}">${short}</span></td></tr></table>
<div class="a3s aiL">王经理您好：我司财务下周五安排付款 12.4万，请查收。</div></div></div></body></html>`;

function openItems(customerId?: string) {
  const data = buildDemoPortfolio(today, Date.parse(`${today}T09:00:00`));
  const mine = <T extends { customerId: string }>(xs: T[]) =>
    customerId ? xs.filter((x) => x.customerId === customerId) : xs;
  return allocate(mine(data.receivables), mine(data.payments)).filter((r) => r.openMinor > 0);
}

/** What the chip must say for a demo customer: its CNY overdue and the age of its oldest overdue item. */
function expectedChip(customerId: string): string {
  const overdue = openItems(customerId).filter((r) => r.dueDate < today && r.amount.currency === 'CNY');
  const oldest = overdue.map((r) => r.dueDate).sort()[0];
  return badgeOverdueText(
    overdue.reduce((s, r) => s + r.openMinor, 0),
    'CNY',
    daysBetween(oldest, today),
    'en',
  );
}

/** Text of the extension's views of a kind (sidebar, popup), read from the background reader tab. */
async function viewTexts(type: 'sidebar' | 'popup', windowId?: number): Promise<string[]> {
  const back = await f.s.handle();
  await f.s.switchTo(reader, false);
  try {
    return await f.s.run<string[]>(
      `return browser.extension.getViews(arguments[0]).map((w) => w.document.body.innerText)`,
      windowId === undefined ? { type } : { type, windowId },
    );
  } finally {
    await f.s.switchTo(back, false);
  }
}

/** The chip in the current tab's page: into its frame (inside a closed shadow root, so by index), once shown. */
async function chipText(): Promise<string> {
  return until('the Huikuan chip', async () => {
    await f.s.frame(null);
    await f.s.frame(0);
    return f.s.run<string | null>(
      `const c = document.getElementById('chip'); return c && !c.hidden && c.dataset.state ? c.textContent : null;`,
    );
  });
}

/** Presses Alt+Shift+<key> in the browser window, as a user does (chrome context: the window's own key handling). */
async function shortcut(key: string): Promise<void> {
  await f.s.context('chrome');
  try {
    await f.s.chord(['Alt', 'Shift', key]);
  } finally {
    await f.s.context('content');
  }
}

/** A window or tab that appeared since `before`, once it has loaded. */
async function newHandle(before: string[]): Promise<string> {
  return until('a new window', async () => (await f.s.handles()).find((h) => !before.includes(h)));
}

before(async () => {
  f = await launchFirefox();
  f.servers.routes.set(`${SF}${recA}`, lightningRecord('杭州云帆科技有限公司'));
  f.servers.routes.set(`${SF}${recB}`, lightningRecord('上海申联物流股份有限公司'));
  reader = await f.openPage('options.html#data');
  today = await f.s.run<string>(`const d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');`);
  f.servers.routes.set(`mail.google.com${gmailPath}`, gmailThread(today));
});
after(async () => {
  await f?.close();
});

test('Firefox: the MV2 build installs as an add-on; its background answers an extension page; its shortcuts are Firefox’s', async () => {
  const m = JSON.parse(readFileSync(join(firefoxExtensionDir, 'manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 2);
  assert.equal(m.sidebar_action?.default_panel, 'sidepanel.html');
  await f.s.switchTo(reader);
  const pong = await f.s.run<{ ok: boolean }>(`return browser.runtime.sendMessage({ type: 'ping' })`);
  assert.equal(pong.ok, true);
  const bad = await f.s.run<{ error?: string }>(`return browser.runtime.sendMessage({ type: 'no/such/thing' })`);
  assert.match(bad.error ?? '', /rejected/);
  const commands = await f.s.run<Array<{ name: string; shortcut: string }>>(`return browser.commands.getAll()`);
  assert.deepEqual(Object.fromEntries(commands.map((c) => [c.name, c.shortcut])), {
    _execute_browser_action: 'Alt+Shift+L',
    'open-panel': 'Alt+Shift+J',
    'capture-selection': 'Alt+Shift+K',
  });
});

test('Firefox options: the demo portfolio loads with a click', async () => {
  await f.s.switchTo(reader);
  await until('the load-demo button', () => f.s.run(`return !!document.querySelector('[data-testid="load-demo"]')`));
  await f.s.click('[data-testid="load-demo"]');
  await until(
    '30 demo customers in the store',
    () =>
      f.s.run<boolean>(`return await new Promise((resolve) => {
    const req = indexedDB.open('huikuan');
    req.onerror = () => resolve(false);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('customers')) { db.close(); resolve(false); return; }
      const c = db.transaction('customers').objectStore('customers').count();
      c.onsuccess = () => { db.close(); resolve(c.result >= 30); };
    };
  })`),
    30_000,
  );
});

test('Firefox options: a ledger is read in the reader worker (the import screen reads every file there)', async () => {
  await f.s.switchTo(reader);
  const worker = readdirSync(join(firefoxExtensionDir, 'assets')).find((n) => n.startsWith('parse.worker-'));
  assert.ok(worker, 'no reader worker in the build');
  const csv =
    'Customer,Invoice,Due Date,Amount,Currency\nAcme,INV-1,2026-01-31,100.00,CNY\nAcme,INV-2,2026-02-28,50.00,CNY\n';
  const r = await f.s.run<{ kind: string; message?: string; result?: { rows: unknown[]; errors: unknown[] } }>(
    `return await new Promise((resolve) => {
    const w = new Worker('/assets/${worker}', { type: 'module', name: 'huikuan-ledger-reader' });
    w.onmessage = (e) => { if (e.data.kind !== 'chunk') { w.terminate(); resolve(e.data); } };
    w.onerror = (e) => resolve({ kind: 'worker-error', message: String(e.message) });
    w.postMessage({ op: 'parse', file: new Blob([arguments[0]]), opts: { fileName: 'a.csv' } });
  })`,
    csv,
  );
  assert.equal(r.kind, 'done', JSON.stringify(r));
  assert.equal(r.result?.rows.length, 2);
  assert.deepEqual(r.result?.errors, []);
});

test('Firefox badge → figures: a Salesforce record under its real host name shows the customer’s overdue figures', async () => {
  recordTab = await f.openUrl(f.siteUrl(SF, recA));
  assert.equal(await chipText(), expectedChip('c01'));
  await f.s.frame(null);
});

test('Firefox chip click: opens that customer’s panel for this tab in a window of its own', async () => {
  await f.s.switchTo(reader, false);
  const tabId = await f.s.run<number>(`const t = await browser.tabs.query({ url: '*://${SF}/*' }); return t[0].id;`);
  const record = recordTab;
  await f.s.switchTo(record);
  const before = await f.s.handles();
  await chipText();
  await f.s.click('#chip');
  const win = await newHandle(before);
  await f.s.switchTo(win);
  const url = await until('the panel page', () =>
    f.s.run<string>(
      `return location.href.startsWith('${extensionOrigin}/sidepanel.html') && document.readyState === 'complete' ? location.href : null`,
    ),
  );
  assert.equal(new URL(url).searchParams.get('tab'), String(tabId));
  const cnyOpen = openItems('c01')
    .filter((r) => r.amount.currency === 'CNY')
    .reduce((s, r) => s + r.openMinor, 0);
  const text = await until('the customer and outstanding amount in the panel window', () =>
    f.s.run<string | null>(
      `const t = document.body.innerText; return t.includes('杭州云帆科技有限公司') && t.includes(arguments[0]) ? t : null;`,
      formatMoney(cnyOpen, 'CNY', 'en'),
    ),
  );
  assert.ok(text);
  await f.s.switchTo(reader, false);
  const shape = await f.s.run<{ type?: string; width?: number } | undefined>(
    `const ws = await browser.windows.getAll({ populate: true });
    const w = ws.find((x) => x.tabs.some((t) => t.url === arguments[0]));
    return w && { type: w.type, width: w.width };`,
    url,
  );
  assert.equal(shape?.type, 'popup', 'a window of its own, not a tab');
  assert.ok((shape?.width ?? 0) <= 440, `panel-sized window, got ${shape?.width}px`);
  await f.s.switchTo(win);
  await f.s.closeTab();
  await f.s.switchTo(record);
});

test('Firefox sidebar: Alt+Shift+J opens the real sidebar on the page’s customer; it follows tab switches in its own window only', async () => {
  await f.s.switchTo(reader, false);
  const ownWindow = await f.s.run<number>(`return (await browser.windows.getCurrent()).id`);
  const record = recordTab;
  await f.s.switchTo(record);
  await shortcut('j');
  const inOwn = async (name: string) =>
    until(`the sidebar showing ${name}`, async () =>
      (await viewTexts('sidebar', ownWindow)).find((t) => t.includes(name)),
    );
  await inOwn('杭州云帆科技有限公司');

  // Another window comes to the front on another record: this window's sidebar stays with its own page.
  const handles = await f.s.handles();
  await f.s.switchTo(reader, false);
  await f.s.run(`await browser.windows.create({ url: arguments[0], focused: true })`, f.siteUrl(SF, recB));
  const other = await newHandle(handles);
  await f.s.switchTo(other);
  await chipText();
  await f.s.frame(null);
  // Proving a non-event: the first window's sidebar must not follow the other window's record within this window.
  await sleep(500);
  const still = await viewTexts('sidebar', ownWindow);
  assert.ok(
    still.some((t) => t.includes('杭州云帆科技有限公司')) && !still.some((t) => t.includes('上海申联物流股份有限公司')),
    `the sidebar of the first window moved: ${still.map((t) => t.slice(0, 40)).join(' | ')}`,
  );
  await f.s.closeTab();

  // A switch in its own window moves it.
  await f.s.switchTo(record);
  const second = await f.s.open('tab');
  await f.s.switchTo(second);
  await f.s.navigate(f.siteUrl(SF, recB));
  await inOwn('上海申联物流股份有限公司');
  await f.s.closeTab();
  await f.s.switchTo(record);
  await inOwn('杭州云帆科技有限公司');
});

test('Firefox toolbar popup: Alt+Shift+L opens it, with the portfolio totals the ledger gives', async () => {
  await f.s.switchTo(recordTab);
  await shortcut('l');
  const report = agingReport(
    openItems().map((r) => ({ dueDate: r.dueDate, open: { minor: r.openMinor, currency: r.amount.currency } })),
    today,
  );
  await f.s.switchTo(reader, false);
  const totals = await until('the popup’s totals', () =>
    f.s.run<Record<string, number> | null>(`
    const [popup] = browser.extension.getViews({ type: 'popup' });
    if (!popup) return null;
    const els = [...popup.document.querySelectorAll('[data-testid^="portfolio-total-"]')];
    return els.length ? Object.fromEntries(els.map((e) => [e.dataset.testid.slice('portfolio-total-'.length), Number(e.dataset.minor)])) : null;`),
  );
  assert.deepEqual(totals, Object.fromEntries(Object.entries(report.byCurrency).map(([cur, fig]) => [cur, fig.total])));
  // The toolbar button counts what is due today (Firefox's MV2 build has it as browserAction, not action).
  const count = await until('the toolbar count', () =>
    f.s.run<string | null>(`
    return browser.browserAction.getBadgeText({}).then((t) => t || null)`),
  );
  assert.ok(Number(count) > 0, `the toolbar counts what is due: "${count}"`);
  // Selecting a tab closes the popup, as a click elsewhere does.
  await f.s.switchTo(reader);
});

test('Firefox capture: a Gmail thread’s chip opens the panel with the draft; saving it records the promise', async () => {
  const before = await f.s.handles();
  await f.openUrl(gmailUrl());
  const label = await chipText();
  assert.match(label, /Capture/);
  const opened = await f.s.handles();
  await f.s.click('#chip');
  const win = await newHandle([...before, ...opened]);
  await f.s.switchTo(win);
  await until('the capture draft', () =>
    f.s.run(`return document.querySelector('[data-testid="capture-draft"]') ? true : null`),
  );
  const amount = await f.s.run<string>(`return document.querySelector('[data-testid="capture-amount"]').value`);
  assert.match(amount, /124,?000/);
  await f.s.click('[data-testid="capture-save"]');
  await until('the promise in the panel', () =>
    f.s.run(`const p = document.querySelector('[data-testid="promises"]');
    return !document.querySelector('[data-testid="capture-draft"]') && p && /124,000/.test(p.innerText) ? true : null;`),
  );
  await f.s.closeTab();
});

test('Firefox options: all data is cleared after the typed confirmation, and the popup then teaches onboarding', async () => {
  await f.s.switchTo(reader);
  await f.s.navigate(`${extensionOrigin}/options.html#data`);
  const word = await until('the wipe field', () =>
    f.s.run<string | null>(
      `return document.querySelector('[data-testid="wipe-confirm"]')?.getAttribute('placeholder') ?? null`,
    ),
  );
  await f.s.type('[data-testid="wipe-confirm"]', word);
  await f.s.click('[data-testid="wipe"]');
  const popup = await f.openPage('popup.html');
  await until('the onboarding', () =>
    f.s.run(`return document.querySelector('[data-testid="onboarding"]') ? true : null`),
  );
  await f.s.closeTab();
  assert.ok(popup);
  await f.s.switchTo(reader);
});

test('Firefox console: no extension script threw or broke the CSP (zod runs without eval) during these flows', async () => {
  await f.s.context('chrome');
  try {
    const ours = await f.s.run<string[]>(
      `
      const origin = arguments[0];
      return Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && (m.sourceName || '').startsWith(origin)
          && (/Content-Security-Policy/.test(m.errorMessage) || !(m.flags & Ci.nsIScriptError.warningFlag)))
        .map((m) => m.sourceName + ':' + m.lineNumber + ' ' + m.errorMessage);`,
      extensionOrigin,
    );
    // Firefox logs "Promise resolved (or rejected) after context unloaded" when a page closes (the tests close the
    // popup and the options tab) while an extension API call of it is still answering — rejected when the message
    // channel itself went with the page ("Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved"):
    // the answer has nowhere to go. Nothing threw; every other message from our origin fails the test.
    const unloaded =
      / Promise (resolved after context unloaded|rejected after context unloaded: Actor 'Conduits' destroyed before query '\w+' was resolved)\s*$/;
    assert.deepEqual(
      ours.filter((m) => !unloaded.test(m)),
      [],
    );
  } finally {
    await f.s.context('content');
  }
});
