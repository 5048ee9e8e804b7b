/**
 * What the badge frame accepts from the background, validated with zod/mini: the frame is started in every
 * matching page, so its bundle carries neither the full zod nor the domain schemas nor any string tables.
 * Mirrors `badgeViewSchema` in protocol.ts (tests/unit/messaging keep the two in step).
 */
import * as z from 'zod/mini';

export const badgeViewMini = z.object({
  state: z.enum(['linked', 'unlinked', 'none', 'confirm', 'unread']),
  text: z.string(),
  title: z.string(),
  worstBucket: z.number().check(z.int()),
  lang: z.enum(['zh', 'en']),
  tabId: z.optional(z.number().check(z.int(), z.nonnegative())),
  at: z.optional(z.number()),
  captureLabel: z.optional(z.string()),
  figures: z.optional(z.string()),
});
export type BadgeViewMini = z.infer<typeof badgeViewMini>;

/** Mirrors `toFrameSchema`: what the background sends to the frame's tab. */
export const toBadgeMini = z.object({ type: z.literal('badge/view'), view: badgeViewMini });
