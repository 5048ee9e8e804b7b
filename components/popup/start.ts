/**
 * The popup after its first paint: let the painted figures reach the screen, then load React and the rest of the
 * popup (./live.tsx), which takes over the same root. The first paint itself (./firstPaint.ts) loads none of React,
 * i18next, Dexie or Zod.
 */
import type { Root } from 'react-dom/client';
import type { FirstRead } from './firstRead';
import type { FirstPaintHandoff } from './handoff';
import type { Clock } from '@/lib/clock';

/**
 * Resolves once the browser reports the first paint's figure on screen (Element Timing, `elementtiming` on the
 * total), or after `timeoutMs` where it reports nothing. Parsing React's chunk competes with the compositor for the
 * CPU, so starting it only after the next frame was produced could still hold that frame off the screen.
 */
function afterFirstPaintShown(timeoutMs = 120): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => { observer?.disconnect(); clearTimeout(timer); resolve(); };
    const timer = setTimeout(done, timeoutMs);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === 'portfolio-total')) done();
      });
      observer.observe({ type: 'element', buffered: true });
    } catch {
      // No Element Timing here: the timeout decides.
    }
  });
}

/** Mounts the live popup on `container` after the first paint's frame. Returns the React root (tests unmount it). */
export async function continuePopup(container: HTMLElement, first: FirstPaintHandoff, now: Clock): Promise<Root> {
  if (first.paint.painted) await afterFirstPaintShown();
  const { renderLive } = await import('./live');
  return renderLive(container, { lang: first.paint.lang, rawSettings: first.rows?.settings, portfolio: first.paint.portfolio, now });
}

/**
 * Paints from `first` and then continues as above, all from the module side: tests, and the popup when its
 * first-paint script could not run. (The renderer is imported on demand: the popup's module must not wait for it.)
 */
export async function startPopup(container: HTMLElement, first: Promise<FirstRead | undefined>, now: Clock): Promise<Root> {
  const [rows, { paintFirst }] = await Promise.all([first, import('./firstPaint')]);
  return continuePopup(container, { rows, paint: paintFirst(container, rows, now()) }, now);
}
