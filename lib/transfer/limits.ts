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
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 6_000_000,
  maxColumns: 1_000,
  maxRecordChars: 1024 * 1024,
};

export type LimitProblem = 'inflated-size' | 'cell-count' | 'column-count' | 'record-length' | 'corrupt-zip';

export interface LimitBreach { problem: LimitProblem; limit: number; found?: number }

/** "<c " or "<c>" in sheet XML: one cell each (a tag cut at a chunk's edge is missed; the count is a bound). */
function countCells(chunk: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < chunk.length - 2; i++) {
    if (chunk[i] === 0x3c && chunk[i + 1] === 0x63 && (chunk[i + 2] === 0x20 || chunk[i + 2] === 0x3e)) n++;
  }
  return n;
}

/**
 * Inflates every entry of a zip without keeping it, and reports the first limit it passes. Returns undefined when
 * the workbook is within every limit.
 */
export function checkZip(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): LimitBreach | undefined {
  let inflated = 0;
  let cells = 0;
  let breach: LimitBreach | undefined;
  const files: UnzipFile[] = [];
  const unzip = new Unzip((file) => {
    if (breach) return;
    const isSheet = /^xl\/worksheets\/.*\.xml$/i.test(file.name);
    files.push(file);
    file.ondata = (err, chunk) => {
      if (breach) return;
      if (err) { breach = { problem: 'corrupt-zip', limit: 0 }; return; }
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
    for (let i = 0; i < bytes.length && !breach; i += step) unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch {
    breach ??= { problem: 'corrupt-zip', limit: 0 };
  }
  return breach;
}
