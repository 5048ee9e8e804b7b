/** Every built-in page reader, CRM first. The order matters only where hosts overlap (127.0.0.1 demo pages). */
import type { SiteReader, SiteKind } from './types';
import { crmReaders } from './crm';
import { mailReaders } from './mail';

export const readers: readonly SiteReader[] = [...crmReaders, ...mailReaders];

export const siteIds: readonly string[] = readers.map((r) => r.id);

export function readerForUrl(url: URL): SiteReader | undefined {
  for (const r of readers) if (r.matchesUrl(url)) return r;
  return undefined;
}

export function siteKind(id: string): SiteKind | undefined {
  return readers.find((r) => r.id === id)?.kind;
}
