/**
 * What each tab is shown: its badge view (pushed to the badge frame unasked when it changes), its matches, and
 * the recipients check before a letter goes into a compose box. Shared by the message handlers and by the
 * worker's change notices (a customer edited elsewhere, a settings change).
 */
import type { Lang, PageContext, Settings } from '../domain';
import { toIsoDay } from '../domain';
import { translator } from '../i18n';
import type { BadgeView } from './protocol';
import { badgeViewFor, confirmHostBadge, ladderStepFor, mailFigures, unlinkedBadge, unreadBadge } from './views';
import { recipientsReplyMini } from './toContent';
import type { BadgeInputs } from './badgeInputs';
import { type ComposeMismatch, type MatchResult, type RouterDeps, confidentMatch, readRecord } from './deps';

export interface TabViewsBase {
  deps: RouterDeps;
  settings(): Promise<Settings>;
  lang(settings: Settings): Lang;
  badgeInputs(customerId: string): Promise<BadgeInputs | undefined>;
  /** Strictly increasing epoch ms: orders the views a frame may receive out of order. */
  stamp(): number;
}

export type TabViews = ReturnType<typeof createTabViews>;

export function createTabViews({
  deps,
  settings: settingsNow,
  lang: langOf,
  badgeInputs: inputsOf,
  stamp,
}: TabViewsBase) {
  /**
   * What the badge frame in a tab shows. It reads the maintained summary only, never the account: the badge is on
   * the host page's critical path.
   */
  async function badgeView(tabId: number): Promise<BadgeView> {
    const at = stamp();
    const [settings, entry] = await Promise.all([settingsNow(), deps.tabs.get(tabId)]);
    const lang = langOf(settings);
    const extra = { tabId, at, captureLabel: translator(lang)('capture.button') };
    const m = entry && confidentMatch(entry.matches);
    const none: BadgeView = { state: 'none', text: '', title: '', worstBucket: -1, lang, ...extra };
    if (entry?.pendingHost) return { ...confirmHostBadge(entry.pendingHost, lang), ...extra };
    if (!entry?.ctx) return none;
    if (!m) {
      // A record known only from its URL: nothing until the content script settles, then "could not read".
      if (!readRecord(entry.ctx)) return entry.unread ? { ...unreadBadge(lang), ...extra } : none;
      return { ...unlinkedBadge(lang), ...extra };
    }
    // The name comes from the matcher when it holds the customer, the figures from the owner's cache: a warm
    // worker paints the badge without reading IndexedDB.
    const known = (await deps.matcher()).nameOf?.(m.customerId);
    const [name, summary] = await Promise.all([
      known ?? deps.db.customers.get(m.customerId).then((c) => c?.name),
      inputsOf(m.customerId),
    ]);
    if (name === undefined) return { ...unlinkedBadge(lang), ...extra };
    const asOf = toIsoDay(deps.now());
    const view = badgeViewFor({
      summary,
      customerName: name,
      lang,
      asOf,
      bucketDays: settings.agingBuckets,
      step: summary ? ladderStepFor(summary, settings, asOf, lang) : undefined,
    });
    const figures =
      entry.ctx.kind === 'thread' || entry.ctx.kind === 'compose' ? mailFigures(view, summary, asOf, lang) : undefined;
    return { ...view, ...extra, ...(figures ? { figures } : {}) };
  }

  /** Sends a tab's badge frame its current view without being asked. No frame in the tab (yet) is normal. */
  function pushBadge(tabId: number): void {
    void badgeView(tabId)
      .then((view) => deps.sendToTab(tabId, { type: 'badge/view', view }).catch(() => undefined))
      .catch((e: unknown) => console.warn('[huikuan] badge view', e));
  }

  /** The tab's page context changed: its badge frame gets the new view without asking for it. */
  function tabChanged(tabId: number): void {
    deps.broadcast({ type: 'tab/updated', tabId });
    pushBadge(tabId);
  }

  /**
   * These customers' figures (or, for 'all', anyone's) changed: the badges of the given tabs that show one of them
   * are pushed their new view, so a badge never keeps showing figures the store no longer has.
   */
  async function figuresChanged(tabIds: number[], customerIds: string[] | 'all'): Promise<void> {
    const ids = customerIds === 'all' ? undefined : new Set(customerIds);
    for (const tabId of tabIds) {
      const entry = await deps.tabs.get(tabId);
      const m = entry?.ctx ? confidentMatch(entry.matches) : undefined;
      if (m && (!ids || ids.has(m.customerId))) pushBadge(tabId);
    }
  }

  /** Every given tab showing a badge gets its view again: the settings it is worded and coloured by changed. */
  async function refreshBadges(tabIds: number[]): Promise<void> {
    for (const tabId of tabIds) if ((await deps.tabs.get(tabId))?.ctx) pushBadge(tabId);
  }

  /**
   * Matches a page: CRM link, domain, name; where the page names the counterpart but shows no address (QQ Mail's
   * nickname chips, Outlook's colleagues), also by the display name among the contacts held.
   */
  async function matchPage(ctx: PageContext): Promise<MatchResult[]> {
    const matches = (await deps.matcher())
      .match({ name: ctx.name, emails: ctx.emails, site: ctx.site, recordId: ctx.recordId })
      .slice(0, 5);
    if (!ctx.addressHidden || !ctx.name || confidentMatch(matches) || !deps.contactMatches) return matches;
    const byContact = await deps.contactMatches(ctx.name);
    const seen = new Set(byContact.map((m) => m.customerId));
    return [...byContact, ...matches.filter((m) => !seen.has(m.customerId))]
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
  }

  /**
   * Matches again every tab whose page context is known, after the customers changed (an edit elsewhere, a
   * restore): a page already open follows the store without being reloaded.
   */
  async function rematch(tabIds: number[]): Promise<void> {
    for (const tabId of tabIds) {
      const entry = await deps.tabs.get(tabId);
      if (!entry?.ctx || entry.pendingHost) continue;
      const matches = await matchPage(entry.ctx);
      if (JSON.stringify(matches) === JSON.stringify(entry.matches)) continue;
      await deps.tabs.set(tabId, { ...entry, matches });
      tabChanged(tabId);
    }
  }

  /**
   * The wrong customer's letter must not go out unasked: the compose box's recipients, read from the page now,
   * by whose company domain they carry. A mismatch is an e-mail addressed to another customer of the store and to
   * no address of `customerId`'s; recipients of no known customer (a colleague, a free-mail address) prove nothing.
   */
  async function recipientMismatch(tabId: number, customerId: string): Promise<ComposeMismatch | undefined> {
    const reply = recipientsReplyMini.safeParse(
      await deps.sendToTab(tabId, { type: 'compose/recipients' }).catch(() => undefined),
    );
    if (!reply.success || !reply.data.emails.length) return undefined;
    const matcher = await deps.matcher();
    const owners = reply.data.emails.map((email) => ({
      email,
      customerId: matcher.match({ emails: [email] }).find((m) => m.reason === 'email-domain')?.customerId,
    }));
    if (owners.some((o) => o.customerId === customerId)) return undefined;
    const others = owners.filter((o): o is { email: string; customerId: string } => !!o.customerId);
    if (!others.length) return undefined;
    const names = await deps.db.customers.bulkGet([customerId, ...others.map((o) => o.customerId)]);
    return {
      letterFor: names[0]?.name ?? customerId,
      recipients: others.map((o, i) => ({
        email: o.email,
        customerId: o.customerId,
        customerName: names[i + 1]?.name ?? o.customerId,
      })),
    };
  }

  return { badgeView, pushBadge, tabChanged, figuresChanged, refreshBadges, matchPage, rematch, recipientMismatch };
}
