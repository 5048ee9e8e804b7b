// @vitest-environment happy-dom
/**
 * The popup's localStorage copy of its first read: painted from at once, checked against the store, replaced when
 * it is out of date, and kept equal to the store by every open extension page.
 */
import { cleanup, render, waitFor } from '@testing-library/react';
import { PINNED } from '../support/clock';
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_COPY_KEY, readFirstCopy, saveFirstCopy, serialiseFirstRead } from '@/components/popup/firstCopy';
import { type FirstRead, readFirstPaintRows } from '@/components/popup/firstRead';
import { FIRST_PAINT_STYLE_ID, localDay, paintFromStore } from '@/components/popup/firstPaint';
import type { PaintedSummary } from '@/components/popup/paintedSummary';
import { portfolioFigures } from '@/components/popup/metrics';
import { AppShell } from '@/components/app/AppShell';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { getPortfolio, replaceAll, saveSettings } from '@/lib/db/repo';
import { emptyPortfolio, type PortfolioAggregate } from '@/lib/db/portfolio';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { formatMoney } from '@/lib/format';

const fixed = PINNED;
const today = '2026-11-22';

let db: HuikuanDb;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  localStorage.clear();
  db = new HuikuanDb(`fc-${Math.random()}`);
  setDb(db);
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  document.getElementById(FIRST_PAINT_STYLE_ID)?.remove();
  localStorage.clear();
  db.close();
  setDb(undefined);
});

/** A portfolio of one customer owing `minor` CNY, due on `due`. */
function portfolioOwing(minor: number, due = '2026-10-01'): PortfolioAggregate {
  return { ...emptyPortfolio(), customers: 1, openReceivables: 1, openByDue: { CNY: { [due]: minor } } };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

function rootDiv(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
  return root;
}

const totalText = (root: HTMLElement) => root.querySelector('[data-testid="portfolio-total-CNY"]')?.textContent;

/** Paints from a copy of `rows` with the store's read held open; returns once the copy's figures are up. */
async function paintedFromCopy(rows: FirstRead) {
  saveFirstCopy(rows);
  const root = rootDiv();
  const read = deferred<FirstRead | undefined>();
  const handoff = paintFromStore(() => read.promise, () => fixed);
  await Promise.resolve();
  await Promise.resolve();
  return { root, read, handoff };
}

describe('the copy itself', () => {
  it('round-trips the rows and reads nothing from a missing, broken or empty copy', () => {
    expect(readFirstCopy()).toBeUndefined();
    const rows: FirstRead = { settings: { language: 'zh' }, portfolio: portfolioOwing(500) };
    const text = saveFirstCopy(rows);
    expect(text).toBe(serialiseFirstRead(rows));
    expect(readFirstCopy()).toEqual({ rows, text, painted: [] });
    localStorage.setItem(FIRST_COPY_KEY, '{not json');
    expect(readFirstCopy()).toBeUndefined();
    localStorage.setItem(FIRST_COPY_KEY, JSON.stringify({ settings: {}, portfolio: null }));
    expect(readFirstCopy()).toBeUndefined();
  });

  it('is removed when the store has no portfolio', () => {
    saveFirstCopy({ settings: undefined, portfolio: portfolioOwing(500) });
    saveFirstCopy({ settings: undefined, portfolio: undefined });
    expect(localStorage.getItem(FIRST_COPY_KEY)).toBeNull();
  });

  it('costs only the head start when storage refuses it', () => {
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => undefined } as unknown as Storage;
    expect(saveFirstCopy({ settings: undefined, portfolio: portfolioOwing(1) }, full)).toBeUndefined();
  });
});

describe('painting from the copy', () => {
  it('paints before the store has answered, and keeps that paint when the store agrees', async () => {
    const rows: FirstRead = { settings: undefined, portfolio: portfolioOwing(123_400) };
    const { root, read, handoff } = await paintedFromCopy(rows);
    expect(totalText(root)).toBe(formatMoney(123_400, 'CNY', 'en'));
    const painted = root.firstElementChild;
    read.resolve(structuredClone(rows));
    const done = await handoff;
    expect(done.paint.painted).toBe(painted);
    expect(root.firstElementChild).toBe(painted);
    expect(done.rows).toEqual(rows);
  });

  it('starts the store\'s read only once the frame with the copy\'s figures has been produced', async () => {
    const rows: FirstRead = { settings: undefined, portfolio: portfolioOwing(7_700) };
    saveFirstCopy(rows);
    const root = rootDiv();
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => { frames.push(cb); return frames.length; });
    try {
      const read = vi.fn(() => Promise.resolve(structuredClone(rows)));
      const handoff = paintFromStore(read, () => fixed);
      await new Promise((r) => setTimeout(r, 5));
      expect(totalText(root)).toBe(formatMoney(7_700, 'CNY', 'en'));
      expect(read).not.toHaveBeenCalled();
      expect(frames).toHaveLength(1);
      frames[0](performance.now());
      await new Promise((r) => setTimeout(r, 5));
      expect(read).toHaveBeenCalledOnce();
      expect((await handoff).rows).toEqual(rows);
    } finally {
      raf.mockRestore();
    }
  });

  it('puts its own stylesheet in the page once, before the figures', async () => {
    saveFirstCopy({ settings: undefined, portfolio: portfolioOwing(100) });
    rootDiv();
    await paintFromStore(() => Promise.resolve({ settings: undefined, portfolio: portfolioOwing(200) }), () => fixed);
    const styles = document.head.querySelectorAll(`style#${FIRST_PAINT_STYLE_ID}`);
    expect(styles).toHaveLength(1);
  });

  it('repaints from the store when the copy is out of date, and replaces the copy', async () => {
    const { root, read, handoff } = await paintedFromCopy({ settings: undefined, portfolio: portfolioOwing(100) });
    expect(totalText(root)).toBe(formatMoney(100, 'CNY', 'en'));
    const truth: FirstRead = { settings: { language: 'zh' }, portfolio: portfolioOwing(987_600) };
    read.resolve(truth);
    const done = await handoff;
    expect(root.querySelectorAll('[data-testid="portfolio-total-CNY"]')).toHaveLength(1);
    expect(totalText(root)).toBe(formatMoney(987_600, 'CNY', 'zh'));
    expect(done.paint.lang).toBe('zh');
    expect(localStorage.getItem(FIRST_COPY_KEY)).toBe(serialiseFirstRead(truth));
  });

  it('takes the copy\'s figures away when the store has none (cleared, or gone)', async () => {
    saveFirstCopy({ settings: undefined, portfolio: portfolioOwing(100) });
    const root = rootDiv();
    const done = await paintFromStore(() => Promise.resolve(undefined), () => fixed);
    expect(root.childElementCount).toBe(0);
    expect(done.paint.painted).toBeUndefined();
    expect(localStorage.getItem(FIRST_COPY_KEY)).toBeNull();
  });

  it('paints from the store and writes the first copy when there is none', async () => {
    const root = rootDiv();
    const rows: FirstRead = { settings: undefined, portfolio: portfolioOwing(4_200) };
    await paintFromStore(() => Promise.resolve(rows), () => fixed);
    expect(totalText(root)).toBe(formatMoney(4_200, 'CNY', 'en'));
    expect(readFirstCopy()?.rows).toEqual(rows);
  });
});

describe('extension pages keep the copy current', () => {
  it('writes what the store holds, as the popup\'s own read serialises it, and follows later writes', async () => {
    await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
    render(<AppShell clock={() => fixed} namespaces={['common']}><p>page</p></AppShell>);
    const storeText = async () => serialiseFirstRead((await readFirstPaintRows(indexedDB, db.name))!);
    const expected = await storeText();
    await waitFor(() => expect(readFirstCopy()?.text).toBe(expected));
    // In idle time the page paints the summaries of those rows for today and the next two days, in English.
    const days = [0, 1, 2].map((i) => localDay(new Date(fixed.getFullYear(), fixed.getMonth(), fixed.getDate() + i, 12)));
    await waitFor(() => expect(readFirstCopy()?.painted.map((p) => [(p as PaintedSummary).day, (p as PaintedSummary).lang]))
      .toEqual(days.map((d) => [d, 'en'])), { timeout: 5_000 });
    // The copy the popup would paint from shows the store's figures.
    const figures = portfolioFigures((await getPortfolio(db)), today, [30, 60, 90]);
    expect(portfolioFigures(readFirstCopy()!.rows.portfolio as PortfolioAggregate, today, [30, 60, 90])).toEqual(figures);

    await act(async () => { await saveSettings(db, { language: 'zh' }); });
    const afterWrite = await storeText();
    expect(afterWrite).not.toBe(expected);
    await waitFor(() => expect(readFirstCopy()?.text).toBe(afterWrite));
    // New rows drop the old summaries in the same write; the new ones are painted in the new language.
    await waitFor(() => expect(readFirstCopy()?.painted.map((p) => (p as PaintedSummary).lang)).toEqual(['zh', 'zh', 'zh']), { timeout: 5_000 });

    await act(async () => { await replaceAll(db, { customers: [], contacts: [], receivables: [], payments: [], promises: [], activities: [], profiles: [], preparations: [] }, fixed); });
    await waitFor(async () => expect(readFirstCopy()?.text).toBe(await storeText()));
    expect(readFirstCopy()?.rows.portfolio).toEqual(expect.objectContaining({ customers: 0 }));
    // An empty portfolio has no summary to paint.
    await new Promise((r) => setTimeout(r, 200));
    expect(readFirstCopy()?.painted).toEqual([]);
  });
});
