/**
 * The WeChat drafts word for word in both languages, every kind, with and without the contact's name, the
 * retention before and after its release date. Guards the wording where it lives (toolkit:im.drafts.*).
 */
import { imDrafts } from '@/lib/toolkit/im';
import { translator } from '@/lib/i18n';
import type { Lang } from '@/lib/domain';
import { rec } from '../support/accounts';

const receivables = [
  rec(1, '2026-10-01', 30_000_00),
  rec(2, '2026-10-15', 12_400_00, { amount: { minor: 12_400_00, currency: 'USD' } }),
  rec(3, '2027-06-01', 50_000_00, {
    retention: { minor: 50_000_00, releaseDate: '2027-06-01', basis: 'warranty', remindDays: 30 },
  }),
];
const input = (lang: Lang, asOf: string, contactName?: string) => ({
  lang,
  t: translator(lang, 'toolkit'),
  asOf,
  contactName,
  receivables,
  openStatement: { asOf: '2026-11-20', reference: 'DZD-20261120-c' } as never,
  plan: {
    reference: 'HKJH-20261101-c',
    progress: {
      instalments: [
        { index: 0, date: '2026-11-15', minor: 10_000_00, currency: 'CNY', paidMinor: 10_000_00, state: 'kept' },
        { index: 1, date: '2026-12-15', minor: 10_000_00, currency: 'CNY', paidMinor: 0, state: 'pending' },
      ],
    } as never,
  },
  disputes: [
    {
      receivableId: 'r1',
      docNumber: 'INV-1',
      currency: 'CNY',
      openMinor: 30_000_00,
      disputedMinor: 5_000_00,
      undisputedMinor: 25_000_00,
    },
  ],
});
const drafts = (lang: Lang) => [
  ...imDrafts(input(lang, '2026-11-22', '李娜')),
  ...imDrafts(input(lang, '2027-06-10')).filter((d) => d.key === 'retention' || d.key === 'thanks'),
  ...imDrafts(input(lang, '2027-05-10')).filter((d) => d.key === 'retention'),
];

it('zh drafts, word for word', () => {
  expect(drafts('zh')).toMatchInlineSnapshot(`
    [
      {
        "key": "overdue",
        "text": "李娜您好，截至2026年11月22日，贵司有 ¥30,000.00、US$12,400.00 货款已到期未付。麻烦帮忙看下付款安排，方便告知具体付款日期吗？谢谢！",
      },
      {
        "key": "statement",
        "text": "李娜您好，截至2026年11月20日的对账单（DZD-20261120-c）已发给您，请财务核对后盖章回传一份，有差异请直接标注。谢谢！",
      },
      {
        "key": "instalment",
        "text": "李娜您好，按还款计划（HKJH-20261101-c），第2期 ¥10,000.00 应于2026年12月15日支付，麻烦提前安排，谢谢！",
      },
      {
        "key": "undisputed",
        "text": "李娜您好，INV-1 中有争议的 ¥5,000.00 我们在核实处理；无争议的 ¥25,000.00 请先安排支付，谢谢！",
      },
      {
        "key": "thanks",
        "text": "李娜您好，款项已收到，感谢您的协调支持！",
      },
      {
        "key": "retention",
        "text": "您好，INV-3 的质保金 ¥50,000.00 已于2027年6月1日到期。按合同约定及《保障中小企业款项支付条例》第十三条，保证金应在期满后及时退还，麻烦尽快安排，谢谢！",
      },
      {
        "key": "thanks",
        "text": "您好，款项已收到，感谢您的协调支持！",
      },
      {
        "key": "retention",
        "text": "您好，INV-3 的质保金 ¥50,000.00 将于2027年6月1日到期。按合同约定及《保障中小企业款项支付条例》第十三条，保证金应在期满后及时退还，麻烦届时安排，谢谢！",
      },
    ]
  `);
});

it('en drafts, word for word', () => {
  expect(drafts('en')).toMatchInlineSnapshot(`
    [
      {
        "key": "overdue",
        "text": "Hi 李娜, as of 22 Nov 2026, CN¥30,000.00 and $12,400.00 is past due. Could you let me know the date it will be paid? Thank you!",
      },
      {
        "key": "statement",
        "text": "Hi 李娜, our statement as of 20 Nov 2026 (DZD-20261120-c) is with you. Could finance check it, stamp it and send a copy back, marking any difference? Thanks!",
      },
      {
        "key": "instalment",
        "text": "Hi 李娜, under our payment plan (HKJH-20261101-c), instalment 2 of CN¥10,000.00 is due on 15 Dec 2026. Please arrange it in time, thanks!",
      },
      {
        "key": "undisputed",
        "text": "Hi 李娜, we are looking into the CN¥5,000.00 in question on INV-1; please pay the undisputed CN¥25,000.00 meanwhile. Thanks!",
      },
      {
        "key": "thanks",
        "text": "Hi 李娜, payment received — thank you for your help!",
      },
      {
        "key": "retention",
        "text": "Hi, the retention of CN¥50,000.00 on INV-3 fell due on 1 Jun 2027. Under the contract and the SME Payment Regulation (art. 13), deposits are returned promptly when their term ends — could you arrange it now? Thanks!",
      },
      {
        "key": "thanks",
        "text": "Hi, payment received — thank you for your help!",
      },
      {
        "key": "retention",
        "text": "Hi, the retention of CN¥50,000.00 on INV-3 falls due on 1 Jun 2027. Under the contract and the SME Payment Regulation (art. 13), deposits are returned promptly when their term ends — could you arrange it for that day? Thanks!",
      },
    ]
  `);
});
