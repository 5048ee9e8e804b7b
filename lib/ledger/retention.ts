/**
 * 质保金 (retention money) and deposits: a part of an invoice held until a warranty end, an acceptance or the end
 * of a deposit's term (`Receivable.retention`). Before its release date that part is open but not due: it is in
 * no overdue figure, no aging bucket past "current", no ladder level and no worklist row as overdue. From the day
 * after its release date it is overdue like any document (the 条例 2025 art. 13: deposits are to be settled and
 * returned on time when their term ends).
 *
 * Payments settle the rest of the document first: the retention is the last part of a document to be paid, so
 * the part still held is min(open, retention). Everything that reads days past due reads the parts below
 * instead of the document's own due date: the summary (openByDue, oldest item, limitation), the ladder's facts,
 * suggestNext, the side panel's status and the forecast.
 */
import type { OpenReceivable } from '../domain';
import { addDays } from './dates';

/** Minor units of an open invoice still held as retention (0 without retention or when settled). */
export function heldMinor(r: Pick<OpenReceivable, 'kind' | 'openMinor' | 'retention'>): number {
  if (!r.retention || r.kind !== 'invoice' || r.openMinor <= 0) return 0;
  return Math.min(r.openMinor, r.retention.minor);
}

/** The day the held part falls due: its release date, never before the document's own due date. */
export function releaseDueDate(r: Pick<OpenReceivable, 'dueDate' | 'retention'>): string {
  const release = r.retention?.releaseDate ?? r.dueDate;
  return release > r.dueDate ? release : r.dueDate;
}

export interface DuePart {
  dueDate: string;
  minor: number;
  /** The held retention part (due on its release date). */
  retention: boolean;
}

/** The open balance by the day each part falls due: the document's due date for the rest, the release date for the retention. */
export function dueParts(r: OpenReceivable): DuePart[] {
  if (r.openMinor <= 0) return [];
  const held = heldMinor(r);
  if (!held) return [{ dueDate: r.dueDate, minor: r.openMinor, retention: false }];
  const out: DuePart[] = [];
  if (r.openMinor > held) out.push({ dueDate: r.dueDate, minor: r.openMinor - held, retention: false });
  out.push({ dueDate: releaseDueDate(r), minor: held, retention: true });
  return out;
}

/**
 * Open items split into their parts by due day (each part keeps its document's id; the retention part carries
 * `retentionPart` and the release date as its due date). Settled items and documents without retention pass
 * through unchanged, in the input order.
 */
export function splitByDue(items: readonly OpenReceivable[]): OpenReceivable[] {
  const out: OpenReceivable[] = [];
  for (const r of items) {
    if (!heldMinor(r)) {
      out.push(r);
      continue;
    }
    for (const p of dueParts(r)) {
      out.push(
        p.retention
          ? { ...r, dueDate: p.dueDate, openMinor: p.minor, retentionPart: true }
          : { ...r, openMinor: p.minor },
      );
    }
  }
  return out;
}

/**
 * Parts of the same document joined back into one item (their open amounts added, the earliest due day kept), in
 * the order of each document's first part: what a script demands names a document once.
 */
export function joinParts(items: readonly OpenReceivable[]): OpenReceivable[] {
  const byId = new Map<string, OpenReceivable>();
  for (const r of items) {
    const seen = byId.get(r.id);
    if (!seen) {
      byId.set(r.id, r);
      continue;
    }
    const { retentionPart: _p, ...rest } = seen;
    byId.set(r.id, {
      ...rest,
      openMinor: seen.openMinor + r.openMinor,
      dueDate: seen.dueDate < r.dueDate ? seen.dueDate : r.dueDate,
    });
  }
  return [...byId.values()];
}

export type RetentionState = 'held' | 'remind' | 'due' | 'overdue' | 'settled';

/**
 * Where a retention stands on `asOf`: held (release date not near), remind (within its reminder days before the
 * release date: ask for it), due (the release date is today), overdue (after it: demand it, 条例 art. 13), settled.
 */
export function retentionState(r: OpenReceivable, asOf: string): RetentionState | undefined {
  if (!r.retention) return undefined;
  if (!heldMinor(r)) return 'settled';
  const release = releaseDueDate(r);
  if (asOf > release) return 'overdue';
  if (asOf === release) return 'due';
  return asOf >= addDays(release, -r.retention.remindDays) ? 'remind' : 'held';
}

/** The retention of `percent` % of a document, in minor units, rounded half up (5 % of ¥1,234,567.89 is ¥61,728.39). */
export function retentionOfPercent(amountMinor: number, percent: number): number {
  // Percent with up to 4 decimals as an integer, so the product stays exact for every safe amount we hold.
  const p = Math.round(percent * 10_000);
  return Number((BigInt(amountMinor) * BigInt(p) * 2n + 1_000_000n) / 2_000_000n);
}
