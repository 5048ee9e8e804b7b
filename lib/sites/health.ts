/**
 * How well each site's reader does on the user's own pages, counted on this machine only: per site and week, the
 * record pages the content script settled on, and how many of them it read (a name or an address). The options
 * page shows "read 41 of 43 record pages this week". Nothing leaves the machine; the counts live in
 * storage.local, eight weeks at most.
 */
import { z } from 'zod';

export const HEALTH_KEY = 'siteHealth';
const WEEKS_KEPT = 8;

const counts = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
/** site → ISO week ("2026-W48") → [record pages seen, of which read]. */
export const siteHealthSchema = z.record(z.string().max(40), z.record(z.string().regex(/^\d{4}-W\d{2}$/), counts));
export type SiteHealth = z.infer<typeof siteHealthSchema>;

/** The ISO 8601 week of a calendar day in the local time zone: "2026-W48". */
export function isoWeek(day: Date): string {
  const d = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Stored health, or empty when absent or not of the expected shape (it is only a count). */
export function parseHealth(raw: unknown): SiteHealth {
  const parsed = siteHealthSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** The counts with one more record page of `site` in `week`; weeks beyond the last eight are dropped. */
export function withVisit(health: SiteHealth, site: string, week: string, read: boolean): SiteHealth {
  const weeks = { ...health[site] };
  const [seen, ok] = weeks[week] ?? [0, 0];
  weeks[week] = [seen + 1, ok + (read ? 1 : 0)];
  const kept = Object.keys(weeks).sort().slice(-WEEKS_KEPT);
  return { ...health, [site]: Object.fromEntries(kept.map((w) => [w, weeks[w]])) };
}

/** One site's week: pages seen and read. */
export function weekOf(health: SiteHealth, site: string, week: string): { seen: number; read: number } {
  const [seen, read] = health[site]?.[week] ?? [0, 0];
  return { seen, read };
}
