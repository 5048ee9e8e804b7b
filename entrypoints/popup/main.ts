/**
 * The popup's module, put into the page by /popup-paint.js (entrypoints/popup-paint.ts) after the load event. The
 * summary is painted, or being painted, by that script; once it is on screen this loads React and the rest of the
 * popup below it.
 */
import { figureOnScreen, whenFirstPaintDone } from '@/components/popup/summaryHost';
import { systemClock } from '@/lib/clock';

void (async () => {
  await whenFirstPaintDone();
  // Parsing React's chunk competes with the compositor: let the painted summary reach the screen first.
  if (document.querySelector('[elementtiming="portfolio-total"]')) await figureOnScreen(120);
  const { mountPopup } = await import('@/components/popup/mount');
  await mountPopup(document.getElementById('root')!, systemClock);
})();
