/** The complaint's facts word for word in both languages (toolkit:complaint.lines.*). */
import { complaintFacts } from '@/lib/toolkit/complaint';
import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/domain';

const facts = (
  lang: Lang,
  noSuitRecorded: boolean,
  debtorKind?: 'agency' | 'public-institution' | 'large-enterprise',
) =>
  complaintFacts({
    t: translator(lang, 'toolkit'),
    asOf: '2026-11-22',
    ourName: '回款科技有限公司',
    debtorName: '广州市卫生健康信息中心',
    debtorKind,
    documents: [
      { docNumber: 'INV-1', contractRef: 'HT-9', dueDate: '2026-08-01', undisputedMinor: 80_000_00, currency: 'CNY' },
      { docNumber: 'INV-2', dueDate: '2026-09-01', undisputedMinor: 1_000_00, currency: 'USD' },
      { docNumber: 'INV-3', dueDate: '2026-12-01', undisputedMinor: 1_000_00, currency: 'CNY' },
    ],
    demands: [
      { date: '2026-10-01', channel: 'finance-letter', evidence: 'EMS 1234' },
      { date: '2026-10-20', channel: 'call' },
    ],
    sealedStatements: [{ reference: 'DZD-20260930-c', sealedOn: '2026-10-10' }],
    noSuitRecorded,
    format: (m: number, c: string) => `${c} ${(m / 100).toFixed(2)}`,
  });

const all = (lang: Lang) => [
  facts(lang, true, 'agency'),
  facts(lang, false, 'public-institution'),
  facts(lang, false, 'large-enterprise'),
  facts(lang, true),
];

it('zh facts, word for word', () => {
  expect(all('zh')).toMatchInlineSnapshot(`
    [
      [
        "投诉人（中小企业）：回款科技有限公司",
        "被投诉人：广州市卫生健康信息中心（机关）",
        "截至 2026-11-22 无争议逾期款项合计：CNY 80000.00，USD 1000.00",
        "· 单据 INV-1（合同 HT-9），到期日 2026-08-01，无争议未付 CNY 80000.00",
        "· 单据 INV-2，到期日 2026-09-01，无争议未付 USD 1000.00",
        "· 对账确认：DZD-20260930-c，对方于 2026-10-10 盖章确认",
        "· 催收记录：2026-10-01（finance-letter），凭证：EMS 1234",
        "· 催收记录：2026-10-20（call）",
        "该款项未进入诉讼或仲裁程序。",
      ],
      [
        "投诉人（中小企业）：回款科技有限公司",
        "被投诉人：广州市卫生健康信息中心（事业单位）",
        "截至 2026-11-22 无争议逾期款项合计：CNY 80000.00，USD 1000.00",
        "· 单据 INV-1（合同 HT-9），到期日 2026-08-01，无争议未付 CNY 80000.00",
        "· 单据 INV-2，到期日 2026-09-01，无争议未付 USD 1000.00",
        "· 对账确认：DZD-20260930-c，对方于 2026-10-10 盖章确认",
        "· 催收记录：2026-10-01（finance-letter），凭证：EMS 1234",
        "· 催收记录：2026-10-20（call）",
        "（提交前请确认：该款项未进入诉讼或仲裁程序。）",
      ],
      [
        "投诉人（中小企业）：回款科技有限公司",
        "被投诉人：广州市卫生健康信息中心（大型企业）",
        "截至 2026-11-22 无争议逾期款项合计：CNY 80000.00，USD 1000.00",
        "· 单据 INV-1（合同 HT-9），到期日 2026-08-01，无争议未付 CNY 80000.00",
        "· 单据 INV-2，到期日 2026-09-01，无争议未付 USD 1000.00",
        "· 对账确认：DZD-20260930-c，对方于 2026-10-10 盖章确认",
        "· 催收记录：2026-10-01（finance-letter），凭证：EMS 1234",
        "· 催收记录：2026-10-20（call）",
        "（提交前请确认：该款项未进入诉讼或仲裁程序。）",
      ],
      [
        "投诉人（中小企业）：回款科技有限公司",
        "被投诉人：广州市卫生健康信息中心",
        "截至 2026-11-22 无争议逾期款项合计：CNY 80000.00，USD 1000.00",
        "· 单据 INV-1（合同 HT-9），到期日 2026-08-01，无争议未付 CNY 80000.00",
        "· 单据 INV-2，到期日 2026-09-01，无争议未付 USD 1000.00",
        "· 对账确认：DZD-20260930-c，对方于 2026-10-10 盖章确认",
        "· 催收记录：2026-10-01（finance-letter），凭证：EMS 1234",
        "· 催收记录：2026-10-20（call）",
        "该款项未进入诉讼或仲裁程序。",
      ],
    ]
  `);
});

it('en facts, word for word', () => {
  expect(all('en')).toMatchInlineSnapshot(`
    [
      [
        "Complainant (SME): 回款科技有限公司",
        "Debtor: 广州市卫生健康信息中心 (government agency)",
        "Undisputed overdue as of 2026-11-22: CNY 80000.00; USD 1000.00",
        "· INV-1 (contract HT-9), due 2026-08-01, undisputed unpaid CNY 80000.00",
        "· INV-2, due 2026-09-01, undisputed unpaid USD 1000.00",
        "· Statement DZD-20260930-c sealed by the debtor on 2026-10-10",
        "· Demand on 2026-10-01 (finance-letter), evidence: EMS 1234",
        "· Demand on 2026-10-20 (call)",
        "No suit or arbitration concerns this debt.",
      ],
      [
        "Complainant (SME): 回款科技有限公司",
        "Debtor: 广州市卫生健康信息中心 (public institution)",
        "Undisputed overdue as of 2026-11-22: CNY 80000.00; USD 1000.00",
        "· INV-1 (contract HT-9), due 2026-08-01, undisputed unpaid CNY 80000.00",
        "· INV-2, due 2026-09-01, undisputed unpaid USD 1000.00",
        "· Statement DZD-20260930-c sealed by the debtor on 2026-10-10",
        "· Demand on 2026-10-01 (finance-letter), evidence: EMS 1234",
        "· Demand on 2026-10-20 (call)",
        "[Confirm before filing: no suit or arbitration concerns this debt.]",
      ],
      [
        "Complainant (SME): 回款科技有限公司",
        "Debtor: 广州市卫生健康信息中心 (large enterprise)",
        "Undisputed overdue as of 2026-11-22: CNY 80000.00; USD 1000.00",
        "· INV-1 (contract HT-9), due 2026-08-01, undisputed unpaid CNY 80000.00",
        "· INV-2, due 2026-09-01, undisputed unpaid USD 1000.00",
        "· Statement DZD-20260930-c sealed by the debtor on 2026-10-10",
        "· Demand on 2026-10-01 (finance-letter), evidence: EMS 1234",
        "· Demand on 2026-10-20 (call)",
        "[Confirm before filing: no suit or arbitration concerns this debt.]",
      ],
      [
        "Complainant (SME): 回款科技有限公司",
        "Debtor: 广州市卫生健康信息中心",
        "Undisputed overdue as of 2026-11-22: CNY 80000.00; USD 1000.00",
        "· INV-1 (contract HT-9), due 2026-08-01, undisputed unpaid CNY 80000.00",
        "· INV-2, due 2026-09-01, undisputed unpaid USD 1000.00",
        "· Statement DZD-20260930-c sealed by the debtor on 2026-10-10",
        "· Demand on 2026-10-01 (finance-letter), evidence: EMS 1234",
        "· Demand on 2026-10-20 (call)",
        "No suit or arbitration concerns this debt.",
      ],
    ]
  `);
});
