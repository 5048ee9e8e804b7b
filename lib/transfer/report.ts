/**
 * Reading report-shaped exports: ERPs print a receivables *report* — title lines, a header that may span two or three
 * rows, the customer on a group line above its documents, section lines ("1 - 30 days past due", 未到期), subtotal,
 * total and balance lines, the header again after a page break. This module finds the header and says what kind of
 * line each row is; lib/transfer/parse.ts reads the data lines and uses the totals to reconcile.
 */
import type { Cell } from './grid';
import { headerKey } from './presets';
import { cellText, foldWidth, parseDateValue, type DateOrder } from './values';

/** Rows searched for the header. */
export const HEADER_SCAN = 40;

const isBlankCell = (c: Cell | undefined) => c === undefined || (typeof c === 'string' && c.trim() === '');
export const isBlankRow = (r: Cell[]) => r.every(isBlankCell);

export interface HeaderFound {
  /** 0-based index of the header's first and last row. */
  first: number;
  last: number;
  /** One text per column, the header rows joined top to bottom. */
  headers: string[];
  score: number;
}

/**
 * Joins header rows top to bottom. A merged cell of an upper row ("借方" over four columns) is saved as its first
 * cell followed by blanks, so an upper row's text is carried right over the blanks that follow it — but only over
 * columns that a lower row names, and never past the next text in that row.
 */
export function joinHeaderRows(rows: Cell[][]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const texts = rows.map((r) => Array.from({ length: width }, (_, i) => cellText(r[i])));
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let k = 0; k < texts.length; k++) {
      let t = texts[k][c];
      if (!t && k < texts.length - 1) {
        // Carry an upper row's merged label right, while some lower row names this column.
        const lowerNamed = texts.slice(k + 1).some((r) => r[c]);
        if (lowerNamed) {
          for (let j = c - 1; j >= 0; j--) {
            if (texts[k][j]) {
              // Only across columns the lower rows also name (the span of the merge).
              const spanNamed = texts.slice(k + 1).some((r) => r[j]);
              if (spanNamed) t = texts[k][j];
              break;
            }
          }
        }
      }
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push(parts.join(' '));
  }
  return out;
}

const stringCells = (r: Cell[]) => r.filter((c) => typeof c === 'string' && c.trim() !== '').length;

/**
 * The header among the first rows: the row (or two or three consecutive rows, joined) that maps the most fields.
 * A joined header must map more fields than its last row alone, and each upper row must look like a header row
 * (at least two text cells), not a title line.
 */
export function findHeaderRows(
  records: Cell[][],
  score: (headers: string[]) => number,
  scan = HEADER_SCAN,
): HeaderFound | undefined {
  let best: HeaderFound | undefined;
  const n = Math.min(records.length, scan);
  for (let i = 0; i < n; i++) {
    if (stringCells(records[i]) < 2) continue;
    for (let k = 0; k < 3 && i + k < records.length; k++) {
      if (k > 0 && stringCells(records[i + k]) < 1) break;
      const rows = records.slice(i, i + k + 1);
      const headers = k === 0 ? rows[0].map((c) => cellText(c)) : joinHeaderRows(rows);
      const s = score(headers);
      if (s < 2) continue;
      // Prefer more fields; on a tie the fewer rows (a data row is never taken for a header row).
      if (!best || s > best.score) best = { first: i, last: i + k, headers, score: s };
    }
  }
  return best;
}

// ------------------------------------------------------------------------------------------ line kinds

/** Grand totals, in both languages and the systems' own words ("TOTAL", 合计, SAP's "**"). */
const GRAND =
  /^(total|totals|grand total|grand totals|report total|total receivables|total accounts receivable|total a\/r|合计|总计|总合计|报表合计|全部合计|应收合计|\*{2,})$/i;
/** Subtotals and closing balances: per customer, per section, per page. */
const SUBTOTAL =
  /^(total\b.*|.*\btotal$|sub-?total.*|小计.*|.*小计|本页合计|本月合计|本年累计|本期合计|累计|.*合计|closing balance|ending balance|balance at end|partner cumul aged balance|percents?|percentage( of total)?|% of total|百分比|占比|期末余额|\*)$/i;
/** Opening balances: a balance carried into the report, part of the customer's balance. */
const BALANCE_FORWARD =
  /^(opening balance|balance forward|beginning balance|balance b\/f|brought forward|期初余额|上期结转|上年结转|承前页|期初)$/i;
/** Aging section lines. */
const SECTION = new RegExp(
  [
    '^(current|not due|not yet due|future|overdue|older)$',
    '^(<|>|≤|≥|over|under)\\s*\\d+.*$',
    '^\\d+\\s*(-|–|to|~)\\s*\\d+\\s*(days?|d\\.?)?(\\s*past due)?$',
    '^\\d+\\s*(or more|and over|and above|\\+)\\s*(days?)?(\\s*past due)?$',
    '^\\d+\\s*months?$',
    '^(未到期|未逾期|已逾期|逾期.*|账龄.*|\\d+\\s*[-~至到]\\s*\\d+\\s*天.*|\\d+\\s*天以[上内].*)$',
  ].join('|'),
  'i',
);

export type TotalKind = 'grand' | 'subtotal' | 'balance-forward';

const clean = (s: string) =>
  foldWidth(s)
    .trim()
    .replace(/^['‘’]+|['‘’]+$/g, '')
    .replace(/[:：]$/, '')
    .trim();

/** Whether a label is a total line's, and which kind. */
export function totalKind(label: string): TotalKind | undefined {
  const s = clean(label);
  if (!s) return undefined;
  if (BALANCE_FORWARD.test(s)) return 'balance-forward';
  if (GRAND.test(s) || /^(total|合计|总计)\s*[(（]?\s*([A-Za-z]{3}|人民币|美元|欧元|港币|日元|英镑)\s*[)）]?$/i.test(s))
    return 'grand';
  if (SUBTOTAL.test(s)) return 'subtotal';
  return undefined;
}

export const isSectionLabel = (label: string) => SECTION.test(clean(label));

/** A currency named on a group or total line: "Currency: USD", "币别：美元", "Total USD". */
export function labelCurrency(label: string, parse: (s: string) => string | undefined): string | undefined {
  const s = clean(label);
  const m =
    /^(?:currency|币别|币种|货币)\s*[:：]?\s*(.+)$/i.exec(s) ??
    /(?:total|合计|总计)\s*[(（]?\s*([A-Za-z]{3}|人民币|美元|欧元|港币|日元|英镑)\s*[)）]?$/i.exec(s);
  return m ? parse(m[1].trim()) : undefined;
}

/** "Customer 100045 Müller GmbH", "客户：北京华兴科技有限公司", "Account 100045" (SAP list blocks). */
export function groupCustomer(label: string): { name: string; code?: string } | undefined {
  const s = clean(label);
  const m =
    /^(?:customer|kunde|account|partner|contact|客户|往来单位|核算项目)\s*(?:名称|name)?\s*[:：]?\s*(.*)$/i.exec(s);
  if (!m) return { name: s };
  const rest = m[1].trim();
  if (!rest) return undefined;
  const code = /^([A-Za-z0-9-]{2,20})(?:\s+(.+))?$/.exec(rest);
  if (code && /\d/.test(code[1]))
    return code[2] ? { name: code[2].trim(), code: code[1] } : { name: code[1], code: code[1] };
  return { name: rest };
}

// ------------------------------------------------------------------------------------------ title lines

const MONTH_WORD =
  /(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)/i;

/** Dates written in a title line, in order. */
function datesIn(text: string, order?: DateOrder): string[] {
  const s = foldWidth(text);
  const out: string[] = [];
  const patterns = [
    /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?/g,
    /(?<![\d.\-/])\d{4}([-/.])\d{1,2}\1\d{1,2}(?![\d.\-/])/g,
    /(?<![\d.\-/])\d{1,2}([-/.])\d{1,2}\1\d{4}(?![\d.\-/])/g,
    new RegExp(`\\d{1,2}\\s+${MONTH_WORD.source}\\.?,?\\s+\\d{4}`, 'gi'),
    new RegExp(`${MONTH_WORD.source}\\.?\\s+\\d{1,2},?\\s+\\d{4}`, 'gi'),
  ];
  const found: Array<{ at: number; iso: string }> = [];
  for (const re of patterns) {
    for (const m of s.matchAll(re)) {
      const p = parseDateValue(
        m[0]
          .replace(/\s+/g, ' ')
          .replace(/ ?年 ?/, '年')
          .replace(/ ?月 ?/, '月'),
        order,
      );
      if (p.ok) found.push({ at: m.index ?? 0, iso: p.value });
    }
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found) out.push(f.iso);
  return out;
}

/**
 * The day a report stands at, from its title lines: "As of March 31, 2024", "As at 30 June 2024", "截止日期：2024-06-30",
 * "日期：2024-01-01 至 2024-06-30" (the end), "Date at filter 30/06/2024". Undefined when no title line names one.
 */
export function reportDateOf(titleRows: Cell[][], order?: DateOrder): string | undefined {
  let fallback: string | undefined;
  for (const r of titleRows) {
    const text = r
      .map((c) => cellText(c))
      .filter(Boolean)
      .join(' ');
    if (!text) continue;
    const dates = datesIn(text, order);
    if (!dates.length) continue;
    if (/(as of|as at|at filter|ending|截止|截至|止|至|到|报表日期|统计日期|to\b)/i.test(text))
      return dates[dates.length - 1];
    fallback ??= dates[dates.length - 1];
  }
  return fallback;
}

// ------------------------------------------------------------------------------------------ aging buckets

export interface BucketColumn {
  index: number;
  label: string;
  /** Days past due the bucket starts at (0 = not yet due). */
  fromDays: number;
}

/**
 * Aging-bucket columns of a summary report (no documents, one line per customer): "Current", "< 1 Month",
 * "1 - 30", "31 - 60", "Age ≤ 30 d.", "91 and over", "Older", 未到期, 1-30天, 90天以上. Each bucket starts the day
 * after the one before it ends.
 */
export function bucketColumns(headers: string[]): BucketColumn[] {
  const out: BucketColumn[] = [];
  let nextFrom = 1;
  headers.forEach((h, index) => {
    const s = clean(h).toLowerCase();
    if (!s) return;
    if (/^(current|not due|not yet due|未到期|未逾期|信用期内)$/.test(s)) {
      out.push({ index, label: h, fromDays: 0 });
      return;
    }
    if (/^(future)$/.test(s)) return;
    if (/^(older|更早|更久)$/.test(s)) {
      out.push({ index, label: h, fromDays: nextFrom });
      nextFrom += 30;
      return;
    }
    let m = /^<\s*1\s*months?$/.exec(s);
    if (m) {
      out.push({ index, label: h, fromDays: 1 });
      nextFrom = 31;
      return;
    }
    if ((m = /^(\d+)\s*months?$/.exec(s))) {
      const from = Number(m[1]) * 30 + 1;
      out.push({ index, label: h, fromDays: from });
      nextFrom = from + 30;
      return;
    }
    if ((m = /^period\s*(\d)$/.exec(s))) {
      const from = (Number(m[1]) - 1) * 30 + 1;
      out.push({ index, label: h, fromDays: from });
      nextFrom = from + 30;
      return;
    }
    if ((m = /^(?:age\s*)?[≤<]=?\s*(\d+)\s*(?:d\.?|days?|天)?$/.exec(s))) {
      out.push({ index, label: h, fromDays: nextFrom });
      nextFrom = Number(m[1]) + 1;
      return;
    }
    if ((m = /^(?:逾期)?\s*(\d+)\s*(?:-|–|to|~|至|到)\s*(\d+)\s*(?:days?|d\.?|天)?(?:\s*past due)?$/.exec(s))) {
      const from = Math.max(1, Number(m[1]));
      out.push({ index, label: h, fromDays: from });
      nextFrom = Number(m[2]) + 1;
      return;
    }
    if (
      (m =
        /^(?:>|over|逾期)?\s*(\d+)\s*(?:\+|or more|and over|and above|days? and over|-above|天以上|天及以上)\s*(?:days?)?(?:\s*past due)?$/.exec(
          s,
        )) ||
      (m = /^(?:>|over)\s*(\d+)\s*(?:days?)?$/.exec(s))
    ) {
      const n = Number(m[1]);
      // "91 and over" starts at 91; "> 90" and "90天以上" at 91.
      const from = /^(>|over)/.test(s) || /以上/.test(s) ? n + 1 : n;
      out.push({ index, label: h, fromDays: from });
      nextFrom = from + 30;
    }
  });
  // A lone "Current" or "Older" is no aging summary.
  return out.length >= 3 ? out : [];
}

export { headerKey };
