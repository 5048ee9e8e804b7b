/** Requests from our content scripts in web pages: the page's context, and a selection to capture. */
import { translator } from '../../i18n';
import { hostTrust } from '../../sites/hosts';
import type { PageReply } from '../protocol';
import { hostOf, readRecord } from '../deps';
import type { ContentHandlers } from './context';

export const contentHandlers: ContentHandlers = {
  async 'page/context'(msg, sender, { deps, settings: settingsNow, lang: langOf, views }) {
    const tabId = sender.tab.id;
    const [settings, prev] = await Promise.all([settingsNow(), deps.tabs.get(tabId)]);
    const lang = langOf(settings);
    const ctx = msg.ctx;
    const enabled = deps.isSiteEnabled(ctx.site, settings.disabledSites);
    // The page's host as the browser stamped it on the message, never the context's own url field.
    const pageUrl = sender.url ?? sender.tab.url ?? '';
    const host = hostOf(pageUrl);
    const pendingHost =
      enabled && hostTrust(ctx.site, pageUrl) === 'confirm' && !(await deps.hostConfirmed?.(host))
        ? host || '?'
        : undefined;
    const matches = enabled && !pendingHost ? await views.matchPage(ctx) : [];
    const read = readRecord(ctx);
    if (msg.status === 'settled' && enabled && ctx.kind === 'record') deps.recordVisit?.(ctx.site, read);
    const unread = !read && (msg.status === 'unread' || msg.status === 'settled');
    await deps.tabs.set(tabId, {
      ctx: enabled ? ctx : null,
      matches,
      draft: prev?.draft ?? null,
      ...(pendingHost ? { pendingHost } : {}),
      ...(unread ? { unread: true } : {}),
    });
    views.tabChanged(tabId);
    const reply: PageReply = {
      recognised: enabled,
      showBadge: enabled && ctx.kind === 'record',
      showCapture: enabled && ctx.kind === 'thread' && !pendingHost,
      tabId,
      lang,
      captureLabel: translator(lang)('capture.button'),
    };
    return reply;
  },

  async 'page/cleared'(_msg, sender, { deps, views }) {
    const tabId = sender.tab.id;
    const prev = await deps.tabs.get(tabId);
    await deps.tabs.set(tabId, { ctx: null, matches: [], draft: prev?.draft ?? null });
    views.tabChanged(tabId);
    return { ok: true };
  },

  async 'capture/selection'(msg, sender, { deps }) {
    const tabId = sender.tab.id;
    const prev = await deps.tabs.get(tabId);
    await deps.tabs.set(tabId, {
      ctx: prev?.ctx ?? null,
      matches: prev?.matches ?? [],
      draft: { text: msg.text, url: sender.tab.url ?? sender.url, capturedAt: deps.now().getTime() },
    });
    deps.broadcast({ type: 'tab/updated', tabId });
    return { ok: true };
  },
};
