/**
 * Epoch-day arithmetic without Date objects, for the forecast's inner loops (200,000 invoices × dozens of days):
 * Howard Hinnant's days_from_civil / civil_from_days (http://howardhinnant.github.io/date_algorithms.html), the
 * same proleptic Gregorian calendar as lib/ledger/dates (a unit test checks they agree).
 */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** `YYYY-MM-DD` → epoch day. */
export function dayOf(iso: string): number {
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  return daysFromCivil(y, digit(iso, 5) * 10 + digit(iso, 6), digit(iso, 8) * 10 + digit(iso, 9));
}

const isoCache = new Map<number, string>();
const pad2 = (x: number): string => (x < 10 ? `0${x}` : String(x));

/** Epoch day → `YYYY-MM-DD` (cached: forecasts land on a few hundred distinct days). */
export function isoOfDay(n: number): string {
  let s = isoCache.get(n);
  if (s === undefined) {
    const { y, m, d } = civilFromDays(n);
    s = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(n, s);
  }
  return s;
}

export function daysInMonthOf(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
