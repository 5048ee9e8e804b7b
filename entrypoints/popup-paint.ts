/**
 * The popup's first paint as one small classic script (/popup-paint.js), loaded `async` in popup.html's head so it
 * runs as soon as it is fetched: see components/popup/firstPaint.ts. It is the only file the page fetches before its
 * load event, which is when Chromium shows the toolbar popup; the popup's module follows that event.
 */
import { firstPaint } from '@/components/popup/firstPaint';
import { loadPopupModule } from '@/components/popup/summaryHost';
import { systemClock } from '@/lib/clock';

export default defineUnlistedScript(() => {
  addEventListener('load', () => loadPopupModule(), { once: true });
  void firstPaint(systemClock);
});
