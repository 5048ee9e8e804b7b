/**
 * Cell values from ledgers: dates, amounts, currencies, yes/no. Every parser takes the raw cell (text, or a number
 * when it came from an XLSX numeric cell) and returns either a value or a reason that can be shown to the user.
 * Amounts become integer minor units by decimal-string arithmetic — never parseFloat × 100.
 */
import { currencyDecimals } from '../ledger/money';
import { isIsoDay, isoOf, addDays } from '../ledger/dates';
import type { ValueProblem } from './errors';
import { DAY_RANGE, inDayRange } from '../domain';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';
/** A failure carries the English reason and the problem's code, which the options page translates. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; code: ValueProblem };

/** Any character foldWidth changes. */
const FOLDABLE = /[\uff01-\uff5e\u3000\uffe5\uffe1\u3001]/;

/** Folds full-width ASCII (！–～), the ideographic space and full-width yen/comma forms to plain ASCII. */
export function foldWidth(s: string): string {
  // Most cells have nothing to fold: return them as they are instead of rebuilding them a character at a time.
  if (!FOLDABLE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0xffe5) out += '¥';
    else if (c === 0xffe1) out += '£';
    else if (c === 0xff04) out += '$';
    else if (c === 0x3001)
      out += ','; // 、 used as a grouping mark in hand-typed sheets
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- dates

/**
 * Excel serial day → ISO day, 1900 date system. Excel counts 1900 as a leap year (serial 60 is the non-existent
 * 1900-02-29), so serials from 61 on are days since 1899-12-30 and serials 1–59 days since 1899-12-31. The time
 * of day (the fraction) is dropped. Serial 60 and serials outside 1…2958465 (9999-12-31) are rejected.
 */
export function excelSerialToIso(serial: number): Parsed<string> {
  if (!Number.isFinite(serial)) return { ok: false, reason: 'is not a date', code: 'not-a-date' };
  const n = Math.floor(serial);
  if (n < 1 || n > 2_958_465)
    return { ok: false, reason: 'is not a date (Excel serial out of range)', code: 'serial-out-of-range' };
  if (n === 60) return { ok: false, reason: "is Excel's non-existent 1900-02-29", code: 'serial-1900-02-29' };
  return { ok: true, value: addDays(n < 60 ? '1899-12-31' : '1899-12-30', n) };
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

function real(y: number, m: number, d: number, raw: string): Parsed<string> {
  const iso = isoOf(y, m, d);
  if (m < 1 || m > 12 || d < 1 || !isIsoDay(iso))
    return { ok: false, reason: `"${raw}" is not a real date`, code: 'not-a-real-date' };
  return { ok: true, value: iso };
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** `A/B/YYYY`-style parts, which need a day/month order. */
const NUMERIC_DMY = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}|\d{2})$/;

/**
 * Parses one date cell. Accepted: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, an ISO date-time
 * ("2019-04-23 00:00:00", "2024-03-01T08:00:00Z" — the date part is kept), 1 Mar 2024, Mar 1, 2024, 01-Mar-24,
 * Xero's /Date(ms)/, an Excel serial (a number, or digits 1–99999 in text), and 3/1/2024 or 1/3/2024 read with
 * `order` (mdy or dmy; without an order a value that fits both is reported as ambiguous).
 */
export function parseDateValue(raw: string | number, order?: DateOrder): Parsed<string> {
  const p = parseDateCell(raw, order);
  // The store's own range (lib/domain DAY_RANGE): refused here with the row and column, not later by a restore.
  if (p.ok && !inDayRange(p.value)) {
    return {
      ok: false,
      reason: `"${raw}" is outside ${DAY_RANGE.from.slice(0, 4)}–${DAY_RANGE.to.slice(0, 4)}`,
      code: 'out-of-range',
    };
  }
  return p;
}

function parseDateCell(raw: string | number, order?: DateOrder): Parsed<string> {
  if (typeof raw === 'number') return excelSerialToIso(raw);
  const s = foldWidth(raw).trim();
  if (!s) return { ok: false, reason: 'is empty', code: 'empty' };
  let m: RegExpExecArray | null;
  if (
    (m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    ))
  ) {
    return real(+m[1], +m[2], +m[3], raw);
  }
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(s))) return real(+m[1], +m[2], +m[3], raw);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return real(+m[1], +m[2], +m[3], raw);
  if ((m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(s))) {
    const t = new Date(Number(m[1]));
    return real(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), raw);
  }
  if (/^\d{1,5}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  if ((m = /^(\d{1,2})[\s\-/.]+([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})$/.exec(s))) {
    const mo = MONTHS[m[2].toLowerCase()];
    if (mo) return real(fullYear(m[3]), mo, +m[1], raw);
  }
  if ((m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s))) {
    const mo = MONTHS[m[1].toLowerCase()];
    if (mo) return real(+m[3], mo, +m[2], raw);
  }
  if ((m = NUMERIC_DMY.exec(s))) {
    const a = +m[1];
    const b = +m[2];
    const y = fullYear(m[3]);
    const o = order === 'ymd' ? undefined : order;
    if (o === 'mdy') return real(y, a, b, raw);
    if (o === 'dmy') return real(y, b, a, raw);
    if (a > 12 && b <= 12) return real(y, b, a, raw);
    if (b > 12 && a <= 12) return real(y, a, b, raw);
    if (a === b) return real(y, a, b, raw);
    return { ok: false, reason: `"${raw}" could be day/month or month/day; choose the date order`, code: 'ambiguous' };
  }
  return { ok: false, reason: `"${raw}" is not a date`, code: 'not-a-date' };
}

/**
 * Infers the day/month order of a file's `A/B/YYYY` dates: a first part above 12 proves dmy, a second part above
 * 12 proves mdy. Returns 'conflict' when both occur, undefined when nothing decides it.
 */
export function inferDateOrder(values: Iterable<string | number>): DateOrder | 'conflict' | undefined {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = NUMERIC_DMY.exec(foldWidth(v).trim());
    if (!m) continue;
    if (+m[1] > 12 && +m[2] <= 12) dmy = true;
    if (+m[2] > 12 && +m[1] <= 12) mdy = true;
  }
  return dmy && mdy ? 'conflict' : dmy ? 'dmy' : mdy ? 'mdy' : undefined;
}

// ---------------------------------------------------------------------------------------------------- currencies

/** Currency words and codes seen in ledgers → ISO code. */
const CURRENCY_WORDS: Record<string, string> = {
  人民币: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  元: 'CNY',
  本位币: '',
  美元: 'USD',
  usd: 'USD',
  us$: 'USD',
  欧元: 'EUR',
  eur: 'EUR',
  '€': 'EUR',
  英镑: 'GBP',
  gbp: 'GBP',
  '£': 'GBP',
  港币: 'HKD',
  港元: 'HKD',
  hkd: 'HKD',
  hk$: 'HKD',
  日元: 'JPY',
  jpy: 'JPY',
  円: 'JPY',
  新台币: 'TWD',
  twd: 'TWD',
  nt$: 'TWD',
  新加坡元: 'SGD',
  sgd: 'SGD',
  s$: 'SGD',
  澳元: 'AUD',
  aud: 'AUD',
  a$: 'AUD',
  加元: 'CAD',
  cad: 'CAD',
  c$: 'CAD',
  瑞士法郎: 'CHF',
  chf: 'CHF',
  韩元: 'KRW',
  krw: 'KRW',
  '₩': 'KRW',
  卢布: 'RUB',
  rub: 'RUB',
  nz$: 'NZD',
  nzd: 'NZD',
  inr: 'INR',
  '₹': 'INR',
};

/** Normalises a currency cell ("人民币", "RMB", "usd", "US$") to an ISO code, or undefined when unknown/blank. */
export function parseCurrency(raw: string): string | undefined {
  const s = foldWidth(raw).trim();
  if (!s) return undefined;
  const w = CURRENCY_WORDS[s.toLowerCase()];
  if (w) return w;
  if (/^[A-Za-z]{3}$/.test(s)) return s.toUpperCase();
  return undefined;
}

/** Symbols that name a family of currencies rather than one. */
const SYMBOL_SETS: Record<string, string[]> = {
  '¥': ['CNY', 'JPY'],
  $: ['USD', 'HKD', 'SGD', 'AUD', 'CAD', 'NZD', 'TWD', 'MXN'],
};

// Longest first, so "US$" wins over "$" and "人民币" over "元".
const TOKENS = [...Object.keys(CURRENCY_WORDS), ...Object.keys(SYMBOL_SETS)]
  .filter((t) => t && !/^[a-z]{3}$/.test(t))
  .sort((a, b) => b.length - a.length);

// ---------------------------------------------------------------------------------------------------- amounts

export interface AmountValue {
  minor: number;
  /** Currencies the cell's own symbol or word allows ("$" allows several); undefined when it named none. */
  currencies?: string[];
}

const MULTIPLIERS: Record<string, number> = { 万: 4, 亿: 8, 千: 3, 百万: 6, 千万: 7, 万亿: 12 };
/** Longest first, so 千万 is found before 万. */
const MULTIPLIER_WORDS = Object.keys(MULTIPLIERS).sort((a, b) => b.length - a.length);

/** Decimal text "-1234.5678" → integer minor units with `dp` places, rounded half away from zero. */
export function decimalToMinor(text: string, dp: number, shift = 0): number | undefined {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const neg = m[1] === '-';
  let intPart = m[2] || '0';
  let frac = m[3] ?? '';
  if (shift > 0) {
    // move the decimal point right (万 → 4)
    const moved = (frac + '0'.repeat(shift)).slice(0, shift);
    intPart += moved;
    frac = frac.slice(shift);
  }
  const kept = (frac + '0'.repeat(dp)).slice(0, dp);
  const roundUp = (frac[dp] ?? '0') >= '5';
  const digits = intPart + kept;
  // Up to 15 digits a double holds the integer exactly; BigInt only for the rare longer ones.
  if (digits.length <= 15) {
    const n = Number(digits) + (roundUp ? 1 : 0);
    return neg && n !== 0 ? -n : n;
  }
  let v = BigInt(digits);
  if (roundUp) v += 1n;
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  const n = Number(v);
  return neg && n !== 0 ? -n : n;
}

/** Evidence a file writes its decimals with a comma (1.234,56) or with a point (1,234.56). */
export function decimalEvidence(raw: string): 'comma' | 'point' | undefined {
  const s = foldWidth(raw).replace(/[^\d.,]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastComma > lastDot ? 'comma' : 'point';
  if (lastComma >= 0 && /,(\d{1,2}|\d{4,})$/.test(s)) return 'comma';
  if (lastDot >= 0 && /\.(\d{1,2}|\d{4,})$/.test(s)) return 'point';
  if (lastDot >= 0 && (s.match(/\./g) ?? []).length > 1) return 'comma';
  if (lastComma >= 0 && (s.match(/,/g) ?? []).length > 1) return 'point';
  return undefined;
}

/** A file uses decimal commas only when some amount proves it and none proves decimal points. */
export function inferDecimalComma(values: Iterable<string | number>): boolean {
  let comma = 0;
  let point = 0;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const e = decimalEvidence(v);
    if (e === 'comma') comma++;
    else if (e === 'point') point++;
  }
  return comma > 0 && point === 0;
}

/** A plain amount: optional minus, digits with or without thousands separators, an optional fraction. */
const PLAIN_DECIMAL_POINT = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const PLAIN_DECIMAL_COMMA = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * Parses an amount cell into minor units of `currency`. Accepts 1,234.56 · 1234.56 · ¥1,234.56 · ￥ · $ · US$ ·
 * RMB/CNY/USD/EUR/€/£ before or after · 1,234.56元 · negatives as -1,234.56, (1,234.56), 1,234.56- and −1,234.56
 * · full-width digits and punctuation · 1.5万 / 2亿 / 3千万 · 1.234,56 when `decimalComma` (then "." and spaces
 * group thousands). A number (from an XLSX cell) is taken at its shortest decimal form.
 */
export function parseAmountValue(
  raw: string | number,
  currency: string,
  opts: { decimalComma?: boolean } = {},
): Parsed<AmountValue> {
  const dp = currencyDecimals(currency);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: 'is not an amount', code: 'not-an-amount' };
    const text = Math.abs(raw) < 1e21 ? numberToPlain(raw) : '';
    const minor = text ? decimalToMinor(text, dp) : undefined;
    return minor === undefined
      ? { ok: false, reason: `"${raw}" is too large`, code: 'too-large' }
      : { ok: true, value: { minor } };
  }
  // The usual cell, "1234.56", "-1,234.56" (or "1.234,56" with a decimal comma): read without the general path's
  // folding, stripping and currency marks, to the same result.
  const fast = (opts.decimalComma ? PLAIN_DECIMAL_COMMA : PLAIN_DECIMAL_POINT).exec(raw);
  if (fast) {
    const sep = opts.decimalComma ? /\./g : /,/g;
    const minor = decimalToMinor(fast[1] + fast[2].replace(sep, '') + (fast[3] === undefined ? '' : '.' + fast[3]), dp);
    if (minor !== undefined) return { ok: true, value: { minor } };
  }
  let s = foldWidth(raw)
    .trim()
    .replace(/[\s\u00a0\u2009\u202f']/g, '');
  if (!s) return { ok: false, reason: 'is empty', code: 'empty' };
  let neg = false;
  if (/^\(.*\)$/.test(s)) {
    neg = true;
    s = s.slice(1, -1);
  }
  if (/^[-−–]/.test(s)) {
    neg = !neg;
    s = s.slice(1);
  }
  if (/[-−–]$/.test(s)) {
    neg = !neg;
    s = s.slice(0, -1);
  }
  let currencies: string[] | undefined;
  const strip = (atStart: boolean): boolean => {
    const lower = s.toLowerCase();
    for (const t of TOKENS) {
      if (atStart ? lower.startsWith(t) : lower.endsWith(t)) {
        const set = SYMBOL_SETS[t] ?? [CURRENCY_WORDS[t]];
        currencies = currencies ? currencies.filter((c) => set.includes(c)) : set;
        s = atStart ? s.slice(t.length) : s.slice(0, s.length - t.length);
        return true;
      }
    }
    const code = atStart ? /^([A-Za-z]{3})(?=[\d.,(-])/.exec(s) : /(?<=[\d.,)])([A-Za-z]{3})$/.exec(s);
    if (code && /^[A-Z]{3}$/.test(code[1].toUpperCase())) {
      const c = code[1].toUpperCase();
      currencies = currencies ? currencies.filter((x) => x === c) : [c];
      s = atStart ? s.slice(3) : s.slice(0, -3);
      return true;
    }
    return false;
  };
  // A plain number (the usual cell) has no currency mark or multiplier to strip.
  const plainNumber = /^[\d.,]+$/.test(s);
  while (!plainNumber && strip(true)) {
    /* prefixes such as "RMB¥" */
  }
  if (/^\(.*\)$/.test(s)) {
    neg = !neg;
    s = s.slice(1, -1);
  }
  if (/^[-−–]/.test(s)) {
    neg = !neg;
    s = s.slice(1);
  }
  let shift = 0;
  for (;;) {
    if (plainNumber) break;
    if (strip(false)) continue;
    const mult = MULTIPLIER_WORDS.find((k) => s.endsWith(k));
    if (mult && shift === 0) {
      shift = MULTIPLIERS[mult];
      s = s.slice(0, -mult.length);
      continue;
    }
    break;
  }
  if (/[-−–]$/.test(s)) {
    neg = !neg;
    s = s.slice(0, -1);
  }
  if (currencies && currencies.length === 0)
    return { ok: false, reason: `"${raw}" names two different currencies`, code: 'two-currencies' };
  let plain: string;
  if (opts.decimalComma) {
    if (!/^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(s) && !/^,\d+$/.test(s))
      return { ok: false, reason: `"${raw}" is not an amount`, code: 'not-an-amount' };
    plain = s.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s))
      return { ok: false, reason: `"${raw}" is not an amount`, code: 'not-an-amount' };
    plain = s.replace(/,/g, '');
  }
  const minor = decimalToMinor((neg ? '-' : '') + plain, dp, shift);
  if (minor === undefined) return { ok: false, reason: `"${raw}" is too large`, code: 'too-large' };
  return { ok: true, value: currencies ? { minor, currencies } : { minor } };
}

/** A JS number as plain decimal text without exponent, shortest round-trip digits (1234.56 → "1234.56"). */
function numberToPlain(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant, expS] = s.split(/e/i);
  const exp = Number(expS);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  const pointAt = mant.replace(/^-/, '').indexOf('.') === -1 ? digits.length : mant.replace(/^-/, '').indexOf('.');
  const pos = pointAt + exp;
  const out =
    pos <= 0
      ? '0.' + '0'.repeat(-pos) + digits
      : pos >= digits.length
        ? digits + '0'.repeat(pos - digits.length)
        : digits.slice(0, pos) + '.' + digits.slice(pos);
  return (neg ? '-' : '') + out;
}

// ---------------------------------------------------------------------------------------------------- booleans

/** Yes/No, Y/N, true/false, 1/0, 是/否, 有/无 → boolean; undefined when blank or unrecognised. */
export function parseBool(raw: string | number): boolean | undefined {
  const s = foldWidth(String(raw)).trim().toLowerCase();
  if (['yes', 'y', 'true', '1', '是', '有', 'x', '√', '争议', 'disputed'].includes(s)) return true;
  if (['no', 'n', 'false', '0', '否', '无', '没有', ''].includes(s)) return s === '' ? undefined : false;
  return undefined;
}

/** Document numbers and names as text: numbers from XLSX cells become their integer text. */
export function cellText(raw: string | number | undefined): string {
  if (raw === undefined) return '';
  if (typeof raw === 'number') return numberToPlain(raw);
  return raw.trim();
}
