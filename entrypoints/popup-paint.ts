/**
 * The popup's first paint, built as one small classic script (/popup-paint.js) that popup.html loads `async` in its
 * head: it runs as soon as it is fetched and paints the aging summary in plain DOM with its own small stylesheet.
 * It paints at once from the localStorage copy of the two meta rows it needs, then reads those rows from IndexedDB
 * and paints again if the copy was out of date (components/popup/firstPaint.ts and firstCopy.ts). Once the summary
 * is painted it lets the popup's module load (held back in a template until then), which picks the result up and
 * loads React.
 */
import { readFirstPaintRows } from '@/components/popup/firstRead';
import { paintFromStore } from '@/components/popup/firstPaint';
import { loadPopupModule, publishFirstPaint } from '@/components/popup/handoff';

export default defineUnlistedScript(() => {
  publishFirstPaint(paintFromStore(() => readFirstPaintRows(), () => new Date(), { painted: () => loadPopupModule() }));
});
