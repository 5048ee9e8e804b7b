// @vitest-environment happy-dom
/**
 * The popup's first paint: the summary at once from the mirror, then the store's rows (repainted and mirrored when
 * the mirror was stale); the live popup then keeps the same element current; every extension page keeps the mirror
 * equal to the store.
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstPaint } from '@/components/popup/firstPaint';
import { FIRST_PAINT_DONE, SUMMARY_ID } from '@/components/popup/summaryHost';
import { mountPopup } from '@/components/popup/mount';
import { AppShell } from '@/components/app/AppShell';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll, saveSettings } from '@/lib/db/repo';
import {
  MIRROR_KEY,
  type MetaRows,
  readMetaRows,
  readMirror,
  serialiseMetaRows,
  writeMirror,
} from '@/lib/db/metaMirror';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { emptyPortfolio } from '@/lib/db/portfolio';
import { PINNED, PINNED_DAY, pinnedClock } from '../support/clock';

let db: HuikuanDb;
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  localStorage.clear();
  db = new HuikuanDb(`fp-${Math.random()}`);
  setDb(db);
  document.head.replaceChildren();
  // popup.html's body: the summary, then React's root.
  const main = document.createElement('main');
  for (const id of [SUMMARY_ID, 'root']) main.appendChild(document.createElement('div')).id = id;
  document.body.replaceChildren(main);
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  db.close();
  setDb(undefined);
});

const host = () => document.getElementById(SUMMARY_ID)!;
const total = (cur = 'CNY') =>
  Number(host().querySelector(`[data-testid="portfolio-total-${cur}"]`)?.getAttribute('data-minor') ?? NaN);
const storeRows = async () => (await readMetaRows(indexedDB, db.name))!;
const loadDemo = () => replaceAll(db, buildDemoPortfolio(PINNED_DAY, PINNED.getTime()), PINNED);
const tripled = (rows: MetaRows): MetaRows => {
  const p = structuredClone(rows.portfolio) as { openByDue: Record<string, Record<string, number>> };
  for (const byDue of Object.values(p.openByDue)) for (const d of Object.keys(byDue)) byDue[d] *= 3;
  return { settings: rows.settings, portfolio: p };
};

describe('first paint', () => {
  it('paints the mirror at once, reads the store only after that frame, and leaves a current mirror alone', async () => {
    await loadDemo();
    const rows = await storeRows();
    writeMirror(rows);
    const seen: string[] = [];
    const read = async () => {
      seen.push(`read with total ${total()}`);
      return rows;
    };
    const painting = firstPaint(pinnedClock, { read });
    // Painted synchronously from the mirror, before the store is read.
    const first = host().firstElementChild;
    expect(total()).toBeGreaterThan(0);
    await painting;
    expect(seen).toEqual([`read with total ${total()}`]);
    expect(host().firstElementChild).toBe(first);
    expect(host().dataset[FIRST_PAINT_DONE]).toBe('mirror');
  });

  it("paints a stale mirror, then the store's figures over it, and mirrors the store", async () => {
    await loadDemo();
    const rows = await storeRows();
    writeMirror(tripled(rows));
    const totals: number[] = [];
    await firstPaint(pinnedClock, {
      read: async () => {
        totals.push(total());
        return rows;
      },
    });
    totals.push(total());
    expect(totals[0]).toBe(totals[1] * 3);
    expect(readMirror()!.text).toBe(serialiseMetaRows(rows));
  });

  it('without a mirror paints from the store; with no store paints nothing and keeps no mirror', async () => {
    await loadDemo();
    await firstPaint(pinnedClock, { read: () => readMetaRows(indexedDB, db.name) });
    expect(total()).toBeGreaterThan(0);
    expect(host().dataset[FIRST_PAINT_DONE]).toBe('store');
    expect(localStorage.getItem(MIRROR_KEY)).not.toBeNull();
    host().replaceChildren();
    delete host().dataset.summaryKey;
    await firstPaint(pinnedClock, { read: async () => undefined });
    expect(host().childElementCount).toBe(0);
    expect(localStorage.getItem(MIRROR_KEY)).toBeNull();
  });

  it('the live popup takes the painted summary over without repainting it, and repaints after a write', async () => {
    await loadDemo();
    await firstPaint(pinnedClock, { read: () => readMetaRows(indexedDB, db.name) });
    const painted = host().firstElementChild;
    await act(async () => {
      await mountPopup(document.getElementById('root')!, pinnedClock);
    });
    await waitFor(() => expect(document.querySelector('[data-testid="worklist"]')).not.toBeNull(), { timeout: 5000 });
    expect(host().firstElementChild).toBe(painted);
    await act(async () => {
      await saveSettings(db, { language: 'zh' });
    });
    await waitFor(() => expect(host().querySelector('h1')?.textContent).toBe('回款 · 应收总览'));
  });
});

describe('the mirror', () => {
  it('every extension page keeps it equal to the store, following later writes and a wipe', async () => {
    await loadDemo();
    render(
      <AppShell clock={pinnedClock} namespaces={['common']}>
        <p>page</p>
      </AppShell>,
    );
    await waitFor(async () => expect(readMirror()?.text).toBe(serialiseMetaRows(await storeRows())));
    await act(async () => {
      await saveSettings(db, { language: 'zh' });
    });
    await waitFor(async () => expect(readMirror()?.text).toBe(serialiseMetaRows(await storeRows())));
    expect((readMirror()!.rows.settings as { language: string }).language).toBe('zh');
    await act(async () => {
      await replaceAll(
        db,
        {
          customers: [],
          contacts: [],
          receivables: [],
          payments: [],
          promises: [],
          activities: [],
          profiles: [],
          preparations: [],
        },
        PINNED,
      );
    });
    await waitFor(() => expect((readMirror()?.rows.portfolio as { customers: number } | undefined)?.customers).toBe(0));
  });

  it('a damaged or foreign item is not a mirror, and a blocked storage costs nothing', () => {
    localStorage.setItem(MIRROR_KEY, '{not json');
    expect(readMirror()).toBeUndefined();
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ settings: {} }));
    expect(readMirror()).toBeUndefined();
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    expect(readMirror(blocked)).toBeUndefined();
    expect(writeMirror({ settings: {}, portfolio: emptyPortfolio() }, blocked)).toBe(false);
  });

  it('the first read answers undefined, and creates nothing, where the database does not exist yet', async () => {
    expect(await readMetaRows(indexedDB, `none-${Math.random()}`)).toBeUndefined();
  });
});
