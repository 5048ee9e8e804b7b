// @vitest-environment happy-dom
/** The letter page: pick the invoices, edit the text, print, and log it as sent with what was printed. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { LetterPage } from '@/components/letter/LetterPage';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { replaceAll, saveSettings } from '@/lib/db/repo';
import { defaultSettings } from '@/lib/domain';
import { fixed, panelStore } from '../support/panelStore';

let db: HuikuanDb;
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
  await replaceAll(db, panelStore(), fixed);
  await saveSettings(db, {
    ourCompany: {
      ...defaultSettings().ourCompany,
      name: '回款科技有限公司',
      contactName: '王磊',
      contactPhone: '138 0000 1234',
    },
  });
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

async function letter(query: string) {
  history.replaceState(null, '', `/letter.html?${query}`);
  render(
    <AppShell clock={() => fixed}>
      <LetterPage />
    </AppShell>,
  );
  return screen.findByTestId('letter', undefined, { timeout: 5000 });
}

describe('letter page', () => {
  it('the totals and capitals follow the invoices picked', async () => {
    const page = await letter('customer=c1&kind=balance-confirmation&lang=zh');
    expect(within(page).getByTestId('letter-total').textContent).toBe(
      '¥45,000.00（人民币肆万伍仟元整）；US$1,240.00（美元壹仟贰佰肆拾元整）',
    );
    await userEvent.click(within(page).getByTestId('letter-invoices-INV-0003'));
    await userEvent.click(within(page).getByTestId('letter-invoices-US-77'));
    expect(within(page).getByTestId('letter-total').textContent).toBe('¥40,000.00（人民币肆万元整）');
    expect(
      within(page)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toHaveLength(3);
    expect(within(page).getByTestId('letter-reference').textContent).toBe('DZ-20261122-01');
    expect(within(page).getByTestId('letter-signoff').textContent).toMatch(
      /回款科技有限公司（盖章）联系人：王磊　电话：138 0000 1234/,
    );
  });

  it('a disputed invoice is named apart and cannot be picked', async () => {
    const page = await letter('customer=c2&kind=collection-letter&lang=zh');
    expect(within(page).getByTestId('letter-disputed').textContent).toMatch(/YF-1 ¥20,000\.00（发票抬头错误）/);
    expect(within(page).queryByTestId('letter-invoices-YF-1')).toBeNull();
    expect(within(page).getByTestId('letter-invoices-disputed').textContent).toMatch(/YF-1/);
  });

  it('edits a paragraph, prints, and logs the letter as sent with its text, reference and invoices', async () => {
    const print = vi.fn();
    window.print = print;
    const page = await letter('customer=c1&kind=collection-letter&lang=en');
    await userEvent.click(within(page).getByTestId('letter-invoices-INV-0002'));
    await userEvent.click(within(page).getByTestId('letter-edit'));
    const p0 = within(page).getByTestId('letter-paragraph-0') as HTMLTextAreaElement;
    await userEvent.clear(p0);
    await userEvent.type(p0, 'As agreed with Li Wei on the phone, here are the amounts.');
    await userEvent.click(within(page).getByTestId('letter-invoices-INV-0003'));
    expect(within(page).getByTestId('letter-check-amounts')).toBeTruthy();
    await userEvent.click(within(page).getByTestId('letter-print'));
    expect(print).toHaveBeenCalledOnce();
    const log = await within(page).findByTestId('log-attempt');
    fireEvent.keyDown(log, { key: 'Enter' }); // the finance letter's own channel
    fireEvent.keyDown(log, { key: 'p' });
    await within(page).findByTestId('attempt-logged');
    const logged = (await db.activities.where('customerId').equals('c1').toArray()).find((a) => a.id !== 'a1')!;
    expect(logged).toMatchObject({ channel: 'finance-letter', outcome: 'promised', receivableIds: ['r1', 'r4'] });
    expect(logged.sent).toMatchObject({ kind: 'letter', letterKind: 'collection-letter', reference: 'CK-20261122-01' });
    expect(logged.sent?.text).toMatch(/As agreed with Li Wei on the phone, here are the amounts\./);
    expect(logged.sent?.text).not.toMatch(/INV-0002|INV-0003/);
    // The page keeps its number after logging; the next letter of the kind today would be 02.
    expect(within(page).getByTestId('letter-reference').textContent).toBe('CK-20261122-01');
  });

  it('the late-interest paragraph: off by default, in the 催款函 only when ticked, on the undisputed part with rule and day count', async () => {
    await db.customerTerms.put({
      customerId: 'c1',
      interest: { kind: 'per-day', rate: 0.0005 },
      weWereSme: false,
      debtorSize: 'unknown',
      publicInstitution: false,
      inCourt: false,
      interestInLetter: false,
      updatedAt: 1,
    });
    // ¥10,000 of INV-0001 (¥30,000, 144 days overdue) is disputed: interest runs on the other ¥20,000.
    await db.disputes.put({
      id: 'd1',
      customerId: 'c1',
      receivableId: 'r1',
      category: 'quality',
      disputedMinor: 10_000_00,
      currency: 'CNY',
      raisedOn: '2026-11-01',
      contractMakesItACondition: false,
      status: 'open',
      createdAt: 1,
      updatedAt: 1,
    });
    const page = await letter('customer=c1&kind=collection-letter&lang=zh');
    const box = (await within(page).findByTestId('letter-interest')) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(within(page).queryByTestId('letter-interest-text')).toBeNull();
    expect(within(page).getByTestId('letter-interest-option').textContent).toMatch(/the contract's 0\.05% a day/);
    await userEvent.click(box);
    const text = within(page).getByTestId('letter-interest-text').textContent!;
    // 20,000 × 0.05 % × 144 days = ¥1,440.00, plus INV-0002 10,000 × 0.05 % × 21 = ¥105.00; US-77 1,240 × 0.05 % × 43 = US$26.66.
    expect(text).toBe(
      '按合同约定每日 0.05%计算，截至 2026年11月22日，上述逾期款项产生的逾期利息为 ¥1,545.00，US$26.66（自各笔款项逾期之日起算，首尾两日均计入，最长 144 天）。我司保留依法主张该逾期利息的权利。',
    );
    // Picking fewer invoices changes the figure; unticking takes the paragraph out.
    await userEvent.click(within(page).getByTestId('letter-invoices-US-77'));
    expect(within(page).getByTestId('letter-interest-text').textContent).toMatch(/逾期利息为 ¥1,545\.00（/);
    await userEvent.click(box);
    expect(within(page).queryByTestId('letter-interest-text')).toBeNull();
  });

  it('the balance confirmation offers no interest paragraph', async () => {
    const page = await letter('customer=c1&kind=balance-confirmation&lang=zh');
    expect(within(page).queryByTestId('letter-interest')).toBeNull();
  });

  it('says on screen what Settings lack, and prints a line to fill in by hand', async () => {
    await saveSettings(db, { ourCompany: defaultSettings().ourCompany });
    const page = await letter('customer=c1&kind=collection-letter&lang=zh');
    await waitFor(() =>
      expect(within(page).getByTestId('letter-missing').textContent).toMatch(
        /contact person or phone is not in Settings/,
      ),
    );
    expect(within(page).getByTestId('letter-signoff').textContent).toMatch(/联系人：__________/);
  });
});
