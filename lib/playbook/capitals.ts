/**
 * 大写金额 (amounts in capitals) for formal Chinese letters: 100100 元 → 人民币壹拾万零壹佰元整, 10.50 → 壹拾元伍角整,
 * 0.05 → 伍分; other currencies take their Chinese name and the same units, as Chinese bank forms write them
 * (US$12,400 → 美元壹万贰仟肆佰元整). A zero between non-zero digits is read once as 零; a whole 万 or 亿 group of
 * zeros is skipped with a single 零 where digits follow. 整 ends an amount without 分.
 */
import { minorDigits } from '../format';
const digits = '零壹贰叁肆伍陆柒捌玖';
const smallUnits = ['', '拾', '佰', '仟'];
const bigUnits = ['', '万', '亿', '万亿'];

function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += digits[d] + smallUnits[i];
    }
  }
  return out;
}

export function amountInCapitals(minor: number, prefix = '人民币'): string {
  const neg = minor < 0;
  const abs = Math.abs(Math.round(minor));
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fen = abs % 10;
  let int = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) groups.push(y % 10_000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g];
      if (v === 0) {
        needZero = true;
        continue;
      }
      if (int && (needZero || v < 1000)) int += '零';
      int += fourDigits(v) + bigUnits[g];
      needZero = false;
    }
    int += '元';
  }
  let frac = '';
  if (jiao) frac += digits[jiao] + '角';
  if (fen) frac += (yuan && !jiao ? '零' : '') + digits[fen] + '分';
  const body = int + frac + (fen ? '' : '整');
  return `${prefix}${neg ? '负' : ''}${yuan || jiao || fen ? body : '零元整'}`;
}

/** Chinese names of currencies as they head an amount in capitals; other codes head it with the code itself. */
const currencyNames: Record<string, string> = {
  CNY: '人民币',
  USD: '美元',
  EUR: '欧元',
  GBP: '英镑',
  JPY: '日元',
  HKD: '港币',
  MOP: '澳门元',
  TWD: '新台币',
  AUD: '澳元',
  CAD: '加元',
  NZD: '新西兰元',
  SGD: '新加坡元',
  CHF: '瑞士法郎',
  KRW: '韩元',
  THB: '泰铢',
  MYR: '林吉特',
  RUB: '卢布',
  INR: '印度卢比',
  AED: '阿联酋迪拉姆',
  SAR: '沙特里亚尔',
  VND: '越南盾',
  IDR: '印尼盾',
  PHP: '菲律宾比索',
  SEK: '瑞典克朗',
  NOK: '挪威克朗',
  DKK: '丹麦克朗',
  BRL: '巴西雷亚尔',
  MXN: '墨西哥比索',
  ZAR: '南非兰特',
};

/**
 * An amount of any currency in capitals, or undefined when capitals cannot state it exactly (a currency with
 * three decimals and a non-zero last one: capitals stop at 分, and a letter must not round a demand).
 */
export function amountInCapitalsFor(minor: number, currency: string): string | undefined {
  const digits = minorDigits(currency);
  const prefix = currencyNames[currency] ?? currency;
  if (digits === 2) return amountInCapitals(minor, prefix);
  if (digits < 2) return amountInCapitals(minor * 10 ** (2 - digits), prefix);
  const scale = 10 ** (digits - 2);
  return minor % scale === 0 ? amountInCapitals(minor / scale, prefix) : undefined;
}
