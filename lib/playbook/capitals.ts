/**
 * 人民币大写金额 (amounts in capitals) for formal Chinese letters: 100100 元 → 壹拾万零壹佰元整, 10.50 → 壹拾元伍角整,
 * 0.05 → 伍分. A zero between non-zero digits is read once as 零; a whole 万 or 亿 group of zeros is skipped with a
 * single 零 where digits follow. 整 ends an amount without 分.
 */
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
      if (v === 0) { needZero = true; continue; }
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
