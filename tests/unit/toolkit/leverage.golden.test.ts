/**
 * The late-interest rule as a sentence and the 催款函's optional interest paragraph, word for word in both
 * languages. Guards the wording where it lives (lib/i18n/locales/<lang>/documents.json).
 */
import { describeRule, interestParagraph, interestToDate, type TermsRule } from '@/lib/toolkit/leverage';
import { docText } from '@/lib/i18n';
import { rec } from '../support/accounts';

const rules: TermsRule[] = [
  { kind: 'sme-statutory' },
  { kind: 'per-day', rate: 0.0003 },
  { kind: 'per-year', rate: 0.06 },
  { kind: 'lpr', multiple: 1.5 },
];

const receivables = [
  rec(1, '2026-09-01', 30_000_00),
  rec(2, '2026-10-01', 12_400_00, { amount: { minor: 12_400_00, currency: 'USD' } }),
];

it('the rules and the paragraph in Chinese', () => {
  expect(rules.map((r) => describeRule(r, docText('zh').t))).toMatchInlineSnapshot(`
    [
      "每日万分之五（《保障中小企业款项支付条例》第十七条）",
      "合同约定每日 0.03%",
      "合同约定年利率 6%",
      "一年期贷款市场报价利率（LPR）的 1.5 倍",
    ]
  `);
  expect(
    rules.map((r) => interestParagraph(interestToDate(receivables, r, '2026-11-22'), r, '2026-11-22', docText('zh'))),
  ).toMatchInlineSnapshot(`
    [
      "按每日万分之五（《保障中小企业款项支付条例》第十七条）计算，截至 2026年11月22日，上述逾期款项产生的逾期利息为 ¥1,230.00，US$322.40（自各笔款项逾期之日起算，首尾两日均计入，最长 82 天）。我司保留依法主张该逾期利息的权利。",
      "按合同约定每日 0.03%计算，截至 2026年11月22日，上述逾期款项产生的逾期利息为 ¥738.00，US$193.44（自各笔款项逾期之日起算，首尾两日均计入，最长 82 天）。我司保留依法主张该逾期利息的权利。",
      "按合同约定年利率 6%计算，截至 2026年11月22日，上述逾期款项产生的逾期利息为 ¥404.38，US$105.99（自各笔款项逾期之日起算，首尾两日均计入，最长 82 天）。我司保留依法主张该逾期利息的权利。",
      "按一年期贷款市场报价利率（LPR）的 1.5 倍计算，截至 2026年11月22日，上述逾期款项产生的逾期利息为 ¥303.29，US$79.50（自各笔款项逾期之日起算，首尾两日均计入，最长 82 天）。我司保留依法主张该逾期利息的权利。",
    ]
  `);
});

it('the rules and the paragraph in English', () => {
  expect(rules.map((r) => describeRule(r, docText('en').t))).toMatchInlineSnapshot(`
    [
      "0.05% a day (SME Payment Regulation, art. 17)",
      "the contract's 0.03% a day",
      "the contract's 6% a year",
      "1.5 × the one-year Loan Prime Rate",
    ]
  `);
  expect(
    rules.map((r) => interestParagraph(interestToDate(receivables, r, '2026-11-22'), r, '2026-11-22', docText('en'))),
  ).toMatchInlineSnapshot(`
    [
      "At 0.05% a day (SME Payment Regulation, art. 17), late-payment interest on the overdue amounts above comes to CN¥1,230.00; $322.40 as of 22 Nov 2026 (from each amount's first overdue day, both end days counted, up to 82 days). We reserve our right to claim it.",
      "At the contract's 0.03% a day, late-payment interest on the overdue amounts above comes to CN¥738.00; $193.44 as of 22 Nov 2026 (from each amount's first overdue day, both end days counted, up to 82 days). We reserve our right to claim it.",
      "At the contract's 6% a year, late-payment interest on the overdue amounts above comes to CN¥404.38; $105.99 as of 22 Nov 2026 (from each amount's first overdue day, both end days counted, up to 82 days). We reserve our right to claim it.",
      "At 1.5 × the one-year Loan Prime Rate, late-payment interest on the overdue amounts above comes to CN¥303.29; $79.50 as of 22 Nov 2026 (from each amount's first overdue day, both end days counted, up to 82 days). We reserve our right to claim it.",
    ]
  `);
});

it('no paragraph when nothing is overdue', () => {
  const none = interestToDate([rec(1, '2026-12-30', 100_00)], rules[0], '2026-11-22');
  expect(interestParagraph(none, rules[0], '2026-11-22', docText('zh'))).toBeUndefined();
});
