/**
 * Ledger import: a CSV/TSV/XLSX export from an ERP → validated rows plus specific errors ("Row 7, column
 * "Due Date": "31/02/2024" is not a real date").
 *
 * Row numbers are the spreadsheet row the user sees in Excel: the file's first record is row 1 (usually the
 * header), the first data row under a first-line header is row 2, and title lines above the header count too.
 * A quoted CSV cell spanning several lines is one row, as in Excel.
 *
 * Dates written A/B/YYYY: the order is `opts.dateOrder` when given, else proved by the file (a first part above 12
 * means day/month, a second part above 12 month/day), else the preset's convention (QuickBooks and the IBM sample:
 * month/day; Xero and SAP: day/month). When nothing decides it, each such date is an error with code
 * 'ambiguous-date' and `needsDateOrder` is set, so the import screen can ask instead of guessing: a wrong guess
 * moves due dates by months.
 */
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import type { Money } from '../domain';
import { decodeBytes, MESSAGES } from './decode';
import {
  type ColumnMapping, type LedgerField, type Preset, detectPreset, fieldLabels, genericPreset, headerKey, mapWithPreset,
  presets, suggestMapping,
} from './presets';
import {
  type DateOrder, cellText, foldWidth, inferDateOrder, inferDecimalComma, parseAmountValue, parseBool, parseCurrency,
  parseDateValue,
} from './values';
import type { LedgerErrorCode, LedgerErrorParams, LedgerNote, RequiredColumnGroup } from './errors';

export type Cell = string | number;

export interface LedgerRow {
  /** Spreadsheet row number (see the module comment). */
  row: number;
  customerName: string;
  /** The ERP's customer code, when the file has one. */
  customerId?: string;
  /** Text, leading zeros kept. */
  invoiceNumber: string;
  kind: 'invoice' | 'credit-note';
  issueDate: string;
  dueDate: string;
  /** The document amount, positive (a credit note's too). */
  amount: Money;
  /** Already received against it, when the file says. */
  paid?: Money;
  /** Still open, when the file says (open balance / amount due / 未核销金额). */
  open?: Money;
  settledDate?: string;
  disputed?: boolean;
  contractRef?: string;
  currency: string;
}

export interface LedgerError {
  /** Spreadsheet row number; 0 for a problem with the whole file. */
  row: number;
  field?: LedgerField;
  /** The header text of the column, as in the file. */
  column?: string;
  code: LedgerErrorCode;
  message: string;
  /** What the translated text is filled from (lib/transfer/errors.ts). */
  params?: LedgerErrorParams;
}

export interface LedgerParse {
  rows: LedgerRow[];
  errors: LedgerError[];
  warnings: string[];
  /** The warnings as codes, for translation (same order). */
  notes: LedgerNote[];
  /** Detected preset id ('generic' when none matched, 'custom' with a caller's mapping). */
  preset: string;
  headers: string[];
  /** Row number of the header row (0 when none was found). */
  headerRow: number;
  mapping: ColumnMapping;
  dateOrder?: DateOrder;
  decimalComma: boolean;
  /** True when some A/B/YYYY dates could not be read without a date order. */
  needsDateOrder: boolean;
  format: 'csv' | 'xlsx' | 'xls';
  encoding?: string;
  sheetName?: string;
}

export interface ParseLedgerOptions {
  fileName?: string;
  /** Applies where the file names no currency. */
  currency?: string;
  dateOrder?: DateOrder;
  /** field → column index (from the mapping screen); replaces detection. */
  mapping?: ColumnMapping;
}

const HEADER_SCAN = 30;
const SUMMARY_RE = /^(total|totals|grand total|subtotal|sub-total|合计|小计|总计|本页合计|opening balance|closing balance|期初余额|期末余额)\b/i;

// ------------------------------------------------------------------------------------------ loading

interface Grid {
  records: Cell[][];
  format: LedgerParse['format'];
  encoding?: string;
  sheetName?: string;
  quoteErrors: Array<{ row: number; message: string; cause: string }>;
}

function csvRecords(text: string, preview?: number): { records: string[][]; quoteErrors: Grid['quoteErrors'] } {
  const res = Papa.parse<string[]>(text, { skipEmptyLines: false, preview, delimitersToGuess: [',', '\t', ';', '|'] });
  const quoteErrors = res.errors
    .filter((e) => e.type === 'Quotes' && e.row !== undefined)
    .map((e) => ({ row: (e.row ?? 0) + 1, message: `Row ${(e.row ?? 0) + 1}: a quoted cell is never closed (${e.message})`, cause: e.message }));
  return { records: res.data, quoteErrors };
}

function sheetGrid(ws: XLSX.WorkSheet): Cell[][] {
  const ref = ws['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  const out: Cell[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      row.push(cell ? cellValue(cell) : '');
    }
    out.push(row);
  }
  return out;
}

function cellValue(cell: XLSX.CellObject): Cell {
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      const z = typeof cell.z === 'string' ? cell.z : '';
      if (z && XLSX.SSF.is_date(z)) {
        const p = parseDateValue(v);
        return p.ok ? p.value : v;
      }
      if (/^0+$/.test(z) && cell.w) return cell.w; // zero-padded document numbers
      return v;
    }
    case 'd': {
      const d = cell.v as Date;
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }
    case 'b': return cell.v ? 'TRUE' : 'FALSE';
    case 'e': return '';
    default: return cell.v === undefined || cell.v === null ? '' : String(cell.v);
  }
}

function loadGrid(input: string | ArrayBuffer | Uint8Array, preview?: number): Grid | LedgerError {
  if (typeof input === 'string') {
    if (input.length === 0) return { row: 0, code: 'empty-file', message: MESSAGES.empty };
    const { records, quoteErrors } = csvRecords(input.replace(/^\ufeff/, ''), preview);
    return { records, format: 'csv', quoteErrors };
  }
  const d = decodeBytes(input);
  if (d.kind === 'error') return { row: 0, code: d.code, message: d.message };
  if (d.kind === 'text') {
    const { records, quoteErrors } = csvRecords(d.text, preview);
    return { records, format: 'csv', encoding: d.encoding, quoteErrors };
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(d.bytes, { type: 'array', cellNF: true, cellDates: false, sheetRows: preview ? preview + 1 : 0 });
  } catch (e) {
    return { row: 0, code: d.format === 'xlsx' ? 'unreadable-workbook' : 'binary-file',
      message: `The spreadsheet could not be read (${(e as Error).message}); open it in Excel and save it again as XLSX.`,
      params: { cause: (e as Error).message } };
  }
  // The first sheet whose header is recognisable, else the first sheet.
  let best: { name: string; grid: Cell[][]; score: number } | undefined;
  for (const name of wb.SheetNames) {
    const grid = sheetGrid(wb.Sheets[name]);
    const h = findHeader(grid);
    const score = h ? h.score : -1;
    if (!best || score > best.score) best = { name, grid, score };
    if (score >= 4) break;
  }
  return { records: best?.grid ?? [], format: d.format, sheetName: best?.name, quoteErrors: [] };
}

const isBlank = (c: Cell | undefined) => c === undefined || (typeof c === 'string' && c.trim() === '');

function findHeader(records: Cell[][]): { index: number; score: number } | undefined {
  let best: { index: number; score: number } | undefined;
  for (let i = 0; i < Math.min(records.length, HEADER_SCAN); i++) {
    const cells = records[i].map((c) => (typeof c === 'string' ? c : ''));
    if (cells.filter((c) => c.trim()).length < 2) continue;
    const score = Object.keys(suggestMapping(cells).mapping).length;
    if (score >= 2 && (!best || score > best.score)) best = { index: i, score };
  }
  return best;
}

// ------------------------------------------------------------------------------------------ row interpretation

interface Context {
  headers: string[];
  headerRow: number;
  mapping: ColumnMapping;
  preset: Preset;
  opts: ParseLedgerOptions;
  dateOrder?: DateOrder;
  decimalComma: boolean;
  seen: Map<string, number>;
  /** headerKey of each customer name met: a ledger names its customers over and over. */
  nameKeys: Map<string, string>;
  warned: Set<string>;
  warnings: string[];
  notes: LedgerNote[];
  needsDateOrder: boolean;
  format: LedgerParse['format'];
}

const REQUIRED: Array<{ label: string; group: RequiredColumnGroup; any: LedgerField[] }> = [
  { label: 'customer', group: 'customer', any: ['customerName', 'customerId'] },
  { label: 'document number', group: 'document', any: ['invoiceNumber'] },
  { label: 'due date', group: 'due-date', any: ['dueDate', 'issueDate'] },
  { label: 'amount', group: 'amount', any: ['amount', 'open'] },
];

function warnOnce(ctx: Context, key: string, text: string, note: LedgerNote) {
  if (ctx.warned.has(key)) return;
  ctx.warned.add(key);
  ctx.warnings.push(text);
  ctx.notes.push(note);
}

const PAYMENT_KIND = /^(payment|pmt|receive payment|deposit|收款|收款单|预收)/i;
const CREDIT_KIND = /(credit|cr memo|贷项|红字|退货|折让|other receivable credit)/i;

/** Values of some fields over a set of records, for inferring the file's date order and decimal mark. */
function columnValues(records: Cell[][], mapping: ColumnMapping, fields: LedgerField[]): Cell[] {
  const out: Cell[] = [];
  for (const f of fields) {
    const i = mapping[f];
    if (i === undefined) continue;
    for (const r of records) if (r[i] !== undefined) out.push(r[i]);
  }
  return out;
}

function setupContext(headersRaw: Cell[], headerIndex: number, sample: Cell[][], opts: ParseLedgerOptions,
  format: LedgerParse['format']): Context | LedgerError {
  const headers = headersRaw.map((h) => cellText(h));
  let preset: Preset;
  let mapping: ColumnMapping;
  if (opts.mapping) {
    preset = { ...genericPreset, id: 'custom' };
    const detected = detectPreset(headers);
    if (detected !== genericPreset) preset = { ...detected, id: detected.id };
    mapping = { ...opts.mapping };
  } else {
    preset = detectPreset(headers);
    mapping = suggestMapping(headers).mapping;
    if (preset !== genericPreset) {
      const own = mapWithPreset(headers, preset);
      mapping = { ...mapping, ...own };
    }
  }
  const missingReq = REQUIRED.filter((r) => r.any.every((f) => mapping[f] === undefined));
  if (missingReq.length) {
    const missing = missingReq.map((r) => r.label);
    const found = headers.filter((h) => h).map((h) => `"${h}"`).join(', ');
    return { row: headerIndex + 1, code: 'missing-columns',
      message: `No column found for: ${missing.join(', ')}. Columns in the file: ${found || '(none)'}.`,
      params: { missing: missingReq.map((r) => r.group), columns: headers.filter((h) => h) } };
  }
  const ctx: Context = {
    headers, headerRow: headerIndex + 1, mapping, preset, opts, decimalComma: false, seen: new Map(), nameKeys: new Map(), warned: new Set(),
    warnings: [], notes: [], needsDateOrder: false, format,
  };
  ctx.dateOrder = opts.dateOrder;
  if (!ctx.dateOrder) {
    const inferred = inferDateOrder(columnValues(sample, mapping, ['dueDate', 'issueDate', 'settledDate']));
    if (inferred === 'conflict') {
      warnOnce(ctx, 'conflict', 'Some dates are day/month and others month/day; check the date columns.', { code: 'date-order-conflict' });
    } else ctx.dateOrder = inferred ?? preset.dateOrder;
  }
  ctx.decimalComma = inferDecimalComma(columnValues(sample, mapping, ['amount', 'open', 'paid']));
  if (mapping.dueDate === undefined) warnOnce(ctx, 'nodue', 'The file has no due-date column; each due date is taken to be the document date.', { code: 'no-due-column' });
  return ctx;
}

type RowResult = { row?: LedgerRow; errors: LedgerError[]; skipped?: boolean };

function interpret(ctx: Context, cells: Cell[], rowNo: number): RowResult {
  const { mapping, headers } = ctx;
  if (cells.every(isBlank)) return { errors: [], skipped: true };
  if (ctx.format === 'csv' && cells.length !== headers.length) {
    const extraBlank = cells.length > headers.length && cells.slice(headers.length).every(isBlank);
    if (!extraBlank) {
      return { errors: [{ row: rowNo, code: 'field-count',
        message: `Row ${rowNo} has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header row has ${headers.length}.`,
        params: { count: cells.length, expected: headers.length } }] };
    }
  }
  const get = (f: LedgerField): Cell | undefined => (mapping[f] === undefined ? undefined : cells[mapping[f]!]);
  const col = (f: LedgerField) => headers[mapping[f]!] ?? fieldLabels[f].en;
  const errors: LedgerError[] = [];
  const err = (f: LedgerField, code: LedgerErrorCode, reason: string, params?: LedgerErrorParams) =>
    errors.push({ row: rowNo, field: f, column: col(f), code, message: `Row ${rowNo}, column "${col(f)}": ${reason}`, ...(params && { params }) });

  const invoiceNumber = foldWidth(cellText(get('invoiceNumber')));
  const nameCell = cellText(get('customerName'));
  const idCell = cellText(get('customerId'));
  if (!invoiceNumber || SUMMARY_RE.test(nameCell) || SUMMARY_RE.test(invoiceNumber)) {
    const nonEmpty = cells.filter((c) => !isBlank(c));
    if (nonEmpty.length <= 2 || nonEmpty.some((c) => typeof c === 'string' && SUMMARY_RE.test(c.trim()))) {
      return { errors: [], skipped: true }; // group headers, totals, opening/closing balances
    }
  }
  const kindText = cellText(get('kind'));
  if (kindText && PAYMENT_KIND.test(kindText)) {
    warnOnce(ctx, 'payments', `Payment rows (such as row ${rowNo}) are not imported as documents; record payments separately.`,
      { code: 'payment-rows', row: rowNo });
    return { errors: [], skipped: true };
  }
  if (!invoiceNumber) err('invoiceNumber', 'missing-value', 'the document number is empty');
  const customerName = nameCell || idCell;
  if (!customerName) err(mapping.customerName !== undefined ? 'customerName' : 'customerId', 'missing-value', 'the customer is empty');
  // Duplicates inside the file: customer + document number; the first occurrence counts even if it has errors.
  if (customerName && invoiceNumber) {
    let nameKey = ctx.nameKeys.get(customerName);
    if (nameKey === undefined) ctx.nameKeys.set(customerName, (nameKey = headerKey(customerName)));
    const dupKey = `${nameKey}|${invoiceNumber}`;
    const first = ctx.seen.get(dupKey);
    if (first !== undefined) {
      return { errors: [{ row: rowNo, field: 'invoiceNumber', column: col('invoiceNumber'), code: 'duplicate',
        message: `Row ${rowNo}: document "${invoiceNumber}" of customer "${customerName}" already appears in row ${first}.`,
        params: { value: invoiceNumber, customer: customerName, first } }] };
    }
    ctx.seen.set(dupKey, rowNo);
  }

  // Currency: the row's column, else the amount's own symbol, else the caller's, else the preset's, else CNY.
  let currency: string | undefined;
  const curCell = cellText(get('currency'));
  if (curCell) {
    currency = parseCurrency(curCell);
    if (!currency) err('currency', 'invalid-currency', `"${curCell}" is not a currency code`, { value: curCell });
  }
  const amountField: LedgerField = mapping.amount !== undefined ? 'amount' : 'open';
  const amountCell = get(amountField);
  if (!currency && !curCell) {
    const probe = amountCell === undefined ? undefined : parseAmountValue(amountCell, 'XXX', { decimalComma: ctx.decimalComma });
    const fam = probe && probe.ok ? probe.value.currencies : undefined;
    const pref = [ctx.opts.currency, ctx.preset.currency].filter((c): c is string => !!c);
    if (fam?.length) currency = pref.find((c) => fam.includes(c)) ?? fam[0];
    else currency = pref[0];
    if (!currency) {
      currency = 'CNY';
      warnOnce(ctx, 'cur', 'The file names no currency; amounts are taken as CNY. Choose the currency before importing if that is wrong.',
        { code: 'currency-assumed', currency: 'CNY' });
    }
  }
  const cur = currency ?? 'CNY';

  const amountOf = (f: LedgerField): number | undefined => {
    const c = get(f);
    if (c === undefined || isBlank(c)) return undefined;
    const p = parseAmountValue(c, cur, { decimalComma: ctx.decimalComma });
    if (!p.ok) {
      err(f, 'invalid-amount', p.reason === 'is empty' ? 'the amount is empty' : p.reason, { value: cellText(c), problem: p.code });
      return undefined;
    }
    if (p.value.currencies && currency && !p.value.currencies.includes(currency)) {
      err(f, 'currency-conflict', `"${cellText(c)}" is not in ${currency}, the row's currency`, { value: cellText(c), currency });
      return undefined;
    }
    return p.value.minor;
  };
  let amount = amountOf(amountField);
  if (amount === undefined && !errors.some((e) => e.field === amountField)) err(amountField, 'missing-value', 'the amount is empty');
  const openMinor = amountField === 'amount' ? amountOf('open') : amount;
  let paidMinor = amountOf('paid');

  // Dates.
  const dateOf = (f: LedgerField, required: boolean): string | undefined => {
    const c = get(f);
    if (c === undefined || isBlank(c)) {
      if (required) err(f, 'missing-value', 'the date is empty');
      return undefined;
    }
    const p = parseDateValue(c, ctx.dateOrder);
    if (!p.ok) {
      if (p.code === 'ambiguous') ctx.needsDateOrder = true;
      err(f, p.code === 'ambiguous' ? 'ambiguous-date' : 'invalid-date', p.reason === 'is empty' ? 'the date is empty' : p.reason,
        { value: cellText(c), problem: p.code });
      return undefined;
    }
    return p.value;
  };
  const hasDue = mapping.dueDate !== undefined;
  const hasIssue = mapping.issueDate !== undefined;
  let dueDate = hasDue ? dateOf('dueDate', true) : undefined;
  let issueDate = hasIssue ? dateOf('issueDate', !hasDue) : undefined;
  if (!dueDate && !hasDue) dueDate = issueDate;
  if (!issueDate && dueDate && !errors.some((e) => e.field === 'issueDate')) issueDate = dueDate;
  const settledDate = mapping.settledDate !== undefined ? dateOf('settledDate', false) : undefined;

  if (errors.length) return { errors };

  let kind: LedgerRow['kind'] = kindText && CREDIT_KIND.test(kindText) ? 'credit-note' : 'invoice';
  let openAbs = openMinor;
  if (amount! < 0) {
    kind = 'credit-note';
    amount = -amount!;
    if (openAbs !== undefined) openAbs = Math.abs(openAbs);
    if (paidMinor !== undefined) paidMinor = Math.abs(paidMinor);
  } else if (kind === 'credit-note' && openAbs !== undefined) openAbs = Math.abs(openAbs);
  if (amount === 0) {
    warnOnce(ctx, `zero${rowNo}`, `Row ${rowNo} has a zero amount and is skipped.`, { code: 'zero-amount', row: rowNo });
    return { errors: [], skipped: true };
  }
  if (paidMinor === undefined && openAbs !== undefined && amountField === 'amount') paidMinor = amount! - openAbs;
  if (paidMinor === undefined && openAbs === undefined && settledDate
    && (ctx.preset.settledMeansPaid || (mapping.paid === undefined && mapping.open === undefined))) paidMinor = amount;

  const row: LedgerRow = {
    row: rowNo, customerName, invoiceNumber, kind, issueDate: issueDate!, dueDate: dueDate!,
    amount: { minor: amount!, currency: cur }, currency: cur,
  };
  if (idCell && mapping.customerId !== undefined) row.customerId = idCell;
  if (paidMinor !== undefined) row.paid = { minor: paidMinor, currency: cur };
  if (openAbs !== undefined && amountField === 'amount') row.open = { minor: openAbs, currency: cur };
  if (settledDate) row.settledDate = settledDate;
  const disputed = mapping.disputed !== undefined ? parseBool(get('disputed') ?? '') : undefined;
  if (disputed !== undefined) row.disputed = disputed;
  const contract = cellText(get('contractRef'));
  if (contract) row.contractRef = contract;
  return { row, errors: [] };
}

function baseResult(format: LedgerParse['format']): LedgerParse {
  return { rows: [], errors: [], warnings: [], notes: [], preset: 'generic', headers: [], headerRow: 0, mapping: {}, decimalComma: false,
    needsDateOrder: false, format };
}

// ------------------------------------------------------------------------------------------ public API

/** Parses a whole ledger file (DESIGN.md stable API). For files of many MB use parseLedgerChunks. */
export function parseLedger(input: string | ArrayBuffer | Uint8Array, opts: ParseLedgerOptions = {}): LedgerParse {
  const grid = loadGrid(input);
  if ('code' in grid) return { ...baseResult('csv'), errors: [grid] };
  const out = baseResult(grid.format);
  out.encoding = grid.encoding;
  if (grid.sheetName) out.sheetName = grid.sheetName;
  const quoteRows = new Set(grid.quoteErrors.map((q) => q.row));
  const header = opts.mapping ? firstNonBlank(grid.records) : findHeader(grid.records);
  if (!header) {
    const nonBlank = grid.records.some((r) => !r.every(isBlank));
    out.errors.push(nonBlank
      ? { row: 0, code: 'missing-columns', message: 'No recognisable columns: the file needs at least customer, document number, due date and amount columns (for example 客户名称, 单据编号, 到期日, 金额).' }
      : { row: 0, code: 'no-data', message: 'The file has no rows.' });
    return out;
  }
  const ctx = setupContext(grid.records[header.index], header.index, grid.records.slice(header.index + 1), opts, grid.format);
  out.headers = grid.records[header.index].map((h) => cellText(h));
  out.headerRow = header.index + 1;
  if ('code' in ctx) {
    out.errors.push(ctx);
    out.preset = detectPreset(out.headers).id;
    return out;
  }
  Object.assign(out, { preset: ctx.preset.id, mapping: ctx.mapping, dateOrder: ctx.dateOrder, decimalComma: ctx.decimalComma });
  for (const q of grid.quoteErrors) out.errors.push({ row: q.row, code: 'broken-quotes', message: q.message, params: { cause: q.cause } });
  for (let i = header.index + 1; i < grid.records.length; i++) {
    if (quoteRows.has(i + 1)) continue;
    const r = interpret(ctx, grid.records[i], i + 1);
    if (r.row) out.rows.push(r.row);
    out.errors.push(...r.errors);
  }
  out.errors.sort((a, b) => a.row - b.row);
  out.warnings = ctx.warnings;
  out.notes = ctx.notes;
  out.needsDateOrder = ctx.needsDateOrder;
  if (!out.rows.length && !out.errors.length) {
    out.errors.push({ row: 0, code: 'no-data', message: 'The file has a header row but no data rows.', params: { headerOnly: true } });
  }
  return out;
}

function firstNonBlank(records: Cell[][]): { index: number; score: number } | undefined {
  const i = records.findIndex((r) => !r.every(isBlank));
  return i >= 0 ? { index: i, score: 0 } : undefined;
}

export interface LedgerPreview {
  headers: string[];
  headerRow: number;
  /** The first data rows as text, for the mapping screen. */
  rows: string[][];
  preset: string;
  mapping: ColumnMapping;
  error?: LedgerError;
}

/** The header and the first `n` data rows, with the suggested mapping — for the column-mapping screen. */
export function previewRows(input: string | ArrayBuffer | Uint8Array, n = 10): LedgerPreview {
  const grid = loadGrid(input, n + HEADER_SCAN);
  if ('code' in grid) return { headers: [], headerRow: 0, rows: [], preset: 'generic', mapping: {}, error: grid };
  const header = findHeader(grid.records) ?? firstNonBlank(grid.records);
  if (!header) return { headers: [], headerRow: 0, rows: [], preset: 'generic', mapping: {} };
  const headers = grid.records[header.index].map((h) => cellText(h));
  const s = suggestMapping(headers);
  const rows = grid.records.slice(header.index + 1).filter((r) => !r.every(isBlank)).slice(0, n).map((r) => r.map((c) => cellText(c)));
  return { headers, headerRow: header.index + 1, rows, preset: s.preset, mapping: s.mapping };
}

export interface ChunkProgress {
  /** Fraction of the input read, 0–1. */
  fraction: number;
  rowsSoFar: number;
  errorsSoFar: number;
}

export interface ChunkSummary {
  preset: string;
  headers: string[];
  headerRow: number;
  mapping: ColumnMapping;
  rows: number;
  errors: number;
  warnings: string[];
  notes: LedgerNote[];
  needsDateOrder: boolean;
  aborted: boolean;
  format: LedgerParse['format'];
  encoding?: string;
}

/**
 * Streams a large CSV through papaparse in chunks, so that a 200,000-row file never becomes one array. The header,
 * the date order and the decimal mark are settled from the first chunk. `onChunk` may return a promise (the parse
 * pauses until it settles). An XLSX input (Blob or bytes) is parsed whole and handed over in slices.
 * In Node pass a string; in a page or a Worker a Blob/File.
 */
export async function parseLedgerChunks(input: Blob | string | ArrayBuffer | Uint8Array, opts: ParseLedgerOptions,
  onChunk: (rows: LedgerRow[], errors: LedgerError[], progress: ChunkProgress) => void | Promise<void>,
  signal?: AbortSignal, chunkSize = 1 << 20): Promise<ChunkSummary> {
  const summary: ChunkSummary = { preset: 'generic', headers: [], headerRow: 0, mapping: {}, rows: 0, errors: 0,
    warnings: [], notes: [], needsDateOrder: false, aborted: false, format: 'csv' };
  let source: Blob | string;
  let encoding: string | undefined;
  if (typeof input === 'string') {
    source = input.replace(/^\ufeff/, '');
  } else {
    const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
    const head = isBlob ? new Uint8Array(await (input as Blob).slice(0, 65536).arrayBuffer())
      : (input instanceof Uint8Array ? input : new Uint8Array(input as ArrayBuffer)).subarray(0, 65536);
    const d = decodeBytes(head);
    if (d.kind === 'workbook' || !isBlob) {
      const whole = isBlob ? await (input as Blob).arrayBuffer() : (input as ArrayBuffer | Uint8Array);
      const res = parseLedger(whole, opts);
      const step = 5000;
      Object.assign(summary, { preset: res.preset, headers: res.headers, headerRow: res.headerRow, mapping: res.mapping,
        warnings: res.warnings, notes: res.notes, needsDateOrder: res.needsDateOrder, format: res.format, encoding: res.encoding });
      for (let i = 0; i < Math.max(res.rows.length, 1); i += step) {
        if (signal?.aborted) { summary.aborted = true; break; }
        const rows = res.rows.slice(i, i + step);
        const errs = i === 0 ? res.errors : [];
        summary.rows += rows.length;
        summary.errors += errs.length;
        await onChunk(rows, errs, { fraction: Math.min(1, (i + step) / Math.max(res.rows.length, 1)), rowsSoFar: summary.rows, errorsSoFar: summary.errors });
      }
      return summary;
    }
    if (d.kind === 'error') {
      summary.errors = 1;
      await onChunk([], [{ row: 0, code: d.code, message: d.message }], { fraction: 1, rowsSoFar: 0, errorsSoFar: 1 });
      return summary;
    }
    encoding = d.encoding;
    summary.encoding = encoding;
    if (typeof FileReader === 'undefined' && typeof (globalThis as { FileReaderSync?: unknown }).FileReaderSync === 'undefined') {
      // No FileReader (Node): papaparse cannot stream a Blob here, so decode it whole and stream the string.
      source = new TextDecoder(encoding).decode(await (input as Blob).arrayBuffer());
      encoding = undefined;
    } else source = input as Blob;
  }
  const total = typeof source === 'string' ? source.length : source.size;
  if (total === 0) {
    summary.errors = 1;
    await onChunk([], [{ row: 0, code: 'empty-file', message: MESSAGES.empty }], { fraction: 1, rowsSoFar: 0, errorsSoFar: 1 });
    return summary;
  }

  let ctx: Context | undefined;
  let recordIndex = 0; // records consumed so far (0-based index of the next record)
  let failed: LedgerError | undefined;
  let pending: Cell[][] = []; // records before the header is known
  const handle = async (records: string[][], cursor: number, final: boolean, parser?: Papa.Parser): Promise<void> => {
    const rows: LedgerRow[] = [];
    const errors: LedgerError[] = [];
    let startIndex = recordIndex;
    recordIndex += records.length;
    let work: Cell[][] = records;
    if (!ctx) {
      pending = pending.concat(records);
      if (pending.length < HEADER_SCAN + 1 && !final) return;
      const header = opts.mapping ? firstNonBlank(pending) : findHeader(pending);
      if (!header) {
        failed = { row: 0, code: 'missing-columns', message: 'No recognisable columns: the file needs at least customer, document number, due date and amount columns (for example 客户名称, 单据编号, 到期日, 金额).' };
        parser?.abort();
        return;
      }
      const c = setupContext(pending[header.index], header.index, pending.slice(header.index + 1), opts, 'csv');
      summary.headers = pending[header.index].map((h) => cellText(h));
      summary.headerRow = header.index + 1;
      if ('code' in c) { failed = c; parser?.abort(); return; }
      ctx = c;
      Object.assign(summary, { preset: c.preset.id, mapping: c.mapping });
      work = pending.slice(header.index + 1);
      startIndex = header.index + 1;
      pending = [];
    }
    for (let i = 0; i < work.length; i++) {
      const r = interpret(ctx, work[i], startIndex + i + 1);
      if (r.row) rows.push(r.row);
      if (r.errors.length) errors.push(...r.errors);
    }
    summary.rows += rows.length;
    summary.errors += errors.length;
    if (rows.length || errors.length || final) {
      await onChunk(rows, errors, { fraction: total ? Math.min(1, cursor / total) : 1, rowsSoFar: summary.rows, errorsSoFar: summary.errors });
    }
  };

  await new Promise<void>((resolve, reject) => {
    let chain = Promise.resolve();
    const config = {
      skipEmptyLines: false,
      delimitersToGuess: [',', '\t', ';', '|'],
      chunkSize,
      encoding,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        if (signal?.aborted) { summary.aborted = true; parser.abort(); return; }
        parser.pause();
        chain = chain.then(() => handle(results.data, results.meta.cursor, false, parser))
          .then(() => { if (!failed && !summary.aborted) parser.resume(); }, (e) => { parser.abort(); reject(e); });
      },
      complete: () => {
        chain.then(async () => {
          if (!failed && !summary.aborted) await handle([], total, true);
          if (failed) {
            summary.errors += 1;
            await onChunk([], [failed], { fraction: 1, rowsSoFar: summary.rows, errorsSoFar: summary.errors });
          }
          resolve();
        }, reject);
      },
      error: (e: Error) => reject(e),
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- papaparse's overloads do not cover chunk+Blob well
    Papa.parse(source as any, config as any);
  });
  if (ctx) {
    summary.warnings = ctx.warnings;
    summary.notes = ctx.notes;
    summary.needsDateOrder = ctx.needsDateOrder;
  }
  return summary;
}

export { presets, suggestMapping, detectPreset };
