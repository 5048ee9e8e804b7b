import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { parseLedger, previewRows, suggestMapping } from '../../../lib/transfer';

const dir = join(__dirname, '../../fixtures/ledgers');
const bytes = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
const rowsOf = (f: string, opts = {}) => parseLedger(bytes(f), opts);

describe('parseLedger: presets', () => {
  it('generic Chinese headers, UTF-8, with BOM and in GB18030 give the same rows', () => {
    const plain = rowsOf('generic-zh.csv');
    expect(plain.preset).toBe('generic');
    expect(plain.errors).toEqual([]);
    expect(plain.rows[0]).toMatchObject({
      row: 2,
      customerName: '杭州云帆科技有限公司',
      invoiceNumber: '0031000001',
      issueDate: '2024-01-05',
      dueDate: '2024-02-04',
      amount: { minor: 12_000_000, currency: 'CNY' },
      open: { minor: 8_000_000, currency: 'CNY' },
      paid: { minor: 4_000_000, currency: 'CNY' },
    });
    expect(plain.rows[1]).toMatchObject({ issueDate: '2024-01-08', amount: { minor: 1_500_000, currency: 'CNY' } });
    expect(plain.rows[2]).toMatchObject({ currency: 'USD', amount: { minor: 1_240_000, currency: 'USD' } });
    const bom = rowsOf('generic-zh-bom.csv');
    const gb = rowsOf('generic-zh-gb18030.csv');
    expect(gb.encoding).toBe('gb18030');
    expect(bom.rows).toEqual(plain.rows);
    expect(gb.rows).toEqual(plain.rows);
  });

  it('UTF-16 with a BOM and a plain string input', () => {
    const text = readFileSync(join(dir, 'generic-zh.csv'), 'utf8');
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(parseLedger(le).rows).toEqual(rowsOf('generic-zh.csv').rows);
    expect(parseLedger(text).rows).toEqual(rowsOf('generic-zh.csv').rows);
    expect(parseLedger(text, { currency: 'USD' }).rows.length).toBe(3);
  });

  it('QuickBooks A/R Aging Detail: title lines, group and total rows, credit memos, payment rows', () => {
    const r = rowsOf('quickbooks-ar-aging-detail.csv', { currency: 'USD' });
    expect(r.preset).toBe('quickbooks-ar-aging-detail');
    expect(r.headerRow).toBe(5);
    expect(r.errors).toEqual([]);
    expect(
      r.rows.map((x) => [x.row, x.invoiceNumber, x.kind, x.dueDate, x.amount.minor, x.open?.minor, x.currency]),
    ).toEqual([
      [7, '1045', 'invoice', '2024-04-14', 125_000, 125_000, 'USD'],
      [10, '1032', 'invoice', '2024-03-11', 340_000, 240_000, 'USD'],
      [11, 'CM-7', 'credit-note', '2024-02-20', 20_000, undefined, 'USD'],
      [12, 'PMT 2024-02-25 50000', 'credit-note', '2024-02-25', 50_000, undefined, 'USD'],
    ]);
    expect(r.rows[3].source).toBe('payment');
    expect(r.notes).toContainEqual({ code: 'payments-as-credits', count: 1 });
    // 1,250.00 + 2,400.00 − 200.00 − 500.00 = the file's TOTAL open balance, 2,950.00.
    expect(r.reconciliation).toEqual([
      { currency: 'USD', imported: 295_000, fileTotal: 295_000, difference: 0, totalRow: 14 },
    ]);
  });

  it('Xero invoice export and Aged Receivables (day-first dates, total rows skipped)', () => {
    const inv = rowsOf('xero-invoices.csv');
    expect(inv.preset).toBe('xero-invoices');
    expect(inv.rows[1]).toMatchObject({
      customerName: 'Boom FM',
      issueDate: '2024-03-01',
      dueDate: '2024-03-31',
      currency: 'NZD',
      amount: { minor: 100_000 },
      paid: { minor: 40_000 },
      open: { minor: 60_000 },
    });
    const aged = rowsOf('xero-aged-receivables.csv', { currency: 'NZD' });
    expect(aged.preset).toBe('xero-aged-receivables');
    expect(aged.rows.map((x) => [x.invoiceNumber, x.issueDate, x.dueDate, x.open?.minor])).toEqual([
      ['IV1242016', '2018-05-13', '2018-06-22', 10_000],
      ['INV-0086', '2019-04-23', '2019-05-07', 5_000],
    ]);
    expect(aged.errors).toEqual([]);
  });

  it('Kingdee, Yonyou (tab-separated), SAP FBL5N (semicolons, decimal commas), IBM sample', () => {
    const k = rowsOf('kingdee.csv');
    expect(k.preset).toBe('kingdee');
    expect(k.rows.map((x) => [x.invoiceNumber, x.kind, x.amount.minor, x.paid?.minor, x.open?.minor])).toEqual([
      ['AR00000123', 'invoice', 5_650_000, 650_000, 5_000_000],
      ['AR00000124', 'credit-note', 113_000, undefined, undefined],
    ]);
    const y = rowsOf('yonyou.tsv');
    expect(y.preset).toBe('yonyou');
    expect(y.rows[1]).toMatchObject({
      invoiceNumber: 'YS-000046',
      currency: 'USD',
      amount: { minor: 120_000 },
      paid: { minor: 100_000 },
    });
    const s = rowsOf('sap-fbl5n.csv');
    expect(s.preset).toBe('sap-fbl5n');
    expect(s.decimalComma).toBe(true);
    expect(
      s.rows.map((x) => [x.customerId, x.invoiceNumber, x.dueDate, x.amount.minor, x.kind, x.contractRef]),
    ).toEqual([
      ['100045', '1800000123', '2024-02-14', 1_234_567, 'invoice', 'PO-4471'],
      ['100045', '1800000124', '2024-02-19', 100_000, 'credit-note', 'PO-4472'],
    ]);
    const ibm = rowsOf('ibm-sample.csv');
    expect(ibm.preset).toBe('ibm-ar');
    expect(ibm.rows[1]).toMatchObject({
      customerName: '2222-BBBBB',
      invoiceNumber: '0000987654',
      issueDate: '2013-01-26',
      dueDate: '2013-02-25',
      amount: { minor: 7305, currency: 'USD' },
      paid: { minor: 7305 },
      settledDate: '2013-03-13',
      disputed: true,
    });
  });

  it('suggests a mapping and previews rows for the mapping screen', () => {
    expect(suggestMapping(['Kunde', 'Customer Name', 'Invoice No', 'Due', 'Total']).mapping).toEqual({
      customerName: 1,
      invoiceNumber: 2,
      dueDate: 3,
      amount: 4,
    });
    const p = previewRows(bytes('kingdee.csv'), 1);
    expect(p).toMatchObject({
      headerRow: 1,
      preset: 'kingdee',
      rows: [
        [
          'AR00000123',
          '2024-01-15',
          '2024-03-15',
          '北京华兴科技有限公司',
          '人民币',
          '56,500.00',
          '6,500.00',
          '50,000.00',
          '标准应收单',
        ],
      ],
    });
  });

  it('a caller mapping replaces detection', () => {
    const csv = 'A,B,C,D\nAcme,X-1,2024-05-01,100\n';
    expect(parseLedger(csv).errors[0].code).toBe('missing-columns');
    const r = parseLedger(csv, {
      mapping: { customerName: 0, invoiceNumber: 1, dueDate: 2, amount: 3 },
      currency: 'USD',
    });
    expect(r.rows).toEqual([
      {
        row: 2,
        customerName: 'Acme',
        invoiceNumber: 'X-1',
        kind: 'invoice',
        issueDate: '2024-05-01',
        dueDate: '2024-05-01',
        amount: { minor: 10_000, currency: 'USD' },
        currency: 'USD',
      },
    ]);
  });
});

describe('parseLedger: date order', () => {
  it('asks for the order when nothing in a generic file decides it', () => {
    const csv = 'Customer,Invoice,Due Date,Amount\nAcme,1,3/1/2024,10\nAcme,2,4/2/2024,10\n';
    const r = parseLedger(csv);
    expect(r.needsDateOrder).toBe(true);
    expect(r.errors[0]).toEqual({
      row: 2,
      field: 'dueDate',
      column: 'Due Date',
      code: 'ambiguous-date',
      message: 'Row 2, column "Due Date": "3/1/2024" could be day/month or month/day; choose the date order',
      params: { value: '3/1/2024', problem: 'ambiguous' },
    });
    expect(parseLedger(csv, { dateOrder: 'dmy' }).rows.map((x) => x.dueDate)).toEqual(['2024-01-03', '2024-02-04']);
    expect(parseLedger(csv + 'Acme,3,25/2/2024,10\n').rows.map((x) => x.dueDate)).toEqual([
      '2024-01-03',
      '2024-02-04',
      '2024-02-25',
    ]);
  });
});

describe('parseLedger: errors', () => {
  it('0-byte, binary and header-less files', () => {
    expect(rowsOf('empty.csv').errors).toEqual([
      { row: 0, code: 'empty-file', message: 'The file is empty (0 bytes).' },
    ]);
    expect(rowsOf('binary.bin').errors).toEqual([
      {
        row: 0,
        code: 'binary-file',
        message:
          'This file is neither a spreadsheet (XLSX/XLS) nor a text file (CSV/TSV); open it in Excel and save it as XLSX or CSV.',
      },
    ]);
    expect(rowsOf('no-columns.csv').errors[0].message).toBe(
      'No recognisable columns: the file needs at least customer, document number, due date and amount columns (for example 客户名称, 单据编号, 到期日, 金额).',
    );
    expect(parseLedger('Customer,Invoice,Notes\nAcme,1,x\n').errors[0]).toEqual({
      row: 1,
      code: 'missing-columns',
      message: 'No column found for: due date, amount. Columns in the file: "Customer", "Invoice", "Notes".',
      params: { missing: ['due-date', 'amount'], columns: ['Customer', 'Invoice', 'Notes'] },
    });
  });

  it('bad rows: each error names the row, the column and why', () => {
    const r = rowsOf('bad-rows.csv');
    expect(r.errors.map((e) => e.message)).toEqual([
      'Row 2, column "Due Date": "31/02/2024" is not a real date',
      'Row 3, column "Amount": "12x.00" is not an amount',
      'Row 4, column "Amount": "$50.00" is not in CNY, the row\'s currency',
      'Row 5 has 4 fields; the header row has 5.',
    ]);
    expect(r.errors.map((e) => e.code)).toEqual(['invalid-date', 'invalid-amount', 'currency-conflict', 'field-count']);
    // Row 2 was rejected, so row 6 (the same document, corrected) is no duplicate of it.
    expect(r.rows.map((x) => [x.row, x.invoiceNumber])).toEqual([
      [6, 'A-1'],
      [7, 'B-1'],
    ]);
    expect(r.stats.rowsWithErrors).toBe(4);
  });

  it('an unknown currency code and an unclosed quote', () => {
    const r = parseLedger(
      'Customer,Invoice,Due Date,Amount,Currency\nAcme,1,2024-01-01,10,??\nAcme,2,2024-01-01,"10,CNY\n',
    );
    expect(r.errors.map((e) => e.code)).toEqual(['invalid-currency', 'broken-quotes']);
    expect(r.errors[0].message).toBe('Row 2, column "Currency": "??" is not a currency code');
  });
});

describe('parseLedger: XLSX', () => {
  const header = ['客户名称', '单据编号', '单据日期', '到期日', '金额', '币种'];

  it('shared strings, real date cells, serial numbers in General cells, dates as text, text document numbers', () => {
    const ws = XLSX.utils.aoa_to_sheet(
      [
        ['应收明细'],
        [],
        header,
        ['北京华兴科技有限公司', '000123', new Date(Date.UTC(2024, 0, 15)), '2024/3/15', 56500.5, '人民币'],
        ['北京华兴科技有限公司', '000124', 45352, 45383, '1.5万', 'CNY'],
      ],
      { cellDates: true, UTC: true },
    );
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['notes']]), '说明');
    XLSX.utils.book_append_sheet(wb, ws, '应收');
    const buf = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer;
    const r = parseLedger(buf, { fileName: 'ar.xlsx' });
    expect(r.format).toBe('xlsx');
    expect(r.sheetName).toBe('应收');
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.rows.map((x) => [x.row, x.invoiceNumber, x.issueDate, x.dueDate, x.amount.minor])).toEqual([
      [4, '000123', '2024-01-15', '2024-03-15', 5_650_050],
      [5, '000124', '2024-03-01', '2024-04-01', 1_500_000],
    ]);
  });

  it('inline strings (no sharedStrings part), zipped by hand', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'S');
    const zip = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
    const is = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const cols = 'ABCDEF';
    const sheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1">${header.map((h, i) => is(`${cols[i]}1`, h)).join('')}</row>` +
      `<row r="2">${is('A2', '深圳瑞信电子有限公司')}${is('B2', '0000045')}${is('C2', '2024-01-20')}${is('D2', '2024年2月19日')}<c r="E2"><v>88000.1</v></c>${is('F2', '人民币')}</row>` +
      `</sheetData></worksheet>`;
    XLSX.CFB.utils.cfb_add(zip, '/xl/worksheets/sheet1.xml', new TextEncoder().encode(sheet));
    const u8 = new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Uint8Array);
    expect(zip.FullPaths.some((p: string) => p.includes('sharedStrings'))).toBe(false);
    const r = parseLedger(u8);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        customerName: '深圳瑞信电子有限公司',
        invoiceNumber: '0000045',
        kind: 'invoice',
        issueDate: '2024-01-20',
        dueDate: '2024-02-19',
        amount: { minor: 8_800_010, currency: 'CNY' },
        currency: 'CNY',
      },
    ]);
  });

  it('a broken zip is reported, not thrown', () => {
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseLedger(junk).errors[0].code).toBe('unreadable-workbook');
  });
});
