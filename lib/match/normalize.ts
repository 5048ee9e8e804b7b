/**
 * Company-name normalisation (DESIGN.md `normalizeCompanyName`): two spellings of one company compare equal.
 * Width (NFKC) and case folding, traditional → simplified Chinese, bracketed (集团)/(中国)/(Group) parts dropped,
 * trailing legal forms dropped in Chinese and English, then everything that is not a letter or digit removed.
 * Region prefixes (北京, 深圳市) stay: they are part of the name. Used in the background only (the t2cn OpenCC
 * tables are ~100 KB), never in content scripts.
 */
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let t2s: Convert | undefined;
/** Traditional (Hong Kong and Taiwan variants) → simplified; the converter is built once. */
export function toSimplified(s: string): string {
  if (!t2s) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    t2s = (x) => tw(hk(x));
  }
  return t2s(s);
}

const HAN = /\p{Script=Han}/u;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Bracketed parts that say nothing about which company it is. */
const DROP_BRACKETED = /[(（[【〔]\s*(?:集团|中国|控股|group|china|holdings?)\s*[)）\]】〕]/gu;

/**
 * Chinese legal forms, longest first. 集团 on its own is kept: "XX集团有限公司" becomes "XX集团", the same as
 * "XX集团" written without a legal form.
 */
const CN_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '股份合作公司',
  '有限合伙企业',
  '普通合伙企业',
  '有限公司',
  '股份公司',
  '有限合伙',
  '责任公司',
  '总公司',
  '公司',
  '股份',
];

/** English and international legal forms and their abbreviations, as lower-case tokens without dots. */
const EN_SUFFIXES = new Set([
  'co',
  'company',
  'cos',
  'ltd',
  'limited',
  'ltda',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'llp',
  'lp',
  'plc',
  'pty',
  'pte',
  'gmbh',
  'ag',
  'kg',
  'kgaa',
  'mbh',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'nv',
  'bv',
  'se',
  'kk',
  'oy',
  'oyj',
  'ab',
  'asa',
  'aps',
  'sl',
  'sau',
  'ulc',
  'bhd',
  'sdn',
  'tbk',
]);
/** Connectors that only join legal forms ("GmbH & Co. KG", "Co., Ltd. and"). */
const EN_JOINERS = new Set(['and']);
const EN_PREFIXES = new Set(['the']);

export function normalizeCompanyName(name: string): string {
  if (!name) return '';
  let s = name.slice(0, 1000).normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  if (HAN.test(s)) s = toSimplified(s);
  s = s.replace(DROP_BRACKETED, ' ');
  // US filings' state-of-incorporation tags: "DANAHER CORP /DE/", "VALERO ENERGY CORP/TX".
  s = s.replace(/\s*\/[a-z]{2}\/?\s*$/, '');
  // Dotted abbreviations: s.a., l.l.c., b.v., k.k., s.p.a. → sa, llc, bv, kk, spa.
  s = s.replace(
    /(^|[^\p{L}\p{N}])((?:\p{L}\.){2,})/gu,
    (_m, pre: string, abbr: string) => pre + abbr.replace(/\./g, ''),
  );
  // Spaces inside Chinese text carry no meaning ("万  科A").
  s = s.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
  const tokens = s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let changed = true; changed;) {
    changed = false;
    const n = tokens.length;
    if (n > 1 && (EN_SUFFIXES.has(tokens[n - 1]) || (EN_JOINERS.has(tokens[n - 1]) && n > 2))) {
      tokens.pop();
      changed = true;
      continue;
    }
    if (n > 2 && EN_JOINERS.has(tokens[n - 2]) && EN_SUFFIXES.has(tokens[n - 1])) {
      tokens.splice(n - 2, 2);
      changed = true;
      continue;
    }
    const lastTok = tokens[n - 1] ?? '';
    for (const suf of CN_SUFFIXES) {
      if (!lastTok.endsWith(suf)) continue;
      if (lastTok.length > suf.length) {
        tokens[n - 1] = lastTok.slice(0, -suf.length);
        changed = true;
      } else if (n > 1) {
        tokens.pop();
        changed = true;
      }
      break;
    }
  }
  while (tokens.length > 1 && EN_PREFIXES.has(tokens[0])) tokens.shift();
  let out = tokens.join('');
  // Joining can expose a Chinese legal form split by punctuation ("有限-公司"); strip to a fixpoint.
  for (let changed = true; changed;) {
    changed = false;
    const suf = CN_SUFFIXES.find((x) => out.endsWith(x));
    if (suf && out.length > suf.length) {
      out = out.slice(0, -suf.length);
      changed = true;
    }
  }
  return out;
}
