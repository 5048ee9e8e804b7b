/**
 * Document numbers: invoices (INV-1023, Invoice #4521, 发票号 00012345, 单号) and contracts / purchase orders
 * (合同号 HT-2024-001, PO 7788, 订单号). Numbers are text: leading zeros and letters are kept as written.
 * Purchase orders and 订单号 go with contracts, since they name the customer's side of the deal.
 * Also finds the spans that must never be read as money: phones, percentages, times, deal and account numbers.
 */
import type { Hit, Span } from './text';

const VALUE = String.raw`([A-Za-z]{0,6}[-_/]?\d[A-Za-z0-9\-_/.]*)`;

const INVOICE: RegExp[] = [
  /\b(INV[-_]?\d[A-Za-z0-9\-_/]*)/gi,
  new RegExp(String.raw`\b(?:invoice|inv\.?|bill)\s*(?:no\.?|number|num\.?|#)?\s*[:#]?\s*(?:no\.?\s*)?${VALUE}`, 'gi'),
  new RegExp(
    String.raw`(?:发票号码|发票编号|发票号|票号|发票单号|(?<![订购])单号)\s*(?:为|是)?\s*[:：#]?\s*(?:No\.?\s*)?${VALUE}`,
    'gi',
  ),
];
const CONTRACT: RegExp[] = [
  /\b(HT[-_]\d[A-Za-z0-9\-_/]*)/g,
  new RegExp(
    String.raw`(?:合同编号|合同号码|合同号|合同|协议编号|协议号|订单号|订单编号|采购订单号|采购单号|PO号)\s*(?:为|是)?\s*[:：#]?\s*(?:No\.?\s*)?${VALUE}`,
    'gi',
  ),
  new RegExp(
    String.raw`\b(?:contract|agreement|purchase\s+order|p\.?o\.?)(?!\s*box)\s*(?:no\.?|number|#|ref\.?)?\s*[:#]?\s*${VALUE}`,
    'gi',
  ),
];

const NOISE: RegExp[] = [
  /(?:\+?86[-\s]?)?(?<!\d)1[3-9]\d{9}(?!\d)/g, // mainland mobile
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, // landline
  /(?:\+?1[-.\s]?)?\(?\b\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}\b/g, // NANP
  /(?:tel|phone|fax|mobile|电话|手机|传真|联系方式)\s*[:：]?\s*[+\d][\d\s\-()]{5,}/gi,
  /\d+(?:\.\d+)?\s*(?:%|‰|percent\b|个百分点)/gi,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/gi,
  /(?:#|\bno\.\s?|\bdeal\s+|\baccount\s+|账号|帐号|卡号|税号|发票代码)\s*[:：]?\s*[A-Za-z]?\d[\w-]*/gi,
  /(?<![\d.,])\d{12,}(?![\d.,])/g,
];

function collect(text: string, res: RegExp[], seen: Span[]): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const value = m[1].replace(/[-_/.]+$/, '');
      const span = { index: m.index, end: m.index + m[0].length };
      if ([...seen, ...out].some((s) => s.index < span.end && span.index < s.end)) continue;
      if (!/\d/.test(value) || value.length > 40) continue;
      // A year or a date is not a document number ("合同2024年签订").
      if (/^(19|20)\d{2}$/.test(value) && /^\s*年/.test(text.slice(span.end, span.end + 2))) continue;
      out.push({ ...span, value, text: m[0] });
    }
  }
  return out;
}

export function findNumbers(text: string): { invoices: Hit<string>[]; contracts: Hit<string>[]; noise: Span[] } {
  const contracts = collect(text, CONTRACT, []);
  const invoices = collect(text, INVOICE, contracts);
  const noise: Span[] = [];
  for (const re of NOISE) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) noise.push({ index: m.index, end: m.index + m[0].length });
  }
  return { invoices, contracts, noise };
}
