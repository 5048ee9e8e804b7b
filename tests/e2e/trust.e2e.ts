/**
 * Trust in the real browser: hostile pages cannot break, restyle or read the badge, nor forge what the extension
 * sees; the content script's CPU on a page that mutates its DOM thousands of times a second stays bounded; and the
 * extension's own contexts make no network request across the main flows.
 */
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { launchExtension, loadDemo, chipFrame, chipState, tabIdFor, worklistSettled, type Launched } from './harness';
import { sleep, waitFor } from './wait';
import { root } from '../../demo/server';

let l: Launched;
const offending: string[] = [];
const HOST = 'hostile.lightning.force.com';
const PATH = '/lightning/r/Account/001HOSTILE0000001/view';

before(async () => {
  l = await launchExtension();
  l.servers.routes.set(`${HOST}${PATH}`, readFileSync(join(root, 'tests/fixtures/hostile/record.html'), 'utf8'));
  const fromExtension = (r: Request) => {
    const sw = r.serviceWorker();
    if (sw) return sw.url().startsWith('chrome-extension://');
    try {
      return r.frame().url().startsWith('chrome-extension://');
    } catch {
      return false;
    }
  };
  l.context.on('request', (r) => {
    if (
      fromExtension(r) &&
      !r.url().startsWith('chrome-extension://') &&
      !r.url().startsWith('data:') &&
      !r.url().startsWith('blob:')
    ) {
      offending.push(`${r.method()} ${r.url()}`);
    }
  });
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

async function openHostile(mode: string) {
  const page = await l.context.newPage();
  await page.goto(`https://${HOST}${PATH}?mode=${mode}`);
  return page;
}

test('markup in a name is shown as text, runs nothing, and the page cannot read the badge', async () => {
  const page = await openHostile('markup');
  const { chip } = await chipFrame(page);
  const text = (await chip.textContent()) ?? '';
  assert.doesNotMatch(text, /<img|<script/);
  const read = () =>
    page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      spy: (window as unknown as { __spy: Record<string, unknown> }).__spy,
    }));
  // The page's spy (every 100 ms) has tried to read the badge since it appeared.
  await waitFor(read, {
    what: "the hostile page's spy to have looked at the badge",
    until: (v) => v.spy.shadow !== 'unset' && v.spy.frameDoc !== 'unset',
  });
  // Proving a non-event: markup injected from the name would have run by now (an <img src=x> errors at once); give
  // it a moment beyond the spy's first look.
  await sleep(400);
  const spy = await read();
  assert.equal(spy.pwned, undefined);
  assert.equal(spy.spy.shadow, 'null', 'the badge host exposes no shadow root to the page');
  assert.doesNotMatch(String(spy.spy.frameDoc), /¥|CN¥|overdue|逾期/, 'the page read the badge');
  assert.doesNotMatch(String(spy.spy.badgeText ?? ''), /¥|overdue/);
  await page.close();
});

test('right-to-left and zero-width characters do not stop recognition', async () => {
  const page = await openHostile('bidi');
  await chipFrame(page);
  await chipState(page, 'linked');
  await page.close();
});

test('a 10,000-character name neither breaks the page nor widens the badge', async () => {
  const page = await openHostile('long');
  await chipFrame(page);
  const width = await page.evaluate(
    () => (document.querySelector('huikuan-chip') as HTMLElement).getBoundingClientRect().width,
  );
  assert.ok(width <= 240, `badge is ${width}px wide`);
  await page.close();
});

test('"* { all: unset !important }" cannot restyle or hide the badge', async () => {
  const page = await openHostile('unset');
  await chipFrame(page);
  const box = await page.evaluate(() => {
    const h = document.querySelector('huikuan-chip') as HTMLElement;
    const cs = getComputedStyle(h);
    return { position: cs.position, width: h.getBoundingClientRect().width, display: cs.display };
  });
  // Beside the heading it found (absolute), or pinned to the window's top right without one (fixed).
  assert.ok(['absolute', 'fixed'].includes(box.position), box.position);
  assert.equal(box.width, 240);
  assert.notEqual(box.display, 'none');
  await page.close();
});

test('overridden DOM prototypes and forged messages do not change what the extension reads', async () => {
  const page = await openHostile('prototypes');
  await chipFrame(page);
  await chipState(page, 'linked');
  const tabId = await tabIdFor(l, `https://${HOST}`);
  const panel = await l.openPage('options.html');
  const view = await panel.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ctx: { name?: string } }> } };
        }
      ).chrome.runtime.sendMessage({ type: 'tab/context', tabId: id }),
    tabId,
  );
  assert.notEqual(view.ctx?.name, 'Forged');
  await panel.close();
  await page.close();
});

test('on a page mutating its DOM thousands of times a second the content script uses little CPU', async () => {
  const page = await openHostile('storm');
  await chipFrame(page);
  const cdp = await l.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // The measured window: the storm runs for 3 s of profile (a share of the time sampled, so load only stretches it).
  await sleep(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  let ours = 0;
  let total = 0;
  profile.samples?.forEach((id, i) => {
    const dt = profile.timeDeltas?.[i] ?? 0;
    total += dt;
    if (urlOf.get(id)?.includes('content-scripts/')) ours += dt;
  });
  const share = ours / total;
  console.log(
    `content script CPU on the storm page: ${(ours / 1000).toFixed(1)} ms of ${(total / 1000).toFixed(0)} ms sampled (${(share * 100).toFixed(2)}%)`,
  );
  assert.ok(share < 0.05, `content script used ${(share * 100).toFixed(1)}% of the page's main thread`);
  await page.close();
});

test('the request recorder does see a request an extension page makes (so the next test can fail)', async () => {
  const page = await l.openPage('options.html');
  // connect-src 'self' stops fetch() from extension pages; an image load is still a request the recorder must see.
  await page.evaluate(() => {
    new Image().src = 'https://news.example.com/probe.png';
  });
  await waitFor(() => offending.some((r) => r.includes('news.example.com/probe')), {
    what: 'the request recorder to see the extension page’s image request',
    timeout: 10_000,
  });
  offending.length = 0;
  await page.close();
});

test('the extension made no network request of its own across the flows', async () => {
  // Walk the main flows once more: record page, side panel, popup, options, a mail thread.
  const record = await l.context.newPage();
  await record.goto(l.demoUrl('/crm/accounts/ACC-0002'));
  await chipFrame(record);
  const tabId = await tabIdFor(l, l.demoUrl('/crm/accounts/ACC-0002'));
  const panel = await l.openPage(`sidepanel.html?tab=${tabId}`);
  await panel.locator('main[data-ready="true"]').first().waitFor({ timeout: 15_000 });
  const popup = await l.openPage('popup.html');
  await worklistSettled(popup);
  const options = await l.openPage('options.html');
  await options.locator('main').first().waitFor({ timeout: 15_000 });
  // Proving a non-event: each page, once shown, is given a moment in which it must make no request of its own.
  await sleep(500);
  const mail = await l.context.newPage();
  await mail.goto(l.demoUrl('/mail/thread/t1'));
  await chipFrame(mail);
  assert.deepEqual(offending, []);
  for (const p of [record, panel, popup, options, mail]) await p.close();
});
