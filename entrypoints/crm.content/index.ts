import { crmHostMatches } from '@/lib/sites/hosts';
import { runContentScript } from '@/lib/browser/content';

export default defineContentScript({
  matches: [...crmHostMatches],
  // WXT's started-message would post the extension's id to the page (window.postMessage).
  noScriptStartedPostMessage: true,
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, 'crm');
  },
});
