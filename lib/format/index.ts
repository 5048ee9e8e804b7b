/**
 * Numbers and dates as the user's language writes them. Money is always one currency per figure.
 */
import type { Lang } from '../domain';

const locales: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
const nfCache = new Map<string, Intl.NumberFormat>();

function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = nfCache.get(key);
  if (!f) nfCache.set(key, (f = make()));
  return f;
}

/** Decimal places of a currency's minor unit (JPY 0, CNY 2, KWD 3). */
export function minorDigits(currency: string): number {
  return (
    nf(`digits|${currency}`, () => new Intl.NumberFormat('en', { style: 'currency', currency })).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

const MAGNITUDE: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };
export type TypedAmountError = 'missing' | 'invalid' | 'too-precise';

/**
 * A typed amount → minor units of `currency`, in exact integer arithmetic. Accepts thousands separators, full-width
 * digits and a trailing 万/亿 ("12.4万"), because that is how collectors write amounts; anything else (a negative,
 * zero, more decimals than the currency has) is an error rather than a guess.
 */
export function parseTypedAmount(input: string, currency: string): { minor: number } | { error: TypedAmountError } {
  const s = input.normalize('NFKC').replace(/[\s,，]/g, '');
  if (!s) return { error: 'missing' };
  const m = s.match(/^(\d+)(?:\.(\d+))?([万萬亿億])?$/);
  if (!m) return { error: 'invalid' };
  const digits = minorDigits(currency) + (m[3] ? MAGNITUDE[m[3]] : 0);
  const frac = m[2] ?? '';
  if (frac.replace(/0+$/, '').length > digits) return { error: 'too-precise' };
  const minor = Number(`${m[1]}${frac.padEnd(digits, '0').slice(0, digits)}`);
  if (!Number.isSafeInteger(minor) || minor <= 0) return { error: 'invalid' };
  return { minor };
}

/** Minor units → a decimal number of major units (display only; never stored). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

export function formatMoney(minor: number, currency: string, lang: Lang, opts: { compact?: boolean } = {}): string {
  const key = `${lang}|${currency}|${opts.compact ? 'c' : 'f'}`;
  const f = nf(
    key,
    () =>
      new Intl.NumberFormat(locales[lang], {
        style: 'currency',
        currency,
        currencyDisplay: lang === 'zh' && currency === 'CNY' ? 'narrowSymbol' : 'symbol',
        ...(opts.compact ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
      }),
  );
  return f.format(toMajor(minor, currency));
}

export function formatNumber(n: number, lang: Lang, maxFractionDigits = 1): string {
  return nf(
    `${lang}|n|${maxFractionDigits}`,
    () => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: maxFractionDigits }),
  ).format(n);
}

export function formatPercent(ratio: number, lang: Lang): string {
  return nf(
    `${lang}|pct`,
    () => new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }),
  ).format(ratio);
}

const dfCache = new Map<Lang, Intl.DateTimeFormat>();
/** `YYYY-MM-DD` → "2026年11月22日" / "22 Nov 2026". */
export function formatDay(iso: string, lang: Lang): string {
  let f = dfCache.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      year: 'numeric',
      month: lang === 'zh' ? 'long' : 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    dfCache.set(lang, f);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}
