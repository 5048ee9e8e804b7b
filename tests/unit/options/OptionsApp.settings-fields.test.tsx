// @vitest-environment happy-dom
/**
 * Settings are written field by field (issue #20): browser autofill or paste-Tab-paste fills the seven "our
 * company" fields within one save pause; every one of them must be stored, not only the last.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppShell } from '@/components/app/AppShell';
import { OptionsApp } from '@/components/options/OptionsApp';
import { HuikuanDb, setDb } from '@/lib/db/schema';
import { getSettings, saveSettings } from '@/lib/db/repo';
import { pinnedClock } from '../support/clock';

let db: HuikuanDb;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  db = new HuikuanDb(`t-${Math.random()}`);
  setDb(db);
});
afterEach(() => {
  cleanup();
  db.close();
  setDb(undefined);
});

const company = {
  name: '杭州回款科技有限公司',
  nameEn: 'Hangzhou Huikuan Technology Co., Ltd.',
  bankName: '招商银行杭州分行',
  bankAccount: '5719 0000 1234 5678',
  accountName: '杭州回款科技有限公司',
  contactName: '王磊',
  contactPhone: '+86 571 8888 0000',
};

describe('our company, field by field', () => {
  it('all seven fields filled within one save pause are all stored', async () => {
    render(
      <AppShell clock={pinnedClock}>
        <OptionsApp initial="settings" />
      </AppShell>,
    );
    await screen.findByTestId('setting-company-name');
    // One change event per field, back to back: far inside the 400 ms pause, as autofill does.
    for (const [f, v] of Object.entries(company))
      fireEvent.change(screen.getByTestId(`setting-company-${f}`), { target: { value: v } });
    await waitFor(async () => expect((await getSettings(db)).ourCompany).toEqual(company), { timeout: 5000 });
  });

  it('two writes of different fields from stale screens keep both', async () => {
    await Promise.all([
      saveSettings(db, { ourCompany: { name: company.name } }),
      saveSettings(db, { ourCompany: { bankName: company.bankName } }),
    ]);
    const s = await getSettings(db);
    expect(s.ourCompany.name).toBe(company.name);
    expect(s.ourCompany.bankName).toBe(company.bankName);
  });
});
