/**
 * The statement of account (对账单) word for word in both languages — the printed letter and the workbook's text —
 * with our company's bank details and without them. Guards the wording where it lives
 * (lib/i18n/locales/<lang>/documents.json); a change here is a change to what customers receive.
 */
import * as XLSX from '@e965/xlsx';
import { docText } from '@/lib/i18n';
import { buildStatementDoc, statementLines, statementWorkbook } from '@/lib/toolkit/statements';
import { statementSchema } from '@/lib/toolkit/records';
import type { Lang } from '@/lib/domain';
import { account, rec, withCompany } from '../support/accounts';

const lines = statementLines(
  [
    rec(1, '2026-10-31', 86_400_00, { contractRef: 'HT-2026-001' }),
    rec(2, '2026-11-15', 12_000_50),
    rec(3, '2026-12-15', 5_000_00, { amount: { minor: 5_000_00, currency: 'USD' } }),
  ],
  [],
  '2026-11-22',
);
const s = statementSchema.parse({
  id: 's1',
  customerId: 'c',
  asOf: '2026-11-22',
  reference: 'DZD-20261122-c',
  lines,
  createdAt: 0,
  updatedAt: 0,
});
const full = withCompany(account({ receivables: [] }));
const bare = account({ receivables: [] });

const printed = (lang: Lang) =>
  [full, bare].map((a) => buildStatementDoc(s, a.customer, a.settings, docText(lang), '2026-12-02'));

const workbook = (lang: Lang) => {
  const wb = XLSX.read(statementWorkbook(s, full.customer, docText(lang)), { type: 'array' });
  return { sheets: wb.SheetNames, rows: XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 }) };
};

it('zh statement, word for word', () => {
  expect(printed('zh')).toMatchInlineSnapshot(`
    [
      {
        "addressee": "杭州云帆科技有限公司：",
        "headers": [
          "序号",
          "单据号",
          "合同号",
          "开票日期",
          "到期日",
          "单据金额",
          "未付金额",
          "逾期天数",
        ],
        "paragraphs": [
          "截至 2026年11月22日，根据我司账务记录，贵司尚欠我司款项合计 ¥98,400.50（人民币玖万捌仟肆佰元伍角整），US$5,000.00，共 3 笔，明细见下表。",
          "请贵司财务逐笔核对，在下方加盖公章或财务专用章确认后寄回我司。如有差异，请注明差异单据、金额及原因；无差异部分请按期支付。本函同时为我司对上述款项的付款请求，请于 2026年12月2日 前付清。",
        ],
        "payment": "请将款项汇入我司唯一指定收款账户：户名 回款科技有限公司，开户行 中国工商银行杭州分行，账号 6222 0212 3456 7890。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。",
        "reference": "DZD-20261122-c",
        "rows": [
          [
            "1",
            "INV-1",
            "HT-2026-001",
            "2026年10月1日",
            "2026年10月31日",
            "¥86,400.00",
            "¥86,400.00",
            "22",
          ],
          [
            "2",
            "INV-2",
            "",
            "2026年10月16日",
            "2026年11月15日",
            "¥12,000.50",
            "¥12,000.50",
            "7",
          ],
          [
            "3",
            "INV-3",
            "",
            "2026年11月15日",
            "2026年12月15日",
            "US$5,000.00",
            "US$5,000.00",
            "0",
          ],
        ],
        "seal": {
          "heading": "贵司确认",
          "options": [
            "□ 上述欠款金额核对无误，我司将按期支付",
            "□ 有差异，差异单据、金额及原因：",
          ],
          "signature": "（公司公章 / 财务专用章）        经办人：        日期：",
        },
        "sender": "回款科技有限公司
    2026年11月22日",
        "title": "对账单（对账确认函）",
        "totals": [
          "¥98,400.50（人民币玖万捌仟肆佰元伍角整）",
          "US$5,000.00",
        ],
      },
      {
        "addressee": "杭州云帆科技有限公司：",
        "headers": [
          "序号",
          "单据号",
          "合同号",
          "开票日期",
          "到期日",
          "单据金额",
          "未付金额",
          "逾期天数",
        ],
        "paragraphs": [
          "截至 2026年11月22日，根据我司账务记录，贵司尚欠我司款项合计 ¥98,400.50（人民币玖万捌仟肆佰元伍角整），US$5,000.00，共 3 笔，明细见下表。",
          "请贵司财务逐笔核对，在下方加盖公章或财务专用章确认后寄回我司。如有差异，请注明差异单据、金额及原因；无差异部分请按期支付。本函同时为我司对上述款项的付款请求，请于 2026年12月2日 前付清。",
        ],
        "payment": "请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。",
        "reference": "DZD-20261122-c",
        "rows": [
          [
            "1",
            "INV-1",
            "HT-2026-001",
            "2026年10月1日",
            "2026年10月31日",
            "¥86,400.00",
            "¥86,400.00",
            "22",
          ],
          [
            "2",
            "INV-2",
            "",
            "2026年10月16日",
            "2026年11月15日",
            "¥12,000.50",
            "¥12,000.50",
            "7",
          ],
          [
            "3",
            "INV-3",
            "",
            "2026年11月15日",
            "2026年12月15日",
            "US$5,000.00",
            "US$5,000.00",
            "0",
          ],
        ],
        "seal": {
          "heading": "贵司确认",
          "options": [
            "□ 上述欠款金额核对无误，我司将按期支付",
            "□ 有差异，差异单据、金额及原因：",
          ],
          "signature": "（公司公章 / 财务专用章）        经办人：        日期：",
        },
        "sender": "（我方公司名称，请在设置中填写）
    2026年11月22日",
        "title": "对账单（对账确认函）",
        "totals": [
          "¥98,400.50（人民币玖万捌仟肆佰元伍角整）",
          "US$5,000.00",
        ],
      },
    ]
  `);
  expect(workbook('zh')).toMatchInlineSnapshot(`
    {
      "rows": [
        [
          "对账单 DZD-20261122-c",
        ],
        [
          "杭州云帆科技有限公司",
          "截至 2026-11-22",
        ],
        [],
        [
          "序号",
          "单据号",
          "合同号",
          "开票日期",
          "到期日",
          "币种",
          "单据金额",
          "未付金额",
          "贵司核对（√ / ×）",
          "贵司账面金额",
          "差异说明",
        ],
        [
          1,
          "INV-1",
          "HT-2026-001",
          46296,
          46326,
          "CNY",
          86400,
          86400,
          "",
          "",
          "",
        ],
        [
          2,
          "INV-2",
          "",
          46311,
          46341,
          "CNY",
          12000.5,
          12000.5,
          "",
          "",
          "",
        ],
        [
          3,
          "INV-3",
          "",
          46341,
          46371,
          "USD",
          5000,
          5000,
          "",
          "",
          "",
        ],
        [
          "",
          "合计",
          "",
          "",
          "",
          "CNY",
          "",
          98400.5,
          "",
          "",
          "",
        ],
        [
          "",
          "合计",
          "",
          "",
          "",
          "USD",
          "",
          5000,
          "",
          "",
          "",
        ],
      ],
      "sheets": [
        "对账单",
      ],
    }
  `);
});

it('en statement, word for word', () => {
  expect(printed('en')).toMatchInlineSnapshot(`
    [
      {
        "addressee": "To 杭州云帆科技有限公司",
        "headers": [
          "#",
          "Document",
          "Contract",
          "Issued",
          "Due",
          "Amount",
          "Open",
          "Days overdue",
        ],
        "paragraphs": [
          "According to our records as of 22 Nov 2026, your company owes us CN¥98,400.50; $5,000.00 in 3 item(s), listed below.",
          "Please check each line, stamp (company seal or finance seal) below to confirm and return this statement to us. Where anything differs, name the document, the amount and the reason; please pay the undisputed part when due. This statement is also our request for payment of these amounts by 2 Dec 2026.",
        ],
        "payment": "Please pay only into our designated account: 回款科技有限公司, 中国工商银行杭州分行, account 6222 0212 3456 7890. Payment into any other account or to any individual is not payment to us.",
        "reference": "DZD-20261122-c",
        "rows": [
          [
            "1",
            "INV-1",
            "HT-2026-001",
            "1 Oct 2026",
            "31 Oct 2026",
            "CN¥86,400.00",
            "CN¥86,400.00",
            "22",
          ],
          [
            "2",
            "INV-2",
            "",
            "16 Oct 2026",
            "15 Nov 2026",
            "CN¥12,000.50",
            "CN¥12,000.50",
            "7",
          ],
          [
            "3",
            "INV-3",
            "",
            "15 Nov 2026",
            "15 Dec 2026",
            "$5,000.00",
            "$5,000.00",
            "0",
          ],
        ],
        "seal": {
          "heading": "Your confirmation",
          "options": [
            "□ The balance above is correct and we will pay it when due",
            "□ It differs; document, amount and reason:",
          ],
          "signature": "(Company or finance seal)        Name:        Date:",
        },
        "sender": "Huikuan Technology Co., Ltd.
    22 Nov 2026",
        "title": "Statement of account and confirmation",
        "totals": [
          "CN¥98,400.50",
          "$5,000.00",
        ],
      },
      {
        "addressee": "To 杭州云帆科技有限公司",
        "headers": [
          "#",
          "Document",
          "Contract",
          "Issued",
          "Due",
          "Amount",
          "Open",
          "Days overdue",
        ],
        "paragraphs": [
          "According to our records as of 22 Nov 2026, your company owes us CN¥98,400.50; $5,000.00 in 3 item(s), listed below.",
          "Please check each line, stamp (company seal or finance seal) below to confirm and return this statement to us. Where anything differs, name the document, the amount and the reason; please pay the undisputed part when due. This statement is also our request for payment of these amounts by 2 Dec 2026.",
        ],
        "payment": "Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.",
        "reference": "DZD-20261122-c",
        "rows": [
          [
            "1",
            "INV-1",
            "HT-2026-001",
            "1 Oct 2026",
            "31 Oct 2026",
            "CN¥86,400.00",
            "CN¥86,400.00",
            "22",
          ],
          [
            "2",
            "INV-2",
            "",
            "16 Oct 2026",
            "15 Nov 2026",
            "CN¥12,000.50",
            "CN¥12,000.50",
            "7",
          ],
          [
            "3",
            "INV-3",
            "",
            "15 Nov 2026",
            "15 Dec 2026",
            "$5,000.00",
            "$5,000.00",
            "0",
          ],
        ],
        "seal": {
          "heading": "Your confirmation",
          "options": [
            "□ The balance above is correct and we will pay it when due",
            "□ It differs; document, amount and reason:",
          ],
          "signature": "(Company or finance seal)        Name:        Date:",
        },
        "sender": "(our company name — set it in Options)
    22 Nov 2026",
        "title": "Statement of account and confirmation",
        "totals": [
          "CN¥98,400.50",
          "$5,000.00",
        ],
      },
    ]
  `);
  expect(workbook('en')).toMatchInlineSnapshot(`
    {
      "rows": [
        [
          "Statement DZD-20261122-c",
        ],
        [
          "杭州云帆科技有限公司",
          "As of 2026-11-22",
        ],
        [],
        [
          "#",
          "Document",
          "Contract",
          "Issued",
          "Due",
          "Currency",
          "Amount",
          "Open",
          "Agreed (✓ / ✗)",
          "Your figure",
          "Difference, reason",
        ],
        [
          1,
          "INV-1",
          "HT-2026-001",
          46296,
          46326,
          "CNY",
          86400,
          86400,
          "",
          "",
          "",
        ],
        [
          2,
          "INV-2",
          "",
          46311,
          46341,
          "CNY",
          12000.5,
          12000.5,
          "",
          "",
          "",
        ],
        [
          3,
          "INV-3",
          "",
          46341,
          46371,
          "USD",
          5000,
          5000,
          "",
          "",
          "",
        ],
        [
          "",
          "Total",
          "",
          "",
          "",
          "CNY",
          "",
          98400.5,
          "",
          "",
          "",
        ],
        [
          "",
          "Total",
          "",
          "",
          "",
          "USD",
          "",
          5000,
          "",
          "",
          "",
        ],
      ],
      "sheets": [
        "Statement",
      ],
    }
  `);
});
