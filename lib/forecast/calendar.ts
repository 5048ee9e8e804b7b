/**
 * The calendar facts the payment forecast uses: the Spring Festival (春节, first day of the first lunar month)
 * and the seasons around it, year end, a government customer's fiscal year end, and the customer's own payment
 * process (the nine questions, question 8: book-closing day, bank cut-off day, transfer days).
 *
 * Days are epoch-day numbers (lib/ledger/dates) so the model can step through them without building strings.
 */
import { civilFromDays, dayOf, daysFromCivil, daysInMonthOf } from './days';

/**
 * 春节 (正月初一) on the Gregorian calendar, 2010–2040, as published by the Hong Kong Observatory's
 * Gregorian–Lunar calendar conversion tables (https://www.hko.gov.hk/en/gts/time/conversion.htm) and the
 * Purple Mountain Observatory's 中国天文年历. The lunar calendar follows the new moon in China Standard Time,
 * which cannot be computed in a few lines, so the dates are a table; a year outside it has no Spring Festival
 * season in the forecast (the model never guesses a date it cannot stand behind).
 */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
  2036: '2036-01-28',
  2037: '2037-02-15',
  2038: '2038-02-04',
  2039: '2039-01-24',
  2040: '2040-02-12',
};

/** The statutory holiday runs from New Year's Eve (除夕) for eight days; finance departments do not pay then. */
export const SPRING_HOLIDAY_FIRST_OFFSET = -1;
export const SPRING_HOLIDAY_LAST_OFFSET = 6;
/** "The weeks before the Spring Festival": companies settle suppliers (and wages) before the holiday. */
export const PRE_SPRING_DAYS = 21;
/** Year end: the last two weeks of December, when companies close the year's books. */
export const YEAR_END_FROM_DAY = 16;
/** A government customer's fiscal year end: its last 31 days (budget spent or lost). */
export const FISCAL_YEAR_END_DAYS = 31;

export interface YearMonthDay {
  y: number;
  m: number;
  d: number;
}

export const ymdOf = (day: number): YearMonthDay => civilFromDays(day);

/** The epoch day of a day of a month, clamped to the month's last day (the 31st of a 30-day month). */
export const dayOfYmd = (y: number, m: number, d: number): number =>
  daysFromCivil(y, m, Math.min(d, daysInMonthOf(y, m)));

const springDays: Array<[year: number, day: number]> = Object.entries(SPRING_FESTIVAL).map(
  ([y, iso]) => [Number(y), dayOf(iso)] as [number, number],
);

/** The Spring Festival day nearest after `day - SPRING_HOLIDAY_LAST_OFFSET` (the one whose season `day` may be in). */
function springAround(day: number): number | undefined {
  for (const [, sf] of springDays) if (sf + SPRING_HOLIDAY_LAST_OFFSET >= day) return sf;
  return undefined;
}

/** When `day` falls in the Spring Festival holiday, the first working day after it; otherwise undefined. */
export function afterSpringHoliday(day: number): number | undefined {
  const sf = springAround(day);
  if (sf === undefined) return undefined;
  if (day >= sf + SPRING_HOLIDAY_FIRST_OFFSET && day <= sf + SPRING_HOLIDAY_LAST_OFFSET)
    return sf + SPRING_HOLIDAY_LAST_OFFSET + 1;
  return undefined;
}

export type SeasonKey = 'yearEnd' | 'preSpringFestival' | 'fiscalYearEnd';

/** The seasons a day falls in. `fiscalYearStartMonth` only for government (budget-bound) customers. */
export function seasonsOf(day: number, fiscalYearStartMonth?: number): SeasonKey[] {
  const out: SeasonKey[] = [];
  const { y, m, d } = ymdOf(day);
  if (m === 12 && d >= YEAR_END_FROM_DAY) out.push('yearEnd');
  const sf = springAround(day);
  if (
    sf !== undefined &&
    day < sf + SPRING_HOLIDAY_FIRST_OFFSET &&
    day >= sf + SPRING_HOLIDAY_FIRST_OFFSET - PRE_SPRING_DAYS
  ) {
    out.push('preSpringFestival');
  }
  if (fiscalYearStartMonth !== undefined) {
    // The fiscal year ends the day before its start month begins; look at this year's and next year's start.
    for (const startYear of [y, y + 1]) {
      const end = dayOfYmd(startYear, fiscalYearStartMonth, 1) - 1;
      if (day <= end && day > end - FISCAL_YEAR_END_DAYS) {
        out.push('fiscalYearEnd');
        break;
      }
    }
  }
  return out;
}

const seasonMemo = new Map<number, readonly SeasonKey[]>();

/**
 * `seasonsOf`, remembered per (day, fiscal year start): the forecast asks it for every settlement and every open
 * invoice, and they fall on a few thousand distinct days. The answer is shared: do not change it.
 */
export function seasonsOfDay(day: number, fiscalYearStartMonth?: number): readonly SeasonKey[] {
  const key = day * 16 + (fiscalYearStartMonth ?? 0);
  let hit = seasonMemo.get(key);
  if (hit === undefined) {
    if (seasonMemo.size > 100_000) seasonMemo.clear();
    seasonMemo.set(key, (hit = seasonsOf(day, fiscalYearStartMonth)));
  }
  return hit;
}

/** The customer's payment process as the nine questions (question 8) answer it. */
export interface PaymentProcess {
  /** Pays in one monthly batch after closing its books on this day of the month. */
  bookClosingDay?: number;
  /** The customer's bank sends nothing after this day of the month; later transfers go out next month. */
  bankClosingDay?: number;
  /** Days from the customer releasing a payment to the money arriving in our account. */
  transferDays?: number;
}

/**
 * The payment run nearest to `day` for a customer that pays in one monthly batch the day after its book-closing
 * day (arrival = run + transfer days). Nearest, not next: the learned delays already are batch days, so the
 * day the history points to lies between two runs only by its spread.
 */
const batchMemo = new Map<number, number>();

export function nearestBatchArrival(day: number, bookClosingDay: number, transferDays: number): number {
  // Many invoices of many customers land on the same days: remember each (day, closing day, transfer days).
  const key = (day * 32 + bookClosingDay) * 100 + transferDays;
  const hit = batchMemo.get(key);
  if (hit !== undefined) return hit;
  if (batchMemo.size > 200_000) batchMemo.clear();
  const best = nearestBatchArrivalUncached(day, bookClosingDay, transferDays);
  batchMemo.set(key, best);
  return best;
}

function nearestBatchArrivalUncached(day: number, bookClosingDay: number, transferDays: number): number {
  const { y, m } = ymdOf(day - transferDays);
  let best = day;
  let bestGap = Infinity;
  for (let k = -1; k <= 1; k++) {
    const total = y * 12 + (m - 1) + k;
    const yy = Math.floor(total / 12);
    const mm = total - yy * 12 + 1;
    const arrival = dayOfYmd(yy, mm, bookClosingDay) + 1 + transferDays;
    const gap = Math.abs(arrival - day);
    if (gap < bestGap || (gap === bestGap && arrival > best)) {
      best = arrival;
      bestGap = gap;
    }
  }
  return best;
}

/** A release after the bank's monthly cut-off goes out on the first day of next month. */
export function afterBankCutoff(day: number, bankClosingDay: number, transferDays: number): number {
  const release = day - transferDays;
  const { y, m, d } = ymdOf(release);
  if (d <= bankClosingDay) return day;
  const next = m === 12 ? dayOfYmd(y + 1, 1, 1) : dayOfYmd(y, m + 1, 1);
  return next + transferDays;
}
