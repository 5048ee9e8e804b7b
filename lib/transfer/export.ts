/**
 * Export: CSV (RFC 4180, UTF-8 with BOM so Excel opens Chinese correctly, CRLF line ends) and XLSX. Cells that
 * start with = + - @ (and are not plain numbers) get a leading apostrophe so a spreadsheet never runs them as
 * formulas (CSV injection).
 */
import * as XLSX from '@e965/xlsx';
import type { Money } from '../domain';
import { agingBuckets, bucketIndexFor, DEFAULT_BUCKET_DAYS } from '../ledger/aging';
import { daysBetween } from '../ledger/dates';
import { currencyDecimals } from '../ledger/money';
import { type AnyT, commonText } from '../i18n/types';
import type commonEn from '../i18n/locales/en/common.json';

export type ExportCell = string | number;
export type ExportRow = Record<string, ExportCell | undefined>;
export interface ExportHeader { key: string; label: string }
export interface ExportTable { headers: ExportHeader[]; rows: ExportRow[] }

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

/** An XLSX workbook as bytes. Text stays text (document numbers keep leading zeros); numbers stay numbers. */
export function toXlsx(sheets: Array<{ name: string; headers: Array<ExportHeader | string>; rows: ExportRow[] }>): Uint8Array {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const sh of sheets) {
    const hs = sh.headers.map((h) => (typeof h === 'string' ? { key: h, label: h } : h));
    const aoa: ExportCell[][] = [hs.map((h) => h.label)];
    for (const r of sh.rows) aoa.push(hs.map((h) => safeCell(r[h.key])));
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    let name = sh.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
    for (let i = 2; used.has(name); i++) name = `${sh.name.slice(0, 28)} ${i}`;
    used.add(name);
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
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
export function agingRowsForExport(items: AgingExportItem[], asOf: string, t: AnyT,
  bucketDays: number[] = DEFAULT_BUCKET_DAYS): ExportTable {
  const buckets = agingBuckets(bucketDays);
  const bucketLabel = (b: (typeof buckets)[number]) => b.key === 'current' ? commonText(t, 'buckets.current')
    : b.toDays === null ? commonText(t, 'bucketOver', { from: b.fromDays! - 1 }) : commonText(t, 'bucketRange', { from: b.fromDays, to: b.toDays });
  const headers: ExportHeader[] = [
    { key: 'customer', label: col(t, 'customer') },
    { key: 'doc', label: col(t, 'doc') },
    { key: 'issueDate', label: col(t, 'issueDate') },
    { key: 'dueDate', label: col(t, 'dueDate') },
    { key: 'daysPastDue', label: col(t, 'daysPastDue') },
    { key: 'currency', label: col(t, 'currency') },
    { key: 'amount', label: col(t, 'amount') },
    { key: 'open', label: col(t, 'open') },
    ...buckets.map((b, i) => ({ key: `b${i}`, label: bucketLabel(b) })),
    { key: 'disputed', label: col(t, 'disputed') },
    { key: 'owner', label: col(t, 'owner') },
  ];
  const sorted = [...items].sort((a, b) => a.customerName.localeCompare(b.customerName) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const rows = sorted.map((it) => {
    const days = daysBetween(it.dueDate, asOf);
    const row: ExportRow = {
      customer: it.customerName, doc: it.docNumber, issueDate: it.issueDate ?? '', dueDate: it.dueDate,
      daysPastDue: Math.max(0, days), currency: it.open.currency, amount: it.amount ? majorNumber(it.amount) : '',
      open: majorNumber(it.open), disputed: it.disputed ? col(t, 'yes') : '', owner: it.owner ?? '',
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
  nextStep?: string;
  nextDate?: string;
  promiseDate?: string;
  lastActivityDate?: string;
  limitationDeadline?: string;
  owner?: string;
}

/** The worklist (who to chase, in order) as an export table. */
export function worklistRowsForExport(entries: WorklistExportEntry[], t: AnyT): ExportTable {
  const headers: ExportHeader[] = [
    { key: 'rank', label: col(t, 'rank') },
    { key: 'customer', label: col(t, 'customer') },
    { key: 'currency', label: col(t, 'currency') },
    { key: 'overdue', label: col(t, 'overdue') },
    { key: 'open', label: col(t, 'open') },
    { key: 'daysPastDue', label: col(t, 'oldestDaysPastDue') },
    { key: 'nextStep', label: col(t, 'nextStep') },
    { key: 'nextDate', label: col(t, 'nextDate') },
    { key: 'promiseDate', label: col(t, 'promiseDate') },
    { key: 'lastActivityDate', label: col(t, 'lastActivityDate') },
    { key: 'limitationDeadline', label: col(t, 'limitationDeadline') },
    { key: 'owner', label: col(t, 'owner') },
  ];
  const rows = entries.map((e, i) => ({
    rank: i + 1, customer: e.customerName, currency: e.overdue.currency, overdue: majorNumber(e.overdue),
    open: e.open ? majorNumber(e.open) : '', daysPastDue: e.daysPastDue ?? '', nextStep: e.nextStep ?? '',
    nextDate: e.nextDate ?? '', promiseDate: e.promiseDate ?? '', lastActivityDate: e.lastActivityDate ?? '',
    limitationDeadline: e.limitationDeadline ?? '', owner: e.owner ?? '',
  }));
  return { headers, rows };
}
