/**
 * The account in the inbox, in the real browser: a Gmail and an Outlook thread (served under their real host names,
 * in the markup of the readers' fixtures) show the matched customer's figures on the chip beside capture, as the
 * worker computes them from the stored summary; the body read keeps its paragraphs and line breaks, and so does
 * the promise captured from it; a 163 reading frame that loads after the page is read when it arrives; a sender
 * nobody knows is proposed as the company in the signature, never as the person.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  launchExtension,
  loadDemo,
  chipFrame,
  clickChip,
  sendFromPage,
  tabIdFor,
  todayIso,
  type Launched,
} from './harness';
import { waitFor } from './wait';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { summarizeCustomer } from '../../lib/ledger/summary';
import { defaultSettings } from '../../lib/domain';
import { badgeViewFor, mailFigures } from '../../lib/messaging/views';
import { BROWSER_START_MS } from './clock';

let l: Launched;

const gmailUrl = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJGmKvTsbhWnPqLrZxInbox1';
// Gmail's thread markup as in lib/sites/gmail/fixtures/thread.html (h2.hP, div.adn, span.gD[email], div.a3s).
const gmailThread = `<!doctype html><html><head><title>Re: Overdue invoices - emily.chen@ourco.example - Gmail</title></head><body>
<div role="main"><div class="nH"><div class="ha"><h2 class="hP" data-legacy-thread-id="18c2f1a9b7e4aa01">Re: Overdue invoices</h2></div>
<div class="adn ads" data-message-id="#msg-f:1785000000000000001">
<table class="cf gJ"><tr><td class="gF gK"><h3 class="iw"><span email="sarah.miller@pacificrim-components.example.com" name="Sarah Miller" class="gD">Sarah Miller</span></h3></td>
<td class="gH"><span class="g3" title="Fri, Nov 20, 2026, 9:30 AM">9:30 AM</span></td></tr></table>
<div class="ii gt"><div class="a3s aiL"><div dir="ltr">Hi Emily,<br><br>We will remit $4,321.00 by the 25th.<br>Sorry for the delay — our AP run slipped.<br><br>Best,<br>Sarah Miller<br>AP Manager</div></div></div>
</div></div></div></body></html>`;

const outlookUrl = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQInbox2';
// Outlook's 2026 reading pane as in lib/sites/outlook/fixtures/message-2026.html.
const outlookMessage = `<!doctype html><html><head><meta charset="utf-8"><title>Mail - Emily Chen - Outlook</title></head><body>
<div id="mectrl_currentAccount_secondary">emily.chen@ourco.example</div>
<div id="ReadingPaneContainerId"><div data-app-section="MailReadCompose"><div data-app-section="ConversationContainer">
<span role="heading" aria-level="2" id="CONV_AAQkADAwATM0_SUBJECT">Re: 10 月货款</span>
<div data-testid="message-item" aria-expanded="true">
<span aria-label="From: 陈静 &lt;chen.jing@yunfan-tech.example.cn&gt;">陈静</span>
<time datetime="2026-11-20T09:30:00+08:00">2026/11/20 9:30</time>
<div id="UniqueMessageBody_1" role="document" aria-label="Message body"><div>王经理您好：</div><div><br></div><div>我司财务下周五安排付款 12.4万，请查收。</div><div>陈静</div></div>
</div></div></div></div></body></html>`;

// A sender no customer holds, at a corporate domain, with the company in the signature.
const strangerUrl = 'https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJGmKvTsbhWnPqLrZxInbox3';
const strangerThread = `<!doctype html><html><head><title>Invoice query - emily.chen@ourco.example - Gmail</title></head><body>
<div role="main"><div class="ha"><h2 class="hP" data-legacy-thread-id="18c2f1a9b7e4aa03">Invoice query</h2></div>
<div class="adn ads" data-message-id="#msg-f:1785000000000000003">
<table><tr><td class="gF"><span email="l.hoffmann@brightwater-optics.example.com" name="Lena Hoffmann" class="gD">Lena Hoffmann</span></td>
<td><span class="g3" title="Fri, Nov 20, 2026, 9:30 AM">9:30 AM</span></td></tr></table>
<div class="a3s aiL">Hello,<br>please resend invoice 4471.<br><br>Kind regards<br>Lena Hoffmann<br>Accounts Payable<br>Brightwater Optics GmbH<br>+49 30 555 0100</div>
</div></div></body></html>`;

// 163 Mail: the read module is in the page at once, the message body's frame gets its document 1.5 s later.
const mail163Url =
  'https://mail.163.com/js6/main.jsp?sid=QAbcdEfGh#module=read.ReadModule%7C%7B%22id%22%3A%22123%3A1tbiInbox4%22%7D';
const mail163Page = `<!doctype html><html><head><meta charset="utf-8"><title>网易邮箱</title></head><body>
<span id="spnUid">wanglei_sales@163.com</span>
<div id="_dvModuleContainer_read.ReadModule_0" style="display:block"><div>
<h1 id="_mail_component_120_h1Subject">Re: 2026年10月对账单</h1>
<div class="js-component-emailblock"><span class="nui-addr-name">陈静</span><span class="nui-addr-email">&lt;chen.jing@yunfan-tech.example.cn&gt;</span></div>
<div id="_mail_component_124_ecvDate" class="js-component-date">2026年11月18日 10:12 (星期三)</div>
<iframe class="netease_mail_readhtml netease_mail_readhtml_webmail" id="_mail_component_130_frameBody"></iframe>
</div></div>
<script>setTimeout(function () { document.getElementById('_mail_component_130_frameBody').src = '/js6/read/readhtml.jsp?mid=123'; }, 1500);</script>
</body></html>`;
const mail163Frame = `<!doctype html><html><head><meta charset="utf-8"></head><body class="netease_mail_readhtml"><div>王经理：</div><div>对账单已核对无误，尾款 38,500 元月底前支付。</div><div>陈静</div></body></html>`;

before(async () => {
  l = await launchExtension();
  l.servers.routes.set('mail.google.com/mail/u/0/', gmailThread);
  l.servers.routes.set('mail.google.com/mail/u/2/', strangerThread);
  l.servers.routes.set(
    'outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQInbox2',
    outlookMessage,
  );
  l.servers.routes.set('mail.163.com/js6/main.jsp', mail163Page);
  l.servers.routes.set('mail.163.com/js6/read/readhtml.jsp', mail163Frame);
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

/** What the worker shows for this demo customer on a mail chip, from the same summary the store keeps. */
function expectedFigures(customerId: string): string {
  const today = todayIso();
  const data = buildDemoPortfolio(today, BROWSER_START_MS);
  const customer = data.customers.find((c) => c.id === customerId)!;
  const mine = <T extends { customerId: string }>(xs: T[]) => xs.filter((x) => x.customerId === customerId);
  const settings = defaultSettings();
  const summary = summarizeCustomer({
    customer,
    receivables: mine(data.receivables),
    payments: mine(data.payments),
    promises: mine(data.promises),
    activities: mine(data.activities),
    profile: data.profiles.find((p) => p.customerId === customerId),
    settings,
    asOf: today,
  });
  const view = badgeViewFor({
    summary,
    customerName: customer.name,
    lang: 'en',
    asOf: today,
    bucketDays: settings.agingBuckets,
  });
  return mailFigures(view, summary, today, 'en')!;
}

async function tabContext(page: Page, url: string): Promise<{ tabId: number; body: string }> {
  const tabId = await tabIdFor(l, url.slice(0, 30));
  const ext = await l.openPage('popup.html');
  try {
    const view = await waitFor(
      async () => (await sendFromPage(ext, { type: 'tab/context', tabId })) as { ctx?: { body?: string } } | null,
      { what: `the message body read on ${page.url()}`, interval: 200, until: (v) => !!v?.ctx?.body },
    );
    return { tabId, body: view!.ctx!.body! };
  } finally {
    await ext.close();
  }
}

for (const [site, url, customerId, lines] of [
  [
    'Gmail',
    gmailUrl,
    'c06',
    'Hi Emily,\n\nWe will remit $4,321.00 by the 25th.\nSorry for the delay — our AP run slipped.\n\nBest,\nSarah Miller\nAP Manager',
  ],
  ['Outlook', outlookUrl, 'c01', '王经理您好：\n\n我司财务下周五安排付款 12.4万，请查收。\n陈静'],
] as const) {
  test(`a ${site} thread: the chip shows the customer's figures beside capture, and the captured promise keeps the line breaks`, async () => {
    const page = await l.context.newPage();
    await page.goto(url);
    const { frame, chip } = await chipFrame(page);
    const want = expectedFigures(customerId);
    assert.match(want, /overdue · \d+ d/);
    await frame.locator('.figures', { hasText: want }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('.figures').textContent(), want);
    assert.match((await chip.locator('.label').textContent()) ?? '', /Capture payment news/);
    assert.equal(await chip.getAttribute('data-state'), 'linked');

    const { tabId, body } = await tabContext(page, url);
    assert.equal(body, lines);
    await clickChip(chip);
    const panel = await l.openPage(`sidepanel.html?tab=${tabId}`);
    const draft = panel.getByTestId('capture-draft');
    await draft.waitFor({ timeout: 15_000 });
    await draft.getByTestId('capture-save').click();
    await draft.waitFor({ state: 'detached', timeout: 10_000 });
    const notes = await panel.evaluate(
      (cid) =>
        new Promise<string[]>((resolve, reject) => {
          const req = indexedDB.open('huikuan');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result.transaction('promises', 'readonly').objectStore('promises').getAll();
            all.onsuccess = () => {
              req.result.close();
              resolve(
                (all.result as Array<{ customerId: string; note?: string }>)
                  .filter((p) => p.customerId === cid)
                  .map((p) => p.note ?? ''),
              );
            };
          };
        }),
      customerId,
    );
    assert.ok(
      notes.some((n) => n.includes(lines)),
      `a promise of ${customerId} keeps the body as read: ${JSON.stringify(notes)}`,
    );
    await panel.close();
    await page.close();
  });
}

test('a 163 reading frame that loads after the page is read when it arrives', async () => {
  const page = await l.context.newPage();
  await page.goto(mail163Url);
  await chipFrame(page);
  const { body } = await tabContext(page, mail163Url);
  assert.equal(body, '王经理：\n对账单已核对无误，尾款 38,500 元月底前支付。\n陈静');
  await page.close();
});

test('a new customer from an email is proposed as the company in the signature, with the sender as its contact', async () => {
  const page = await l.context.newPage();
  await page.goto(strangerUrl);
  await chipFrame(page);
  const tabId = await tabIdFor(l, strangerUrl.slice(0, 30));
  const panel = await l.openPage(`sidepanel.html?tab=${tabId}`);
  const create = panel.getByTestId('create-customer');
  await create.waitFor({ timeout: 15_000 });
  assert.equal(await create.textContent(), 'Create “Brightwater Optics GmbH”');
  await create.click();
  await panel.getByTestId('customer-name').filter({ hasText: 'Brightwater Optics GmbH' }).waitFor({ timeout: 10_000 });
  const saved = await panel.evaluate(
    () =>
      new Promise<{ domains: string[]; contacts: Array<{ name: string; email?: string }> }>((resolve, reject) => {
        const req = indexedDB.open('huikuan');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction(['customers', 'contacts'], 'readonly');
          const cs = tx.objectStore('customers').getAll();
          const ps = tx.objectStore('contacts').getAll();
          tx.oncomplete = () => {
            const c = (cs.result as Array<{ id: string; name: string; domains: string[] }>).find(
              (x) => x.name === 'Brightwater Optics GmbH',
            )!;
            resolve({
              domains: c.domains,
              contacts: (ps.result as Array<{ customerId: string; name: string; email?: string }>).filter(
                (p) => p.customerId === c.id,
              ),
            });
            req.result.close();
          };
        };
      }),
  );
  assert.deepEqual(saved.domains, ['brightwater-optics.example.com']);
  assert.deepEqual(
    saved.contacts.map((c) => [c.name, c.email]),
    [['Lena Hoffmann', 'l.hoffmann@brightwater-optics.example.com']],
  );
  await panel.close();
  await page.close();
});
