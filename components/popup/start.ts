/**
 * The popup's start: wait for the first read (entrypoints/popup/first-read.ts started it as the page's first act),
 * paint the summary in plain DOM, let that frame reach the screen, then load React and the rest of the popup
 * (./live.tsx), which takes over the same root. Nothing on the way to the first paint loads React, i18next, Dexie
 * or Zod.
 */
import type { Root } from 'react-dom/client';
import type { FirstRead } from './firstRead';
import { paintFirst } from './firstPaint';

/** Resolves after the next frame has been painted. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => { requestAnimationFrame(() => { setTimeout(resolve, 0); }); });
}

/** Returns the React root so a caller that is not the popup page (a test) can unmount it. */
export async function startPopup(container: HTMLElement, first: Promise<FirstRead | undefined>, now = () => new Date()): Promise<Root> {
  const rows = await first;
  const painted = paintFirst(container, rows, now());
  if (painted.painted) await afterNextPaint();
  const { renderLive } = await import('./live');
  return renderLive(container, { lang: painted.lang, rawSettings: rows?.settings, portfolio: painted.portfolio, now });
}
