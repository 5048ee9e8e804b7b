/**
 * Recognition on real host names: pages served under Salesforce, HubSpot and Gmail host names (resolved to the
 * local HTTPS server) are read by the real content scripts; the badge shows the right figures; the side panel
 * shows that customer; an SPA route change switches customer; an unknown page gets nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchExtension,
  loadDemo,
  chipFrame,
  chipState,
  tabIdFor,
  todayIso,
  type Launched,
  clickChip,
} from './harness';
import { BROWSER_START_MS } from './clock';
import { sleep, waitFor } from './wait';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { allocate, daysBetween } from '../../lib/ledger';
import { badgeOverdueText } from '../../lib/messaging/views';

let l: Launched;
const SF = 'acme.lightning.force.com';
const recA = '/lightning/r/Account/001Dn00000AbCdEIAZ/view';
const recB = '/lightning/r/Account/001Dn00000XyZaBIAV/view';

/** A Lightning-like SPA: the record name inside an open shadow root; a link switches records with pushState. */
function lightningSpa(first: string, second: string): string {
  return `<!doctype html><html><head><title>${first} | Account | Salesforce</title></head><body>
<records-highlights2 id="hl"></records-highlights2>
<a id="next" href="${recB}">next</a>
<script>
  const names = { '${recA}': ${JSON.stringify(first)}, '${recB}': ${JSON.stringify(second)} };
  const hl = document.getElementById('hl');
  const root = hl.attachShadow({ mode: 'open' });
  function render() {
    const name = names[location.pathname];
    root.replaceChildren();
    const h1 = document.createElement('h1');
    const t = document.createElement('lightning-formatted-text');
    t.textContent = name;
    h1.appendChild(t);
    // Lightning hydrates late: the record DOM arrives after the route.
    setTimeout(() => { root.appendChild(h1); document.title = name + ' | Account | Salesforce'; }, 300);
  }
  document.getElementById('next').addEventListener('click', (e) => { e.preventDefault(); history.pushState(null, '', '${recB}'); render(); });
  render();
</script></body></html>`;
}

function expectedOverdue(customerId: string) {
  const today = todayIso();
  const data = buildDemoPortfolio(today, BROWSER_START_MS);
  const items = allocate(
    data.receivables.filter((r) => r.customerId === customerId),
    data.payments.filter((p) => p.customerId === customerId),
  ).filter((r) => r.openMinor > 0 && r.dueDate < today && r.amount.currency === 'CNY');
  const overdue = items.reduce((s, r) => s + r.openMinor, 0);
  const oldest = items.map((r) => r.dueDate).sort()[0];
  return { text: badgeOverdueText(overdue, 'CNY', daysBetween(oldest, today), 'en') };
}

before(async () => {
  l = await launchExtension();
  const spa = lightningSpa('杭州云帆科技有限公司', '上海申联物流股份有限公司');
  l.servers.routes.set(`${SF}${recA}`, spa);
  l.servers.routes.set(`${SF}${recB}`, spa);
  l.servers.routes.set(
    'app.hubspot.com/contacts/4455667/record/0-2/9876543210',
    `<!doctype html><html><head><title>Pacific Rim | HubSpot</title></head><body>
    <div data-test-id="left-sidebar"><span data-test-id="record-title">Pacific Rim Components Inc.</span></div></body></html>`,
  );
  l.servers.routes.set(
    'app.hubspot.com/reports-dashboard/4455667/view/1',
    '<!doctype html><html><head><title>Reports | HubSpot</title></head><body><h1>杭州云帆科技有限公司</h1></body></html>',
  );
  l.servers.routes.set('news.example.com/', '<!doctype html><html><body><h1>杭州云帆科技有限公司</h1></body></html>');
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

test('a Salesforce record is recognised: the badge shows the customer’s overdue figure and the side panel shows that customer', async () => {
  const page = await l.context.newPage();
  await page.goto(`https://${SF}${recA}`);
  const { chip } = await chipFrame(page);
  await waitFor(async () => (await chip.textContent())?.trim(), {
    what: `the chip to show ${expectedOverdue('c01').text}`,
    until: (t) => t === expectedOverdue('c01').text,
  });
  // A click on the chip opens the real side panel (a user gesture inside our frame).
  await clickChip(chip);
  await waitFor(
    () =>
      l.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<unknown[]> } } })
          .chrome;
        return (await c.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
      }),
    { what: 'the side panel to open after the click on the chip', timeout: 10_000, until: (n) => n >= 1 },
  );
  const tabId = await tabIdFor(l, `https://${SF}`);
  const panel = await l.openPage(`sidepanel.html?tab=${tabId}`);
  await panel.getByText('杭州云帆科技有限公司').first().waitFor({ timeout: 15_000 });

  // SPA route change to another record: the badge and the panel follow.
  await page.click('#next');
  await waitFor(
    async () =>
      (await page
        .frames()
        .find((fr) => fr.url().includes('/badge.html'))
        ?.locator('#chip')
        .textContent({ timeout: 1_000 })) ?? '(no chip frame)',
    {
      what: `the chip to follow the route to the next record (${expectedOverdue('c02').text})`,
      interval: 150,
      until: (text) => text === expectedOverdue('c02').text,
    },
  );
  await panel.getByText('上海申联物流股份有限公司').first().waitFor({ timeout: 15_000 });
  await panel.close();
  await page.close();
});

test('a HubSpot company is recognised by name with the right figures', async () => {
  const page = await l.context.newPage();
  await page.goto('https://app.hubspot.com/contacts/4455667/record/0-2/9876543210');
  const { chip } = await chipFrame(page);
  await chipState(page, 'linked');
  assert.match((await chip.textContent()) ?? '', /\$[\d,.]+ (overdue · \d+ d|open · not yet due)/);
  await page.close();
});

test('a page no reader knows gets no badge and reports nothing', async () => {
  for (const url of ['https://app.hubspot.com/reports-dashboard/4455667/view/1', 'https://news.example.com/']) {
    const page = await l.context.newPage();
    await page.goto(url).catch(() => undefined);
    // Proving a non-event: no chip or frame may appear in this window (on a supported page the chip comes sooner).
    await sleep(1200);
    assert.equal(await page.evaluate(() => document.querySelector('huikuan-chip')), null, url);
    assert.equal(page.frames().length, 1, `${url}: no frame injected`);
    // Without the "tabs" permission the extension cannot even see this tab's URL; check what it stored instead.
    const ctx = await l.worker.evaluate(async (u) => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { session: { get(k: null): Promise<Record<string, { ctx?: { url?: string } }>> } } };
        }
      ).chrome;
      const all = await c.storage.session.get(null);
      return Object.values(all).find((e) => e?.ctx?.url?.startsWith(u)) ?? null;
    }, url);
    assert.equal(ctx, null, `${url}: the background holds no context for it`);
    await page.close();
  }
});
