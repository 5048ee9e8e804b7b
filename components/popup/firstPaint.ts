/**
 * The popup's first paint, run by the classic script entrypoints/popup-paint.ts before any module has loaded: the
 * summary (./summary.ts) at once from the mirrored meta rows (lib/db/metaMirror.ts), then — once that figure is on
 * the screen, so decoding the rows does not hold it up — the store's own rows, repainted over it when the mirror was stale,
 * which then becomes the mirror. Without a mirror it paints from the store. The popup's module, put into the page
 * once the figure is on screen (entrypoints/popup-paint.ts), loads React, whose live summary takes over the element.
 */
import { type MetaRows, readMetaRows, readMirror, serialiseMetaRows, writeMirror } from '@/lib/db/metaMirror';
import { today } from '@/lib/ledger/dates';
import { paintSummary } from './summary';
import { FIRST_PAINT_DONE as DONE, SUMMARY_ID, figureOnScreen } from './summaryHost';

function host(doc: Document): HTMLElement | null {
  return doc.getElementById(SUMMARY_ID);
}

export async function firstPaint(
  now: () => Date,
  opts: { doc?: Document; read?: () => Promise<MetaRows | undefined>; local?: Storage } = {},
): Promise<void> {
  const { doc = document, read = () => readMetaRows(), local } = opts;
  const el = host(doc);
  if (!el) return;
  try {
    const mirror = readMirror(local);
    if (mirror && paintSummary(el, { rows: mirror.rows, asOf: today(now()) })) {
      el.dataset[DONE] = 'mirror';
      // Decoding and comparing the store's rows (tens of kilobytes at 10,000 customers) would compete with the
      // frames that bring the summary to the screen: the toolbar popup is shown only after the load event.
      await figureOnScreen(300);
    }
    const rows = await read();
    if (!mirror || !rows || mirror.text !== serialiseMetaRows(rows)) {
      paintSummary(el, { rows: rows ?? { settings: undefined, portfolio: undefined }, asOf: today(now()) });
      writeMirror(rows, local);
    }
  } finally {
    el.dataset[DONE] ??= 'store';
  }
}
