/**
 * Column presets for the receivables reports people export from their ERP, as data: one per system and report,
 * with the column names that system prints (both its long and its short labels where it has two). Headers are
 * compared after `headerKey` (width-folded, lower-cased, without spaces, underscores, dots, slashes, brackets and
 * asterisks), so "Due Date", "due_date", "*DueDate" and "ＤＵＥ ＤＡＴＥ" are the same header. Headers spread over
 * two or three rows are joined top to bottom first ("借方" over "本币" is "借方本币"; lib/transfer/report.ts).
 *
 * `basis` says how we know the layout: 'sample' — checked against a file or example the vendor publishes;
 * 'source' — read from the exporter's own public code; 'documentation' — its columns checked against a help page,
 * API reference or a published copy of the vendor's template (the vendor's or a third party's), not against an
 * exported file; 'unverified' — the report's columns as the product prints them to our knowledge, not checked
 * against any of these (the README and tests/fixtures/ledgers/reports/SOURCES.md list which is which).
 */
import { foldWidth, type DateOrder } from './values';

export type LedgerField =
  | 'customerName'
  | 'customerId'
  | 'invoiceNumber'
  | 'kind'
  | 'status'
  | 'issueDate'
  | 'dueDate'
  | 'amount'
  | 'lineAmount'
  | 'open'
  | 'paid'
  | 'credited'
  | 'debit'
  | 'credit'
  | 'balance'
  | 'currency'
  | 'settledDate'
  | 'disputed'
  | 'contractRef';

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
  /** The currency the layout is in by definition (it beats the import form's default). */
  currency?: string;
  /** A settled date without a paid/open column means the document was paid in full. */
  settledMeansPaid?: boolean;
  /**
   * The credit column is the credit side still open (贷方 未结): a total line's open amount is its debit open less
   * its credit open, as each receipt row's open credit is imported as a payment.
   */
  creditIsOpen?: boolean;
  basis?: 'sample' | 'source' | 'documentation' | 'unverified';
  /** Where the layout was learnt (shown in the README). */
  source?: string;
}

export function headerKey(h: string): string {
  return foldWidth(h)
    .toLowerCase()
    .replace(/[\s_\-./\\()[\]（）【】:：*#'’]/g, '');
}

/** The generic preset also catches what the others do not; its lists double as mapping suggestions. */
const generic: Preset = {
  id: 'generic',
  label: { zh: '通用表格', en: 'Generic spreadsheet' },
  signature: [],
  columns: {
    customerName: [
      'customer',
      'customername',
      'customerfullname',
      'client',
      'clientname',
      'contact',
      'contactname',
      'company',
      'partner',
      'party',
      'accountname',
      'debtor',
      'name',
      '客户',
      '客户名称',
      '客户名',
      '客户全称',
      '单位名称',
      '往来单位',
      '往来单位名称',
      '公司名称',
      '购货单位',
      '购买方',
      '往来户',
      '客户单位',
    ],
    customerId: [
      'customerid',
      'customercode',
      'customerno',
      'customernumber',
      'accountno',
      'accountnumber',
      'customeraccount',
      '客户编码',
      '客户代码',
      '客户编号',
      '往来单位编码',
      '客户号',
    ],
    invoiceNumber: [
      'invoice',
      'invoiceno',
      'invoicenumber',
      'invoice#',
      'number',
      'num',
      'no',
      'docno',
      'documentno',
      'documentnumber',
      'document',
      'voucherno',
      'reference',
      'ref',
      'billno',
      'transactionno',
      '单据编号',
      '单据号',
      '发票号',
      '发票号码',
      '单号',
      '应收单号',
      '编号',
      '单据号码',
      '业务单号',
      '凭证号',
    ],
    kind: ['type', 'transactiontype', 'doctype', 'documenttype', 'vouchertype', '单据类型', '类型', '业务类型'],
    status: ['status', 'invoicestatus', 'documentstatus', '单据状态', '状态'],
    issueDate: [
      'date',
      'invoicedate',
      'issuedate',
      'documentdate',
      'billdate',
      'postingdate',
      'txndate',
      'transactiondate',
      '日期',
      '单据日期',
      '业务日期',
      '开票日期',
      '发票日期',
      '记账日期',
      '制单日期',
    ],
    dueDate: [
      'duedate',
      'netduedate',
      'paymentdue',
      'due',
      'duedatereceiveby',
      '到期日',
      '到期日期',
      '应收日期',
      '收款日期',
      '付款到期日',
      '预计收款日期',
      '收款到期日',
    ],
    amount: [
      'amount',
      'total',
      'invoiceamount',
      'invoicetotal',
      'invoicedamount',
      'grossamount',
      'originalamount',
      'amt',
      '金额',
      '单据金额',
      '发票金额',
      '应收金额',
      '价税合计',
      '原币金额',
      '本币金额',
      '含税金额',
      '合同金额',
      '应收款',
    ],
    lineAmount: ['lineamount', 'linetotal', 'itemtotal', 'lineitemamount', '行金额'],
    open: [
      'openbalance',
      'amountdue',
      'outstanding',
      'outstandingamount',
      'balancedue',
      'open',
      'remaining',
      'remainingamount',
      'amountremaining',
      'residual',
      'residualamount',
      'amountresidual',
      'balance',
      '未收金额',
      '应收余额',
      '未核销金额',
      '原币余额',
      '本币余额',
      '欠款金额',
      '未回款金额',
      '未收款金额',
      '余额',
      '未结金额',
    ],
    paid: [
      'paid',
      'amountpaid',
      'paidamount',
      'received',
      'amountreceived',
      '已收金额',
      '已核销金额',
      '已回款金额',
      '收款金额',
      '已收款金额',
      '实收金额',
      '已结金额',
    ],
    credited: ['credited', 'creditnote', 'creditapplied', '已冲销金额'],
    debit: ['debit', 'debitamount', '借方', '借方金额', '借方本币', '本期应收', '应收'],
    credit: ['credit', 'creditamount', '贷方', '贷方金额', '贷方本币', '本期收回', '本期实收', '收回'],
    currency: ['currency', 'currencycode', 'curr', 'ccy', 'localcurrency', 'documentcurrency', '币种', '币别', '货币'],
    settledDate: [
      'settleddate',
      'paiddate',
      'paymentdate',
      'datepaid',
      'cleareddate',
      'clearingdate',
      '结清日期',
      '核销日期',
      '回款日期',
    ],
    disputed: ['disputed', 'dispute', 'indispute', '争议', '是否争议', '有无争议'],
    contractRef: [
      'contract',
      'contractno',
      'contractnumber',
      'contractref',
      'po',
      'ponumber',
      'assignment',
      'customerlpo',
      '合同号',
      '合同编号',
      '订单号',
      '销售订单号',
    ],
  },
};

/** The most specific layouts first: detection takes the first preset whose signature the header carries. */
export const presets: Preset[] = [
  {
    id: 'ibm-ar',
    label: { zh: 'IBM 应收账款样例', en: 'IBM accounts-receivable sample' },
    signature: ['customerid', 'invoicenumber', 'invoicedate', 'duedate', 'invoiceamount', 'settleddate'],
    columns: {
      customerName: ['customerid'],
      customerId: ['customerid'],
      invoiceNumber: ['invoicenumber'],
      issueDate: ['invoicedate'],
      dueDate: ['duedate'],
      amount: ['invoiceamount'],
      disputed: ['disputed'],
      settledDate: ['settleddate'],
    },
    dateOrder: 'mdy',
    currency: 'USD',
    settledMeansPaid: true,
    basis: 'sample',
    source: 'IBM Watson Analytics sample "WA_Fn-UseC_-Accounts-Receivable.csv"',
  },
  {
    id: 'quickbooks-desktop-ar-aging-detail',
    label: { zh: 'QuickBooks Desktop 应收账龄明细', en: 'QuickBooks Desktop A/R Aging Detail' },
    signature: ['type', 'num', 'name', 'duedate', 'aging', 'openbalance'],
    columns: {
      customerName: ['name'],
      invoiceNumber: ['num'],
      kind: ['type'],
      issueDate: ['date'],
      dueDate: ['duedate'],
      open: ['openbalance'],
      contractRef: ['pono', 'po#'],
    },
    dateOrder: 'mdy',
    basis: 'unverified',
    source: '"A/R Aging Detail" report (Type, Date, Num, P. O. #, Name, Terms, Due Date, Class, Aging, Open Balance)',
  },
  {
    // Desktop's Open Invoices: the A/R Aging Detail's labels without Name and Class, the customer on group lines.
    id: 'quickbooks-desktop-open-invoices',
    label: { zh: 'QuickBooks Desktop 未结发票', en: 'QuickBooks Desktop Open Invoices' },
    signature: ['type', 'num', 'terms', 'duedate', 'aging', 'openbalance'],
    columns: {
      invoiceNumber: ['num'],
      kind: ['type'],
      issueDate: ['date'],
      dueDate: ['duedate'],
      open: ['openbalance'],
      contractRef: ['po'],
    },
    dateOrder: 'mdy',
    basis: 'documentation',
    source:
      '"Open Invoices" of QuickBooks Desktop as a public importer\'s test reads it (, Type, Date, Num, P. O. #, Terms, Due Date, Aging, Open Balance; the customer on a group line, "Total <customer>")',
  },
  {
    id: 'quickbooks-invoice-list',
    label: { zh: 'QuickBooks 发票清单', en: 'QuickBooks Invoice List' },
    // QBO's "Invoice List by Date": Date, Transaction type, Num, Name, Memo, Due date, Amount, Open balance. Before
    // the A/R Aging Detail, whose columns but Memo it has; Open Invoices has Term and no Amount.
    signature: ['num', 'memo', 'duedate', 'amount', 'openbalance'],
    columns: {
      customerName: ['customerfullname', 'customer', 'name'],
      invoiceNumber: ['num'],
      kind: ['transactiontype'],
      issueDate: ['date', 'transactiondate'],
      dueDate: ['duedate'],
      amount: ['amount'],
      open: ['openbalance'],
      status: ['status'],
      currency: ['currency'],
    },
    dateOrder: 'mdy',
    basis: 'documentation',
    source:
      'public readers of real QuickBooks Online "Invoice List by Date" exports (SeniorStylist/senior-stylist src/lib/imports/qb-csv.ts parseInvoiceListCsv; two test fixtures of the measured export shape): Date, Transaction type, Num, Name, Memo, Due date, Amount, Open balance',
  },
  {
    id: 'quickbooks-ar-aging-detail',
    label: { zh: 'QuickBooks Online 应收账龄明细', en: 'QuickBooks Online A/R Aging Detail' },
    // The CSV export has no Past due column (public readers of real exports); Intuit's report API has one.
    signature: ['transactiontype', 'num', 'duedate', 'amount', 'openbalance'],
    columns: {
      customerName: ['customerfullname', 'customer', 'name'],
      invoiceNumber: ['num'],
      kind: ['transactiontype'],
      issueDate: ['date', 'transactiondate'],
      dueDate: ['duedate'],
      amount: ['amount'],
      open: ['openbalance'],
      currency: ['currency'],
    },
    dateOrder: 'mdy',
    basis: 'documentation',
    source:
      'QBO A/R Aging Detail CSV export as a public parser of real exports reads it (, Date, Transaction type, Num, Customer full name, Due date, Amount, Open balance; sections CURRENT … 91 or more days past due with "Total for …"; TOTAL); Intuit QuickBooks Online Accounting API, AgedReceivableDetail report: tx_date "Date", txn_type "Transaction Type", doc_num "Num", cust_name "Customer", due_date "Due Date", past_due "Past Due", subt_amount "Amount", subt_open_bal "Open Balance"',
  },
  {
    // After the A/R Aging Detail and the Invoice List (both with Amount): the Open Invoices
    // columns are a subset of theirs.
    id: 'quickbooks-open-invoices',
    label: { zh: 'QuickBooks 未结发票', en: 'QuickBooks Open Invoices' },
    signature: ['transactiontype', 'num', 'duedate', 'openbalance'],
    columns: {
      customerName: ['customerfullname', 'customer', 'name'],
      invoiceNumber: ['num'],
      kind: ['transactiontype'],
      issueDate: ['date', 'transactiondate'],
      dueDate: ['duedate'],
      amount: ['amount'],
      open: ['openbalance'],
      currency: ['currency'],
    },
    dateOrder: 'mdy',
    basis: 'documentation',
    source:
      '"Open Invoices" CSV as a public QuickBooks Online reader expects it (BHruska/general-ledger-mysql utils/migration/qbo_invoices.py OPEN_HEADER: (blank), Date, Transaction type, Num, Term, Due date, Open balance; a customer group line above its invoices; "Total for …" and "TOTAL")',
  },
  {
    id: 'xero-invoices',
    label: { zh: 'Xero 发票导出', en: 'Xero invoice export' },
    signature: ['contactname', 'invoicenumber', 'duedate', 'total'],
    columns: {
      customerName: ['contactname'],
      invoiceNumber: ['invoicenumber'],
      kind: ['type'],
      status: ['status'],
      issueDate: ['invoicedate'],
      dueDate: ['duedate'],
      amount: ['total'],
      lineAmount: ['lineamount'],
      paid: ['invoiceamountpaid', 'amountpaid'],
      open: ['invoiceamountdue', 'amountdue'],
      currency: ['currency', 'currencycode'],
      contractRef: ['reference'],
    },
    dateOrder: 'dmy',
    basis: 'documentation',
    source:
      "\"Export invoices\" CSV as published copies of Xero's template show it (Xero's import template marks required columns with *; an exporter's Xero template lists ContactName … InvoiceNumber, Reference, InvoiceDate, DueDate, Total, TaxTotal, InvoiceAmountPaid, InvoiceAmountDue, … LineAmount, … Currency, Type, Sent, Status) (one row per invoice line: *ContactName, *InvoiceNumber, Reference, *InvoiceDate, *DueDate, Total, InvoiceAmountPaid, InvoiceAmountDue, Description, Quantity, UnitAmount, LineAmount, Currency, Type, Status)",
  },
  {
    id: 'xero-aged-receivables-summary',
    label: { zh: 'Xero 应收账龄汇总', en: 'Xero Aged Receivables Summary' },
    signature: ['contact', 'current', 'older', 'total'],
    columns: { customerName: ['contact'], open: ['total'] },
    dateOrder: 'dmy',
    basis: 'documentation',
    source:
      '"Aged Receivables Summary" as users\' guides describe it (ageing periods "1 Month", "2 Months" …, Current and Older columns, ageing by due date) (Contact, Current, < 1 Month, 1 Month, 2 Months, 3 Months, Older, Total)',
  },
  {
    id: 'xero-aged-receivables',
    label: { zh: 'Xero 应收账龄明细', en: 'Xero Aged Receivables Detail' },
    signature: ['duedate', 'total', 'paid', 'credited', 'due'],
    columns: {
      customerName: ['contact'],
      invoiceNumber: ['invoicenumber', 'number'],
      issueDate: ['invoicedate', 'date'],
      dueDate: ['duedate'],
      amount: ['total'],
      paid: ['paid'],
      credited: ['credited'],
      open: ['due'],
      currency: ['currency'],
      contractRef: ['reference', 'invoicereference'],
    },
    dateOrder: 'dmy',
    basis: 'sample',
    source:
      'XeroAPI/Xero-OpenAPI xero_accounting.yaml, /Reports/AgedReceivablesByContact example (Date, Number, Due Date, Total, Paid, Credited, Due; "Opening Balance", "Total", "Closing Balance")',
  },
  {
    id: 'zoho-books-invoices',
    label: { zh: 'Zoho Books 发票导出', en: 'Zoho Books invoice export' },
    signature: ['invoicenumber', 'invoicestatus', 'customername', 'duedate'],
    columns: {
      customerName: ['customername'],
      customerId: ['customerid'],
      invoiceNumber: ['invoicenumber'],
      status: ['invoicestatus'],
      issueDate: ['invoicedate'],
      dueDate: ['duedate'],
      amount: ['total'],
      lineAmount: ['itemtotal'],
      open: ['balance'],
      currency: ['currencycode'],
      contractRef: ['purchaseorder', 'ponumber'],
    },
    dateOrder: 'ymd',
    basis: 'documentation',
    source:
      'Zoho Books sample invoice file (a published copy: Invoice Number, Invoice Date, Invoice Status, Customer Name, …, Due Date, Currency Code, Exchange Rate, Account, Item Name, Item Desc, Quantity, Item Price; one row per item, statuses Overdue/Closed/Draft); "Export Invoices" (one row per item: Invoice Date, Invoice Number, Invoice Status, Customer Name, Due Date, Currency Code, Item Name, Item Total, Total, Balance)',
  },
  {
    id: 'sage-aged-debtors',
    label: { zh: 'Sage 应收账龄（Aged Debtors）', en: 'Sage Aged Debtors' },
    signature: ['ac', 'name', 'type', 'ref', 'balance'],
    columns: {
      customerId: ['ac'],
      customerName: ['name'],
      kind: ['type'],
      issueDate: ['date'],
      invoiceNumber: ['ref'],
      dueDate: ['duedate', 'due'],
      open: ['balance'],
    },
    dateOrder: 'dmy',
    currency: 'GBP',
    basis: 'documentation',
    source:
      '"Aged Debtors Analysis (Detailed)" report as user guides describe it (sectioned by customer; Type, Date, Ref, Details, Balance, Future, Current, Period 1–3, Older; grand totals at the end) (A/C, Name, Type, Date, Ref, Details, Balance, Future, Current, Period 1–3, Older)',
  },
  {
    id: 'netsuite-ar-aging-detail',
    label: { zh: 'NetSuite 应收账龄明细', en: 'NetSuite A/R Aging Detail' },
    signature: ['documentnumber', 'duedatereceiveby'],
    columns: {
      customerName: ['name', 'customer'],
      invoiceNumber: ['documentnumber'],
      kind: ['type'],
      issueDate: ['date'],
      dueDate: ['duedatereceiveby'],
      amount: ['amount'],
      open: ['openbalance', 'amountremaining'],
      currency: ['currency'],
    },
    dateOrder: 'mdy',
    basis: 'documentation',
    source:
      '"A/R Aging Detail" report as a SuiteQL write-up replicating it lists it (Customer, Transaction Type, Date, Document Number, PO Number, Due Date, Age, Open Balance; voided transactions left out) (Type, Date, Document Number, Name, Due Date/Receive By, Age, Open Balance)',
  },
  {
    id: 'dynamics-bc-customer-ledger',
    label: {
      zh: 'Dynamics 365 Business Central 客户分类账分录',
      en: 'Dynamics 365 Business Central Customer Ledger Entries',
    },
    signature: ['documentno', 'customerno', 'remainingamount'],
    columns: {
      customerName: ['customername'],
      customerId: ['customerno'],
      invoiceNumber: ['documentno'],
      kind: ['documenttype'],
      issueDate: ['documentdate', 'postingdate'],
      dueDate: ['duedate'],
      amount: ['originalamount', 'amount'],
      open: ['remainingamount'],
      currency: ['currencycode'],
      contractRef: ['externaldocumentno'],
    },
    dateOrder: 'mdy',
    basis: 'source',
    source:
      'page 25 "Customer Ledger Entries" field list (a public copy of Microsoft\'s page definition: Posting Date, Document Type, External Document No., Document Date, Document No., Customer No., Description, Currency Code, Original Amount, Amount, Remaining Amount, Due Date, …, Open) and Microsoft Learn, query 262 "Cust. Ledger Entries"; Business Central page 25 "Customer Ledger Entries" opened in Excel (Posting Date, Document Type, Document No., Customer No., Customer Name, Currency Code, Original Amount, Remaining Amount, Due Date, Open); "Open in Excel"',
  },
  {
    id: 'odoo-aged-partner-balance',
    label: { zh: 'Odoo 往来账龄（OCA）', en: 'Odoo Aged Partner Balance (OCA)' },
    signature: ['entry', 'journal', 'partner', 'duedate', 'residual'],
    columns: {
      customerName: ['partner'],
      invoiceNumber: ['entry'],
      issueDate: ['date'],
      dueDate: ['duedate'],
      open: ['residual'],
    },
    dateOrder: 'ymd',
    basis: 'source',
    source:
      'OCA/account-financial-reporting, account_financial_report/report/aged_partner_balance_xlsx.py (Date, Entry, Journal, Account, Partner, Ref - Label, Due date, Residual, Current, Age ≤ 30 d. …; "Partner cumul aged balance", "Total", "Percents")',
  },
  {
    id: 'odoo-journal-items',
    label: { zh: 'Odoo 日记账项目', en: 'Odoo Journal Items' },
    signature: ['journalentry', 'partner', 'debit', 'credit'],
    columns: {
      customerName: ['partner'],
      invoiceNumber: ['journalentry'],
      issueDate: ['date'],
      dueDate: ['duedate'],
      debit: ['debit'],
      credit: ['credit'],
      open: ['residualamount', 'amountresidual', 'amountdue'],
      currency: ['currency'],
    },
    dateOrder: 'ymd',
    basis: 'source',
    source:
      'odoo/odoo addons/account/models/account_move_line.py: the field labels an export of the Journal Items list writes (move_id "Journal Entry", account_id "Account", partner_id "Partner", name "Label", date_maturity "Due Date", debit "Debit", credit "Credit", amount_residual "Residual Amount", currency_id "Currency"); Odoo Accounting "Journal Items" list exported (Journal Entry, Partner, Due Date, Debit, Credit, Residual Amount) as the Journal Items list exports them',
  },
  {
    id: 'erpnext-accounts-receivable',
    label: { zh: 'ERPNext 应收账款', en: 'ERPNext Accounts Receivable' },
    signature: ['vouchertype', 'voucherno', 'outstandingamount'],
    columns: {
      customerName: ['customername', 'party'],
      customerId: ['party'],
      invoiceNumber: ['voucherno'],
      kind: ['vouchertype'],
      issueDate: ['postingdate'],
      dueDate: ['duedate'],
      amount: ['invoicedamount', 'invoicegrandtotal'],
      paid: ['paidamount'],
      credited: ['creditnote'],
      open: ['outstandingamount'],
      currency: ['currency'],
      contractRef: ['customerlpo'],
    },
    dateOrder: 'ymd',
    basis: 'source',
    source:
      'frappe/erpnext, erpnext/accounts/report/accounts_receivable/accounts_receivable.py get_columns (Posting Date, Party, Voucher Type, Voucher No, Due Date, Invoiced Amount, Paid Amount, Credit Note, Outstanding Amount, Age (Days), 0-30 …, Currency)',
  },
  {
    // A customer line item list saved "unconverted" with another display variant: the account per row, the
    // customer's name only in the block head, no currency column (the company code's local currency).
    id: 'sap-fbl5n-list',
    label: { zh: 'SAP 客户明细清单（未转换）', en: 'SAP customer line item list (unconverted)' },
    signature: ['stat', 'account', 'no', 'netduedt', 'lcamnt'],
    columns: {
      customerName: ['name1', 'name'],
      customerId: ['account'],
      invoiceNumber: ['no', 'documentno'],
      kind: ['type', 'typ'],
      issueDate: ['date', 'docdate'],
      dueDate: ['netduedt'],
      amount: ['lcamnt', 'amtinloccur'],
      currency: ['lcurr', 'curr'],
    },
    dateOrder: 'dmy',
    basis: 'documentation',
    source:
      'a public reader of a real SAP customer line item list saved unconverted (block heads Customer, Company Code, Name, City; ruler lines; the header repeated per block; "|"-separated columns Stat, Account, No, Date, Net due dt, LC amnt, DD, CCAr, PayT, Type)',
  },
  {
    id: 'sap-fbl5n-short',
    label: { zh: 'SAP FBL5N 客户明细（短标签）', en: 'SAP FBL5N customer line items (short labels)' },
    signature: ['documentno', 'netduedt'],
    columns: {
      customerName: ['name1', 'name', 'customer'],
      customerId: ['account', 'customer'],
      invoiceNumber: ['documentno'],
      kind: ['type', 'typ'],
      issueDate: ['docdate', 'pstngdate'],
      dueDate: ['netduedt'],
      amount: ['amtinloccur', 'amountindc', 'amtindoccur'],
      currency: ['lcurr', 'curr'],
      contractRef: ['assignment'],
      settledDate: ['clearing'],
    },
    dateOrder: 'dmy',
    basis: 'unverified',
    source:
      'FBL5N "Customer Line Item Display" ALV field short labels (St, Assignment, DocumentNo, Type, Doc. Date, Net due dt, Amt in loc.cur., LCurr)',
  },
  {
    id: 'sap-fbl5n',
    label: { zh: 'SAP FBL5N 客户明细', en: 'SAP FBL5N customer line items' },
    signature: ['documentnumber', 'netduedate'],
    columns: {
      customerName: ['name1', 'customername', 'customer', 'name'],
      customerId: ['account', 'customer'],
      invoiceNumber: ['documentnumber'],
      kind: ['documenttype'],
      issueDate: ['documentdate', 'postingdate'],
      dueDate: ['netduedate'],
      amount: ['amountinlocalcurrency', 'amountindoccurr', 'amountindoccurrency'],
      currency: ['localcurrency', 'documentcurrency'],
      contractRef: ['assignment'],
      settledDate: ['clearingdate'],
    },
    dateOrder: 'dmy',
    basis: 'unverified',
    source:
      'FBL5N "Customer Line Item Display" long field labels (Assignment, Document Number, Document Type, Document Date, Net Due Date, Amount in Local Currency, Local Currency)',
  },
  {
    id: 'inspur-ar-detail',
    label: { zh: '浪潮 应收明细', en: 'Inspur receivables detail' },
    signature: ['往来单位名称', '单据编号', '应收金额', '已收金额'],
    columns: {
      customerName: ['往来单位名称'],
      customerId: ['往来单位编号', '往来单位编码'],
      invoiceNumber: ['单据编号'],
      issueDate: ['单据日期', '业务日期'],
      dueDate: ['到期日期', '到期日'],
      amount: ['应收金额'],
      paid: ['已收金额'],
      open: ['未收金额', '余额'],
      currency: ['币种'],
    },
    basis: 'unverified',
    source: '浪潮 GS / PS 「应收明细查询」（往来单位、单据编号、单据日期、到期日期、应收金额、已收金额、未收金额）',
  },
  {
    id: 'superdata-ar-detail',
    label: { zh: '速达 应收款明细', en: 'Superdata receivables detail' },
    signature: ['客户名称', '单据号码', '应收金额', '已收金额'],
    columns: {
      customerName: ['客户名称'],
      customerId: ['客户编号'],
      invoiceNumber: ['单据号码'],
      kind: ['单据类型'],
      issueDate: ['日期', '单据日期'],
      dueDate: ['收款期限', '到期日期'],
      amount: ['应收金额'],
      paid: ['已收金额'],
      open: ['未收金额', '欠款金额'],
    },
    basis: 'unverified',
    source: '速达 「应收款明细表」（日期、单据号码、客户名称、应收金额、已收金额、未收金额）',
  },
  {
    id: 'grasp-ar-detail',
    label: { zh: '管家婆 往来单位应收明细', en: 'Grasp (管家婆) receivables detail' },
    signature: ['往来单位', '单据编号', '应收增加', '应收减少'],
    columns: {
      customerName: ['往来单位', '往来单位全名'],
      customerId: ['往来单位编号'],
      invoiceNumber: ['单据编号'],
      kind: ['单据类型'],
      issueDate: ['录单日期', '日期'],
      dueDate: ['收款期限', '到期日期'],
      debit: ['应收增加'],
      credit: ['应收减少'],
      balance: ['应收余额', '余额'],
    },
    basis: 'unverified',
    source: '管家婆 「往来单位应收应付明细」（日期、单据编号、单据类型、往来单位、应收增加、应收减少、余额）',
  },
  {
    id: 'qiqi-ar-detail',
    label: { zh: '企企 应收明细', en: 'Qiqi receivables detail' },
    signature: ['客户', '单据编号', '应收金额', '核销金额', '未核销金额'],
    columns: {
      customerName: ['客户'],
      invoiceNumber: ['单据编号'],
      kind: ['单据类型'],
      issueDate: ['单据日期'],
      dueDate: ['到期日'],
      amount: ['应收金额'],
      paid: ['核销金额'],
      open: ['未核销金额'],
      currency: ['币种'],
    },
    basis: 'unverified',
    source: '企企通 / 企企 「应收明细」（单据日期、单据编号、客户、应收金额、核销金额、未核销金额、到期日）',
  },
  {
    // Before K/3 WISE: the same 借方/贷方 × 发生/已结/未结 × 金额/本币 header, told apart by 对账对象.
    id: 'yonyou-reconciliation-detail',
    label: { zh: '用友 往来对账明细', en: 'Yonyou reconciliation detail (往来对账明细)' },
    signature: ['对账对象名称', '借方发生金额', '借方未结金额'],
    columns: {
      customerName: ['对账对象名称'],
      customerId: ['对账对象编码'],
      invoiceNumber: ['业务单号', '凭证字号'],
      issueDate: ['业务日期', '凭证日期'],
      amount: ['借方发生金额'],
      paid: ['借方已结金额'],
      open: ['借方未结金额'],
      credit: ['贷方未结金额'],
      currency: ['币种'],
    },
    creditIsOpen: true,
    basis: 'documentation',
    source:
      '用友服务商帮助页（ahyonyou.com/news/122.html）所列「往来对账明细」栏目：科目编码、科目名称、对账对象编码、对账对象名称、币种、凭证日期、凭证字号、业务日期、业务单号、业务员、摘要，借方/贷方 各分 发生（单价、数量、金额、本币）、已结（金额、本币）、未结（金额、本币）；表头 日期、客户、币种；可小计',
  },
  {
    id: 'kingdee-k3-ar-detail',
    label: { zh: '金蝶 K/3 WISE 应收款明细表', en: 'Kingdee K/3 WISE receivables detail' },
    signature: ['借方发生金额', '借方未结金额'],
    columns: {
      customerName: ['核算项目名称', '客户名称', '客户'],
      customerId: ['核算项目代码', '客户代码'],
      invoiceNumber: ['单据号', '单据编号'],
      kind: ['单据类型'],
      issueDate: ['单据日期', '日期'],
      dueDate: ['收款日期', '到期日'],
      amount: ['借方发生金额'],
      paid: ['借方已结金额'],
      open: ['借方未结金额'],
      credit: ['贷方未结金额'],
      currency: ['币别'],
    },
    creditIsOpen: true,
    basis: 'unverified',
    source: '金蝶 K/3 WISE 「应收款明细表」（借方 下分 发生/已结/未结、贷方 下分 发生/未结，再分 金额/本币：三行表头）',
  },
  {
    id: 'kingdee-kis-ar-detail',
    label: { zh: '金蝶 KIS / 精斗云 应收账款明细', en: 'Kingdee KIS / Jingdouyun receivables detail' },
    signature: ['客户', '单据编号', '应收金额', '实收金额', '应收余额'],
    columns: {
      customerName: ['客户', '客户名称'],
      customerId: ['客户编码'],
      invoiceNumber: ['单据编号'],
      kind: ['单据类型'],
      issueDate: ['单据日期', '日期'],
      dueDate: ['到期日期', '到期日'],
      debit: ['应收金额'],
      credit: ['实收金额'],
      balance: ['应收余额'],
    },
    basis: 'unverified',
    source: '金蝶精斗云 / KIS 「应收账款明细表」（日期、单据编号、单据类型、客户、应收金额、实收金额、应收余额）',
  },
  {
    // 「应收款账龄分析表」 by document: 原币 over 尚未收款金额 and the aging periods, 本位币 over 币别, 尚未收款金额
    // and the periods (two header rows). A receipt's unapplied rest is a negative 尚未收款金额, due on its date.
    id: 'kingdee-cloud-aging',
    label: { zh: '金蝶云星空 应收款账龄分析表', en: 'Kingdee Cloud Galaxy receivables aging' },
    signature: ['往来单位', '单据编号', '业务日期', '到期日'],
    columns: {
      customerName: ['往来单位'],
      invoiceNumber: ['单据编号'],
      kind: ['单据类型'],
      issueDate: ['业务日期'],
      dueDate: ['到期日'],
      open: ['原币尚未收款金额', '尚未收款金额'],
      currency: ['币别'],
    },
    basis: 'source',
    source:
      '金蝶云星空 应收账龄分析报表服务的公开改写本（szj/SHU.K3.SCM.PlugInEx AgingAnalysisServiceByAR.cs，LoadKDString 带金蝶资源号的栏目名）：往来单位、币别、结算组织、收付组织、销售组织、销售部门、销售组、销售员、单据类型、单据编号、业务日期、到期日；原币 下 尚未收款金额、0-30天、31-60天、61-90天、90天以上；本位币 下 币别、尚未收款金额 与各账龄段',
  },
  {
    id: 'kingdee',
    label: { zh: '金蝶云星空 应收单列表', en: 'Kingdee Cloud Galaxy receivables list' },
    signature: ['客户', '单据编号', '到期日'],
    columns: {
      customerName: ['客户', '客户名称'],
      customerId: ['客户编码'],
      invoiceNumber: ['单据编号'],
      kind: ['单据类型'],
      status: ['单据状态'],
      issueDate: ['业务日期', '单据日期'],
      dueDate: ['到期日'],
      amount: ['价税合计', '应收金额'],
      paid: ['已核销金额'],
      open: ['未核销金额'],
      currency: ['币别'],
      contractRef: ['合同号', '合同编号'],
    },
    basis: 'unverified',
    source:
      '金蝶云星空 「应收单」列表字段（单据编号、业务日期、到期日、客户、币别、价税合计、已核销金额、未核销金额、单据状态）',
  },
  {
    id: 'yonyou-u8-ar-ledger',
    label: { zh: '用友 U8 / T+ 应收明细账', en: 'Yonyou U8 / T+ receivables ledger' },
    signature: ['客户名称', '借方本币', '贷方本币'],
    columns: {
      customerName: ['客户名称'],
      customerId: ['客户编码'],
      invoiceNumber: ['单据号', '凭证号'],
      kind: ['单据类型', '摘要'],
      issueDate: ['日期', '单据日期'],
      dueDate: ['到期日', '到期日期'],
      debit: ['借方本币', '借方原币'],
      credit: ['贷方本币', '贷方原币'],
      balance: ['余额本币', '余额原币'],
      currency: ['币种'],
    },
    basis: 'unverified',
    source:
      '用友 U8 「应收明细账 / 客户往来明细账」（客户 编码/名称、单据类型、单据号、到期日、借方/贷方/余额 下分 原币/本币，两行表头）',
  },
  {
    id: 'yonyou-nc-reconciliation',
    label: { zh: '用友 NC / YonSuite 往来对账明细', en: 'Yonyou NC / YonSuite reconciliation detail' },
    signature: ['客户', '单据号', '应收原币', '收款原币'],
    columns: {
      customerName: ['客户', '客户名称'],
      customerId: ['客户编码'],
      invoiceNumber: ['单据号', '单据编号'],
      kind: ['单据类型'],
      issueDate: ['单据日期', '日期'],
      dueDate: ['到期日', '到期日期'],
      debit: ['应收原币'],
      credit: ['收款原币'],
      balance: ['余额原币'],
      currency: ['币种'],
    },
    basis: 'unverified',
    source:
      '用友 NC / YonSuite 「往来对账明细 / 应收明细账」（单据日期、单据类型、单据号、客户、币种、应收原币、收款原币、余额原币）',
  },
  {
    id: 'yonyou',
    label: { zh: '用友 应收单', en: 'Yonyou receivables' },
    signature: ['客户名称', '单据号', '到期日期'],
    columns: {
      customerName: ['客户名称', '客户'],
      customerId: ['客户编码'],
      invoiceNumber: ['单据号'],
      kind: ['单据类型'],
      issueDate: ['单据日期'],
      dueDate: ['到期日期'],
      amount: ['原币金额'],
      open: ['原币余额'],
      currency: ['币种'],
      contractRef: ['合同号'],
    },
    basis: 'unverified',
    source: '用友 U8 「应收单」列表（客户名称、单据号、单据日期、到期日期、币种、原币金额、原币余额）',
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
  status: { zh: '单据状态', en: 'status' },
  issueDate: { zh: '单据日期', en: 'issue date' },
  dueDate: { zh: '到期日', en: 'due date' },
  amount: { zh: '金额', en: 'amount' },
  lineAmount: { zh: '行金额', en: 'line amount' },
  open: { zh: '未收金额', en: 'open balance' },
  paid: { zh: '已收金额', en: 'paid' },
  credited: { zh: '已冲销金额', en: 'credited' },
  debit: { zh: '借方（应收）', en: 'debit' },
  credit: { zh: '贷方（收回）', en: 'credit' },
  balance: { zh: '余额（累计）', en: 'running balance' },
  currency: { zh: '币种', en: 'currency' },
  settledDate: { zh: '结清日期', en: 'settled date' },
  disputed: { zh: '争议', en: 'disputed' },
  contractRef: { zh: '合同号', en: 'contract' },
};

const fieldOrder: LedgerField[] = [
  'invoiceNumber',
  'customerName',
  'customerId',
  'dueDate',
  'issueDate',
  'open',
  'paid',
  'credited',
  'amount',
  'lineAmount',
  'debit',
  'credit',
  'balance',
  'currency',
  'kind',
  'status',
  'settledDate',
  'disputed',
  'contractRef',
];

/**
 * Headers that several systems print with their own qualifiers, recognised by what they contain when no list
 * names them: Chinese multi-row headers join into "借方发生本币", "应收余额（原币）" and the like.
 */
const containsRules: Array<[LedgerField, RegExp]> = [
  ['paid', /(已结|已核销|已收|已回款)/],
  ['open', /(未结|未核销|未收|未回款|欠款)/],
  ['debit', /^借方/],
  ['credit', /^贷方/],
  ['balance', /^余额/],
  ['customerName', /^客户.*名称$|^往来单位.*名称$/],
  ['invoiceNumber', /^单据.*(号|编号)$/],
];

/** Maps fields to columns with a preset's header lists (each column used once, earlier fields first). */
export function mapWithPreset(headers: string[], preset: Preset): ColumnMapping {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const out: ColumnMapping = {};
  for (const f of fieldOrder) {
    for (const name of preset.columns[f] ?? []) {
      const i = keys.findIndex(
        (k, j) => k === name && (!used.has(j) || (f === 'customerId' && out.customerName === j)),
      );
      if (i >= 0) {
        out[f] = i;
        used.add(i);
        break;
      }
    }
  }
  if (preset === generic) {
    for (const [f, re] of containsRules) {
      if (out[f] !== undefined) continue;
      const i = keys.findIndex((k, j) => !used.has(j) && k && re.test(k));
      if (i >= 0) {
        out[f] = i;
        used.add(i);
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
      if (m[f] === undefined && !used.has(i)) {
        m[f] = i;
        used.add(i);
      }
    }
  }
  return { preset: p.id, mapping: m };
}

/** How many fields a header row maps to: used to find the header row below title lines. */
export function headerScore(cells: string[]): number {
  return Object.keys(suggestMapping(cells).mapping).length;
}
