/**
 * Where the popup's summary lives and how the first paint says it is done: shared by the first-paint script, the
 * live popup and the popup's tiny module entry (which must not pull the renderer in before React's chunk).
 */
export const SUMMARY_ID = 'summary';
/** The summary element's `data-first-paint-done` attribute, and the document event fired with it. */
export const FIRST_PAINT_DONE = 'firstPaintDone';
/** The inert template popup.html holds its module script and preload links in (the plugin in wxt.config.ts). */
export const POPUP_MODULE_TEMPLATE_ID = 'popup-module';

/**
 * Resolves once the first paint has shown a summary from the mirror, or is over, or cannot run (the live popup then
 * paints the summary itself); the page's load event bounds the wait.
 */
export function whenFirstPaintDone(doc: Document = document): Promise<void> {
  const el = doc.getElementById(SUMMARY_ID);
  if (!el || el.dataset[FIRST_PAINT_DONE] || doc.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener(FIRST_PAINT_DONE, done);
      doc.defaultView?.removeEventListener('load', done);
      resolve();
    };
    doc.addEventListener(FIRST_PAINT_DONE, done);
    doc.defaultView?.addEventListener('load', done);
  });
}

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
