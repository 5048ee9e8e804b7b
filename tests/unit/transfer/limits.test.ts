/**
 * The read limits on a workbook's zip (lib/transfer/limits.ts, issue #20), on zips generated here with fflate:
 * a real workbook (the Odoo OCA aged partner balance of tests/fixtures/ledgers/reports, see SOURCES.md there)
 * passes every limit; a zip bomb is refused by what its directory declares and — when the directory lies — by
 * counting the inflated bytes; a zip of many empty entries is refused by its entry count, from its directory or
 * (when it has none) from its local headers; a sheet with too many cells by counting them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { DEFAULT_LIMITS, checkZip, parseLedger, zipDirectory } from '../../../lib/transfer';
import { ledgerErrorText } from '../../../components/options/problems';
import { translator } from '../../../lib/i18n';

const realWorkbook = new Uint8Array(
  readFileSync(join(__dirname, '../../fixtures/ledgers/reports/odoo-oca-aged-partner-balance.xlsx')),
);

const bombs = new Map<number, Uint8Array>();
/** A zip streamed entry by entry: `size` bytes of spaces for the sheet, deflated at level 9 (made once per size). */
function bomb(sheetBytes: number): Uint8Array {
  if (!bombs.has(sheetBytes)) bombs.set(sheetBytes, makeBomb(sheetBytes));
  return bombs.get(sheetBytes)!;
}

function makeBomb(sheetBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(new TextEncoder().encode(text), true);
  };
  add('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  add('xl/workbook.xml', '<workbook><sheets><sheet name="A" sheetId="1"/></sheets></workbook>');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  const block = new Uint8Array(1 << 20).fill(0x20);
  const n = Math.ceil(sheetBytes / block.length);
  for (let i = 0; i < n; i++) sheet.push(block, i === n - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The directory's declared uncompressed sizes set to `size` (a bomb that lies about itself). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const b = zip.slice();
  for (let i = 0; i + 46 < b.length; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02)
      new DataView(b.buffer).setUint32(i + 24, size, true);
  }
  return b;
}

/** The zip without its central directory (local headers only). */
function withoutDirectory(zip: Uint8Array): Uint8Array {
  for (let i = 0; i + 4 < zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) return zip.slice(0, i);
  }
  return zip;
}

const manyEntries = (n: number) => {
  const files: Record<string, Uint8Array> = { 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') };
  for (let i = 0; i < n; i++) files[`xl/media/e${i}.bin`] = new Uint8Array(0);
  return zipSync(files, { level: 0 });
};

describe('read limits on a workbook zip', () => {
  it('a real workbook passes every limit, and its directory is read as it is', () => {
    expect(checkZip(realWorkbook)).toBeUndefined();
    const dir = zipDirectory(realWorkbook)!;
    expect(dir.entries).toBeGreaterThan(5);
    expect(dir.entries).toBeLessThan(100);
    expect(dir.declaredBytes).toBeGreaterThan(realWorkbook.length);
    expect(parseLedger(realWorkbook, { fileName: 'aged.xlsx' }).errors.filter((e) => e.code === 'over-limit')).toEqual(
      [],
    );
  });

  // Bombs of 64 MB against an 8 MB limit: the same shape as the browser test's 300 MB against 256 MB, made faster.
  const small = { ...DEFAULT_LIMITS, maxInflatedBytes: 8 * 2 ** 20 };

  it('a zip bomb is refused from its declared size before anything is inflated', () => {
    const b = bomb(64 * 2 ** 20);
    expect(b.length).toBeLessThan(2 ** 20);
    expect(zipDirectory(b)!.declaredBytes).toBe(64 * 2 ** 20 + 29 + 67);
    const t0 = performance.now();
    expect(checkZip(b, small)).toMatchObject({
      problem: 'inflated-size',
      limit: small.maxInflatedBytes,
      found: 64 * 2 ** 20 + 29 + 67,
    });
    expect(performance.now() - t0).toBeLessThan(200); // no inflating: the directory said it
  });

  it('a bomb whose directory lies is refused by counting the inflated bytes, stopped just past the limit', () => {
    const limits = small;
    const lying = lieAboutSizes(bomb(64 * 2 ** 20), 100);
    expect(zipDirectory(lying)!.declaredBytes).toBe(300);
    const breach = checkZip(lying, limits)!;
    expect(breach.problem).toBe('inflated-size');
    expect(breach.found).toBeGreaterThan(limits.maxInflatedBytes);
    expect(breach.found).toBeLessThan(limits.maxInflatedBytes + 65 * 2 ** 20);
    // Just under the limit it passes: the check is the limit, not a refusal of every big sheet.
    expect(checkZip(lieAboutSizes(bomb(4 * 2 ** 20), 100), limits)).toBeUndefined();
  });

  it('many entries are refused from the directory, and from the local headers when the directory is cut off', () => {
    const many = manyEntries(DEFAULT_LIMITS.maxEntries + 10);
    expect(checkZip(many)).toEqual({
      problem: 'entry-count',
      limit: DEFAULT_LIMITS.maxEntries,
      found: DEFAULT_LIMITS.maxEntries + 11,
    });
    const headless = withoutDirectory(many);
    expect(zipDirectory(headless)).toBeUndefined();
    expect(checkZip(headless)).toMatchObject({ problem: 'entry-count', limit: DEFAULT_LIMITS.maxEntries });
    expect(checkZip(manyEntries(DEFAULT_LIMITS.maxEntries - 1))).toBeUndefined();
  });

  it('too many cells in the sheets are refused', () => {
    const row = '<row>' + '<c r="A1"><v>1</v></c>'.repeat(100) + '</row>';
    const sheet = new TextEncoder().encode(`<worksheet><sheetData>${row.repeat(200)}</sheetData></worksheet>`);
    const zip = zipSync({
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
      'xl/worksheets/sheet1.xml': sheet,
    });
    expect(checkZip(zip, { ...DEFAULT_LIMITS, maxCells: 10_000 })).toMatchObject({
      problem: 'cell-count',
      limit: 10_000,
    });
    expect(checkZip(zip, { ...DEFAULT_LIMITS, maxCells: 20_000 })).toBeUndefined();
  });

  it('a workbook over a limit is refused by the importer with its own text in both languages', () => {
    const cases = [
      { bytes: bomb(64 * 2 ** 20), en: /unpacks to more than 8 MB/, zh: /解压后超过 8 MB/ },
      { bytes: lieAboutSizes(bomb(64 * 2 ** 20), 100), en: /unpacks to more than 8 MB/, zh: /解压后超过 8 MB/ },
      {
        bytes: manyEntries(DEFAULT_LIMITS.maxEntries + 1),
        en: /more than 5,000 files inside it/,
        zh: /超过 5,000 个文件/,
      },
    ];
    for (const c of cases) {
      const r = parseLedger(c.bytes, { fileName: 'ledger.xlsx', limits: small });
      expect(r.rows).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].code).toBe('over-limit');
      expect(ledgerErrorText(r.errors[0], translator('en', 'options'), 'en')).toMatch(c.en);
      expect(ledgerErrorText(r.errors[0], translator('zh', 'options'), 'zh')).toMatch(c.zh);
    }
  });
});
