import * as XLSX from '@e965/xlsx';
import { translator } from '../../../lib/i18n';
import { agingRowsForExport, majorNumber, parseLedger, toCsv, toXlsx, worklistRowsForExport } from '../../../lib/transfer';

describe('export', () => {
  it('CSV is RFC 4180 with a UTF-8 BOM and CRLF, and defuses formulas', () => {
    const csv = toCsv([{ a: '杭州, "云帆"', b: 12.5 }, { a: '=HYPERLINK("x")', b: -3 }, { a: 'line\nbreak' }], [{ key: 'a', label: '客户' }, 'b']);
    expect(csv).toBe('\ufeff客户,b\r\n"杭州, ""云帆""",12.5\r\n"\'=HYPERLINK(""x"")",-3\r\n"line\nbreak",\r\n');
  });

  it('amounts are exact in major units', () => {
    expect(majorNumber({ minor: 123456, currency: 'CNY' })).toBe(1234.56);
    expect(majorNumber({ minor: -5, currency: 'CNY' })).toBe(-0.05);
    expect(majorNumber({ minor: 1234, currency: 'JPY' })).toBe(1234);
  });

  it('aging rows with bilingual headers round-trip through XLSX and back into the importer', () => {
    const items = [{ customerName: '杭州云帆', docNumber: '000123', issueDate: '2024-01-01', dueDate: '2024-02-01', open: { minor: 50_000, currency: 'CNY' }, amount: { minor: 80_000, currency: 'CNY' } }];
    const zh = agingRowsForExport(items, '2024-03-15', translator('zh'));
    expect(zh.headers.map((h) => h.label)).toEqual(['客户', '单据编号', '单据日期', '到期日', '逾期天数', '币种', '单据金额', '未收金额', '未到期', '1–30 天', '31–60 天', '61–90 天', '90 天以上', '争议', '负责人']);
    expect(zh.rows[0]).toMatchObject({ daysPastDue: 43, open: 500, b2: 500 });
    expect(agingRowsForExport(items, '2024-03-15', translator('en')).headers[12].label).toBe('Over 90 days');
    const bytes = toXlsx([{ name: '账龄', ...zh }]);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['账龄']);
    const back = parseLedger(bytes);
    expect(back.rows[0]).toMatchObject({ customerName: '杭州云帆', invoiceNumber: '000123', dueDate: '2024-02-01', amount: { minor: 80_000 }, open: { minor: 50_000 } });
  });

  it('worklist rows', () => {
    const t = worklistRowsForExport([{ customerName: 'Acme', overdue: { minor: 1_000_00, currency: 'USD' }, daysPastDue: 40, nextStep: 'Call' }], translator('en'));
    expect(t.rows[0]).toMatchObject({ rank: 1, customer: 'Acme', currency: 'USD', overdue: 1000, daysPastDue: 40, nextStep: 'Call' });
    expect(worklistRowsForExport([], translator('zh')).headers[3].label).toBe('逾期金额');
  });
});
