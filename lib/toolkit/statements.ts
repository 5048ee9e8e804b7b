/**
 * 对账单 / 对账确认函: the statement of account for one customer as of a day, built from the ledger as it stood
 * that day (payments dated after it do not count), as a print-ready letter and as an XLSX the customer's finance
 * can tick off line by line. The letter carries a payment request and a seal box: a sealed confirmation that
 * states the amount and asks for payment interrupts the limitation period (Civil Code art. 195; see
 * courts split on a bare 询证函 "for audit only", while sealed confirmations stating the debt have been held to
 * interrupt — e.g. http://jsfy.gov.cn/article/91880.html — so the request for payment is in the text).
 */
import * as XLSX from '@e965/xlsx';
import type { Customer, Lang, Payment, Receivable, Settings } from '../domain';
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

function ourName(settings: Settings, lang: Lang): string {
  const us = settings.ourCompany;
  return (
    (lang === 'zh' ? us.name : us.nameEn || us.name) ||
    (lang === 'zh' ? '（我方公司名称，请在设置中填写）' : '(our company name — set it in Options)')
  );
}

function paymentText(settings: Settings, lang: Lang): string {
  const us = settings.ourCompany;
  if (!us.bankAccount) {
    return lang === 'zh'
      ? '请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。'
      : 'Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.';
  }
  return lang === 'zh'
    ? `请将款项汇入我司唯一指定收款账户：户名 ${us.accountName || us.name}，开户行 ${us.bankName}，账号 ${us.bankAccount}。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。`
    : `Please pay only into our designated account: ${us.accountName || us.nameEn || us.name}, ${us.bankName}, account ${us.bankAccount}. Payment into any other account or to any individual is not payment to us.`;
}

/** The printable statement: figures from the statement's own lines, so a reprint shows what was sent. */
export function buildStatementDoc(
  statement: Statement,
  customer: Customer,
  settings: Settings,
  lang: Lang,
  payBy: string,
): StatementDoc {
  const zh = lang === 'zh';
  const totals = [...statementTotals(statement.lines)].map(
    ([c, m]) => formatMoney(m, c, lang) + (zh && c === 'CNY' ? `（${amountInCapitals(m)}）` : ''),
  );
  const totalText = totals.join(zh ? '，' : '; ');
  const asOf = formatDay(statement.asOf, lang);
  return {
    title: zh ? '对账单（对账确认函）' : 'Statement of account and confirmation',
    reference: statement.reference,
    addressee: zh ? `${customer.name}：` : `To ${customer.name}`,
    paragraphs: zh
      ? [
          `截至 ${asOf}，根据我司账务记录，贵司尚欠我司款项合计 ${totalText}，共 ${statement.lines.length} 笔，明细见下表。`,
          `请贵司财务逐笔核对，在下方加盖公章或财务专用章确认后寄回我司。如有差异，请注明差异单据、金额及原因；无差异部分请按期支付。本函同时为我司对上述款项的付款请求，请于 ${formatDay(payBy, lang)} 前付清。`,
        ]
      : [
          `According to our records as of ${asOf}, your company owes us ${totalText} in ${statement.lines.length} item(s), listed below.`,
          `Please check each line, stamp (company seal or finance seal) below to confirm and return this statement to us. Where anything differs, name the document, the amount and the reason; please pay the undisputed part when due. This statement is also our request for payment of these amounts by ${formatDay(payBy, lang)}.`,
        ],
    headers: zh
      ? ['序号', '单据号', '合同号', '开票日期', '到期日', '单据金额', '未付金额', '逾期天数']
      : ['#', 'Document', 'Contract', 'Issued', 'Due', 'Amount', 'Open', 'Days overdue'],
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
    payment: paymentText(settings, lang),
    seal: {
      heading: zh ? '贵司确认' : 'Your confirmation',
      options: zh
        ? ['□ 上述欠款金额核对无误，我司将按期支付', '□ 有差异，差异单据、金额及原因：']
        : ['□ The balance above is correct and we will pay it when due', '□ It differs; document, amount and reason:'],
      signature: zh
        ? '（公司公章 / 财务专用章）        经办人：        日期：'
        : '(Company or finance seal)        Name:        Date:',
    },
    sender: `${ourName(settings, lang)}\n${formatDay(statement.asOf, lang)}`,
  };
}

/**
 * The statement as a workbook: one line per document with a column for the customer's tick and its own figure.
 * Spreadsheet-grade like the exports (lib/transfer/export.ts): issue and due dates are date cells, amounts numbers
 * in the currency's format, widths set, the table's header row filtered and frozen with the title lines above it.
 */
export function statementWorkbook(statement: Statement, customer: Customer, lang: Lang): Uint8Array {
  const zh = lang === 'zh';
  const head = zh
    ? [
        '序号',
        '单据号',
        '合同号',
        '开票日期',
        '到期日',
        '币种',
        '单据金额',
        '未付金额',
        '贵司核对（√ / ×）',
        '贵司账面金额',
        '差异说明',
      ]
    : [
        '#',
        'Document',
        'Contract',
        'Issued',
        'Due',
        'Currency',
        'Amount',
        'Open',
        'Agreed (✓ / ✗)',
        'Your figure',
        'Difference, reason',
      ];
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
    zh ? '合计' : 'Total',
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
    [zh ? `对账单 ${statement.reference}` : `Statement ${statement.reference}`],
    [customer.name, zh ? `截至 ${statement.asOf}` : `As of ${statement.asOf}`],
    [],
  ];
  const sheet = XLSX.utils.aoa_to_sheet([...titleRows, head, ...rows, ...totals]);
  sheet['!cols'] = head.map((h, i) => ({ wch: i === 1 || i === 10 ? 22 : i === 0 ? 6 : Math.max(12, h.length + 4) }));
  const headerRow = titleRows.length;
  sheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: headerRow, c: 0 }, e: { r: headerRow + rows.length, c: head.length - 1 } }),
  };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, zh ? '对账单' : 'Statement');
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
