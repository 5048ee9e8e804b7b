/**
 * Ledger import: a CSV/TSV/XLSX export from an ERP → validated rows plus specific errors ("Row 7, column
 * "Due Date": "31/02/2024" is not a real date").
 *
 * Real exports are reports, not tables (lib/transfer/report.ts): the header is found anywhere in the first rows
 * and may span two or three rows; title lines above it give the report's date; a customer, currency or aging
 * section named on a line of its own applies to the rows below it; subtotal, total and balance lines are skipped
 * and kept, and the file's grand total per currency is compared with what is imported (`reconciliation`). One row
 * per invoice line (Xero, Zoho Books) becomes one document; debit/credit ledgers (用友 应收明细账) give an
 * invoice per debit and a credit per credit; an aging *summary* (no documents) gives one balance per customer and
 * bucket, dated to the bucket's first day; payment rows become credits on the customer's account; drafts and
 * voided documents are skipped with a note.
 *
 * Row numbers are the spreadsheet row the user sees in Excel: the file's first record is row 1, title lines count.
 * A quoted CSV cell spanning several lines is one row, as in Excel.
 *
 * Dates written A/B/YYYY: the order is `opts.dateOrder` when given, else proved by the file, else the preset's
 * convention. When nothing decides it, each such date is an 'ambiguous-date' error and `needsDateOrder` is set.
 */
import type { Money } from '../domain';
import { MESSAGES } from './decode';
import { type Cell, type GridError, loadGrid } from './grid';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import {
  type ColumnMapping,
  type LedgerField,
  type Preset,
  detectPreset,
  fieldLabels,
  genericPreset,
  headerKey,
  mapWithPreset,
  presets,
  suggestMapping,
} from './presets';
import {
  type BucketColumn,
  type TotalKind,
  HEADER_SCAN,
  bucketColumns,
  findHeaderRows,
  groupCustomer,
  isBlankRow,
  isSectionLabel,
  joinHeaderRows,
  labelCurrency,
  reportDateOf,
  totalKind,
} from './report';
import { type Piece, textPieces } from './stream';
import {
  type DateOrder,
  cellText,
  foldWidth,
  inferDateOrder,
  inferDecimalComma,
  parseAmountValue,
  parseBool,
  parseCurrency,
  parseDateValue,
} from './values';
import type { LedgerErrorCode, LedgerErrorParams, LedgerNote, RequiredColumnGroup } from './errors';
import { addDays } from '../ledger/dates';

export type { Cell } from './grid';

export interface LedgerRow {
  /** Spreadsheet row number (see the module comment); the first line's row for a document of several lines. */
  row: number;
  customerName: string;
  /** The ERP's customer code, when the file has one. */
  customerId?: string;
  /** Text, leading zeros kept. */
  invoiceNumber: string;
  kind: 'invoice' | 'credit-note';
  /** Where the row came from when it is not a document line: a payment row kept as a credit, an opening balance, an aging bucket. */
  source?: 'payment' | 'balance-forward' | 'aging-bucket';
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

/** A line read but not imported: what it was, and its label. */
export interface SkippedLine {
  row: number;
  kind: 'title' | 'header' | 'group' | 'section' | 'subtotal' | 'total' | 'draft' | 'void' | 'zero' | 'other';
  label: string;
}

/** The imported open total of one currency against the file's own grand total. */
export interface Reconciliation {
  currency: string;
  /** Open amount of the rows imported, minor units, credits negative. */
  imported: number;
  /** The file's grand total, when it prints one (minor units). */
  fileTotal?: number;
  /** imported − fileTotal. */
  difference?: number;
  /** The row of the (last) total line used. */
  totalRow?: number;
}

export interface LedgerStats {
  customers: number;
  firstDue?: string;
  lastDue?: string;
  /** Open amount per currency (minor units; credits negative). */
  openByCurrency: Record<string, number>;
  /** Rows with at least one error (each counted once). */
  rowsWithErrors: number;
  /** Lines skipped, by kind. */
  skipped: Partial<Record<SkippedLine['kind'], number>>;
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
  /** Row number of the header's first row (0 when none was found). */
  headerRow: number;
  /** How many rows the header spans (1–3). */
  headerRows: number;
  mapping: ColumnMapping;
  dateOrder?: DateOrder;
  decimalComma: boolean;
  /** True when some A/B/YYYY dates could not be read without a date order. */
  needsDateOrder: boolean;
  format: 'csv' | 'xlsx' | 'xls';
  encoding?: string;
  sheetName?: string;
  /** The day the report stands at, from its title lines. */
  reportDate?: string;
  /** The customer is read from group lines above the rows. */
  customerFromGroup: boolean;
  reconciliation: Reconciliation[];
  stats: LedgerStats;
  /** The first skipped lines (the count per kind is in stats.skipped). */
  skipped: SkippedLine[];
}

export interface ParseLedgerOptions {
  fileName?: string;
  /** Applies where the file (and its layout) names no currency. */
  currency?: string;
  dateOrder?: DateOrder;
  /** field → column index (from the mapping screen); replaces detection. */
  mapping?: ColumnMapping;
  /** Row number of the header's first row and how many rows it spans (from the mapping screen). */
  headerRow?: number;
  headerRows?: number;
  /** The customer is on a group line above its rows: true forces it, false turns it off; detected when absent. */
  customerFromGroup?: boolean;
  /** The day an aging summary stands at when its title lines name none. */
  asOf?: string;
  limits?: ReadLimits;
}

const MAX_SKIPPED_KEPT = 500;

// ------------------------------------------------------------------------------------------ context

interface TotalLine {
  row: number;
  kind: TotalKind;
  label: string;
  currency?: string;
  value?: number;
}

interface Pending {
  row: LedgerRow;
  nameKey: string;
  lineSum?: number;
  lineItems: boolean;
}

interface Context {
  headers: string[];
  headerRow: number;
  headerRows: number;
  /** headerKey of each header row's cells, to recognise the header repeated after a page break. */
  headerKeys: string[][];
  mapping: ColumnMapping;
  preset: Preset;
  opts: ParseLedgerOptions;
  dateOrder?: DateOrder;
  decimalComma: boolean;
  customerFromGroup: boolean;
  ledgerMode: boolean;
  summary?: { buckets: BucketColumn[]; asOf: string };
  reportDate?: string;
  group?: { name: string; code?: string };
  groupCurrency?: string;
  /** Accepted documents: customer key → document number → first row (two levels: no key string built per row). */
  seen: Map<string, Map<string, number>>;
  nameKeys: Map<string, string>;
  pending?: Pending;
  payRefs: Map<string, number>;
  warned: Set<string>;
  warnings: string[];
  notes: LedgerNote[];
  counts: { drafts: number; voids: number; payments: number; lines: number; creditNoDue: number; balances: number };
  needsDateOrder: boolean;
  format: LedgerParse['format'];
  skipped: SkippedLine[];
  skippedCounts: LedgerStats['skipped'];
  totals: TotalLine[];
  open: Map<string, number>;
  lastBalance: Map<string, { currency: string; minor: number }>;
  customers: Set<string>;
  customersByCurrency: Map<string, Set<string>>;
  firstDue?: string;
  lastDue?: string;
  errorRows: Set<number>;
  /** A grand total was read: what follows is the footer (or the next account's block). */
  sawGrand?: boolean;
  /** The file has columns only a line-item export has (cached). */
  lineColumns?: boolean;
  /** The highest mapped column (a shorter CSV row misses one). */
  maxColumn: number;
  /** Dates already read (a ledger repeats a few hundred days over its rows); see dateIn. */
  dates: Map<string | number, ReturnType<typeof parseDateValue>>;
}

/** Distinct date cells kept by a context's cache before it starts over. */
const DATE_CACHE_MAX = 4096;

/** parseDateValue with the context's date order, remembered per cell value (the result depends on nothing else). */
function dateIn(ctx: Context, cell: Cell): ReturnType<typeof parseDateValue> {
  let p = ctx.dates.get(cell);
  if (p === undefined) {
    p = parseDateValue(cell, ctx.dateOrder);
    if (ctx.dates.size >= DATE_CACHE_MAX) ctx.dates.clear();
    ctx.dates.set(cell, p);
  }
  return p;
}

const REQUIRED: Array<{ label: string; group: RequiredColumnGroup; any: LedgerField[] }> = [
  { label: 'customer', group: 'customer', any: ['customerName', 'customerId'] },
  { label: 'document number', group: 'document', any: ['invoiceNumber'] },
  { label: 'due date', group: 'due-date', any: ['dueDate', 'issueDate'] },
  { label: 'amount', group: 'amount', any: ['amount', 'open', 'lineAmount', 'debit'] },
];

function warnOnce(ctx: Context, key: string, text: string, note: LedgerNote) {
  if (ctx.warned.has(key)) return;
  ctx.warned.add(key);
  ctx.warnings.push(text);
  ctx.notes.push(note);
}

function skip(ctx: Context, row: number, kind: SkippedLine['kind'], label: string) {
  ctx.skippedCounts[kind] = (ctx.skippedCounts[kind] ?? 0) + 1;
  if (ctx.skipped.length < MAX_SKIPPED_KEPT) ctx.skipped.push({ row, kind, label: label.slice(0, 80) });
}

const isBlank = (c: Cell | undefined) => c === undefined || (typeof c === 'string' && c.trim() === '');

const PAYMENT_KIND =
  /^(payment|pmt|receive payment|deposit|customer payment|payment entry|cash receipt|receipt|dz$|sr$|sa$|收款|收款单|销售收款|其他业务收款|预收|预收款|收款核销|回款|银行收款)/i;
const CREDIT_KIND = /(credit|cr memo|贷项|红字|退货|折让|销售退回|^dg$|^sc$)/i;
const DRAFT_STATUS = /^(draft|drafts|submitted|awaiting approval|pending approval|草稿|暂存|未提交|待审批)$/i;
const VOID_STATUS = /^(void|voided|deleted|cancel|cancelled|canceled|作废|已作废|已删除|已取消|已撤销)$/i;
/** Columns that only a line-item export has. */
const LINE_COLUMNS = new Set([
  'quantity',
  'qty',
  'unitamount',
  'unitprice',
  'itemname',
  'itemdesc',
  'description',
  'itemcode',
  'inventoryitemcode',
  'lineamount',
  'itemtotal',
  'itemprice',
  '数量',
  '单价',
  '物料名称',
  '存货名称',
  '商品名称',
]);

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

/** A character an amount cell names its currency with: anything but digits, signs, separators and spaces. */
const MAY_NAME_CURRENCY = /[^\d\s.,()'\-+\u00a0\u2009\u202f]/;

const BALANCE_HEADERS = new Set(['balance', '余额', '余额本币', '余额原币', '应收余额', 'runningbalance']);

function headerScore(headers: string[]): number {
  const s = suggestMapping(headers);
  // A summary header ("Contact, Current, 1 Month, …, Total") maps few fields but is a header all the same.
  return Object.keys(s.mapping).length + (bucketColumns(headers).length >= 3 ? 2 : 0);
}

type Setup = Context | LedgerError;

function setupContext(
  records: Cell[][],
  header: { first: number; last: number; headers: string[] },
  opts: ParseLedgerOptions,
  format: LedgerParse['format'],
): Setup {
  const headers = header.headers;
  const sample = records.slice(header.last + 1, header.last + 1 + 400);
  let preset: Preset;
  let mapping: ColumnMapping;
  if (opts.mapping) {
    const detected = detectPreset(headers);
    preset = detected !== genericPreset ? detected : { ...genericPreset, id: 'custom' };
    mapping = { ...opts.mapping };
  } else {
    preset = detectPreset(headers);
    mapping = suggestMapping(headers).mapping;
    if (preset !== genericPreset) mapping = { ...mapping, ...mapWithPreset(headers, preset) };
  }
  const ledgerMode = mapping.debit !== undefined && mapping.credit !== undefined && mapping.amount === undefined;
  if (
    ledgerMode &&
    mapping.open !== undefined &&
    BALANCE_HEADERS.has(headerKey(headers[mapping.open] ?? '')) &&
    mapping.balance === undefined
  ) {
    mapping.balance = mapping.open;
    delete mapping.open;
  }
  const buckets = mapping.invoiceNumber === undefined ? bucketColumns(headers) : [];
  const titleRows = records.slice(0, header.first);
  const ctx: Context = {
    headers,
    headerRow: header.first + 1,
    headerRows: header.last - header.first + 1,
    headerKeys: records.slice(header.first, header.last + 1).map((r) => r.map((c) => headerKey(cellText(c)))),
    mapping,
    preset,
    opts,
    decimalComma: false,
    customerFromGroup: false,
    ledgerMode,
    seen: new Map(),
    nameKeys: new Map(),
    payRefs: new Map(),
    warned: new Set(),
    warnings: [],
    notes: [],
    counts: { drafts: 0, voids: 0, payments: 0, lines: 0, creditNoDue: 0, balances: 0 },
    needsDateOrder: false,
    format,
    skipped: [],
    skippedCounts: {},
    totals: [],
    open: new Map(),
    lastBalance: new Map(),
    customers: new Set(),
    customersByCurrency: new Map(),
    errorRows: new Set(),
    maxColumn: Math.max(-1, ...Object.values(mapping).filter((i): i is number => i !== undefined)),
    dates: new Map(),
  };
  for (let i = 0; i < titleRows.length; i++) {
    if (isBlankRow(titleRows[i])) continue;
    skip(ctx, i + 1, 'title', rowLabel(titleRows[i]));
    // A block's customer named above the first header (SAP's list: "Customer 100045", "Name Müller GmbH").
    const label = rowLabel(titleRows[i]);
    const name = /^(?:name|名称)\s+(.+)$/i.exec(label);
    if (name && ctx.group?.code) ctx.group = { name: name[1].trim(), code: ctx.group.code };
    else if (/^(customer|kunde|客户|往来单位)\b/i.test(label) && !/line item|明细|列表/i.test(label))
      ctx.group = groupCustomer(label);
  }
  ctx.dateOrder = opts.dateOrder;
  if (!ctx.dateOrder) {
    const inferred = inferDateOrder(columnValues(sample, mapping, ['dueDate', 'issueDate', 'settledDate']));
    if (inferred === 'conflict') {
      warnOnce(ctx, 'conflict', 'Some dates are day/month and others month/day; check the date columns.', {
        code: 'date-order-conflict',
      });
    } else ctx.dateOrder = inferred ?? preset.dateOrder;
  }
  ctx.reportDate = reportDateOf(titleRows, ctx.dateOrder ?? preset.dateOrder);
  ctx.decimalComma = inferDecimalComma(
    columnValues(sample, mapping, ['amount', 'open', 'paid', 'debit', 'credit', 'lineAmount']),
  );

  // The customer on group lines: asked for, or seen above the first rows when the file has no customer column.
  const hasCustomerColumn = mapping.customerName !== undefined || mapping.customerId !== undefined;
  if (opts.customerFromGroup !== undefined) ctx.customerFromGroup = opts.customerFromGroup;
  else if (!hasCustomerColumn) ctx.customerFromGroup = sample.some((r) => lineKind(ctx, r).type === 'group');
  if (ctx.customerFromGroup)
    warnOnce(ctx, 'groupcust', 'The customer of each row is read from the group line above it.', {
      code: 'customer-from-group',
    });

  if (buckets.length && (hasCustomerColumn || ctx.customerFromGroup)) {
    const asOf = ctx.reportDate ?? opts.asOf;
    if (!asOf) {
      return {
        row: ctx.headerRow,
        code: 'no-report-date',
        message:
          'This aging summary has no invoices and names no report date ("As of …"); the buckets cannot be dated. Export the detailed report, or add the date.',
      };
    }
    ctx.summary = { buckets, asOf };
    warnOnce(
      ctx,
      'summary',
      `The report is a summary: each customer's balance in each aging bucket is imported as one item dated to the bucket's first day before ${asOf}.`,
      { code: 'summary-buckets', value: asOf },
    );
    return ctx;
  }
  const missingReq = REQUIRED.filter(
    (r) => r.any.every((f) => mapping[f] === undefined) && !(r.group === 'customer' && ctx.customerFromGroup),
  );
  if (missingReq.length) {
    const found = headers
      .filter((h) => h)
      .map((h) => `"${h}"`)
      .join(', ');
    return {
      row: header.first + 1,
      code: 'missing-columns',
      message: `No column found for: ${missingReq.map((r) => r.label).join(', ')}. Columns in the file: ${found || '(none)'}.`,
      params: { missing: missingReq.map((r) => r.group), columns: headers.filter((h) => h) },
    };
  }
  if (mapping.dueDate === undefined)
    warnOnce(ctx, 'nodue', 'The file has no due-date column; each due date is taken to be the document date.', {
      code: 'no-due-column',
    });
  return ctx;
}

const rowLabel = (cells: Cell[]) =>
  cells
    .map((c) => cellText(c))
    .filter(Boolean)
    .join(' · ');

// ------------------------------------------------------------------------------------------ line kinds

type LineKind =
  | { type: 'data' }
  | { type: 'header' }
  | { type: 'total'; kind: TotalKind; label: string }
  | { type: 'section'; label: string }
  | { type: 'group'; label: string; footer?: boolean };

const looksLikeDate = (s: string) => /^\d{4}[-/.年]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(s);
const looksLikeAmount = (s: string) => /^[(（]?[-−]?[¥$€£]?\s*[\d,.]+\s*[-)）]?$/.test(s) && /\d/.test(s);

function isRepeatedHeader(ctx: Context, cells: Cell[]): boolean {
  for (const keys of ctx.headerKeys) {
    let named = 0;
    let same = 0;
    for (let i = 0; i < keys.length; i++) {
      if (!keys[i]) continue;
      named++;
      if (typeof cells[i] === 'string' && headerKey(cells[i] as string) === keys[i]) same++;
    }
    if (named >= 2 && same >= Math.max(2, named * 0.6)) return true;
  }
  return false;
}

/** Amount-bearing columns of a line, for telling a group line (no amounts) from a data or total line. */
function hasAmounts(ctx: Context, cells: Cell[]): boolean {
  const m = ctx.mapping;
  for (const f of ['amount', 'open', 'paid', 'lineAmount', 'debit', 'credit', 'balance'] as LedgerField[]) {
    const i = m[f];
    if (i !== undefined && !isBlank(cells[i])) return true;
  }
  if (ctx.summary) return ctx.summary.buckets.some((b) => !isBlank(cells[b.index]));
  return false;
}

/** Words a total, balance or percent line carries (checked before the full patterns). */
const TOTALISH = /total|合计|小计|累计|余额|balance|percent|百分|占比|^\*|期初|结转|承前|brought/i;

/** Whether cell `i` is the line's only non-blank cell. */
function onlyCell(cells: Cell[], i: number): boolean {
  for (let j = 0; j < cells.length; j++) if (j !== i && !isBlank(cells[j])) return false;
  return true;
}

/** The usual answer, one object for every row. */
const DATA_LINE: LineKind = Object.freeze({ type: 'data' });

/** A time of day as report print lines write it (09:15, 9:30 AM, 14:05:33). */
const PRINT_TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;

function lineKind(ctx: Context, cells: Cell[]): LineKind {
  const m = ctx.mapping;
  const doc = m.invoiceNumber === undefined ? '' : cellText(cells[m.invoiceNumber]);
  // The common case first, cheaply: a row with a document number that is neither a total nor the header again.
  if (doc && !TOTALISH.test(doc) && doc !== ctx.headers[m.invoiceNumber!]) {
    // With the customer on group lines, a line holding nothing but a name in the document column is such a line
    // (the customer written in the first column, above documents numbered in it).
    if (!ctx.customerFromGroup || !onlyCell(cells, m.invoiceNumber!) || looksLikeAmount(doc) || looksLikeDate(doc))
      return DATA_LINE;
    return { type: 'group', label: doc };
  }
  const texts: string[] = [];
  let nonBlank = 0;
  for (const c of cells) {
    if (isBlank(c)) continue;
    nonBlank++;
    if (typeof c === 'string') {
      const t = c.trim();
      if (!looksLikeDate(t) && !looksLikeAmount(t)) texts.push(t);
    }
  }
  if (isRepeatedHeader(ctx, cells)) return { type: 'header' };
  const docIsLabel = doc !== '' && totalKind(doc) !== undefined;
  if (!doc || docIsLabel) {
    for (const t of texts.slice(0, 4)) {
      const k = totalKind(t);
      if (k) return { type: 'total', kind: k, label: t };
    }
  }
  if (doc) return DATA_LINE;
  const amounts = hasAmounts(ctx, cells);
  const cust = m.customerName === undefined ? '' : cellText(cells[m.customerName]);
  const dated = [m.dueDate, m.issueDate].some((i) => {
    const c = i === undefined ? undefined : cells[i];
    if (c === undefined || isBlank(c)) return false;
    const p = dateIn(ctx, c);
    return p.ok || p.code === 'ambiguous';
  });
  if (texts.length && texts.length <= 2 && nonBlank <= 3 && isSectionLabel(texts[0]) && !dated)
    return { type: 'section', label: texts[0] };
  if (!amounts && !dated && texts.length >= 1 && nonBlank <= 3) {
    const label = texts.join(' ');
    // After the grand total a line with a time of day is the print line ("Accrual Basis Monday, July 1, 2024
    // 09:15 AM GMT-07:00"), not the next block's customer.
    if (ctx.sawGrand && PRINT_TIME.test(label)) return { type: 'group', label, footer: true };
    return { type: 'group', label };
  }
  // An unlabelled sum: amounts and nothing that names a document, a customer or a date.
  if (amounts && !dated && !cust && !texts.length && !ctx.summary)
    return { type: 'total', kind: 'subtotal', label: '' };
  // A line without a document after the grand total is the report's footer (print time, basis, page).
  if (ctx.sawGrand && m.invoiceNumber !== undefined && !ctx.summary)
    return { type: 'group', label: texts.join(' ') || rowLabel(cells), footer: true };
  return DATA_LINE;
}

// ------------------------------------------------------------------------------------------ reading lines

interface Out {
  rows: LedgerRow[];
  errors: LedgerError[];
}

function processRecord(ctx: Context, cells: Cell[], rowNo: number, out: Out) {
  if (isBlankRow(cells)) return;
  const k = lineKind(ctx, cells);
  switch (k.type) {
    case 'header':
      skip(ctx, rowNo, 'header', rowLabel(cells));
      return;
    case 'section':
      skip(ctx, rowNo, 'section', k.label);
      return;
    case 'group': {
      if (k.footer) {
        skip(ctx, rowNo, 'other', k.label);
        return;
      }
      // Ruler lines ("-----") and a block's other facts (SAP's company code, city) name no customer.
      if (
        !/[\p{L}\p{N}]/u.test(k.label) ||
        /^(company code|buchungskreis|city|ort|country|land|公司代码|城市|page|第\s*\d+\s*页)\b/i.test(k.label)
      ) {
        skip(ctx, rowNo, 'other', k.label);
        return;
      }
      const cur = labelCurrency(k.label, parseCurrency);
      if (cur) {
        ctx.groupCurrency = cur;
        skip(ctx, rowNo, 'group', k.label);
        return;
      }
      const name = /^(?:name|名称)\s*[:：]?\s*(.+)$/i.exec(k.label);
      if (name && ctx.group?.code) ctx.group = { name: name[1].trim(), code: ctx.group.code };
      else ctx.group = groupCustomer(k.label) ?? ctx.group;
      skip(ctx, rowNo, 'group', k.label);
      return;
    }
    case 'total':
      if (k.kind === 'balance-forward') {
        balanceForward(ctx, cells, rowNo, k.label, out);
        return;
      }
      flush(ctx, out); // a total ends the document before it (and counts it in the currency's total)
      totalLine(ctx, cells, rowNo, k.kind, k.label);
      return;
    default:
      if (ctx.summary) summaryRows(ctx, cells, rowNo, out);
      else dataRow(ctx, cells, rowNo, out);
  }
}

function amountIn(ctx: Context, cell: Cell | undefined, cur: string): number | undefined {
  if (cell === undefined || isBlank(cell)) return undefined;
  const p = parseAmountValue(cell, cur, { decimalComma: ctx.decimalComma });
  return p.ok ? p.value.minor : undefined;
}

function lineCurrency(ctx: Context, cells: Cell[], label: string): string | undefined {
  const i = ctx.mapping.currency;
  const fromCell = i === undefined ? undefined : parseCurrency(cellText(cells[i]));
  return (
    fromCell ??
    labelCurrency(label, parseCurrency) ??
    ctx.groupCurrency ??
    (ctx.open.size === 1 ? [...ctx.open.keys()][0] : undefined) ??
    defaultCurrency(ctx) ??
    (ctx.open.size === 0 ? 'CNY' : undefined)
  );
}

const defaultCurrency = (ctx: Context) => ctx.preset.currency ?? ctx.opts.currency;

function totalLine(ctx: Context, cells: Cell[], rowNo: number, kind: TotalKind, label: string) {
  const m = ctx.mapping;
  const currency = lineCurrency(ctx, cells, label);
  const col = [m.open, m.balance, m.amount, m.lineAmount].find((i) => i !== undefined && !isBlank(cells[i]));
  let value = col === undefined || !currency ? undefined : amountIn(ctx, cells[col], currency);
  if (value !== undefined && col === m.open && ctx.preset.creditIsOpen && m.credit !== undefined) {
    value -= amountIn(ctx, cells[m.credit], currency!) ?? 0;
  }
  ctx.totals.push({ row: rowNo, kind, label, currency, value });
  if (kind === 'grand') ctx.sawGrand = true;
  if (kind === 'subtotal' && /closing|ending|期末|cumul/i.test(label) && ctx.group && value !== undefined && currency) {
    ctx.lastBalance.set(ctx.group.name, { currency, minor: value });
  }
  skip(ctx, rowNo, kind === 'grand' ? 'total' : 'subtotal', label || rowLabel(cells));
}

/** An opening balance with an amount is part of what the customer owes: imported as one item. */
function balanceForward(ctx: Context, cells: Cell[], rowNo: number, label: string, out: Out) {
  const m = ctx.mapping;
  const customer = customerOf(ctx, cells);
  const currency = lineCurrency(ctx, cells, label) ?? 'CNY';
  const col = [m.balance, m.open, m.debit, m.amount].find((i) => i !== undefined && !isBlank(cells[i]));
  const value = col === undefined ? undefined : amountIn(ctx, cells[col], currency);
  if (!customer || !value) {
    skip(ctx, rowNo, 'subtotal', label);
    return;
  }
  const dateCell = [m.issueDate, m.dueDate]
    .map((i) => (i === undefined ? undefined : cells[i]))
    .find((c) => c !== undefined && !isBlank(c));
  const parsed = dateCell === undefined ? undefined : dateIn(ctx, dateCell);
  const date = parsed?.ok ? parsed.value : ctx.reportDate;
  if (!date) {
    skip(ctx, rowNo, 'subtotal', label);
    return;
  }
  ctx.lastBalance.set(customer.name, { currency, minor: value });
  ctx.counts.balances++;
  warnOnce(ctx, 'bf', 'Opening balances are imported as one item per customer, dated to their line.', {
    code: 'balance-forward',
  });
  emit(
    ctx,
    {
      row: rowNo,
      customerName: customer.name,
      invoiceNumber: `${foldWidth(label)} ${date}`,
      kind: value < 0 ? 'credit-note' : 'invoice',
      source: 'balance-forward',
      issueDate: date,
      dueDate: date,
      amount: { minor: Math.abs(value), currency },
      currency,
      ...(customer.code && { customerId: customer.code }),
    },
    out,
    false,
  );
}

function customerOf(ctx: Context, cells: Cell[]): { name: string; code?: string } | undefined {
  const m = ctx.mapping;
  const name = m.customerName === undefined ? '' : cellText(cells[m.customerName]);
  const code = m.customerId === undefined ? '' : cellText(cells[m.customerId]);
  if (name) return { name, ...(code && { code }) };
  if (ctx.customerFromGroup || (!name && !code && ctx.group)) {
    if (ctx.group) return ctx.group;
  }
  // Only the account in the row: the block head above it names that account's customer (SAP's lists).
  if (code && ctx.group?.code === code) return ctx.group;
  if (code) return { name: code, code };
  return undefined;
}

/** An aging-summary line: one item per non-zero bucket. */
function summaryRows(ctx: Context, cells: Cell[], rowNo: number, out: Out) {
  const s = ctx.summary!;
  const customer = customerOf(ctx, cells);
  const currency = lineCurrency(ctx, cells, '') ?? 'CNY';
  if (!customer) {
    pushError(ctx, out, {
      row: rowNo,
      field: 'customerName',
      code: 'missing-value',
      column: ctx.headers[ctx.mapping.customerName ?? 0],
      message: `Row ${rowNo}: the customer is empty`,
    });
    return;
  }
  let any = false;
  for (const b of s.buckets) {
    const c = cells[b.index];
    if (isBlank(c)) continue;
    const p = parseAmountValue(c, currency, { decimalComma: ctx.decimalComma });
    if (!p.ok) {
      pushError(ctx, out, {
        row: rowNo,
        column: ctx.headers[b.index],
        code: 'invalid-amount',
        message: `Row ${rowNo}, column "${ctx.headers[b.index]}": ${p.reason}`,
        params: { value: cellText(c), problem: p.code },
      });
      continue;
    }
    if (p.value.minor === 0) continue;
    any = true;
    const due = addDays(s.asOf, -b.fromDays);
    emit(
      ctx,
      {
        row: rowNo,
        customerName: customer.name,
        invoiceNumber: `${b.label} @ ${s.asOf}`,
        kind: p.value.minor < 0 ? 'credit-note' : 'invoice',
        source: 'aging-bucket',
        issueDate: due,
        dueDate: due,
        amount: { minor: Math.abs(p.value.minor), currency },
        currency,
        ...(customer.code && { customerId: customer.code }),
      },
      out,
      false,
    );
  }
  if (!any) skip(ctx, rowNo, 'zero', customer.name);
}

function pushError(ctx: Context, out: Out, e: LedgerError) {
  out.errors.push(e);
  ctx.errorRows.add(e.row);
}

function dataRow(ctx: Context, cells: Cell[], rowNo: number, out: Out) {
  const { mapping, headers } = ctx;
  // A CSV row with more cells than the header, or too few to reach a mapped column, is misaligned.
  const short = cells.length <= ctx.maxColumn;
  if (
    ctx.format === 'csv' &&
    (short || (cells.length > headers.length && !cells.slice(headers.length).every(isBlank)))
  ) {
    pushError(ctx, out, {
      row: rowNo,
      code: 'field-count',
      message: `Row ${rowNo} has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header row has ${headers.length}.`,
      params: { count: cells.length, expected: headers.length },
    });
    return;
  }
  const get = (f: LedgerField): Cell | undefined => (mapping[f] === undefined ? undefined : cells[mapping[f]!]);
  const col = (f: LedgerField) => headers[mapping[f]!] || fieldLabels[f].en;
  const errors: LedgerError[] = [];
  const err = (f: LedgerField, code: LedgerErrorCode, reason: string, params?: LedgerErrorParams) =>
    errors.push({
      row: rowNo,
      field: f,
      column: col(f),
      code,
      message: `Row ${rowNo}, column "${col(f)}": ${reason}`,
      ...(params && { params }),
    });

  const statusText = cellText(get('status'));
  if (statusText && (DRAFT_STATUS.test(statusText) || VOID_STATUS.test(statusText))) {
    const isDraft = DRAFT_STATUS.test(statusText);
    if (isDraft) ctx.counts.drafts++;
    else ctx.counts.voids++;
    skip(ctx, rowNo, isDraft ? 'draft' : 'void', `${cellText(get('invoiceNumber'))} ${statusText}`.trim());
    return;
  }
  const kindText = cellText(get('kind'));
  let invoiceNumber = foldWidth(cellText(get('invoiceNumber')));
  const customer = customerOf(ctx, cells);
  if (!customer)
    err(mapping.customerName !== undefined ? 'customerName' : 'customerId', 'missing-value', 'the customer is empty');

  // Currency: the row's column, the group line's, the amount's own symbol, the layout's, the caller's, else CNY.
  let currency: string | undefined;
  const curCell = cellText(get('currency'));
  if (curCell) {
    currency = parseCurrency(curCell);
    if (!currency) err('currency', 'invalid-currency', `"${curCell}" is not a currency code`, { value: curCell });
  }
  currency ??= ctx.groupCurrency;
  const mainField: LedgerField = ctx.ledgerMode
    ? 'debit'
    : mapping.amount !== undefined
      ? 'amount'
      : mapping.lineAmount !== undefined && mapping.open === undefined
        ? 'lineAmount'
        : 'open';
  if (!currency && !curCell) {
    const probeCell = get(mainField) ?? get('credit');
    // Only a cell with something besides digits, signs and separators can name a currency ("$", "RMB", "USD").
    const probe =
      probeCell === undefined || typeof probeCell === 'number' || !MAY_NAME_CURRENCY.test(probeCell)
        ? undefined
        : parseAmountValue(probeCell, 'XXX', { decimalComma: ctx.decimalComma });
    const fam = probe && probe.ok ? probe.value.currencies : undefined;
    const pref = [ctx.preset.currency, ctx.opts.currency].filter((c): c is string => !!c);
    currency = fam?.length ? (pref.find((c) => fam.includes(c)) ?? fam[0]) : pref[0];
    if (!fam?.length && ctx.preset.currency && ctx.opts.currency && ctx.preset.currency !== ctx.opts.currency) {
      warnOnce(
        ctx,
        'curlayout',
        `The ${ctx.preset.label.en} layout is in ${ctx.preset.currency}; amounts are taken as ${ctx.preset.currency}.`,
        { code: 'currency-from-layout', currency: ctx.preset.currency, value: ctx.preset.id },
      );
    }
    if (!currency) {
      currency = 'CNY';
      warnOnce(
        ctx,
        'cur',
        'The file names no currency; amounts are taken as CNY. Choose the currency before importing if that is wrong.',
        { code: 'currency-assumed', currency: 'CNY' },
      );
    }
  }
  const cur = currency ?? 'CNY';

  const amountOf = (f: LedgerField): number | undefined => {
    const c = get(f);
    if (c === undefined || isBlank(c)) return undefined;
    const p = parseAmountValue(c, cur, { decimalComma: ctx.decimalComma });
    if (!p.ok) {
      err(f, 'invalid-amount', p.reason === 'is empty' ? 'the amount is empty' : p.reason, {
        value: cellText(c),
        problem: p.code,
      });
      return undefined;
    }
    if (p.value.currencies && currency && !p.value.currencies.includes(currency)) {
      err(f, 'currency-conflict', `"${cellText(c)}" is not in ${currency}, the row's currency`, {
        value: cellText(c),
        currency,
      });
      return undefined;
    }
    return p.value.minor;
  };

  let amount: number | undefined;
  let openMinor: number | undefined;
  let paidMinor: number | undefined;
  let isPayment = PAYMENT_KIND.test(kindText);
  const isCredit = !isPayment && kindText !== '' && CREDIT_KIND.test(kindText);
  if (ctx.ledgerMode) {
    const debit = amountOf('debit');
    const credit = amountOf('credit');
    if (debit) amount = debit;
    else if (credit) {
      amount = credit;
      if (!isCredit) isPayment = true;
    } else if (!errors.length) {
      skip(ctx, rowNo, 'zero', invoiceNumber || rowLabel(cells));
      return;
    }
    openMinor = amountOf('open');
    if (mapping.balance !== undefined && customer) {
      const bal = amountOf('balance');
      if (bal !== undefined) ctx.lastBalance.set(customer.name, { currency: cur, minor: bal });
    }
  } else {
    amount = amountOf(mainField);
    if (amount === undefined && !errors.some((e) => e.field === mainField))
      err(mainField, 'missing-value', 'the amount is empty');
    openMinor = mainField === 'amount' || mainField === 'lineAmount' ? amountOf('open') : amount;
    paidMinor = amountOf('paid');
    const credited = amountOf('credited');
    if (credited) paidMinor = (paidMinor ?? 0) + credited;
    // A receipt in a report with an amount and a credit column (金蝶 K/3): nothing owed, something received.
    const credit = !amount && mapping.credit !== undefined ? amountOf('credit') : undefined;
    if (credit) {
      amount = credit;
      openMinor = undefined;
      paidMinor = undefined;
      if (!isCredit) isPayment = true;
    }
  }
  if (isPayment && amount !== undefined) {
    // A payment's row carries its unapplied rest in the open column, and often nothing in the invoice amount.
    amount = Math.abs(openMinor || amount || paidMinor || 0);
  }

  if (amount === 0 && !errors.length && mainField !== 'lineAmount' && !ctx.ledgerMode) {
    warnOnce(ctx, `zero${rowNo}`, `Row ${rowNo} has a zero amount and is skipped.`, {
      code: 'zero-amount',
      row: rowNo,
    });
    skip(ctx, rowNo, 'zero', invoiceNumber || rowLabel(cells));
    return;
  }
  // Dates. A credit (note or payment) without a due date takes its document date.
  const dateOf = (f: LedgerField, required: boolean): string | undefined => {
    const c = get(f);
    if (c === undefined || isBlank(c)) {
      if (required) err(f, 'missing-value', 'the date is empty');
      return undefined;
    }
    const p = dateIn(ctx, c);
    if (!p.ok) {
      if (p.code === 'ambiguous') ctx.needsDateOrder = true;
      err(
        f,
        p.code === 'ambiguous' ? 'ambiguous-date' : 'invalid-date',
        p.reason === 'is empty' ? 'the date is empty' : p.reason,
        { value: cellText(c), problem: p.code },
      );
      return undefined;
    }
    return p.value;
  };
  const creditLike = isPayment || isCredit || (amount !== undefined && amount < 0);
  const hasDue = mapping.dueDate !== undefined;
  const hasIssue = mapping.issueDate !== undefined;
  const dueBlank = !hasDue || isBlank(get('dueDate'));
  let dueDate = hasDue ? dateOf('dueDate', !(creditLike && hasIssue)) : undefined;
  let issueDate = hasIssue ? dateOf('issueDate', !hasDue || (creditLike && dueBlank)) : undefined;
  if (!dueDate && (!hasDue || (creditLike && dueBlank))) {
    dueDate = issueDate;
    if (hasDue && creditLike && issueDate) ctx.counts.creditNoDue++;
  }
  if (!issueDate && dueDate && !errors.some((e) => e.field === 'issueDate')) issueDate = dueDate;
  const settledDate = mapping.settledDate !== undefined ? dateOf('settledDate', false) : undefined;

  if (!invoiceNumber && isPayment && amount !== undefined && issueDate) {
    // A payment row without a number: named by its day and amount, numbered when the customer has several alike.
    const base = `PMT ${issueDate} ${Math.abs(amount)}`;
    const key = `${customer?.name}|${base}`;
    const n = (ctx.payRefs.get(key) ?? 0) + 1;
    ctx.payRefs.set(key, n);
    invoiceNumber = n > 1 ? `${base} #${n}` : base;
  }
  if (!invoiceNumber) err('invoiceNumber', 'missing-value', 'the document number is empty');

  if (errors.length) {
    for (const e of errors) pushError(ctx, out, e);
    return;
  }

  let kind: LedgerRow['kind'] = isCredit || isPayment ? 'credit-note' : 'invoice';
  let openAbs = openMinor;
  if (amount! < 0) {
    kind = 'credit-note';
    amount = -amount!;
    if (openAbs !== undefined) openAbs = Math.abs(openAbs);
    if (paidMinor !== undefined) paidMinor = Math.abs(paidMinor);
  } else if (kind === 'credit-note') {
    if (openAbs !== undefined) openAbs = Math.abs(openAbs);
    if (paidMinor !== undefined) paidMinor = Math.abs(paidMinor);
  }
  if (amount === 0 && !(mainField === 'lineAmount')) {
    warnOnce(ctx, `zero${rowNo}`, `Row ${rowNo} has a zero amount and is skipped.`, {
      code: 'zero-amount',
      row: rowNo,
    });
    skip(ctx, rowNo, 'zero', invoiceNumber);
    return;
  }
  if (isPayment) {
    ctx.counts.payments++;
    // A payment on an aging report is money received and not yet applied: a credit on the customer's account.
    openAbs = undefined;
    paidMinor = undefined;
  }
  if (kind === 'credit-note' && !isPayment && (openAbs !== undefined || paidMinor)) {
    // What an aging report's invoices are still open by already has the applied part of a credit memo taken off:
    // only its unapplied rest is a credit still to come.
    amount = openAbs ?? Math.max(0, amount! - (paidMinor ?? 0));
    openAbs = undefined;
    paidMinor = undefined;
    if (amount === 0) {
      skip(ctx, rowNo, 'zero', invoiceNumber);
      return;
    }
  }
  if (paidMinor === undefined && openAbs !== undefined && mainField !== 'open')
    paidMinor = Math.max(0, amount! - openAbs);
  if (
    paidMinor === undefined &&
    openAbs === undefined &&
    settledDate &&
    (ctx.preset.settledMeansPaid || (mapping.paid === undefined && mapping.open === undefined))
  )
    paidMinor = amount;

  const row: LedgerRow = {
    row: rowNo,
    customerName: customer!.name,
    invoiceNumber,
    kind,
    issueDate: issueDate!,
    dueDate: dueDate!,
    amount: { minor: amount!, currency: cur },
    currency: cur,
  };
  if (isPayment) row.source = 'payment';
  const code = mapping.customerId !== undefined ? cellText(get('customerId')) : customer!.code;
  if (code) row.customerId = code;
  if (paidMinor !== undefined) row.paid = { minor: paidMinor, currency: cur };
  if (openAbs !== undefined && mainField !== 'open') row.open = { minor: openAbs, currency: cur };
  if (settledDate) row.settledDate = settledDate;
  const disputed = mapping.disputed !== undefined ? parseBool(get('disputed') ?? '') : undefined;
  if (disputed !== undefined) row.disputed = disputed;
  const contract = cellText(get('contractRef'));
  if (contract) row.contractRef = contract;
  emit(ctx, row, out, true, mainField === 'lineAmount' ? amount : undefined);
}

function hasLineColumns(ctx: Context): boolean {
  ctx.lineColumns ??= ctx.mapping.lineAmount !== undefined || ctx.headers.some((h) => LINE_COLUMNS.has(headerKey(h)));
  return ctx.lineColumns;
}

/**
 * Hands an accepted row over — after the next row, since the next row may be another line of the same invoice
 * (line-item exports), which is folded into it. A document seen before that is not the previous one is a duplicate.
 */
function emit(ctx: Context, row: LedgerRow, out: Out, mergeable: boolean, lineMinor?: number) {
  let nameKey = ctx.nameKeys.get(row.customerName);
  if (nameKey === undefined) ctx.nameKeys.set(row.customerName, (nameKey = headerKey(row.customerName)));
  const p = ctx.pending;
  if (mergeable && p && p.nameKey === nameKey && p.row.invoiceNumber === row.invoiceNumber) {
    const line = lineMinor !== undefined;
    if (line || p.lineItems) {
      if (line) {
        p.lineSum = (p.lineSum ?? 0) + lineMinor!;
        p.row.amount = { minor: p.lineSum, currency: p.row.currency };
      }
      ctx.counts.lines++;
      warnOnce(ctx, 'lines', 'Rows that are lines of one invoice are imported as one document.', {
        code: 'lines-grouped',
      });
      return;
    }
  }
  let docs = ctx.seen.get(nameKey);
  if (docs === undefined) ctx.seen.set(nameKey, (docs = new Map()));
  const first = docs.get(row.invoiceNumber);
  if (first !== undefined) {
    pushError(ctx, out, {
      row: row.row,
      field: 'invoiceNumber',
      column: ctx.headers[ctx.mapping.invoiceNumber ?? -1] ?? fieldLabels.invoiceNumber.en,
      code: 'duplicate',
      message: `Row ${row.row}: document "${row.invoiceNumber}" of customer "${row.customerName}" already appears in row ${first}.`,
      params: { value: row.invoiceNumber, customer: row.customerName, first },
    });
    return;
  }
  docs.set(row.invoiceNumber, row.row);
  flush(ctx, out);
  ctx.pending = {
    row,
    nameKey,
    lineItems: mergeable && hasLineColumns(ctx),
    ...(lineMinor !== undefined && { lineSum: lineMinor }),
  };
}

/** What a row leaves open, signed: a credit note's or payment's open part counts against the customer. */
export function rowOpenMinor(r: LedgerRow): number {
  const open = r.open?.minor ?? r.amount.minor - (r.paid?.minor ?? 0);
  return r.kind === 'credit-note' ? -open : open;
}

/** Hands the held-back row over and counts it. */
function flush(ctx: Context, out: Out) {
  const p = ctx.pending;
  if (!p) return;
  ctx.pending = undefined;
  const r = p.row;
  out.rows.push(r);
  ctx.open.set(r.currency, (ctx.open.get(r.currency) ?? 0) + rowOpenMinor(r));
  ctx.customers.add(r.customerName);
  const byCur =
    ctx.customersByCurrency.get(r.currency) ?? ctx.customersByCurrency.set(r.currency, new Set()).get(r.currency)!;
  byCur.add(r.customerName);
  if (!ctx.firstDue || r.dueDate < ctx.firstDue) ctx.firstDue = r.dueDate;
  if (!ctx.lastDue || r.dueDate > ctx.lastDue) ctx.lastDue = r.dueDate;
}

/** The counted notes, once the file is read. */
function finishNotes(ctx: Context) {
  const c = ctx.counts;
  if (c.drafts) ctx.notes.push({ code: 'drafts-skipped', count: c.drafts });
  if (c.voids) ctx.notes.push({ code: 'voids-skipped', count: c.voids });
  if (c.payments) ctx.notes.push({ code: 'payments-as-credits', count: c.payments });
  if (c.creditNoDue) ctx.notes.push({ code: 'credit-without-due', count: c.creditNoDue });
  const lines = ctx.notes.find((n) => n.code === 'lines-grouped');
  if (lines) lines.count = c.lines;
  for (const n of ctx.notes.slice(ctx.warnings.length)) {
    ctx.warnings.push(`${n.code}: ${n.count}`);
  }
}

/** The file's grand total per currency against the imported open total (see the module comment). */
function reconcile(ctx: Context): Reconciliation[] {
  const currencies = new Set<string>([
    ...ctx.open.keys(),
    ...ctx.totals.filter((t) => t.currency && t.value !== undefined).map((t) => t.currency!),
  ]);
  const out: Reconciliation[] = [];
  for (const currency of [...currencies].sort()) {
    const imported = ctx.open.get(currency) ?? 0;
    let fileTotal: number | undefined;
    let totalRow: number | undefined;
    // Grand totals add up (one per account or section), unless one is the total of those before it.
    let parts: number[] = [];
    for (const t of ctx.totals) {
      if (t.kind !== 'grand' || t.currency !== currency || t.value === undefined) continue;
      const sum = parts.reduce((a, b) => a + b, 0);
      parts = parts.length && t.value === sum ? [t.value] : [...parts, t.value];
      totalRow = t.row;
    }
    if (parts.length) fileTotal = parts.reduce((a, b) => a + b, 0);
    if (fileTotal === undefined && ctx.ledgerMode) {
      const balances = [...ctx.lastBalance.values()].filter((b) => b.currency === currency);
      if (balances.length) fileTotal = balances.reduce((a, b) => a + b.minor, 0);
    }
    if (fileTotal === undefined && (ctx.customersByCurrency.get(currency)?.size ?? 0) <= 1) {
      const subs = ctx.totals.filter((t) => t.kind === 'subtotal' && t.currency === currency && t.value !== undefined);
      if (subs.length) {
        fileTotal = subs[subs.length - 1].value;
        totalRow = subs[subs.length - 1].row;
      }
    }
    out.push({
      currency,
      imported,
      ...(fileTotal !== undefined && { fileTotal, difference: imported - fileTotal }),
      ...(totalRow && { totalRow }),
    });
  }
  return out;
}

function statsOf(ctx: Context): LedgerStats {
  return {
    customers: ctx.customers.size,
    ...(ctx.firstDue && { firstDue: ctx.firstDue, lastDue: ctx.lastDue }),
    openByCurrency: Object.fromEntries(ctx.open),
    rowsWithErrors: ctx.errorRows.size,
    skipped: { ...ctx.skippedCounts },
  };
}

// ------------------------------------------------------------------------------------------ header

function pickHeader(
  records: Cell[][],
  opts: ParseLedgerOptions,
): { first: number; last: number; headers: string[] } | undefined {
  if (opts.headerRow) {
    const first = opts.headerRow - 1;
    const last = Math.min(records.length - 1, first + Math.max(1, Math.min(3, opts.headerRows ?? 1)) - 1);
    if (first < 0 || first >= records.length) return undefined;
    const rows = records.slice(first, last + 1);
    return { first, last, headers: rows.length === 1 ? rows[0].map((c) => cellText(c)) : joinHeaderRows(rows) };
  }
  if (opts.mapping) {
    const i = records.findIndex((r) => !isBlankRow(r));
    return i >= 0 ? { first: i, last: i, headers: records[i].map((c) => cellText(c)) } : undefined;
  }
  return findHeaderRows(records, headerScore);
}

const sheetScore = (rows: Cell[][]) => findHeaderRows(rows, headerScore)?.score ?? -1;

function baseResult(format: LedgerParse['format']): LedgerParse {
  return {
    rows: [],
    errors: [],
    warnings: [],
    notes: [],
    preset: 'generic',
    headers: [],
    headerRow: 0,
    headerRows: 0,
    mapping: {},
    decimalComma: false,
    needsDateOrder: false,
    format,
    customerFromGroup: false,
    reconciliation: [],
    skipped: [],
    stats: { customers: 0, openByCurrency: {}, rowsWithErrors: 0, skipped: {} },
  };
}

const NO_COLUMNS =
  'No recognisable columns: the file needs at least customer, document number, due date and amount columns (for example 客户名称, 单据编号, 到期日, 金额).';

// ------------------------------------------------------------------------------------------ public API

/** Parses a whole ledger file (DESIGN.md stable API). For files of many MB use parseLedgerChunks. */
export function parseLedger(input: string | ArrayBuffer | Uint8Array, opts: ParseLedgerOptions = {}): LedgerParse {
  const grid = loadGrid(input, sheetScore, { fileName: opts.fileName, limits: opts.limits });
  if ('code' in grid) return { ...baseResult('csv'), errors: [grid as GridError] };
  const out = baseResult(grid.format);
  out.encoding = grid.encoding;
  if (grid.sheetName) out.sheetName = grid.sheetName;
  const quoteRows = new Set(grid.quoteErrors.map((q) => q.row));
  const header = pickHeader(grid.records, opts);
  if (!header) {
    const nonBlank = grid.records.some((r) => !isBlankRow(r));
    out.errors.push(
      nonBlank
        ? { row: 0, code: 'missing-columns', message: NO_COLUMNS }
        : { row: 0, code: 'no-data', message: 'The file has no rows.' },
    );
    return out;
  }
  out.headers = header.headers;
  out.headerRow = header.first + 1;
  out.headerRows = header.last - header.first + 1;
  const ctx = setupContext(grid.records, header, opts, grid.format);
  if ('code' in ctx) {
    out.errors.push(ctx);
    out.preset = detectPreset(out.headers).id;
    return out;
  }
  Object.assign(out, {
    preset: ctx.preset.id,
    mapping: ctx.mapping,
    dateOrder: ctx.dateOrder,
    decimalComma: ctx.decimalComma,
    reportDate: ctx.reportDate,
    customerFromGroup: ctx.customerFromGroup,
  });
  for (const q of grid.quoteErrors) {
    out.errors.push({ row: q.row, code: 'broken-quotes', message: q.message, params: { cause: q.cause } });
    ctx.errorRows.add(q.row);
  }
  const sink: Out = { rows: out.rows, errors: out.errors };
  for (let i = header.last + 1; i < grid.records.length; i++) {
    if (quoteRows.has(i + 1)) continue;
    processRecord(ctx, grid.records[i], i + 1, sink);
  }
  flush(ctx, sink);
  finishNotes(ctx);
  out.errors.sort((a, b) => a.row - b.row);
  Object.assign(out, {
    warnings: ctx.warnings,
    notes: ctx.notes,
    needsDateOrder: ctx.needsDateOrder,
    reconciliation: reconcile(ctx),
    stats: statsOf(ctx),
    skipped: ctx.skipped,
  });
  if (!out.rows.length && !out.errors.length) {
    out.errors.push({
      row: 0,
      code: 'no-data',
      message: 'The file has a header row but no data rows.',
      params: { headerOnly: true },
    });
  }
  return out;
}

export interface LedgerPreview {
  headers: string[];
  headerRow: number;
  headerRows: number;
  /** The first data rows as text, for the mapping screen. */
  rows: string[][];
  /** The file's first rows as text (title lines included), for picking the header row. */
  top: string[][];
  preset: string;
  mapping: ColumnMapping;
  customerFromGroup: boolean;
  error?: LedgerError;
}

/** The header and the first `n` data rows, with the suggested mapping — for the column-mapping screen. */
export function previewRows(
  input: string | ArrayBuffer | Uint8Array,
  n = 10,
  opts: ParseLedgerOptions = {},
): LedgerPreview {
  const grid = loadGrid(input, sheetScore, {
    fileName: opts.fileName,
    previewRows: n + HEADER_SCAN,
    limits: opts.limits,
  });
  const empty = {
    headers: [],
    headerRow: 0,
    headerRows: 0,
    rows: [],
    top: [],
    preset: 'generic',
    mapping: {},
    customerFromGroup: false,
  };
  if ('code' in grid) return { ...empty, error: grid as GridError };
  const top = grid.records.slice(0, 15).map((r) => r.map((c) => cellText(c)));
  const header =
    pickHeader(grid.records, { ...opts, mapping: undefined }) ??
    (() => {
      const i = grid.records.findIndex((r) => !isBlankRow(r));
      return i >= 0 ? { first: i, last: i, headers: grid.records[i].map((c) => cellText(c)) } : undefined;
    })();
  if (!header) return { ...empty, top };
  const s = suggestMapping(header.headers);
  const rows = grid.records
    .slice(header.last + 1)
    .filter((r) => !isBlankRow(r))
    .slice(0, n)
    .map((r) => r.map((c) => cellText(c)));
  const probe = setupContext(grid.records, header, { ...opts, mapping: opts.mapping ?? s.mapping }, grid.format);
  return {
    headers: header.headers,
    headerRow: header.first + 1,
    headerRows: header.last - header.first + 1,
    rows,
    top,
    preset: s.preset,
    mapping: s.mapping,
    customerFromGroup: 'code' in probe ? false : probe.customerFromGroup,
  };
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
  reportDate?: string;
  customerFromGroup: boolean;
  reconciliation: Reconciliation[];
  stats: LedgerStats;
  skipped: SkippedLine[];
}

function emptySummary(): ChunkSummary {
  return {
    preset: 'generic',
    headers: [],
    headerRow: 0,
    mapping: {},
    rows: 0,
    errors: 0,
    warnings: [],
    notes: [],
    needsDateOrder: false,
    aborted: false,
    format: 'csv',
    customerFromGroup: false,
    reconciliation: [],
    skipped: [],
    stats: { customers: 0, openByCurrency: {}, rowsWithErrors: 0, skipped: {} },
  };
}

/**
 * Streams a large CSV in chunks, so that a 200,000-row file never becomes one array: the bytes are decoded with a
 * streaming TextDecoder (a character cut at a slice's edge is completed by the next slice) and cut into pieces at
 * record ends (lib/transfer/stream.ts); the header, the date order and the decimal mark are settled from the first
 * rows. `onChunk` may return a promise (reading pauses until it settles). An XLSX input is parsed whole (within the
 * read limits) and handed over in slices. Works the same in Node and in a page or worker.
 */
export async function parseLedgerChunks(
  input: Blob | string | ArrayBuffer | Uint8Array,
  opts: ParseLedgerOptions,
  onChunk: (rows: LedgerRow[], errors: LedgerError[], progress: ChunkProgress) => void | Promise<void>,
  signal?: AbortSignal,
  chunkSize = 1 << 20,
): Promise<ChunkSummary> {
  const summary = emptySummary();
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
  if (!isBlob && typeof input !== 'string') input = new Blob([input as ArrayBuffer]);
  const pieces = textPieces(input as Blob | string, {
    chunkSize,
    maxRecordChars: limits.maxRecordChars,
    fileName: opts.fileName,
  });
  const first = await pieces.next();
  if (first.done) return summary;
  if (first.value.kind === 'error' || first.value.kind === 'workbook') {
    if (first.value.kind === 'error') {
      summary.errors = 1;
      await onChunk([], [first.value.error as LedgerError], { fraction: 1, rowsSoFar: 0, errorsSoFar: 1 });
      return summary;
    }
    return wholeInSlices(first.value.bytes, opts, onChunk, summary, signal);
  }
  summary.encoding = first.value.encoding;
  let ctx: Context | undefined;
  let failed: LedgerError | undefined;
  let pending: Cell[][] = [];
  let recordIndex = 0;
  let piece: Piece | undefined = first.value;
  while (piece && !failed) {
    if (signal?.aborted) {
      summary.aborted = true;
      break;
    }
    if (piece.kind === 'error') {
      failed = piece.error as LedgerError;
      break;
    }
    if (piece.kind !== 'text') break;
    const parsed = piece.records(piece.delimiter);
    const rows: LedgerRow[] = [];
    const errors: LedgerError[] = [];
    const sink: Out = { rows, errors };
    let startIndex = recordIndex;
    recordIndex += parsed.records.length;
    let work: Cell[][] = parsed.records;
    const quoteRows = new Set<number>();
    for (const q of parsed.quoteErrors) {
      const row = startIndex + q.row;
      quoteRows.add(row);
      errors.push({
        row,
        code: 'broken-quotes',
        message: `Row ${row}: a quoted cell is never closed (${q.cause})`,
        params: { cause: q.cause },
      });
    }
    if (!ctx) {
      pending = pending.concat(work);
      if (pending.length < HEADER_SCAN + 200 && !piece.final) {
        piece = (await pieces.next()).value;
        continue;
      }
      const header = pickHeader(pending, opts);
      if (!header) {
        failed = { row: 0, code: 'missing-columns', message: NO_COLUMNS };
        break;
      }
      summary.headers = header.headers;
      summary.headerRow = header.first + 1;
      const c = setupContext(pending, header, opts, 'csv');
      if ('code' in c) {
        failed = c;
        break;
      }
      ctx = c;
      Object.assign(summary, {
        preset: c.preset.id,
        mapping: c.mapping,
        reportDate: c.reportDate,
        customerFromGroup: c.customerFromGroup,
      });
      work = pending.slice(header.last + 1);
      startIndex = header.last + 1;
      pending = [];
    }
    for (const e of errors) ctx.errorRows.add(e.row);
    for (let i = 0; i < work.length; i++) {
      if (quoteRows.has(startIndex + i + 1)) continue;
      processRecord(ctx, work[i], startIndex + i + 1, sink);
    }
    if (piece.final) flush(ctx, sink);
    summary.rows += rows.length;
    summary.errors += errors.length;
    if (rows.length || errors.length || piece.final) {
      await onChunk(rows, errors, { fraction: piece.fraction, rowsSoFar: summary.rows, errorsSoFar: summary.errors });
    }
    piece = piece.final ? undefined : (await pieces.next()).value;
  }
  if (failed) {
    summary.errors += 1;
    await onChunk([], [failed], { fraction: 1, rowsSoFar: summary.rows, errorsSoFar: summary.errors });
  }
  if (ctx) {
    finishNotes(ctx);
    Object.assign(summary, {
      warnings: ctx.warnings,
      notes: ctx.notes,
      needsDateOrder: ctx.needsDateOrder,
      reconciliation: reconcile(ctx),
      stats: statsOf(ctx),
      skipped: ctx.skipped,
    });
  }
  return summary;
}

async function wholeInSlices(
  bytes: Uint8Array,
  opts: ParseLedgerOptions,
  onChunk: (rows: LedgerRow[], errors: LedgerError[], progress: ChunkProgress) => void | Promise<void>,
  summary: ChunkSummary,
  signal?: AbortSignal,
): Promise<ChunkSummary> {
  const res = parseLedger(bytes, opts);
  const step = 5000;
  Object.assign(summary, {
    preset: res.preset,
    headers: res.headers,
    headerRow: res.headerRow,
    mapping: res.mapping,
    warnings: res.warnings,
    notes: res.notes,
    needsDateOrder: res.needsDateOrder,
    format: res.format,
    encoding: res.encoding,
    reportDate: res.reportDate,
    customerFromGroup: res.customerFromGroup,
    reconciliation: res.reconciliation,
    stats: res.stats,
    skipped: res.skipped,
  });
  for (let i = 0; i < Math.max(res.rows.length, 1); i += step) {
    if (signal?.aborted) {
      summary.aborted = true;
      break;
    }
    const rows = res.rows.slice(i, i + step);
    const errs = i === 0 ? res.errors : [];
    summary.rows += rows.length;
    summary.errors += errs.length;
    await onChunk(rows, errs, {
      fraction: Math.min(1, (i + step) / Math.max(res.rows.length, 1)),
      rowsSoFar: summary.rows,
      errorsSoFar: summary.errors,
    });
  }
  return summary;
}

export { presets, suggestMapping, detectPreset, MESSAGES };
