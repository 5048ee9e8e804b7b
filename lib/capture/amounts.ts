/**
 * Money amounts in Chinese and English text.
 *
 * Currency rules (documented for the UI and for tests):
 * - An explicit marker decides: ¥/￥/元/圆/块/人民币/RMB/CNY → CNY; $ alone, US$, USD, 美元, 美金, dollars → USD;
 *   HK$/HKD/港币/港元 → HKD; €/EUR/欧元 → EUR; £/GBP/英镑 → GBP; 日元/円/JPY → JPY; A$/AUD → AUD.
 *   ¥ is read as CNY (the product's home market), not JPY.
 * - An amount without a marker ("12.4万", "12k", "1,234.50" next to a money word) takes the first explicit currency
 *   of the same text; failing that CNY when the text is Chinese or `lang` is 'zh', otherwise USD.
 * - A bare number counts only when it looks like money: a 万/亿 magnitude, a k/M magnitude, thousands separators
 *   or two decimals, and a money word (付款, 金额, invoice, payment, balance, …) close by. Plain integers without a
 *   marker are never amounts, so years, counts, phone and document numbers stay out.
 */
import type { Money } from '../domain';
import { decimalToMicro, microToMinor, readCnNumber, SCALE } from './numbers';
import { CJK, type Hit, mask, type Span } from './text';

const PREFIX = String.raw`(US\$|USD|HK\$|HKD|AU?\$|AUD|RMB|CNY|CN¥|EUR|GBP|JPY|€|£|¥|\$|人民币|美元|港币|港元|欧元|英镑|日元)`;
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const CNMAG = String.raw`((?:\s?[亿億万萬千仟百佰])+(?:\d+(?:\.\d+)?[亿億万萬千仟百佰]+)*\d?)`;
const ENMAG = String.raw`(\s?(?:mm|mn|bn|million|billion|thousand|[km])(?![a-z]))`;
const SUFFIX = String.raw`(\s?(?:元|圆|块|人民币|美元|美金|港币|港元|欧元|英镑|日元|円|RMB|CNY|USD|HKD|EUR|GBP|JPY|AUD|dollars?|bucks|yuan|euros?)(?![a-z]))`;
const RE_ARABIC = new RegExp(
  String.raw`(?:${PREFIX}\s?|(?<![\w.,$¥€£/\-:#]))${NUM}(?:${CNMAG}|${ENMAG})?${SUFFIX}?`,
  'gi',
);

const CN_NUM_CLASS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億貳參陸兩';
const CN_DIGIT_CLASS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
const RE_CN = new RegExp(
  `(?:(人民币|RMB)\\s*(?:大写)?[:：]?\\s*)?(?<![\\d.${CN_NUM_CLASS}])([${CN_NUM_CLASS}]+)(元|圆|块|美元|港币|港元|欧元)(?:([${CN_DIGIT_CLASS}])角)?(?:([${CN_DIGIT_CLASS}])分)?(整|正)?`,
  'g',
);

const MARKERS: Array<[RegExp, string]> = [
  [/^(us\$|usd|美元|美金|dollars?|bucks)$/i, 'USD'],
  [/^(hk\$|hkd|港币|港元)$/i, 'HKD'],
  [/^(a\$|au\$|aud)$/i, 'AUD'],
  [/^(€|eur|欧元|euros?)$/i, 'EUR'],
  [/^(£|gbp|英镑)$/i, 'GBP'],
  [/^(jpy|日元|円)$/i, 'JPY'],
  [/^(¥|cn¥|rmb|cny|人民币|元|圆|块|yuan)$/i, 'CNY'],
  [/^\$$/, 'USD'],
];

export function currencyOf(marker: string | undefined): string | undefined {
  if (!marker) return undefined;
  const m = marker.trim();
  for (const [re, code] of MARKERS) if (re.test(m)) return code;
  return undefined;
}

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };
export const minorDigitsOf = (currency: string) => MINOR_DIGITS[currency] ?? 2;

const EN_MULT: Record<string, bigint> = {
  k: 1000n,
  thousand: 1000n,
  m: 1_000_000n,
  mm: 1_000_000n,
  mn: 1_000_000n,
  million: 1_000_000n,
  bn: 1_000_000_000n,
  billion: 1_000_000_000n,
};

const MONEY_CONTEXT =
  /付|款|金额|余额|欠|应收|发票|合计|共计|总计|结算|费用|价|支付|汇|转账|预算|pay|paid|payment|amount|balance|total|invoice|owe|owing|due|remit|wire|transfer|check|cheque|outstanding|sum|price|cost|fee|credit|refund|settle|reserve/i;
const NON_MONEY_UNIT =
  /^\s?(?:%|percent|个|台|套|吨|件|人|天|次|张|份|箱|米|平方|年|月|日|号|周|岁|小时|分钟|pcs|units?|kg|tons?|days?|weeks?|months?|years?|hours?|mmbtu|dth|mwh|kwh|bbls?|barrels?|gallons?|mcf|bcf|lbs?|shares?|people|persons?|attendees|employees|miles?|km|meters?)(?![a-z])/i;
const PLACEHOLDER_NEAR = /[xX×*_＿]/;

export interface AmountHit extends Hit<Money> {
  /** True when the currency came from a marker next to the number. */
  explicit: boolean;
}

interface Raw extends Span {
  micro: bigint;
  currency?: string;
  strong: boolean;
  text: string;
}

/**
 * Finds amounts in `text` (already NFKC-normalised and with identifiers, phones and percentages masked).
 * `defaultCurrency` applies to amounts without a marker when the text names no currency at all.
 */
export function findAmounts(text: string, defaultCurrency: string): AmountHit[] {
  const raws: Raw[] = [];
  RE_ARABIC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ARABIC.exec(text))) {
    const [whole, prefix, num, cnmag, enmag, suffix] = m;
    const index = m.index + (whole.length - whole.trimStart().length);
    const end = m.index + whole.trimEnd().length;
    const before = text.slice(Math.max(0, index - 2), index);
    const after = text.slice(end, end + 2);
    if (PLACEHOLDER_NEAR.test(after) || /[xX×*_＿]$/.test(before)) continue;
    if (/^\d/.test(after) || /^[-/:.,]\d/.test(after)) continue;
    let micro = decimalToMicro(num);
    if (cnmag) {
      const v = readCnNumber(num.replace(/,/g, '') + cnmag.replace(/\s/g, ''));
      if (v === null) continue;
      micro = v;
    } else if (enmag) {
      micro *= EN_MULT[enmag.trim().toLowerCase()];
    }
    const currency = currencyOf(prefix) ?? currencyOf(suffix);
    const bigMag = !!cnmag && /[万萬亿億]/.test(cnmag);
    const strong = !!currency;
    if (!strong) {
      const shaped = bigMag || !!enmag || !!cnmag || /,\d{3}/.test(num) || /\.\d{2}$/.test(num);
      if (!shaped) continue;
      if (NON_MONEY_UNIT.test(text.slice(end, end + 12))) continue;
      const ctx = text.slice(Math.max(0, index - 40), Math.min(text.length, end + 20));
      if (!bigMag && !MONEY_CONTEXT.test(ctx)) continue;
      if (bigMag && !MONEY_CONTEXT.test(ctx) && !CJK.test(ctx)) continue;
    }
    if (micro === 0n) continue;
    raws.push({ index, end, micro, currency, strong, text: text.slice(index, end) });
  }
  const masked = mask(text, raws);
  RE_CN.lastIndex = 0;
  while ((m = RE_CN.exec(masked))) {
    const [whole, prefix, num, unit, jiao, fen] = m;
    const v = readCnNumber(num);
    if (v === null) continue;
    let micro = v;
    if (jiao) micro += BigInt(readCnNumber(jiao) ?? 0n) / 10n;
    if (fen) micro += BigInt(readCnNumber(fen) ?? 0n) / 100n;
    if (micro === 0n) continue;
    const currency = currencyOf(unit) ?? currencyOf(prefix) ?? 'CNY';
    raws.push({ index: m.index, end: m.index + whole.length, micro, currency, strong: true, text: whole });
  }
  raws.sort((a, b) => a.index - b.index);
  const docCurrency = raws.find((r) => r.currency)?.currency ?? defaultCurrency;
  const out: AmountHit[] = [];
  for (const r of raws) {
    const currency = r.currency ?? docCurrency;
    const minor = microToMinor(r.micro, minorDigitsOf(currency));
    if (minor === null || minor <= 0) continue;
    out.push({ index: r.index, end: r.end, text: r.text, value: { minor, currency }, explicit: r.strong });
  }
  return out;
}

export { SCALE };
