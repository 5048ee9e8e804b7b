// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { PINNED } from '../support/clock';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_READ, readFirstPaintRows } from '@/components/popup/firstRead';
import { startPopup } from '@/components/popup/start';
import { firstDisplaySettings, firstPortfolio } from '@/components/popup/firstPaint';
import { portfolioFigures } from '@/components/popup/metrics';
import { DB_NAME, HuikuanDb, setDb } from '@/lib/db/schema';
import { getPortfolio, getSettings, replaceAll, saveSettings } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { formatMoney } from '@/lib/format';

const fixed = PINNED;
const today = '2026-11-22';

let db: HuikuanDb;
let name: string;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  name = `fp-${Math.random()}`;
  db = new HuikuanDb(name);
  setDb(db);
});
let started: Array<{ unmount(): void }> = [];
afterEach(async () => {
  // startPopup owns its root (testing-library's cleanup does not know it): unmount it before the DOM goes away.
  await act(async () => { started.forEach((r) => r.unmount()); });
  started = [];
  cleanup();
  document.body.replaceChildren();
  db.close();
  setDb(undefined);
});

describe('popup first read', () => {
  it('reads the same settings and portfolio rows the store writes, under the same database name', async () => {
    expect(FIRST_READ.db).toBe(DB_NAME);
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    await saveSettings(db, { language: 'zh', agingBuckets: [15, 45] });
    const rows = await readFirstPaintRows(indexedDB, name);
    expect(rows?.settings).toEqual(await getSettings(db));
    expect(rows?.portfolio).toEqual(await getPortfolio(db));
    expect(firstPortfolio(rows?.portfolio)?.customers).toBeGreaterThan(0);
    expect(firstDisplaySettings(rows?.settings)).toEqual({ language: 'zh', bucketDays: [15, 45] });
  });

  it('does not create a database that does not exist yet', async () => {
    const missing = `missing-${Math.random()}`;
    expect(await readFirstPaintRows(indexedDB, missing)).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(missing);
  });

  it('falls back to the defaults for settings it cannot trust', () => {
    expect(firstDisplaySettings(undefined)).toEqual({ language: undefined, bucketDays: [30, 60, 90] });
    expect(firstDisplaySettings({ language: 'fr', agingBuckets: [0, -3] })).toEqual({ language: undefined, bucketDays: [30, 60, 90] });
    expect(firstPortfolio({ customers: 'x' })).toBeUndefined();
  });
});

describe('popup first paint', () => {
  it('paints the portfolio figures from the first read, then the live popup takes over', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    const rows = await readFirstPaintRows(indexedDB, name);
    const root = document.createElement('div');
    document.body.appendChild(root);
    await act(async () => { started.push(await startPopup(root, Promise.resolve(rows), () => fixed)); });
    const figures = portfolioFigures((await getPortfolio(db)), today, [30, 60, 90]);
    const cny = figures.rows.find((r) => r.currency === 'CNY')!;
    const total = await screen.findByTestId('portfolio-total-CNY');
    expect(total.textContent).toBe(formatMoney(cny.total, 'CNY', 'en'));
    // The summary is painted before the worklist exists; the live popup then brings it.
    expect(await screen.findByTestId('worklist', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('portfolio-total-CNY').getAttribute('data-minor')).toBe(String(cny.total)));
  });

  it('goes straight to the live popup (onboarding) when there is no store yet', async () => {
    const root = document.createElement('div');
    document.body.appendChild(root);
    await act(async () => { started.push(await startPopup(root, Promise.resolve(undefined), () => fixed)); });
    expect(await screen.findByTestId('onboarding', {}, { timeout: 5000 })).toBeTruthy();
  });
});
