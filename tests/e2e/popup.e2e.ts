/**
 * The popup's first paint in the real browser: the portfolio totals appear before React has rendered anything
 * (the plain first-paint script), they are the ledger's figures over the same data, and once React has mounted
 * below it the same summary stays (one renderer, kept current by the live popup), in English and in Chinese.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, loadDemo, todayIso, toolbarPopups, type Launched } from './harness';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { allocate, agingReport } from '../../lib/ledger';
import { formatMoney } from '../../lib/format';
import type { Lang } from '../../lib/domain';
import { MIRROR_KEY } from '../../lib/db/metaMirror';
import { BROWSER_START_MS } from './clock';
import { waitFor } from './wait';
import { isDeepStrictEqual } from 'node:util';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface FirstSeen {
  totals: Record<string, { text: string; minor: string; box: Box }>;
  worklist: boolean;
  react: boolean;
  heading: string;
  fullStylesheet: boolean;
}

const launched: Launched[] = [];
after(async () => {
  for (const l of launched) await l.close();
});

function ledgerTotals(): Record<string, number> {
  const data = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
  const open = allocate(data.receivables, data.payments).filter((r) => r.openMinor > 0);
  const report = agingReport(
    open.map((r) => ({ dueDate: r.dueDate, open: { minor: r.openMinor, currency: r.amount.currency } })),
    todayIso(),
  );
  return Object.fromEntries(Object.entries(report.byCurrency).map(([cur, fig]) => [cur, fig.total]));
}

for (const [lang, locale, heading] of [
  ['en', 'en-US', 'Huikuan · Portfolio'],
  ['zh', 'zh-CN', '回款 · 应收总览'],
] as Array<[Lang, string, string]>) {
  test(`the popup paints the ledger's totals before React, and React shows the same once (${lang})`, async () => {
    const l = await launchExtension({ locale });
    launched.push(l);
    await loadDemo(l);
    const expected = ledgerTotals();
    const page = await l.context.newPage();
    // Installed before the page's own scripts: records the DOM at the moment the first total is inserted.
    await page.addInitScript(() => {
      const w = window as unknown as { __firstSeen?: unknown; __firstNodes?: Element[]; __atLoad?: string[] };
      // Runs before the page's own load listeners: what the page had fetched when its load event came.
      addEventListener('load', () => {
        w.__atLoad = [...document.querySelectorAll('script[src], link[rel="modulepreload"]')].map(
          (e) => new URL((e as HTMLScriptElement).src || (e as HTMLLinkElement).href).pathname,
        );
      });
      new MutationObserver((_, o) => {
        const totals = [...document.querySelectorAll('[data-testid^="portfolio-total-"]')];
        if (!totals.length) return;
        o.disconnect();
        w.__firstNodes = totals;
        w.__firstSeen = {
          totals: Object.fromEntries(
            totals.map((t) => [
              t.getAttribute('data-testid')!.slice('portfolio-total-'.length),
              { text: t.textContent, minor: t.getAttribute('data-minor'), box: t.getBoundingClientRect().toJSON() },
            ]),
          ),
          // The first paint carries its own styles: the full stylesheet (which comes with React's chunk) is not in yet.
          fullStylesheet: !!document.querySelector('link[rel="stylesheet"]'),
          worklist: !!document.querySelector('[data-testid="worklist"]'),
          // createRoot marks its container; the first paint is plain DOM, so the root is not React's yet.
          react: Object.keys(document.getElementById('root') ?? {}).some((k) => k.startsWith('__reactContainer')),
          heading: document.querySelector('h1')?.textContent ?? '',
        };
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`chrome-extension://${l.extensionId}/popup.html`);
    await page.getByTestId('worklist').waitFor({ timeout: 15_000 });
    const first = (await page.evaluate(() => (window as unknown as { __firstSeen: unknown }).__firstSeen)) as FirstSeen;

    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __atLoad: string[] }).__atLoad),
      ['/popup-paint.js'],
      'only the first-paint script is fetched before the load event (Chromium shows the toolbar popup at that event)',
    );
    assert.equal(first.worklist, false, 'the totals were painted before the React popup');
    assert.equal(first.react, false, 'the totals were painted before React mounted');
    assert.ok(
      await page.evaluate(() =>
        Object.keys(document.getElementById('root')!).some((k) => k.startsWith('__reactContainer')),
      ),
      'React now owns the root',
    );
    assert.equal(first.heading, heading);
    assert.equal(first.fullStylesheet, false, 'the first paint did not wait for the full stylesheet');
    assert.deepEqual(Object.keys(first.totals).sort(), Object.keys(expected).sort());
    for (const [cur, minor] of Object.entries(expected)) {
      assert.equal(first.totals[cur].minor, String(minor), `first-paint total ${cur}`);
      assert.equal(first.totals[cur].text, formatMoney(minor, cur, lang), `first-paint text ${cur}`);
      const live = page.getByTestId(`portfolio-total-${cur}`);
      assert.equal(await live.count(), 1, `one total ${cur}`);
      assert.equal(await live.textContent(), first.totals[cur].text, `the live popup shows the same ${cur}`);
      // Styled by the summary's own stylesheet, the figure stood where it stands under the full one.
      const box = await live.evaluate((e) => e.getBoundingClientRect().toJSON() as Box);
      for (const k of ['x', 'y', 'width', 'height'] as const) {
        assert.ok(
          Math.abs(box[k] - first.totals[cur].box[k]) < 1,
          `total ${cur} ${k}: first paint ${first.totals[cur].box[k]}, React ${box[k]}`,
        );
      }
    }
    const kept = await page.evaluate(() =>
      (window as unknown as { __firstNodes: Element[] }).__firstNodes.every((n) => n.isConnected),
    );
    assert.ok(kept, 'the live popup kept the painted summary (same data, no repaint)');
    assert.equal(await page.locator('main').count(), 1);
    await page.close();
  });
}

test("a popup whose mirror is out of date paints it, then the store's totals before React mounts", async () => {
  const l = await launchExtension({ locale: 'en-US' });
  launched.push(l);
  await loadDemo(l);
  const expected = ledgerTotals();
  // Written from an extension page that does not keep the mirror (the chip's page), as a mirror left behind by
  // data that changed while no extension page was open would be.
  const other = await l.openPage('badge.html');
  const key = MIRROR_KEY;
  const stale = await other.evaluate((k) => {
    const copy = JSON.parse(localStorage.getItem(k)!) as {
      portfolio: { openByDue: Record<string, Record<string, number>> };
    };
    for (const byDue of Object.values(copy.portfolio.openByDue)) for (const d of Object.keys(byDue)) byDue[d] *= 3;
    localStorage.setItem(k, JSON.stringify(copy));
    return true;
  }, key);
  assert.ok(stale, "the options page had left a mirror of the store's rows");
  await other.close();

  const page = await l.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __plainTotals: string[] };
    w.__plainTotals = [];
    new MutationObserver(() => {
      const react = Object.keys(document.getElementById('root') ?? {}).some((k) => k.startsWith('__reactContainer'));
      const t = document.querySelector('[data-testid="portfolio-total-CNY"]')?.getAttribute('data-minor');
      if (!react && t && w.__plainTotals.at(-1) !== t) w.__plainTotals.push(t);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${l.extensionId}/popup.html`);
  await page.getByTestId('worklist').waitFor({ timeout: 15_000 });
  const seen = await page.evaluate(() => (window as unknown as { __plainTotals: string[] }).__plainTotals);
  assert.deepEqual(
    seen,
    [String(expected.CNY * 3), String(expected.CNY)],
    'the copy first, then the store, both before React',
  );
  assert.equal(await page.getByTestId('portfolio-total-CNY').getAttribute('data-minor'), String(expected.CNY));
  const copy = (await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!) as unknown, key)) as {
    portfolio: { openByDue: Record<string, Record<string, number>> };
  };
  const copied = Object.values(copy.portfolio.openByDue.CNY).reduce((a, b) => a + b, 0);
  assert.equal(copied, expected.CNY, "the mirror is the store's again");
  await page.close();
});

test("the toolbar popup, opened as a click on the icon opens it, paints and then shows the ledger's totals", async () => {
  const l = await launchExtension();
  launched.push(l);
  await loadDemo(l);
  const expected = ledgerTotals();
  const toolbar = await toolbarPopups(l);
  try {
    const popup = await toolbar.open();
    const want = Object.fromEntries(Object.entries(expected).map(([c, m]) => [c, String(m)]));
    // Polled until the worklist is shown and the totals are the ledger's: the first paint may come from a mirror
    // written before the demo loaded, which the popup repaints from the store.
    const seen = await waitFor(
      async () =>
        JSON.parse(
          await popup.evaluate<string>(`JSON.stringify({
            shown: !!document.querySelector('[data-testid="worklist"]'),
            totals: Object.fromEntries([...document.querySelectorAll('[data-testid^="portfolio-total-"]')]
              .map((e) => [e.getAttribute('data-testid').slice('portfolio-total-'.length), e.getAttribute('data-minor')])),
            firstPaint: document.getElementById('summary')?.dataset.firstPaintDone ?? null,
            width: innerWidth,
          })`),
        ) as { shown: boolean; totals: Record<string, string>; firstPaint: string | null; width: number },
      {
        what: `the toolbar popup to show its worklist and the ledger's totals ${JSON.stringify(want)}`,
        interval: 50,
        until: (v) => v.shown && isDeepStrictEqual(v.totals, want),
      },
    );
    assert.ok(
      seen.firstPaint === 'mirror' || seen.firstPaint === 'store',
      `the first paint showed the summary (${seen.firstPaint})`,
    );
    // The popup is sized by its content (w-[380px] and padding), not a tab's viewport.
    assert.ok(seen.width >= 380 && seen.width <= 420, `popup width ${seen.width}`);
    await popup.close();
  } finally {
    await toolbar.dispose();
  }
});
