import { crmHostMatches } from '@/lib/sites/hosts';
import { runContentScript } from '@/lib/browser/content';

export default defineContentScript({
  matches: [...crmHostMatches],
  runAt: 'document_idle',
  main(ctx) {
    runContentScript(ctx, 'crm');
  },
});
