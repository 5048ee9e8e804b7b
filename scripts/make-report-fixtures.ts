/**
 * Writes the workbook fixtures of tests/fixtures/ledgers/reports that cannot be kept as text: the Odoo (OCA) Aged
 * Partner Balance as its XLSX writer lays it out (account_financial_report/report/aged_partner_balance_xlsx.py:
 * report name, filter rows, an account title, per partner a title line, the header, the move lines and a
 * "Partner cumul aged balance" line, then the account's "Total" and "Percents"). The data is invented.
 * Run: npx tsx scripts/make-report-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';

const dir = join(import.meta.dirname, '../tests/fixtures/ledgers/reports');
const header = [
  'Date',
  'Entry',
  'Journal',
  'Account',
  'Partner',
  'Ref - Label',
  'Due date',
  'Residual',
  'Current',
  'Age ≤ 30 d.',
  'Age ≤ 60 d.',
  'Age ≤ 90 d.',
  'Age ≤ 120 d.',
  'Older',
];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
type Line = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const azure: Line[] = [
  [
    '2024-05-02',
    'INV/2024/00012',
    'INV',
    '121000',
    'Azure Interior',
    'INV/2024/00012',
    '2024-06-01',
    4_025,
    0,
    4_025,
    0,
    0,
    0,
    0,
  ],
  [
    '2024-06-18',
    'INV/2024/00029',
    'INV',
    '121000',
    'Azure Interior',
    'INV/2024/00029',
    '2024-07-18',
    1_380.5,
    1_380.5,
    0,
    0,
    0,
    0,
    0,
  ],
  [
    '2024-06-21',
    'PBNK1/2024/00007',
    'BNK1',
    '121000',
    'Azure Interior',
    'Customer payment',
    '2024-06-21',
    -500,
    0,
    -500,
    0,
    0,
    0,
    0,
  ],
];
const lumber: Line[] = [
  [
    '2024-02-10',
    'INV/2024/00003',
    'INV',
    '121000',
    'Lumber Inc',
    'INV/2024/00003',
    '2024-03-11',
    7_200,
    0,
    0,
    0,
    0,
    7_200,
    0,
  ],
];
const sum = (ls: Line[], i: number) => ls.reduce((a, l) => a + (l[i] as number), 0);
const rows: unknown[][] = [
  ['Aged Partner Balance - YourCompany - EUR'],
  [],
  ['Date at filter', '', '30/06/2024'],
  ['Target moves filter', '', 'All posted entries'],
  [],
  ['121000 - Account Receivable'],
];
for (const [name, lines] of [
  ['Azure Interior', azure],
  ['Lumber Inc', lumber],
] as const) {
  rows.push([name], header);
  for (const l of lines) rows.push([d(l[0]), l[1], l[2], l[3], l[4], l[5], d(l[6]), ...l.slice(7)]);
  rows.push([
    '',
    '',
    '',
    '',
    '',
    'Partner cumul aged balance',
    '',
    ...[7, 8, 9, 10, 11, 12, 13].map((i) => sum(lines, i)),
  ]);
  rows.push([]);
}
const all = [...azure, ...lumber];
const totals = [7, 8, 9, 10, 11, 12, 13].map((i) => sum(all, i));
rows.push(['', '', '', '', '', 'Total', '', ...totals]);
rows.push(['', '', '', '', '', 'Percents', '', 1, ...totals.slice(1).map((t) => t / totals[0])]);
const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'yyyy-mm-dd' });
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, 'Aged Partner Balance');
writeFileSync(
  join(dir, 'odoo-oca-aged-partner-balance.xlsx'),
  XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }),
);
console.log('wrote odoo-oca-aged-partner-balance.xlsx; residual total', totals[0]);
