/**
 * Accessibility in the real browser: axe-core (Deque's engine, a dev dependency) runs inside the side panel, the
 * popup, the options page and a letter page, in English and Chinese, on the demo portfolio, and finds no serious or
 * critical violation. The popup is checked with every row's actions shown (as on hover or focus) and the side panel
 * with its forms open, so what appears on demand is checked too.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, setLanguage, type Launched } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let l: Launched;
before(async () => {
  l = await launchExtension();
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe over the page (its source evaluated over the DevTools protocol: extension pages allow no inline script). */
async function axe(page: Page): Promise<Finding[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = globalThis as unknown as {
      axe: {
        run(
          ctx: unknown,
          opts: unknown,
        ): Promise<{
          violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
        }>;
      };
    };
    // label-content-name-mismatch is one of axe's experimental rules (off by default): the worklist once had it.
    const r = await w.axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
}

function assertClean(where: string, found: Finding[]) {
  const bad = found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  assert.deepEqual(
    bad,
    [],
    `${where}: ${bad.map((f) => `${f.id} (${f.impact}) ${f.help} ${f.nodes.join(' ')}`).join('; ')}`,
  );
}

for (const lang of ['en', 'zh'] as const) {
  test(`axe finds no serious or critical violation on the side panel, popup, options and letter pages (${lang})`, async () => {
    await setLanguage(l, lang);

    const panel = await l.openPage('sidepanel.html?customer=c01');
    await panel
      .locator('main[data-customer-id="c01"] [data-testid=below-the-fold][data-complete="true"]')
      .waitFor({ timeout: 15_000 });
    await panel.getByTestId('payment-add').click();
    await panel.getByTestId('payment-mode-invoices').check();
    await panel.getByTestId('promise-add').click();
    // The script box scrolls when the script is longer than it: make it so, whatever this customer's script.
    await panel.addStyleTag({ content: '[data-testid="script"] { max-height: 3em !important; }' });
    assertClean(`side panel (${lang})`, await axe(panel));
    await panel.close();

    const popup = await l.openPage('popup.html');
    await popup.getByTestId('worklist-row').first().getByTestId('worklist-step').waitFor({ timeout: 20_000 });
    await popup.addStyleTag({ content: '[data-testid="worklist-row"] [role="group"] { display: flex !important; }' });
    assertClean(`popup (${lang})`, await axe(popup));
    await popup.close();

    for (const hash of ['data', 'settings']) {
      const options = await l.openPage(`options.html#${hash}`);
      await options.waitForLoadState('load');
      await options.locator('main, [data-testid]').first().waitFor({ timeout: 10_000 });
      assertClean(`options #${hash} (${lang})`, await axe(options));
      await options.close();
    }

    const letter = await l.openPage(`letter.html?customer=c01&kind=balance-confirmation&lang=${lang}`);
    await letter.getByTestId('letter').waitFor({ timeout: 15_000 });
    assertClean(`letter (${lang})`, await axe(letter));
    await letter.close();
  });
}
