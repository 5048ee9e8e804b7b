/**
 * Export: CSV (RFC 4180, UTF-8 with BOM so Excel opens Chinese correctly, CRLF line ends) and XLSX. Cells that
 * start with = + - @ (and are not plain numbers) get a leading apostrophe so a spreadsheet never runs them as
 * formulas (CSV injection).
 *
 * XLSX sheets are spreadsheet-grade: each column has a type (`ExportHeader.type`), so dates are date cells (serial
 * day numbers with a yyyy-mm-dd format, which spreadsheets sort, filter and subtract as dates), amounts are numbers
 * with a thousands format and the currency's decimals, counts are whole numbers; every column gets a width from
 * its longest value (CJK characters count double), the header row an autofilter and a frozen pane. SheetJS (the
 * XLSX library the project already uses for import) writes types, formats, widths and the autofilter; its
 * community edition does not write frozen panes, so `freezeHeader` adds the `<pane>` element (ECMA-376 Part 1,
 * 18.3.1.66) to each sheet's `<sheetView>` in the written package, with fflate (already a dependency).
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Money } from '../domain';
import { agingBuckets, bucketIndexFor, DEFAULT_BUCKET_DAYS } from '../ledger/aging';
import { daysBetween } from '../ledger/dates';
import { currencyDecimals } from '../ledger/money';
import { type AnyT, commonText } from '../i18n/types';
import type commonEn from '../i18n/locales/en/common.json';

export type ExportCell = string | number;
export type ExportRow = Record<string, ExportCell | undefined>;
/**
 * A column: `date` cells hold YYYY-MM-DD, `money` cells an amount in major units whose decimals come from the row's
 * `currencyKey` column (default `currency`), `int` whole numbers; `text` (the default) stays text.
 */
export type ColumnType = 'text' | 'date' | 'money' | 'int';
export interface ExportHeader {
  key: string;
  label: string;
  type?: ColumnType;
  currencyKey?: string;
}
export interface ExportTable {
  headers: ExportHeader[];
  rows: ExportRow[];
}

const needsQuote = /[",\r\n]|^\s|\s$/;
const formulaStart = /^[=+\-@\t\r]/;

/** Neutralises a text cell a spreadsheet would treat as a formula. */
export function safeCell(v: ExportCell | undefined): ExportCell {
  if (v === undefined) return '';
  if (typeof v === 'number') return v;
  return formulaStart.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
}

function csvField(v: ExportCell | undefined): string {
  const s = String(safeCell(v));
  return needsQuote.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM; headers are `{key,label}` pairs or plain keys (label = key). */
export function toCsv(rows: ExportRow[], headers: Array<ExportHeader | string>): string {
  const hs = headers.map((h) => (typeof h === 'string' ? { key: h, label: h } : h));
  const lines = [hs.map((h) => csvField(h.label)).join(',')];
  for (const r of rows) lines.push(hs.map((h) => csvField(r[h.key])).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export const XLSX_DATE_FORMAT = 'yyyy-mm-dd';
export const moneyFormat = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');
const EXCEL_EPOCH = '1899-12-30';

/** The spreadsheet serial day number of a YYYY-MM-DD day (1900 date system; 1 = 1900-01-01 as Excel counts). */
export function excelSerial(iso: string): number {
  return daysBetween(EXCEL_EPOCH, iso);
}

/** Display width of a value in characters, CJK and full-width counting two. */
function textWidth(v: string): number {
  let w = 0;
  for (const ch of v)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

function typedCell(h: ExportHeader, row: ExportRow): { cell: XLSX.CellObject; shown: string } {
  const v = safeCell(row[h.key]);
  if (v === '') return { cell: { t: 's', v: '' }, shown: '' };
  if (h.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return { cell: { t: 'n', v: excelSerial(v), z: XLSX_DATE_FORMAT }, shown: v };
  }
  if (h.type === 'money' && typeof v === 'number') {
    const cur = row[h.currencyKey ?? 'currency'];
    const z = moneyFormat(typeof cur === 'string' && /^[A-Z]{3}$/.test(cur) ? currencyDecimals(cur) : 2);
    return { cell: { t: 'n', v, z }, shown: XLSX.SSF.format(z, v) };
  }
  if (h.type === 'int' && typeof v === 'number') return { cell: { t: 'n', v, z: '0' }, shown: String(v) };
  if (typeof v === 'number') return { cell: { t: 'n', v }, shown: String(v) };
  return { cell: { t: 's', v }, shown: v };
}

export const MIN_COLUMN_WIDTH = 6;
export const MAX_COLUMN_WIDTH = 60;

/**
 * An XLSX workbook as bytes. Text stays text (document numbers keep leading zeros); typed columns become dates,
 * formatted amounts and whole numbers; widths, a header autofilter and a frozen header row on every sheet.
 */
export function toXlsx(
  sheets: Array<{ name: string; headers: Array<ExportHeader | string>; rows: ExportRow[] }>,
): Uint8Array {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const sh of sheets) {
    const hs = sh.headers.map((h) => (typeof h === 'string' ? { key: h, label: h } : h));
    const ws: XLSX.WorkSheet = {};
    const widths = hs.map((h) => textWidth(h.label) + 3); // room for the filter button
    hs.forEach((h, c) => {
      ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: h.label };
    });
    sh.rows.forEach((row, i) =>
      hs.forEach((h, c) => {
        const { cell, shown } = typedCell(h, row);
        if (cell.t === 's' && cell.v === '') return;
        ws[XLSX.utils.encode_cell({ r: i + 1, c })] = cell;
        widths[c] = Math.max(widths[c], textWidth(shown) + 1);
      }),
    );
    const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: sh.rows.length, c: Math.max(0, hs.length - 1) } });
    ws['!ref'] = ref;
    ws['!cols'] = widths.map((w) => ({ wch: Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)) }));
    if (hs.length) ws['!autofilter'] = { ref };
    let name = sh.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
    for (let i = 2; used.has(name); i++) name = `${sh.name.slice(0, 28)} ${i}`;
    used.add(name);
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return freezeHeader(new Uint8Array(out), 1);
}

/**
 * Freezes the first `rows` rows of every worksheet in an XLSX package: a `<pane>` (state "frozen", ySplit) and its
 * selection inside `<sheetView>`. Throws when a sheet has no sheetView to put it in (the writer changed).
 */
export function freezeHeader(bytes: Uint8Array, rows: number): Uint8Array {
  const files = unzipSync(bytes);
  const top = `A${rows + 1}`;
  const pane = `<pane ySplit="${rows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`;
  for (const path of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue;
    const xml = strFromU8(files[path]);
    const next = xml.replace(/<sheetView\b([^>]*?)\/>/, `<sheetView$1>${pane}</sheetView>`);
    if (next === xml) throw new Error(`no sheetView in ${path}`);
    files[path] = strToU8(next);
  }
  return zipSync(files, { level: 6 });
}

/**
 * Minor units → major units for a spreadsheet cell, exactly as stored: a number when a double holds the decimal
 * exactly, else the decimal as text (90071992547409.91 has 16 significant digits; as a number it would print .9).
 */
export function majorNumber(m: Money | { minor: number; currency: string }): ExportCell {
  const dp = currencyDecimals(m.currency);
  const neg = m.minor < 0;
  const digits = String(Math.abs(m.minor)).padStart(dp + 1, '0');
  const text = (neg ? '-' : '') + (dp ? `${digits.slice(0, -dp)}.${digits.slice(-dp)}` : digits);
  const n = Number(text);
  return Math.round(n * 10 ** dp) === m.minor && decimalText(n, dp) === text ? n : text;
}

/** `n` written with exactly `dp` decimals, from its shortest round-trip form (no toFixed rounding drift). */
function decimalText(n: number, dp: number): string {
  const s = String(n);
  if (/e/i.test(s)) return s;
  const [int, frac = ''] = s.split('.');
  return dp ? `${int}.${frac.padEnd(dp, '0')}` : int;
}

/** A column's heading (common:exportColumns.*), in the language of the page's `t`. */
const col = (t: AnyT, key: keyof typeof commonEn.exportColumns) => commonText(t, `exportColumns.${key}`);

export interface AgingExportItem {
  customerName: string;
  docNumber: string;
  issueDate?: string;
  dueDate: string;
  open: Money;
  amount?: Money;
  disputed?: boolean;
  owner?: string;
}

/** One row per open document with its days past due and the open amount under its aging bucket. */
export function agingRowsForExport(
  items: AgingExportItem[],
  asOf: string,
  t: AnyT,
  bucketDays: number[] = DEFAULT_BUCKET_DAYS,
): ExportTable {
  const buckets = agingBuckets(bucketDays);
  const bucketLabel = (b: (typeof buckets)[number]) =>
    b.key === 'current'
      ? commonText(t, 'buckets.current')
      : b.toDays === null
        ? commonText(t, 'bucketOver', { from: b.fromDays! - 1 })
        : commonText(t, 'bucketRange', { from: b.fromDays, to: b.toDays });
  const headers: ExportHeader[] = [
    { key: 'customer', label: col(t, 'customer') },
    { key: 'doc', label: col(t, 'doc') },
    { key: 'issueDate', label: col(t, 'issueDate'), type: 'date' },
    { key: 'dueDate', label: col(t, 'dueDate'), type: 'date' },
    { key: 'daysPastDue', label: col(t, 'daysPastDue'), type: 'int' },
    { key: 'currency', label: col(t, 'currency') },
    { key: 'amount', label: col(t, 'amount'), type: 'money' },
    { key: 'open', label: col(t, 'open'), type: 'money' },
    ...buckets.map((b, i): ExportHeader => ({ key: `b${i}`, label: bucketLabel(b), type: 'money' })),
    { key: 'disputed', label: col(t, 'disputed') },
    { key: 'owner', label: col(t, 'owner') },
  ];
  const sorted = [...items].sort(
    (a, b) =>
      a.customerName.localeCompare(b.customerName) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0),
  );
  const rows = sorted.map((it) => {
    const days = daysBetween(it.dueDate, asOf);
    const row: ExportRow = {
      customer: it.customerName,
      doc: it.docNumber,
      issueDate: it.issueDate ?? '',
      dueDate: it.dueDate,
      daysPastDue: Math.max(0, days),
      currency: it.open.currency,
      amount: it.amount ? majorNumber(it.amount) : '',
      open: majorNumber(it.open),
      disputed: it.disputed ? col(t, 'yes') : '',
      owner: it.owner ?? '',
    };
    row[`b${bucketIndexFor(days, buckets)}`] = majorNumber(it.open);
    return row;
  });
  return { headers, rows };
}

export interface WorklistExportEntry {
  customerName: string;
  overdue: Money;
  open?: Money;
  daysPastDue?: number;
  /** The step to take (the playbook's, as the popup row shows it): only the step, never the ranking reason. */
  nextStep?: string;
  /** Why the row ranks where it does. */
  why?: string;
  nextDate?: string;
  promiseDate?: string;
  lastActivityDate?: string;
  limitationDeadline?: string;
  owner?: string;
}

/** The worklist (who to chase, in order) as an export table. */
export function worklistRowsForExport(entries: WorklistExportEntry[], t: AnyT): ExportTable {
  const headers: ExportHeader[] = [
    { key: 'rank', label: col(t, 'rank'), type: 'int' },
    { key: 'customer', label: col(t, 'customer') },
    { key: 'currency', label: col(t, 'currency') },
    { key: 'overdue', label: col(t, 'overdue'), type: 'money' },
    { key: 'open', label: col(t, 'open'), type: 'money' },
    { key: 'daysPastDue', label: col(t, 'oldestDaysPastDue'), type: 'int' },
    { key: 'nextStep', label: col(t, 'nextStep') },
    { key: 'why', label: col(t, 'why') },
    { key: 'nextDate', label: col(t, 'nextDate'), type: 'date' },
    { key: 'promiseDate', label: col(t, 'promiseDate'), type: 'date' },
    { key: 'lastActivityDate', label: col(t, 'lastActivityDate'), type: 'date' },
    { key: 'limitationDeadline', label: col(t, 'limitationDeadline'), type: 'date' },
    { key: 'owner', label: col(t, 'owner') },
  ];
  const rows = entries.map((e, i) => ({
    rank: i + 1,
    customer: e.customerName,
    currency: e.overdue.currency,
    overdue: majorNumber(e.overdue),
    open: e.open ? majorNumber(e.open) : '',
    daysPastDue: e.daysPastDue ?? '',
    nextStep: e.nextStep ?? '',
    why: e.why ?? '',
    nextDate: e.nextDate ?? '',
    promiseDate: e.promiseDate ?? '',
    lastActivityDate: e.lastActivityDate ?? '',
    limitationDeadline: e.limitationDeadline ?? '',
    owner: e.owner ?? '',
  }));
  return { headers, rows };
}
