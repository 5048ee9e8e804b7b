/**
 * The background's message handling, with every dependency passed in so it runs the same in the service worker
 * and in unit tests. Each request is checked twice: its shape (zod) and its sender (what the browser stamped);
 * then the handler for its type runs (handlers/content.ts, handlers/page.ts).
 */
import type { Settings } from '../domain';
import { toIsoDay } from '../domain';
import { getSettings } from '../db/repo';
import { pickLang } from '../i18n';
import { contentRequestSchema, pageRequestSchema } from './protocol';
import { type SenderLike, isContentScript, isEmbeddedFrame, isExtensionPage } from './senders';
import { createForecastService, readForecastStore } from '../forecast/service';
import { type RouterDeps, RejectedMessage } from './deps';
import { createTabViews } from './tabViews';
import { type RouterContext, dispatch } from './handlers/context';
import { contentHandlers } from './handlers/content';
import { ANY_PAGE, FRAME_ONLY, pageHandlers } from './handlers/page';

export * from './deps';

export function createRouter(deps: RouterDeps) {
  const clock = deps.clock ?? (() => deps.now().getTime());
  let lastAt = 0;
  // Strictly increasing, even for two views taken within one tick of a coarse clock.
  const stamp = () => (lastAt = Math.max(clock(), lastAt + 0.001));
  const settings = deps.settings ?? (() => getSettings(deps.db));
  const lang = (s: Settings) => pickLang(s.language, deps.browserLang());
  const views = createTabViews({
    deps,
    settings,
    lang,
    stamp,
    badgeInputs: deps.badgeInputs ?? ((id: string) => deps.db.summaries.get(id)),
  });
  const forecast =
    deps.forecast ??
    createForecastService({
      read: () => readForecastStore(deps.db),
      today: () => toIsoDay(deps.now()),
      promiseGraceDays: async () => (await settings()).promiseGraceDays,
      schedule: deps.schedule,
    });
  const ctx: RouterContext = { deps, settings, lang, forecast, views };

  const badShape = (issues: Array<{ message: string }>) =>
    new RejectedMessage('badShape', `rejected message: ${issues[0]?.message ?? 'bad shape'}`);

  function fromContent(raw: unknown, sender: SenderLike & { tab: { id: number } }): Promise<unknown> {
    const parsed = contentRequestSchema.safeParse(raw);
    if (!parsed.success) throw badShape(parsed.error.issues);
    return dispatch(contentHandlers, parsed.data, sender, ctx);
  }

  function fromPage(raw: unknown, sender: SenderLike): Promise<unknown> {
    const parsed = pageRequestSchema.safeParse(raw);
    if (!parsed.success) throw badShape(parsed.error.issues);
    const msg = parsed.data;
    const frameOnly = FRAME_ONLY[msg.type];
    const fromFrame = isEmbeddedFrame(sender, deps.me);
    if (frameOnly && !fromFrame) throw new RejectedMessage('notFromFrame', frameOnly);
    // The rest act on any tab and are for the side panel, popup and options only.
    if (!frameOnly && !ANY_PAGE.has(msg.type) && sender.tab && fromFrame)
      throw new RejectedMessage('notFromFrame', `${msg.type} not allowed from a frame`);
    return dispatch(pageHandlers, msg, sender, ctx);
  }

  /** Entry point: returns the reply, or throws RejectedMessage for anything not allowed. */
  async function handle(raw: unknown, sender: SenderLike): Promise<unknown> {
    if (isContentScript(sender, deps.me)) return fromContent(raw, sender);
    if (isExtensionPage(sender, deps.me)) return fromPage(raw, sender);
    throw new RejectedMessage('unknownSender', 'unknown sender');
  }
  /** The store changed under the forecast (a write from any page): the next request computes it again. */
  const forecastChanged = () => forecast.changed();
  const { badgeView, rematch, tabChanged, figuresChanged, refreshBadges } = views;
  return Object.assign(handle, { badgeView, rematch, tabChanged, figuresChanged, refreshBadges, forecastChanged });
}
