/**
 * 对账单 / 对账确认函: the statement of account for one customer as of a day, built from the ledger as it stood
 * that day (payments dated after it do not count), as a print-ready letter and as an XLSX the customer's finance
 * can tick off line by line. The letter carries a payment request and a seal box: a sealed confirmation that
 * states the amount and asks for payment interrupts the limitation period (Civil Code art. 195; see
 * courts split on a bare 询证函 "for audit only", while sealed confirmations stating the debt have been held to
 * interrupt — e.g. http://jsfy.gov.cn/article/91880.html — so the request for payment is in the text).
 */
import * as XLSX from '@e965/xlsx';
import type { Customer, Payment, Receivable, Settings } from '../domain';
import type { DocText } from '../i18n/types';
import { allocate } from '../ledger/allocate';
import { addDays, daysBetween } from '../ledger/dates';
import { formatDay, formatMoney, toMajor } from '../format';
import { amountInCapitals } from '../playbook/capitals';
import { XLSX_DATE_FORMAT, excelSerial, freezeHeader, moneyFormat } from '../transfer/export';
import { currencyDecimals } from '../ledger/money';
import type { Statement, StatementLine, StatementStatus } from './records';

/**
 * The open invoices on `asOf` (issued on or before it, open after the payments and credit notes dated on or before
 * it), oldest due first; only `picked` ones when given. Throws when a picked document is not open that day.
 */
export function statementLines(
  receivables: Receivable[],
  payments: Payment[],
  asOf: string,
  picked?: readonly string[],
): StatementLine[] {
  const known = receivables.filter((r) => r.issueDate <= asOf);
  const open = allocate(
    known,
    payments.filter((p) => p.date <= asOf),
  ).filter((r) => r.kind === 'invoice' && r.openMinor > 0);
  const chosen = picked?.length ? open.filter((r) => picked.includes(r.id)) : open;
  if (picked?.length && chosen.length !== new Set(picked).size) {
    const missing = picked.filter((id) => !open.some((r) => r.id === id));
    const names = missing.map((id) => receivables.find((r) => r.id === id)?.docNumber ?? id);
    throw new Error(`not open on ${asOf}: ${names.join(', ')}`);
  }
  return chosen
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.docNumber.localeCompare(b.docNumber))
    .map((r) => ({
      receivableId: r.id,
      docNumber: r.docNumber,
      ...(r.contractRef ? { contractRef: r.contractRef } : {}),
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      amount: r.amount,
      openMinor: r.openMinor,
    }));
}

export function statementTotals(lines: readonly StatementLine[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.amount.currency, (m.get(l.amount.currency) ?? 0) + l.openMinor);
  return m;
}

export const statementReference = (customerId: string, asOf: string, seq: number) =>
  `DZD-${asOf.replace(/-/g, '')}-${customerId}${seq > 1 ? `-${seq}` : ''}`;

export interface StatementDoc {
  title: string;
  reference: string;
  addressee: string;
  paragraphs: string[];
  headers: string[];
  rows: string[][];
  totals: string[];
  payment: string;
  seal: { heading: string; options: string[]; signature: string };
  sender: string;
}

function ourName(settings: Settings, { lang, t }: DocText): string {
  const us = settings.ourCompany;
  return (lang === 'zh' ? us.name : us.nameEn || us.name) || t('noCompany');
}

function paymentText(settings: Settings, { lang, t }: DocText): string {
  const us = settings.ourCompany;
  if (!us.bankAccount) return t('statement.payment.noBank');
  return t('statement.payment.bank', {
    accountName: lang === 'zh' ? us.accountName || us.name : us.accountName || us.nameEn || us.name,
    bankName: us.bankName,
    account: us.bankAccount,
  });
}

/** The printable statement: figures from the statement's own lines, so a reprint shows what was sent. */
export function buildStatementDoc(
  statement: Statement,
  customer: Customer,
  settings: Settings,
  text: DocText,
  payBy: string,
): StatementDoc {
  const { lang, t } = text;
  const zh = lang === 'zh';
  const totals = [...statementTotals(statement.lines)].map(
    ([c, m]) => formatMoney(m, c, lang) + (zh && c === 'CNY' ? `（${amountInCapitals(m)}）` : ''),
  );
  const totalText = totals.join(t('statement.totalSep'));
  const asOf = formatDay(statement.asOf, lang);
  return {
    title: t('statement.title'),
    reference: statement.reference,
    addressee: t('statement.addressee', { customer: customer.name }),
    paragraphs: t('statement.paragraphs', {
      asOf,
      total: totalText,
      lines: statement.lines.length,
      payBy: formatDay(payBy, lang),
    }).split('\n'),
    headers: (['n', 'doc', 'contract', 'issued', 'due', 'amount', 'open', 'daysOverdue'] as const).map((h) =>
      t(`statement.headers.${h}`),
    ),
    rows: statement.lines.map((l, i) => [
      String(i + 1),
      l.docNumber,
      l.contractRef ?? '',
      formatDay(l.issueDate, lang),
      formatDay(l.dueDate, lang),
      formatMoney(l.amount.minor, l.amount.currency, lang),
      formatMoney(l.openMinor, l.amount.currency, lang),
      String(Math.max(0, daysBetween(l.dueDate, statement.asOf))),
    ]),
    totals,
    payment: paymentText(settings, text),
    seal: {
      heading: t('statement.seal.heading'),
      options: t('statement.seal.options').split('\n'),
      signature: t('statement.seal.signature'),
    },
    sender: `${ourName(settings, text)}\n${formatDay(statement.asOf, lang)}`,
  };
}

const workbookColumns = [
  'n',
  'doc',
  'contract',
  'issued',
  'due',
  'currency',
  'amount',
  'open',
  'agreed',
  'theirs',
  'difference',
] as const;

/**
 * The statement as a workbook: one line per document with a column for the customer's tick and its own figure.
 * Spreadsheet-grade like the exports (lib/transfer/export.ts): issue and due dates are date cells, amounts numbers
 * in the currency's format, widths set, the table's header row filtered and frozen with the title lines above it.
 */
export function statementWorkbook(statement: Statement, customer: Customer, { t }: DocText): Uint8Array {
  const head = workbookColumns.map((c) => t(`statement.workbook.headers.${c}`));
  const date = (iso: string): XLSX.CellObject => ({ t: 'n', v: excelSerial(iso), z: XLSX_DATE_FORMAT });
  const money = (minor: number, c: string): XLSX.CellObject => ({
    t: 'n',
    v: toMajor(minor, c),
    z: moneyFormat(currencyDecimals(c)),
  });
  const rows: (string | number | XLSX.CellObject)[][] = statement.lines.map((l, i) => [
    i + 1,
    l.docNumber,
    l.contractRef ?? '',
    date(l.issueDate),
    date(l.dueDate),
    l.amount.currency,
    money(l.amount.minor, l.amount.currency),
    money(l.openMinor, l.amount.currency),
    '',
    '',
    '',
  ]);
  const totals = [...statementTotals(statement.lines)].map(([c, m]) => [
    '',
    t('statement.workbook.total'),
    '',
    '',
    '',
    c,
    '',
    money(m, c),
    '',
    '',
    '',
  ]);
  const titleRows = [
    [t('statement.workbook.title', { reference: statement.reference })],
    [customer.name, t('statement.workbook.asOf', { date: statement.asOf })],
    [],
  ];
  const sheet = XLSX.utils.aoa_to_sheet([...titleRows, head, ...rows, ...totals]);
  sheet['!cols'] = head.map((h, i) => ({ wch: i === 1 || i === 10 ? 22 : i === 0 ? 6 : Math.max(12, h.length + 4) }));
  const headerRow = titleRows.length;
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: headerRow, c: 0 }, e: { r: headerRow + rows.length, c: head.length - 1 } }),
  };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, t('statement.workbook.sheet'));
  return freezeHeader(
    new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer),
    headerRow + 1,
  );
}

/** Where a statement stands, and whether its sealed copy is late (sent or received more than `followUpDays` ago). */
export function statementProgress(
  s: Pick<Statement, 'status' | 'sentOn'>,
  today: string,
  followUpDays: number,
): { status: StatementStatus; followUpOn?: string; overdueForSeal: boolean } {
  if (s.status === 'sealed' || s.status === 'draft' || !s.sentOn) return { status: s.status, overdueForSeal: false };
  const followUpOn = addDays(s.sentOn, followUpDays);
  return { status: s.status, followUpOn, overdueForSeal: today >= followUpOn };
}
