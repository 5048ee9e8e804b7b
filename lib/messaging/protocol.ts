/**
 * The one message protocol between contexts. Every message is parsed with these schemas on arrival; anything of
 * unknown type or shape is rejected. Who may send what is decided from what the browser stamps on the message
 * (`sender.id`, `sender.tab`, `sender.url`), never from the message's own fields.
 */
import { z } from 'zod';
import { lang, pageContextSchema } from '../domain';

const tabId = z.number().int().nonnegative();

/** Messages a content script may send; they act only on the sender's own tab. */
export const contentRequestSchema = z.discriminatedUnion('type', [
  /**
   * `status` 'unread': a record page still without a name or an address after a while (the chip says "could not
   * read"); 'settled': the content script stopped looking (read, or gave up) — counted once in the site's health.
   */
  z.object({
    type: z.literal('page/context'),
    ctx: pageContextSchema,
    status: z.enum(['reading', 'unread', 'settled']).optional(),
  }),
  z.object({ type: z.literal('page/cleared') }),
  z.object({ type: z.literal('capture/selection'), text: z.string().min(1).max(20_000) }),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

/** Messages the extension's own pages (side panel, popup, options, badge frame) may send. */
export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('badge/get') }),
  z.object({ type: z.literal('capture/open-message') }),
  z.object({ type: z.literal('tab/context'), tabId }),
  z.object({ type: z.literal('customer/link'), tabId, customerId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('customer/unlink'), tabId, customerId: z.string().min(1).max(64) }),
  /**
   * Insert a script for `customerId` into the tab's compose box. Unless `anyway`, the recipients are checked first:
   * addressed to another customer of the store and to none of this one, the reply is a `mismatch` to ask about.
   */
  z.object({
    type: z.literal('compose/insert'),
    tabId,
    text: z.string().min(1).max(20_000),
    customerId: z.string().min(1).max(64).optional(),
    anyway: z.boolean().optional(),
  }),
  /**
   * Before a script for `customerId` is copied: is the tab's open compose box addressed to another customer of the
   * store (the same check as the insert's)? The reply's `mismatch` is what to ask about; none when it is not.
   */
  z.object({ type: z.literal('compose/check'), tabId, customerId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('draft/clear'), tabId }),
  z.object({ type: z.literal('data/changed') }),
  /** The user confirmed that the host of this tab's page is their company's (Odoo Online): figures may show there. */
  z.object({ type: z.literal('host/confirm'), tabId }),
  /** Take back a confirmation (options page). */
  z.object({ type: z.literal('host/forget'), host: z.string().min(1).max(253) }),
  /** The payment forecast, computed in the worker (lib/forecast/service.ts). */
  z.object({ type: z.literal('forecast/portfolio') }),
  z.object({ type: z.literal('forecast/customer'), customerId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('forecast/accuracy') }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

/** Messages the background sends to a content script. */
export const toContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('compose/insert'), text: z.string().min(1).max(20_000) }),
  /** The open compose box's recipients, read from the page now. */
  z.object({ type: z.literal('compose/recipients') }),
  z.object({ type: z.literal('selection/get') }),
  z.object({ type: z.literal('page/reread') }),
]);
export type ToContent = z.infer<typeof toContentSchema>;

/** Broadcast from the background to open extension pages. */
export const broadcastSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab/updated'), tabId }),
  z.object({ type: z.literal('data/changed') }),
]);
export type Broadcast = z.infer<typeof broadcastSchema>;

/**
 * Sent by the background to one tab, for the badge frame in it (the tab's content script ignores it). Sent to the
 * tab rather than broadcast: Firefox runs that frame with content-script APIs, and it hears only messages sent to
 * its tab; in Chrome it hears both. A frame so hears only its own tab's views.
 */
export const toFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('badge/view'), view: z.lazy(() => badgeViewSchema) }),
]);
export type ToFrame = z.infer<typeof toFrameSchema>;

/** What the background tells a content script after reading its page. */
export const pageReplySchema = z.object({
  recognised: z.boolean(),
  showBadge: z.boolean(),
  showCapture: z.boolean(),
  tabId,
  lang,
  captureLabel: z.string(),
});
export type PageReply = z.infer<typeof pageReplySchema>;

/** The badge frame's view of the page's customer: only what the chip shows. */
export const badgeStates = ['linked', 'unlinked', 'none', 'confirm', 'unread'] as const;
export const badgeViewSchema = z.object({
  /**
   * 'confirm': the page is on a host anyone can publish on and the user has not confirmed it (no figures);
   * 'unread': a record page the reader could not read (no name, no address) and no linked record.
   */
  state: z.enum(badgeStates),
  text: z.string(),
  title: z.string(),
  /** Aging bucket index of the worst open item (0 not yet due … 4 over 90), or -1. */
  worstBucket: z.number().int(),
  lang,
  /** The tab the frame is in, as the browser stamped it on the frame's request (the frame's URL does not say). */
  tabId: tabId.optional(),
  /** When the view was taken (epoch ms): a frame keeps the newest of a reply and a broadcast that crossed. */
  at: z.number().optional(),
  /** The mail chip's label, in the view's language, so the frame needs no string tables. */
  captureLabel: z.string().optional(),
  /** The mail chip's figures beside capture: overdue, days, and the next promise or "promise broken". */
  figures: z.string().optional(),
});
export type BadgeView = z.infer<typeof badgeViewSchema>;

export const matchViewSchema = z.object({ customerId: z.string(), score: z.number(), reason: z.string() });

/** A capture waiting for the user's confirmation in the side panel. */
export const captureDraftViewSchema = z.object({
  text: z.string(),
  subject: z.string().optional(),
  sentAt: z.string().optional(),
  from: z.string().optional(),
  url: z.string().optional(),
  capturedAt: z.number(),
});
export type CaptureDraftView = z.infer<typeof captureDraftViewSchema>;

export const tabContextViewSchema = z.object({
  tabId,
  ctx: pageContextSchema.nullable(),
  matches: z.array(matchViewSchema),
  draft: captureDraftViewSchema.nullable(),
  /** The page's host waits for the user's confirmation (figures withheld until then). */
  pendingHost: z.string().optional(),
  /** The record page could not be read. */
  unread: z.boolean().optional(),
});
export type TabContextView = z.infer<typeof tabContextViewSchema>;

/** Why the background refused or failed a request; the pages say each in the user's language (common:errors.router). */
export const rejectCodes = [
  'badShape',
  'unknownCustomer',
  'notFromFrame',
  'noPageContext',
  'unknownSender',
  'internal',
] as const;
export type RejectCode = (typeof rejectCodes)[number];
export const errorReplySchema = z.object({ error: z.string(), code: z.enum(rejectCodes).optional() });
