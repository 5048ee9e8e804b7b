/** The worker's one message listener: the router's reply, or its refusal as `{ error, code }`. */
import type { WxtBrowser } from 'wxt/browser';
import { RejectedMessage } from '../../messaging/router';
import type { SenderLike } from '../../messaging/senders';

export function listenForMessages(
  browser: WxtBrowser,
  handle: (message: unknown, sender: SenderLike) => Promise<unknown>,
): void {
  browser.runtime.onMessage.addListener((message, sender) => {
    // An async function's native promise: Chrome drops Dexie's own promise type as a reply.
    return (async () => {
      try {
        return await handle(message, sender);
      } catch (e) {
        if (e instanceof RejectedMessage) return { error: e.message, code: e.code };
        console.error('[huikuan] handler failed', e);
        return { error: 'internal error', code: 'internal' };
      }
    })();
  });
}
