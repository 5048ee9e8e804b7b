// @vitest-environment happy-dom
/** The popup's one summary renderer: figures from the aggregate, both languages, and painting only on change. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SUMMARY_STYLE_ID, displaySettings, paintSummary, summaryElement } from '@/components/popup/summary';
import { portfolioFigures } from '@/components/popup/metrics';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll } from '@/lib/db/repo';
import { META_ROWS, type MetaRows } from '@/lib/db/metaMirror';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { formatMoney } from '@/lib/format';
import { PINNED, PINNED_DAY } from '../support/clock';

let db: HuikuanDb;
let rows: MetaRows;
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`sum-${Math.random()}`);
  setDb(db);
  await replaceAll(db, buildDemoPortfolio(PINNED_DAY, PINNED.getTime()), PINNED);
  const [s, p] = await db.meta.bulkGet([META_ROWS.settings, META_ROWS.portfolio]);
  rows = { settings: s?.value, portfolio: p?.value };
  document.head.replaceChildren();
  document.body.replaceChildren();
});
afterEach(() => {
  db.close();
  setDb(undefined);
});

const text = (el: Element | undefined, testid: string) => el?.querySelector(`[data-testid="${testid}"]`)?.textContent;

describe('the summary', () => {
  it("shows each currency's outstanding and overdue as the aggregate's figures give them, in English and Chinese", () => {
    const figures = portfolioFigures(rows.portfolio as never, PINNED_DAY, [30, 60, 90]);
    expect(figures.rows.map((r) => r.currency)).toEqual(['CNY', 'USD']);
    const en = summaryElement({ rows, asOf: PINNED_DAY });
    for (const r of figures.rows) {
      expect(text(en, `portfolio-total-${r.currency}`)).toBe(formatMoney(r.total, r.currency, 'en'));
      expect(text(en, `portfolio-overdue-${r.currency}`)).toBe(formatMoney(r.overdue, r.currency, 'en'));
      const legend = [...en!.querySelectorAll(`[data-currency="${r.currency}"] li[data-bucket]`)].map((li) =>
        Number(li.getAttribute('data-minor')),
      );
      expect(legend).toEqual(r.amounts);
    }
    expect(en!.querySelector('h1')!.textContent).toBe('Huikuan · Portfolio');
    const zh = summaryElement({
      rows: { ...rows, settings: { ...(rows.settings as object), language: 'zh' } },
      asOf: PINNED_DAY,
    });
    expect(text(zh, 'portfolio-total-CNY')).toBe(formatMoney(figures.rows[0].total, 'CNY', 'zh'));
    expect(zh!.querySelector('h1')!.textContent).toBe('回款 · 应收总览');
  });

  it('shows one currency when the worklist is filtered to it', () => {
    const el = summaryElement({ rows, asOf: PINNED_DAY, currency: 'USD' });
    expect([...el!.querySelectorAll('[data-currency]')].map((d) => d.getAttribute('data-currency'))).toEqual(['USD']);
  });

  it('has nothing to show without a portfolio, for an empty one, or for a row it cannot trust', () => {
    expect(summaryElement({ rows: { settings: undefined, portfolio: undefined }, asOf: PINNED_DAY })).toBeUndefined();
    expect(
      summaryElement({
        rows: { ...rows, portfolio: { ...(rows.portfolio as object), customers: 0 } },
        asOf: PINNED_DAY,
      }),
    ).toBeUndefined();
    expect(
      summaryElement({ rows: { ...rows, portfolio: { customers: 3, openByDue: 'x' } }, asOf: PINNED_DAY }),
    ).toBeUndefined();
  });

  it('reads the stored settings leniently: bad bucket bounds fall back, an unknown language follows the browser', () => {
    expect(displaySettings({ agingBuckets: [15, 45], language: 'zh' })).toEqual({ lang: 'zh', bucketDays: [15, 45] });
    expect(displaySettings({ agingBuckets: [0, 'x'], language: 'fr' })).toEqual({
      lang: 'en',
      bucketDays: [30, 60, 90],
    });
    expect(displaySettings(null)).toEqual({ lang: 'en', bucketDays: [30, 60, 90] });
  });

  it('paints only when what it shows changes, empties itself when there is nothing, and adds its stylesheet once', () => {
    const host = document.body.appendChild(document.createElement('div'));
    expect(paintSummary(host, { rows, asOf: PINNED_DAY }, '.x{}')).toBe(true);
    const first = host.firstElementChild;
    expect(paintSummary(host, { rows, asOf: PINNED_DAY }, '.x{}')).toBe(true);
    expect(host.firstElementChild).toBe(first);
    expect(paintSummary(host, { rows, asOf: '2026-12-22' }, '.x{}')).toBe(true);
    expect(host.firstElementChild).not.toBe(first);
    expect(document.querySelectorAll(`#${SUMMARY_STYLE_ID}`)).toHaveLength(1);
    expect(
      paintSummary(host, { rows: { settings: rows.settings, portfolio: undefined }, asOf: PINNED_DAY }, '.x{}'),
    ).toBe(false);
    expect(host.childElementCount).toBe(0);
  });
});
