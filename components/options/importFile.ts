/**
 * Reading a ledger file for the import screen. Small files are parsed in one go; large ones are streamed in
 * chunks through lib/transfer parseLedgerChunks, yielding to the event loop between chunks so the page keeps
 * painting the progress bar and the Cancel button stays live. A large file's rows are counted and checked, not
 * kept: the import streams the file again (lib/db/import importLedger), once per group of customers when they do not
 * fit one write transaction, so memory does not grow with the file.
 */
import {
  type ColumnMapping, type DateOrder, type LedgerError, type LedgerNote, type LedgerParse, type LedgerPreview, type LedgerRow,
  type LedgerStats, type Reconciliation, type SkippedLine, parseLedger, parseLedgerChunks, previewRows,
} from '@/lib/transfer';
import { type LedgerRowSource, customerGroups } from '@/lib/db/import';

/** Above this size the file is streamed in chunks. */
export const SMALL_FILE_BYTES = 2 * 1024 * 1024;
/** Errors kept for display (the count is always exact). */
export const MAX_ERRORS_KEPT = 1000;

export interface ParsedFile {
  fileName: string;
  format: string;
  preset: string;
  headers: string[];
  mapping: ColumnMapping;
  /** The rows, for files read whole; empty for streamed files (see `source`). */
  rows: LedgerRow[];
  rowCount: number;
  /** Streamed (large) files: the rows are not kept; the import reads the file again chunk by chunk. */
  source?: LedgerRowSource;
  errors: LedgerError[];
  errorCount: number;
  warnings: string[];
  /** The warnings as codes, for the translated notes. */
  notes: LedgerNote[];
  needsDateOrder: boolean;
  aborted: boolean;
  /** The file's grand total per currency against what would be imported. */
  reconciliation: Reconciliation[];
  stats: LedgerStats;
  skipped: SkippedLine[];
  headerRow: number;
  customerFromGroup: boolean;
  reportDate?: string;
}

export interface ReadOptions {
  currency?: string;
  dateOrder?: DateOrder;
  mapping?: ColumnMapping;
  headerRow?: number;
  headerRows?: number;
  customerFromGroup?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; rows: number; errors: number }) => void;
}

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

export async function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Response(file).arrayBuffer();
}

const isWorkbook = (name: string) => /\.xlsx?$/i.test(name);

const readOpts = (fileName: string, o: ReadOptions) => ({ fileName, currency: o.currency, dateOrder: o.dateOrder, mapping: o.mapping,
  headerRow: o.headerRow, headerRows: o.headerRows, customerFromGroup: o.customerFromGroup });

const reportFields = (r: Pick<LedgerParse, 'reconciliation' | 'stats' | 'skipped' | 'headerRow' | 'customerFromGroup' | 'reportDate'>) => ({
  reconciliation: r.reconciliation, stats: r.stats, skipped: r.skipped, headerRow: r.headerRow, customerFromGroup: r.customerFromGroup,
  ...(r.reportDate && { reportDate: r.reportDate }),
});

export async function readLedgerFile(file: Blob, fileName: string, o: ReadOptions = {}): Promise<ParsedFile> {
  const opts = readOpts(fileName, o);
  if (file.size <= SMALL_FILE_BYTES || isWorkbook(fileName)) {
    o.onProgress?.({ fraction: 0, rows: 0, errors: 0 });
    await yieldToUi();
    const r = parseLedger(await fileBytes(file), opts);
    o.onProgress?.({ fraction: 1, rows: r.rows.length, errors: r.errors.length });
    return {
      fileName, format: r.format, preset: r.preset, headers: r.headers, mapping: r.mapping, rows: r.rows, rowCount: r.rows.length,
      errors: r.errors.slice(0, MAX_ERRORS_KEPT), errorCount: r.errors.length, warnings: r.warnings, notes: r.notes,
      needsDateOrder: r.needsDateOrder, aborted: false, ...reportFields(r),
    };
  }
  const errors: LedgerError[] = [];
  let errorCount = 0;
  // Rows per customer name (a few bytes per customer, not per row): the import reads the file once per group of
  // customers so that it writes each customer's ledger once (lib/db/import customerGroups).
  const rowsPerCustomer = new Map<string, number>();
  const summary = await parseLedgerChunks(file, opts, async (rs, es, p) => {
    for (const r of rs) rowsPerCustomer.set(r.customerName, (rowsPerCustomer.get(r.customerName) ?? 0) + 1);
    errorCount += es.length;
    for (const e of es) if (errors.length < MAX_ERRORS_KEPT) errors.push(e);
    o.onProgress?.({ fraction: p.fraction, rows: p.rowsSoFar, errors: p.errorsSoFar });
    await yieldToUi();
  }, o.signal);
  return {
    fileName, format: summary.format, preset: summary.preset, headers: summary.headers, mapping: summary.mapping, rows: [],
    rowCount: summary.rows, source: groupedSource(file, opts, customerGroups(rowsPerCustomer)),
    errors: errors.sort((a, b) => a.row - b.row), errorCount, warnings: summary.warnings, notes: summary.notes, needsDateOrder: summary.needsDateOrder,
    aborted: summary.aborted, ...reportFields(summary),
  };
}

/**
 * The import's source for a streamed file: the whole file in one pass when its customers fit one group, else one
 * pass per group of customers, handing over only that group's rows.
 */
export function groupedSource(file: Blob, opts: Parameters<typeof parseLedgerChunks>[1], groups: string[][]): LedgerRowSource {
  if (groups.length <= 1) return (consume) => parseLedgerChunks(file, opts, (rs) => consume(rs));
  return async (consume, endGroup) => {
    for (const group of groups) {
      const names = new Set(group);
      await parseLedgerChunks(file, opts, (rs) => consume(rs.filter((r) => names.has(r.customerName))));
      await endGroup?.();
    }
  };
}

/** The head of a large text file (whole records only), or the whole of a small file or a workbook. */
async function headOf(file: Blob, fileName: string): Promise<Uint8Array> {
  if (file.size <= SMALL_FILE_BYTES || isWorkbook(fileName)) return new Uint8Array(await fileBytes(file));
  const b = new Uint8Array(await fileBytes(file.slice(0, 256 * 1024)));
  const end = b.lastIndexOf(0x0a);
  return end > 0 ? b.subarray(0, end) : b;
}

/** Header and first rows for the mapping screen (reads only the head of a large text file). */
export async function previewFile(file: Blob, fileName: string, n = 8, o: ReadOptions = {}): Promise<LedgerPreview> {
  return previewRows(await headOf(file, fileName), n, readOpts(fileName, o));
}

/**
 * The rows as they would be imported with the mapping screen's choices, with their totals, customers, dates and
 * the lines skipped — of the whole file when it is small, of its head when it is large (`partial`).
 */
export async function previewImport(file: Blob, fileName: string, o: ReadOptions): Promise<LedgerParse & { partial: boolean }> {
  const partial = file.size > SMALL_FILE_BYTES && !isWorkbook(fileName);
  return { ...parseLedger(await headOf(file, fileName), readOpts(fileName, o)), partial };
}
