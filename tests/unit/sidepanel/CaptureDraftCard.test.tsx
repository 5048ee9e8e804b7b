// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PINNED } from '../support/clock';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { CaptureDraftCard, type CaptureDraftCardProps } from '@/components/sidepanel/CaptureDraftCard';
import { CaptureSavedNotice, announceCaptureSaved } from '@/components/sidepanel/CaptureSavedNotice';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll, saveSettings } from '@/lib/db/repo';
import { buildDemoPortfolio } from '@/lib/demo/portfolio';
import { documentCounts } from '../support/ledgers';
import { receivablesOf } from '@/lib/db/ledgers';

const fixed = PINNED;
const today = '2026-11-22';
const sentAt = new Date(2026, 10, 20, 9, 30).toISOString();

let db: HuikuanDb;
let sent: Array<Record<string, unknown>>;
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  sent = [];
  fakeBrowser.runtime.sendMessage = vi.fn(async (m: unknown) => {
    sent.push(m as Record<string, unknown>);
    return { ok: true };
  }) as never;
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
  await replaceAll(db, buildDemoPortfolio(today, fixed.getTime()), fixed);
});
afterEach(() => {
  cleanup();
  announceCaptureSaved(null);
  db.close();
  setDb(undefined);
});

const draftOf = (
  text: string,
  extra: Partial<CaptureDraftCardProps['draft']> = {},
): CaptureDraftCardProps['draft'] => ({
  text,
  subject: 'Re: 付款安排',
  sentAt,
  from: 'finance@yunfan-tech.example.cn',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
  capturedAt: fixed.getTime(),
  ...extra,
});

/** Renders the card and waits for it: pages may load their strings before the first render. */
async function renderCard(props: Partial<CaptureDraftCardProps> & { draft: CaptureDraftCardProps['draft'] }) {
  const r = render(
    <AppShell clock={() => fixed}>
      <CaptureSavedNotice />
      <CaptureDraftCard customerId="c01" tabId={7} {...props} />
    </AppShell>,
  );
  await screen.findByTestId('capture-draft');
  return r;
}
const card = () => screen.getByTestId('capture-draft');
const save = () => within(card()).getByTestId('capture-save') as HTMLButtonElement;
const saved = () => screen.findByTestId('capture-saved', {}, { timeout: 5000 });
const types = () => sent.map((m) => m.type);

describe('capture draft card', () => {
  it('names the traps and a new order the signal detector reads in the message, with the words that show them', async () => {
    await renderCard({
      draft: draftOf('我们的客户还没给我们回款，等他们付了我们才能付给你们。另外下个月还要再订一批货。'),
    });
    const signals = await within(card()).findByTestId('capture-signals');
    expect([...signals.querySelectorAll('[data-kind]')].map((e) => e.getAttribute('data-kind'))).toEqual([
      'trap-wait-for-our-client',
      'new-order',
    ]);
    expect(signals.textContent).toMatch(/we pay when our client pays us/);
    cleanup();
    await renderCard({ draft: draftOf('王经理您好：我司财务下周五安排付款 12.4万，请查收。') });
    expect(within(card()).queryByTestId('capture-signals')).toBeNull();
  });

  it('prefills a promise, shows what evidence is kept, saves it and clears the draft', async () => {
    await renderCard({ draft: draftOf('王经理您好：我司财务下周五安排付款 12.4万，请查收。') });
    await within(card()).findByText('杭州云帆科技有限公司');
    expect((within(card()).getByTestId('capture-kind-promise') as HTMLInputElement).checked).toBe(true);
    expect((within(card()).getByTestId('capture-amount') as HTMLInputElement).value).toBe('124,000.00');
    expect((within(card()).getByTestId('capture-date') as HTMLInputElement).value).toBe('2026-11-27');
    const ev = within(card()).getByTestId('capture-evidence');
    expect(within(ev).getByTestId('capture-evidence-label').textContent).toBe(
      'Re: 付款安排 · 2026-11-20 09:30 · finance@yunfan-tech.example.cn',
    );
    expect(within(ev).getByRole('link').getAttribute('href')).toBe('https://mail.google.com/mail/u/0/#inbox/FMfcgz');
    await waitFor(() => expect(save().disabled).toBe(false));
    await userEvent.click(save());
    expect((await saved()).textContent).toMatch(/Promise saved for 杭州云帆科技有限公司: CN¥124,000\.00 by/);
    const promises = (await db.promises.where('customerId').equals('c01').toArray()).filter(
      (p) => p.source === 'capture',
    );
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({
      amount: { minor: 12_400_000, currency: 'CNY' },
      date: '2026-11-27',
      status: 'pending',
    });
    expect(promises[0].evidence).toBe(
      'Re: 付款安排 · 2026-11-20 09:30 · finance@yunfan-tech.example.cn · https://mail.google.com/mail/u/0/#inbox/FMfcgz',
    );
    await waitFor(() => expect(types()).toContain('draft/clear'));
    expect(sent.find((m) => m.type === 'draft/clear')).toEqual({ type: 'draft/clear', tabId: 7 });
    // A confidently matched customer is never re-linked.
    expect(types()).not.toContain('customer/link');
    expect(save().disabled).toBe(true);
  });

  it("says when an old message's promised date has passed, and saves a new date or a broken promise on purpose", async () => {
    const oldSent = new Date(2026, 10, 2, 9, 30).toISOString(); // Mon 2 Nov: 下周五 (Friday of next week) is 13 Nov, before today
    await renderCard({ draft: draftOf('王经理您好：我司财务下周五安排付款 12.4万，请查收。', { sentAt: oldSent }) });
    await within(card()).findByText('杭州云帆科技有限公司');
    expect((within(card()).getByTestId('capture-date') as HTMLInputElement).value).toBe('2026-11-13');
    const warning = await within(card()).findByTestId('capture-date-passed');
    expect(warning.textContent).toContain('the message was sent on 2 Nov 2026 and today is 22 Nov 2026');
    expect(save().disabled).toBe(true);
    // A new date clears the warning.
    fireEvent.change(within(card()).getByTestId('capture-date'), { target: { value: '2026-11-30' } });
    expect(within(card()).queryByTestId('capture-date-passed')).toBeNull();
    expect(save().disabled).toBe(false);
    // Back to the old date: saved only when the user says it is a broken promise.
    fireEvent.change(within(card()).getByTestId('capture-date'), { target: { value: '2026-11-13' } });
    expect(save().disabled).toBe(true);
    await userEvent.click(within(card()).getByTestId('capture-record-broken'));
    expect(save().disabled).toBe(false);
    await userEvent.click(save());
    await saved();
    const promises = (await db.promises.where('customerId').equals('c01').toArray()).filter(
      (p) => p.source === 'capture',
    );
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({ date: '2026-11-13', status: 'broken' });
  });

  it('logs hardship as an activity with the message as its note, without touching limitation', async () => {
    const text = '最近公司资金紧张，付款可能要推迟一段时间，请谅解。';
    await renderCard({ draft: draftOf(text) });
    await within(card()).findByText('杭州云帆科技有限公司');
    expect((within(card()).getByTestId('capture-kind-activity') as HTMLInputElement).checked).toBe(true);
    expect((within(card()).getByTestId('capture-outcome') as HTMLSelectElement).value).toBe('hardship');
    expect((within(card()).getByTestId('capture-channel') as HTMLSelectElement).value).toBe('email');
    expect(within(card()).queryByTestId('capture-amount')).toBeNull();
    await userEvent.selectOptions(within(card()).getByTestId('capture-channel'), 'im');
    await userEvent.click(save());
    await saved();
    const acts = await db.activities
      .where('customerId')
      .equals('c01')
      .filter((a) => a.note === text)
      .toArray();
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ outcome: 'hardship', channel: 'im', date: '2026-11-20' });
    expect(acts[0].evidence).toContain('Re: 付款安排');
    const recs = await receivablesOf(db, 'c01');
    expect(recs.every((r) => r.interruptions.length === 0)).toBe(true);
  });

  it('marks the invoice the message names as disputed, and lets the user tick another', async () => {
    await renderCard({
      draft: draftOf('您好，发票号 031000101 的抬头不对，请重开发票后我们再走付款流程。', { subject: '发票抬头问题' }),
    });
    await within(card()).findByText('杭州云帆科技有限公司');
    expect(card().getAttribute('data-kind')).toBe('dispute');
    const docs = await within(card()).findAllByTestId('capture-doc');
    const box = (doc: string) => docs.find((d) => d.getAttribute('data-doc') === doc) as HTMLInputElement;
    expect(box('031000101').checked).toBe(true);
    expect(docs.filter((d) => (d as HTMLInputElement).checked)).toHaveLength(1);
    expect((within(card()).getByTestId('capture-reason') as HTMLTextAreaElement).value).toBe(
      '您好，发票号 031000101 的抬头不对，请重开发票后我们再走付款流程。',
    );
    // Unticking the only invoice blocks saving with a clear message.
    await userEvent.click(box('031000101'));
    expect(within(card()).getByTestId('capture-error-receivableIds').textContent).toBe('Tick the invoices in dispute.');
    expect(save().disabled).toBe(true);
    await userEvent.click(box('031000101'));
    await userEvent.click(box('031000100'));
    const reason = within(card()).getByTestId('capture-reason');
    await userEvent.clear(reason);
    expect(within(card()).getByTestId('capture-error-reason').textContent).toBe('Say what is disputed.');
    await userEvent.type(reason, 'Invoice title wrong');
    await userEvent.click(save());
    expect((await saved()).textContent).toBe('2 invoices of 杭州云帆科技有限公司 marked disputed.Dismiss');
    for (const doc of ['031000100', '031000101']) {
      const r = (await receivablesOf(db, 'c01')).find((x) => x.docNumber === doc)!;
      expect(r).toMatchObject({ disputed: true, disputeReason: 'Invoice title wrong' });
      expect(r.evidence.at(-1)).toMatch(/^发票抬头问题 · 2026-11-20 09:30 · finance@yunfan-tech\.example\.cn · https:/);
    }
    const act = await db.activities
      .where('customerId')
      .equals('c01')
      .filter((a) => a.outcome === 'disputed')
      .toArray();
    expect(act).toHaveLength(1);
    expect(act[0].receivableIds.sort()).toEqual(['c01-r1', 'c01-r2']);
    expect((await db.summaries.get('c01'))!.disputedCount).toBe(2);
  });

  it('logs a payment notice with amount, date and reference in the note, says the ledger confirms it, and books no payment', async () => {
    const payments = (await documentCounts(db)).payments;
    await renderCard({
      customerId: 'c06',
      draft: draftOf('We have paid $4,321.00 on Nov 18, for Invoice #20510.', {
        from: 'sarah.miller@pacificrim-components.example.com',
      }),
    });
    await within(card()).findByText('Pacific Rim Components Inc.');
    expect(card().getAttribute('data-kind')).toBe('payment');
    expect(within(card()).getByTestId('capture-ledger-note').textContent).toMatch(/ledger import/);
    expect((within(card()).getByTestId('capture-amount') as HTMLInputElement).value).toBe('4,321.00');
    expect((within(card()).getByTestId('capture-currency') as HTMLInputElement).value).toBe('USD');
    expect((within(card()).getByTestId('capture-date') as HTMLInputElement).value).toBe('2026-11-18');
    await waitFor(() =>
      expect(
        (
          within(card())
            .getAllByTestId('capture-doc')
            .find((d) => d.getAttribute('data-doc') === 'INV-20510') as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
    await userEvent.type(within(card()).getByTestId('capture-reference'), 'TT-7781');
    await userEvent.click(save());
    expect((await saved()).textContent).toMatch(
      /Payment notice logged for Pacific Rim Components Inc\.; the ledger import will confirm/,
    );
    const act = await db.activities
      .where('customerId')
      .equals('c06')
      .filter((a) => a.outcome === 'paid')
      .toArray();
    expect(act).toHaveLength(1);
    expect(act[0].note).toBe(
      'Customer says paid: $4,321.00 on 2026-11-18; reference TT-7781; invoices INV-20510\n\nWe have paid $4,321.00 on Nov 18, for Invoice #20510.',
    );
    expect((await documentCounts(db)).payments).toBe(payments);
  });

  it('asks which customer when unsure: candidates first, then a name search; saves to the pick and links the sender', async () => {
    await renderCard({
      customerId: null,
      matches: [
        { customerId: 'c02', score: 0.7, reason: 'fuzzy-name' },
        { customerId: 'c03', score: 0.66, reason: 'fuzzy-name' },
      ],
      draft: draftOf('We will remit $4,321.00 by the 25th.', { from: 'ap@pacificrim-components.example.com' }),
    });
    const picker = await within(card()).findByTestId('capture-customer-picker');
    await within(picker).findByText('上海申联物流股份有限公司');
    expect(
      within(picker)
        .getAllByTestId('capture-customer-option')
        .map((o) => o.getAttribute('data-customer-id')),
    ).toEqual(['c02', 'c03']);
    expect(within(picker).getByText('70% match · similar name')).toBeTruthy();
    expect(within(card()).getByTestId('capture-error-customerId').textContent).toBe('Choose the customer.');
    expect(save().disabled).toBe(true);
    await userEvent.type(within(picker).getByTestId('capture-customer-search'), 'pacific');
    const results = await within(picker).findByTestId('capture-customer-results');
    const option = await within(results).findByText('Pacific Rim Components Inc.');
    await userEvent.click(option);
    await within(card()).findByTestId('capture-customer');
    expect(within(card()).queryByTestId('capture-error-customerId')).toBeNull();
    expect((within(card()).getByTestId('capture-link-sender') as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(save().disabled).toBe(false));
    await userEvent.click(save());
    await saved();
    const p = await db.promises
      .where('customerId')
      .equals('c06')
      .filter((x) => x.source === 'capture')
      .toArray();
    expect(p).toHaveLength(1);
    expect(p[0].amount).toEqual({ minor: 432_100, currency: 'USD' });
    await waitFor(() => expect(types()).toEqual(['draft/clear', 'customer/link', 'data/changed']));
    expect(sent[1]).toEqual({ type: 'customer/link', tabId: 7, customerId: 'c06' });
    expect(
      await db.promises
        .where('customerId')
        .anyOf('c02', 'c03')
        .filter((x) => x.source === 'capture')
        .count(),
    ).toBe(0);
  });

  it('does not offer to link a free-mail sender, and can change a matched customer', async () => {
    await renderCard({
      customerId: 'c01',
      draft: draftOf('We will remit $4,321.00 by the 25th.', { from: 'someone@gmail.com' }),
    });
    await within(card()).findByText('杭州云帆科技有限公司');
    await userEvent.click(within(card()).getByRole('button', { name: 'Change customer' }));
    await userEvent.type(within(card()).getByTestId('capture-customer-search'), 'Nordwind');
    await userEvent.click(await within(card()).findByText('Nordwind Maschinenbau GmbH'));
    expect(within(card()).queryByTestId('capture-link-sender')).toBeNull();
    await userEvent.click(save());
    await saved();
    expect(
      await db.promises
        .where('customerId')
        .equals('c07')
        .filter((x) => x.source === 'capture')
        .count(),
    ).toBe(1);
    expect(types()).not.toContain('customer/link');
  });

  it('validates amount and date with clear messages and keeps saving disabled until valid', async () => {
    await renderCard({ draft: draftOf('请尽快安排付款。') });
    await within(card()).findByText('杭州云帆科技有限公司');
    await userEvent.click(within(card()).getByTestId('capture-kind-promise'));
    const amount = within(card()).getByTestId('capture-amount');
    expect(within(card()).getByTestId('capture-error-amount').textContent).toBe('Enter the amount.');
    expect(within(card()).getByTestId('capture-error-date').textContent).toBe('Enter the date.');
    expect(save().disabled).toBe(true);
    await userEvent.type(amount, '12,4oo');
    expect(within(card()).getByTestId('capture-error-amount').textContent).toMatch(/must be a number above zero/);
    await userEvent.clear(amount);
    await userEvent.type(amount, '12.4万');
    expect(within(card()).queryByTestId('capture-error-amount')).toBeNull();
    fireEvent.change(within(card()).getByTestId('capture-date'), { target: { value: '2026-12-05' } });
    expect(within(card()).queryByTestId('capture-error-date')).toBeNull();
    const cur = within(card()).getByTestId('capture-currency');
    await userEvent.clear(cur);
    await userEvent.type(cur, 'RM');
    expect(within(card()).getByTestId('capture-error-currency')).toBeTruthy();
    expect(save().disabled).toBe(true);
    await userEvent.clear(cur);
    await userEvent.type(cur, 'CNY');
    await waitFor(() => expect(save().disabled).toBe(false));
    await userEvent.click(save());
    await saved();
    const p = await db.promises
      .where('customerId')
      .equals('c01')
      .filter((x) => x.source === 'capture')
      .first();
    expect(p).toMatchObject({ amount: { minor: 12_400_000, currency: 'CNY' }, date: '2026-12-05' });
  });

  it('shows the errors and labels in 简体中文 when the user chose Chinese', async () => {
    await saveSettings(db, { language: 'zh' });
    await renderCard({ draft: draftOf('请尽快安排付款。') });
    await within(card()).findByText('杭州云帆科技有限公司');
    await userEvent.click(within(card()).getByTestId('capture-kind-promise'));
    await within(card()).findByText('请填写金额。');
    expect(within(card()).getByTestId('capture-error-date').textContent).toBe('请填写日期。');
    expect(save().textContent).toBe('保存承诺');
    await userEvent.click(within(card()).getByTestId('capture-kind-dispute'));
    expect(within(card()).getByTestId('capture-error-receivableIds').textContent).toBe('请勾选有异议的发票。');
    expect(within(card()).getByText('有异议的发票')).toBeTruthy();
  });
});
