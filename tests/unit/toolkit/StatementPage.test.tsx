// @vitest-environment happy-dom
/**
 * The statement page prints the statement of account and the payment plan agreement in the language the link
 * asks for, word for word, whether or not it is the page's own language (the browser here is English).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { StatementPage } from '@/components/toolkit/StatementPage';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll, saveSettings } from '@/lib/db/repo';
import { defaultSettings } from '@/lib/domain';
import { createPaymentPlan, createStatement } from '@/lib/toolkit/store';
import { fixed, panelStore } from '../support/panelStore';

let db: HuikuanDb;
let planId = '';
let statementId = '';
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
  await replaceAll(db, panelStore(), fixed);
  await saveSettings(db, { ourCompany: { ...defaultSettings().ourCompany, name: '回款科技有限公司' } });
  const open = (await db.ledgers.get('c1'))!.receivables.filter((r) => r.amount.currency === 'CNY').map((r) => r.id);
  const plan = await createPaymentPlan(
    db,
    {
      customerId: 'c1',
      agreedOn: '2026-11-20',
      receivableIds: open,
      instalments: [
        { date: '2026-12-15', amount: { minor: 20_000_00, currency: 'CNY' } },
        { date: '2027-01-15', amount: { minor: 15_000_00, currency: 'CNY' } },
      ],
      graceDays: 5,
      accelerateOnMiss: true,
    },
    fixed,
  );
  planId = plan.id;
  statementId = (await createStatement(db, 'c1', '2026-11-22', undefined, fixed)).id;
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

async function page(query: string): Promise<string> {
  history.replaceState(null, '', `/statement.html?${query}`);
  render(
    <AppShell clock={() => fixed} namespaces={['common', 'sidepanel', 'documents']}>
      <StatementPage />
    </AppShell>,
  );
  const doc = await screen.findByTestId('toolkit-doc', undefined, { timeout: 5000 });
  await screen.findByTestId('doc-reference', undefined, { timeout: 5000 });
  return [...doc.querySelectorAll('h1, h2, p, th, td')].map((e) => e.textContent).join('\n');
}

it('the plan agreement in Chinese', async () => {
  expect(await page(`plan=${planId}&lang=zh`)).toMatchInlineSnapshot(`
    "还款计划协议
    HKJH-20261120-c1
    Acme Trading Co.（债务人）确认：截至 2026年11月20日，根据下列单据尚欠 回款科技有限公司（债权人）¥35,000.00（人民币叁万伍仟元整），并同意按下列分期支付。
    涉及单据
    INV-0001 (2026年7月1日)、INV-0002 (2026年11月1日)、INV-0003 (2026年12月15日)、INV-0000 (2026年3月1日)
    分期安排
    期数
    付款日期
    金额
    1
    2026年12月15日
    ¥20,000.00
    2
    2027年1月15日
    ¥15,000.00
    任何一期未按期足额支付的（宽限 5 天后），剩余未付款项全部提前到期，债权人有权一并主张并要求支付逾期利息。
    债务人（盖章）：                债权人（盖章）：                日期："
  `);
});

it('the plan agreement in English', async () => {
  expect(await page(`plan=${planId}&lang=en`)).toMatchInlineSnapshot(`
    "Payment plan agreement (还款计划协议)
    HKJH-20261120-c1
    Acme Trading Co. (the debtor) confirms that, as of 20 Nov 2026, it owes 回款科技有限公司 (the creditor) CN¥35,000.00 under the documents listed below, and agrees to pay it in the instalments below.
    Documents covered
    INV-0001 (1 Jul 2026), INV-0002 (1 Nov 2026), INV-0003 (15 Dec 2026), INV-0000 (1 Mar 2026)
    Instalments
    #
    Due on
    Amount
    1
    15 Dec 2026
    CN¥20,000.00
    2
    15 Jan 2027
    CN¥15,000.00
    If any instalment is not paid in full by its date (plus 5 days’ grace), the whole unpaid rest falls due at once and the creditor may claim it together with late-payment interest.
    Debtor (seal):                Creditor (seal):                Date:"
  `);
});

it('the statement of account in Chinese', async () => {
  expect(await page(`statement=${statementId}&lang=zh`)).toMatchInlineSnapshot(`
    "对账单（对账确认函）
    DZD-20261122-c1
    Acme Trading Co.：
    截至 2026年11月22日，根据我司账务记录，贵司尚欠我司款项合计 ¥45,000.00（人民币肆万伍仟元整），US$1,240.00，共 4 笔，明细见下表。
    请贵司财务逐笔核对，在下方加盖公章或财务专用章确认后寄回我司。如有差异，请注明差异单据、金额及原因；无差异部分请按期支付。本函同时为我司对上述款项的付款请求，请于 2026年12月2日 前付清。
    序号
    单据号
    合同号
    开票日期
    到期日
    单据金额
    未付金额
    逾期天数
    1
    INV-0001

    2026年1月5日
    2026年7月1日
    ¥30,000.00
    ¥30,000.00
    144
    2
    US-77

    2026年1月5日
    2026年10月10日
    US$1,240.00
    US$1,240.00
    43
    3
    INV-0002

    2026年1月5日
    2026年11月1日
    ¥10,000.00
    ¥10,000.00
    21
    4
    INV-0003

    2026年1月5日
    2026年12月15日
    ¥5,000.00
    ¥5,000.00
    0
    ¥45,000.00（人民币肆万伍仟元整）；US$1,240.00
    请将款项汇入合同约定的我司对公账户。汇入其他任何账户或交付任何个人的款项，均不视为向我司付款。
    贵司确认
    □ 上述欠款金额核对无误，我司将按期支付
    □ 有差异，差异单据、金额及原因：
    （公司公章 / 财务专用章）        经办人：        日期：
    回款科技有限公司
    2026年11月22日"
  `);
});

it('the statement of account in English', async () => {
  expect(await page(`statement=${statementId}&lang=en`)).toMatchInlineSnapshot(`
    "Statement of account and confirmation
    DZD-20261122-c1
    To Acme Trading Co.
    According to our records as of 22 Nov 2026, your company owes us CN¥45,000.00; $1,240.00 in 4 item(s), listed below.
    Please check each line, stamp (company seal or finance seal) below to confirm and return this statement to us. Where anything differs, name the document, the amount and the reason; please pay the undisputed part when due. This statement is also our request for payment of these amounts by 2 Dec 2026.
    #
    Document
    Contract
    Issued
    Due
    Amount
    Open
    Days overdue
    1
    INV-0001

    5 Jan 2026
    1 Jul 2026
    CN¥30,000.00
    CN¥30,000.00
    144
    2
    US-77

    5 Jan 2026
    10 Oct 2026
    $1,240.00
    $1,240.00
    43
    3
    INV-0002

    5 Jan 2026
    1 Nov 2026
    CN¥10,000.00
    CN¥10,000.00
    21
    4
    INV-0003

    5 Jan 2026
    15 Dec 2026
    CN¥5,000.00
    CN¥5,000.00
    0
    CN¥45,000.00; $1,240.00
    Please pay into our company account stated in the contract. Payment into any other account or to any individual is not payment to us.
    Your confirmation
    □ The balance above is correct and we will pay it when due
    □ It differs; document, amount and reason:
    (Company or finance seal)        Name:        Date:
    回款科技有限公司
    22 Nov 2026"
  `);
});
