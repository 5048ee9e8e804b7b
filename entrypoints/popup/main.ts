/**
 * The popup's module, put into the page by /popup-paint.js (entrypoints/popup-paint.ts) once the painted figure is
 * on screen, or at the load event when nothing was painted: loads React and the rest of the popup below the summary.
 */
import { systemClock } from '@/lib/clock';

void import('@/components/popup/mount').then(({ mountPopup }) =>
  mountPopup(document.getElementById('root')!, systemClock),
);
