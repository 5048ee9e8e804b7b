/**
 * Reading a ledger file for the import screen. Small files are parsed in one go; large ones are streamed in
 * chunks through lib/transfer parseLedgerChunks, yielding to the event loop between chunks so the page keeps
 * painting the progress bar and the Cancel button stays live. A large file's rows are counted and checked, not
 * kept: the import streams the file again (lib/db/import importLedger), once per group of customers when they do not
 * fit one write transaction, so memory does not grow with the file.
 */
import {
  type ColumnMapping, type DateOrder, type LedgerError, type LedgerNote, type LedgerPreview, type LedgerRow, parseLedger, parseLedgerChunks,
  previewRows,
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
}

export interface ReadOptions {
  currency?: string;
  dateOrder?: DateOrder;
  mapping?: ColumnMapping;
  signal?: AbortSignal;
  onProgress?: (p: { fraction: number; rows: number; errors: number }) => void;
}

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

export async function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Response(file).arrayBuffer();
}

const isWorkbook = (name: string) => /\.xlsx?$/i.test(name);

export async function readLedgerFile(file: Blob, fileName: string, o: ReadOptions = {}): Promise<ParsedFile> {
  const opts = { fileName, currency: o.currency, dateOrder: o.dateOrder, mapping: o.mapping };
  if (file.size <= SMALL_FILE_BYTES || isWorkbook(fileName)) {
    o.onProgress?.({ fraction: 0, rows: 0, errors: 0 });
    await yieldToUi();
    const r = parseLedger(await fileBytes(file), opts);
    o.onProgress?.({ fraction: 1, rows: r.rows.length, errors: r.errors.length });
    return {
      fileName, format: r.format, preset: r.preset, headers: r.headers, mapping: r.mapping, rows: r.rows, rowCount: r.rows.length,
      errors: r.errors.slice(0, MAX_ERRORS_KEPT), errorCount: r.errors.length, warnings: r.warnings, notes: r.notes,
      needsDateOrder: r.needsDateOrder, aborted: false,
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
    aborted: summary.aborted,
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

/** Header and first rows for the mapping screen (reads only the head of a large text file). */
export async function previewFile(file: Blob, fileName: string, n = 8): Promise<LedgerPreview> {
  const part = file.size > SMALL_FILE_BYTES && !isWorkbook(fileName) ? file.slice(0, 256 * 1024) : file;
  return previewRows(await fileBytes(part), n);
}
