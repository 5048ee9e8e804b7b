// @vitest-environment happy-dom
/**
 * Painted summaries (components/popup/paintedSummary.ts): the summary kept as data rebuilds exactly the DOM the
 * figures would give, only from the tags and attributes a summary has; the popup paints from it on the days and in
 * the language it was painted for and computes otherwise; and it never outlives the rows it was painted from.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PINNED } from '../support/clock';
import type { Lang } from '@/lib/domain';
import { FIRST_COPY_KEY, type FirstCopy, readFirstCopy, saveFirstCopy, savePainted, serialiseFirstRead } from '@/components/popup/firstCopy';
import type { FirstRead } from '@/components/popup/firstRead';
import { keepPaintedSummaries, localDay, paintFromStore, paintStored, paintedSummaries, summaryElement } from '@/components/popup/firstPaint';
import { type PaintedNode, type PaintedSummary, fromPainted, paintedFor, toPainted } from '@/components/popup/paintedSummary';
import { HuikuanDb } from '@/lib/db/schema';
import { getPortfolio, getSettings, replaceAll } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';

const fixed = PINNED;
const today = '2026-11-22';

let demoRows: FirstRead;
beforeAll(async () => {
  const db = new HuikuanDb(`ps-${Math.random()}`);
  await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
  demoRows = { settings: await getSettings(db), portfolio: await getPortfolio(db) };
  db.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  localStorage.clear();
});
afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

function rootDiv(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  document.body.appendChild(root);
  return root;
}

const withLanguage = (rows: FirstRead, language: Lang): FirstRead => ({ ...rows, settings: { ...(rows.settings as object), language } });

describe('the summary as data', () => {
  it.each(['en', 'zh'] as const)('rebuilds the very DOM the figures give (%s), on several days', (lang) => {
    for (const day of [today, '2026-11-23', '2027-01-15']) {
      const el = summaryElement(demoRows.portfolio as never, day, [30, 60, 90], lang);
      const data = JSON.parse(JSON.stringify(toPainted(el))) as PaintedNode;
      const rebuilt = fromPainted(data, document)!;
      expect(toPainted(rebuilt)).toEqual(toPainted(el));
      expect(rebuilt.isEqualNode(el)).toBe(true);
    }
  });

  it('refuses tags, attributes and shapes a summary does not have', () => {
    const ok: PaintedNode = ['div', ['class', 'p-2'], 'text', ['span', ['data-minor', '1']]];
    const el = fromPainted(ok, document)!;
    expect([el.tagName, el.className, el.firstChild!.textContent, el.querySelector('span')!.dataset.minor]).toEqual(['DIV', 'p-2', 'text', '1']);
    const bad: unknown[] = [
      ['script', [], 'alert(1)'],
      ['div', ['onclick', 'alert(1)']],
      ['div', [], ['img', ['src', 'x']]],
      ['div', ['class']],
      ['div', ['class', 7]],
      ['div', 'class'],
      'div',
      null,
    ];
    for (const b of bad) expect(fromPainted(b, document), JSON.stringify(b)).toBeUndefined();
  });

  it('finds the entry for a day and language among entries of any shape', () => {
    const s: PaintedSummary = { day: today, lang: 'zh', tree: ['div', []] };
    expect(paintedFor([null, 3, { day: today, lang: 'zh' }, s], today, 'zh')).toBe(s);
    expect(paintedFor([s], today, 'en')).toBeUndefined();
    expect(paintedFor([s], '2026-11-23', 'zh')).toBeUndefined();
  });
});

describe('painting from a stored summary', () => {
  function copyWith(rows: FirstRead, painted: unknown[]): FirstCopy {
    return { rows, text: serialiseFirstRead(rows), painted };
  }

  it('paints the stored summary for today in the copy\'s language, the same DOM the figures give', () => {
    const rows = withLanguage(demoRows, 'zh');
    const stored = paintedSummaries(rows, fixed);
    const root = rootDiv();
    const first = paintStored(root, copyWith(rows, stored), fixed)!;
    expect(first.from).toBe('summary');
    expect(first.lang).toBe('zh');
    expect(first.portfolio).toEqual(rows.portfolio);
    expect(root.firstElementChild!.isEqualNode(summaryElement(rows.portfolio as never, today, [30, 60, 90], 'zh'))).toBe(true);
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('has nothing to paint for another day, another language or a damaged entry', () => {
    const stored = paintedSummaries(demoRows, fixed);
    expect(paintStored(rootDiv(), copyWith(demoRows, stored), new Date(2026, 10, 25, 9))).toBeUndefined();
    expect(paintStored(rootDiv(), copyWith(withLanguage(demoRows, 'zh'), stored), fixed)).toBeUndefined();
    const damaged = [{ ...stored[0], tree: ['div', [], ['script', [], 'x']] }];
    expect(paintStored(rootDiv(), copyWith(demoRows, damaged), fixed)).toBeUndefined();
  });

  it('wires the Settings button to the options page', () => {
    const open = vi.fn(async () => undefined);
    (globalThis as { chrome?: unknown }).chrome = { runtime: { openOptionsPage: open } };
    try {
      const root = rootDiv();
      paintStored(root, copyWith(demoRows, paintedSummaries(demoRows, fixed)), fixed);
      root.querySelector<HTMLButtonElement>('header button')!.click();
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      delete (globalThis as { chrome?: unknown }).chrome;
    }
  });

  it('is what the popup paints from when the copy has one for today, and the figures otherwise', async () => {
    saveFirstCopy(demoRows);
    expect(keepPaintedSummaries(demoRows, fixed)).toBe(true);
    rootDiv();
    const fromSummary = await paintFromStore(() => Promise.resolve(structuredClone(demoRows)), () => fixed);
    expect(fromSummary.paint.from).toBe('summary');
    document.body.replaceChildren();
    rootDiv();
    const nextWeek = new Date(2026, 10, 29, 9);
    const computed = await paintFromStore(() => Promise.resolve(structuredClone(demoRows)), () => nextWeek);
    expect(computed.paint.from).toBe('figures');
  });
});

describe('keeping painted summaries with the copy', () => {
  it('paints today and the next two days once, and again only when a day is missing', () => {
    saveFirstCopy(demoRows);
    expect(keepPaintedSummaries(demoRows, fixed)).toBe(true);
    expect(readFirstCopy()!.painted.map((p) => (p as PaintedSummary).day)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(keepPaintedSummaries(demoRows, fixed)).toBe(false);
    expect(keepPaintedSummaries(demoRows, new Date(2026, 10, 23, 8))).toBe(true);
    expect(readFirstCopy()!.painted.map((p) => (p as PaintedSummary).day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    // The rows' text is untouched by the summaries beside it.
    expect(readFirstCopy()!.text).toBe(serialiseFirstRead(demoRows));
    expect(readFirstCopy()!.rows).toEqual(JSON.parse(serialiseFirstRead(demoRows)));
  });

  it('never keeps summaries for rows the copy no longer holds', () => {
    saveFirstCopy(demoRows);
    keepPaintedSummaries(demoRows, fixed);
    const other = withLanguage(demoRows, 'zh');
    // New rows drop the summaries in the same write; unchanged rows keep them.
    saveFirstCopy(demoRows);
    expect(readFirstCopy()!.painted).toHaveLength(3);
    saveFirstCopy(other);
    expect(readFirstCopy()!.painted).toEqual([]);
    // Summaries painted from the old rows are refused, and so is keeping them for rows not in the copy.
    expect(savePainted(serialiseFirstRead(demoRows), paintedSummaries(demoRows, fixed))).toBe(false);
    expect(keepPaintedSummaries(demoRows, fixed)).toBe(false);
    expect(readFirstCopy()!.painted).toEqual([]);
  });

  it('reads the rows even when the summaries beside them are damaged', () => {
    saveFirstCopy(demoRows);
    localStorage.setItem(FIRST_COPY_KEY, `${serialiseFirstRead(demoRows)}\n[{broken`);
    expect(readFirstCopy()).toEqual({ rows: JSON.parse(serialiseFirstRead(demoRows)), text: serialiseFirstRead(demoRows), painted: [] });
  });

  it('paints none for an empty portfolio', () => {
    const empty: FirstRead = { settings: undefined, portfolio: { ...(demoRows.portfolio as object), customers: 0 } };
    expect(paintedSummaries(empty, fixed)).toEqual([]);
    expect(localDay(fixed)).toBe(today);
  });
});
