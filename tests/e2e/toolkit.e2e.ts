/**
 * The collector's toolkit in the real browser, on the demo portfolio (today pinned to 2026-11-22):
 * - interest to date for each rule equals lateInterest over the same documents, with the day count and caveats;
 * - a statement sent by EMS → sealed copy recorded → limitation restarted on the documents it lists, and the
 *   printed statement carries the stated total and the seal box;
 * - a payment plan whose first instalment passes unpaid shows it broken and escalates by acceleration;
 * - a partial dispute leaves only the undisputed rest to demand: the toolkit, the WeChat draft, the status card, the
 *   script's invoices, the level and the summary the badge and the popup read;
 * - the complaint channel is eligible for a government debtor of an SME creditor and not for a private company, and
 *   the ladder's complaint step appears for the government debtor (SME per Settings) and not for the private one.
 * - retention money (质保金) is not overdue before its release date (status card, summary, worklist follow-up) and
 *   is demanded after it (条例 art. 13);
 * - a bank acceptance bill settles the ledger while its cash is expected at maturity in the popup's expected
 *   collections, equal to the forecast computed in Node over the same store.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchExtension, loadDemo, todayIso, type Launched } from './harness';
import { waitFor } from './wait';
import { BROWSER_START_MS } from './clock';
import { buildDemoPortfolio } from '../../lib/demo/portfolio';
import { addDays, allocate, limitationDeadline } from '../../lib/ledger';
import { lateInterest, smeStatutoryRule, type InterestRule } from '../../lib/toolkit/interest';
import { forecastStore } from '../../lib/forecast/portfolio';
import type { Bill } from '../../lib/toolkit/records';
import type { CustomerLedger } from '../../lib/db/schema';
import { suggestNext } from '../../lib/playbook';
import { formatMoney } from '../../lib/format';
import {
  defaultSettings,
  type ComplaintTerms,
  type Customer,
  type CustomerSummary,
  type DisputedPart,
  type PaymentProcessProfile,
  type PaymentPromise,
  type Receivable,
} from '../../lib/domain';

let l: Launched;
const today = todayIso();
const demo = buildDemoPortfolio(today, BROWSER_START_MS);

before(async () => {
  l = await launchExtension();
  await loadDemo(l);
});
after(async () => {
  await l?.close();
});

async function panelFor(customer: string): Promise<Page> {
  const panel = await l.openPage(`sidepanel.html?customer=${customer}`);
  await panel
    .locator(
      `main[data-customer-id="${customer}"][data-ready="true"] [data-testid=below-the-fold][data-complete="true"]`,
    )
    .waitFor({ timeout: 20_000 });
  await panel.getByTestId('toolkit').scrollIntoViewIfNeeded();
  return panel;
}

const openDocs = (customerId: string) =>
  allocate(
    demo.receivables.filter((r) => r.customerId === customerId),
    demo.payments.filter((p) => p.customerId === customerId),
  ).filter((r) => r.kind === 'invoice' && r.openMinor > 0);

/** A record of one of the extension's stores, read with plain IndexedDB from an extension page. */
async function readRow<T>(page: Page, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ([s, k]) =>
      new Promise<T | undefined>((resolve) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const get = req.result.transaction(s, 'readonly').objectStore(s).get(k);
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result as T | undefined);
          };
          get.onerror = () => {
            req.result.close();
            resolve(undefined);
          };
        };
        req.onerror = () => resolve(undefined);
      }),
    [store, key] as const,
  );
}
async function allRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (s) =>
      new Promise<T[]>((resolve) => {
        const req = indexedDB.open('huikuan');
        req.onsuccess = () => {
          const get = req.result.transaction(s, 'readonly').objectStore(s).getAll();
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result as T[]);
          };
        };
      }),
    store,
  );
}

/** The demo customer's account as the panel loads it, with the complaint terms and Settings the test has set. */
function snapshotOf(id: string, opts: { terms?: ComplaintTerms; sme?: boolean; disputes?: DisputedPart[] } = {}) {
  return {
    customer: demo.customers.find((c) => c.id === id)!,
    contacts: demo.contacts.filter((c) => c.customerId === id),
    receivables: allocate(
      demo.receivables.filter((r) => r.customerId === id),
      demo.payments.filter((p) => p.customerId === id),
    ),
    payments: demo.payments.filter((p) => p.customerId === id),
    promises: demo.promises.filter((p) => p.customerId === id),
    activities: demo.activities.filter((a) => a.customerId === id),
    profile: demo.profiles.find((p) => p.customerId === id),
    settings: { ...defaultSettings(), smeCreditor: opts.sme ?? false },
    ...(opts.terms ? { terms: opts.terms } : {}),
    disputes: opts.disputes ?? [],
  };
}

/** What suggestNext (computed here in Node) says of a demo customer today. */
const suggestionOf = (id: string, opts: Parameters<typeof snapshotOf>[1] = {}) =>
  suggestNext(snapshotOf(id, opts), new Date(BROWSER_START_MS), 'en');

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const terms = (t: Partial<ComplaintTerms> = {}): ComplaintTerms => ({
  weWereSme: false,
  debtorSize: 'unknown',
  publicInstitution: false,
  inCourt: false,
  ...t,
});

async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  await waitFor(check, { what, timeout: ms, interval: 150 });
}

test('interest to date: each rule gives lateInterest’s figure per overdue document, with the day count and caveats', async () => {
  const panel = await panelFor('c05');
  const docs = openDocs('c05').filter((r) => r.dueDate < today);
  const expectFor = (rule: InterestRule) =>
    new Map(
      docs.map((r) => {
        const res = lateInterest({ minor: r.openMinor, currency: 'CNY' }, addDays(r.dueDate, 1), today, rule);
        return [r.id, res] as const;
      }),
    );
  const shown = async () => {
    const items = await panel.locator('[data-testid=interest-docs] li').all();
    return new Map(
      await Promise.all(
        items.map(
          async (li) =>
            [
              await li.getAttribute('data-receivable-id'),
              {
                days: Number(await li.getAttribute('data-days')),
                minor: Number(await li.getAttribute('data-minor')),
              },
            ] as const,
        ),
      ),
    );
  };
  const check = async (rule: InterestRule, caveat: string) => {
    const expected = expectFor(rule);
    await until('the interest figures', async () => {
      const s = await shown();
      return (
        s.size === expected.size &&
        [...expected].every(([id, e]) => s.get(id)?.minor === e.interest.minor && s.get(id)?.days === e.days)
      );
    });
    const total = [...expected.values()].reduce((s, e) => s + e.interest.minor, 0);
    assert.match(
      await panel.getByTestId('interest-total').innerText(),
      new RegExp(`¥${(total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }).replace(/\./g, '\\.')}`),
    );
    const maxDays = Math.max(...[...expected.values()].map((e) => e.days));
    assert.match(await panel.getByTestId('interest-days').innerText(), new RegExp(`${maxDays} days`));
    assert.equal(await panel.locator(`[data-testid=interest-caveats] [data-caveat=${caveat}]`).count(), 1);
  };

  // A government customer defaults to the SME regulation's 0.05 % a day.
  assert.equal(await panel.getByTestId('interest-kind').inputValue(), 'sme-statutory');
  await check(smeStatutoryRule, 'sme');
  await panel.getByTestId('interest-kind').selectOption('per-day');
  await panel.getByTestId('interest-rate').fill('0.03');
  await check({ kind: 'per-day', rate: 0.0003 }, 'penalty');
  await panel.getByTestId('interest-kind').selectOption('per-year');
  await panel.getByTestId('interest-rate').fill('6');
  await check({ kind: 'per-year', rate: 0.06 }, 'penalty');
  await panel.getByTestId('interest-kind').selectOption('lpr');
  await panel.getByTestId('interest-multiple').fill('1.5');
  await check({ kind: 'lpr', multiple: 1.5 }, 'lpr');
  assert.match(await panel.getByTestId('interest-lpr-rows').innerText(), /3\.00%/);

  // Saved terms persist, and the letter paragraph appears only when the user ticks it.
  await panel.getByTestId('interest-save').click();
  await until(
    'the saved terms',
    async () =>
      (await readRow<{ interest?: { kind: string; multiple?: number } }>(panel, 'customerTerms', 'c05'))?.interest
        ?.multiple === 1.5,
  );
  assert.equal(await panel.getByTestId('interest-paragraph').count(), 0);
  // The box follows the stored terms (a live query), so click and wait for the store rather than `check()`.
  await panel.getByTestId('interest-in-letter').click();
  await panel.getByTestId('interest-paragraph').waitFor({ timeout: 10_000 });
  assert.match(await panel.getByTestId('interest-paragraph').innerText(), /Loan Prime Rate/);
  await panel.close();
});

test('the complaint step appears for an eligible government debtor and not for a private one', async () => {
  // Our SME status from Settings (Options → Our company), not from the customer's terms.
  const options = await l.openPage('options.html#settings');
  const sme = options.getByTestId('setting-sme-creditor');
  await sme.waitFor({ timeout: 15_000 });
  await sme.check();
  const smeSaved = async (v: boolean) =>
    (await readRow<{ value: { smeCreditor?: boolean } }>(options, 'meta', 'settings'))?.value.smeCreditor === v;
  await until('Settings say we are an SME', () => smeSaved(true));

  // c04, a government agency (no terms of its own), before the statement test below talks to it (a sealed statement
  // is talk, which holds legal steps and the complaint for 14 days, rule 10): each step is refused in turn.
  const gov = await panelFor('c04');
  const card = gov.getByTestId('next-step');
  const refuse = async () => {
    const before = await card.getAttribute('data-level');
    await card.getByTestId('log-attempt').waitFor({ state: 'detached', timeout: 15_000 });
    await card.getByTestId('log-step').click();
    await card.getByTestId('log-attempt').waitFor();
    await gov.keyboard.press('Enter'); // the step's own channel
    await gov.keyboard.press('x'); // refused
    await until('the ladder moves', async () => (await card.getAttribute('data-level')) !== before);
  };
  // Each refusal climbs one step; the step after the finance letter (the ceiling for public bodies) is the complaint.
  const seen = [await card.getAttribute('data-level')];
  assert.ok(Number(seen[0]) <= 5, `c04 starts at or below the finance letter (${seen[0]})`);
  while (seen.at(-1) !== '7' && seen.length < 5) {
    await refuse();
    seen.push(await card.getAttribute('data-level'));
  }
  assert.deepEqual(seen.slice(-2), ['5', '7']);
  assert.match(await card.locator('h2').innerText(), /Complaint to the SME payment platform/);
  const script = await card.getByTestId('script').inputValue();
  assert.match(script, /违约拖欠中小企业款项登记（投诉）平台/);
  assert.match(script, /广州市卫生健康信息中心 \(a government agency\)/);
  // c04 has no terms recorded: the filer is asked to confirm there is no suit rather than told there is none.
  assert.match(script, /\[Confirm before filing: no suit or arbitration concerns these amounts/);
  for (const r of openDocs('c04')
    .filter((x) => x.dueDate < today)
    .slice(0, 8))
    assert.ok(script.includes(r.docNumber), r.docNumber);
  assert.doesNotMatch(script, /lawyer|sue/i);
  await gov.getByTestId('toolkit-tab-complaint').click();
  const box = gov.getByTestId('complaint');
  await until('the complaint tab offers it', async () => (await box.getAttribute('data-offer')) === 'true');
  assert.equal(await box.getAttribute('data-eligible'), 'true');
  const summary = await readRow<{ ladder: { complaint?: { debtorKind: string } } }>(gov, 'summaries', 'c04');
  assert.equal(summary?.ladder.complaint?.debtorKind, 'agency');

  // Not an SME after all: the public body stays at the finance letter, its ceiling.
  await sme.uncheck();
  await until('Settings say we are not an SME', () => smeSaved(false));
  await until('back to the finance letter', async () => (await card.getAttribute('data-level')) === '5');
  await sme.check();
  await until('Settings say we are an SME', () => smeSaved(true));
  await until('the complaint step again', async () => (await card.getAttribute('data-level')) === '7');
  await gov.close();

  // c19, a private company, has reached the lawyer's letter: with the same Settings it gets the lawyer's letter,
  // never the complaint.
  const priv = await panelFor('c19');
  const pcard = priv.getByTestId('next-step');
  assert.equal(await pcard.getAttribute('data-level'), '7');
  assert.match(await pcard.locator('h2').innerText(), /Lawyer's letter/);
  assert.doesNotMatch(await pcard.getByTestId('script').inputValue(), /违约拖欠中小企业款项/);
  await priv.getByTestId('toolkit-tab-complaint').click();
  assert.equal(await priv.getByTestId('complaint').getAttribute('data-eligible'), 'false');
  assert.equal(await priv.getByTestId('complaint').getAttribute('data-offer'), 'false');
  await priv.close();
  // Settings as they were, for the tests after this one.
  await sme.uncheck();
  await until('Settings say we are not an SME', () => smeSaved(false));
  await options.close();
});

test('statement sent by EMS → sealed copy recorded → limitation restarted on the documents it lists', async () => {
  const panel = await panelFor('c04');
  await panel.getByTestId('toolkit-tab-statements').click();
  await panel.getByTestId('statement-create').click();
  const row = panel.locator('[data-statement-id]').first();
  await row.waitFor({ timeout: 10_000 });
  const id = (await row.getAttribute('data-statement-id'))!;
  const stored = (await readRow<{ lines: Array<{ receivableId: string; openMinor: number }>; reference: string }>(
    panel,
    'statements',
    id,
  ))!;
  const expected = openDocs('c04');
  assert.deepEqual(stored.lines.map((x) => x.receivableId).sort(), expected.map((r) => r.id).sort());

  // The printed statement states the same total and has the seal box.
  const letter = await l.openPage(`statement.html?statement=${id}&lang=zh`);
  await letter.getByTestId('toolkit-doc').waitFor({ timeout: 15_000 });
  const totalMinor = expected.reduce((s, r) => s + r.openMinor, 0);
  assert.match(
    await letter.getByTestId('doc-total').innerText(),
    new RegExp(`¥${(totalMinor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }).replace(/\./g, '\\.')}`),
  );
  assert.match(await letter.getByTestId('doc-seal-box').innerText(), /公章/);
  await letter.close();

  await row.getByTestId('statement-sent').click();
  await row.getByTestId('statement-step-date').fill('2026-11-01');
  await row.getByTestId('statement-via').selectOption('ems');
  await row.getByTestId('statement-tracking').fill('EA123456789CN');
  await row.getByTestId('statement-follow-days').fill('14');
  await row.getByTestId('statement-step-save').click();
  await until('status sent', async () => (await row.getAttribute('data-status')) === 'sent');
  // 2026-11-01 + 14 days is before today: the sealed copy is late and the follow-up is due.
  await row.getByTestId('statement-follow-up').waitFor({ timeout: 10_000 });

  await row.getByTestId('statement-sealed').click();
  await row.getByTestId('statement-step-date').fill('2026-11-20');
  await row.getByTestId('statement-note').fill('扫描件存 OA 合同柜');
  await row.getByTestId('statement-step-save').click();
  await until('status sealed', async () => (await row.getAttribute('data-status')) === 'sealed');
  await row.getByTestId('statement-sealed-note').waitFor();

  const ledger = (await readRow<{ receivables: Receivable[] }>(panel, 'ledgers', 'c04'))!;
  for (const r of ledger.receivables.filter((x) => stored.lines.some((line) => line.receivableId === x.id))) {
    assert.ok(
      r.interruptions.some((i) => i.kind === 'sealed-confirmation' && i.date === '2026-11-20'),
      `${r.docNumber} has the sealed confirmation`,
    );
    // A document not yet due on the day of the seal keeps its period from its due date (nothing to interrupt yet).
    assert.equal(
      limitationDeadline(r, { years: 3 }).deadline,
      r.dueDate < '2026-11-20' ? '2029-11-20' : `${Number(r.dueDate.slice(0, 4)) + 3}${r.dueDate.slice(4)}`,
      r.docNumber,
    );
  }
  const summary = await readRow<{ limitationDeadline?: string }>(panel, 'summaries', 'c04');
  const notListed = ledger.receivables.filter(
    (x) => !stored.lines.some((line) => line.receivableId === x.id) && x.status === 'open' && x.kind === 'invoice',
  );
  const expectedDeadline = [
    ...notListed,
    ...ledger.receivables.filter((x) => stored.lines.some((line) => line.receivableId === x.id)),
  ]
    .map((r) => limitationDeadline(r, { years: 3 }).deadline)
    .sort()[0];
  assert.equal(summary?.limitationDeadline, expectedDeadline);
  await panel.close();
});

test('a payment plan with a missed instalment escalates: instalment broken, acceleration notice, the rest due', async () => {
  const panel = await panelFor('c08');
  await panel.getByTestId('toolkit-tab-plans').click();
  await panel.getByTestId('plan-add').click();
  await panel.getByTestId('plan-total').fill('90000');
  await panel.getByTestId('plan-count').fill('3');
  // The first instalment fell on 2026-11-01 and nothing came: past its date plus the 3 grace days, it is broken.
  await panel.getByTestId('plan-first').fill('2026-11-01');
  await panel.getByTestId('plan-save').click();
  const plan = panel.locator('[data-plan-id]').first();
  await plan.waitFor({ timeout: 10_000 });
  await until(
    'instalment 1 broken',
    async () => (await plan.locator('[data-instalment="1"]').getAttribute('data-state')) === 'broken',
  );
  assert.equal(await plan.locator('[data-instalment="2"]').getAttribute('data-state'), 'pending');
  assert.match(await plan.getByTestId('plan-missed').innerText(), /¥90,000\.00/);
  await plan.getByTestId('plan-accelerate').click();
  await until('plan accelerated', async () => (await plan.getAttribute('data-status')) === 'accelerated');
  assert.equal(await plan.locator('[data-instalment="3"]').getAttribute('data-state'), 'cancelled');
  const planId = (await plan.getAttribute('data-plan-id'))!;
  const notice = await readRow<{ channel: string; nextDate?: string }>(panel, 'activities', `a-acc-${planId}`);
  assert.deepEqual(notice && { channel: notice.channel, nextDate: notice.nextDate }, {
    channel: 'written-notice',
    nextDate: today,
  });
  // The agreement interrupted limitation on the documents it covers.
  const ledger = (await readRow<{ receivables: Receivable[] }>(panel, 'ledgers', 'c08'))!;
  assert.ok(
    ledger.receivables
      .filter((r) => r.status === 'open')
      .every((r) => r.interruptions.some((i) => i.kind === 'payment-plan' && i.date === today)),
  );
  await panel.close();
});

test('a partial dispute demanding only the rest', async () => {
  const panel = await panelFor('c10');
  await panel.getByTestId('toolkit-tab-disputes').click();
  await panel.getByTestId('dispute-add').click();
  const doc = openDocs('c10').find((r) => r.docNumber === '031001001')!;
  await panel.getByTestId('dispute-doc').selectOption(doc.id);
  await panel.getByTestId('dispute-category').selectOption('quantity-acceptance');
  await panel.getByTestId('dispute-amount').fill('40000');
  await panel.getByTestId('dispute-save').click();
  const rest = panel.getByTestId('dispute-rest');
  await rest.waitFor({ timeout: 10_000 });
  assert.equal(Number(await rest.getAttribute('data-undisputed-minor')), doc.openMinor - 4_000_000);
  assert.match(await rest.innerText(), /¥100,000\.00 undisputed/); // "CN¥" in English
  const rows = await allRows<{ disputedMinor: number; category: string }>(panel, 'disputes');
  assert.deepEqual(
    rows.map((r) => [r.category, r.disputedMinor]),
    [['quantity-acceptance', 4_000_000]],
  );
  await panel.getByTestId('toolkit-tab-im').click();
  const draft = panel.locator('[data-draft=undisputed] [data-testid=im-text]');
  assert.match(await draft.innerText(), /please pay the undisputed (CN)?¥100,000\.00/);

  // The rest of the panel, the summary the badge and the popup read, and the ladder act on the undisputed rest too.
  const disputes: DisputedPart[] = [
    { receivableId: doc.id, disputedMinor: 4_000_000, currency: 'CNY', status: 'open' },
  ];
  const expected = suggestionOf('c10', { disputes });
  const flagged = openDocs('c10')
    .filter((r) => r.disputed)
    .reduce((t, r) => t + r.openMinor, 0);
  await until(
    'the status card counts the disputed part apart',
    async () =>
      Number(
        await panel
          .getByTestId('disputed-CNY')
          .getAttribute('data-minor')
          .catch(() => '0'),
      ) ===
      flagged + 4_000_000,
  );
  // The script's picker offers the ¥100,000 rest of the document and names its disputed ¥40,000 apart.
  const card = panel.getByTestId('next-step');
  assert.match(
    await card.getByTestId('script-invoices').innerText(),
    new RegExp(`031001001 .?${escape(formatMoney(doc.openMinor - 4_000_000, 'CNY', 'en'))}`),
  );
  assert.match(
    await card.getByTestId('script-invoices-disputed').innerText(),
    new RegExp(`031001001 ${escape(formatMoney(4_000_000, 'CNY', 'en'))}`),
  );
  assert.equal(Number(await card.getAttribute('data-level')), expected.level);
  const demanded = expected.demanded.find((d) => d.id === doc.id)!;
  assert.equal(demanded.minor, doc.openMinor - 4_000_000);
  const summary = await readRow<{ disputedCount: number; ladder: { disputedByDue: Array<[string, string, number]> } }>(
    panel,
    'summaries',
    'c10',
  );
  const onDue = summary!.ladder.disputedByDue
    .filter(([d, c]) => d === doc.dueDate && c === 'CNY')
    .reduce((t, [, , m]) => t + m, 0);
  assert.equal(
    onDue,
    openDocs('c10')
      .filter((r) => r.disputed && r.dueDate === doc.dueDate)
      .reduce((t, r) => t + r.openMinor, 0) + 4_000_000,
  );
  await panel.close();
  // The popup's worklist row owes the undisputed overdue rest: flagged documents and the disputed ¥40,000 left out.
  const owed = openDocs('c10')
    .filter((r) => r.dueDate < today && !r.disputed && r.amount.currency === 'CNY')
    .reduce((t, r) => t + r.openMinor - (r.id === doc.id ? 4_000_000 : 0), 0);
  const popup = await l.openPage('popup.html');
  const row = popup.locator('[data-testid=worklist-row][data-customer-id=c10] [data-testid=worklist-owed-CNY]');
  await until(
    'the worklist row owes the undisputed rest',
    async () => Number(await row.getAttribute('data-minor', { timeout: 1000 }).catch(() => '0')) === owed,
    20_000,
  );
  await popup.close();
});

test('the complaint channel: eligible for a government debtor of an SME creditor, not for a private company', async () => {
  const gov = await panelFor('c05');
  await gov.getByTestId('toolkit-tab-complaint').click();
  const box = gov.getByTestId('complaint');
  assert.equal(await box.getAttribute('data-eligible'), 'false'); // SME status not yet stated
  await gov.getByTestId('complaint-sme').click();
  await until('eligible', async () => (await box.getAttribute('data-eligible')) === 'true');
  const facts = await gov.getByTestId('complaint-facts').innerText();
  assert.match(facts, /成都市高新区政务服务中心 \(government agency\)/);
  for (const r of openDocs('c05').filter((x) => x.dueDate < today)) assert.ok(facts.includes(r.docNumber), r.docNumber);
  // Offered exactly when the ladder (suggestNext, computed here in Node on the same record) says so.
  assert.equal(
    await box.getAttribute('data-offer'),
    String(suggestionOf('c05', { terms: terms({ weWereSme: true }) }).complaint),
  );
  await gov.close();

  // c09, a state-owned group, once stated to be a large enterprise, is at the lawyer's letter: the complaint comes first.
  const soe = await panelFor('c09');
  await soe.getByTestId('toolkit-tab-complaint').click();
  await soe.getByTestId('complaint-sme').click();
  await until(
    'SME saved',
    async () => (await readRow<{ weWereSme: boolean }>(soe, 'customerTerms', 'c09'))?.weWereSme === true,
  );
  await soe.getByTestId('complaint-size').selectOption('large');
  const sbox = soe.getByTestId('complaint');
  await until('eligible', async () => (await sbox.getAttribute('data-eligible')) === 'true');
  // Offered exactly when the ladder (suggestNext, computed here in Node on the same record) says so.
  const offer09 = suggestionOf('c09', { terms: terms({ weWereSme: true, debtorSize: 'large' }) }).complaint;
  await until('the offer follows the terms', async () => (await sbox.getAttribute('data-offer')) === String(offer09));
  assert.equal(await soe.getByTestId('complaint-step').count(), offer09 ? 1 : 0);
  assert.match(await soe.getByTestId('complaint-facts').innerText(), /\(large enterprise\)/);
  await soe.close();

  const priv = await panelFor('c12');
  await priv.getByTestId('toolkit-tab-complaint').click();
  await priv.getByTestId('complaint-sme').click();
  const pbox = priv.getByTestId('complaint');
  await until(
    'SME saved',
    async () => (await readRow<{ weWereSme: boolean }>(priv, 'customerTerms', 'c12'))?.weWereSme === true,
  );
  assert.equal(await pbox.getAttribute('data-eligible'), 'false');
  assert.equal(await priv.locator('[data-condition=debtorCovered]').getAttribute('data-met'), 'unknown');
  await priv.getByTestId('complaint-size').selectOption('sme');
  await until(
    'debtor not covered',
    async () => (await priv.locator('[data-condition=debtorCovered]').getAttribute('data-met')) === 'false',
  );
  assert.equal(await pbox.getAttribute('data-eligible'), 'false');
  assert.equal(await priv.getByTestId('complaint-step').count(), 0);
  assert.equal(await priv.getByTestId('complaint-facts').count(), 0);
  await priv.close();
});

test('the LPR table is edited in Options and the LPR rule then uses the new row from its effective date', async () => {
  const options = await l.openPage('options.html#settings');
  const box = options.getByTestId('lpr-text');
  await box.waitFor({ timeout: 15_000 });
  assert.match(await options.getByTestId('lpr-source').innerText(), /shipped/);
  await box.fill(`${await box.inputValue()}\n2026-10-20 abc`);
  await options.getByTestId('lpr-save').click();
  assert.match(await options.getByTestId('lpr-message').innerText(), /Line 14: .*Nothing was saved/);
  await box.fill((await box.inputValue()).replace('2026-10-20 abc', '2026-10-20 2.50'));
  await options.getByTestId('lpr-save').click();
  await until('the table saved', async () =>
    /Using your table/.test(await options.getByTestId('lpr-source').innerText()),
  );
  await options.close();

  const panel = await panelFor('c05');
  await panel.getByTestId('interest-kind').selectOption('lpr');
  await panel.getByTestId('interest-multiple').fill('1');
  const table = [
    { from: '2025-05-20', rate: 0.03 },
    { from: '2026-10-20', rate: 0.025 },
  ];
  const docs = openDocs('c05').filter((r) => r.dueDate < today);
  const expected = docs.reduce(
    (s, r) =>
      s +
      lateInterest({ minor: r.openMinor, currency: 'CNY' }, addDays(r.dueDate, 1), today, {
        kind: 'lpr',
        multiple: 1,
        table,
      }).interest.minor,
    0,
  );
  await until('the new LPR row used', async () =>
    /2\.50%/.test(
      await panel
        .getByTestId('interest-lpr-rows')
        .innerText()
        .catch(() => ''),
    ),
  );
  const shown = await panel
    .locator('[data-testid=interest-docs] li')
    .evaluateAll((lis) => lis.reduce((s, li) => s + Number(li.getAttribute('data-minor')), 0));
  assert.equal(shown, expected);
  await panel.close();
});

test('retention not overdue before its date, demanded after', async () => {
  // c24 owes 031002400 (¥77,500, due 8 Sep) and 031002402 (¥205,000, due 25 Sep), both overdue and unpaid.
  const panel = await panelFor('c24');
  const docs = openDocs('c24');
  const a = docs.find((r) => r.docNumber === '031002402')!;
  const b = docs.find((r) => r.docNumber === '031002400')!;
  const overdueBefore = docs.filter((r) => r.dueDate < today).reduce((s, r) => s + r.openMinor, 0);
  const overdueShown = async () => Number(await panel.getByTestId('overdue-CNY').getAttribute('data-minor'));
  assert.equal(await overdueShown(), overdueBefore);

  // 10 % of 031002402 held until 20 days from today (warranty end), reminded 30 days before: not overdue, ask soon.
  const release = addDays(today, 20);
  await panel.getByTestId('toolkit-tab-retention').click();
  await panel.getByTestId('retention-add').click();
  await panel.getByTestId('retention-doc').selectOption(a.id);
  await panel.getByTestId('retention-value').fill('10');
  await panel.getByTestId('retention-release').fill(release);
  await panel.getByTestId('retention-save').click();
  const itemA = panel.locator(`[data-testid=retention-item][data-receivable-id="${a.id}"]`);
  await itemA.waitFor({ timeout: 10_000 });
  const held = a.amount.minor / 10;
  assert.equal(await itemA.getAttribute('data-state'), 'remind');
  assert.equal(Number(await itemA.getAttribute('data-held-minor')), held);
  await until('overdue without the held part', async () => (await overdueShown()) === overdueBefore - held);
  assert.equal(Number(await panel.getByTestId('retention-held-CNY').getAttribute('data-minor')), held);
  assert.match(await itemA.getByTestId('retention-say').innerText(), /falls due on .* \(in 20 days\)/);
  assert.match(await itemA.getByTestId('retention-art13').innerText(), /art\. 13/);

  // The whole of 031002400 held as a deposit whose term ended on 1 Nov: overdue since then, demanded.
  await panel.getByTestId('retention-add').click();
  await panel.getByTestId('retention-doc').selectOption(b.id);
  await panel.getByTestId('retention-mode').selectOption('amount');
  await panel.getByTestId('retention-value').fill(String(b.openMinor / 100));
  await panel.getByTestId('retention-basis').selectOption('deposit');
  await panel.getByTestId('retention-release').fill('2026-11-01');
  await panel.getByTestId('retention-save').click();
  const itemB = panel.locator(`[data-testid=retention-item][data-receivable-id="${b.id}"]`);
  await itemB.waitFor({ timeout: 10_000 });
  assert.equal(await itemB.getAttribute('data-state'), 'overdue');
  assert.match(await itemB.getByTestId('retention-say').innerText(), /due since 1 Nov 2026 \(21 days\): demand it/);
  assert.equal(await overdueShown(), overdueBefore - held);
  // The next step still demands 031002400 (its deposit is overdue) and the rest of 031002402.
  const step = panel.getByTestId('next-step');
  assert.ok(Number(await step.getAttribute('data-level')) > 0);

  // The stored summary (what the badge, the popup and the worklist read) has each part on its own day.
  await until(
    'the summary',
    async () => (await readRow<CustomerSummary>(panel, 'summaries', 'c24'))?.retentionHeld?.length === 2,
  );
  const summary = (await readRow<CustomerSummary>(panel, 'summaries', 'c24'))!;
  assert.deepEqual(summary.openByDue, [
    ['2026-09-25', 'CNY', a.openMinor - held],
    ['2026-11-01', 'CNY', b.openMinor],
    [release, 'CNY', held],
  ]);
  // The WeChat draft asks for the deposit that fell due, with the regulation's article.
  await panel.getByTestId('toolkit-tab-im').click();
  assert.match(
    await panel.locator('[data-draft=retention] [data-testid=im-text]').innerText(),
    /the retention of (CN)?¥77,500\.00 on 031002400 fell due on 1 Nov 2026\. .*\(art\. 13\)/,
  );
  await panel.close();

  // The popup's worklist: c24's row asks for the retention falling due, and counts only the rest as overdue.
  const popup = await l.openPage('popup.html');
  const row = popup.locator('[data-testid="worklist-row"][data-customer-id="c24"]');
  await until(
    'the retention follow-up in the worklist',
    async () =>
      /retention (CN)?¥20,500\.00 falls due on 12 Dec 2026/.test((await row.textContent().catch(() => '')) ?? ''),
    20_000,
  );
  assert.equal(Number(await row.getByTestId('worklist-owed-CNY').getAttribute('data-minor')), overdueBefore - held);
  await popup.close();
});

test('a bill settling the ledger with cash expected at maturity in the popup’s expected collections', async () => {
  const panel = await panelFor('c27');
  const doc = openDocs('c27').find((r) => r.docNumber === '031002700')!; // ¥15,000, due 9 Oct, unpaid
  const overdueBefore = Number(await panel.getByTestId('overdue-CNY').getAttribute('data-minor'));
  const maturity = addDays(today, 30);
  await panel.getByTestId('toolkit-tab-bills').click();
  await panel.getByTestId('bill-add').click();
  for (const box of await panel.getByTestId('bill-doc').all())
    await box.setChecked((await box.getAttribute('data-receivable-id')) === doc.id);
  await panel.getByTestId('bill-amount').fill(String(doc.openMinor / 100));
  await panel.getByTestId('bill-maturity').fill(maturity);
  // A commercial bill from a weak acceptor: warned before it is taken, with the 条例 art. 11.
  await panel.getByTestId('bill-kind').selectOption('commercial-acceptance');
  await panel.getByTestId('bill-weak').check();
  const draftWarnings = () =>
    panel
      .getByTestId('bill-warnings-draft')
      .locator('[data-warning]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-warning')));
  await until('the draft warnings', async () =>
    (await draftWarnings().catch((): Array<string | null> => [])).includes('weakAcceptor'),
  );
  assert.deepEqual(await draftWarnings(), ['weakAcceptor', 'art11', 'stretches']);
  assert.match(await panel.getByTestId('bill-warnings-draft').innerText(), /art\. 11/);
  // Taken as a bank acceptance instead.
  await panel.getByTestId('bill-kind').selectOption('bank-acceptance');
  await panel.getByTestId('bill-acceptor').fill('中国工商银行济南分行');
  await panel.getByTestId('bill-number').fill('110200000000120261122000000001');
  await panel.getByTestId('bill-save').click();
  const item = panel.getByTestId('bill-item');
  await item.waitFor({ timeout: 10_000 });
  assert.equal(await item.getAttribute('data-maturity'), maturity);
  assert.match(
    await item.getByTestId('bill-settles').innerText(),
    /Settled 031002700 in the ledger on 22 Nov 2026; cash expected on 22 Dec 2026/,
  );
  // Settled in the ledger: the document is no longer overdue.
  await until(
    'the document settled',
    async () =>
      Number(await panel.getByTestId('overdue-CNY').getAttribute('data-minor')) === overdueBefore - doc.openMinor,
  );
  const [bill] = await allRows<Bill>(panel, 'bills');
  const ledger = (await readRow<CustomerLedger>(panel, 'ledgers', 'c27'))!;
  const payment = ledger.payments.find((p) => p.id === bill.paymentId)!;
  assert.deepEqual(
    [payment.date, payment.amount.minor, payment.allocations],
    [today, doc.openMinor, [{ receivableId: doc.id, minor: doc.openMinor }]],
  );
  // The side panel's forecast shows the bill's cash on its maturity day.
  const row = panel.locator(`[data-testid=forecast-invoice][data-receivable-id="bill:${bill.id}"]`);
  await row.waitFor({ timeout: 20_000 });
  assert.equal(await row.getAttribute('data-expected'), maturity);
  assert.match(await row.innerText(), /matures 22 Dec 2026: the documents are settled, the cash comes at maturity/);

  // The popup's expected collections: the bill's cash in the week of its maturity, equal to Node's forecast of the same store.
  const [customers, ledgers, promises, profiles, bills] = await Promise.all([
    allRows<Customer>(panel, 'customers'),
    allRows<CustomerLedger>(panel, 'ledgers'),
    allRows<PaymentPromise>(panel, 'promises'),
    allRows<PaymentProcessProfile>(panel, 'profiles'),
    allRows<Bill>(panel, 'bills'),
  ]);
  await panel.close();
  const expected = forecastStore(
    {
      customers,
      receivables: ledgers.flatMap((x) => x.receivables),
      payments: ledgers.flatMap((x) => x.payments),
      promises,
      profiles,
      bills,
    },
    today,
    defaultSettings().promiseGraceDays,
  ).portfolio;
  const cny = expected.byCurrency.CNY;
  assert.deepEqual([cny.bills, cny.nextBillMaturity], [doc.openMinor, maturity]);
  const popup = await l.openPage('popup.html');
  const line = popup.getByTestId('forecast-bills-CNY');
  await line.waitFor({ timeout: 30_000 });
  assert.deepEqual(
    [Number(await line.getAttribute('data-minor')), await line.getAttribute('data-next')],
    [doc.openMinor, maturity],
  );
  assert.match(await line.innerText(), /cash at maturity: (CN)?¥15,000\.00 \(next 22 Dec 2026\)/);
  const bars = await popup
    .getByTestId('forecast-weeks-CNY')
    .locator('[data-minor]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-week'), Number(e.getAttribute('data-minor'))]));
  assert.deepEqual(
    bars,
    expected.weekStarts.map((w, i) => [w, cny.weeks[i]]),
  );
  const week = expected.weekStarts.findIndex(
    (w, i) => w <= maturity && (i === expected.weekStarts.length - 1 || maturity < expected.weekStarts[i + 1]),
  );
  assert.ok(cny.weeks[week] >= doc.openMinor, 'the week of the maturity holds the bill');
  assert.equal(Number(await popup.getByTestId('forecast-month-CNY').getAttribute('data-minor')), cny.thisMonth);
  await popup.close();
});
