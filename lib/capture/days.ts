/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Everything runs in UTC on purpose: a calendar day has no time
 * zone, so adding days never trips over a daylight-saving change.
 */
export function parseDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function fmtDay(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function ymd(y: number, m: number, d: number): string {
  return fmtDay(new Date(Date.UTC(y, m - 1, d)));
}

export function addDays(iso: string, n: number): string {
  const d = parseDay(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return fmtDay(d);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Last day of the month `offset` months after the month of `iso`. */
export function endOfMonth(iso: string, offset = 0): string {
  const d = parseDay(iso);
  return fmtDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 0)));
}

/** Day-of-week, 0 = Sunday. */
export function weekday(iso: string): number {
  return parseDay(iso).getUTCDay();
}

/** `n` business days after `iso`, skipping Saturdays and Sundays (public holidays are not known here). */
export function addBusinessDays(iso: string, n: number): string {
  let cur = iso;
  let left = n;
  while (left > 0) {
    cur = addDays(cur, 1);
    const w = weekday(cur);
    if (w !== 0 && w !== 6) left--;
  }
  return cur;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function diffDays(a: string, b: string): number {
  return Math.round((parseDay(b).getTime() - parseDay(a).getTime()) / 86_400_000);
}

/** The calendar day of an instant in local time, shifted by `tzOffsetMinutes` when given (minutes east of UTC). */
export function dayOf(epochMs: number, tzOffsetMinutes?: number): string {
  if (tzOffsetMinutes == null) {
    const d = new Date(epochMs);
    return ymd(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }
  return fmtDay(new Date(epochMs + tzOffsetMinutes * 60_000));
}
