/**
 * Letters in the real browser: with the demo portfolio loaded and our bank account entered on the options page,
 * the Chinese balance confirmation and the English payment demand for demo customers show their amounts (in
 * capitals in Chinese, for every currency), the seal box, our contact and seal block and only our bank account; in print media the page's own buttons disappear,
 * and Chromium prints the letter to a PDF; the 催款函's late-interest paragraph appears only when ticked.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, storedCompany, todayIso, type Launched } from './harness';
import { waitFor } from './wait';
import { BROWSER_START_MS } from './clock';
import { amountInCapitals } from '../../lib/playbook/capitals';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { allocate } from '../../lib/ledger';
import { letterItemsOf } from '../../lib/playbook/letters';
import { letterInterestParagraph } from '../../lib/toolkit/leverage';
import { publishedLpr } from '../../lib/toolkit/lpr';
import { docText } from '../../lib/i18n';

let l: Launched;

const company = {
  name: '杭州回款科技有限公司',
  nameEn: 'Huikuan Technology Co., Ltd.',
  bankName: '中国工商银行杭州分行',
  accountName: '杭州回款科技有限公司',
  bankAccount: '6222 0212 3456 7890',
  contactName: '王磊',
  contactPhone: '0571-8888 1234',
} as const;

before(async () => {
  l = await launchExtension();
  await loadDemo(l);
  // Entered the way a user does; each field is saved before the next is typed, so no save overwrites another.
  const options = await l.openPage('options.html#settings');
  for (const [field, value] of Object.entries(company)) {
    await options.getByTestId(`setting-company-${field}`).fill(value);
    await waitFor(() => storedCompany(options), {
      what: `the setting company.${field} to be saved as "${value}"`,
      timeout: 10_000,
      until: (c) => c[field] === value,
    });
  }
  await options.close();
});
after(async () => {
  await l?.close();
});

async function openLetter(query: string): Promise<Page> {
  const page = await l.openPage(`letter.html?${query}`);
  await page.getByTestId('letter').waitFor({ timeout: 15_000 });
  return page;
}

/** Minor units of a formatted amount such as "¥1,234.50". */
const minorOf = (s: string) => Math.round(Number(s.replace(/[^\d.]/g, '')) * 100);

test('the Chinese balance confirmation: amounts in figures and capitals, a seal box, only our bank account', async () => {
  const page = await openLetter('customer=c01&kind=balance-confirmation&lang=zh');
  const letter = page.getByTestId('letter');
  assert.match(await letter.locator('h1').innerText(), /对账函/);
  assert.match(await letter.innerText(), /杭州云帆科技有限公司：/);
  assert.match(await page.getByTestId('letter-reference').innerText(), /^DZ-\d{8}-01$/);

  // The CNY total in figures and in capitals agree, and equal the sum of the table's CNY rows.
  const total = await page.getByTestId('letter-total').innerText();
  const m = /¥([\d,]+\.\d{2})（(人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+)）/.exec(total);
  assert.ok(m, `no CNY total with capitals in: ${total}`);
  const cny = minorOf(m[1]);
  assert.ok(cny > 0);
  assert.equal(m[2], amountInCapitals(cny));
  const cells = await letter.locator('tbody tr td:last-child').allInnerTexts();
  const rowsCny = cells.filter((c) => c.startsWith('¥')).reduce((s, c) => s + minorOf(c), 0);
  assert.equal(rowsCny, cny);
  // The demo's USD invoice for this customer is listed in its own currency, its total in capitals too.
  assert.match(total, /US\$12,400\.00（美元壹万贰仟肆佰元整）/);
  assert.ok(cells.some((c) => c.startsWith('US$')));

  assert.match(
    await page.getByTestId('letter-signoff').innerText(),
    /杭州回款科技有限公司（盖章）\s*联系人：王磊　电话：0571-8888 1234/,
  );
  const seal = page.getByTestId('seal-box');
  assert.ok(await seal.isVisible());
  const sealText = await seal.innerText();
  assert.match(sealText, /贵司确认/);
  assert.match(sealText, /公司盖章/);
  assert.match(sealText, /信息核对无误/);

  const pay = await page.getByTestId('letter-payment').innerText();
  assert.match(pay, /6222 0212 3456 7890/);
  assert.match(pay, /中国工商银行杭州分行/);
  assert.match(pay, /户名 杭州回款科技有限公司/);
  assert.match(pay, /汇入其他任何账户或交付任何个人的款项，均不视为向我司付款/);
  assert.match(await letter.innerText(), /请于 \d{4}年\d{1,2}月\d{1,2}日 前付清/);
  await page.close();
});

test('the English payment demand: USD amounts, our bank account only, no seal box', async () => {
  const page = await openLetter('customer=c06&kind=collection-letter&lang=en');
  const letter = page.getByTestId('letter');
  assert.equal(await letter.locator('h1').innerText(), 'Payment demand');
  assert.match(await letter.innerText(), /To Pacific Rim Components Inc\./);
  assert.match(await page.getByTestId('letter-reference').innerText(), /^CK-\d{8}-01$/);
  const total = await page.getByTestId('letter-total').innerText();
  assert.match(total, /^\$[\d,]+\.\d{2}$/);
  assert.doesNotMatch(await letter.innerText(), /人民币/);
  const cells = await letter.locator('tbody tr td:last-child').allInnerTexts();
  assert.equal(
    cells.reduce((s, c) => s + minorOf(c), 0),
    minorOf(total),
  );
  const pay = await page.getByTestId('letter-payment').innerText();
  assert.match(
    pay,
    /Please pay only into our designated account: 杭州回款科技有限公司, 中国工商银行杭州分行, account 6222 0212 3456 7890\./,
  );
  assert.match(pay, /Payment into any other account or to any individual is not payment to us\./);
  assert.equal(await page.getByTestId('seal-box').count(), 0);
  assert.match(await letter.innerText(), /Huikuan Technology Co\., Ltd\./);
  await page.close();
});

test('a lawyer’s letter draft is marked as a draft in the letter’s own language', async () => {
  const page = await openLetter('customer=c02&kind=lawyer-letter&lang=zh');
  assert.match(await page.getByTestId('letter').innerText(), /草稿——须经律师审定后发出/);
  const text = await page.getByTestId('letter').innerText();
  assert.match(text, /【律师事务所名称】（以下简称“本所”）接受 杭州回款科技有限公司（以下简称“委托人”）的委托/);
  assert.doesNotMatch(text, /我司/, 'one voice: counsel never writes 我司');
  assert.match(await page.getByTestId('letter-signoff').innerText(), /律师：【律师姓名】/);
  await page.close();
});

test('print layout: buttons hidden, the seal box kept on one page, and a PDF comes out', async () => {
  const page = await openLetter('customer=c01&kind=balance-confirmation&lang=zh');
  const button = page.getByTestId('letter-print');
  assert.ok(await button.isVisible(), 'the print button shows on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await button.isVisible(), false, 'the print button is hidden in print');
  assert.equal(await page.locator('button:visible').count(), 0, 'no button at all in print');
  assert.equal(await page.getByTestId('seal-box').evaluate((e) => getComputedStyle(e).breakInside), 'avoid');
  assert.ok(await page.getByTestId('seal-box').isVisible());
  assert.ok(await page.getByTestId('letter-payment').isVisible());
  // The page's own padding gives way to the @page margins in print.
  assert.equal(await page.getByTestId('letter').evaluate((e) => getComputedStyle(e).paddingLeft), '0px');
  assert.match(await page.title(), /^对账函（欠款征询函） DZ-\d{8}-01$/);

  const cdp = await l.context.newCDPSession(page);
  const { data } = await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true });
  const pdf = Buffer.from(data, 'base64');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `PDF of ${pdf.length} bytes`);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 3, `${pages} pages`);
  // A4 at 72 dpi is 595 × 842 points.
  assert.match(pdf.toString('latin1'), /\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  await cdp.detach();
  await page.close();
});

test('the 催款函 late-interest paragraph: off by default, added only when the user ticks it, with the rule and the day count', async () => {
  // c02 has no interest terms: the default rule for an enterprise (1.5 × the one-year LPR) is named in the option and the paragraph.
  const id = 'c02';
  const demo = buildDemoPortfolio(todayIso(), BROWSER_START_MS);
  const receivables = allocate(
    demo.receivables.filter((r) => r.customerId === id),
    demo.payments.filter((p) => p.customerId === id),
  );
  const picked = letterItemsOf(receivables)
    .filter((i) => !i.disputed)
    .map((i) => i.id);
  const expected = letterInterestParagraph({
    receivables,
    picked,
    terms: { kind: 'lpr', multiple: 1.5 },
    asOf: todayIso(),
    table: publishedLpr,
    text: docText('zh'),
  });
  assert.ok(expected, 'c02 has overdue invoices to charge interest on');

  const page = await openLetter(`customer=${id}&kind=collection-letter&lang=zh`);
  const box = page.getByTestId('letter-interest');
  await box.waitFor();
  assert.equal(await box.isChecked(), false);
  assert.equal(await page.getByTestId('letter-interest-text').count(), 0);
  assert.doesNotMatch(await page.getByTestId('letter').innerText(), /逾期利息/);
  assert.match(
    await page.getByTestId('letter-interest-option').innerText(),
    /1\.5 × the one-year Loan Prime Rate|一年期贷款市场报价利率（LPR）的 1\.5 倍/,
  );

  await box.check();
  const text = await page.getByTestId('letter-interest-text').innerText();
  assert.equal(text, expected.paragraph);
  assert.match(text, new RegExp(`最长 ${expected.figures.maxDays} 天`));
  assert.match(text, /保留依法主张/); // a right reserved, not a demand
  // In print the paragraph is part of the letter; the option itself is not.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('letter-interest-text').isVisible(), true);
  assert.equal(await page.getByTestId('letter-interest-option').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  await box.uncheck();
  assert.equal(await page.getByTestId('letter-interest-text').count(), 0);
  await page.close();

  // Other letters offer no interest paragraph.
  const confirmation = await openLetter(`customer=${id}&kind=balance-confirmation&lang=zh`);
  assert.equal(await confirmation.getByTestId('letter-interest').count(), 0);
  await confirmation.close();
});
