/**
 * Exact number reading for money: decimals are parsed as strings into BigInt "micro units" (value × 10^6), so
 * "12.4万" is 124000 exactly and never 123999.99999. Chinese numerals (lower case and the financial capitals
 * 壹贰叁…), Arabic digits mixed with 万/亿/千 ("3万5千", "1.2亿") and English magnitudes (k, M, mm, bn) all end here.
 */

export const SCALE = 1_000_000n;

/** "1,234.50" → 1234500000n (× 10^6). Digits beyond the sixth decimal are dropped. */
export function decimalToMicro(s: string): bigint {
  const clean = s.replace(/[,\s]/g, '');
  const [int, frac = ''] = clean.split('.');
  const f = (frac + '000000').slice(0, 6);
  return BigInt(int || '0') * SCALE + BigInt(f);
}

/** Micro units → minor units of a currency with `digits` decimals, rounding half up. */
export function microToMinor(micro: bigint, digits: number): number | null {
  const div = 10n ** BigInt(6 - digits);
  const q = micro / div;
  const r = micro % div;
  const minor = r * 2n >= div ? q + 1n : q;
  const n = Number(minor);
  return Number.isSafeInteger(n) ? n : null;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, bigint> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n, 廿: 20n };
const BIG_UNITS: Record<string, bigint> = { 万: 10_000n, 萬: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };

export const CN_DIGIT_CHARS = '零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖';
export const CN_UNIT_CHARS = '十拾百佰千仟廿万萬亿億';

/**
 * Reads a Chinese-style number whose "digits" may be Chinese numerals or Arabic decimals:
 * "壹万贰仟" → 12000, "十五" → 15, "3万5千" → 35000, "3万5" → 35000, "1.2亿" → 120000000, "一千零五" → 1005.
 * Returns micro units (× 10^6), or null when the text is not a number.
 */
export function readCnNumber(text: string): bigint | null {
  const tokens = text.match(/\d+(?:\.\d+)?|[^\s]/g);
  if (!tokens) return null;
  let total = 0n; // everything above the current 万 section, already multiplied
  let section = 0n; // below 万
  let num: bigint | null = null; // pending digit value (micro)
  let numIsSingleDigit = false;
  let lastUnit = 0n;
  let sawZero = false;
  let any = false;
  for (const t of tokens) {
    if (/^\d/.test(t)) {
      num = decimalToMicro(t);
      numIsSingleDigit = /^\d$/.test(t);
      any = true;
    } else if (t in DIGITS) {
      if (DIGITS[t] === 0) {
        sawZero = true;
        num = null;
        continue;
      }
      num = BigInt(DIGITS[t]) * SCALE;
      numIsSingleDigit = true;
      any = true;
    } else if (t in SMALL_UNITS) {
      const u = SMALL_UNITS[t];
      section += (num ?? (u === 10n || u === 20n ? SCALE : null) ?? SCALE) * u;
      num = null;
      lastUnit = u;
      sawZero = false;
      any = true;
    } else if (t in BIG_UNITS) {
      const u = BIG_UNITS[t];
      section += num ?? 0n;
      if (section === 0n && total === 0n) return null;
      if (u === 100_000_000n) total = (total + section) * u;
      else total += section * u;
      section = 0n;
      num = null;
      lastUnit = u;
      sawZero = false;
    } else {
      return null;
    }
  }
  if (!any) return null;
  if (num !== null) {
    // "3万5" means 35000 and "三百五" 350: a lone trailing digit right after a unit counts in the next unit down.
    if (numIsSingleDigit && !sawZero && lastUnit >= 100n) {
      const down = lastUnit === 100_000_000n ? 10_000_000n : lastUnit === 10_000n ? 1000n : lastUnit / 10n;
      section += num * down;
    } else {
      section += num;
    }
  }
  return total + section;
}

/** Small whole numbers as written in dates and durations: "3", "三", "十五", "二十五", "廿五". */
export function readSmallInt(text: string): number | null {
  const words: Record<string, number> = {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    fifteen: 15,
    twenty: 20,
    thirty: 30,
  };
  const lower = text.toLowerCase();
  if (lower in words) return words[lower];
  const v = readCnNumber(text);
  if (v === null || v % SCALE !== 0n) return null;
  const n = Number(v / SCALE);
  return n >= 0 && n <= 1000 ? n : null;
}
