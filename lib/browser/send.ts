/** Typed request from an extension page to the background; the background validates it again on arrival. */
import { browser } from 'wxt/browser';
import { errorReplySchema, type PageRequest } from '../messaging/protocol';
import { UserError } from '../i18n/userError';

/**
 * Sends `message` and returns the reply. A refusal or failure in the background is thrown as a UserError whose key
 * says why in the user's language (common:errors.router.*); the background's own words stay in the message.
 */
export async function send<T = unknown>(message: PageRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as unknown;
  if (reply && typeof reply === 'object' && 'error' in reply) {
    const parsed = errorReplySchema.safeParse(reply);
    const code = parsed.success ? (parsed.data.code ?? 'internal') : 'internal';
    throw new UserError(`errors.router.${code}`, {}, parsed.success ? parsed.data.error : 'malformed error reply');
  }
  return reply as T;
}

/** Tells the background that the store changed (reminders, the toolbar count and open badges follow). */
export function notifyDataChanged(): void {
  void send({ type: 'data/changed' }).catch(() => undefined);
}
