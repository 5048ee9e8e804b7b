/**
 * Column presets for the ledgers people export from their ERP, as data. Headers are compared after `headerKey`
 * (width-folded, lower-cased, without spaces, underscores, dots, slashes and brackets), so "Due Date", "due_date",
 * "DueDate" and "ＤＵＥ ＤＡＴＥ" are the same header.
 */
import { foldWidth, type DateOrder } from './values';

export type LedgerField =
  | 'customerName' | 'customerId' | 'invoiceNumber' | 'kind' | 'issueDate' | 'dueDate' | 'amount' | 'open' | 'paid'
  | 'currency' | 'settledDate' | 'disputed' | 'contractRef';

/** field → column index in the header row. */
export type ColumnMapping = Partial<Record<LedgerField, number>>;

export interface Preset {
  id: string;
  label: { zh: string; en: string };
  /** Headers that must all be present for the preset to be detected (after headerKey). */
  signature: string[];
  /** field → accepted headers, best first. */
  columns: Partial<Record<LedgerField, string[]>>;
  /** Day/month order for A/B/YYYY dates when the file itself does not decide it. */
  dateOrder?: DateOrder;
  /** The currency of amounts when the file names none and the caller gave none. */
  currency?: string;
  /** A settled date without a paid/open column means the document was paid in full. */
  settledMeansPaid?: boolean;
}

export function headerKey(h: string): string {
  return foldWidth(h).toLowerCase().replace(/[\s_\-./\\()[\]（）【】:：*#]/g, '');
}

/** The generic preset also catches what the others do not; its lists double as mapping suggestions. */
const generic: Preset = {
  id: 'generic',
  label: { zh: '通用表格', en: 'Generic spreadsheet' },
  signature: [],
  columns: {
    customerName: ['customer', 'customername', 'client', 'clientname', 'contact', 'contactname', 'company', 'account',
      'accountname', 'debtor', 'name', '客户', '客户名称', '客户名', '单位名称', '往来单位', '往来单位名称', '公司名称', '购货单位', '购买方'],
    customerId: ['customerid', 'customercode', 'customerno', 'customernumber', 'accountno', 'accountnumber', '客户编码', '客户代码', '客户编号'],
    invoiceNumber: ['invoice', 'invoiceno', 'invoicenumber', 'invoice#', 'number', 'num', 'no', 'docno', 'documentno',
      'documentnumber', 'document', 'reference', 'ref', 'billno', '单据编号', '单据号', '发票号', '发票号码', '单号', '凭证号', '应收单号', '编号'],
    kind: ['type', 'transactiontype', 'doctype', 'documenttype', '单据类型', '类型'],
    issueDate: ['date', 'invoicedate', 'issuedate', 'documentdate', 'billdate', 'postingdate', 'txndate', '日期', '单据日期',
      '业务日期', '开票日期', '发票日期', '记账日期'],
    dueDate: ['duedate', 'netduedate', 'paymentdue', 'due', '到期日', '到期日期', '应收日期', '收款日期', '付款到期日'],
    amount: ['amount', 'total', 'invoiceamount', 'invoicetotal', 'grossamount', 'originalamount', 'amt', '金额', '单据金额', '发票金额',
      '应收金额', '价税合计', '原币金额', '本币金额', '含税金额', '合同金额'],
    open: ['openbalance', 'balance', 'amountdue', 'outstanding', 'outstandingamount', 'balancedue', 'open', 'remaining',
      '未收金额', '应收余额', '余额', '未核销金额', '原币余额', '本币余额', '欠款金额', '未回款金额'],
    paid: ['paid', 'amountpaid', 'paidamount', 'received', '已收金额', '已核销金额', '已回款金额', '收款金额'],
    currency: ['currency', 'currencycode', 'curr', 'ccy', '币种', '币别', '货币'],
    settledDate: ['settleddate', 'paiddate', 'paymentdate', 'datepaid', 'cleareddate', '结清日期', '核销日期', '回款日期'],
    disputed: ['disputed', 'dispute', 'indispute', '争议', '是否争议', '有无争议'],
    contractRef: ['contract', 'contractno', 'contractnumber', 'contractref', 'po', 'ponumber', 'assignment', '合同号', '合同编号', '订单号'],
  },
};

export const presets: Preset[] = [
  {
    id: 'ibm-ar',
    label: { zh: 'IBM 应收账款样例', en: 'IBM accounts-receivable sample' },
    signature: ['customerid', 'invoicenumber', 'invoicedate', 'duedate', 'invoiceamount', 'settleddate'],
    columns: {
      customerName: ['customerid'], customerId: ['customerid'], invoiceNumber: ['invoicenumber'],
      issueDate: ['invoicedate'], dueDate: ['duedate'], amount: ['invoiceamount'], disputed: ['disputed'],
      settledDate: ['settleddate'],
    },
    dateOrder: 'mdy',
    currency: 'USD',
    settledMeansPaid: true,
  },
  {
    id: 'quickbooks-ar-aging-detail',
    label: { zh: 'QuickBooks 应收账龄明细', en: 'QuickBooks A/R Aging Detail' },
    signature: ['transactiontype', 'num', 'customer', 'duedate', 'openbalance'],
    columns: {
      customerName: ['customer', 'name'], invoiceNumber: ['num'], kind: ['transactiontype'], issueDate: ['date'],
      dueDate: ['duedate'], amount: ['amount'], open: ['openbalance'], currency: ['currency'],
    },
    dateOrder: 'mdy',
  },
  {
    id: 'xero-invoices',
    label: { zh: 'Xero 发票导出', en: 'Xero invoice export' },
    signature: ['contactname', 'invoicenumber', 'duedate', 'total'],
    columns: {
      customerName: ['contactname'], invoiceNumber: ['invoicenumber'], kind: ['type'], issueDate: ['invoicedate'],
      dueDate: ['duedate'], amount: ['total'], paid: ['amountpaid'], open: ['amountdue'], currency: ['currency', 'currencycode'],
      contractRef: ['reference'],
    },
    dateOrder: 'dmy',
  },
  {
    id: 'xero-aged-receivables',
    label: { zh: 'Xero 应收账龄报表', en: 'Xero Aged Receivables' },
    signature: ['contact', 'duedate', 'due'],
    columns: {
      customerName: ['contact'], invoiceNumber: ['invoicenumber', 'number'], issueDate: ['invoicedate', 'date'],
      dueDate: ['duedate'], amount: ['total'], paid: ['paid'], open: ['due'], currency: ['currency'], contractRef: ['reference', 'invoicereference'],
    },
    dateOrder: 'dmy',
  },
  {
    id: 'kingdee',
    label: { zh: '金蝶 应收单', en: 'Kingdee receivables' },
    signature: ['客户', '单据编号', '到期日'],
    columns: {
      customerName: ['客户', '客户名称'], customerId: ['客户编码'], invoiceNumber: ['单据编号'], kind: ['单据类型'],
      issueDate: ['业务日期', '单据日期'], dueDate: ['到期日'], amount: ['价税合计', '应收金额'], paid: ['已核销金额'],
      open: ['未核销金额'], currency: ['币别'], contractRef: ['合同号', '合同编号'],
    },
    currency: 'CNY',
  },
  {
    id: 'yonyou',
    label: { zh: '用友 应收单', en: 'Yonyou receivables' },
    signature: ['客户名称', '单据号', '到期日期'],
    columns: {
      customerName: ['客户名称', '客户'], customerId: ['客户编码'], invoiceNumber: ['单据号'], kind: ['单据类型'],
      issueDate: ['单据日期'], dueDate: ['到期日期'], amount: ['原币金额'], open: ['原币余额'], currency: ['币种'],
      contractRef: ['合同号'],
    },
    currency: 'CNY',
  },
  {
    id: 'sap-fbl5n',
    label: { zh: 'SAP FBL5N 客户明细', en: 'SAP FBL5N customer line items' },
    signature: ['documentnumber', 'netduedate'],
    columns: {
      customerName: ['customer', 'name1', 'name'], customerId: ['account', 'customer'], invoiceNumber: ['documentnumber'],
      kind: ['documenttype'], issueDate: ['documentdate', 'postingdate'], dueDate: ['netduedate'],
      amount: ['amountinlocalcurrency', 'amountindoccurr', 'amountindoccurrency'], currency: ['localcurrency', 'documentcurrency'],
      contractRef: ['assignment'], settledDate: ['clearingdate'],
    },
    dateOrder: 'dmy',
  },
  generic,
];

export const genericPreset = generic;

/** Human names of the fields, for messages and the mapping screen. */
export const fieldLabels: Record<LedgerField, { zh: string; en: string }> = {
  customerName: { zh: '客户名称', en: 'customer' },
  customerId: { zh: '客户编码', en: 'customer code' },
  invoiceNumber: { zh: '单据编号', en: 'document number' },
  kind: { zh: '单据类型', en: 'document type' },
  issueDate: { zh: '单据日期', en: 'issue date' },
  dueDate: { zh: '到期日', en: 'due date' },
  amount: { zh: '金额', en: 'amount' },
  open: { zh: '未收金额', en: 'open balance' },
  paid: { zh: '已收金额', en: 'paid' },
  currency: { zh: '币种', en: 'currency' },
  settledDate: { zh: '结清日期', en: 'settled date' },
  disputed: { zh: '争议', en: 'disputed' },
  contractRef: { zh: '合同号', en: 'contract' },
};

/** Maps fields to columns with a preset's header lists (each column used once, earlier fields first). */
export function mapWithPreset(headers: string[], preset: Preset): ColumnMapping {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const out: ColumnMapping = {};
  const order: LedgerField[] = ['invoiceNumber', 'customerName', 'customerId', 'dueDate', 'issueDate', 'open', 'paid',
    'amount', 'currency', 'kind', 'settledDate', 'disputed', 'contractRef'];
  for (const f of order) {
    for (const name of preset.columns[f] ?? []) {
      const i = keys.findIndex((k, j) => k === name && (!used.has(j) || (f === 'customerId' && out.customerName === j)));
      if (i >= 0) {
        out[f] = i;
        used.add(i);
        break;
      }
    }
  }
  return out;
}

/** The preset whose signature the headers carry (the most specific first), else generic. */
export function detectPreset(headers: string[]): Preset {
  const keys = new Set(headers.map(headerKey));
  for (const p of presets) if (p.signature.length && p.signature.every((s) => keys.has(s))) return p;
  return generic;
}

/** A mapping suggestion for any headers: the detected preset's mapping, filled in from the generic lists. */
export function suggestMapping(headers: string[]): { preset: string; mapping: ColumnMapping } {
  const p = detectPreset(headers);
  const m = mapWithPreset(headers, p);
  if (p !== generic) {
    const g = mapWithPreset(headers, generic);
    const used = new Set(Object.values(m));
    for (const [f, i] of Object.entries(g) as Array<[LedgerField, number]>) {
      if (m[f] === undefined && !used.has(i)) { m[f] = i; used.add(i); }
    }
  }
  return { preset: p.id, mapping: m };
}

/** How many fields a header row maps to: used to find the header row below title lines. */
export function headerScore(cells: string[]): number {
  return Object.keys(suggestMapping(cells).mapping).length;
}
