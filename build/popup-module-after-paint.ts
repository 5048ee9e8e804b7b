/**
 * A Vite plugin for popup.html: the popup's module script and its preload links go into an inert
 * <template id="popup-module"> instead of the head. Extension pages load their files one IPC round trip at a time
 * through the browser process; fetched together with the first-paint script they delayed it (and so the summary's
 * first frame) by 10–20 ms. The first-paint script (entrypoints/popup-paint.ts) puts them into the page once the
 * summary is painted, or at once when there is nothing to paint (components/popup/handoff.ts).
 */
import type { Plugin } from 'vite';
import { POPUP_MODULE_TEMPLATE_ID } from '../components/popup/handoff';

const MODULE_TAGS = /<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g;

/** The page with its module tags moved into the template at the end of the body; other pages unchanged. */
export function holdPopupModule(html: string): string {
  const tags = html.match(MODULE_TAGS) ?? [];
  if (tags.length === 0) throw new Error('popup.html: no module script to hold back for the first paint');
  const rest = html.replace(MODULE_TAGS, '').replace(/\n\s*\n/g, '\n');
  if (!rest.includes('</body>')) throw new Error('popup.html: no </body> to put the module template before');
  return rest.replace('</body>', `  <template id="${POPUP_MODULE_TEMPLATE_ID}">${tags.join('')}</template>\n  </body>`);
}

export function popupModuleAfterPaint(): Plugin {
  return {
    name: 'huikuan:popup-module-after-paint',
    transformIndexHtml: {
      // After Vite has injected the built module script and its preload links.
      order: 'post',
      handler: (html, ctx) => (/[\\/]popup[\\/]index\.html$/.test(ctx.filename) ? holdPopupModule(html) : html),
    },
  };
}
