/**
 * The printed letters word for word, in both languages: every kind, with our company's details and without them,
 * with a disputed document and a second currency. Guards the wording when it moves (it lives in
 * lib/i18n/locales/<lang>/documents.json); a change here is a change to what customers receive.
 */
import { buildLetter, letterKinds, letterText } from '@/lib/playbook/letters';
import { docText } from '@/lib/i18n';
import type { Lang } from '@/lib/domain';
import { account, NOW, rec, withCompany } from '../support/accounts';

const receivables = [
  rec(1, '2026-09-01', 30_000_00, { contractRef: 'HT-2026-001' }),
  rec(3, '2026-10-15', 8_000_00, { disputed: true, disputeReason: '数量不符' }),
  rec(4, '2026-10-20', 12_400_00, { amount: { minor: 12_400_00, currency: 'USD' } }),
];
const full = withCompany(account({ receivables }));
const bare = account({ receivables });

const printed = (lang: Lang) =>
  letterKinds.flatMap((kind) =>
    [full, bare].map((acct) => {
      const doc = buildLetter(kind, acct, NOW, docText(lang), { sequence: 2 });
      return { text: letterText(doc), seal: doc.seal ?? null, draft: doc.draft };
    }),
  );

it('zh letters, word for word', () => {
  expect(printed('zh')).toMatchInlineSnapshot(`
    [
      {
        "draft": false,
        "seal": {
          "heading": "贵司确认",
          "options": [
            "□ 信息核对无误",
            "□ 信息有差异，差异金额及原因：",
          ],
          "signature": "（公司盖章）        经办人：        日期：",
        },
        "text": "对账函（欠款征询函）
    DZ-20261122-02

    杭州云帆科技有限公司：
    截至 2026年11月22日，根据我司账务记录，贵司尚欠我司货款合计 ¥30,000.00（人民币叁万元整）；US$12,400.00（美元壹万贰仟肆佰元整），明细见下表。
    请贵司核对后在下方盖章确认并寄回。如有差异，请注明差异金额及原因。本函同时为我司对上述款项的付款要求，请于 2026年12月2日 前付清。

    单据号	合同号	开票日期	到期日	未付金额
    INV-1	HT-2026-001	2026年8月2日	2026年9月1日	¥30,000.00
    INV-4		2026年9月20日	2026年10月20日	US$12,400.00
    ¥30,000.00（人民币叁万元整） / US$12,400.00（美元壹万贰仟肆佰元整）

    以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：INV-3 ¥8,000.00（数量不符）。

    请将上述款项汇入我司唯一指定收款账户：户名 回款科技有限公司，开户行 中国工商银行杭州分行，账号 6222 0212 3456 7890。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。

    回款科技有限公司（盖章）
    联系人：王磊　电话：138 0000 1234
    2026年11月22日",
      },
      {
        "draft": false,
        "seal": {
          "heading": "贵司确认",
          "options": [
            "□ 信息核对无误",
            "□ 信息有差异，差异金额及原因：",
          ],
          "signature": "（公司盖章）        经办人：        日期：",
        },
        "text": "对账函（欠款征询函）
    DZ-20261122-02

    杭州云帆科技有限公司：
    截至 2026年11月22日，根据我司账务记录，贵司尚欠我司货款合计 ¥30,000.00（人民币叁万元整）；US$12,400.00（美元壹万贰仟肆佰元整），明细见下表。
    请贵司核对后在下方盖章确认并寄回。如有差异，请注明差异金额及原因。本函同时为我司对上述款项的付款要求，请于 2026年12月2日 前付清。

    单据号	合同号	开票日期	到期日	未付金额
    INV-1	HT-2026-001	2026年8月2日	2026年9月1日	¥30,000.00
    INV-4		2026年9月20日	2026年10月20日	US$12,400.00
    ¥30,000.00（人民币叁万元整） / US$12,400.00（美元壹万贰仟肆佰元整）

    以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：INV-3 ¥8,000.00（数量不符）。

    请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。

    （我方公司名称，请在设置中填写）（盖章）
    联系人：__________　电话：__________
    2026年11月22日",
      },
      {
        "draft": false,
        "seal": null,
        "text": "催款函
    CK-20261122-02

    杭州云帆科技有限公司：
    贵我双方合作期间，我司已按约履行供货义务。截至 2026年11月22日，下列款项已逾期未付，合计 ¥30,000.00（人民币叁万元整）；US$12,400.00（美元壹万贰仟肆佰元整）。
    特此函告，请贵司于 2026年12月2日 前付清上述款项。逾期未付的，我司将依合同约定暂停供货，并保留追究违约责任的权利。

    单据号	合同号	开票日期	到期日	未付金额
    INV-1	HT-2026-001	2026年8月2日	2026年9月1日	¥30,000.00
    INV-4		2026年9月20日	2026年10月20日	US$12,400.00
    ¥30,000.00（人民币叁万元整） / US$12,400.00（美元壹万贰仟肆佰元整）

    以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：INV-3 ¥8,000.00（数量不符）。

    请将上述款项汇入我司唯一指定收款账户：户名 回款科技有限公司，开户行 中国工商银行杭州分行，账号 6222 0212 3456 7890。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。

    回款科技有限公司（盖章）
    联系人：王磊　电话：138 0000 1234
    2026年11月22日",
      },
      {
        "draft": false,
        "seal": null,
        "text": "催款函
    CK-20261122-02

    杭州云帆科技有限公司：
    贵我双方合作期间，我司已按约履行供货义务。截至 2026年11月22日，下列款项已逾期未付，合计 ¥30,000.00（人民币叁万元整）；US$12,400.00（美元壹万贰仟肆佰元整）。
    特此函告，请贵司于 2026年12月2日 前付清上述款项。逾期未付的，我司将依合同约定暂停供货，并保留追究违约责任的权利。

    单据号	合同号	开票日期	到期日	未付金额
    INV-1	HT-2026-001	2026年8月2日	2026年9月1日	¥30,000.00
    INV-4		2026年9月20日	2026年10月20日	US$12,400.00
    ¥30,000.00（人民币叁万元整） / US$12,400.00（美元壹万贰仟肆佰元整）

    以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：INV-3 ¥8,000.00（数量不符）。

    请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。

    （我方公司名称，请在设置中填写）（盖章）
    联系人：__________　电话：__________
    2026年11月22日",
      },
      {
        "draft": true,
        "seal": null,
        "text": "律师函（草稿，供律师审定）
    LS-20261122-02

    杭州云帆科技有限公司：
    【律师事务所名称】（以下简称“本所”）接受 回款科技有限公司（以下简称“委托人”）的委托，指派【律师姓名】律师，就贵司拖欠委托人货款一事致函如下：
    根据委托人提供的资料，截至 2026年11月22日，贵司尚欠委托人货款合计 ¥30,000.00（人民币叁万元整）；US$12,400.00（美元壹万贰仟肆佰元整），明细见下表，经委托人多次催告仍未支付。
    请贵司于收到本函之日起七日内付清上述款项。逾期未付的，本所将建议委托人依法提起诉讼，并主张逾期付款利息及维权费用。

    单据号	合同号	开票日期	到期日	未付金额
    INV-1	HT-2026-001	2026年8月2日	2026年9月1日	¥30,000.00
    INV-4		2026年9月20日	2026年10月20日	US$12,400.00
    ¥30,000.00（人民币叁万元整） / US$12,400.00（美元壹万贰仟肆佰元整）

    以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：INV-3 ¥8,000.00（数量不符）。

    请将上述款项汇入委托人指定收款账户：户名 回款科技有限公司，开户行 中国工商银行杭州分行，账号 6222 0212 3456 7890。汇入其他任何账户或交付任何个人的款项，均不视为向委托人付款。

    【律师事务所名称】（盖章）
    律师：【律师姓名】
    联系电话：【律师电话】
    2026年11月22日",
      },
      {
        "draft": true,
        "seal": null,
        "text": "律师函（草稿，供律师审定）
    LS-20261122-02

    杭州云帆科技有限公司：
    【律师事务所名称】（以下简称“本所”）接受 （我方公司名称，请在设置中填写）（以下简称“委托人”）的委托，指派【律师姓名】律师，就贵司拖欠委托人货款一事致函如下：
    根据委托人提供的资料，截至 2026年11月22日，贵司尚欠委托人货款合计 ¥30,000.00（人民币叁万元整）；US$12,400.00（美元壹万贰仟肆佰元整），明细见下表，经委托人多次催告仍未支付。
    请贵司于收到本函之日起七日内付清上述款项。逾期未付的，本所将建议委托人依法提起诉讼，并主张逾期付款利息及维权费用。

    单据号	合同号	开票日期	到期日	未付金额
    INV-1	HT-2026-001	2026年8月2日	2026年9月1日	¥30,000.00
    INV-4		2026年9月20日	2026年10月20日	US$12,400.00
    ¥30,000.00（人民币叁万元整） / US$12,400.00（美元壹万贰仟肆佰元整）

    以下单据双方尚有争议，不在本函付款要求之内，另行协商解决：INV-3 ¥8,000.00（数量不符）。

    请将款项汇入合同约定的委托人对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向委托人付款。

    【律师事务所名称】（盖章）
    律师：【律师姓名】
    联系电话：【律师电话】
    2026年11月22日",
      },
    ]
  `);
});

it('en letters, word for word', () => {
  expect(printed('en')).toMatchInlineSnapshot(`
    [
      {
        "draft": false,
        "seal": {
          "heading": "Your confirmation",
          "options": [
            "□ The balance above is correct",
            "□ It differs; amount and reason:",
          ],
          "signature": "(Company stamp)        Name:        Date:",
        },
        "text": "Balance confirmation
    DZ-20261122-02

    To 杭州云帆科技有限公司
    According to our records as of 22 Nov 2026, your company owes us CN¥30,000.00; $12,400.00, itemised below.
    Please check, stamp or sign below to confirm, and return this letter. If anything differs, state the amount and the reason. This letter is also our request for payment of these amounts by 2 Dec 2026.

    Document	Contract	Issued	Due	Open amount
    INV-1	HT-2026-001	2 Aug 2026	1 Sept 2026	CN¥30,000.00
    INV-4		20 Sept 2026	20 Oct 2026	$12,400.00
    CN¥30,000.00 / $12,400.00

    These documents are in dispute and are not demanded in this letter; they will be settled separately: INV-3 CN¥8,000.00 (数量不符).

    Please pay only into our designated account: 回款科技有限公司, 中国工商银行杭州分行, account 6222 0212 3456 7890. Payment into any other account or to any individual is not payment to us.

    For and on behalf of Huikuan Technology Co., Ltd.
    (company seal)
    Contact: 王磊, tel. 138 0000 1234
    22 Nov 2026",
      },
      {
        "draft": false,
        "seal": {
          "heading": "Your confirmation",
          "options": [
            "□ The balance above is correct",
            "□ It differs; amount and reason:",
          ],
          "signature": "(Company stamp)        Name:        Date:",
        },
        "text": "Balance confirmation
    DZ-20261122-02

    To 杭州云帆科技有限公司
    According to our records as of 22 Nov 2026, your company owes us CN¥30,000.00; $12,400.00, itemised below.
    Please check, stamp or sign below to confirm, and return this letter. If anything differs, state the amount and the reason. This letter is also our request for payment of these amounts by 2 Dec 2026.

    Document	Contract	Issued	Due	Open amount
    INV-1	HT-2026-001	2 Aug 2026	1 Sept 2026	CN¥30,000.00
    INV-4		20 Sept 2026	20 Oct 2026	$12,400.00
    CN¥30,000.00 / $12,400.00

    These documents are in dispute and are not demanded in this letter; they will be settled separately: INV-3 CN¥8,000.00 (数量不符).

    Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.

    For and on behalf of (our company name — set it in Options)
    (company seal)
    Contact: __________, tel. __________
    22 Nov 2026",
      },
      {
        "draft": false,
        "seal": null,
        "text": "Payment demand
    CK-20261122-02

    To 杭州云帆科技有限公司
    We have delivered as agreed. As of 22 Nov 2026, the amounts below are overdue, CN¥30,000.00; $12,400.00 in total.
    We ask you to pay them by 2 Dec 2026. If they remain unpaid, we will suspend supply under the contract and reserve our rights for breach.

    Document	Contract	Issued	Due	Open amount
    INV-1	HT-2026-001	2 Aug 2026	1 Sept 2026	CN¥30,000.00
    INV-4		20 Sept 2026	20 Oct 2026	$12,400.00
    CN¥30,000.00 / $12,400.00

    These documents are in dispute and are not demanded in this letter; they will be settled separately: INV-3 CN¥8,000.00 (数量不符).

    Please pay only into our designated account: 回款科技有限公司, 中国工商银行杭州分行, account 6222 0212 3456 7890. Payment into any other account or to any individual is not payment to us.

    For and on behalf of Huikuan Technology Co., Ltd.
    (company seal)
    Contact: 王磊, tel. 138 0000 1234
    22 Nov 2026",
      },
      {
        "draft": false,
        "seal": null,
        "text": "Payment demand
    CK-20261122-02

    To 杭州云帆科技有限公司
    We have delivered as agreed. As of 22 Nov 2026, the amounts below are overdue, CN¥30,000.00; $12,400.00 in total.
    We ask you to pay them by 2 Dec 2026. If they remain unpaid, we will suspend supply under the contract and reserve our rights for breach.

    Document	Contract	Issued	Due	Open amount
    INV-1	HT-2026-001	2 Aug 2026	1 Sept 2026	CN¥30,000.00
    INV-4		20 Sept 2026	20 Oct 2026	$12,400.00
    CN¥30,000.00 / $12,400.00

    These documents are in dispute and are not demanded in this letter; they will be settled separately: INV-3 CN¥8,000.00 (数量不符).

    Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.

    For and on behalf of (our company name — set it in Options)
    (company seal)
    Contact: __________, tel. __________
    22 Nov 2026",
      },
      {
        "draft": true,
        "seal": null,
        "text": "Lawyer's letter (draft for counsel)
    LS-20261122-02

    To 杭州云帆科技有限公司
    [Law firm name] acts for Huikuan Technology Co., Ltd. ("our client"). [Lawyer's name] writes to you on our client's instructions about the goods you have not paid for.
    According to our client's records, as of 22 Nov 2026 your company owes our client CN¥30,000.00; $12,400.00, itemised below, which remains unpaid despite our client's repeated demands.
    Please pay the full amount within seven days of receiving this letter. Otherwise we will advise our client to sue and to claim late-payment interest and costs.

    Document	Contract	Issued	Due	Open amount
    INV-1	HT-2026-001	2 Aug 2026	1 Sept 2026	CN¥30,000.00
    INV-4		20 Sept 2026	20 Oct 2026	$12,400.00
    CN¥30,000.00 / $12,400.00

    These documents are in dispute and are not demanded in this letter; they will be settled separately: INV-3 CN¥8,000.00 (数量不符).

    Please pay only into our client's designated account: 回款科技有限公司, 中国工商银行杭州分行, account 6222 0212 3456 7890. Payment into any other account or to any individual is not payment to our client.

    [Law firm name] (seal)
    [Lawyer's name], attorney
    Tel. [lawyer's phone]
    22 Nov 2026",
      },
      {
        "draft": true,
        "seal": null,
        "text": "Lawyer's letter (draft for counsel)
    LS-20261122-02

    To 杭州云帆科技有限公司
    [Law firm name] acts for (our company name — set it in Options) ("our client"). [Lawyer's name] writes to you on our client's instructions about the goods you have not paid for.
    According to our client's records, as of 22 Nov 2026 your company owes our client CN¥30,000.00; $12,400.00, itemised below, which remains unpaid despite our client's repeated demands.
    Please pay the full amount within seven days of receiving this letter. Otherwise we will advise our client to sue and to claim late-payment interest and costs.

    Document	Contract	Issued	Due	Open amount
    INV-1	HT-2026-001	2 Aug 2026	1 Sept 2026	CN¥30,000.00
    INV-4		20 Sept 2026	20 Oct 2026	$12,400.00
    CN¥30,000.00 / $12,400.00

    These documents are in dispute and are not demanded in this letter; they will be settled separately: INV-3 CN¥8,000.00 (数量不符).

    Please pay into our client's company account stated in the contract. Payment into any other account or to any individual is not payment to our client.

    [Law firm name] (seal)
    [Lawyer's name], attorney
    Tel. [lawyer's phone]
    22 Nov 2026",
      },
    ]
  `);
});
