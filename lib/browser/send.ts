/** Typed request from an extension page to the background; the background validates it again on arrival. */
import { browser } from 'wxt/browser';
import type { PageRequest } from '../messaging/protocol';

export async function send<T = unknown>(message: PageRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as T | { error: string } | undefined;
  if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(String((reply as { error: string }).error));
  return reply as T;
}

/** Tells the background that the store changed (reminders, the toolbar count and open badges follow). */
export function notifyDataChanged(): void {
  void send({ type: 'data/changed' }).catch(() => undefined);
}
