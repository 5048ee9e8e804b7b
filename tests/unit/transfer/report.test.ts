/**
 * Report-shaped exports (issue #19): every fixture in tests/fixtures/ledgers/reports is read with the right layout,
 * customers, documents and open amounts, and — where the file prints a grand total — the imported open total per
 * currency equals it. The expected figures are worked out by hand in expected.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LedgerRow, parseLedger, parseLedgerChunks, presets } from '../../../lib/transfer';
import { reportFixtures } from '../../fixtures/ledgers/reports/expected';

const dir = join(__dirname, '../../fixtures/ledgers/reports');
const bytes = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
const read = (f: string, opts = {}) => parseLedger(bytes(f), { fileName: f, currency: 'CNY', ...opts });

describe('report-shaped exports: one fixture per layout', () => {
  for (const fx of reportFixtures) {
    it(`${fx.file} → ${fx.preset}`, () => {
      const r = read(fx.file);
      expect(r.errors).toEqual([]);
      expect(r.preset).toBe(fx.preset);
      expect(r.rows).toHaveLength(fx.documents);
      expect(r.stats.customers).toBe(fx.customers);
      expect(r.stats.openByCurrency).toEqual(fx.open);
      for (const rec of r.reconciliation) {
        if (fx.printed)
          expect(rec).toMatchObject({
            imported: fx.open[rec.currency],
            fileTotal: fx.open[rec.currency],
            difference: 0,
          });
        else expect(rec.fileTotal).toBeUndefined();
      }
      expect(r.reconciliation.map((x) => x.currency).sort()).toEqual(Object.keys(fx.open).sort());
    });
  }
});

describe('report-shaped exports: how each layout is known', () => {
  // SOURCES.md's table: | file | layout | basis | source |. The basis word must be the preset's, and every layout
  // must say where it was learnt.
  const table = new Map(
    readFileSync(join(dir, 'SOURCES.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| ') && l.includes('.'))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map((c) => [c[1], { basis: c[3].split(' ')[0], source: c[4] }] as const),
  );
  for (const fx of reportFixtures) {
    it(`${fx.file}: the basis in SOURCES.md is the preset's`, () => {
      const preset = presets.find((p) => p.id === fx.preset)!;
      expect(table.get(fx.file)?.basis).toBe(preset.basis);
      expect(preset.source?.length).toBeGreaterThan(20);
      expect(table.get(fx.file)?.source.length).toBeGreaterThan(20);
    });
  }
  it('every fixture file is in the table and in expected.ts', () => {
    const files = readdirSync(dir)
      .filter((f) => !/\.(md|ts)$/.test(f))
      .sort();
    expect([...table.keys()].sort()).toEqual(files);
    expect(reportFixtures.map((f) => f.file).sort()).toEqual(files);
  });
});

const pick = (rows: LedgerRow[]) =>
  rows.map((r) => [r.customerName, r.invoiceNumber, r.kind, r.source, r.dueDate, r.amount.minor, r.paid?.minor]);

describe('report-shaped exports: what each kind of line does', () => {
  it('a three-row header saved as CSV is joined (借方 发生 金额 …) and 合计 reconciles', () => {
    const r = read('kingdee-k3-ar-detail.csv');
    expect(r.headerRow).toBe(3);
    expect(r.headerRows).toBe(3);
    expect(r.headers.slice(5, 12)).toEqual([
      '借方 发生 金额',
      '借方 发生 本币',
      '借方 已结 金额',
      '借方 已结 本币',
      '借方 未结 金额',
      '借方 未结 本币',
      '贷方 发生 金额',
    ]);
    expect(pick(r.rows)[0]).toEqual([
      '华东机电设备有限公司',
      'YS240601',
      'invoice',
      undefined,
      '2024-07-03',
      4_520_000,
      2_000_000,
    ]);
    expect(r.rows[0].customerId).toBe('01.001');
    // The receipt was applied in full (贷方 未结 0): nothing is left to credit.
    expect(r.skipped).toContainEqual({ row: 8, kind: 'zero', label: 'SK240611' });
  });

  it("用友 往来对账明细 (the columns its help page lists): 对账对象 is the customer, a receipt's 贷方未结 a payment, 合计 nets it", () => {
    const r = read('yonyou-reconciliation-detail.csv');
    expect([r.headerRow, r.headerRows]).toEqual([4, 3]);
    expect(r.headers.slice(11, 13)).toEqual(['借方 发生 单价', '借方 发生 数量']);
    expect(pick(r.rows)).toEqual([
      ['合肥江淮精密机械有限公司', 'XS20240603', 'invoice', undefined, '2024-06-03', 5_650_000, 3_000_000],
      ['合肥江淮精密机械有限公司', 'XS20240618', 'invoice', undefined, '2024-06-18', 847_500, 0],
      ['合肥江淮精密机械有限公司', 'SK20240620', 'credit-note', 'payment', '2024-06-20', 1_000_000, undefined],
      ['芜湖长江汽配有限公司', 'XS20240528', 'invoice', undefined, '2024-05-28', 12_000_000, 0],
    ]);
    // 合计 prints 借方未结 154,975.00 and 贷方未结 10,000.00: the open total is their difference.
    expect(r.reconciliation).toEqual([
      { currency: 'CNY', imported: 14_497_500, fileTotal: 14_497_500, difference: 0, totalRow: 13 },
    ]);
    expect(r.notes.map((n) => n.code)).toContain('no-due-column');
  });

  it("QuickBooks A/R Aging Detail with the column titles of Intuit's report API (Customer, not Customer full name)", () => {
    const csv = [
      'A/R Aging Detail',
      'As of June 30, 2024',
      '',
      ',Date,Transaction Type,Num,Customer,Due Date,Past Due,Amount,Open Balance',
      'Current,,,,,,,,',
      ',06/10/2024,Invoice,1071,Baker Hardware,07/10/2024,-10,"2,000.00","2,000.00"',
      'Total for Current,,,,,,,"2,000.00","2,000.00"',
      'TOTAL,,,,,,,"2,000.00","2,000.00"',
    ].join('\n');
    const r = parseLedger(csv, { currency: 'USD' });
    expect(r.preset).toBe('quickbooks-ar-aging-detail');
    expect(pick(r.rows)).toEqual([['Baker Hardware', '1071', 'invoice', undefined, '2024-07-10', 200_000, 0]]);
    expect(r.reconciliation[0]).toMatchObject({ fileTotal: 200_000, difference: 0 });
  });

  it('a two-row header in GB18030 (用友 U8): opening balance, debits, receipts; 本月合计 and 本年累计 skipped', () => {
    const r = read('yonyou-u8-ar-ledger.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.headers.slice(2, 4)).toEqual(['客户 编码', '客户 名称']);
    expect(pick(r.rows)).toEqual([
      ['杭州云帆科技有限公司', '期初余额 2024-06-01', 'invoice', 'balance-forward', '2024-06-01', 3_000_000, undefined],
      ['杭州云帆科技有限公司', '0000012871', 'invoice', undefined, '2024-07-08', 5_650_000, undefined],
      ['杭州云帆科技有限公司', 'SK0000421', 'credit-note', 'payment', '2024-06-21', 4_000_000, undefined],
      ['上海申联物流股份有限公司', '0000012890', 'invoice', undefined, '2024-08-14', 1_243_000, undefined],
    ]);
    expect(r.skipped.filter((s) => s.kind === 'subtotal').map((s) => s.label)).toEqual([
      '本月合计',
      '本年累计',
      '期初余额',
      '本月合计',
    ]);
    expect(r.skipped.filter((s) => s.kind === 'total').map((s) => s.label)).toEqual(['合计']);
  });

  it('the customer on a group line above its rows (QuickBooks Open Invoices), and the UI can turn it off', () => {
    const r = read('quickbooks-open-invoices.csv');
    expect(r.customerFromGroup).toBe(true);
    expect(r.rows.map((x) => x.customerName)).toEqual([
      'Baker Hardware',
      'Baker Hardware',
      'Cole Electric',
      'Diaz Landscaping, LLC',
    ]);
    expect(r.notes.map((n) => n.code)).toContain('customer-from-group');
    const off = read('quickbooks-open-invoices.csv', { customerFromGroup: false });
    expect(off.errors[0]).toMatchObject({ code: 'missing-columns', params: { missing: ['customer'] } });
  });

  it('SAP blocks: the customer above the first header, the header repeated per block, "*" and "**" totals; the account in each row takes the name its block head gives it', () => {
    const r = read('sap-fbl5n-unconverted-list.txt');
    expect(r.preset).toBe('sap-fbl5n-list');
    expect(pick(r.rows)).toEqual([
      ['Müller GmbH', '1800000123', 'invoice', undefined, '2024-02-14', 1_234_567, undefined],
      ['Müller GmbH', '1800000124', 'credit-note', undefined, '2024-02-19', 100_000, undefined],
      ['Schmidt & Co. KG', '1800000131', 'invoice', undefined, '2024-07-01', 321_000, undefined],
    ]);
    expect(r.rows.map((x) => x.customerId)).toEqual(['100045', '100045', '100052']);
    // The list names no currency (LC amnt is the company code's): the form's applies.
    expect(r.rows.map((x) => x.amount.currency)).toEqual(['CNY', 'CNY', 'CNY']);
    expect(r.stats.skipped.header).toBe(1);
    expect(r.skipped.filter((s) => s.kind === 'total').map((s) => s.row)).toEqual([27]);
  });

  it('SAP short labels with the account column headed "Customer" (as a public reader of FBL5N-style exports names it) read the same', () => {
    const original = new TextDecoder().decode(bytes('sap-fbl5n-short-labels.txt'));
    const renamed = original.replace(/^Account\tName 1\t/m, 'Customer\tName 1\t');
    expect(renamed).not.toBe(original);
    const a = read('sap-fbl5n-short-labels.txt');
    const b = parseLedger(new TextEncoder().encode(renamed), { fileName: 'x.txt', currency: 'CNY' });
    expect(b.preset).toBe(a.preset);
    expect(pick(b.rows)).toEqual(pick(a.rows));
    expect(b.rows.map((x) => x.customerId)).toEqual(a.rows.map((x) => x.customerId));
  });

  it('aging sections and their totals in QuickBooks (the CSV export: no Past due column, "Total for" lines with the open balance only): payment and credit-memo rows become credits', () => {
    const r = read('quickbooks-online-ar-aging-detail.csv');
    expect(r.preset).toBe('quickbooks-ar-aging-detail');
    expect(r.reportDate).toBe('2024-06-30');
    expect(r.skipped.filter((s) => s.kind === 'section').map((s) => s.label)).toEqual([
      '91 or more days past due',
      '31 - 60 days past due',
      '1 - 30 days past due',
      'CURRENT',
    ]);
    expect(r.stats.skipped).toMatchObject({ section: 4, subtotal: 4, total: 1, other: 1 });
    expect(pick(r.rows).filter((x) => x[2] === 'credit-note')).toEqual([
      ['Diaz Landscaping', 'PMT 2024-05-28 15000', 'credit-note', 'payment', '2024-05-28', 15_000, undefined],
      ['Baker Hardware', '1066', 'credit-note', undefined, '2024-06-05', 30_000, undefined],
    ]);
  });

  it('line-item exports: one document per invoice; drafts and voids skipped with a note; a credit note without due date', () => {
    const x = read('xero-invoice-export.csv');
    expect(x.rows.map((r) => [r.invoiceNumber, r.amount.minor, r.paid?.minor, r.open?.minor, r.currency])).toEqual([
      ['INV-0201', 34_500, 0, 34_500, 'NZD'],
      ['INV-0202', 115_000, 40_000, 75_000, 'NZD'],
      ['INV-0204', 230_000, 0, 230_000, 'AUD'],
      ['CN-0007', 20_000, undefined, undefined, 'AUD'],
    ]);
    expect(x.rows[3].dueDate).toBe('2024-06-10');
    expect(x.notes).toEqual(
      expect.arrayContaining([
        { code: 'drafts-skipped', count: 1 },
        { code: 'voids-skipped', count: 1 },
        { code: 'credit-without-due', count: 1 },
        expect.objectContaining({ code: 'lines-grouped', count: 1 }),
      ]),
    );
    const z = read('zoho-books-invoices.csv');
    expect(z.rows[0]).toMatchObject({
      invoiceNumber: 'INV-000051',
      amount: { minor: 1_475_000 },
      open: { minor: 1_475_000 },
    });
    expect(z.stats.skipped).toMatchObject({ draft: 1, void: 1 });
  });

  it('an aging summary (no invoices) gives one item per customer and bucket, dated from the report date', () => {
    const r = read('xero-aged-receivables-summary.csv');
    expect(
      r.rows
        .filter((x) => x.customerName === 'City Limousines')
        .map((x) => [x.invoiceNumber, x.dueDate, x.amount.minor]),
    ).toEqual([
      ['Current @ 2024-06-30', '2024-06-30', 25_000],
      ['< 1 Month @ 2024-06-30', '2024-06-29', 11_500],
    ]);
    expect(r.rows.find((x) => x.customerName === 'Ridgeway University')?.dueDate).toBe('2024-03-01');
    const undated = parseLedger('Contact,Current,< 1 Month,1 Month,Older,Total\nAcme,1.00,2.00,0,0,3.00\n');
    expect(undated.errors[0].code).toBe('no-report-date');
    expect(
      parseLedger('Contact,Current,< 1 Month,1 Month,Older,Total\nAcme,1.00,2.00,0,0,3.00\n', { asOf: '2024-06-30' })
        .rows,
    ).toHaveLength(2);
  });

  it("the layout's currency beats the form default; a file without one takes the form's", () => {
    const sage = read('sage-aged-debtors.csv', { currency: 'CNY' });
    expect(sage.rows.every((x) => x.currency === 'GBP')).toBe(true);
    expect(sage.notes).toContainEqual(expect.objectContaining({ code: 'currency-from-layout', currency: 'GBP' }));
    const ibm = parseLedger(new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ledgers/ibm-sample.csv'))), {
      currency: 'CNY',
    });
    expect(ibm.rows.every((x) => x.currency === 'USD')).toBe(true);
    expect(read('netsuite-ar-aging-detail.csv', { currency: 'USD' }).rows.every((x) => x.currency === 'USD')).toBe(
      true,
    );
  });

  it('a reconciliation that does not add up says by how much', () => {
    const text = new TextDecoder().decode(bytes('inspur-ar-detail.csv')).replace('"216,000.00"', '"216,100.00"');
    expect(parseLedger(text).reconciliation).toEqual([
      { currency: 'CNY', imported: 21_600_000, fileTotal: 21_610_000, difference: -10_000, totalRow: 6 },
    ]);
  });

  it('QuickBooks Online Open Invoices as its CSV export has it (Term, no Amount or Past due): the layout and its M/D/Y dates', () => {
    // Only dates that read both ways: the layout's month-first order decides them, not the file.
    const csv = [
      'Northwind Supplies Inc.,,,,,,',
      'Open Invoices,,,,,,',
      '"As of June 30, 2024",,,,,,',
      '',
      ',Date,Transaction type,Num,Term,Due date,Open balance',
      'Baker Hardware,,,,,,',
      ',05/06/2024,Invoice,1058,Net 30,06/05/2024,700.00',
      'Total for Baker Hardware,,,,,,$700.00',
      'TOTAL,,,,,,$700.00',
    ].join('\n');
    const r = parseLedger(csv, { fileName: 'open.csv', currency: 'USD' });
    expect(r.errors).toEqual([]);
    expect(r.preset).toBe('quickbooks-open-invoices');
    expect(r.rows).toMatchObject([
      {
        customerName: 'Baker Hardware',
        invoiceNumber: '1058',
        issueDate: '2024-05-06',
        dueDate: '2024-06-05',
        amount: { minor: 70_000, currency: 'USD' },
      },
    ]);
    expect(r.reconciliation).toEqual([
      { currency: 'USD', imported: 70_000, fileTotal: 70_000, difference: 0, totalRow: 9 },
    ]);
  });

  it('QuickBooks Online reports that head the date column "Transaction date" give the issue date from it', () => {
    const csv = [
      'Northwind Supplies Inc.,,,,,,,,',
      'A/R Aging Detail Report,,,,,,,,',
      '"As of June 30, 2024",,,,,,,,',
      '',
      ',Transaction date,Transaction type,Num,Customer full name,Due date,Past due,Amount,Open balance',
      ',05/15/2024,Invoice,1058,Baker Hardware,06/14/2024,16,"1,200.00",700.00',
      'TOTAL,,,,,,,"$1,200.00",$700.00',
    ].join('\n');
    const r = parseLedger(csv, { fileName: 'aging.csv', currency: 'USD' });
    expect(r.errors).toEqual([]);
    expect(r.preset).toBe('quickbooks-ar-aging-detail');
    expect(r.rows[0]).toMatchObject({ issueDate: '2024-05-15', dueDate: '2024-06-14', paid: { minor: 50_000 } });
  });

  it('QuickBooks Online "Invoice List by Date" as exported (Transaction type, Name, Memo, Amount): its layout, not Open Invoices; the print line after TOTAL is no customer', () => {
    // The measured export shape (SOURCES.md): padded title lines, an empty fourth line, "$" only on TOTAL, three
    // empty lines and the print time. Only dates that read both ways, so the layout's M/D/Y decides them.
    const csv = [
      'Northwind Supplies Inc.,,,,,,,',
      'Invoice List by Date,,,,,,,',
      '"January 1-June 30, 2024",,,,,,,',
      '',
      'Date,Transaction type,Num,Name,Memo,Due date,Amount,Open balance',
      '5/6/2024,Invoice,1058,Baker Hardware,Fixtures,6/5/2024,"1,200.00",700.00',
      'TOTAL,,,,,,"$1,200.00",$700.00',
      '',
      '',
      '',
      '" Tuesday, July 2, 2024 09:30 AM GMT-04:00",,,,,,,',
    ].join('\r\n');
    const r = parseLedger(csv, { fileName: 'invoices.csv', currency: 'USD' });
    expect(r.errors).toEqual([]);
    expect(r.preset).toBe('quickbooks-invoice-list');
    expect(r.rows).toMatchObject([
      {
        customerName: 'Baker Hardware',
        invoiceNumber: '1058',
        issueDate: '2024-05-06',
        dueDate: '2024-06-05',
        amount: { minor: 120_000, currency: 'USD' },
        paid: { minor: 50_000 },
      },
    ]);
    expect(r.skipped.at(-1)).toEqual({ row: 11, kind: 'other', label: 'Tuesday, July 2, 2024 09:30 AM GMT-04:00' });
    expect(r.stats.skipped.group).toBeUndefined();
    expect(r.reconciliation).toEqual([
      { currency: 'USD', imported: 70_000, fileTotal: 70_000, difference: 0, totalRow: 7 },
    ]);
  });
  it('金蝶云星空 应收款账龄分析表: 原币 / 本位币 groups over 尚未收款金额, the first 币别 is the document currency, a 销售收款单 is an unapplied payment', () => {
    const r = read('kingdee-cloud-aging-analysis.csv');
    expect(r.preset).toBe('kingdee-cloud-aging');
    expect(r.headerRows).toBe(2);
    expect(r.headers.slice(12, 14)).toEqual(['原币 尚未收款金额', '原币 0-30天']);
    expect(r.headers[17]).toBe('本位币 币别');
    expect(pick(r.rows)).toEqual([
      ['杭州中联机械有限公司', 'AR00000412', 'invoice', undefined, '2024-04-09', 4_500_000, undefined],
      ['杭州中联机械有限公司', 'AR00000455', 'invoice', undefined, '2024-06-19', 2_340_000, undefined],
      ['杭州中联机械有限公司', 'SKD00000133', 'credit-note', 'payment', '2024-06-25', 500_000, undefined],
      ['南京华信电子有限公司', 'AR00000381', 'invoice', undefined, '2024-02-14', 800_000, undefined],
      ['南京华信电子有限公司', 'AR00000470', 'invoice', undefined, '2024-07-05', 320_000, undefined],
    ]);
    expect(r.rows[4].amount.currency).toBe('USD');
  });

  it('a customer named like a total word is still a customer when its row has a document', () => {
    const r = parseLedger(
      'Customer,Invoice,Due Date,Amount\nTotal Logistics Ltd,T-1,2024-01-01,10.00\nTotal,,,10.00\n',
    );
    expect(r.rows.map((x) => x.customerName)).toEqual(['Total Logistics Ltd']);
    expect(r.reconciliation[0]).toMatchObject({ fileTotal: 1000, difference: 0 });
  });

  it('streams report-shaped files to the same rows as parseLedger', async () => {
    for (const fx of reportFixtures.filter((f) => !f.file.endsWith('.xlsx'))) {
      const whole = read(fx.file);
      const rows: LedgerRow[] = [];
      const s = await parseLedgerChunks(
        new Blob([bytes(fx.file)]),
        { fileName: fx.file, currency: 'CNY' },
        (r) => {
          rows.push(...r);
        },
        undefined,
        97,
      );
      expect(rows, fx.file).toEqual(whole.rows);
      expect(s.reconciliation, fx.file).toEqual(whole.reconciliation);
    }
  });
});
