/**
 * The one-year Loan Prime Rate (1年期贷款市场报价利率, LPR), by the day each value took effect. Shipped with the
 * values published up to the build; never fetched (the extension makes no network request). The user adds later
 * announcements in Options → Settings (`lprTableKey` in the meta store), which replace this table when present.
 *
 * Source: the monthly announcements "全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告", published by the
 * National Interbank Funding Center on behalf of the People's Bank of China, on the 20th of each month (moved to the
 * next working day): https://www.chinamoney.com.cn/chinese/bklpr/ and http://www.pbc.gov.cn/ (货币政策 → LPR).
 * Only the months in which the one-year value changed are listed; each value holds until the next row. The LPR
 * reform took effect on 2019-08-20 (中国人民银行公告〔2019〕第15号); there is no LPR before that day.
 *
 * The last row is the last change confirmed when this table was written (2025-05-20, 3.00 %). Any later change
 * must be entered in Settings; the panel says which table and which rows a figure used.
 */
export interface LprRow {
  from: string;
  rate: number;
}

export const publishedLpr: readonly LprRow[] = [
  { from: '2019-08-20', rate: 0.0425 },
  { from: '2019-09-20', rate: 0.042 },
  { from: '2019-11-20', rate: 0.0415 },
  { from: '2020-02-20', rate: 0.0405 },
  { from: '2020-04-20', rate: 0.0385 },
  { from: '2021-12-20', rate: 0.038 },
  { from: '2022-01-20', rate: 0.037 },
  { from: '2022-08-22', rate: 0.0365 },
  { from: '2023-06-20', rate: 0.0355 },
  { from: '2023-08-21', rate: 0.0345 },
  { from: '2024-07-22', rate: 0.0335 },
  { from: '2024-10-21', rate: 0.031 },
  { from: '2025-05-20', rate: 0.03 },
];

/** The day the shipped table was last checked against the announcements (shown beside it in Settings). */
export const publishedLprCheckedThrough = '2025-05-20';

/** The LPR in effect on `day` (the latest row whose `from` is on or before it), or undefined before the first row. */
export function lprOn(day: string, table: readonly LprRow[] = publishedLpr): LprRow | undefined {
  let found: LprRow | undefined;
  for (const row of sortedLpr(table)) {
    if (row.from <= day) found = row;
    else break;
  }
  return found;
}

export function sortedLpr(table: readonly LprRow[]): LprRow[] {
  return [...table].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
