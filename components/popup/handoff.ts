/**
 * The hand-off between the classic script that paints first (entrypoints/popup-paint.ts, one small file that runs
 * as soon as it is fetched) and the popup's module (entrypoints/popup/main.ts, which loads React after that).
 * Either may run first. This module stays tiny: the popup's module imports it before anything else.
 */
import type { FirstRead } from './firstRead';
import type { FirstPaint } from './firstPaint';

/** What the first paint hands to the rest of the popup: the rows it read and what it painted from them. */
export interface FirstPaintHandoff { rows?: FirstRead; paint: FirstPaint }

const HANDOFF = '__huikuanPopupFirstPaint';
type HandoffGlobal = { [HANDOFF]?: Promise<FirstPaintHandoff> };

/** The inert template popup.html keeps its module tags in until the first paint (build/popup-module-after-paint.ts). */
export const POPUP_MODULE_TEMPLATE_ID = 'popup-module';

/**
 * Puts the popup's module tags from their template into the page, which loads and runs them; once only. Called when
 * the summary is painted (or there is none to paint), so those files are not fetched while the first paint waits.
 */
export function loadPopupModule(doc: Document = document): void {
  const template = doc.getElementById(POPUP_MODULE_TEMPLATE_ID);
  if (!(template instanceof HTMLTemplateElement)) return;
  template.remove();
  doc.head.append(doc.importNode(template.content, true));
}

export function publishFirstPaint(p: Promise<FirstPaintHandoff>, doc: Document = document): void {
  (globalThis as HandoffGlobal)[HANDOFF] = p;
  doc.dispatchEvent(new Event(HANDOFF));
}

/**
 * The published first paint; undefined if the first-paint script has not run by the time the page has loaded
 * (it failed to load: the caller then reads and paints itself).
 */
export function receiveFirstPaint(doc: Document = document, win: Window = window): Promise<FirstPaintHandoff | undefined> {
  const now = (globalThis as HandoffGlobal)[HANDOFF];
  if (now) return now;
  return new Promise((resolve) => {
    const take = () => {
      doc.removeEventListener(HANDOFF, take);
      win.removeEventListener('load', take);
      resolve((globalThis as HandoffGlobal)[HANDOFF]);
    };
    doc.addEventListener(HANDOFF, take);
    // The load event waits for async scripts, so by then the first-paint script has run or never will.
    win.addEventListener('load', take);
  });
}
