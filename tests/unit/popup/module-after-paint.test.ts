// @vitest-environment happy-dom
/**
 * popup.html keeps its module tags in an inert template until the first paint is out: the build step that moves
 * them there, and the hand-off that puts them back.
 */
import { holdPopupModule } from '../../../build/popup-module-after-paint';
import { POPUP_MODULE_TEMPLATE_ID, loadPopupModule } from '@/components/popup/handoff';

/** popup.html as Vite writes it, before the plugin (the shape of .output/chrome-mv3/popup.html). */
const built = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <script async fetchpriority="high" src="/popup-paint.js"></script>
    <script type="module" crossorigin src="/chunks/popup-AAAA.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/firstRead-BBBB.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('holding the module back', () => {
  it('moves the module script and its preloads into the template, and leaves the first-paint script in the head', () => {
    const html = holdPopupModule(built);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect([...doc.head.querySelectorAll('script')].map((s) => s.getAttribute('src'))).toEqual(['/popup-paint.js']);
    expect(doc.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
    const template = doc.getElementById(POPUP_MODULE_TEMPLATE_ID) as HTMLTemplateElement;
    expect(template.parentElement).toBe(doc.body);
    expect([...template.content.children].map((e) => e.getAttribute('src') ?? e.getAttribute('href')))
      .toEqual(['/chunks/popup-AAAA.js', '/chunks/firstRead-BBBB.js']);
  });

  it('refuses a page with no module script or no body, rather than building a popup that never loads', () => {
    expect(() => holdPopupModule(built.replace(/<script type="module"[^>]*><\/script>/, '').replace(/<link rel="modulepreload"[^>]*>/, '')))
      .toThrow(/no module script/);
    expect(() => holdPopupModule(built.replace('</body>', ''))).toThrow(/no <\/body>/);
  });
});

describe('letting it load', () => {
  afterEach(() => {
    document.head.querySelectorAll('[data-test-tag]').forEach((e) => e.remove());
    document.body.replaceChildren();
  });

  it('puts the template\'s tags into the head once', () => {
    const template = document.createElement('template');
    template.id = POPUP_MODULE_TEMPLATE_ID;
    for (const name of ['a', 'b']) {
      const meta = document.createElement('meta');
      meta.setAttribute('data-test-tag', name);
      template.content.append(meta);
    }
    document.body.append(template);
    loadPopupModule();
    expect([...document.head.querySelectorAll('[data-test-tag]')].map((e) => e.getAttribute('data-test-tag'))).toEqual(['a', 'b']);
    expect(document.getElementById(POPUP_MODULE_TEMPLATE_ID)).toBeNull();
    loadPopupModule();
    expect(document.head.querySelectorAll('[data-test-tag]')).toHaveLength(2);
  });
});
