/**
 * The popup's first paint as one small classic script (/popup-paint.js), loaded `async` in popup.html's head so it
 * runs as soon as it is fetched, before the popup's module: see components/popup/firstPaint.ts.
 */
import { firstPaint } from '@/components/popup/firstPaint';
import { systemClock } from '@/lib/clock';

export default defineUnlistedScript(() => {
  void firstPaint(systemClock);
});
