/**
 * A forecast's explanation in the user's language, from its reason keys and figures: "expected 18 Dec: pays 9 days
 * late on average (12 paid), batch after the 25th". The figures are the model's own (lib/forecast/model.ts), so
 * what the page says is what the forecast used.
 */
import type { TFunction } from 'i18next';
import { type CustomerType, type Lang, customerTypes } from '../domain';
import type { SeasonKey } from './calendar';
import { formatDay } from '../format';
import type { ForecastReason, PaymentForecast } from './index';
import type { KeyOf } from '../i18n/types';

const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });
const suffix: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const nth = (day: number): string => `${day}${suffix[ordinalRules.select(day)] ?? 'th'}`;

const signKey = (days: number): 'late' | 'early' | 'onTime' => (days > 0 ? 'late' : days < 0 ? 'early' : 'onTime');

function shiftText(days: number, t: TFunction<'forecast'>): string {
  return t(days >= 0 ? 'reason.shift.later' : 'reason.shift.earlier', { days: Math.abs(days) });
}

const isSegment = (s: string): s is CustomerType => (customerTypes as readonly string[]).includes(s);
const seasonKeys: readonly SeasonKey[] = ['yearEnd', 'preSpringFestival', 'fiscalYearEnd'];
const isSeason = (s: string): s is SeasonKey => seasonKeys.includes(s as SeasonKey);

/** A segment's name (the customer types have one; any other segment is shown as it is). */
function segmentText(segment: string, t: TFunction<'forecast'>): string {
  return isSegment(segment) ? t(`reason.segments.${segment}`) : segment;
}

function seasonText(season: string, t: TFunction<'forecast'>): string {
  return isSeason(season) ? t(`reason.seasons.${season}`) : season;
}

const overdueBasis = (basis: unknown): 'own' | 'similar' | 'everybody' =>
  basis === 'similar' || basis === 'everybody' ? basis : 'own';

/** One reason as a phrase (`t` bound to the 'forecast' namespace). */
export function reasonText(r: ForecastReason, t: TFunction<'forecast'>, lang: Lang): string {
  const p = r.params;
  const days = Number(p.days ?? 0);
  switch (r.key) {
    case 'history':
      return t(`reason.history.${signKey(days)}`, { days: Math.abs(days), count: p.count });
    case 'similar':
      return t(Number(p.count) > 0 ? 'reason.similar.few' : 'reason.similar.none', {
        count: p.count,
        segment: segmentText(String(p.segment), t),
        delay: t(`reason.delay.${signKey(days)}`, { days: Math.abs(days) }),
      });
    case 'everybody':
      return t(Number(p.count) > 0 ? 'reason.everybody.few' : 'reason.everybody.none', {
        count: p.count,
        delay: t(`reason.delay.${signKey(days)}`, { days: Math.abs(days) }),
      });
    case 'dispute':
      return t('reason.dispute', { days });
    case 'delivery':
      return t('reason.delivery', { way: String(p.way), shift: shiftText(days, t) });
    case 'drift':
      return t('reason.drift', { shift: shiftText(days, t) });
    case 'season':
      return t('reason.season', { season: seasonText(String(p.season), t), shift: shiftText(days, t) });
    case 'springHoliday':
      return t('reason.springHoliday');
    case 'batch':
      return t('reason.batch', { day: p.day, nth: nth(Number(p.day)) });
    case 'bankCutoff':
      return t('reason.bankCutoff', { day: p.day, nth: nth(Number(p.day)) });
    case 'transfer':
      return t('reason.transfer', { days });
    case 'promise':
      return t('reason.promise', { date: formatDay(String(p.date), lang), kept: p.kept });
    case 'overdue':
      // Overdue beyond the customer's own history, or beyond what customers like it (no history) usually take;
      // 'open' when it is not even due yet but still open later than that history says.
      return t(`reason.overdue.${overdueBasis(p.basis)}.${days > 0 ? 'late' : 'open'}`, { days });
    case 'bill':
      return t('reason.bill', {
        kind: t(`reason.billKinds.${String(p.kind)}` as KeyOf<'forecast'>),
        acceptor: String(p.acceptor),
        date: formatDay(String(p.date), lang),
      });
  }
}

/** "expected 18 Dec: pays 9 days late on average (12 paid), batch after the 25th". */
export function forecastHeadline(
  f: Pick<PaymentForecast, 'expectedDate' | 'reasons'>,
  t: TFunction<'forecast'>,
  lang: Lang,
): string {
  const sep = t('headlineSep');
  return t('headline', {
    date: formatDay(f.expectedDate, lang),
    why: f.reasons.map((r) => reasonText(r, t, lang)).join(sep),
  });
}
