import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { translator } from '../../../lib/i18n';
import {
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  agingRowsForExport,
  excelSerial,
  freezeHeader,
  majorNumber,
  parseLedger,
  toCsv,
  toXlsx,
  worklistRowsForExport,
} from '../../../lib/transfer';

describe('export', () => {
  it('CSV is RFC 4180 with a UTF-8 BOM and CRLF, and defuses formulas', () => {
    const csv = toCsv(
      [{ a: '杭州, "云帆"', b: 12.5 }, { a: '=HYPERLINK("x")', b: -3 }, { a: 'line\nbreak' }],
      [{ key: 'a', label: '客户' }, 'b'],
    );
    expect(csv).toBe('\ufeff客户,b\r\n"杭州, ""云帆""",12.5\r\n"\'=HYPERLINK(""x"")",-3\r\n"line\nbreak",\r\n');
  });

  it('amounts are exact in major units', () => {
    expect(majorNumber({ minor: 123456, currency: 'CNY' })).toBe(1234.56);
    expect(majorNumber({ minor: -5, currency: 'CNY' })).toBe(-0.05);
    expect(majorNumber({ minor: 1234, currency: 'JPY' })).toBe(1234);
  });

  it('aging rows with bilingual headers round-trip through XLSX and back into the importer', () => {
    const items = [
      {
        customerName: '杭州云帆',
        docNumber: '000123',
        issueDate: '2024-01-01',
        dueDate: '2024-02-01',
        open: { minor: 50_000, currency: 'CNY' },
        amount: { minor: 80_000, currency: 'CNY' },
      },
    ];
    const zh = agingRowsForExport(items, '2024-03-15', translator('zh'));
    expect(zh.headers.map((h) => h.label)).toEqual([
      '客户',
      '单据编号',
      '单据日期',
      '到期日',
      '逾期天数',
      '币种',
      '单据金额',
      '未收金额',
      '未到期',
      '1–30 天',
      '31–60 天',
      '61–90 天',
      '90 天以上',
      '争议',
      '负责人',
    ]);
    expect(zh.rows[0]).toMatchObject({ daysPastDue: 43, open: 500, b2: 500 });
    expect(agingRowsForExport(items, '2024-03-15', translator('en')).headers[12].label).toBe('Over 90 days');
    const bytes = toXlsx([{ name: '账龄', ...zh }]);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['账龄']);
    const back = parseLedger(bytes);
    expect(back.rows[0]).toMatchObject({
      customerName: '杭州云帆',
      invoiceNumber: '000123',
      dueDate: '2024-02-01',
      amount: { minor: 80_000 },
      open: { minor: 50_000 },
    });
  });

  it('worklist rows', () => {
    const t = worklistRowsForExport(
      [{ customerName: 'Acme', overdue: { minor: 1_000_00, currency: 'USD' }, daysPastDue: 40, nextStep: 'Call' }],
      translator('en'),
    );
    expect(t.rows[0]).toMatchObject({
      rank: 1,
      customer: 'Acme',
      currency: 'USD',
      overdue: 1000,
      daysPastDue: 40,
      nextStep: 'Call',
    });
    expect(worklistRowsForExport([], translator('zh')).headers[3].label).toBe('逾期金额');
  });
});

describe('spreadsheet-grade XLSX', () => {
  const items = [
    {
      customerName: '杭州云帆科技有限公司',
      docNumber: '000123',
      issueDate: '2024-01-01',
      dueDate: '2024-02-01',
      open: { minor: 5_000_050, currency: 'CNY' },
      amount: { minor: 8_000_000, currency: 'CNY' },
    },
    {
      customerName: 'Acme KK',
      docNumber: 'JP-9',
      issueDate: '2024-01-10',
      dueDate: '2024-03-01',
      open: { minor: 1_234_567, currency: 'JPY' },
    },
  ];
  const read = (bytes: Uint8Array) =>
    XLSX.read(bytes, { type: 'array', cellDates: true, cellNF: true, cellStyles: true });

  it('dates are date cells, amounts formatted numbers, counts whole numbers; widths, autofilter and a frozen header row', () => {
    const table = agingRowsForExport(items, '2024-03-15', translator('zh'));
    const bytes = toXlsx([{ name: '账龄', ...table }]);
    const ws = read(bytes).Sheets['账龄'];
    const col = (key: string) => XLSX.utils.encode_col(table.headers.findIndex((h) => h.key === key));
    // Rows are by customer: Acme KK (row 2), then 杭州云帆 (row 3).
    const due = ws[`${col('dueDate')}3`];
    expect(due.t).toBe('d');
    expect(due.z).toBe('yyyy-mm-dd');
    expect(due.w).toBe('2024-02-01');
    expect(excelSerial('2024-02-01')).toBe(45323); // Excel's serial for 1 Feb 2024
    const open = ws[`${col('open')}3`];
    expect(open).toMatchObject({ t: 'n', v: 50000.5, z: '#,##0.00' });
    expect(open.w).toBe('50,000.50');
    // The yen row: no decimals.
    expect(ws[`${col('open')}2`]).toMatchObject({ t: 'n', v: 1234567, z: '#,##0' });
    expect(ws[`${col('daysPastDue')}3`]).toMatchObject({ t: 'n', v: 43, z: '0' });
    // Document numbers stay text with their leading zeros.
    expect(ws[`${col('doc')}3`]).toMatchObject({ t: 's', v: '000123' });
    // Widths: the Chinese customer name (10 CJK characters = 20) is wider than the header.
    const cols = ws['!cols']!;
    expect(cols).toHaveLength(table.headers.length);
    expect(cols[0].wch).toBe(21);
    expect(cols.every((c) => c.wch! >= MIN_COLUMN_WIDTH && c.wch! <= MAX_COLUMN_WIDTH)).toBe(true);
    expect(ws['!autofilter']).toEqual({ ref: `A1:${XLSX.utils.encode_col(table.headers.length - 1)}3` });
    // Frozen header row: SheetJS's community reader does not parse panes, so the sheet XML is read directly.
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).toMatch(
      /<sheetView [^>]*><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/,
    );
  });

  it('the worklist export: step in the step column, the reason apart, dates as dates', () => {
    const t = worklistRowsForExport(
      [
        {
          customerName: 'Acme',
          overdue: { minor: 1_000_00, currency: 'USD' },
          nextStep: 'Call the payment initiator · Phone',
          why: 'Oldest item 40 days overdue',
          nextDate: '2026-12-04',
          promiseDate: '2026-12-10',
        },
      ],
      translator('en'),
    );
    const ws = read(toXlsx([{ name: 'Worklist', ...t }])).Sheets.Worklist;
    const at = (key: string) => ws[`${XLSX.utils.encode_col(t.headers.findIndex((h) => h.key === key))}2`];
    expect(at('nextStep').v).toBe('Call the payment initiator · Phone');
    expect(at('why').v).toBe('Oldest item 40 days overdue');
    expect(at('nextDate')).toMatchObject({ t: 'd', w: '2026-12-04' });
    expect(at('overdue')).toMatchObject({ t: 'n', v: 1000, z: '#,##0.00' });
    expect(at('rank')).toMatchObject({ t: 'n', v: 1 });
  });

  it('a workbook without a sheet view is refused rather than written unfrozen', () => {
    const bad = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>') });
    expect(() => freezeHeader(bad, 1)).toThrow(/no sheetView/);
  });
});
