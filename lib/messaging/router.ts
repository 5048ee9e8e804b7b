/**
 * The background's message handling, with every dependency passed in so it runs the same in the service worker
 * and in unit tests. Each request is checked twice: its shape (zod) and its sender (what the browser stamped).
 */
import type { CrmLink, Lang, PageContext, Settings } from '../domain';
import { toIsoDay } from '../domain';
import type { HuikuanDb } from '../db/schema';
import { getSettings, putCustomer } from '../db/repo';
import { ladderStepFor } from './views';
import { pickLang, translator } from '../i18n';
import { domainOf, isFreeMailDomain } from '../match';
import {
  type BadgeView, type Broadcast, type CaptureDraftView, type PageReply, type RejectCode, type TabContextView, type ToContent, type ToFrame,
  contentRequestSchema, pageRequestSchema,
} from './protocol';
import { type ExtensionIdentity, type SenderLike, isContentScript, isEmbeddedFrame, isExtensionPage } from './senders';
import { badgeViewFor, confirmHostBadge, mailFigures, unlinkedBadge, unreadBadge } from './views';
import { hostTrust } from '../sites/hosts';
import { recipientsReplyMini } from './to-content';
import type { BadgeInputs } from './badge-inputs';
import { type ForecastService, createForecastService, readForecastStore } from '../forecast/service';

export interface MatchResult { customerId: string; score: number; reason: string }
export interface Matcher {
  match(query: { name?: string; emails?: string[]; site?: string; recordId?: string }): MatchResult[];
  /** The name of a customer the matcher holds (saves the badge a read). */
  nameOf?(customerId: string): string | undefined;
}

export interface TabEntry {
  ctx: PageContext | null;
  matches: MatchResult[];
  draft: CaptureDraftView | null;
  /** The page is on a host strangers can publish on, not yet confirmed by the user: no figures, no matches. */
  pendingHost?: string;
  /** The content script settled without reading a name or an address on this record page. */
  unread?: boolean;
}
export interface TabStore {
  get(tabId: number): Promise<TabEntry | undefined>;
  set(tabId: number, entry: TabEntry): Promise<void>;
  delete(tabId: number): Promise<void>;
}

export interface RouterDeps {
  me: ExtensionIdentity;
  db: HuikuanDb;
  tabs: TabStore;
  /** The customer matcher with every change known so far applied. */
  matcher(): Promise<Matcher>;
  /**
   * The store's customers changed: these ids (written here), or, without ids, possibly any of them (a page
   * wrote and said only that data changed).
   */
  customersChanged(ids?: string[]): void;
  now(): Date;
  browserLang(): string;
  broadcast(message: Broadcast): void;
  /** To the content script and our frames in that tab (and nowhere else). */
  sendToTab(tabId: number, message: ToContent | ToFrame): Promise<unknown>;
  /** Called after anything the reminders or the toolbar badge depend on may have changed. */
  onDataChanged(): void;
  isSiteEnabled(site: string, settingsDisabled: string[]): boolean;
  /** Epoch ms, fractional: orders the badge views a frame may receive out of order. */
  clock?(): number;
  /** The settings, from a cache the owner keeps current; read from the store when not given. */
  settings?(): Promise<Settings>;
  /** What the badge shows of a customer's summary, from a cache the owner keeps current; read when not given. */
  badgeInputs?(customerId: string): Promise<BadgeInputs | undefined>;
  /** Hosts the user confirmed as their company's (figures may show there although strangers can publish there). */
  hostConfirmed?(host: string): Promise<boolean>;
  confirmHost?(host: string): Promise<void>;
  forgetHost?(host: string): Promise<void>;
  /** Every tab the worker holds a page context for (to follow a confirmation made in one of them). */
  knownTabs?(): number[];
  /** A record page settled: counted per site and week, read or not (the options page's health count). */
  recordVisit?(site: string, read: boolean): void;
  /** Customers whose contacts carry this display name (a sender shown without an address). */
  contactMatches?(name: string): Promise<MatchResult[]>;
  /** The payment forecast; one over `db` and `now` when not given. */
  forecast?: ForecastService;
  /** Recompute that forecast in the background after a change (the worker: setTimeout), see ForecastServiceDeps. */
  schedule?(task: () => void, ms: number): void;
}

/** An insert the router held back: whose letter it is, and the recipients who belong to other customers. */
export interface ComposeMismatch {
  letterFor: string;
  recipients: Array<{ email: string; customerId: string; customerName: string }>;
}

/** A record the reader named or addressed; a record known only from its URL is not (yet) read. */
export const readRecord = (ctx: PageContext) => ctx.kind !== 'record' || !!ctx.name || ctx.emails.length > 0;

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

/** A match is taken as the page's customer only when it is sure and has no close rival. */
export const CONFIDENT_SCORE = 0.85;
export function confidentMatch(matches: MatchResult[]): MatchResult | undefined {
  const [top, second] = matches;
  if (!top || top.score < CONFIDENT_SCORE) return undefined;
  if (second && top.score - second.score < 0.05 && top.reason !== 'crm-link') return undefined;
  return top;
}

/** A request refused: `code` is what the user is told, the message what the log says. */
export class RejectedMessage extends Error {
  constructor(readonly code: RejectCode, detail: string) {
    super(detail);
  }
}

function langOf(s: Settings, deps: RouterDeps): Lang {
  return pickLang(s.language, deps.browserLang());
}

export function createRouter(deps: RouterDeps) {
  const clock = deps.clock ?? (() => deps.now().getTime());
  let lastAt = 0;
  // Strictly increasing, even for two views taken within one tick of a coarse clock.
  const stamp = () => (lastAt = Math.max(clock(), lastAt + 0.001));
  const settingsNow = deps.settings ?? (() => getSettings(deps.db));
  const inputsOf = deps.badgeInputs ?? ((id: string) => deps.db.summaries.get(id));
  const forecast = deps.forecast ?? createForecastService({
    read: () => readForecastStore(deps.db),
    today: () => toIsoDay(deps.now()),
    promiseGraceDays: async () => (await settingsNow()).promiseGraceDays,
    schedule: deps.schedule,
  });

  /**
   * What the badge frame in a tab shows. It reads the maintained summary only, never the account: the badge is on
   * the host page's critical path.
   */
  async function badgeView(tabId: number): Promise<BadgeView> {
    const at = stamp();
    const [settings, entry] = await Promise.all([settingsNow(), deps.tabs.get(tabId)]);
    const lang = langOf(settings, deps);
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
      known ?? deps.db.customers.get(m.customerId).then((c) => c?.name), inputsOf(m.customerId),
    ]);
    if (name === undefined) return { ...unlinkedBadge(lang), ...extra };
    const asOf = toIsoDay(deps.now());
    const view = badgeViewFor({ summary, customerName: name, lang, asOf, bucketDays: settings.agingBuckets,
      step: summary ? ladderStepFor(summary, settings, asOf, lang) : undefined });
    const figures = entry.ctx.kind === 'thread' || entry.ctx.kind === 'compose' ? mailFigures(view, summary, asOf, lang) : undefined;
    return { ...view, ...extra, ...(figures ? { figures } : {}) };
  }

  /** Sends a tab's badge frame its current view without being asked. No frame in the tab (yet) is normal. */
  function pushBadge(tabId: number): void {
    void badgeView(tabId).then((view) => deps.sendToTab(tabId, { type: 'badge/view', view }).catch(() => undefined))
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
  /**
   * Matches a page: CRM link, domain, name; where the page names the counterpart but shows no address (QQ Mail's
   * nickname chips, Outlook's colleagues), also by the display name among the contacts held.
   */
  async function matchPage(ctx: PageContext): Promise<MatchResult[]> {
    const matches = (await deps.matcher()).match({ name: ctx.name, emails: ctx.emails, site: ctx.site, recordId: ctx.recordId }).slice(0, 5);
    if (!ctx.addressHidden || !ctx.name || confidentMatch(matches) || !deps.contactMatches) return matches;
    const byContact = await deps.contactMatches(ctx.name);
    const seen = new Set(byContact.map((m) => m.customerId));
    return [...byContact, ...matches.filter((m) => !seen.has(m.customerId))].sort((a, b) => b.score - a.score).slice(0, 5);
  }

  /**
   * The wrong customer's letter must not go out unasked: the compose box's recipients, read from the page now,
   * by whose company domain they carry. A mismatch is an e-mail addressed to another customer of the store and to
   * no address of `customerId`'s; recipients of no known customer (a colleague, a free-mail address) prove nothing.
   */
  async function recipientMismatch(tabId: number, customerId: string): Promise<ComposeMismatch | undefined> {
    const reply = recipientsReplyMini.safeParse(await deps.sendToTab(tabId, { type: 'compose/recipients' }).catch(() => undefined));
    if (!reply.success || !reply.data.emails.length) return undefined;
    const matcher = await deps.matcher();
    const owners = reply.data.emails.map((email) => ({
      email, customerId: matcher.match({ emails: [email] }).find((m) => m.reason === 'email-domain')?.customerId,
    }));
    if (owners.some((o) => o.customerId === customerId)) return undefined;
    const others = owners.filter((o): o is { email: string; customerId: string } => !!o.customerId);
    if (!others.length) return undefined;
    const names = await deps.db.customers.bulkGet([customerId, ...others.map((o) => o.customerId)]);
    return {
      letterFor: names[0]?.name ?? customerId,
      recipients: others.map((o, i) => ({ email: o.email, customerId: o.customerId, customerName: names[i + 1]?.name ?? o.customerId })),
    };
  }

  /** Every given tab showing a badge gets its view again: the settings it is worded and coloured by changed. */
  async function refreshBadges(tabIds: number[]): Promise<void> {
    for (const tabId of tabIds) if ((await deps.tabs.get(tabId))?.ctx) pushBadge(tabId);
  }

  async function fromContent(raw: unknown, sender: SenderLike & { tab: { id: number } }): Promise<unknown> {
    const parsed = contentRequestSchema.safeParse(raw);
    if (!parsed.success) throw new RejectedMessage('badShape', `rejected message: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const msg = parsed.data;
    const tabId = sender.tab.id;
    switch (msg.type) {
      case 'page/context': {
        const [settings, prev] = await Promise.all([settingsNow(), deps.tabs.get(tabId)]);
        const lang = langOf(settings, deps);
        const ctx = msg.ctx;
        const enabled = deps.isSiteEnabled(ctx.site, settings.disabledSites);
        // The page's host as the browser stamped it on the message, never the context's own url field.
        const pageUrl = sender.url ?? sender.tab.url ?? '';
        const host = hostOf(pageUrl);
        const pendingHost = enabled && hostTrust(ctx.site, pageUrl) === 'confirm' && !(await deps.hostConfirmed?.(host)) ? host || '?' : undefined;
        const matches = enabled && !pendingHost ? await matchPage(ctx) : [];
        const read = readRecord(ctx);
        if (msg.status === 'settled' && enabled && ctx.kind === 'record') deps.recordVisit?.(ctx.site, read);
        const unread = !read && (msg.status === 'unread' || msg.status === 'settled');
        await deps.tabs.set(tabId, {
          ctx: enabled ? ctx : null, matches, draft: prev?.draft ?? null,
          ...(pendingHost ? { pendingHost } : {}), ...(unread ? { unread: true } : {}),
        });
        tabChanged(tabId);
        const reply: PageReply = {
          recognised: enabled,
          showBadge: enabled && ctx.kind === 'record',
          showCapture: enabled && ctx.kind === 'thread' && !pendingHost,
          tabId,
          lang,
          captureLabel: translator(lang)('capture.button'),
        };
        return reply;
      }
      case 'page/cleared': {
        const prev = await deps.tabs.get(tabId);
        await deps.tabs.set(tabId, { ctx: null, matches: [], draft: prev?.draft ?? null });
        tabChanged(tabId);
        return { ok: true };
      }
      case 'capture/selection': {
        const prev = await deps.tabs.get(tabId);
        await deps.tabs.set(tabId, {
          ctx: prev?.ctx ?? null, matches: prev?.matches ?? [],
          draft: { text: msg.text, url: sender.tab.url ?? sender.url, capturedAt: deps.now().getTime() },
        });
        deps.broadcast({ type: 'tab/updated', tabId });
        return { ok: true };
      }
    }
  }

  async function linkFromContext(customerId: string, ctx: PageContext, add: boolean): Promise<void> {
    const customer = await deps.db.customers.get(customerId);
    if (!customer) throw new RejectedMessage('unknownCustomer', 'unknown customer');
    const crmLinks: CrmLink[] = customer.crmLinks.filter((l) => !(l.site === ctx.site && l.recordId === ctx.recordId));
    let domains = customer.domains;
    if (ctx.recordId && ctx.kind === 'record') {
      if (add) crmLinks.push({ site: ctx.site, recordId: ctx.recordId, url: ctx.url });
    } else {
      const ds = ctx.emails.map(domainOf).filter((d): d is string => !!d && !isFreeMailDomain(d));
      domains = add ? [...new Set([...domains, ...ds])] : domains.filter((d) => !ds.includes(d));
    }
    const now = deps.now();
    await putCustomer(deps.db, { ...customer, crmLinks, domains, updatedAt: now.getTime() }, now);
    deps.customersChanged([customerId]);
  }

  async function fromPage(raw: unknown, sender: SenderLike): Promise<unknown> {
    const parsed = pageRequestSchema.safeParse(raw);
    if (!parsed.success) throw new RejectedMessage('badShape', `rejected message: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const msg = parsed.data;
    switch (msg.type) {
      case 'ping':
        return { ok: true, at: deps.now().getTime() };
      case 'badge/get': {
        // Only our own frame inside a tab, and only for that tab: a page cannot ask for another tab's figures.
        if (!isEmbeddedFrame(sender, deps.me)) throw new RejectedMessage('notFromFrame', 'badge/get only from the badge frame');
        return badgeView(sender.tab.id);
      }
      case 'capture/open-message': {
        if (!isEmbeddedFrame(sender, deps.me)) throw new RejectedMessage('notFromFrame', 'capture only from the capture frame');
        const entry = await deps.tabs.get(sender.tab.id);
        if (!entry?.ctx) return { ok: false };
        const ctx = entry.ctx;
        await deps.tabs.set(sender.tab.id, {
          ...entry,
          draft: {
            text: ctx.body ?? '', subject: ctx.subject, sentAt: ctx.sentAt, from: ctx.emails[0], url: ctx.url,
            capturedAt: deps.now().getTime(),
          },
        });
        deps.broadcast({ type: 'tab/updated', tabId: sender.tab.id });
        return { ok: true };
      }
    }
    // The rest act on any tab and are for the side panel, popup and options only.
    if (sender.tab && isEmbeddedFrame(sender, deps.me)) throw new RejectedMessage('notFromFrame', `${msg.type} not allowed from a frame`);
    switch (msg.type) {
      case 'tab/context': {
        const entry = await deps.tabs.get(msg.tabId);
        const view: TabContextView = {
          tabId: msg.tabId, ctx: entry?.ctx ?? null, matches: entry?.matches ?? [], draft: entry?.draft ?? null,
          ...(entry?.pendingHost ? { pendingHost: entry.pendingHost } : {}), ...(entry?.unread ? { unread: true } : {}),
        };
        return view;
      }
      case 'customer/link':
      case 'customer/unlink': {
        const entry = await deps.tabs.get(msg.tabId);
        if (!entry?.ctx) throw new RejectedMessage('noPageContext', 'no page context for that tab');
        if (entry.pendingHost) throw new RejectedMessage('noPageContext', 'the page\u2019s host is not confirmed');
        await linkFromContext(msg.customerId, entry.ctx, msg.type === 'customer/link');
        const matches = await matchPage(entry.ctx);
        await deps.tabs.set(msg.tabId, { ...entry, matches });
        tabChanged(msg.tabId);
        await deps.sendToTab(msg.tabId, { type: 'page/reread' }).catch(() => undefined);
        deps.onDataChanged();
        return { ok: true, matches };
      }
      case 'compose/insert': {
        if (msg.customerId && !msg.anyway) {
          const mismatch = await recipientMismatch(msg.tabId, msg.customerId);
          if (mismatch) return { ok: false, mismatch };
        }
        return deps.sendToTab(msg.tabId, { type: 'compose/insert', text: msg.text });
      }
      case 'draft/clear': {
        const entry = await deps.tabs.get(msg.tabId);
        if (entry) await deps.tabs.set(msg.tabId, { ...entry, draft: null });
        deps.broadcast({ type: 'tab/updated', tabId: msg.tabId });
        return { ok: true };
      }
      case 'host/confirm': {
        const entry = await deps.tabs.get(msg.tabId);
        const host = entry?.pendingHost;
        if (!host || !deps.confirmHost) return { ok: false };
        await deps.confirmHost(host);
        for (const id of new Set([msg.tabId, ...(deps.knownTabs?.() ?? [])])) {
          const e = await deps.tabs.get(id);
          if (e?.pendingHost !== host) continue;
          const { pendingHost: _confirmed, ...rest } = e;
          await deps.tabs.set(id, { ...rest, matches: rest.ctx ? await matchPage(rest.ctx) : [] });
          tabChanged(id);
        }
        return { ok: true };
      }
      case 'host/forget': {
        await deps.forgetHost?.(msg.host);
        for (const id of deps.knownTabs?.() ?? []) {
          const e = await deps.tabs.get(id);
          if (!e?.ctx?.url || hostOf(e.ctx.url) !== msg.host || hostTrust(e.ctx.site, e.ctx.url) !== 'confirm') continue;
          await deps.tabs.set(id, { ...e, matches: [], pendingHost: msg.host });
          tabChanged(id);
        }
        return { ok: true };
      }
      case 'forecast/portfolio':
        return forecast.portfolio();
      case 'forecast/customer':
        return forecast.customer(msg.customerId);
      case 'forecast/accuracy':
        return forecast.accuracy();
      case 'data/changed':
        forecast.changed();
        deps.customersChanged();
        deps.onDataChanged();
        deps.broadcast({ type: 'data/changed' });
        return { ok: true };
    }
  }

  /**
   * Matches again every tab whose page context is known, after the customers changed (an edit elsewhere, a
   * restore): a page already open follows the store without being reloaded.
   */
  async function rematch(tabIds: number[]): Promise<void> {
    for (const tabId of tabIds) {
      const entry = await deps.tabs.get(tabId);
      if (!entry?.ctx) continue;
      if (entry.pendingHost) continue;
      const matches = await matchPage(entry.ctx);
      if (JSON.stringify(matches) === JSON.stringify(entry.matches)) continue;
      await deps.tabs.set(tabId, { ...entry, matches });
      tabChanged(tabId);
    }
  }

  /** Entry point: returns the reply, or throws RejectedMessage for anything not allowed. */
  async function handle(raw: unknown, sender: SenderLike): Promise<unknown> {
    if (isContentScript(sender, deps.me)) return fromContent(raw, sender);
    if (isExtensionPage(sender, deps.me)) return fromPage(raw, sender);
    throw new RejectedMessage('unknownSender', 'unknown sender');
  }
  /** The store changed under the forecast (a write from any page): the next request computes it again. */
  const forecastChanged = () => forecast.changed();
  return Object.assign(handle, { badgeView, rematch, tabChanged, figuresChanged, refreshBadges, forecastChanged });
}
