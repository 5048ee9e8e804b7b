/**
 * The popup's first paint, built as one small classic script (/popup-paint.js) that popup.html loads `async` in
 * its head: it runs as soon as it is fetched — before the page's module graph and stylesheet are in — starts the
 * IndexedDB read of the two meta rows, and paints the aging summary in plain DOM: at once from the
 * localStorage copy of those rows, and again from the rows if the copy was out of date
 * (components/popup/firstPaint.ts and firstCopy.ts). The popup's module (entrypoints/popup/main.ts) picks the result up and loads
 * React after that frame.
 */
import { readFirstPaintRows } from '@/components/popup/firstRead';
import { paintFromStore } from '@/components/popup/firstPaint';
import { publishFirstPaint } from '@/components/popup/handoff';

export default defineUnlistedScript(() => {
  publishFirstPaint(paintFromStore(readFirstPaintRows(), () => new Date()));
});
