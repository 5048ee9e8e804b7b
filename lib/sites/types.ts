import type { PageContext } from '../domain';

export type SiteKind = 'crm' | 'mail';

/** One page reader. `matchesUrl` must be cheap and touch no DOM; `read` may then look at the document. */
export interface SiteReader {
  id: string;
  kind: SiteKind;
  matchesUrl(url: URL): boolean;
  read(url: URL, doc: Document): PageContext | null;
}
