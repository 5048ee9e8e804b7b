/**
 * Where the popup's summary lives and how the first paint marks it: shared by the first-paint script, the live
 * popup and the build (wxt.config.ts), none of which may pull the renderer in.
 */
export const SUMMARY_ID = 'summary';
/** The summary element's `data-first-paint-done` attribute: where the first paint took its figures from. */
export const FIRST_PAINT_DONE = 'firstPaintDone';
/** The inert template popup.html holds its module script and preload links in (the plugin in wxt.config.ts). */
export const POPUP_MODULE_TEMPLATE_ID = 'popup-module';

/** Puts the popup's module tags from their template into the page, which fetches and runs them; once. */
export function loadPopupModule(doc: Document = document): void {
  const template = doc.getElementById(POPUP_MODULE_TEMPLATE_ID);
  if (!(template instanceof HTMLTemplateElement)) return;
  template.remove();
  doc.head.append(doc.importNode(template.content, true));
}

/** Resolves once the browser reports the summary's figure painted (Element Timing), or after `ms`. */
export function figureOnScreen(ms: number): Promise<void> {
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
