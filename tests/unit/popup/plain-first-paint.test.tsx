// @vitest-environment happy-dom
/**
 * The plain first paint (components/popup/firstPaint.ts) against the React popup that replaces it: for the same
 * aggregate, in both languages, the header and the aging summary must be the same DOM (same elements, classes,
 * attributes, words and numbers), and React's first commit must replace the plain nodes, not add to them.
 */
import { cleanup, screen } from '@testing-library/react';
import { PINNED } from '../support/clock';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Lang } from '@/lib/domain';
import { readFirstPaintRows } from '@/components/popup/firstRead';
import { paintFirst, paintFromStore, plainTranslate, summaryElement } from '@/components/popup/firstPaint';
import { publishFirstPaint, receiveFirstPaint } from '@/components/popup/handoff';
import { continuePopup } from '@/components/popup/start';
import { portfolioFigures } from '@/components/popup/metrics';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { getPortfolio, replaceAll, saveSettings } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { formatMoney } from '@/lib/format';
import { common } from '@/lib/i18n/common';
import { popup } from '@/lib/i18n/popup';

const fixed = PINNED;
const today = '2026-11-22';

let db: HuikuanDb;
let name: string;
let roots: Array<{ unmount(): void }> = [];
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  name = `pfp-${Math.random()}`;
  db = new HuikuanDb(name);
  setDb(db);
});
afterEach(async () => {
  await act(async () => { roots.forEach((r) => r.unmount()); });
  roots = [];
  cleanup();
  document.body.replaceChildren();
  delete (globalThis as Record<string, unknown>).__huikuanPopupFirstPaint;
  db.close();
  setDb(undefined);
});

/**
 * The DOM as a string — element names, every attribute in order, text — with generated ids (React's useId, the
 * plain paint's counter) renamed in order of appearance.
 */
function normalised(el: Element): string {
  const ids = new Map<string, string>();
  const idOf = (v: string) => {
    if (v === 'aging-h') return v;
    if (!ids.has(v)) ids.set(v, `id${ids.size}`);
    return ids.get(v)!;
  };
  const walk = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if (!(n instanceof Element)) return '';
    const attrs = [...n.attributes].map((a) => ` ${a.name}="${a.name === 'id' || a.name === 'aria-describedby' ? idOf(a.value) : a.value}"`).join('');
    return `<${n.localName}${attrs}>${[...n.childNodes].map(walk).join('')}</${n.localName}>`;
  };
  return walk(el);
}

/** The header and the aging section of a painted popup: what the plain paint and React both show. */
function summaryParts(main: Element): string[] {
  return ['header', 'section[aria-labelledby="aging-h"]'].map((sel) => {
    const el = main.querySelector(sel);
    expect(el, sel).toBeTruthy();
    return normalised(el!);
  });
}

async function seeded(lang: Lang, agingBuckets?: number[]) {
  await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
  await saveSettings(db, { language: lang, ...(agingBuckets ? { agingBuckets } : {}) });
  const rows = await readFirstPaintRows(indexedDB, name);
  expect(rows).toBeTruthy();
  return rows!;
}

function mount(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
  return root;
}

describe('plain first paint', () => {
  it.each([['en', undefined], ['zh', [15, 45]]] as Array<[Lang, number[] | undefined]>)(
    'paints the same header and aging summary as the React popup that replaces it (%s)', async (lang, buckets) => {
      const rows = await seeded(lang, buckets);
      const root = mount();
      const first = paintFirst(root, rows, fixed);
      expect(first.lang).toBe(lang);
      const plain = first.painted!;
      expect(plain.parentElement).toBe(root);
      expect(document.documentElement.lang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const plainParts = summaryParts(plain);

      // The figures are the aggregate's, in the language's formatting and words.
      const figures = portfolioFigures((await getPortfolio(db))!, today, buckets ?? [30, 60, 90]);
      expect(figures.rows.length).toBeGreaterThan(1);
      for (const row of figures.rows) {
        const total = plain.querySelector(`[data-testid="portfolio-total-${row.currency}"]`)!;
        expect(total.textContent).toBe(formatMoney(row.total, row.currency, lang));
        expect(total.getAttribute('data-minor')).toBe(String(row.total));
        expect(plain.querySelector(`[data-testid="portfolio-overdue-${row.currency}"]`)!.textContent)
          .toBe(formatMoney(row.overdue, row.currency, lang));
        expect(plain.querySelectorAll(`[data-currency="${row.currency}"] li[data-bucket]`)).toHaveLength(figures.buckets.length);
      }
      expect(plain.querySelector('h1')!.textContent).toBe(`${common[lang].appName} · ${popup[lang].title}`);
      expect(plain.textContent).toContain(popup[lang].aging.outstanding);
      expect(plain.textContent).toContain(popup[lang].metrics.dso);

      // React mounts on the same root: its summary is the same DOM, and the plain nodes are gone.
      let reactRoot: { unmount(): void } | undefined;
      await act(async () => { reactRoot = await continuePopup(root, { rows, paint: first }, () => fixed); });
      roots.push(reactRoot!);
      await screen.findByTestId('worklist', {}, { timeout: 5000 });
      expect(plain.isConnected).toBe(false);
      expect(root.children).toHaveLength(1);
      const live = root.firstElementChild!;
      expect(live).not.toBe(plain);
      expect(summaryParts(live)).toEqual(plainParts);
      for (const row of figures.rows) expect(screen.getAllByTestId(`portfolio-total-${row.currency}`)).toHaveLength(1);
    });

  it('reads missing words as their keys and fills {{values}} like i18next', () => {
    const t = plainTranslate('zh');
    expect(t('aging.overdueShare', { share: '12%' })).toBe(popup.zh.aging.overdueShare.replace('{{share}}', '12%'));
    expect(t('common:bucketRange', { from: 1, to: 30 })).toBe('1–30 天');
    expect(t('aging.nothingHere')).toBe('aging.nothingHere');
  });

  it('builds the same summary whatever ids it is given, and the Settings button opens the options page', async () => {
    const rows = await seeded('en');
    const open = vi.fn(async () => undefined);
    (globalThis as { chrome?: unknown }).chrome = { runtime: { openOptionsPage: open } };
    try {
      const el = summaryElement(rows.portfolio as never, today, [30, 60, 90], 'en');
      el.querySelector('button')!.click();
      expect(open).toHaveBeenCalledTimes(1);
      const dds = el.querySelectorAll('dd[aria-describedby]');
      expect(dds.length).toBeGreaterThan(0);
      for (const dd of dds) expect(el.querySelector(`#${dd.getAttribute('aria-describedby')}`)!.textContent).toBe(dd.getAttribute('title'));
    } finally {
      delete (globalThis as { chrome?: unknown }).chrome;
    }
  });

  it('paints nothing for an empty store, and React then shows the onboarding', async () => {
    const root = mount();
    const first = paintFirst(root, undefined, fixed);
    expect(first.painted).toBeUndefined();
    expect(root.childNodes).toHaveLength(0);
    await act(async () => { roots.push(await continuePopup(root, { paint: first }, () => fixed)); });
    expect(await screen.findByTestId('onboarding', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByTestId(/^portfolio-total-/)).toBeNull();
  });
  it('paints nothing from a row it cannot summarise, leaving it to the live popup', () => {
    const root = mount();
    const broken = { customers: 3, openByDue: { CNY: null }, salesByMonth: {}, collectedByMonth: {} };
    const first = paintFirst(root, { settings: undefined, portfolio: broken }, fixed);
    expect(first).toEqual({ lang: 'en' });
    expect(root.childNodes).toHaveLength(0);
  });
});

describe('first-paint hand-off', () => {
  it('gives the module the paint whether the first-paint script ran before or after it', async () => {
    const rows = await seeded('en');
    const root = mount();
    // Module first: it waits for the script's announcement.
    const waiting = receiveFirstPaint();
    publishFirstPaint(paintFromStore(() => Promise.resolve(rows), () => fixed));
    const got = (await waiting)!;
    expect(got.paint.painted?.isConnected).toBe(true);
    expect(root.querySelectorAll('[data-testid^="portfolio-total-"]').length).toBeGreaterThan(0);
    // Script first: the module finds the published paint.
    expect(await receiveFirstPaint()).toBe(got);
  });

  it('tells the module there is no paint once the page has loaded without the script', async () => {
    const waiting = receiveFirstPaint();
    window.dispatchEvent(new Event('load'));
    expect(await waiting).toBeUndefined();
  });
});
