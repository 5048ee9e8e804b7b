/**
 * The popup's first paint as one small classic script (/popup-paint.js), loaded `async` in popup.html's head so it
 * runs as soon as it is fetched: see components/popup/firstPaint.ts. It is the only file the page fetches before its
 * load event, which is when Chromium shows the toolbar popup; the popup's module follows once the painted figure is
 * on screen (fetched at the load event, its files competed with the popup's first frames), or at the load event
 * when nothing was painted.
 */
import { firstPaint } from '@/components/popup/firstPaint';
import { figureOnScreen, loadPopupModule } from '@/components/popup/summaryHost';
import { systemClock } from '@/lib/clock';

export default defineUnlistedScript(() => {
  addEventListener(
    'load',
    () => {
      const painted = document.querySelector('[elementtiming="portfolio-total"]');
      void (painted ? figureOnScreen(300) : Promise.resolve()).then(() => loadPopupModule());
    },
    { once: true },
  );
  void firstPaint(systemClock);
});
