import { mailHostMatches } from '@/lib/sites/hosts';
import { runContentScript } from '@/lib/browser/content';

export default defineContentScript({
  matches: [...mailHostMatches],
  // QQ Mail's legacy UI and 163 Mail put the message in same-origin frames; the reader looks into them from the top.
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, 'mail');
  },
});
