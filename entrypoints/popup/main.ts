/**
 * The popup's module. The first paint is not here: /popup-paint.js (entrypoints/popup-paint.ts), loaded before
 * this module, has already started the IndexedDB read and paints the summary without waiting for any module. This
 * module waits for that paint, then loads React and the rest of the popup (components/popup/start.ts).
 */
import '@/components/app/tailwind.css';
import { readFirstPaintRows } from '@/components/popup/firstRead';
import { receiveFirstPaint } from '@/components/popup/handoff';
import { continuePopup, startPopup } from '@/components/popup/start';

const root = document.getElementById('root')!;
void receiveFirstPaint().catch(() => undefined).then((first) => (first
  ? continuePopup(root, first)
  // The first-paint script did not run or failed: read and paint here instead.
  : startPopup(root, readFirstPaintRows())));
