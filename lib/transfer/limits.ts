/**
 * Bounds on what reading one file may cost (issue #20): a workbook is a zip, and a zip of a few kilobytes can
 * inflate to gigabytes (a "zip bomb"); a sheet can declare a million columns; a CSV can be one endless line.
 * Before SheetJS sees a workbook, every entry is inflated here with fflate, counting the bytes and the cells it
 * holds, and stopped as soon as a limit is passed — so a file over a limit is refused with a clear error instead
 * of taking the page (or the worker) down.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export interface ReadLimits {
  /** Bytes a workbook's entries may inflate to, all together. */
  maxInflatedBytes: number;
  /** Cells in the sheets of a workbook. */
  maxCells: number;
  /** Columns in one row (CSV record or sheet row). */
  maxColumns: number;
  /** Characters in one CSV record (a quoted cell that is never closed grows one record without end). */
  maxRecordChars: number;
  /** Entries in a workbook's zip (a real workbook has tens; a bomb can have a hundred thousand empty ones). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 6_000_000,
  maxColumns: 1_000,
  maxRecordChars: 1024 * 1024,
  maxEntries: 5_000,
};

export type LimitProblem =
  'inflated-size' | 'cell-count' | 'column-count' | 'record-length' | 'entry-count' | 'corrupt-zip';

export interface LimitBreach {
  problem: LimitProblem;
  limit: number;
  found?: number;
}

/** "<c " or "<c>" in sheet XML: one cell each (a tag cut at a chunk's edge is missed; the count is a bound). */
function countCells(chunk: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < chunk.length - 2; i++) {
    if (chunk[i] === 0x3c && chunk[i + 1] === 0x63 && (chunk[i + 2] === 0x20 || chunk[i + 2] === 0x3e)) n++;
  }
  return n;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/**
 * What a zip's central directory declares: its entries and the sum of their uncompressed sizes, read without
 * inflating anything. Undefined when the file has no readable end-of-directory record (a damaged or truncated zip,
 * left to the inflating check). Declared sizes can lie — a bomb can declare small sizes — so this only refuses
 * early what is declared too big; the inflating check counts the real bytes.
 */
export function zipDirectory(b: Uint8Array): { entries: number; declaredBytes: number } | undefined {
  const min = Math.max(0, b.length - 22 - 0xffff);
  let end = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const total = u16(b, end + 10);
  let at = u32(b, end + 16);
  let entries = 0;
  let declaredBytes = 0;
  // Walks the directory itself (a zip64 file's 16-bit count is 0xffff; the walk counts what is really there).
  while (at + 46 <= b.length && u32(b, at) === 0x02014b50) {
    entries++;
    const size = u32(b, at + 24);
    if (size !== 0xffffffff) declaredBytes += size; // zip64: the real size is in an extra field; the inflating check counts it
    at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32);
  }
  return { entries: Math.max(entries, total === 0xffff ? 0 : total), declaredBytes };
}

/**
 * Checks a zip against the limits and reports the first it passes: first what its directory declares (the number
 * of entries, their total uncompressed size), then by inflating every entry without keeping it and counting the
 * real bytes and the cells of the sheets. Returns undefined when the workbook is within every limit.
 */
export function checkZip(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): LimitBreach | undefined {
  const dir = zipDirectory(bytes);
  if (dir && dir.entries > limits.maxEntries)
    return { problem: 'entry-count', limit: limits.maxEntries, found: dir.entries };
  if (dir && dir.declaredBytes > limits.maxInflatedBytes)
    return { problem: 'inflated-size', limit: limits.maxInflatedBytes, found: dir.declaredBytes };
  let inflated = 0;
  let cells = 0;
  let breach: LimitBreach | undefined;
  const files: UnzipFile[] = [];
  const unzip = new Unzip((file) => {
    if (breach) return;
    if (files.length >= limits.maxEntries) {
      // Local headers without a directory that says so (a directory can be left out or lie).
      breach = { problem: 'entry-count', limit: limits.maxEntries, found: files.length + 1 };
      for (const f of files) f.terminate();
      return;
    }
    const isSheet = /^xl\/worksheets\/.*\.xml$/i.test(file.name);
    files.push(file);
    file.ondata = (err, chunk) => {
      if (breach) return;
      if (err) {
        breach = { problem: 'corrupt-zip', limit: 0 };
        return;
      }
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes) {
        breach = { problem: 'inflated-size', limit: limits.maxInflatedBytes, found: inflated };
        for (const f of files) f.terminate();
        return;
      }
      if (isSheet) {
        cells += countCells(chunk);
        if (cells > limits.maxCells) {
          breach = { problem: 'cell-count', limit: limits.maxCells, found: cells };
          for (const f of files) f.terminate();
        }
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Fed in slices, so a breach stops the inflating early instead of after the whole archive.
    const step = 64 * 1024; // deflate inflates at most ~1,000×: at most ~64 MB per slice
    for (let i = 0; i < bytes.length && !breach; i += step)
      unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch {
    breach ??= { problem: 'corrupt-zip', limit: 0 };
  }
  return breach;
}
