/**
 * The popup's module. The summary is already painted, or being painted, by /popup-paint.js
 * (entrypoints/popup-paint.ts); once it is on screen this loads React and the rest of the popup below it.
 */
import { whenFirstPaintDone } from '@/components/popup/summaryHost';
import { systemClock } from '@/lib/clock';

/** Resolves once the browser reports the summary's figure painted (Element Timing), or after `ms`. */
function figureOnScreen(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    try {
      new PerformanceObserver((list, obs) => {
        if (
          list
            .getEntries()
            .some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'portfolio-total')
        ) {
          obs.disconnect();
          clearTimeout(timer);
          resolve();
        }
      }).observe({ type: 'element', buffered: true });
    } catch {
      // No Element Timing: the timeout decides.
    }
  });
}

void (async () => {
  await whenFirstPaintDone();
  // Parsing React's chunk competes with the compositor: let the painted summary reach the screen first.
  if (document.querySelector('[elementtiming="portfolio-total"]')) await figureOnScreen(120);
  const { mountPopup } = await import('@/components/popup/mount');
  await mountPopup(document.getElementById('root')!, systemClock);
})();
