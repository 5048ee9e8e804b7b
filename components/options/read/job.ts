/**
 * What the ledger reader does with a file, as plain data in and out, so that it can run in a dedicated worker
 * (read/parse.worker.ts, started by read/client.ts) and — where there is no Worker (the unit tests' DOM) — in
 * the page, through the same code. Reading is the one step that meets a hostile file: a workbook is inflated and
 * checked against the read limits (lib/transfer/limits.ts) here, so however long that takes, and whatever the
 * file makes the reader do, the options page's own thread keeps painting and its Cancel button stays live.
 */
import {
  type ChunkSummary,
  type LedgerError,
  type LedgerParse,
  type LedgerPreview,
  type ParseLedgerOptions,
  parseLedger,
  parseLedgerChunks,
  previewRows,
} from '@/lib/transfer';

/** Above this size a text file is streamed in chunks (and only its head is read for previews). */
export const SMALL_FILE_BYTES = 2 * 1024 * 1024;

export type ReadJob =
  /** The whole file (or, `head`, the head of a large text file) parsed in one go. */
  | { op: 'parse'; file: Blob; head?: boolean; opts: ParseLedgerOptions }
  /** Header and first rows for the mapping screen. */
  | { op: 'preview'; file: Blob; n: number; opts: ParseLedgerOptions }
  /** A large text file streamed: rows counted per customer and checked, not kept. */
  | { op: 'count'; file: Blob; opts: ParseLedgerOptions };

export type ReadResult<J extends ReadJob> = J extends { op: 'parse' }
  ? LedgerParse
  : J extends { op: 'preview' }
    ? LedgerPreview
    : ChunkSummary;

/** One streamed chunk's findings: new rows per customer, the chunk's errors, the progress so far. */
export interface CountChunk {
  customers: Array<[string, number]>;
  errors: LedgerError[];
  fraction: number;
  rows: number;
  errorsSoFar: number;
}

export const isWorkbook = (name: string) => /\.xlsx?$/i.test(name);

async function bytesOf(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Response(file).arrayBuffer();
}

/** The head of a large text file (whole records only), or the whole of a small file or a workbook. */
export async function headOf(file: Blob, fileName: string): Promise<Uint8Array> {
  if (file.size <= SMALL_FILE_BYTES || isWorkbook(fileName)) return new Uint8Array(await bytesOf(file));
  const b = new Uint8Array(await bytesOf(file.slice(0, 256 * 1024)));
  const end = b.lastIndexOf(0x0a);
  return end > 0 ? b.subarray(0, end) : b;
}

export async function runReadJob<J extends ReadJob>(
  job: J,
  onChunk: (c: CountChunk) => void = () => undefined,
): Promise<ReadResult<J>> {
  const fileName = job.opts.fileName ?? '';
  switch (job.op) {
    case 'parse':
      return parseLedger(
        job.head ? await headOf(job.file, fileName) : await bytesOf(job.file),
        job.opts,
      ) as ReadResult<J>;
    case 'preview':
      return previewRows(await headOf(job.file, fileName), job.n, job.opts) as ReadResult<J>;
    case 'count':
      return (await parseLedgerChunks(job.file, job.opts, (rows, errors, p) => {
        const customers = new Map<string, number>();
        for (const r of rows) customers.set(r.customerName, (customers.get(r.customerName) ?? 0) + 1);
        onChunk({
          customers: [...customers],
          errors,
          fraction: p.fraction,
          rows: p.rowsSoFar,
          errorsSoFar: p.errorsSoFar,
        });
      })) as ReadResult<J>;
  }
}
