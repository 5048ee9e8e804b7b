/**
 * The popup's module. The first paint is not here: /popup-paint.js (entrypoints/popup-paint.ts) paints the summary
 * without waiting for any module and only then puts this module into the page (popup.html holds it in a template
 * until then). This module takes that paint over, then loads React, the full stylesheet and the rest of the popup
 * (components/popup/start.ts).
 */
import { readFirstPaintRows } from '@/components/popup/firstRead';
import { receiveFirstPaint } from '@/components/popup/handoff';
import { continuePopup, startPopup } from '@/components/popup/start';
import { systemClock } from '@/lib/clock';

const root = document.getElementById('root')!;
void receiveFirstPaint().catch(() => undefined).then((first) => (first
  ? continuePopup(root, first, systemClock)
  // The first-paint script failed before it published anything: read and paint here instead.
  : startPopup(root, readFirstPaintRows(), systemClock)));
