// @vitest-environment happy-dom
/**
 * The popup's module waits in popup.html's inert template (wxt.config.ts) until the first-paint script puts it into
 * the page, once; and the wait for the figure on screen ends at its bound where the browser reports no paint.
 */
import { POPUP_MODULE_TEMPLATE_ID, figureOnScreen, loadPopupModule } from '@/components/popup/summaryHost';

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

function holdModule(): void {
  const template = document.createElement('template');
  template.id = POPUP_MODULE_TEMPLATE_ID;
  const script = document.createElement('script');
  script.type = 'module';
  // No src: happy-dom does not load scripts (the browser test sees the real module run).
  script.dataset.src = '/chunks/popup-x.js';
  const preload = document.createElement('link');
  preload.rel = 'modulepreload';
  preload.setAttribute('href', '/chunks/clock-x.js');
  template.content.append(script, preload);
  document.body.append(template);
}

describe('the held-back popup module', () => {
  it('stays out of the page until loaded, then is in the head once', () => {
    holdModule();
    expect(document.querySelectorAll('script, link')).toHaveLength(0);
    loadPopupModule();
    loadPopupModule();
    expect([...document.head.children].map((e) => e.getAttribute('data-src') ?? e.getAttribute('href'))).toEqual([
      '/chunks/popup-x.js',
      '/chunks/clock-x.js',
    ]);
    expect(document.getElementById(POPUP_MODULE_TEMPLATE_ID)).toBeNull();
  });

  it('does nothing in a page without the template', () => {
    loadPopupModule();
    expect(document.head.childElementCount).toBe(0);
  });

  it('waits for the figure on screen no longer than its bound when nothing reports it', async () => {
    const t0 = performance.now();
    await figureOnScreen(50);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(1000);
  });
});
