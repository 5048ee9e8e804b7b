/**
 * One handler per message type, each given the request (already checked by zod), the sender (as the browser
 * stamped it) and the router's context. A map of them replaces one long switch: a new message is a new entry,
 * and the map's type makes a message without a handler a type error.
 */
import type { Lang, Settings } from '../../domain';
import type { ForecastService } from '../../forecast/service';
import type { ContentRequest, PageRequest } from '../protocol';
import type { SenderLike } from '../senders';
import type { RouterDeps } from '../deps';
import type { TabViews } from '../tabViews';

export interface RouterContext {
  deps: RouterDeps;
  settings(): Promise<Settings>;
  lang(settings: Settings): Lang;
  forecast: ForecastService;
  views: TabViews;
}

/** A content script's sender: always in a tab. */
export type TabSender = SenderLike & { tab: { id: number } };

export type HandlerMap<M extends { type: string }, S> = {
  [K in M['type']]: (msg: Extract<M, { type: K }>, sender: S, ctx: RouterContext) => Promise<unknown>;
};

export type ContentHandlers = HandlerMap<ContentRequest, TabSender>;
export type PageHandlers = HandlerMap<PageRequest, SenderLike>;

/** Calls the handler for `msg.type` (the map's type guarantees there is one). */
export function dispatch<M extends { type: string }, S>(
  handlers: HandlerMap<M, S>,
  msg: M,
  sender: S,
  ctx: RouterContext,
): Promise<unknown> {
  const handler = handlers[msg.type as M['type']] as (m: M, s: S, c: RouterContext) => Promise<unknown>;
  return handler(msg, sender, ctx);
}
