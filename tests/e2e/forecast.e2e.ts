/**
 * The payment forecast in the real browser: the popup's expected collections (this week, this month, each of the
 * next 13 weeks, per currency) equal the forecast computed in Node over the same seeded data (the demo portfolio),
 * the worker computes it after the popup has painted, the worklist ranks by the same value at risk, in English and
 * in Chinese.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, loadDemo, todayIso, type Launched } from './harness';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { defaultSettings, type Lang } from '../../lib/domain';
import { customerForecast, forecastStore, storeAccuracy } from '../../lib/forecast/portfolio';
import { forecastHeadline } from '../../lib/forecast/explain';
import { translator } from '../../lib/i18n';
import { formatMoney } from '../../lib/format';
import { BROWSER_START_MS } from './clock';

const launched: Launched[] = [];
after(async () => {
  for (const l of launched) await l.close();
});

function nodeForecast() {
  const data = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
  return forecastStore(data, todayIso(), defaultSettings().promiseGraceDays).portfolio;
}

for (const [lang, locale, heading] of [
  ['en', 'en-US', 'Expected collections'],
  ['zh', 'zh-CN', '预计回款'],
] as Array<[Lang, string, string]>) {
  test(`the popup's expected collections equal the forecast computed in Node (${lang})`, async () => {
    const l = await launchExtension({ locale });
    launched.push(l);
    await loadDemo(l);
    const expected = nodeForecast();
    const currencies = Object.keys(expected.byCurrency).sort();
    assert.ok(currencies.length >= 1 && expected.invoices > 10, 'the demo has open invoices to forecast');

    const page = await l.openPage('popup.html');
    // The summary is painted before the forecast answers (it never waits for the worker).
    await page.getByTestId('worklist').waitFor({ timeout: 20_000 });
    await page.getByTestId('forecast-ready').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#forecast-h').textContent(), heading);
    assert.equal(await page.getByTestId('forecast-ready').getAttribute('data-as-of'), todayIso());
    for (const cur of currencies) {
      const c = expected.byCurrency[cur];
      const week = page.getByTestId(`forecast-week-${cur}`);
      const month = page.getByTestId(`forecast-month-${cur}`);
      assert.equal(await week.getAttribute('data-minor'), String(c.thisWeek), `${cur} this week`);
      assert.equal(await month.getAttribute('data-minor'), String(c.thisMonth), `${cur} this month`);
      assert.equal(await week.textContent(), formatMoney(c.thisWeek, cur, lang));
      assert.equal(await month.textContent(), formatMoney(c.thisMonth, cur, lang));
      const bars = await page
        .getByTestId(`forecast-weeks-${cur}`)
        .locator('[data-minor]')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-week'), Number(e.getAttribute('data-minor'))]));
      assert.deepEqual(
        bars,
        expected.weekStarts.map((w, i) => [w, c.weeks[i]]),
        `${cur} 13 weeks`,
      );
    }
    assert.ok(
      currencies.some((cur) => expected.byCurrency[cur].weeks.some((m) => m > 0)),
      'something is expected in the next 13 weeks',
    );

    // Ranked by value at risk: the rows follow the worker's figures, largest first.
    await page.getByTestId('worklist-rank-risk').click();
    await page.locator('[data-testid="worklist-row"][data-risk]').first().waitFor({ timeout: 10_000 });
    const rows = await page.getByTestId('worklist-row').evaluateAll((els) =>
      els.map((e) => ({
        customerId: e.getAttribute('data-customer-id')!,
        risk: Number(e.getAttribute('data-risk') ?? 0),
      })),
    );
    assert.ok(rows.length > 3, 'the worklist has rows');
    assert.ok(rows[0].risk > 0, 'the first row has value at risk');
    for (const r of rows) {
      const node = Object.values(expected.atRisk[r.customerId] ?? {});
      if (r.risk > 0)
        assert.ok(node.includes(r.risk), `${r.customerId}: value at risk ${r.risk} is Node's (${node.join(', ')})`);
    }
    for (let i = 1; i < rows.length; i++)
      assert.ok(rows[i - 1].risk >= rows[i].risk, `row ${i} ranked by value at risk`);
    await page.close();
  });
}

for (const [lang, locale] of [
  ['zh', 'zh-CN'],
  ['en', 'en-US'],
] as Array<[Lang, string]>) {
  test(`the side panel shows each open invoice's forecast and the options page back-tests the user's invoices (${lang})`, async () => {
    const l = await launchExtension({ locale });
    launched.push(l);
    await loadDemo(l);
    const data = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
    const f = forecastStore(data, todayIso(), defaultSettings().promiseGraceDays);
    // The customer with the most open invoices.
    const counts = new Map<string, number>();
    for (const x of f.forecasts) counts.set(x.customerId, (counts.get(x.customerId) ?? 0) + 1);
    const [customerId] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const mine = customerForecast(f, customerId);

    const panel = await l.openPage(`sidepanel.html?customer=${customerId}`);
    await panel.getByTestId('forecast-invoice').first().waitFor({ timeout: 30_000 });
    const shown = await panel.getByTestId('forecast-invoice').evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-receivable-id'),
        expectedDate: e.getAttribute('data-expected'),
        from: e.getAttribute('data-from'),
        to: e.getAttribute('data-to'),
        lateProbability: Number(e.getAttribute('data-late')),
        text: e.textContent ?? '',
      })),
    );
    assert.deepEqual(
      shown.map(({ text: _t, ...rest }) => rest),
      mine.forecasts.map((x) => ({
        id: x.id,
        expectedDate: x.expectedDate,
        from: x.from,
        to: x.to,
        lateProbability: x.lateProbability,
      })),
    );
    const t = translator(lang, 'forecast');
    for (const [i, x] of mine.forecasts.entries())
      assert.ok(shown[i].text.includes(forecastHeadline(x, t, lang)), `explained: ${forecastHeadline(x, t, lang)}`);
    assert.equal(
      Number(await panel.getByTestId('forecast-customer-late').getAttribute('data-p')),
      mine.lateProbability,
    );
    await panel.close();

    const options = await l.openPage('options.html#settings');
    await options.getByTestId('forecast-accuracy-run').click();
    const figures = options.getByTestId('forecast-accuracy-figures');
    await figures.waitFor({ timeout: 30_000 });
    const acc = storeAccuracy(data);
    if (acc.forecasts > 0) {
      assert.equal(Number(await figures.getAttribute('data-mae')), acc.mae);
      assert.equal(Number(await figures.getAttribute('data-coverage')), acc.coverage);
    } else {
      assert.equal(await figures.textContent(), translator(lang, 'forecast')('accuracy.notEnough'));
    }
    await options.close();
  });
}
