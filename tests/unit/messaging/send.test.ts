/**
 * What an extension page makes of the background's refusals: a UserError whose key says why in the user's
 * language, never the background's English words; and how any error reads to the user in each language.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '@/lib/browser/send';
import { UserError, errorText } from '@/lib/i18n/userError';
import { rejectCodes } from '@/lib/messaging/protocol';
import { createI18n } from '@/lib/i18n/core';
import { locales } from '@/lib/i18n';

beforeEach(() => fakeBrowser.reset());

describe('send', () => {
  it("turns each refusal code into a UserError keyed by it, keeping the background's words as the detail", async () => {
    for (const code of rejectCodes) {
      fakeBrowser.runtime.sendMessage = vi.fn(async () => ({ error: `detail of ${code}`, code })) as never;
      const e = await send({ type: 'ping' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).key).toBe(`errors.router.${code}`);
      expect((e as UserError).message).toBe(`detail of ${code}`);
    }
  });

  it('reads a reply without a known code as an internal failure, and passes other replies through', async () => {
    fakeBrowser.runtime.sendMessage = vi.fn(async () => ({ error: 'old worker', code: 'no-such-code' })) as never;
    await expect(send({ type: 'ping' })).rejects.toMatchObject({ key: 'errors.router.internal' });
    fakeBrowser.runtime.sendMessage = vi.fn(async () => ({ ok: true, at: 1 })) as never;
    await expect(send({ type: 'ping' })).resolves.toEqual({ ok: true, at: 1 });
  });
});

describe('errorText', () => {
  it.each(['en', 'zh'] as const)('says every refusal, and the unexpected, in %s', (lang) => {
    const i18n = createI18n(lang, { common: locales[lang].common });
    const t = i18n.t.bind(i18n) as (k: string, v?: Record<string, unknown>) => string;
    for (const code of rejectCodes) {
      const text = errorText(t, new UserError(`errors.router.${code}`));
      expect(text).toBe(locales[lang].common.errors.router[code]);
    }
    expect(errorText(t, new UserError('errors.capture.foreignReceivable'))).toBe(
      locales[lang].common.errors.capture.foreignReceivable,
    );
    expect(errorText(t, new Error('QuotaExceededError'))).toBe(
      locales[lang].common.errors.unexpected.replace('{{detail}}', 'QuotaExceededError'),
    );
  });
});
