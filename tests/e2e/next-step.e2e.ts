/**
 * The next step in the real browser, in English and in Chinese: for the demo customer with a disputed invoice, the
 * side panel shows the level the ladder computes from its history, a script that asks for the undisputed invoice
 * and lists the disputed one apart; the status card shows the disputed amount on its own; the popup's worklist row
 * names the same step (one level function for both).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, loadDemo, todayIso, type Launched } from './harness';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { allocate } from '../../lib/ledger';
import { suggestNext } from '../../lib/playbook';
import { ladder } from '../../lib/playbook/catalog';
import { defaultSettings, type Lang } from '../../lib/domain';
import { BROWSER_START_MS } from './clock';

const launched: Launched[] = [];
after(async () => {
  for (const l of launched) await l.close();
});

/** The demo customer with both a disputed and an undisputed open invoice, and what the playbook says for it. */
function disputedCustomer(lang: Lang) {
  const data = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
  for (const c of data.customers) {
    const of = <T extends { customerId: string }>(xs: T[]) => xs.filter((x) => x.customerId === c.id);
    const account = {
      customer: c,
      contacts: of(data.contacts),
      receivables: allocate(of(data.receivables), of(data.payments)),
      payments: of(data.payments),
      promises: of(data.promises),
      activities: of(data.activities),
      profile: of(data.profiles)[0],
      preparations: of(data.preparations)[0],
      settings: defaultSettings(),
    };
    const s = suggestNext(account, new Date(BROWSER_START_MS), lang);
    if (s.disputed.length && s.demanded.length) return { id: c.id, s };
  }
  throw new Error('the demo has no customer with a disputed and an undisputed open invoice');
}

for (const [lang, locale, apart] of [
  ['en', 'en-US', /Not part of this request, as they are under discussion: /],
  ['zh', 'zh-CN', /以下款项双方仍在沟通，不在本次催收之列：/],
] as Array<[Lang, string, RegExp]>) {
  test(`the panel's step and script for a customer with a disputed invoice, and the popup's same step (${lang})`, async () => {
    const l = await launchExtension({ locale });
    launched.push(l);
    await loadDemo(l);
    const { id, s } = disputedCustomer(lang);
    const panel = await l.openPage(`sidepanel.html?customer=${id}`);
    await panel
      .locator(`main[data-customer-id="${id}"][data-ready="true"] [data-testid=below-the-fold][data-complete="true"]`)
      .waitFor({ timeout: 15_000 });
    const step = panel.getByTestId('next-step');
    assert.equal(Number(await step.getAttribute('data-level')), s.level);
    assert.match(
      (await step.locator('h2').textContent()) ?? '',
      new RegExp(ladder[s.level].name[lang].replace(/[()]/g, '\\$&')),
    );
    const script = (await panel.getByTestId('script').textContent()) ?? '';
    assert.match(script, apart);
    for (const d of s.demanded) assert.ok(script.includes(d.docNumber), `the script asks for ${d.docNumber}`);
    // The disputed document is named only by the parts that rest on it (listed apart; the complaint being worked on),
    // never among the items asked for.
    for (const d of s.disputed) {
      const resting = s.parts.filter((p) => p.facts.some((f) => f.kind === 'disputed' && f.id === d.id));
      assert.ok(resting.every((p) => p.kind !== 'items'));
      assert.equal(
        script.split(d.docNumber).length - 1,
        resting.length,
        `${d.docNumber} is named only where a part rests on it`,
      );
    }
    const cur = s.disputed[0].currency;
    assert.equal(
      Number(await panel.getByTestId(`disputed-${cur}`).getAttribute('data-minor')),
      s.disputed.filter((d) => d.currency === cur).reduce((t, d) => t + d.minor, 0),
    );
    await panel.close();

    const popup = await l.openPage('popup.html');
    const row = popup.locator(`[data-testid=worklist-row][data-customer-id="${id}"] [data-testid=worklist-step]`);
    await row.waitFor({ timeout: 15_000 });
    assert.equal(Number(await row.getAttribute('data-level')), s.level);
    assert.match((await row.textContent()) ?? '', new RegExp(ladder[s.level].name[lang].replace(/[()]/g, '\\$&')));
    await popup.close();
  });
}
