import { mailHostMatches } from '@/lib/sites/hosts';
import { runContentScript } from '@/lib/browser/content';

export default defineContentScript({
  matches: [...mailHostMatches],
  // WXT's started-message would post the extension's id to the page (window.postMessage).
  noScriptStartedPostMessage: true,
  // QQ Mail's legacy UI and 163 Mail put the message in same-origin frames; the reader looks into them from the top.
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, 'mail');
  },
});
