/** The 对账单 workbook is spreadsheet-grade like the exports: date cells, amount formats, widths, filter, frozen header. */
import * as XLSX from '@e965/xlsx';
import { docText } from '@/lib/i18n';
import { strFromU8, unzipSync } from 'fflate';
import { statementLines, statementWorkbook } from '@/lib/toolkit/statements';
import { statementSchema } from '@/lib/toolkit/records';
import { rec } from '../support/accounts';

it('dates are dates, amounts formatted, the table header filtered and frozen below the title lines', () => {
  const lines = statementLines([rec(1, '2026-10-31', 86_400_00), rec(2, '2026-11-15', 12_000_50)], [], '2026-11-22');
  const s = statementSchema.parse({
    id: 's1',
    customerId: 'c',
    asOf: '2026-11-22',
    reference: 'DZD-20261122-c',
    lines,
    createdAt: 0,
    updatedAt: 0,
  });
  const bytes = statementWorkbook(s, { id: 'c', name: '杭州云帆科技有限公司' } as never, docText('zh'));
  const ws = XLSX.read(bytes, { type: 'array', cellDates: true, cellNF: true, cellStyles: true }).Sheets['对账单'];
  expect(ws.A4.v).toBe('序号');
  expect(ws.E5).toMatchObject({ t: 'd', z: 'yyyy-mm-dd', w: '2026-10-31' });
  expect(ws.H5).toMatchObject({ t: 'n', v: 86400, z: '#,##0.00', w: '86,400.00' });
  expect(ws.H7).toMatchObject({ t: 'n', v: 98400.5 }); // the total line
  expect(ws['!autofilter']).toEqual({ ref: 'A4:K6' });
  expect(ws['!cols']![1].wch).toBe(22);
  expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).toContain(
    '<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>',
  );
});
