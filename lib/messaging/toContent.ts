/**
 * The background → content-script messages, validated with zod/mini so that the check costs a few kilobytes in
 * the content-script bundle instead of the full zod.
 */
import * as z from 'zod/mini';

export const toContentMini = z.discriminatedUnion('type', [
  z.object({ type: z.literal('compose/insert'), text: z.string().check(z.minLength(1), z.maxLength(20_000)) }),
  z.object({ type: z.literal('compose/recipients') }),
  z.object({ type: z.literal('selection/get') }),
  z.object({ type: z.literal('page/reread') }),
]);

export const pageReplyMini = z.object({
  recognised: z.boolean(),
  showBadge: z.boolean(),
  showCapture: z.boolean(),
  tabId: z.number(),
  lang: z.enum(['zh', 'en']),
  captureLabel: z.string(),
});

/** The content script's answer to compose/recipients (page data: validated like any). */
export const recipientsReplyMini = z.object({
  emails: z.array(z.string().check(z.maxLength(254))).check(z.maxLength(50)),
});
