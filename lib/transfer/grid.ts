/**
 * A file → a grid of cells (rows of text or numbers), whatever it is: CSV/TSV/TXT text in any of the encodings
 * Chinese and Western ERPs write, an XLSX or legacy XLS workbook (the sheet whose header is recognisable), or
 * — refused with what it really is — a PDF, an image, a Word file or an archive renamed .xlsx. Workbooks are
 * checked against the read limits (lib/transfer/limits.ts) before SheetJS sees them.
 */
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { decodeBytes, MESSAGES } from './decode';
import { checkZip, DEFAULT_LIMITS, type LimitBreach, type ReadLimits } from './limits';
import type { FileKind, LedgerErrorCode, LedgerErrorParams } from './errors';
import { parseDateValue } from './values';
import { localDay } from '../ledger/dates';

export type Cell = string | number;

export interface Grid {
  records: Cell[][];
  format: 'csv' | 'xlsx' | 'xls';
  encoding?: string;
  sheetName?: string;
  quoteErrors: Array<{ row: number; message: string; cause: string }>;
}

export interface GridError {
  row: 0;
  code: LedgerErrorCode;
  message: string;
  params?: LedgerErrorParams;
}

export const DELIMITERS = [',', '\t', ';', '|'];

export function csvRecords(
  text: string,
  preview?: number,
): { records: string[][]; quoteErrors: Grid['quoteErrors']; delimiter: string } {
  const res = Papa.parse<string[]>(text, { skipEmptyLines: false, preview, delimitersToGuess: DELIMITERS });
  const quoteErrors = res.errors
    .filter((e) => e.type === 'Quotes' && e.row !== undefined)
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      message: `Row ${(e.row ?? 0) + 1}: a quoted cell is never closed (${e.message})`,
      cause: e.message,
    }));
  return { records: res.data, quoteErrors, delimiter: res.meta.delimiter };
}

// ------------------------------------------------------------------------------------------ what a file really is

export type { FileKind };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, Math.min(n, b.length)));

/** The kind of a file that is certainly not a spreadsheet or text, from its first bytes; undefined otherwise. */
export function sniffForeign(b: Uint8Array): FileKind | undefined {
  const head = ascii(b, 8);
  if (head.startsWith('%PDF')) return 'pdf';
  if (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    head.startsWith('BM') ||
    (head.startsWith('RIFF') && ascii(b.subarray(8), 4) === 'WEBP')
  )
    return 'image';
  if (head.startsWith('Rar!') || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(b, [0x1f, 0x8b]))
    return 'archive';
  if (head.startsWith('MZ') || startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: a workbook has xl/ entries; Word and PowerPoint files are zips too. The central directory lists every
    // name, so the names are searched in the whole file (without inflating anything).
    const names = zipNames(b);
    if (names.some((n) => n.startsWith('xl/'))) return undefined;
    if (names.some((n) => n.startsWith('word/'))) return 'word';
    if (names.some((n) => n.startsWith('ppt/'))) return 'presentation';
    // No readable entry names: a damaged file, which the workbook reader reports as such.
    return names.length ? 'archive' : undefined;
  }
  return undefined;
}

/** Entry names from a zip's local headers (enough to tell a workbook from another zip). */
function zipNames(b: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = 0; i + 30 < b.length && names.length < 4000; i++) {
    if (
      b[i] === 0x50 &&
      b[i + 1] === 0x4b &&
      ((b[i + 2] === 0x03 && b[i + 3] === 0x04) || (b[i + 2] === 0x01 && b[i + 3] === 0x02))
    ) {
      const central = b[i + 2] === 0x01;
      const lenAt = central ? i + 28 : i + 26;
      const nameAt = central ? i + 46 : i + 30;
      const len = b[lenAt] | (b[lenAt + 1] << 8);
      if (len > 0 && len < 512 && nameAt + len <= b.length)
        names.push(new TextDecoder().decode(b.subarray(nameAt, nameAt + len)));
      if (names.some((n) => n.startsWith('xl/'))) break;
    }
  }
  return names;
}

const extensionOf = (fileName?: string) => /\.([A-Za-z0-9]{1,5})$/.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';

export function foreignFileError(kind: FileKind, fileName?: string): GridError {
  const ext = extensionOf(fileName);
  const what = {
    pdf: 'a PDF document',
    image: 'an image',
    word: 'a Word document',
    presentation: 'a PowerPoint file',
    archive: 'an archive (zip/rar/7z/gzip)',
    executable: 'a program',
  }[kind];
  return {
    row: 0,
    code: 'wrong-file-type',
    message: `This file is ${what}, not a spreadsheet${ext ? ` (although its name ends in .${ext})` : ''}; export the report from your system as Excel or CSV.`,
    params: { detected: kind, extension: ext },
  };
}

export function limitError(b: LimitBreach): GridError {
  const text: Record<LimitBreach['problem'], string> = {
    'inflated-size': `The workbook unpacks to more than ${Math.round(b.limit / 2 ** 20)} MB; it is refused (a normal ledger is far smaller). Export it as CSV, or split it.`,
    'cell-count': `The workbook holds more than ${b.limit.toLocaleString('en-US')} cells; it is refused. Export it as CSV, or split it.`,
    'column-count': `A row has more than ${b.limit.toLocaleString('en-US')} columns; it is refused.`,
    'record-length': `A row is longer than ${Math.round(b.limit / 1024)} KB (a quoted cell may never be closed); the file is refused.`,
    'entry-count': `The workbook holds more than ${b.limit.toLocaleString('en-US')} files inside its zip; it is refused (a workbook holds tens).`,
    'corrupt-zip':
      'The workbook is damaged (its zip structure cannot be read); open it in Excel and save it again as XLSX.',
  };
  return {
    row: 0,
    code: b.problem === 'corrupt-zip' ? 'unreadable-workbook' : 'over-limit',
    message: text[b.problem],
    params: { limit: b.limit, limitProblem: b.problem },
  };
}

// ------------------------------------------------------------------------------------------ workbooks

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
      return localDay(cell.v as Date);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    default:
      return cell.v === undefined || cell.v === null ? '' : String(cell.v);
  }
}

/**
 * A dense sheet → rows. Only the cells that exist are visited (a sheet that declares A1:XFD1048576 costs what it
 * holds), rows are cut at the last cell with content, and a row wider than the column limit is an error.
 */
function sheetGrid(ws: XLSX.WorkSheet, limits: ReadLimits): Cell[][] | LimitBreach {
  const data = (ws as unknown as { '!data'?: Array<Array<XLSX.CellObject | undefined> | undefined> })['!data'] ?? [];
  const out: Cell[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      out.push([]);
      continue;
    }
    let last = src.length - 1;
    while (last >= 0 && (!src[last] || src[last]!.v === undefined || src[last]!.v === '')) last--;
    if (last + 1 > limits.maxColumns) return { problem: 'column-count', limit: limits.maxColumns, found: last + 1 };
    const row: Cell[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) row[c] = src[c] ? cellValue(src[c]!) : '';
    out.push(row);
  }
  return out;
}

/**
 * Reads a workbook within the limits. `pickSheet` scores a sheet's rows (the header's fields); the best is kept,
 * a sheet scoring `goodEnough` stops the search.
 */
export function workbookGrid(
  bytes: Uint8Array,
  format: 'xlsx' | 'xls',
  pickSheet: (rows: Cell[][]) => number,
  opts: {
    limits?: ReadLimits;
    previewRows?: number;
    goodEnough?: number;
  } = {},
): Grid | GridError {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (format === 'xlsx') {
    const breach = checkZip(bytes, limits);
    if (breach) return limitError(breach);
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      cellNF: true,
      cellDates: false,
      dense: true,
      sheetRows: opts.previewRows ? opts.previewRows + 1 : 0,
    });
  } catch (e) {
    return {
      row: 0,
      code: format === 'xlsx' ? 'unreadable-workbook' : 'binary-file',
      message: `The spreadsheet could not be read (${(e as Error).message}); open it in Excel and save it again as XLSX.`,
      params: { cause: (e as Error).message },
    };
  }
  let best: { name: string; grid: Cell[][]; score: number } | undefined;
  for (const name of wb.SheetNames) {
    const grid = sheetGrid(wb.Sheets[name], limits);
    if (!Array.isArray(grid)) return limitError(grid);
    const score = pickSheet(grid);
    if (!best || score > best.score) best = { name, grid, score };
    if (score >= (opts.goodEnough ?? 4)) break;
  }
  return { records: best?.grid ?? [], format, sheetName: best?.name, quoteErrors: [] };
}

/** Any input → a grid, or the reason it cannot be one. */
export function loadGrid(
  input: string | ArrayBuffer | Uint8Array,
  pickSheet: (rows: Cell[][]) => number,
  opts: {
    fileName?: string;
    limits?: ReadLimits;
    previewRows?: number;
  } = {},
): Grid | GridError {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (typeof input === 'string') {
    if (input.length === 0) return { row: 0, code: 'empty-file', message: MESSAGES.empty };
    const { records, quoteErrors } = csvRecords(input.replace(/^\ufeff/, ''), opts.previewRows);
    return checkRecords({ records, format: 'csv', quoteErrors }, limits);
  }
  const b = input instanceof Uint8Array ? input : new Uint8Array(input);
  const foreign = b.length ? sniffForeign(b) : undefined;
  if (foreign) return foreignFileError(foreign, opts.fileName);
  const d = decodeBytes(b);
  if (d.kind === 'error') return { row: 0, code: d.code, message: d.message };
  if (d.kind === 'text') {
    const { records, quoteErrors } = csvRecords(d.text, opts.previewRows);
    return checkRecords({ records, format: 'csv', encoding: d.encoding, quoteErrors }, limits);
  }
  return workbookGrid(d.bytes, d.format, pickSheet, { limits, previewRows: opts.previewRows });
}

function checkRecords(g: Grid, limits: ReadLimits): Grid | GridError {
  for (const r of g.records) {
    if (r.length > limits.maxColumns)
      return limitError({ problem: 'column-count', limit: limits.maxColumns, found: r.length });
    let chars = 0;
    for (const c of r) chars += typeof c === 'string' ? c.length : 8;
    if (chars > limits.maxRecordChars)
      return limitError({ problem: 'record-length', limit: limits.maxRecordChars, found: chars });
  }
  return g;
}
