/**
 * The one date module: calendar days as `YYYY-MM-DD` strings, for the ledger, capture, promises, reminders,
 * imports and exports alike. Days are counted in UTC so that daylight-saving shifts never make a day 23 or 25
 * hours long; the strings carry no time zone, they are the day the user means. Only `today` / `dayOf` /
 * `localDay` look at a time zone, and only at the instant they are given (never at the real clock).
 */

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDay(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` of year `y`; a month past 12 (or before 1) is counted into the next (previous) year. */
export function daysInMonth(y: number, m: number): number {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = (((m - 1) % 12) + 12) % 12;
  return [31, isLeapYear(yy) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm];
}

/** Formats year, month (1–12) and day as `YYYY-MM-DD`. */
export function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Year, month and day as `YYYY-MM-DD`, carrying overflow over (month 13 is January of the next year, day 0 the last of the month before). */
export function ymd(y: number, m: number, d: number): string {
  return fromEpochDay(Math.round(Date.UTC(y, m - 1, d) / DAY_MS));
}

/** The day as a `Date` at 00:00 UTC (read it with the getUTC… methods). */
export function parseDay(iso: string): Date {
  return new Date(toEpochDay(iso) * DAY_MS);
}

/** Day of the week, 0 = Sunday. */
export function weekday(iso: string): number {
  return (((toEpochDay(iso) + 4) % 7) + 7) % 7;
}

/** Last day of the month `offset` months after the month of `iso`. */
export function endOfMonth(iso: string, offset = 0): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) + offset;
  return ymd(y, m + 1, 0);
}

/** `n` business days after `iso`, skipping Saturdays and Sundays (public holidays are not known here). */
export function addBusinessDays(iso: string, n: number): string {
  let cur = iso;
  for (let left = n; left > 0;) {
    cur = addDays(cur, 1);
    const w = weekday(cur);
    if (w !== 0 && w !== 6) left--;
  }
  return cur;
}

/** Epoch-day number (days since 1970-01-01, UTC) of an ISO day. */
export function toEpochDay(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO day of an epoch-day number. */
export function fromEpochDay(n: number): string {
  const t = new Date(n * DAY_MS);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar days from `from` to `to` (positive when `to` is later): daysBetween('2024-02-28', '2024-03-01') = 2. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** `iso` plus `n` calendar days (n may be negative). */
export function addDays(iso: string, n: number): string {
  return fromEpochDay(toEpochDay(iso) + n);
}

/** `iso` plus `n` calendar months; the day is clamped to the end of a shorter month (01-31 + 1 → 02-28/29). */
export function addMonths(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return isoOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `iso` plus `n` years; 29 February becomes 28 February in a year that has none. */
export function addYears(iso: string, n: number): string {
  return addMonths(iso, n * 12);
}

/**
 * Today's calendar day. With `offsetMinutes` (minutes east of UTC, e.g. 480 for China Standard Time) the day is
 * taken in that fixed offset; without it, in the local time zone of the runtime.
 */
export function today(now: Date, offsetMinutes?: number): string {
  if (offsetMinutes === undefined) {
    return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }
  const t = new Date(now.getTime() + offsetMinutes * 60_000);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The calendar day of an instant (epoch ms): in the runtime's zone, or in a fixed offset (minutes east of UTC). */
export function dayOf(epochMs: number, offsetMinutes?: number): string {
  return today(new Date(epochMs), offsetMinutes);
}

/** The local calendar day a `Date` shows (a spreadsheet's date cell, read as the wall-clock day it displays). */
export function localDay(d: Date): string {
  return isoOf(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** `YYYY-MM` of a day. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

/** Number of days in the month `YYYY-MM`. */
export function daysInMonthOf(ym: string): number {
  return daysInMonth(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)));
}

/** The month before `YYYY-MM`. */
export function prevMonth(ym: string): string {
  return addMonths(`${ym}-01`, -1).slice(0, 7);
}

/** The later / earlier of two ISO days (plain string comparison is chronological for this format). */
export const maxDay = (a: string, b: string): string => (a >= b ? a : b);
export const minDay = (a: string, b: string): string => (a <= b ? a : b);
