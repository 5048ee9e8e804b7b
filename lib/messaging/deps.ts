/**
 * What the background's message handlers are given: the worker's caches and the browser's calls, passed in so
 * the handlers run the same in the service worker and in unit tests.
 */
import type { PageContext, Settings } from '../domain';
import type { HuikuanDb } from '../db/schema';
import type { Broadcast, CaptureDraftView, RejectCode, ToContent, ToFrame } from './protocol';
import type { ExtensionIdentity } from './senders';
import type { BadgeInputs } from './badgeInputs';
import type { ForecastService } from '../forecast/service';

export interface MatchResult {
  customerId: string;
  score: number;
  reason: string;
}
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

export const hostOf = (url: string | undefined) => {
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
  constructor(
    readonly code: RejectCode,
    detail: string,
  ) {
    super(detail);
  }
}
