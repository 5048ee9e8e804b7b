/**
 * Edit before it leaves, in the real browser: the side panel's script is edited and its invoices picked, the
 * attempt is logged by keys (channel, then outcome) and undone; then the 对账函 is opened from the panel, its
 * invoices picked and a paragraph edited, printed to PDF, and logged as sent with its outcome — and the panel's
 * timeline shows what was sent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, storedCompany, type Launched } from './harness';
import { waitFor } from './wait';

let l: Launched;

interface StoredActivity {
  id: string;
  customerId: string;
  channel: string;
  outcome: string;
  receivableIds: string[];
  sent?: { kind: string; letterKind?: string; reference?: string; text: string };
}

/** The customer's activities as stored, read with plain IndexedDB from an extension page. */
async function activitiesOf(page: Page, customerId: string): Promise<StoredActivity[]> {
  return page.evaluate(
    (id) =>
      new Promise<StoredActivity[]>((resolve, reject) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const all = req.result.transaction('activities', 'readonly').objectStore('activities').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve((all.result as StoredActivity[]).filter((a) => a.customerId === id));
          };
          all.onerror = () => {
            req.result.close();
            reject(all.error);
          };
        };
        req.onerror = () => reject(req.error);
      }),
    customerId,
  );
}

const until = <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 15_000): Promise<T> =>
  waitFor(read, { what, timeout: ms, interval: 150, until: ok });

before(async () => {
  l = await launchExtension();
  await loadDemo(l);
  const options = await l.openPage('options.html#settings');
  for (const [field, value] of Object.entries({
    name: '杭州回款科技有限公司',
    contactName: '王磊',
    contactPhone: '0571-8888 1234',
  })) {
    await options.getByTestId(`setting-company-${field}`).fill(value);
    // Each field is saved before the next is typed, so no save overwrites another.
    await until(
      () => storedCompany(options),
      (c) => c[field] === value,
      `setting ${field}`,
    );
  }
  await options.close();
});
after(async () => {
  await l?.close();
});

test('edit the script, pick its invoices, print the 对账函 and log each attempt with its outcome', async () => {
  const panel = await l.openPage('sidepanel.html?customer=c01');
  await panel
    .locator('main[data-customer-id="c01"][data-ready="true"] [data-testid=below-the-fold][data-complete="true"]')
    .waitFor({ timeout: 20_000 });
  const card = panel.getByTestId('next-step');
  const before = (await activitiesOf(panel, 'c01')).length;

  // The script: edited, and one invoice left out of it.
  const script = card.getByTestId('script');
  await script.fill('王经理您好，这是我们核对后的未付清单，请安排付款。');
  const boxes = card.getByTestId('script-invoices').locator('input[type=checkbox]');
  const checked = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked));
  assert.ok(checked.filter(Boolean).length >= 2, 'more than one overdue invoice picked to begin with');
  const first = boxes.nth(checked.indexOf(true));
  const leftOut = (await first.getAttribute('data-testid'))!.replace('script-invoices-', '');
  await first.uncheck();
  const covered = await card.getByTestId('script-covered').innerText();
  assert.doesNotMatch(covered, new RegExp(`${leftOut} `));

  // Logged by keys: 6 (email), then p (promised); undone with z; logged again.
  await card.getByTestId('log-step').click();
  const log = card.getByTestId('log-attempt');
  await log.waitFor();
  await panel.keyboard.press('6');
  await panel.keyboard.press('p');
  await card.getByTestId('attempt-logged').waitFor();
  let acts = await until(
    () => activitiesOf(panel, 'c01'),
    (a) => a.length === before + 1,
    'the email attempt',
  );
  const email = acts.find((a) => a.sent?.kind === 'script')!;
  assert.equal(email.channel, 'email');
  assert.equal(email.outcome, 'promised');
  assert.match(email.sent!.text, /王经理您好，这是我们核对后的未付清单/);
  assert.doesNotMatch(email.sent!.text, new RegExp(`${leftOut} `));
  await panel.keyboard.press('z');
  await card.getByTestId('attempt-undone').waitFor();
  await until(
    () => activitiesOf(panel, 'c01'),
    (a) => a.length === before,
    'the undo',
  );
  await card.getByTestId('log-attempt').waitFor({ state: 'detached', timeout: 10_000 });
  await card.getByTestId('log-step').click();
  await card.getByTestId('log-attempt').waitFor();
  await panel.keyboard.press('1');
  await panel.keyboard.press('n');
  await until(
    () => activitiesOf(panel, 'c01'),
    (a) => a.some((x) => x.channel === 'phone' && x.outcome === 'no-answer' && x.sent?.kind === 'script'),
    'the call',
  );

  // The 对账函, opened from the panel in a tab of its own.
  const [letter] = await Promise.all([
    l.context.waitForEvent('page'),
    card.getByTestId('letter-balance-confirmation').click(),
  ]);
  const doc = letter.getByTestId('letter');
  await doc.waitFor({ timeout: 15_000 });
  await letter.goto(letter.url().replace(/lang=\w+/, 'lang=zh'));
  await doc.waitFor({ timeout: 15_000 });
  assert.match(await letter.getByTestId('letter-reference').innerText(), /^DZ-\d{8}-01$/);
  const picks = letter.getByTestId('letter-invoices').locator('input[type=checkbox]');
  const rowsBefore = await doc.locator('tbody tr').count();
  const dropped = (await picks.first().getAttribute('data-testid'))!.replace('letter-invoices-', '');
  await picks.first().uncheck();
  assert.equal(await doc.locator('tbody tr').count(), rowsBefore - 1);
  const total = await letter.getByTestId('letter-total').innerText();
  assert.match(total, /（(人民币|美元)[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+）/);
  await letter.getByTestId('letter-edit').click();
  await letter.getByTestId('letter-paragraph-0').fill('贵司好：经双方财务核对，截至今日贵司尚欠我司下表所列货款。');
  assert.match(
    await letter.getByTestId('letter-signoff').innerText(),
    /杭州回款科技有限公司（盖章）\s*联系人：王磊　电话：0571-8888 1234/,
  );

  // Print: the PDF as Chromium prints the page, then the button (its dialog stubbed: headless) opens the log.
  await letter.emulateMedia({ media: 'print' });
  assert.equal(await letter.getByTestId('letter-tools').isVisible(), false, 'no tool in print');
  assert.match(await doc.innerText(), /经双方财务核对，截至今日贵司尚欠我司下表所列货款/);
  const cdp = await l.context.newCDPSession(letter);
  const { data } = await cdp.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true });
  assert.equal(Buffer.from(data, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
  await cdp.detach();
  await letter.emulateMedia({ media: 'screen' });
  await letter.evaluate(() => {
    window.print = () => undefined;
  });
  await letter.getByTestId('letter-print').click();
  const letterLog = letter.getByTestId('log-attempt');
  await letterLog.waitFor();
  assert.equal(await letterLog.getAttribute('data-step'), 'channel');
  await letter.keyboard.press('Enter'); // the 对账函's own channel: statement
  await letter.keyboard.press('p');
  await letter.getByTestId('attempt-logged').waitFor();
  assert.match(await letter.getByTestId('attempt-preparations').innerText(), /reset|清零/);

  acts = await until(
    () => activitiesOf(letter, 'c01'),
    (a) => a.some((x) => x.sent?.kind === 'letter'),
    'the letter',
  );
  const sent = acts.find((x) => x.sent?.kind === 'letter')!;
  assert.equal(sent.channel, 'statement');
  assert.equal(sent.outcome, 'promised');
  assert.equal(sent.sent!.letterKind, 'balance-confirmation');
  assert.match(sent.sent!.reference!, /^DZ-\d{8}-01$/);
  assert.match(sent.sent!.text, /经双方财务核对/);
  assert.doesNotMatch(sent.sent!.text, new RegExp(`${dropped}\\t`));
  assert.equal(sent.receivableIds.length, rowsBefore - 1);

  // The panel's timeline shows what was sent with the letter's reference.
  const sentText = panel.getByTestId('timeline').getByTestId('sent-text').filter({ hasText: sent.sent!.reference! });
  await sentText.waitFor({ timeout: 15_000 });
  await letter.close();
  await panel.close();
});
