import type { PageContext } from '../domain';

export type SiteKind = 'crm' | 'mail';

/**
 * Who controls what these hosts serve. 'vendor': only the vendor's application, so a record page there is the
 * user's own data. 'confirm': strangers can publish pages on these hosts too (free trials with public websites), so
 * the extension shows figures only after the user has confirmed the host once.
 */
export type HostTrust = 'vendor' | 'confirm';

export interface SiteHosts {
  /** Match patterns of the hosts that serve the application: the content scripts' matches and host permissions. */
  matches: readonly string[];
  /** Patterns on those hosts that serve other people's content (published forms, public pages). */
  excludeMatches?: readonly string[];
  trust: HostTrust;
}

/**
 * One page reader, one folder under lib/sites (reader.ts, hosts.ts, fixtures/, SOURCES.md). `matchesUrl` must be
 * cheap and touch no DOM; `read` may then look at the document.
 */
export interface SiteReader {
  id: string;
  kind: SiteKind;
  /** The product's name as users know it; never taken for a customer's name. */
  label: string;
  hosts: SiteHosts;
  matchesUrl(url: URL): boolean;
  read(url: URL, doc: Document): PageContext | null;
  /** The editable element of the open compose box (mail sites), or null. */
  composeBox?(doc: Document): HTMLElement | null;
}
