/**
 * Sender checks. The browser stamps `sender.id` (the extension that sent it), `sender.tab` (present only for
 * messages from a tab: content scripts and extension frames inside a page) and `sender.url`; a page cannot
 * forge them. Nothing here reads the message itself.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number; url?: string };
  frameId?: number;
}

export interface ExtensionIdentity {
  id: string;
  origin: string;
}

/** A content script of ours running in a web page tab. */
export function isContentScript(
  sender: SenderLike,
  me: ExtensionIdentity,
): sender is SenderLike & { tab: { id: number } } {
  return sender.id === me.id && typeof sender.tab?.id === 'number' && !(sender.url ?? '').startsWith(me.origin);
}

/** One of our own pages: side panel, popup, options, or an extension frame (the badge) inside a tab. */
export function isExtensionPage(sender: SenderLike, me: ExtensionIdentity): boolean {
  return sender.id === me.id && (sender.url ?? '').startsWith(me.origin);
}

/** Our badge or capture frame embedded in a web page: an extension page that lives inside a tab. */
export function isEmbeddedFrame(
  sender: SenderLike,
  me: ExtensionIdentity,
): sender is SenderLike & { tab: { id: number } } {
  return isExtensionPage(sender, me) && typeof sender.tab?.id === 'number' && /\/(badge)\.html/.test(sender.url ?? '');
}
