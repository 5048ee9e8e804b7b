/**
 * Reading a ledger file for the import screen. Every read runs in a dedicated worker (read/client.ts), so a
 * hostile file — a zip bomb, a sheet of a million columns — is refused there by the read limits while the page
 * keeps painting and Cancel ends the worker. Small files are parsed in one go; large ones are streamed in chunks
 * through lib/transfer parseLedgerChunks, the worker posting each chunk's findings. A large file's rows are counted and checked, not
 * kept: the import streams the file again (lib/db/import importLedger), once per group of customers when they do not
 * fit one write transaction, so memory does not grow with the file.
 */
import {
  type ColumnMapping,
  type DateOrder,
  type LedgerError,
  type LedgerNote,
  type LedgerParse,
  type LedgerPreview,
  type LedgerRow,
  type LedgerStats,
  type Reconciliation,
  type SkippedLine,
  parseLedgerChunks,
} from '@/lib/transfer';
import { SMALL_FILE_BYTES, isWorkbook } from './read/job';
import { runRead } from './read/client';
import { type LedgerRowSource, customerGroups } from '@/lib/db/import';

export { SMALL_FILE_BYTES } from './read/job';
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

export async function fileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Response(file).arrayBuffer();
}

const readOpts = (fileName: string, o: ReadOptions) => ({
  fileName,
  currency: o.currency,
  dateOrder: o.dateOrder,
  mapping: o.mapping,
  headerRow: o.headerRow,
  headerRows: o.headerRows,
  customerFromGroup: o.customerFromGroup,
});

const reportFields = (
  r: Pick<LedgerParse, 'reconciliation' | 'stats' | 'skipped' | 'headerRow' | 'customerFromGroup' | 'reportDate'>,
) => ({
  reconciliation: r.reconciliation,
  stats: r.stats,
  skipped: r.skipped,
  headerRow: r.headerRow,
  customerFromGroup: r.customerFromGroup,
  ...(r.reportDate && { reportDate: r.reportDate }),
});

export async function readLedgerFile(file: Blob, fileName: string, o: ReadOptions = {}): Promise<ParsedFile> {
  const opts = readOpts(fileName, o);
  if (file.size <= SMALL_FILE_BYTES || isWorkbook(fileName)) {
    o.onProgress?.({ fraction: 0, rows: 0, errors: 0 });
    const r = await runRead({ op: 'parse', file, opts }, { signal: o.signal });
    o.onProgress?.({ fraction: 1, rows: r.rows.length, errors: r.errors.length });
    return {
      fileName,
      format: r.format,
      preset: r.preset,
      headers: r.headers,
      mapping: r.mapping,
      rows: r.rows,
      rowCount: r.rows.length,
      errors: r.errors.slice(0, MAX_ERRORS_KEPT),
      errorCount: r.errors.length,
      warnings: r.warnings,
      notes: r.notes,
      needsDateOrder: r.needsDateOrder,
      aborted: false,
      ...reportFields(r),
    };
  }
  const errors: LedgerError[] = [];
  let errorCount = 0;
  // Rows per customer name (a few bytes per customer, not per row): the import reads the file once per group of
  // customers so that it writes each customer's ledger once (lib/db/import customerGroups).
  const rowsPerCustomer = new Map<string, number>();
  const summary = await runRead(
    { op: 'count', file, opts },
    {
      signal: o.signal,
      onChunk: (c) => {
        for (const [name, n] of c.customers) rowsPerCustomer.set(name, (rowsPerCustomer.get(name) ?? 0) + n);
        errorCount += c.errors.length;
        for (const e of c.errors) if (errors.length < MAX_ERRORS_KEPT) errors.push(e);
        o.onProgress?.({ fraction: c.fraction, rows: c.rows, errors: c.errorsSoFar });
      },
    },
  );
  return {
    fileName,
    format: summary.format,
    preset: summary.preset,
    headers: summary.headers,
    mapping: summary.mapping,
    rows: [],
    rowCount: summary.rows,
    source: groupedSource(file, opts, customerGroups(rowsPerCustomer)),
    errors: errors.sort((a, b) => a.row - b.row),
    errorCount,
    warnings: summary.warnings,
    notes: summary.notes,
    needsDateOrder: summary.needsDateOrder,
    aborted: summary.aborted,
    ...reportFields(summary),
  };
}

/**
 * The import's source for a streamed file: the whole file in one pass when its customers fit one group, else one
 * pass per group of customers, handing over only that group's rows.
 */
export function groupedSource(
  file: Blob,
  opts: Parameters<typeof parseLedgerChunks>[1],
  groups: string[][],
): LedgerRowSource {
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
export async function previewFile(file: Blob, fileName: string, n = 8, o: ReadOptions = {}): Promise<LedgerPreview> {
  return runRead({ op: 'preview', file, n, opts: readOpts(fileName, o) }, { signal: o.signal });
}

/**
 * The rows as they would be imported with the mapping screen's choices, with their totals, customers, dates and
 * the lines skipped — of the whole file when it is small, of its head when it is large (`partial`).
 */
export async function previewImport(
  file: Blob,
  fileName: string,
  o: ReadOptions,
): Promise<LedgerParse & { partial: boolean }> {
  const partial = file.size > SMALL_FILE_BYTES && !isWorkbook(fileName);
  return {
    ...(await runRead({ op: 'parse', file, head: true, opts: readOpts(fileName, o) }, { signal: o.signal })),
    partial,
  };
}
